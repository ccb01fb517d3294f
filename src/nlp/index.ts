/**
 * The linguistic core's entry point: the shipped models, loaded once on first use, and the analysis of
 * one sentence's words (tags, tree, entities). Everything here is a pure function of the words.
 */
import { DependencyParser } from './parser.ts';
import { EntityTagger } from './entities.ts';
import { PosTagger, wordAtoms } from './tagger.ts';
import type { WordAnalysis } from './types.ts';

export interface NlpModels {
  tagger: PosTagger;
  parser: DependencyParser;
  entities: EntityTagger;
}

let shipped: NlpModels | undefined;

/** The models shipped in src/nlp/models, loaded on first call. */
export function nlpModels(): NlpModels {
  shipped ??= { tagger: PosTagger.load(), parser: DependencyParser.load(), entities: EntityTagger.load() };
  return shipped;
}

/** Tags, parses and finds the named entities of one sentence's words. */
export function analyseWords(forms: string[], models: NlpModels = nlpModels()): WordAnalysis {
  if (!forms.length) return { upos: [], heads: new Int32Array(0), deprels: [], ner: [] };
  const atoms = wordAtoms(forms);
  const upos = models.tagger.tag(forms, atoms);
  const { heads, deprels } = models.parser.parse(forms, upos, atoms);
  const ner = models.entities.tag(forms, upos);
  return { upos, heads, deprels, ner };
}
