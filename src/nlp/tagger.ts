/**
 * Part-of-speech tagger: greedy left-to-right averaged perceptron over UPOS tags, with the words around the
 * token, its affixes and shape, and the two tags already predicted to its left (Collins 2002; the feature
 * set follows Honnibal's well-known tagger, widened with the right context's affixes and shapes).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { wordClasses } from './wordnet.ts';
import { argmax, AveragedPerceptron, FeatureVector, hashString, rng, shuffle, SparseModel } from './perceptron.ts';
import { FNV_OFFSET, fmix32, fnvStep, hash32Range } from '../util/hash.ts';

export const UPOS_TAGS = ['ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SCONJ', 'SYM', 'VERB', 'X'] as const;
const TAG_ID = new Map<string, number>(UPOS_TAGS.map((t, i) => [t, i]));
const TAG_HASH = UPOS_TAGS.map((t) => hashString(t));
const START = [hashString('<s>'), hashString('<s2>')];
const END = [hashString('</s>'), hashString('</s2>')];

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const NUMBER = /\p{N}/u;

/** A word's shape: "Obama" -> "Xx", "U.S." -> "X.X.", "1987" -> "d", "e-mail" -> "x-x". */
export function wordShape(form: string): string {
  let shape = '';
  let last = '';
  for (const ch of form.length > 24 ? form.slice(0, 24) : form) {
    const code = ch.charCodeAt(0);
    // ASCII by character codes (most words); the Unicode classes otherwise.
    const c =
      code < 128
        ? code >= 65 && code <= 90 ? 'X' : code >= 97 && code <= 122 ? 'x' : code >= 48 && code <= 57 ? 'd' : ch
        : UPPER.test(ch) ? 'X' : LOWER.test(ch) ? 'x' : NUMBER.test(ch) ? 'd' : ch;
    if (c !== last) shape += c;
    last = c;
  }
  return shape;
}

/** Per-token string hashes, computed once per sentence and shared by the feature templates. */
export interface WordAtoms {
  lower: Int32Array;
  shape: Int32Array;
  suf1: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  pre1: Int32Array;
  pre2: Int32Array;
  form: Int32Array;
  /** WordNet's parts of speech for the word, and its first noun sense's class (see wordnet.ts). */
  wnPos: Int32Array;
  wnNoun: Int32Array;
}

/** Digits are folded ("1987" and "2004" share their features) so that numbers generalise. */
const DIGIT = /\d/;
const DIGITS = /\d/g;
const normalise = (lower: string) => (DIGIT.test(lower) ? lower.replace(DIGITS, '0') : lower);

/**
 * hashString(wordShape(form)) without building the shape: ASCII words (almost all) are hashed as their
 * shape is read; others take wordShape itself.
 */
function shapeHash(form: string): number {
  const n = form.length > 24 ? 24 : form.length;
  let h = FNV_OFFSET;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const code = form.charCodeAt(i);
    if (code >= 128) return hashString(wordShape(form));
    const c = code >= 65 && code <= 90 ? 88 : code >= 97 && code <= 122 ? 120 : code >= 48 && code <= 57 ? 100 : code;
    if (c !== last) h = fnvStep(h, c);
    last = c;
  }
  return fmix32(h);
}

export function wordAtoms(forms: string[]): WordAtoms {
  const n = forms.length;
  const a: WordAtoms = {
    lower: new Int32Array(n), shape: new Int32Array(n), suf1: new Int32Array(n), suf2: new Int32Array(n),
    suf3: new Int32Array(n), suf4: new Int32Array(n), pre1: new Int32Array(n), pre2: new Int32Array(n), form: new Int32Array(n),
    wnPos: new Int32Array(n), wnNoun: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const low = forms[i].toLowerCase();
    const lower = normalise(low);
    const L = lower.length;
    a.lower[i] = hashString(lower);
    a.form[i] = hashString(forms[i]);
    a.shape[i] = shapeHash(forms[i]);
    // The affixes are hashed in place (the hash of lower.slice(-k) / lower.slice(0, k), no substring made).
    a.suf1[i] = hash32Range(lower, L > 1 ? L - 1 : 0, L);
    a.suf2[i] = hash32Range(lower, L > 2 ? L - 2 : 0, L);
    a.suf3[i] = hash32Range(lower, L > 3 ? L - 3 : 0, L);
    a.suf4[i] = hash32Range(lower, L > 4 ? L - 4 : 0, L);
    a.pre1[i] = hash32Range(lower, 0, L < 1 ? L : 1);
    a.pre2[i] = hash32Range(lower, 0, L < 2 ? L : 2);
    const c = wordClasses(low);
    a.wnPos[i] = c.mask + 1;
    a.wnNoun[i] = c.noun + 100;
  }
  return a;
}

/** The lower-cased word at i, or a padding symbol before the start and after the end. */
function lowerAt(w: WordAtoms, i: number): number {
  return i < 0 ? START[-i - 1] : i >= w.lower.length ? END[i - w.lower.length] : w.lower[i];
}

function tokenFeatures(fv: FeatureVector, w: WordAtoms, i: number, p1: number, p2: number): void {
  fv.clear();
  fv.add(0, 1);
  fv.add(1, w.lower[i]);
  fv.add(2, w.form[i]);
  fv.add(3, w.suf1[i]);
  fv.add(4, w.suf2[i]);
  fv.add(5, w.suf3[i]);
  fv.add(6, w.suf4[i]);
  fv.add(7, w.pre1[i]);
  fv.add(8, w.pre2[i]);
  fv.add(9, w.shape[i]);
  fv.add(10, p1);
  fv.add(11, p1, p2);
  fv.add(12, p1, w.lower[i]);
  fv.add(13, lowerAt(w, i - 1));
  fv.add(14, lowerAt(w, i - 2));
  fv.add(15, lowerAt(w, i + 1));
  fv.add(16, lowerAt(w, i + 2));
  fv.add(17, lowerAt(w, i - 1), w.lower[i]);
  fv.add(18, w.lower[i], lowerAt(w, i + 1));
  fv.add(19, i > 0 ? w.suf3[i - 1] : START[0]);
  fv.add(20, i + 1 < w.suf3.length ? w.suf3[i + 1] : END[0]);
  fv.add(21, i + 1 < w.shape.length ? w.shape[i + 1] : END[0]);
  fv.add(22, i > 0 ? w.shape[i - 1] : START[0], w.shape[i]);
  fv.add(23, i === 0 ? 1 : 0, w.shape[i]);
  fv.add(24, p1, w.suf3[i]);
  fv.add(25, lowerAt(w, i + 1), lowerAt(w, i + 2));
  fv.add(26, i + 1 < w.suf2.length ? w.suf2[i + 1] : END[0], w.suf3[i]);
  fv.add(27, p1, lowerAt(w, i + 1));
  fv.add(28, i + 2 < w.suf3.length ? w.suf3[i + 2] : END[1]);
  // What WordNet says the word (and its neighbours) can be: the features that reach rare words.
  const n = w.wnPos.length;
  fv.add(50, w.wnPos[i]);
  fv.add(51, w.wnPos[i], w.suf3[i]);
  fv.add(52, i + 1 < n ? w.wnPos[i + 1] : END[0]);
  fv.add(53, i > 0 ? w.wnPos[i - 1] : START[0]);
  fv.add(54, p1, w.wnPos[i]);
  fv.add(55, w.wnPos[i], w.shape[i]);
  fv.add(56, w.wnNoun[i]);
}

export class PosTagger {
  private readonly fv = new FeatureVector();
  private readonly scores = new Float32Array(UPOS_TAGS.length);

  /**
   * `bytes` is the model's binary form, as shipped, or how to read it again: a model loaded from its file
   * does not keep the file's bytes (they are only wanted to write the model out).
   */
  constructor(readonly model: SparseModel, private readonly source: Buffer | (() => Buffer)) {}

  get bytes(): Buffer {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  /** `atoms`: the words' wordAtoms, when the caller already has them (the parser reads the same). */
  tag(forms: string[], atoms?: WordAtoms): string[] {
    return this.tagIds(forms, atoms).map((t) => UPOS_TAGS[t]);
  }

  tagIds(forms: string[], atoms?: WordAtoms): number[] {
    const w = atoms ?? wordAtoms(forms);
    const out: number[] = [];
    let p1 = START[0];
    let p2 = START[1];
    for (let i = 0; i < forms.length; i++) {
      tokenFeatures(this.fv, w, i, p1, p2);
      const t = argmax(this.model.score(this.fv, this.scores), UPOS_TAGS.length);
      out.push(t);
      p2 = p1;
      p1 = TAG_HASH[t];
    }
    return out;
  }

  /** `shared`: the model's tables on SharedArrayBuffers (see SparseTables). */
  static deserialize(bytes: Buffer, source: string, shared = false): PosTagger {
    const { model, meta } = SparseModel.deserialize(bytes, source, shared);
    if (meta.model !== POS_META.model || (meta.tags as string[]).join(' ') !== UPOS_TAGS.join(' ')) throw new Error(`${source}: not a part-of-speech model for these tags`);
    return new PosTagger(model, bytes);
  }

  static load(path = POS_MODEL_PATH, shared = false): PosTagger {
    const read = () => gunzipSync(readFileSync(path));
    return new PosTagger(PosTagger.deserialize(read(), path, shared).model, read);
  }
}

const POS_META = { model: 'newsledger-pos', tags: UPOS_TAGS };

export const POS_MODEL_PATH = fileURLToPath(new URL('./models/pos.bin.gz', import.meta.url));

export interface TaggedSentence {
  forms: string[];
  upos: string[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  log?: (line: string) => void;
  /** Scored at the end, for the log. */
  dev?: TaggedSentence[];
  /** Prune features whose weights all stay below this. */
  minWeight?: number;
}

export function trainTagger(sentences: TaggedSentence[], options: TrainOptions): PosTagger {
  const model = new AveragedPerceptron(UPOS_TAGS.length);
  const fv = new FeatureVector();
  const scores = new Float32Array(UPOS_TAGS.length);
  const random = rng(options.seed);
  const order = sentences.map((_, i) => i);
  const atoms = sentences.map((s) => wordAtoms(s.forms));
  const gold = sentences.map((s) => s.upos.map((t) => TAG_ID.get(t) ?? TAG_ID.get('X')!));
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let right = 0;
    let total = 0;
    for (const k of order) {
      const w = atoms[k];
      let p1 = START[0];
      let p2 = START[1];
      for (let i = 0; i < gold[k].length; i++) {
        tokenFeatures(fv, w, i, p1, p2);
        const guess = argmax(model.score(fv, scores), UPOS_TAGS.length);
        const truth = gold[k][i];
        model.update(fv, truth, guess);
        model.tick();
        if (guess === truth) right++;
        total++;
        // The left context is what the tagger will see at prediction time: its own guesses.
        p2 = p1;
        p1 = TAG_HASH[guess];
      }
    }
    options.log?.(`pos epoch ${epoch}: train accuracy ${(right / total).toFixed(4)}, ${model.size} features`);
  }
  model.average();
  const { bytes, model: compact } = model.compact(POS_META, options.minWeight ?? 0);
  const tagger = new PosTagger(compact, bytes);
  if (options.dev) options.log?.(`pos dev accuracy ${tagAccuracy(tagger, options.dev).toFixed(4)}`);
  return tagger;
}

export function tagAccuracy(tagger: PosTagger, sentences: TaggedSentence[]): number {
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const tags = tagger.tag(s.forms);
    for (let i = 0; i < tags.length; i++) if (tags[i] === s.upos[i]) right++;
    total += tags.length;
  }
  return right / total;
}
