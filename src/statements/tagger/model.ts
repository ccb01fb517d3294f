/**
 * The attribution tagger's model: a linear-chain tagger (averaged perceptron weights) that labels each
 * token as part of a source (who), a cue (the reporting words) or a content span (what was said), or none.
 * The weights are a data file (attribution-model.tsv.gz beside this module), written by `make train-tagger`
 * and readable as text: one feature a line with one weight per tag.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import type { Doc } from '../doc.ts';
import { Atoms, FeatureTable, sequenceFeatures, TEMPLATE_ID, TEMPLATES, type Sequence } from './features.ts';

export const TAGS = ['O', 'B-SRC', 'I-SRC', 'B-CUE', 'I-CUE', 'B-CON', 'I-CON'] as const;
export type Tag = (typeof TAGS)[number];
export const T = TAGS.length;

/** I-X may only follow B-X or I-X: the decoder never produces a span without a beginning. */
export function allowed(prev: number, cur: number): boolean {
  return prev < 0 ? ALLOWED_FIRST[cur] === 1 : ALLOWED[prev * T + cur] === 1;
}
function allowedSlow(prev: number, cur: number): boolean {
  const c = TAGS[cur];
  if (!c.startsWith('I-')) return true;
  if (prev < 0) return false;
  const p = TAGS[prev];
  return p.slice(2) === c.slice(2) && p !== 'O';
}

export interface FeatureKey {
  tpl: number;
  a: string;
  b: string;
}

const ALLOWED = Uint8Array.from({ length: T * T }, (_, i) => (allowedSlow(Math.floor(i / T), i % T) ? 1 : 0));
const ALLOWED_FIRST = Uint8Array.from({ length: T }, (_, y) => (allowedSlow(-1, y) ? 1 : 0));

export class TaggerModel {
  readonly atoms = new Atoms(false);
  readonly table: FeatureTable;
  /** weights[row * T + tag] */
  readonly weights: Float32Array;

  constructor(
    features: Array<[FeatureKey, ArrayLike<number>]>,
    /** transitions[prev * T + cur]; start[cur] for the first token. */
    readonly transitions: Float32Array,
    readonly start: Float32Array,
    /** Words often used as cues in training: the features measure distances to them. */
    readonly cues: Set<string>,
  ) {
    this.table = new FeatureTable(features.length);
    this.weights = new Float32Array(features.length * T);
    const atom = (s: string) => this.atoms.ids.get(s) ?? (this.atoms.ids.set(s, this.atoms.ids.size), this.atoms.ids.size - 1);
    for (const [key, w] of features) {
      const arity = TEMPLATES[key.tpl][1];
      const row = this.table.add(key.tpl, arity > 0 ? atom(key.a) : 0, arity > 1 ? atom(key.b) : 0);
      for (let y = 0; y < T; y++) this.weights[row * T + y] = w[y];
    }
    this.keys = features.map(([k]) => k);
  }
  private readonly keys: FeatureKey[];

  /** Best tag sequence (Viterbi) for one paragraph; `emit` receives each token's score per tag. */
  tag(doc: Doc, seq: Sequence, emit = new Float32Array((seq.to - seq.from) * T)): Uint8Array {
    const n = seq.to - seq.from;
    const out = new Uint8Array(n);
    if (!n) return out;
    const { table, weights } = this;
    sequenceFeatures(doc, seq, this.cues, this.atoms, (k, tpl, a, b) => {
      const row = table.get(tpl, a, b);
      if (row < 0) return;
      const base = k * T;
      const wb = row * T;
      for (let y = 0; y < T; y++) emit[base + y] += weights[wb + y];
    });
    return viterbi(emit, n, this.transitions, this.start, out);
  }

  serialize(): string {
    const lines = [
      '# newsledger attribution tagger: averaged-perceptron weights. A line: template, its atoms, then one',
      '# weight per tag, tab-separated. Written by `make train-tagger`; see docs/statements.md.',
      '@tags\t' + TAGS.join(' '),
      '@start\t' + [...this.start].map(fmt).join(' '),
      '@transitions\t' + [...this.transitions].map(fmt).join(' '),
      '@cues\t' + [...this.cues].sort().join(' '),
    ];
    const rows = this.keys.map((k, i) => {
      const arity = TEMPLATES[k.tpl][1];
      const name = [TEMPLATES[k.tpl][0], ...(arity > 0 ? [k.a] : []), ...(arity > 1 ? [k.b] : [])].join('\t');
      return [name, i] as const;
    });
    rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
    for (const [name, i] of rows) lines.push(name + '\t' + Array.from(this.weights.subarray(i * T, i * T + T), fmt).join(' '));
    return lines.join('\n') + '\n';
  }

  static parse(text: string, source = 'model'): TaggerModel {
    const features: Array<[FeatureKey, Float32Array]> = [];
    let transitions: Float32Array | null = null;
    let start: Float32Array | null = null;
    let cues = new Set<string>();
    const numbers = (s: string, n: number, line: number) => {
      const v = s.split(' ').map(Number);
      if (v.length !== n || v.some((x) => !Number.isFinite(x))) throw new Error(`${source}: line ${line}: expected ${n} numbers`);
      return Float32Array.from(v);
    };
    text.split('\n').forEach((line, i) => {
      if (!line || line.startsWith('#')) return;
      const cells = line.split('\t');
      const value = cells[cells.length - 1];
      const key = cells[0];
      if (key === '@tags') {
        if (value !== TAGS.join(' ')) throw new Error(`${source}: tags "${value}" are not ${TAGS.join(' ')}`);
      } else if (key === '@start') start = numbers(value, T, i + 1);
      else if (key === '@transitions') transitions = numbers(value, T * T, i + 1);
      else if (key === '@cues') cues = new Set(value.split(' ').filter(Boolean));
      else {
        const tpl = TEMPLATE_ID.get(key);
        if (tpl === undefined) throw new Error(`${source}: line ${i + 1}: unknown feature template "${key}"`);
        const arity = TEMPLATES[tpl][1];
        if (cells.length !== arity + 2) throw new Error(`${source}: line ${i + 1}: template ${key} takes ${arity} atoms`);
        features.push([{ tpl, a: cells[1] ?? '', b: arity > 1 ? cells[2] : '' }, numbers(value, T, i + 1)]);
      }
    });
    if (!transitions || !start) throw new Error(`${source}: missing @start or @transitions`);
    return new TaggerModel(features, transitions, start, cues);
  }
}

const fmt = (x: number) => (Math.round(x * 1000) / 1000).toString();

export function viterbi(emit: Float32Array, n: number, trans: Float32Array, start: Float32Array, out: Uint8Array): Uint8Array {
  const score = new Float64Array(n * T);
  const back = new Uint8Array(n * T);
  for (let y = 0; y < T; y++) score[y] = allowed(-1, y) ? start[y] + emit[y] : -Infinity;
  for (let k = 1; k < n; k++) {
    for (let y = 0; y < T; y++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < T; p++) {
        if (!allowed(p, y)) continue;
        const s = score[(k - 1) * T + p] + trans[p * T + y];
        if (s > best) { best = s; arg = p; }
      }
      score[k * T + y] = best + emit[k * T + y];
      back[k * T + y] = arg;
    }
  }
  let best = -Infinity;
  let arg = 0;
  for (let y = 0; y < T; y++) if (score[(n - 1) * T + y] > best) { best = score[(n - 1) * T + y]; arg = y; }
  for (let k = n - 1; k >= 0; k--) {
    out[k] = arg;
    arg = back[k * T + arg];
  }
  return out;
}

/** The shipped model file, beside this module. */
export const MODEL_PATH = fileURLToPath(new URL('./attribution-model.tsv.gz', import.meta.url));

let loaded: TaggerModel | null | undefined;
/** The shipped model, loaded once; null when the file is absent (the rules then work alone). */
export function shippedModel(): TaggerModel | null {
  if (loaded !== undefined) return loaded;
  let bytes: Buffer;
  try {
    bytes = readFileSync(MODEL_PATH);
  } catch {
    return (loaded = null);
  }
  return (loaded = TaggerModel.parse(gunzipSync(bytes).toString('utf8'), 'attribution-model.tsv.gz'));
}
