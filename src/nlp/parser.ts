/**
 * Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by an averaged perceptron
 * over the rich feature set of Zhang & Nivre (2011), trained with the dynamic oracle and exploration of
 * Goldberg & Nivre (2012, 2013), labelled with the universal part of Universal Dependencies relations.
 *
 * Two models: one chooses the move (shift, or a left or right arc of one of 18 groups of relations: 37
 * classes), the other labels each arc when it is made, from the head and the dependent, choosing within
 * the move's group (half the groups are one relation, whose arcs need no labeller). Scoring 3 unlabelled
 * moves made the move model blind to what kind of arc it makes (0.5 UAS less on EWT dev); scoring all 75
 * labelled moves at every step was 1.5 times slower (docs/nlp.md).
 *
 * The root is a token after the last word (Ballesteros & Nivre 2013): it is attached last, by a left arc
 * from the only word left on the stack, so every parse is one tree with exactly one root.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { argmax, AveragedPerceptron, FeatureVector, hashString, packModels, pruneModelBytes, rng, shuffle, SparseModel, unpackModels } from './perceptron.ts';
import { UPOS_TAGS, wordAtoms, type WordAtoms } from './tagger.ts';

/** The 37 universal relations of UD v2, in a fixed order: a label's index is part of the model. */
export const RELATIONS = [
  'acl', 'advcl', 'advmod', 'amod', 'appos', 'aux', 'case', 'cc', 'ccomp', 'clf', 'compound', 'conj', 'cop', 'csubj',
  'dep', 'det', 'discourse', 'dislocated', 'expl', 'fixed', 'flat', 'goeswith', 'iobj', 'list', 'mark', 'nmod', 'nsubj',
  'nummod', 'obj', 'obl', 'orphan', 'parataxis', 'punct', 'reparandum', 'root', 'vocative', 'xcomp',
] as const;
const L = RELATIONS.length;
const RELATION_ID = new Map<string, number>(RELATIONS.map((r, i) => [r, i]));
const ROOT_LABEL = RELATION_ID.get('root')!;
const DEP_LABEL = RELATION_ID.get('dep')!;

const SHIFT = 0;
const LEFT = 1;
const RIGHT = 2;
const N_MOVES = 3;

/**
 * The relation groups of the move model's arcs: an arc move is a direction and a group. Relations that
 * attach alike share a group; the common function-word relations are groups of their own.
 */
export const RELATION_GROUPS: readonly (readonly (typeof RELATIONS)[number][])[] = [
  ['punct'], ['det'], ['case'], ['aux', 'cop'], ['mark'], ['cc'], ['nsubj', 'csubj', 'expl'], ['obj', 'iobj'], ['obl', 'nmod'],
  ['amod', 'nummod'], ['advmod', 'discourse'], ['acl'], ['advcl', 'ccomp', 'xcomp'], ['conj'],
  ['parataxis', 'list', 'orphan', 'dep', 'reparandum', 'root', 'vocative', 'dislocated', 'clf'], ['appos'], ['compound'], ['flat', 'fixed', 'goeswith'],
];
const G = RELATION_GROUPS.length;
/** Move model classes: 0 shift, 1..G left arc of group c - 1, G+1..2G right arc of group c - G - 1. */
const N_CLASSES = 1 + 2 * G;
const GROUP_OF = new Int32Array(L).fill(-1);
RELATION_GROUPS.forEach((g, i) => g.forEach((r) => (GROUP_OF[RELATION_ID.get(r)!] = i)));
if (GROUP_OF.includes(-1)) throw new Error('a relation without a group');
/** The one relation of a group of one, else -1: such arcs are labelled by their move. */
const GROUP_SINGLE = RELATION_GROUPS.map((g) => (g.length === 1 ? RELATION_ID.get(g[0])! : -1));
const moveOf = (c: number) => (c === 0 ? SHIFT : c <= G ? LEFT : RIGHT);
const groupOf = (c: number) => (c - 1) % G;

const NONE = hashString('<none>');
const ROOT_WORD = hashString('<root>');
const TAG_ATOM = UPOS_TAGS.map((t) => hashString('pos:' + t));
const UNKNOWN_TAG = hashString('pos:?');
const LABEL_ATOM = RELATIONS.map((r) => hashString('rel:' + r));

/** One sentence being parsed: stack, buffer and the arcs built so far. Token n is the root. */
class State {
  readonly n: number;
  readonly stack: Int32Array;
  depth = 0;
  /** The buffer is tokens b..n (n the root). */
  b = 0;
  readonly heads: Int32Array;
  readonly labels: Int32Array;
  readonly lc1: Int32Array;
  readonly lc2: Int32Array;
  readonly rc1: Int32Array;
  readonly rc2: Int32Array;
  readonly nLeft: Int32Array;
  readonly nRight: Int32Array;
  /** Labels of left and right children as bit sets (37 relations: two 32-bit words each). */
  readonly leftSet: Int32Array;
  readonly rightSet: Int32Array;

  constructor(n: number) {
    this.n = n;
    const m = n + 1;
    this.stack = new Int32Array(m);
    this.heads = new Int32Array(m).fill(-1);
    this.labels = new Int32Array(m).fill(-1);
    this.lc1 = new Int32Array(m).fill(-1);
    this.lc2 = new Int32Array(m).fill(-1);
    this.rc1 = new Int32Array(m).fill(-1);
    this.rc2 = new Int32Array(m).fill(-1);
    this.nLeft = new Int32Array(m);
    this.nRight = new Int32Array(m);
    this.leftSet = new Int32Array(m * 2);
    this.rightSet = new Int32Array(m * 2);
  }

  get done(): boolean {
    return this.b === this.n && this.depth === 0;
  }

  s(k: number): number {
    return this.depth > k ? this.stack[this.depth - 1 - k] : -1;
  }

  /** Marks the moves possible here (valid[move] = 1) and returns how many there are. */
  validMoves(valid: Uint8Array): number {
    const atRoot = this.b === this.n;
    valid[SHIFT] = atRoot ? 0 : 1;
    // The root takes its one dependent last, when nothing else is left on the stack.
    valid[LEFT] = this.depth > 0 && (!atRoot || this.depth === 1) ? 1 : 0;
    valid[RIGHT] = this.depth > 1 ? 1 : 0;
    return valid[SHIFT] + valid[LEFT] + valid[RIGHT];
  }

  /** Head and dependent of the arc `move` would make. */
  arcOf(move: number): [head: number, dependent: number] {
    const d = this.stack[this.depth - 1];
    return [move === LEFT ? this.b : this.stack[this.depth - 2], d];
  }

  apply(move: number, label = 0): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.b++;
    } else {
      const [h, d] = this.arcOf(move);
      this.depth--;
      this.attach(h, d, label);
    }
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    const word = label >>> 5;
    const bit = 1 << (label & 31);
    if (d < h) {
      this.nLeft[h]++;
      this.leftSet[h * 2 + word] |= bit;
      if (this.lc1[h] < 0 || d < this.lc1[h]) {
        this.lc2[h] = this.lc1[h];
        this.lc1[h] = d;
      } else if (this.lc2[h] < 0 || d < this.lc2[h]) this.lc2[h] = d;
    } else {
      this.nRight[h]++;
      this.rightSet[h * 2 + word] |= bit;
      if (this.rc1[h] < 0 || d > this.rc1[h]) {
        this.rc2[h] = this.rc1[h];
        this.rc1[h] = d;
      } else if (this.rc2[h] < 0 || d > this.rc2[h]) this.rc2[h] = d;
    }
  }
}

/** What the features read of a sentence: word and tag hashes per token, the root's at index n. */
interface SentenceAtoms {
  words: Int32Array;
  tags: Int32Array;
  /** Last three letters, shape and WordNet's parts of speech: what a word says of its class when its tag is wrong. */
  suffixes: Int32Array;
  shapes: Int32Array;
  wordnet: Int32Array;
}

function sentenceAtoms(forms: string[], upos: string[], w: WordAtoms = wordAtoms(forms)): SentenceAtoms {
  const n = forms.length;
  const words = new Int32Array(n + 1);
  const tags = new Int32Array(n + 1);
  const suffixes = new Int32Array(n + 1);
  const shapes = new Int32Array(n + 1);
  const wordnet = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    wordnet[i] = w.wnPos[i];
    words[i] = w.lower[i];
    suffixes[i] = w.suf3[i];
    shapes[i] = w.shape[i];
    const t = UPOS_TAGS.indexOf(upos[i] as (typeof UPOS_TAGS)[number]);
    tags[i] = t < 0 ? UNKNOWN_TAG : TAG_ATOM[t];
  }
  words[n] = ROOT_WORD;
  tags[n] = ROOT_WORD;
  suffixes[n] = ROOT_WORD;
  shapes[n] = ROOT_WORD;
  wordnet[n] = ROOT_WORD;
  return { words, tags, suffixes, shapes, wordnet };
}

const distanceBucket = (d: number) => (d <= 4 ? d : d <= 7 ? 5 : d <= 10 ? 6 : d <= 15 ? 7 : 8);

// Module-level helpers rather than closures: features() runs for every move.
let A: SentenceAtoms;
let S: State;
function W(i: number): number {
  return i < 0 ? NONE : A.words[i];
}
function P(i: number): number {
  return i < 0 ? NONE : A.tags[i];
}
function Lb(i: number): number {
  return i < 0 || S.labels[i] < 0 ? NONE : LABEL_ATOM[S.labels[i]];
}
function child(arr: Int32Array, i: number): number {
  return i < 0 ? -1 : arr[i];
}
function vl(i: number): number {
  return i < 0 ? 0 : Math.min(S.nLeft[i], 4) + 1;
}
function vr(i: number): number {
  return i < 0 ? 0 : Math.min(S.nRight[i], 4) + 1;
}
function labelSet(bits: Int32Array, i: number): number {
  return i < 0 ? 0 : (Math.imul(bits[i * 2], 37) + bits[i * 2 + 1]) | 0;
}

function features(fv: FeatureVector, st: State, a: SentenceAtoms): void {
  fv.clear();
  A = a;
  S = st;
  const s0 = st.s(0);
  const s1 = st.s(1);
  const s2 = st.s(2);
  const n0 = st.b;
  const n1 = st.b + 1 <= st.n ? st.b + 1 : -1;
  const n2 = st.b + 2 <= st.n ? st.b + 2 : -1;
  const s0w = W(s0), s0p = P(s0), s1w = W(s1), s1p = P(s1), s2p = P(s2), s2w = W(s2);
  const n0w = W(n0), n0p = P(n0), n1w = W(n1), n1p = P(n1), n2w = W(n2), n2p = P(n2);
  const s0l = child(st.lc1, s0), s0r = child(st.rc1, s0), n0l = child(st.lc1, n0);
  const s0l2 = child(st.lc2, s0), s0r2 = child(st.rc2, s0), n0l2 = child(st.lc2, n0);
  const s1l = child(st.lc1, s1), s1r = child(st.rc1, s1);
  const s0lp = P(s0l), s0rp = P(s0r), n0lp = P(n0l), s1rp = P(s1r), s1lp = P(s1l);
  let t = 0;
  fv.add(t++, 1);
  // Single positions.
  fv.add(t++, s0w, s0p);
  fv.add(t++, s0w);
  fv.add(t++, s0p);
  fv.add(t++, n0w, n0p);
  fv.add(t++, n0w);
  fv.add(t++, n0p);
  fv.add(t++, n1w, n1p);
  fv.add(t++, n1w);
  fv.add(t++, n1p);
  fv.add(t++, n2w, n2p);
  fv.add(t++, n2p);
  fv.add(t++, s1w, s1p);
  fv.add(t++, s1w);
  fv.add(t++, s1p);
  fv.add(t++, s2p);
  fv.add(t++, s2w, s2p);
  // Pairs.
  fv.add(t++, s0w, s0p, (Math.imul(n0w, 31) + n0p) | 0);
  fv.add(t++, s0w, s0p, n0w);
  fv.add(t++, s0w, n0w, n0p);
  fv.add(t++, s0w, s0p, n0p);
  fv.add(t++, s0p, n0w, n0p);
  fv.add(t++, s0w, n0w);
  fv.add(t++, s0p, n0p);
  fv.add(t++, n0p, n1p);
  fv.add(t++, s1w, s1p, (Math.imul(s0w, 31) + s0p) | 0);
  fv.add(t++, s1w, s0w);
  fv.add(t++, s1p, s0p);
  fv.add(t++, s1w, s1p, s0p);
  fv.add(t++, s1p, s0w, s0p);
  fv.add(t++, s1w, s0p);
  fv.add(t++, s1p, s0w);
  fv.add(t++, s0w, n0p, n1p);
  // Triples of tags.
  fv.add(t++, n0p, n1p, n2p);
  fv.add(t++, s0p, n0p, n1p);
  fv.add(t++, s1p, s0p, n0p);
  fv.add(t++, s0p, s0lp, n0p);
  fv.add(t++, s0p, s0rp, n0p);
  fv.add(t++, s0p, n0p, n0lp);
  fv.add(t++, s1p, s1rp, s0p);
  fv.add(t++, s1p, s1lp, s0p);
  fv.add(t++, s1p, s0p, s0rp);
  fv.add(t++, s1p, s0p, s0lp);
  fv.add(t++, s2p, s1p, s0p);
  fv.add(t++, s1p, s0p, n1p);
  // Distances: s0 to n0 (a left arc), s1 to s0 (a right arc).
  const d0 = s0 >= 0 ? distanceBucket(n0 - s0) : 0;
  const d1 = s1 >= 0 ? distanceBucket(s0 - s1) : 0;
  fv.add(t++, s0w, d0);
  fv.add(t++, s0p, d0);
  fv.add(t++, n0w, d0);
  fv.add(t++, n0p, d0);
  fv.add(t++, s0w, n0w, d0);
  fv.add(t++, s0p, n0p, d0);
  fv.add(t++, s1p, s0p, d1);
  fv.add(t++, s1w, s0w, d1);
  fv.add(t++, s1w, s0p, d1);
  fv.add(t++, s1p, s0w, d1);
  // Valency.
  fv.add(t++, s0w, vr(s0));
  fv.add(t++, s0p, vr(s0));
  fv.add(t++, s0w, vl(s0));
  fv.add(t++, s0p, vl(s0));
  fv.add(t++, n0w, vl(n0));
  fv.add(t++, n0p, vl(n0));
  fv.add(t++, s1w, vr(s1));
  fv.add(t++, s1p, vr(s1));
  // Children.
  fv.add(t++, W(s0l));
  fv.add(t++, s0lp);
  fv.add(t++, Lb(s0l));
  fv.add(t++, W(s0r));
  fv.add(t++, s0rp);
  fv.add(t++, Lb(s0r));
  fv.add(t++, W(n0l));
  fv.add(t++, n0lp);
  fv.add(t++, Lb(n0l));
  fv.add(t++, W(s1r));
  fv.add(t++, s1rp);
  fv.add(t++, Lb(s1r));
  fv.add(t++, Lb(s1l));
  fv.add(t++, s0p, Lb(s0l), Lb(s0r));
  fv.add(t++, s1p, Lb(s1l), Lb(s1r));
  // Second children.
  fv.add(t++, W(s0l2));
  fv.add(t++, P(s0l2));
  fv.add(t++, Lb(s0l2));
  fv.add(t++, W(s0r2));
  fv.add(t++, P(s0r2));
  fv.add(t++, Lb(s0r2));
  fv.add(t++, W(n0l2));
  fv.add(t++, P(n0l2));
  fv.add(t++, Lb(n0l2));
  fv.add(t++, s0p, s0lp, P(s0l2));
  fv.add(t++, s0p, s0rp, P(s0r2));
  fv.add(t++, n0p, n0lp, P(n0l2));
  // Label sets.
  fv.add(t++, s0w, labelSet(st.rightSet, s0));
  fv.add(t++, s0p, labelSet(st.rightSet, s0));
  fv.add(t++, s0w, labelSet(st.leftSet, s0));
  fv.add(t++, s0p, labelSet(st.leftSet, s0));
  fv.add(t++, n0w, labelSet(st.leftSet, n0));
  fv.add(t++, n0p, labelSet(st.leftSet, n0));
  fv.add(t++, s1p, labelSet(st.rightSet, s1));
  // Whether n0 is the root (only the last left arc remains) and how deep the stack is.
  fv.add(t++, n0 === st.n ? 1 : 0, Math.min(st.depth, 4));
  // The words' own letters: what their form says of their class when a predicted tag is wrong.
  fv.add(t++, SUF(s0));
  fv.add(t++, SUF(n0));
  fv.add(t++, SUF(n1));
  fv.add(t++, SUF(s1));
  fv.add(t++, SH(s0), SH(n0));
  fv.add(t++, SUF(s0), n0p);
  fv.add(t++, s0p, SUF(n0));
  fv.add(t++, n0w, n1w);
  fv.add(t++, WN(s0), n0p);
  fv.add(t++, s0p, WN(n0));
  fv.add(t++, WN(s0), WN(n0));
  fv.add(t++, WN(n1), n0p);
}

function WN(i: number): number {
  return i < 0 ? NONE : A.wordnet[i];
}

function SUF(i: number): number {
  return i < 0 ? NONE : A.suffixes[i];
}
function SH(i: number): number {
  return i < 0 ? NONE : A.shapes[i];
}

let ARC_FV: FeatureVector;
let ARC_DIR = 0;
let ARC_T = 0;
/** One arc feature: the template number counts up, split by the arc's direction. */
function add(x: number, y = 0, z = 0): void {
  ARC_FV.add(ARC_T++ * 4 + ARC_DIR, x, y, z);
}

/**
 * Features of an arc about to be made, for its label: the head and the dependent, their neighbours and
 * the children each already has. Every template is split by the arc's direction.
 */
function arcFeatures(fv: FeatureVector, st: State, a: SentenceAtoms, h: number, d: number): void {
  fv.clear();
  A = a;
  S = st;
  const dir = h > d ? 1 : 2;
  const hw = W(h), hp = P(h), dw = W(d), dp = P(d);
  const dl = st.lc1[d], dr = st.rc1[d];
  const hl = h < st.n ? st.lc1[h] : -1;
  const dist = distanceBucket(Math.abs(h - d));
  const dPrev = d > 0 ? d - 1 : -1;
  const dNext = d + 1 < st.n ? d + 1 : -1;
  ARC_FV = fv;
  ARC_DIR = dir;
  ARC_T = 0;
  add(1);
  add(hw);
  add(hp);
  add(dw);
  add(dp);
  add(hw, hp);
  add(dw, dp);
  add(hp, dp);
  add(hw, dp);
  add(hp, dw);
  add(hw, dw);
  add(hp, dp, dist);
  add(dp, Lb(dl));
  add(dp, Lb(dr));
  add(dp, labelSet(st.leftSet, d));
  add(dp, labelSet(st.rightSet, d));
  add(hp, Lb(hl));
  add(hp, labelSet(st.leftSet, h));
  add(dp, vl(d), vr(d));
  add(dp, P(dPrev));
  add(dp, P(dNext));
  add(hp, dp, P(dNext));
  add(hp, dp, P(dPrev));
  add(SUF(d));
  add(SUF(h), dp);
  add(SH(d), dp);
  add(dw, P(dl));
  add(hp, dp, P(dl));
  add(hp, dp, P(dr));
  add(h === st.n ? 1 : 0, dp);
  add(W(dl), dp);
  add(hw, dp, P(dl));
  add(WN(d), dp);
  add(WN(h), WN(d));
  add(dw, P(dNext));
  add(dw, P(dPrev));
  add(hp, dw, dist);
  add(hw, dp, dist);
  add(W(dr), dp);
  add(dp, P(st.lc2[d]), P(dl));
  add(hp, P(h + 1 <= st.n ? h + 1 : -1), dp);
  add(hp, P(h - 1), dp);
  add(SUF(h), SUF(d));
  add(dw, Lb(dl), Lb(dr));
}

export interface Parse {
  /** 0-based head of each token, -1 for the root. */
  heads: Int32Array;
  deprels: string[];
}

export class DependencyParser {
  private readonly fv = new FeatureVector();
  private readonly moveScores = new Float32Array(N_CLASSES);
  private readonly labelScores = new Float32Array(L);
  private readonly valid = new Uint8Array(N_MOVES);
  private readonly validClass = new Uint8Array(N_CLASSES);

  /** `bytes` is the two models' binary form, as shipped, or how to read it again (a loaded parser does not keep it). */
  constructor(readonly moves: SparseModel, readonly labels: SparseModel, private readonly source: Buffer | (() => Buffer)) {}

  get bytes(): Buffer {
    return typeof this.source === 'function' ? this.source() : this.source;
  }

  /** `atoms`: the words' wordAtoms, when the caller already has them (the tagger reads the same). */
  parse(forms: string[], upos: string[], atoms?: WordAtoms): Parse {
    const n = forms.length;
    const st = new State(n);
    if (n === 0) return { heads: new Int32Array(0), deprels: [] };
    const a = sentenceAtoms(forms, upos, atoms);
    while (!st.done) {
      let move: number;
      let group = -1;
      if (st.validMoves(this.valid) === 1) move = this.valid[SHIFT] ? SHIFT : this.valid[LEFT] ? LEFT : RIGHT;
      else {
        features(this.fv, st, a);
        for (let c = 0; c < N_CLASSES; c++) this.validClass[c] = this.valid[moveOf(c)];
        const c = argmax(this.moves.score(this.fv, this.moveScores), N_CLASSES, this.validClass);
        move = moveOf(c);
        if (move !== SHIFT) group = groupOf(c);
      }
      st.apply(move, move === SHIFT ? 0 : this.label(st, a, move, group));
    }
    const heads = new Int32Array(n);
    const deprels: string[] = [];
    for (let i = 0; i < n; i++) {
      heads[i] = st.heads[i] === n ? -1 : st.heads[i];
      deprels.push(RELATIONS[st.labels[i]]);
    }
    return { heads, deprels };
  }

  /**
   * The label of the arc `move` makes, within the relation group the move model chose (any group when the
   * move was forced, -1); the root's own arc is always "root", and no other arc is.
   */
  private label(st: State, a: SentenceAtoms, move: number, group: number): number {
    const [h, d] = st.arcOf(move);
    if (h === st.n) return ROOT_LABEL;
    if (group >= 0 && GROUP_SINGLE[group] >= 0) return GROUP_SINGLE[group];
    arcFeatures(this.fv, st, a, h, d);
    const scores = this.labels.score(this.fv, this.labelScores);
    scores[ROOT_LABEL] = -Infinity;
    if (group >= 0) for (let l = 0; l < L; l++) if (GROUP_OF[l] !== group) scores[l] = -Infinity;
    return argmax(scores, L);
  }

  /** `shared`: the models' tables on SharedArrayBuffers (see SparseTables). */
  static deserialize(bytes: Buffer, source: string, shared = false): DependencyParser {
    const { meta, parts } = unpackModels(bytes, source);
    if (meta.model !== PARSER_META.model || (meta.relations as string[]).join(' ') !== RELATIONS.join(' ') || parts.length !== 2 || JSON.stringify(meta.groups) !== JSON.stringify(RELATION_GROUPS)) throw new Error(`${source}: not a parser model for these relations and groups`);
    const moves = SparseModel.deserialize(parts[0], source, shared).model;
    if (moves.nClasses !== N_CLASSES) throw new Error(`${source}: not a parser model for these relations and groups`);
    return new DependencyParser(moves, SparseModel.deserialize(parts[1], source, shared).model, bytes);
  }

  static load(path = PARSER_MODEL_PATH, shared = false): DependencyParser {
    const read = () => gunzipSync(readFileSync(path));
    const p = DependencyParser.deserialize(read(), path, shared);
    return new DependencyParser(p.moves, p.labels, read);
  }
}

/** The parser's file with rare features and small weights left out (see pruneModelBytes). */
export function pruneParser(bytes: Buffer, minWeight: number, minCell = 0): Buffer {
  const { meta, parts } = unpackModels(bytes, 'parser');
  const { lengths: _lengths, ...rest } = meta;
  return packModels(rest, parts.map((p) => pruneModelBytes(p, minWeight, minCell)));
}

const PARSER_META = { model: 'newsledger-parser', system: 'arc-hybrid', parts: ['moves', 'labels'], relations: RELATIONS, groups: RELATION_GROUPS, tags: UPOS_TAGS };

export const PARSER_MODEL_PATH = fileURLToPath(new URL('./models/parser.bin.gz', import.meta.url));

/** A training tree: heads 0-based with -1 for the root, universal relations. */
export interface TreeSentence {
  forms: string[];
  upos: string[];
  heads: number[];
  deprels: string[];
}

/** True when no arc crosses another (every token between a head and its dependent descends from the head). */
export function isProjective(heads: ArrayLike<number>): boolean {
  return nonProjectiveArc(heads) < 0;
}

function nonProjectiveArc(heads: ArrayLike<number>): number {
  const n = heads.length;
  // Shortest crossing arc first, so that lifting disturbs the tree least.
  let worst = -1;
  let worstLength = Infinity;
  for (let d = 0; d < n; d++) {
    const h = heads[d];
    if (h < 0) continue;
    const [lo, hi] = h < d ? [h, d] : [d, h];
    for (let k = lo + 1; k < hi; k++) {
      let x = k;
      while (x >= 0 && x !== h) x = heads[x];
      if (x !== h) {
        if (hi - lo < worstLength) {
          worst = d;
          worstLength = hi - lo;
        }
        break;
      }
    }
  }
  return worst;
}

/** Lifts crossing arcs to the grandparent until the tree is projective (the oracle needs one). */
export function projectivize(heads: number[]): number[] {
  const out = heads.slice();
  for (let guard = 0; guard < out.length * out.length; guard++) {
    const d = nonProjectiveArc(out);
    if (d < 0) break;
    const h = out[d];
    out[d] = out[h];
  }
  return out;
}

/**
 * The dynamic oracle's cost of each move (Goldberg & Nivre 2013, arc-hybrid): how many gold arcs become
 * unreachable. `gold` heads are 0-based with n for the root; token k is in the buffer when k >= b.
 */
class Oracle {
  readonly children: number[][];
  readonly inStack: Uint8Array;

  constructor(readonly gold: Int32Array, readonly goldLabels: Int32Array, n: number) {
    this.children = Array.from({ length: n + 1 }, () => []);
    for (let d = 0; d < n; d++) this.children[gold[d]].push(d);
    this.inStack = new Uint8Array(n + 1);
  }

  costs(st: State, valid: Uint8Array, cost: Int32Array): void {
    const { gold, children, inStack } = this;
    const s0 = st.s(0);
    const s1 = st.s(1);
    const b0 = st.b;
    if (valid[SHIFT]) {
      let c = 0;
      if (inStack[gold[b0]] && gold[b0] !== s0) c++;
      for (const d of children[b0]) if (inStack[d]) c++;
      cost[SHIFT] = c;
    }
    if (s0 >= 0) {
      let lost = 0;
      for (const d of children[s0]) if (d >= b0) lost++;
      const h = gold[s0];
      // Left arc: s0 takes b0 as head. Right arc: s0 takes s1 as head.
      if (valid[LEFT]) cost[LEFT] = lost + (h !== b0 && (h === s1 || h >= b0) ? 1 : 0);
      if (valid[RIGHT]) cost[RIGHT] = lost + (h !== s1 && h >= b0 ? 1 : 0);
    }
  }

  apply(st: State, move: number): void {
    if (move === SHIFT) this.inStack[st.b] = 1;
    else this.inStack[st.s(0)] = 0;
  }
}

export interface ParserTrainOptions {
  epochs: number;
  seed: number;
  /** From this epoch on, the parser follows its own (possibly wrong) moves with probability `explore`. */
  exploreFrom: number;
  explore: number;
  log?: (line: string) => void;
  /** Prune features whose weights all stay below this. */
  minWeight?: number;
}

export const DEFAULT_PARSER_TRAINING: ParserTrainOptions = { epochs: 10, seed: 7, exploreFrom: 2, explore: 0.9 };

export function trainParser(sentences: TreeSentence[], options: ParserTrainOptions): DependencyParser {
  const moveModel = new AveragedPerceptron(N_CLASSES);
  const labelModel = new AveragedPerceptron(L);
  const fv = new FeatureVector();
  const scores = new Float32Array(N_CLASSES);
  const labelScores = new Float32Array(L);
  const valid = new Uint8Array(N_MOVES);
  const cost = new Int32Array(N_MOVES);
  const validClass = new Uint8Array(N_CLASSES);
  const classCost = new Int32Array(N_CLASSES);
  const random = rng(options.seed);
  const items = sentences.map((s) => {
    const n = s.forms.length;
    const heads = projectivize(s.heads);
    return {
      atoms: sentenceAtoms(s.forms, s.upos),
      gold: Int32Array.from(heads, (h) => (h < 0 ? n : h)),
      labels: Int32Array.from(s.deprels, (r, d) => (heads[d] < 0 ? ROOT_LABEL : r === 'root' ? DEP_LABEL : RELATION_ID.get(r) ?? DEP_LABEL)),
      n,
    };
  });
  const order = items.map((_, i) => i);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    shuffle(order, random);
    let moves = 0;
    let wrong = 0;
    let arcs = 0;
    let mislabelled = 0;
    for (const k of order) {
      const { atoms, gold, labels, n } = items[k];
      if (!n) continue;
      const st = new State(n);
      const oracle = new Oracle(gold, labels, n);
      while (!st.done) {
        let move: number;
        if (st.validMoves(valid) === 1) move = valid[SHIFT] ? SHIFT : valid[LEFT] ? LEFT : RIGHT;
        else {
          features(fv, st, atoms);
          moveModel.score(fv, scores);
          oracle.costs(st, valid, cost);
          // A class costs its move's cost, plus one when it makes a gold arc in the wrong relation group.
          for (let c = 0; c < N_CLASSES; c++) {
            const m = moveOf(c);
            validClass[c] = valid[m];
            if (!valid[m]) continue;
            classCost[c] = cost[m];
            if (m !== SHIFT) {
              const [h, d] = st.arcOf(m);
              if (gold[d] === h && GROUP_OF[labels[d]] !== groupOf(c)) classCost[c]++;
            }
          }
          const guess = argmax(scores, N_CLASSES, validClass);
          let best = Infinity;
          for (let c = 0; c < N_CLASSES; c++) if (validClass[c] && classCost[c] < best) best = classCost[c];
          let truth = -1;
          let truthScore = -Infinity;
          for (let c = 0; c < N_CLASSES; c++) {
            if (validClass[c] && classCost[c] === best && scores[c] > truthScore) {
              truthScore = scores[c];
              truth = c;
            }
          }
          if (classCost[guess] > best) {
            moveModel.update(fv, truth, guess);
            wrong++;
          }
          moveModel.tick();
          moves++;
          move = moveOf(epoch >= options.exploreFrom && random() < options.explore ? guess : truth);
        }
        let label = 0;
        if (move !== SHIFT) {
          const [h, d] = st.arcOf(move);
          if (h === n) label = ROOT_LABEL;
          else {
            arcFeatures(fv, st, atoms, h, d);
            labelModel.score(fv, labelScores);
            labelScores[ROOT_LABEL] = -Infinity;
            label = argmax(labelScores, L);
            // Labels are learnt on gold arcs only: a wrong arc has no right label.
            if (gold[d] === h) {
              if (label !== labels[d]) mislabelled++;
              labelModel.update(fv, labels[d], label);
              labelModel.tick();
              arcs++;
              // Later features read the arc's label; on a gold arc, the gold one until the model is right.
              label = labels[d];
            }
          }
        }
        oracle.apply(st, move);
        st.apply(move, label);
      }
    }
    options.log?.(`parser epoch ${epoch}: ${((100 * wrong) / moves).toFixed(2)}% of ${moves} scored moves costly, ${((100 * mislabelled) / arcs).toFixed(2)}% of ${arcs} gold arcs mislabelled; ${moveModel.size} + ${labelModel.size} features`);
  }
  moveModel.average();
  labelModel.average();
  const minWeight = options.minWeight ?? 0;
  const bytes = packModels(PARSER_META, [moveModel.serialize({ part: 'moves' }, minWeight), labelModel.serialize({ part: 'labels' }, minWeight)]);
  return DependencyParser.deserialize(bytes, 'trained parser');
}

export interface AttachmentScores {
  tokens: number;
  uas: number;
  las: number;
}

export function attachmentScores(parser: DependencyParser, sentences: TreeSentence[]): AttachmentScores {
  let tokens = 0;
  let headRight = 0;
  let bothRight = 0;
  for (const s of sentences) {
    const p = parser.parse(s.forms, s.upos);
    for (let i = 0; i < s.forms.length; i++) {
      tokens++;
      if (p.heads[i] === s.heads[i]) {
        headRight++;
        if (p.deprels[i] === s.deprels[i]) bothRight++;
      }
    }
  }
  return { tokens, uas: headRight / tokens, las: bothRight / tokens };
}

/**
 * Parses a training sentence by always taking the first zero-cost move: on a projective tree this must
 * rebuild the gold tree exactly (a check of the transition system and the oracle together).
 */
export function followOracle(s: TreeSentence): Parse {
  const n = s.forms.length;
  const st = new State(n);
  const gold = Int32Array.from(s.heads, (h) => (h < 0 ? n : h));
  const labels = Int32Array.from(s.deprels, (r, d) => (s.heads[d] < 0 ? ROOT_LABEL : RELATION_ID.get(r) ?? DEP_LABEL));
  const oracle = new Oracle(gold, labels, n);
  const valid = new Uint8Array(N_MOVES);
  const cost = new Int32Array(N_MOVES);
  while (!st.done) {
    st.validMoves(valid);
    oracle.costs(st, valid, cost);
    let move = -1;
    for (let c = 0; c < N_MOVES && move < 0; c++) if (valid[c] && cost[c] === 0) move = c;
    if (move < 0) throw new Error('no zero-cost move: the tree is not projective');
    const d = st.s(0);
    oracle.apply(st, move);
    st.apply(move, move === SHIFT ? 0 : labels[d]);
  }
  const heads = Int32Array.from({ length: n }, (_, i) => (st.heads[i] === n ? -1 : st.heads[i]));
  return { heads, deprels: Array.from({ length: n }, (_, i) => RELATIONS[st.labels[i]]) };
}
