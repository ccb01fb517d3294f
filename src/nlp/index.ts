/**
 * The linguistic core's entry point: the shipped models, loaded once on first use, and the analysis of
 * one sentence's words (tags, tree, entities). Everything here is a pure function of the words.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { DependencyParser, PARSER_MODEL_PATH } from './parser.ts';
import { DEFAULT_ENTITY_MODEL, EntityTagger } from './entities.ts';
import { POS_MODEL_PATH, PosTagger, wordAtoms } from './tagger.ts';
import { SparseModel, type SparseTables } from './perceptron.ts';
import type { WordAnalysis } from './types.ts';

export interface NlpModels {
  tagger: PosTagger;
  parser: DependencyParser;
  entities: EntityTagger;
}

let shipped: NlpModels | undefined;

/** The models shipped in src/nlp/models, loaded on first call (or those useSharedNlpModels installed). */
export function nlpModels(): NlpModels {
  shipped ??= { tagger: PosTagger.load(), parser: DependencyParser.load(), entities: EntityTagger.load() };
  return shipped;
}

/** The shipped models' tables, on SharedArrayBuffers: what worker threads are handed instead of each loading the files. */
export interface SharedNlpModels {
  tagger: SparseTables;
  moves: SparseTables;
  labels: SparseTables;
  entities: SparseTables;
}

let shared: SharedNlpModels | undefined;

/**
 * Loads the shipped models once, into shared memory, for this thread's workers (src/dataset/pool.ts):
 * posted to a worker, a SharedArrayBuffer is the same memory there, not a copy, so two workers hold one
 * copy of the models (34 MB) instead of each unpacking its own. Also what nlpModels() answers here.
 */
export function shareNlpModels(): SharedNlpModels {
  if (shared) return shared;
  const models = { tagger: PosTagger.load(undefined, true), parser: DependencyParser.load(undefined, true), entities: EntityTagger.load(undefined, true) };
  shipped ??= models;
  shared = {
    tagger: models.tagger.model.tables,
    moves: models.parser.moves.tables,
    labels: models.parser.labels.tables,
    entities: (models.entities.model as SparseModel).tables,
  };
  return shared;
}

/** In a worker: nlpModels() answers with models over the tables another thread loaded (shareNlpModels). */
export function useSharedNlpModels(s: SharedNlpModels): void {
  if (shipped) return;
  shipped = {
    tagger: new PosTagger(new SparseModel(s.tagger), () => gunzipSync(readFileSync(POS_MODEL_PATH))),
    parser: new DependencyParser(new SparseModel(s.moves), new SparseModel(s.labels), () => gunzipSync(readFileSync(PARSER_MODEL_PATH))),
    entities: new EntityTagger(new SparseModel(s.entities), () => gunzipSync(readFileSync(DEFAULT_ENTITY_MODEL))),
  };
}

/** Tags, parses and finds the named entities of one sentence's words. */
export function analyseWords(forms: string[], models: NlpModels = nlpModels()): WordAnalysis {
  if (!forms.length) return { upos: [], heads: new Int32Array(0), deprels: [], ner: [] };
  const atoms = wordAtoms(forms);
  const upos = models.tagger.tag(forms, atoms);
  const { heads, deprels } = models.parser.parse(forms, upos, atoms);
  const ner = models.entities.tag(forms, upos, atoms.wnNoun);
  return { upos, heads, deprels, ner };
}
