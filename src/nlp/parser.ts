/**
 * Dependency parser: greedy arc-hybrid transitions (Kuhlmann et al. 2011) scored by an averaged perceptron
 * over the rich feature set of Zhang & Nivre (2011), trained with the dynamic oracle and exploration of
 * Goldberg & Nivre (2012, 2013), labelled with the universal part of Universal Dependencies relations.
 *
 * The root is a token after the last word (Ballesteros & Nivre 2013): it is attached last, by a left arc
 * from the only word left on the stack, so every parse is one tree with exactly one root.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { argmax, AveragedPerceptron, FeatureVector, hashString, rng, shuffle, SparseModel } from './perceptron.ts';
import { UPOS_TAGS, wordAtoms } from './tagger.ts';

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

/** Classes: 0 shift; 1..L left arc with label l-1; L+1..2L right arc with label l-L-1. */
const SHIFT = 0;
const N_CLASSES = 1 + 2 * L;
const leftOf = (label: number) => 1 + label;
const rightOf = (label: number) => 1 + L + label;

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
  readonly leftSet: Uint32Array;
  readonly rightSet: Uint32Array;

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
    this.leftSet = new Uint32Array(m * 2);
    this.rightSet = new Uint32Array(m * 2);
  }

  get done(): boolean {
    return this.b === this.n && this.depth === 0;
  }

  s(k: number): number {
    return this.depth > k ? this.stack[this.depth - 1 - k] : -1;
  }

  /** Marks the moves possible here: valid[c] = 1. */
  validMoves(valid: Uint8Array): void {
    valid.fill(0);
    const atRoot = this.b === this.n;
    if (!atRoot) valid[SHIFT] = 1;
    if (this.depth > 0) {
      if (atRoot) {
        if (this.depth === 1) valid[leftOf(ROOT_LABEL)] = 1;
      } else for (let l = 0; l < L; l++) if (l !== ROOT_LABEL) valid[leftOf(l)] = 1;
    }
    if (this.depth > 1) for (let l = 0; l < L; l++) if (l !== ROOT_LABEL) valid[rightOf(l)] = 1;
  }

  apply(move: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.b++;
    } else if (move <= L) {
      this.attach(this.b, this.stack[--this.depth], move - 1);
    } else {
      const d = this.stack[--this.depth];
      this.attach(this.stack[this.depth - 1], d, move - 1 - L);
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
  words: Uint32Array;
  tags: Uint32Array;
}

function sentenceAtoms(forms: string[], upos: string[]): SentenceAtoms {
  const n = forms.length;
  const w = wordAtoms(forms);
  const words = new Uint32Array(n + 1);
  const tags = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    words[i] = w.lower[i];
    const t = UPOS_TAGS.indexOf(upos[i] as (typeof UPOS_TAGS)[number]);
    tags[i] = t < 0 ? UNKNOWN_TAG : TAG_ATOM[t];
  }
  words[n] = ROOT_WORD;
  tags[n] = ROOT_WORD;
  return { words, tags };
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
function labelSet(bits: Uint32Array, i: number): number {
  return i < 0 ? 0 : (bits[i * 2] * 37 + bits[i * 2 + 1]) >>> 0;
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
  fv.add(t++, s0w, s0p, n0w * 31 + n0p);
  fv.add(t++, s0w, s0p, n0w);
  fv.add(t++, s0w, n0w, n0p);
  fv.add(t++, s0w, s0p, n0p);
  fv.add(t++, s0p, n0w, n0p);
  fv.add(t++, s0w, n0w);
  fv.add(t++, s0p, n0p);
  fv.add(t++, n0p, n1p);
  fv.add(t++, s1w, s1p, s0w * 31 + s0p);
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
}

export interface Parse {
  /** 0-based head of each token, -1 for the root. */
  heads: Int32Array;
  deprels: string[];
}

export class DependencyParser {
  private readonly fv = new FeatureVector();
  private readonly scores = new Float32Array(N_CLASSES);
  private readonly valid = new Uint8Array(N_CLASSES);

  /** `bytes` is the model's binary form, as shipped. */
  constructor(readonly model: SparseModel, readonly bytes: Buffer) {}

  parse(forms: string[], upos: string[]): Parse {
    const n = forms.length;
    const st = new State(n);
    if (n === 0) return { heads: new Int32Array(0), deprels: [] };
    const a = sentenceAtoms(forms, upos);
    while (!st.done) {
      features(this.fv, st, a);
      st.validMoves(this.valid);
      st.apply(argmax(this.model.score(this.fv, this.scores), N_CLASSES, this.valid));
    }
    const heads = new Int32Array(n);
    const deprels: string[] = [];
    for (let i = 0; i < n; i++) {
      heads[i] = st.heads[i] === n ? -1 : st.heads[i];
      deprels.push(RELATIONS[st.labels[i]]);
    }
    return { heads, deprels };
  }

  static deserialize(bytes: Buffer, source: string): DependencyParser {
    const { model, meta } = SparseModel.deserialize(bytes, source);
    if (meta.model !== PARSER_META.model || (meta.relations as string[]).join(' ') !== RELATIONS.join(' ')) throw new Error(`${source}: not a parser model for these relations`);
    return new DependencyParser(model, bytes);
  }

  static load(path = PARSER_MODEL_PATH): DependencyParser {
    return DependencyParser.deserialize(gunzipSync(readFileSync(path)), path);
  }
}

const PARSER_META = { model: 'newsledger-parser', system: 'arc-hybrid', relations: RELATIONS, tags: UPOS_TAGS };

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
      // Left arc: s0 takes b0 as head.
      const left = lost + (h !== b0 && (h === s1 || h >= b0) ? 1 : 0);
      // Right arc: s0 takes s1 as head.
      const right = lost + (h !== s1 && h >= b0 ? 1 : 0);
      for (let l = 0; l < L; l++) {
        if (valid[leftOf(l)]) cost[leftOf(l)] = left + (h === b0 && this.goldLabels[s0] !== l ? 1 : 0);
        if (valid[rightOf(l)]) cost[rightOf(l)] = right + (h === s1 && this.goldLabels[s0] !== l ? 1 : 0);
      }
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

export const DEFAULT_PARSER_TRAINING: ParserTrainOptions = { epochs: 12, seed: 7, exploreFrom: 2, explore: 0.9 };

export function trainParser(sentences: TreeSentence[], options: ParserTrainOptions): DependencyParser {
  const model = new AveragedPerceptron(N_CLASSES);
  const fv = new FeatureVector();
  const scores = new Float32Array(N_CLASSES);
  const valid = new Uint8Array(N_CLASSES);
  const cost = new Int32Array(N_CLASSES);
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
    for (const k of order) {
      const { atoms, gold, labels, n } = items[k];
      if (!n) continue;
      const st = new State(n);
      const oracle = new Oracle(gold, labels, n);
      while (!st.done) {
        features(fv, st, atoms);
        st.validMoves(valid);
        model.score(fv, scores);
        const guess = argmax(scores, N_CLASSES, valid);
        oracle.costs(st, valid, cost);
        let best = Infinity;
        for (let c = 0; c < N_CLASSES; c++) if (valid[c] && cost[c] < best) best = cost[c];
        let truth = -1;
        let truthScore = -Infinity;
        for (let c = 0; c < N_CLASSES; c++) {
          if (valid[c] && cost[c] === best && scores[c] > truthScore) {
            truthScore = scores[c];
            truth = c;
          }
        }
        if (cost[guess] > best) {
          model.update(fv, truth, guess);
          wrong++;
        }
        model.tick();
        moves++;
        const move = epoch >= options.exploreFrom && random() < options.explore ? guess : truth;
        oracle.apply(st, move);
        st.apply(move);
      }
    }
    options.log?.(`parser epoch ${epoch}: ${((100 * wrong) / moves).toFixed(2)}% of ${moves} moves were costly, ${model.size} features`);
  }
  model.average();
  const { bytes, model: compact } = model.compact(PARSER_META, options.minWeight ?? 0);
  return new DependencyParser(compact, bytes);
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
  const valid = new Uint8Array(N_CLASSES);
  const cost = new Int32Array(N_CLASSES);
  while (!st.done) {
    st.validMoves(valid);
    oracle.costs(st, valid, cost);
    let move = -1;
    for (let c = 0; c < N_CLASSES && move < 0; c++) if (valid[c] && cost[c] === 0) move = c;
    if (move < 0) throw new Error('no zero-cost move: the tree is not projective');
    oracle.apply(st, move);
    st.apply(move);
  }
  const heads = Int32Array.from({ length: n }, (_, i) => (st.heads[i] === n ? -1 : st.heads[i]));
  return { heads, deprels: Array.from({ length: n }, (_, i) => RELATIONS[st.labels[i]]) };
}
