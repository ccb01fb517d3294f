/**
 * `make train-nlp`: trains the tagger, the parser and the entity tagger from Universal Dependencies English
 * (EWT train + the CC BY parts of GUM train) and writes them, gzipped, into src/nlp/models. Deterministic:
 * fixed seeds and orders, so the same data gives the same bytes.
 *
 * The parser and the entity tagger are trained on predicted part-of-speech tags (jackknifed: each fifth
 * of the training sentences tagged by a tagger trained on the other four fifths), because predicted tags
 * are what they will see at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { goldSentence, readConllu, type GoldSentence } from './conllu.ts';
import { DEFAULT_PARSER_TRAINING, DependencyParser, PARSER_MODEL_PATH, attachmentScores, pruneParser, trainParser, type TreeSentence } from './parser.ts';
import { POS_MODEL_PATH, tagAccuracy, trainTagger } from './tagger.ts';
import { DEFAULT_ENTITY_MODEL, evaluateEntities, formatScores, trainEntityTagger } from './entities.ts';

export const TAGGER_TRAINING = { epochs: 8, seed: 1 };
const FOLDS = 5;

export interface TrainNlpOptions {
  log: (line: string) => void;
  /** Where the model files go (default: the shipped ones in src/nlp/models). */
  outDir?: string;
  /** Also write the parser before pruning (for choosing the pruning threshold). */
  keepUnpruned?: boolean;
}

/**
 * Parser features whose weights all stay below this are left out of the shipped file: a smaller file that
 * loads and parses faster, for no measurable loss on the dev sets (chosen there).
 */
export const PARSER_MIN_WEIGHT = 2;
/** And single weights (one class of a kept feature) below this: the move model's 37 classes leave many small ones. */
export const PARSER_MIN_CELL = 2;

/** The gold sentences of one treebank split under `udDir` (e.g. "ewt", "train"). */
export function readTreebank(udDir: string, bank: 'ewt' | 'gum', split: 'train' | 'dev' | 'test'): GoldSentence[] {
  const file = join(udDir, bank, bank === 'ewt' ? `en_ewt-ud-${split}.conllu` : `en_gum-cc-by-${split}.conllu`);
  return readConllu(readFileSync(file, 'utf8'), file).map(goldSentence);
}

/** Heads 0-based with -1 for the root, as the parser wants them. */
export const asTree = (s: GoldSentence, upos = s.upos): TreeSentence => ({ forms: s.forms, upos, heads: s.heads.map((h) => h - 1), deprels: s.deprels });

function write(path: string, bytes: Buffer, log: (line: string) => void): void {
  const gz = gzipSync(bytes, { level: 9 });
  writeFileSync(path, gz);
  log(`wrote ${path} (${(gz.length / 1e6).toFixed(2)} MB)`);
}

export async function trainNlp(udDir: string, options: TrainNlpOptions): Promise<void> {
  const { log } = options;
  const out = (path: string) => (options.outDir ? join(options.outDir, path.split('/').pop()!) : path);
  const t0 = performance.now();
  const seconds = () => ((performance.now() - t0) / 1000).toFixed(0) + ' s';
  const ewt = readTreebank(udDir, 'ewt', 'train');
  const gum = readTreebank(udDir, 'gum', 'train');
  const train = [...ewt, ...gum];
  const dev = [...readTreebank(udDir, 'ewt', 'dev'), ...readTreebank(udDir, 'gum', 'dev')];
  log(`${ewt.length} EWT and ${gum.length} GUM training sentences`);

  // Predicted tags for the training sentences, each fold tagged by a tagger that did not see it.
  const predicted: string[][] = new Array(train.length);
  for (let fold = 0; fold < FOLDS; fold++) {
    const tagger = trainTagger(train.filter((_, i) => i % FOLDS !== fold), TAGGER_TRAINING);
    train.forEach((s, i) => {
      if (i % FOLDS === fold) predicted[i] = tagger.tag(s.forms);
    });
    log(`jackknife fold ${fold + 1}/${FOLDS} tagged (${seconds()})`);
  }

  const tagger = trainTagger(train, { ...TAGGER_TRAINING, log });
  log(`part-of-speech dev accuracy ${tagAccuracy(tagger, dev).toFixed(4)} (${seconds()})`);
  write(out(POS_MODEL_PATH), tagger.bytes, log);

  const trained = trainParser(train.map((s, i) => asTree(s, predicted[i])), { ...DEFAULT_PARSER_TRAINING, log });
  const parser = DependencyParser.deserialize(pruneParser(trained.bytes, PARSER_MIN_WEIGHT, PARSER_MIN_CELL), 'pruned parser');
  const devScores = attachmentScores(parser, dev.map((s) => asTree(s, tagger.tag(s.forms))));
  log(`parser dev UAS ${devScores.uas.toFixed(4)} LAS ${devScores.las.toFixed(4)} (${seconds()})`);
  write(out(PARSER_MODEL_PATH), parser.bytes, log);
  if (options.keepUnpruned) write(out(PARSER_MODEL_PATH).replace(/\.bin\.gz$/, '.unpruned.bin.gz'), trained.bytes, log);

  // Gold tags train the entity tagger better than predicted ones (measured on GUM dev).
  const entities = trainEntityTagger(gum, { log });
  const gumDev = readTreebank(udDir, 'gum', 'dev');
  log(`entities GUM dev (predicted tags): ${formatScores(evaluateEntities(entities, gumDev, gumDev.map((s) => tagger.tag(s.forms))))} (${seconds()})`);
  write(out(fileURLToPath(DEFAULT_ENTITY_MODEL)), entities.serialize({ source: 'UD English-GUM (CC BY 4.0 parts), train split' }), log);
  log(`trained in ${seconds()}`);
}
