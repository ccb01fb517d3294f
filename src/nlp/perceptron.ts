/**
 * The linear model under the tagger, the parser and the entity tagger: an averaged perceptron over hashed
 * features. A feature is a template number and up to three atoms (32-bit hashes of strings: a word, a tag,
 * a label); it is keyed by two independent 32-bit mixes of those, so that collisions are negligible
 * without keeping the strings. Rows (one weight per class) exist only for features that were ever
 * updated, so the model grows with what training needed, not with every feature seen.
 */

import { fmix32, hash32 } from '../util/hash.ts';

/**
 * FNV-1a over UTF-16 code units, then a final avalanche: a stable 32-bit hash of a string. Hashes are
 * signed 32-bit integers throughout, which V8 keeps unboxed (unsigned ones above 2^31 become doubles).
 */
export function hashString(s: string): number {
  return hash32(s);
}

const fmix = fmix32;


/** Collects the (key1, key2) pairs of one configuration's features. */
export class FeatureVector {
  k1 = new Int32Array(256);
  k2 = new Int32Array(256);
  n = 0;

  clear(): void {
    this.n = 0;
  }

  /** Adds template `t` over atoms a, b, c (hashes; 0 for an unused slot). */
  add(t: number, a: number, b = 0, c = 0): void {
    if (this.n === this.k1.length) this.grow();
    // Each atom times its own odd constant, combined, then one avalanche per key: two independent 32-bit
    // keys for about the cost of one full mix per atom (features are hashed millions of times a second).
    const x = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d) ^ Math.imul(t + 1, 0x27d4eb2f);
    const y = Math.imul(a, 0x165667b1) + Math.imul(b ^ 0x7f4a7c15, 0xd3a2646c | 1) + Math.imul(c, 0xfd7046c5) + Math.imul(t + 7, 0xb55a4f09);
    this.k1[this.n] = fmix(x ^ (y >>> 15));
    this.k2[this.n] = fmix(y + Math.imul(x, 0x2545f491)) | 1; // never 0: 0 marks an empty slot
    this.n++;
  }

  private grow(): void {
    const k1 = new Int32Array(this.k1.length * 2);
    const k2 = new Int32Array(this.k2.length * 2);
    k1.set(this.k1);
    k2.set(this.k2);
    this.k1 = k1;
    this.k2 = k2;
  }
}

/** Open-addressing map from a feature's two keys to its row. */
export class FeatureTable {
  private keys1: Int32Array;
  private keys2: Int32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 16;
    while (cap < capacity * 2) cap *= 2;
    this.mask = cap - 1;
    this.keys1 = new Int32Array(cap);
    this.keys2 = new Int32Array(cap);
    this.rows = new Int32Array(cap);
  }

  get(k1: number, k2: number): number {
    let i = k1 & this.mask;
    for (;;) {
      const key2 = this.keys2[i];
      if (key2 === 0) return -1;
      if (key2 === k2 && this.keys1[i] === k1) return this.rows[i];
      i = (i + 1) & this.mask;
    }
  }

  /** The row of the feature, adding it as row `size` when absent. */
  getOrAdd(k1: number, k2: number): number {
    let i = k1 & this.mask;
    for (;;) {
      const key2 = this.keys2[i];
      if (key2 === 0) break;
      if (key2 === k2 && this.keys1[i] === k1) return this.rows[i];
      i = (i + 1) & this.mask;
    }
    this.keys1[i] = k1;
    this.keys2[i] = k2;
    this.rows[i] = this.size++;
    if (this.size * 2 > this.mask) this.rehash();
    return this.size - 1;
  }

  /** Every (k1, k2, row), in row order. */
  entries(): { k1: Uint32Array; k2: Uint32Array } {
    // Unsigned here: the file stores the keys as uint32 and sorts rows by them.
    const k1 = new Uint32Array(this.size);
    const k2 = new Uint32Array(this.size);
    for (let i = 0; i <= this.mask; i++) {
      if (this.keys2[i] === 0) continue;
      k1[this.rows[i]] = this.keys1[i];
      k2[this.rows[i]] = this.keys2[i];
    }
    return { k1, k2 };
  }

  private rehash(): void {
    const { keys1, keys2, rows } = this;
    const cap = (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.keys1 = new Int32Array(cap);
    this.keys2 = new Int32Array(cap);
    this.rows = new Int32Array(cap);
    for (let i = 0; i < keys2.length; i++) {
      if (keys2[i] === 0) continue;
      let j = keys1[i] & this.mask;
      while (this.keys2[j] !== 0) j = (j + 1) & this.mask;
      this.keys1[j] = keys1[i];
      this.keys2[j] = keys2[i];
      this.rows[j] = rows[i];
    }
  }
}

/** What a tagger or parser needs of a trained model: class scores for a feature vector. */
export interface Scorer {
  readonly nClasses: number;
  /** Number of features with weights. */
  readonly size: number;
  /** Writes each class's score into `scores` (zeroed first). Scores are comparable only with each other. */
  score(fv: FeatureVector, scores: Float32Array): Float32Array;
}

/**
 * A SparseModel's tables (see below), all it reads when scoring. Built on SharedArrayBuffers (deserialize's
 * `shared`), they are what the main thread hands its worker threads: every worker scores with the one
 * copy instead of unpacking the model file again (src/nlp/index.ts, shareNlpModels).
 */
export interface SparseTables {
  nClasses: number;
  size: number;
  slots: Int32Array;
  cells: Int32Array;
}

/**
 * A trained model in its compact, read-only form: the file's sparse rows kept as they are (int16 weights,
 * with their classes), behind a hash table that holds each feature's two keys and row beside each other.
 * Lookups are what parsing spends its time on, so one feature costs about two cache lines.
 */
export class SparseModel implements Scorer {
  /** Per slot: k1, k2, first cell, number of cells (0 = empty slot). */
  private readonly slots: Int32Array;
  private readonly mask: number;
  /** Per cell: weight << 8 | class. */
  private readonly cells: Int32Array;
  readonly nClasses: number;
  readonly size: number;

  /** The model over tables built by fromColumns (here or in another thread: see SparseTables). */
  constructor(tables: SparseTables) {
    this.nClasses = tables.nClasses;
    this.size = tables.size;
    this.slots = tables.slots;
    this.cells = tables.cells;
    this.mask = tables.slots.length / 4 - 1;
  }

  /** The tables, to hand to another thread (shared only when built with `shared`). */
  get tables(): SparseTables {
    return { nClasses: this.nClasses, size: this.size, slots: this.slots, cells: this.cells };
  }

  /** The hash table over the file's columns; on SharedArrayBuffers when `shared`. */
  static fromColumns(nClasses: number, k1: Uint32Array, k2: Uint32Array, counts: Uint8Array, classes: Uint8Array, values: Int16Array, shared = false): SparseModel {
    const n = k1.length;
    let cap = 1024;
    while (cap < n * 1.5) cap *= 2;
    const mask = cap - 1;
    const int32s = (length: number) => (shared ? new Int32Array(new SharedArrayBuffer(length * 4)) : new Int32Array(length));
    const slots = int32s(cap * 4);
    const cellsOut = int32s(classes.length);
    let cell = 0;
    for (let r = 0; r < n; r++) {
      let i = k1[r] & mask;
      while (slots[i * 4 + 3] !== 0) i = (i + 1) & mask;
      slots[i * 4] = k1[r];
      slots[i * 4 + 1] = k2[r];
      slots[i * 4 + 2] = cell;
      slots[i * 4 + 3] = counts[r];
      for (let j = 0; j < counts[r]; j++, cell++) cellsOut[cell] = (values[cell] << 8) | classes[cell];
    }
    return new SparseModel({ nClasses, size: n, slots, cells: cellsOut });
  }

  private firstSlot = new Int32Array(256);

  score(fv: FeatureVector, scores: Float32Array): Float32Array {
    scores.fill(0, 0, this.nClasses);
    const { slots, mask, cells } = this;
    const keys1 = fv.k1;
    const keys2 = fv.k2;
    const n = fv.n;
    if (this.firstSlot.length < n) this.firstSlot = new Int32Array(keys1.length);
    const first = this.firstSlot;
    // Two passes: the first only touches each feature's slot, so that the processor can fetch them from
    // memory all at once instead of one cache miss after another; the second reads them.
    let touched = 0;
    for (let f = 0; f < n; f++) {
      const i = (keys1[f] & mask) << 2;
      first[f] = i;
      touched |= slots[i + 3];
    }
    if (touched === 0) return scores;
    const wrap = (mask << 2) | 3;
    for (let f = 0; f < n; f++) {
      const k1 = keys1[f];
      const k2 = keys2[f];
      let i = first[f];
      for (;;) {
        const count = slots[i + 3];
        if (count === 0) break;
        if (slots[i + 1] === k2 && slots[i] === k1) {
          for (let c = slots[i + 2], end = c + count; c < end; c++) {
            const cell = cells[c];
            scores[cell & 255] += cell >> 8;
          }
          break;
        }
        i = (i + 4) & wrap;
      }
    }
    return scores;
  }

  /**
   * Reads the binary form written by AveragedPerceptron.serialize: a header line (JSON: classes, rows,
   * cells, plus the writer's meta), then five little-endian columns: k1 of each row as deltas from the
   * previous row's (rows are sorted by k1, so the bytes do not depend on training order and compress
   * well), k2 (uint32), the number of weights per row (uint8), their classes (uint8) and values (int16).
   */
  static deserialize(bytes: Buffer, source: string, shared = false): { model: SparseModel; meta: Record<string, unknown> } {
    const nl = bytes.indexOf(10);
    if (nl < 0) throw new Error(`${source}: not a model file (no header line)`);
    let meta: Record<string, unknown>;
    try {
      meta = JSON.parse(bytes.subarray(0, nl).toString('utf8'));
    } catch {
      throw new Error(`${source}: not a model file (header is not JSON)`);
    }
    const C = meta.classes as number;
    const n = meta.rows as number;
    const cells = meta.cells as number;
    const body = bytes.subarray(nl + 1);
    if (!(C > 0 && C < 256) || !(n >= 0) || !(cells >= 0) || body.length !== n * 9 + cells * 3) throw new Error(`${source}: truncated or malformed model file`);
    // Copied into aligned buffers: the typed-array views need 4- and 2-byte alignment.
    const column = (from: number, length: number) => new Uint8Array(body.subarray(from, from + length)).buffer;
    const k1 = new Uint32Array(column(0, n * 4));
    for (let i = 1; i < n; i++) k1[i] = (k1[i - 1] + k1[i]) >>> 0;
    const k2 = new Uint32Array(column(n * 4, n * 4));
    const counts = new Uint8Array(column(n * 8, n));
    const classes = new Uint8Array(column(n * 9, cells));
    const values = new Int16Array(column(n * 9 + cells, cells * 2));
    return { model: SparseModel.fromColumns(C, k1, k2, counts, classes, values, shared), meta };
  }
}

/**
 * Drops the rows of a model file whose largest weight is below `minWeight` (in weight units): the same
 * pruning as at training time, applied afterwards, so that size and accuracy can be traded without
 * retraining. With `minCell`, the single weights below it are dropped too (a row left without any goes).
 */
export function pruneModelBytes(bytes: Buffer, minWeight: number, minCell = 0): Buffer {
  const nl = bytes.indexOf(10);
  const meta = JSON.parse(bytes.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
  const n = meta.rows as number;
  const cells = meta.cells as number;
  const limit = minWeight * (meta.scale as number);
  const cellLimit = minCell * (meta.scale as number);
  const body = bytes.subarray(nl + 1);
  const keys1: Buffer[] = [];
  const keys2: Buffer[] = [];
  const counts: number[] = [];
  const classes: Buffer[] = [];
  const values: Buffer[] = [];
  let k1 = 0;
  let prevKept = 0;
  let cell = 0;
  let keptCells = 0;
  for (let i = 0; i < n; i++) {
    k1 = (k1 + body.readUInt32LE(i * 4)) >>> 0;
    const count = body[n * 8 + i];
    let big = 0;
    for (let j = 0; j < count; j++) big = Math.max(big, Math.abs(body.readInt16LE(n * 9 + cells + (cell + j) * 2)));
    let kept = count;
    if (cellLimit > 0) {
      kept = 0;
      for (let j = 0; j < count; j++) if (Math.abs(body.readInt16LE(n * 9 + cells + (cell + j) * 2)) >= cellLimit) kept++;
    }
    if (big >= limit && kept > 0) {
      const delta = Buffer.alloc(4);
      delta.writeUInt32LE((k1 - prevKept) >>> 0);
      prevKept = k1;
      keys1.push(delta);
      keys2.push(body.subarray(n * 4 + i * 4, n * 4 + i * 4 + 4));
      counts.push(kept);
      if (kept === count) {
        classes.push(body.subarray(n * 9 + cell, n * 9 + cell + count));
        values.push(body.subarray(n * 9 + cells + cell * 2, n * 9 + cells + (cell + count) * 2));
      } else {
        for (let j = 0; j < count; j++) {
          const at = n * 9 + cells + (cell + j) * 2;
          if (Math.abs(body.readInt16LE(at)) < cellLimit) continue;
          classes.push(body.subarray(n * 9 + cell + j, n * 9 + cell + j + 1));
          values.push(body.subarray(at, at + 2));
        }
      }
      keptCells += kept;
    }
    cell += count;
  }
  const header = Buffer.from(JSON.stringify({ ...meta, rows: counts.length, cells: keptCells, pruned: minWeight, ...(minCell ? { prunedCells: minCell } : {}) }) + '\n', 'utf8');
  return Buffer.concat([header, ...keys1, ...keys2, Buffer.from(counts), ...classes, ...values]);
}

/**
 * Several models in one file: a header line (JSON: the caller's meta and each part's byte length), then
 * the parts one after another.
 */
export function packModels(meta: Record<string, unknown>, parts: Buffer[]): Buffer {
  const header = Buffer.from(JSON.stringify({ ...meta, lengths: parts.map((p) => p.length) }) + '\n', 'utf8');
  return Buffer.concat([header, ...parts]);
}

export function unpackModels(bytes: Buffer, source: string): { meta: Record<string, unknown>; parts: Buffer[] } {
  const nl = bytes.indexOf(10);
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(bytes.subarray(0, nl < 0 ? 0 : nl).toString('utf8'));
  } catch {
    throw new Error(`${source}: not a model file (header is not JSON)`);
  }
  const lengths = meta.lengths;
  if (!Array.isArray(lengths) || !lengths.every((n) => Number.isInteger(n) && n >= 0)) throw new Error(`${source}: not a model file (no part lengths)`);
  const parts: Buffer[] = [];
  let at = nl + 1;
  for (const n of lengths as number[]) {
    if (at + n > bytes.length) throw new Error(`${source}: truncated model file`);
    parts.push(bytes.subarray(at, at + n));
    at += n;
  }
  if (at !== bytes.length) throw new Error(`${source}: malformed model file (trailing bytes)`);
  return { meta, parts };
}

/** Rows are kept in blocks so that a model of millions of rows needs no single huge allocation. */
const BLOCK_BITS = 14;
const BLOCK_ROWS = 1 << BLOCK_BITS;

/**
 * The trainable model: perceptron updates with averaging (the running sum trick: the averaged weight is
 * w - u / t, where u accumulates each update times the step at which it was made).
 */
export class AveragedPerceptron implements Scorer {
  private readonly table: FeatureTable;
  private blocks: Float32Array[] = [];
  private sums: Float32Array[] = [];
  /** Updates made so far (the "time" of the averaging). */
  private t = 1;

  constructor(readonly nClasses: number, capacity = 1 << 16) {
    if (nClasses > 255) throw new Error('at most 255 classes');
    this.table = new FeatureTable(capacity);
  }

  get size(): number {
    return this.table.size;
  }

  score(fv: FeatureVector, scores: Float32Array): Float32Array {
    const C = this.nClasses;
    scores.fill(0, 0, C);
    for (let f = 0; f < fv.n; f++) {
      const row = this.table.get(fv.k1[f], fv.k2[f]);
      if (row < 0) continue;
      const block = this.blocks[row >>> BLOCK_BITS];
      const base = (row & (BLOCK_ROWS - 1)) * C;
      for (let c = 0; c < C; c++) scores[c] += block[base + c];
    }
    return scores;
  }

  private rowOf(k1: number, k2: number): number {
    const row = this.table.getOrAdd(k1, k2);
    if (row >>> BLOCK_BITS >= this.blocks.length) {
      this.blocks.push(new Float32Array(BLOCK_ROWS * this.nClasses));
      this.sums.push(new Float32Array(BLOCK_ROWS * this.nClasses));
    }
    return row;
  }

  private weightsAt(row: number): [Float32Array, number] {
    return [this.blocks[row >>> BLOCK_BITS], (row & (BLOCK_ROWS - 1)) * this.nClasses];
  }

  /** Moves weight from the predicted class to the truth for every feature of `fv`. */
  update(fv: FeatureVector, truth: number, guess: number, amount = 1): void {
    if (truth === guess) return;
    const t = this.t;
    for (let f = 0; f < fv.n; f++) {
      const row = this.rowOf(fv.k1[f], fv.k2[f]);
      const block = this.blocks[row >>> BLOCK_BITS];
      const sums = this.sums[row >>> BLOCK_BITS];
      const base = (row & (BLOCK_ROWS - 1)) * this.nClasses;
      block[base + truth] += amount;
      sums[base + truth] += t * amount;
      if (guess >= 0) {
        block[base + guess] -= amount;
        sums[base + guess] -= t * amount;
      }
    }
  }

  /** Counts one training step (call once per prediction, updated or not). */
  tick(): void {
    this.t++;
  }

  /** Replaces the weights by their averages; then serialize() gives the final model. */
  average(): void {
    const t = this.t;
    for (let k = 0; k < this.blocks.length; k++) {
      const w = this.blocks[k];
      const u = this.sums[k];
      for (let i = 0; i < w.length; i++) w[i] -= u[i] / t;
    }
    this.sums = [];
  }

  /** The averaged model in its shipped, compact form (see SparseModel.deserialize). */
  compact(meta: Record<string, unknown>, minWeight = 0): { bytes: Buffer; model: SparseModel } {
    const bytes = this.serialize(meta, minWeight);
    return { bytes, model: SparseModel.deserialize(bytes, 'trained model').model };
  }

  /**
   * The binary form read by SparseModel.deserialize. Weights are scaled to int16 by one factor for the
   * whole model; those that round to zero are left out, and so are rows whose largest weight is below
   * `minWeight` (pruning: rare features barely move a decision).
   */
  serialize(meta: Record<string, unknown>, minWeight = 0): Buffer {
    const { k1, k2 } = this.table.entries();
    const C = this.nClasses;
    let max = 0;
    for (let r = 0; r < this.size; r++) {
      const [b, o] = this.weightsAt(r);
      for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(b[o + c]));
    }
    const scale = max > 0 ? 32767 / max : 1;
    const keep: number[] = [];
    let cells = 0;
    for (let r = 0; r < this.size; r++) {
      const [b, o] = this.weightsAt(r);
      let nnz = 0;
      let big = 0;
      for (let c = 0; c < C; c++) {
        if (Math.round(b[o + c] * scale) !== 0) nnz++;
        big = Math.max(big, Math.abs(b[o + c]));
      }
      if (nnz && big >= minWeight) {
        keep.push(r);
        cells += nnz;
      }
    }
    keep.sort((x, y) => k1[x] - k1[y] || k2[x] - k2[y]);
    const n = keep.length;
    const header = Buffer.from(JSON.stringify({ ...meta, classes: C, rows: n, cells, scale }) + '\n', 'utf8');
    const keys1 = Buffer.alloc(n * 4);
    const keys2 = Buffer.alloc(n * 4);
    const counts = Buffer.alloc(n);
    const classes = Buffer.alloc(cells);
    const values = Buffer.alloc(cells * 2);
    let prev = 0;
    let cell = 0;
    keep.forEach((r, i) => {
      keys1.writeUInt32LE((k1[r] - prev) >>> 0, i * 4);
      prev = k1[r];
      keys2.writeUInt32LE(k2[r], i * 4);
      const [b, o] = this.weightsAt(r);
      for (let c = 0; c < C; c++) {
        const v = Math.round(b[o + c] * scale);
        if (v === 0) continue;
        counts[i]++;
        classes[cell] = c;
        values.writeInt16LE(v, cell * 2);
        cell++;
      }
    });
    return Buffer.concat([header, keys1, keys2, counts, classes, values]);
  }
}

/** Index of the highest score among classes allowed by `valid` (all when omitted); -1 when none is. */
export function argmax(scores: Float32Array, n: number, valid?: Uint8Array): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (valid && !valid[c]) continue;
    if (scores[c] > bestScore) {
      bestScore = scores[c];
      best = c;
    }
  }
  return best;
}

/** A small deterministic PRNG (mulberry32) for shuffles and exploration during training. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
