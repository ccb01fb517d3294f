/**
 * Features of one token for the attribution tagger: the word and its neighbours, its shape, whether it
 * sits inside a quotation, and where the nearest likely cue word is. Shared by training and tagging, so
 * the model always sees the features it was trained on.
 *
 * A feature is a template with up to two atoms ("pw the president": previous word, word). Atoms are
 * interned to numbers and a feature is found in a typed-array hash table, so tagging builds no strings
 * per feature: it keeps up with the rules (see bench/statements.ts).
 */
import type { Doc } from '../doc.ts';

/** The unit the tagger labels: a paragraph's tokens. */
export interface Sequence {
  from: number;
  to: number;
}

/** Template name -> number of atoms. The order is the template's id; append, never reorder. */
export const TEMPLATES: Array<[name: string, arity: 0 | 1 | 2]> = [
  ['b', 0], ['w', 1], ['p1', 1], ['n1', 1], ['p2', 1], ['n2', 1], ['pw', 2], ['wn', 2], ['sh', 1], ['psh', 2],
  ['suf', 1], ['q', 1], ['cl', 1], ['cr', 1], ['clq', 2], ['crq', 2], ['clw', 2], ['crw', 2], ['cue', 0],
  ['cuep', 1], ['cuen', 1], ['bos', 0], ['eos', 0], ['wq', 2], ['pcw', 2],
];
export const TEMPLATE_ID = new Map(TEMPLATES.map(([name], i) => [name, i]));
const [B, W, P1, N1, P2, N2, PW, WN, SH, PSH, SUF, Q, CL, CR, CLQ, CRQ, CLW, CRW, CUE, CUEP, CUEN, BOS, EOS, WQ, PCW] = TEMPLATES.map((_, i) => i);

/** Strings to numbers. While training, new atoms are added; while tagging, an unknown atom is -1. */
export class Atoms {
  readonly ids = new Map<string, number>();
  constructor(readonly grow: boolean) {}
  id(s: string): number {
    const v = this.ids.get(s);
    if (v !== undefined) return v;
    if (!this.grow) return -1;
    this.ids.set(s, this.ids.size);
    return this.ids.size - 1;
  }
}

/** Open-addressing table from (template, atom, atom) to a row number. */
export class FeatureTable {
  private keys: Float64Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;
  constructor(capacity = 1 << 16) {
    let n = 1 << 16;
    while (n < capacity * 2) n <<= 1;
    this.keys = new Float64Array(n).fill(-1);
    this.rows = new Int32Array(n);
    this.mask = n - 1;
  }
  private slot(tpl: number, a: number, b: number): number {
    const key = (tpl * 1048576 + a) * 1048576 + b;
    let h = (Math.imul(a + 1, 0x9e3779b1) ^ Math.imul(b + 7, 0x85ebca77) ^ Math.imul(tpl + 13, 0xc2b2ae3d)) >>> 0;
    h ^= h >>> 15;
    for (;;) {
      const s = h & this.mask;
      const k = this.keys[s];
      if (k === key || k === -1) return s;
      h++;
    }
  }
  get(tpl: number, a: number, b: number): number {
    const s = this.slot(tpl, a, b);
    return this.keys[s] === -1 ? -1 : this.rows[s];
  }
  /** Row of the feature, adding it if new. */
  add(tpl: number, a: number, b: number): number {
    const s = this.slot(tpl, a, b);
    if (this.keys[s] !== -1) return this.rows[s];
    if ((this.size + 1) * 2 > this.keys.length) {
      this.rehash();
      return this.add(tpl, a, b);
    }
    this.keys[s] = (tpl * 1048576 + a) * 1048576 + b;
    this.rows[s] = this.size;
    return this.size++;
  }
  private rehash() {
    const old = this.keys;
    const rows = this.rows;
    this.keys = new Float64Array(old.length * 2).fill(-1);
    this.rows = new Int32Array(old.length * 2);
    this.mask = old.length * 2 - 1;
    for (let s = 0; s < old.length; s++) {
      const k = old[s];
      if (k === -1) continue;
      const b = k % 1048576;
      const a = Math.floor(k / 1048576) % 1048576;
      const tpl = Math.floor(k / 1099511627776);
      const t = this.slot(tpl, a, b);
      this.keys[t] = k;
      this.rows[t] = rows[s];
    }
  }
}

/** Distances to the nearest cue, in buckets (index: distance, 15 for 15 and more). */
const BUCKETS = ['0', '1', '2', '3', '4', '5', '6-8', '6-8', '6-8', '9-14', '9-14', '9-14', '9-14', '9-14', '9-14', '15+'];
const QUOTE_STATES = ['m', 'in', 'out'];

interface Constants {
  bos: number;
  eos: number;
  none: number;
  bucket: Int32Array;
  quote: Int32Array;
  /** quote state * 2 + comma since the cue */
  quoteComma: Int32Array;
}
const constantsOf = new WeakMap<Atoms, Constants>();
/** Atom ids of the fixed feature values, looked up once per atom table (new atoms appear only in training). */
function constants(atoms: Atoms): Constants {
  const known = constantsOf.get(atoms);
  if (known && !atoms.grow) return known;
  const c: Constants = {
    bos: atoms.id('<s>'),
    eos: atoms.id('</s>'),
    none: atoms.id('none'),
    bucket: Int32Array.from(BUCKETS, (b) => atoms.id(b)),
    quote: Int32Array.from(QUOTE_STATES, (q) => atoms.id(q)),
    quoteComma: Int32Array.from(QUOTE_STATES.flatMap((q) => [q + '0', q + '1']), (q) => atoms.id(q)),
  };
  constantsOf.set(atoms, c);
  return c;
}

function shape(t: string): string {
  const c = t.charCodeAt(0);
  if (c < 128) {
    if (c >= 65 && c <= 90) return t.length > 1 && t === t.toUpperCase() ? 'XX' : 'Xx';
    if (c >= 97 && c <= 122) return 'x';
    if (c >= 48 && c <= 57) return 'd';
    return t;
  }
  if (/^\p{Lu}+$/u.test(t)) return t.length > 1 ? 'XX' : 'Xx';
  if (/^\p{Lu}/u.test(t)) return 'Xx';
  if (/^\p{Ll}/u.test(t)) return 'x';
  if (/^\p{N}/u.test(t)) return 'd';
  return t;
}

/** The paragraphs of a document as sequences of tokens. */
export function sequencesOf(doc: Doc): Sequence[] {
  const out: Sequence[] = [];
  let from = 0;
  const n = doc.tokens.length;
  for (let i = 1; i <= n; i++) {
    if (i === n || doc.paragraphOf[i] !== doc.paragraphOf[from]) {
      out.push({ from, to: i });
      from = i;
    }
  }
  return out;
}

/** One feature occurrence: template and two atom ids (0 where the template has fewer). */
export type Emit = (token: number, tpl: number, a: number, b: number) => void;

/**
 * Calls `emit` for every feature of every token of a sequence (token index relative to seq.from).
 * `cues` is the cue vocabulary the model learned; distances to the nearest cue word left and right
 * within the sentence tell the model which side of an attribution a token lies on. Features over an
 * atom the table does not know (-1) are skipped: the model has no weight for them.
 */
export function sequenceFeatures(doc: Doc, seq: Sequence, cues: Set<string>, atoms: Atoms, emit: Emit): void {
  const t = doc.tokens;
  const sentenceOf = doc.sentenceOf;
  const len = seq.to - seq.from;
  const word = new Int32Array(len);
  const shp = new Int32Array(len);
  const isCue = new Uint8Array(len);
  for (let k = 0; k < len; k++) {
    const tok = t[seq.from + k];
    word[k] = atoms.id(tok.lo);
    shp[k] = atoms.id(shape(tok.t));
    isCue[k] = cues.has(tok.lo) ? 1 : 0;
  }
  // Nearest cue word to the left and right of each token within its sentence; a comma since the left one.
  const left = new Int32Array(len).fill(-1);
  const right = new Int32Array(len).fill(-1);
  const commaLeft = new Uint8Array(len);
  let last = -1;
  let comma = 0;
  for (let k = 0; k < len; k++) {
    if (k > 0 && sentenceOf[seq.from + k] !== sentenceOf[seq.from + k - 1]) { last = -1; comma = 0; }
    left[k] = last;
    commaLeft[k] = comma;
    const c = t[seq.from + k].t;
    if (isCue[k]) { last = k; comma = 0; }
    else if (last >= 0 && (c === ',' || c === ';' || c === ':')) comma = 1;
  }
  last = -1;
  for (let k = len - 1; k >= 0; k--) {
    if (k < len - 1 && sentenceOf[seq.from + k] !== sentenceOf[seq.from + k + 1]) last = -1;
    right[k] = last;
    if (isCue[k]) last = k;
  }
  const c = constants(atoms);
  const BOS_ = c.bos;
  const EOS_ = c.eos;
  const NONE = c.none;
  const same = (k: number, j: number) => j >= 0 && j < len && sentenceOf[seq.from + j] === sentenceOf[seq.from + k];
  const one = (k: number, tpl: number, a: number) => { if (a >= 0) emit(k, tpl, a, 0); };
  const two = (k: number, tpl: number, a: number, b: number) => { if (a >= 0 && b >= 0) emit(k, tpl, a, b); };
  for (let k = 0; k < len; k++) {
    const tok = t[seq.from + k];
    const w = word[k];
    const hasP1 = same(k, k - 1);
    const hasN1 = same(k, k + 1);
    const p1 = hasP1 ? word[k - 1] : BOS_;
    const n1 = hasN1 ? word[k + 1] : EOS_;
    const p2 = same(k, k - 2) ? word[k - 2] : BOS_;
    const n2 = same(k, k + 2) ? word[k + 2] : EOS_;
    const i = seq.from + k;
    const qi = doc.quoteMark[i] ? 0 : doc.inQuote[i] >= 0 ? 1 : 2;
    const q = c.quote[qi];
    const l = left[k];
    const r = right[k];
    const ld = l < 0 ? NONE : c.bucket[Math.min(k - l, 15)];
    const rd = r < 0 ? NONE : c.bucket[Math.min(r - k, 15)];
    emit(k, B, 0, 0);
    one(k, W, w);
    one(k, P1, p1);
    one(k, N1, n1);
    one(k, P2, p2);
    one(k, N2, n2);
    two(k, PW, p1, w);
    two(k, WN, w, n1);
    one(k, SH, shp[k]);
    two(k, PSH, hasP1 ? shp[k - 1] : BOS_, shp[k]);
    one(k, SUF, atoms.id(tok.lo.length > 3 ? tok.lo.slice(-3) : tok.lo));
    one(k, Q, q);
    one(k, CL, ld);
    one(k, CR, rd);
    two(k, CLQ, ld, c.quoteComma[qi * 2 + commaLeft[k]]);
    two(k, CRQ, rd, q);
    two(k, CLW, l < 0 ? NONE : word[l], ld);
    two(k, CRW, r < 0 ? NONE : word[r], rd);
    if (isCue[k]) {
      emit(k, CUE, 0, 0);
      one(k, CUEP, p1);
      one(k, CUEN, n1);
    }
    two(k, WQ, w, q);
    // The word and the nearest cue word on the left: what a cue takes ("said that", "accused ... of").
    two(k, PCW, l < 0 ? NONE : word[l], w);
    if (!hasP1) emit(k, BOS, 0, 0);
    if (!hasN1) emit(k, EOS, 0, 0);
  }
}
