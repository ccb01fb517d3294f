/**
 * Training the attribution tagger: an averaged structured perceptron over paragraphs (Collins 2002).
 * Deterministic: articles in name order, a seeded shuffle per epoch, so the same data gives the same file.
 */
import { Atoms, FeatureTable, sequenceFeatures, sequencesOf, TEMPLATES } from './features.ts';
import { T, TAGS, TaggerModel, viterbi, type FeatureKey } from './model.ts';
import type { GoldArticle } from './polnear.ts';

export interface TrainOptions {
  epochs: number;
  /** Features seen fewer times than this in training are left out of the model. */
  minCount: number;
  /** A word joins the cue vocabulary when it is a gold cue at least this often ... */
  cueMinCount: number;
  /** ... and in at least this share of its occurrences. */
  cueMinShare: number;
  /** Features whose largest averaged weight is smaller than this are left out: a smaller, faster model. */
  minWeight: number;
  log?: (msg: string) => void;
}

export const DEFAULT_TRAIN: TrainOptions = { epochs: 20, minCount: 2, cueMinCount: 3, cueMinShare: 0.15, minWeight: 20 };

/** Words that were gold cues often enough, as a share of all their occurrences. */
export function learnCueWords(articles: GoldArticle[], minCount: number, minShare: number): Set<string> {
  const asCue = new Map<string, number>();
  const all = new Map<string, number>();
  const cue = new Set([TAGS.indexOf('B-CUE'), TAGS.indexOf('I-CUE')]);
  for (const a of articles) {
    a.doc.tokens.forEach((tok, k) => {
      if (!tok.word) return;
      all.set(tok.lo, (all.get(tok.lo) ?? 0) + 1);
      if (cue.has(a.tags[k])) asCue.set(tok.lo, (asCue.get(tok.lo) ?? 0) + 1);
    });
  }
  const out = new Set<string>();
  for (const [w, n] of asCue) if (n >= minCount && n / all.get(w)! >= minShare) out.add(w);
  return out;
}

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Example {
  feats: Int32Array[];
  gold: Uint8Array;
}

export function train(articles: GoldArticle[], opts: TrainOptions = DEFAULT_TRAIN): TaggerModel {
  const log = opts.log ?? (() => {});
  const cues = learnCueWords(articles, opts.cueMinCount, opts.cueMinShare);
  log(`cue vocabulary: ${cues.size} words`);
  const atoms = new Atoms(true);
  const table = new FeatureTable(1 << 20);
  const keys: Array<[number, number, number]> = [];
  const counts: number[] = [];
  const raw: { feats: number[][]; gold: Uint8Array }[] = [];
  for (const a of articles) {
    for (const seq of sequencesOf(a.doc)) {
      const feats: number[][] = Array.from({ length: seq.to - seq.from }, () => []);
      sequenceFeatures(a.doc, seq, cues, atoms, (k, tpl, x, y) => {
        const before = table.size;
        const row = table.add(tpl, x, y);
        if (table.size > before) { keys.push([tpl, x, y]); counts.push(0); }
        counts[row]++;
        feats[k].push(row);
      });
      raw.push({ feats, gold: a.tags.slice(seq.from, seq.to) });
    }
  }
  const examples: Example[] = raw.map((r) => ({
    feats: r.feats.map((fs) => Int32Array.from(fs.filter((f) => counts[f] >= opts.minCount))),
    gold: r.gold,
  }));
  log(`${examples.length} paragraphs, ${counts.filter((n) => n >= opts.minCount).length} features`);

  const F = table.size;
  const w = new Float32Array(F * T);
  const u = new Float64Array(F * T); // sum of (time * update), for averaging
  const tr = new Float32Array(T * T);
  const tu = new Float64Array(T * T);
  const st = new Float32Array(T);
  const su = new Float64Array(T);
  let c = 1;
  const random = mulberry32(7);
  const order = examples.map((_, i) => i);
  for (let epoch = 0; epoch < opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let wrong = 0;
    let tokens = 0;
    for (const idx of order) {
      const ex = examples[idx];
      const n = ex.gold.length;
      if (!n) continue;
      const emit = new Float32Array(n * T);
      for (let k = 0; k < n; k++) for (const f of ex.feats[k]) for (let y = 0; y < T; y++) emit[k * T + y] += w[f * T + y];
      const pred = viterbi(emit, n, tr, st, new Uint8Array(n));
      tokens += n;
      for (let k = 0; k < n; k++) {
        const g = ex.gold[k];
        const p = pred[k];
        const gp = k ? ex.gold[k - 1] : -1;
        const pp = k ? pred[k - 1] : -1;
        if (g !== p) {
          wrong++;
          for (const f of ex.feats[k]) {
            w[f * T + g] += 1; u[f * T + g] += c;
            w[f * T + p] -= 1; u[f * T + p] -= c;
          }
        }
        if (g !== p || gp !== pp) {
          if (k === 0) { st[g] += 1; su[g] += c; st[p] -= 1; su[p] -= c; }
          else {
            tr[gp * T + g] += 1; tu[gp * T + g] += c;
            tr[pp * T + p] -= 1; tu[pp * T + p] -= c;
          }
        }
      }
      c++;
    }
    log(`epoch ${epoch + 1}: token error ${(wrong / tokens).toFixed(4)}`);
  }
  // Averaged weights: w - u / c. Features whose weights all round to zero are dropped.
  const names: string[] = [];
  for (const [s, id] of atoms.ids) names[id] = s;
  const features: Array<[FeatureKey, Float32Array]> = [];
  for (let id = 0; id < F; id++) {
    if (counts[id] < opts.minCount) continue;
    const v = new Float32Array(T);
    let keep = false;
    for (let y = 0; y < T; y++) {
      v[y] = w[id * T + y] - u[id * T + y] / c;
      if (Math.abs(v[y]) >= Math.max(opts.minWeight, 0.0005)) keep = true;
    }
    const [tpl, x, y] = keys[id];
    const arity = TEMPLATES[tpl][1];
    if (keep) features.push([{ tpl, a: arity > 0 ? names[x] : '', b: arity > 1 ? names[y] : '' }, v]);
  }
  const avg = (a: Float32Array, b: Float64Array) => Float32Array.from(a, (x, i) => x - b[i] / c);
  return new TaggerModel(features, avg(tr, tu), avg(st, su), cues);
}
