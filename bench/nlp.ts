/**
 * Benchmark: the linguistic core (src/nlp) on one core. Reports
 *  - load: importing src/nlp/index.ts and the first analyseWords call (which loads the model weights);
 *  - tag + parse + entities, tokens/s: analyseWords over EWT dev's gold tokens when
 *    ../shared/corpora/ud-english (or BENCH_UD=dir) is there, else over a built-in generated text of
 *    news-like sentences (the output says which), ROUNDS times, best round reported;
 *  - the model files' sizes (src/nlp/models/*.bin.gz).
 * Usage: node --import tsx bench/nlp.ts [BENCH_UD=dir] [ROUNDS=3]
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readConllu } from '../src/nlp/conllu.ts';

async function corpus(): Promise<{ name: string; sentences: string[][] }> {
  const ud = resolve(process.env.BENCH_UD ?? join('..', 'shared', 'corpora', 'ud-english'));
  const dev = join(ud, 'ewt', 'en_ewt-ud-dev.conllu');
  if (existsSync(dev)) {
    const sentences = readConllu(await readFile(dev, 'utf8'), dev).map((s) => s.words.map((w) => w.form));
    return { name: `EWT dev gold tokens (${dev})`, sentences };
  }
  return { name: 'generated news-like sentences (no UD English found; set BENCH_UD=dir)', sentences: generated(2000) };
}

/** Deterministic sentences from templates and word lists (a linear congruential generator, fixed seed). */
function generated(n: number): string[][] {
  let seed = 12345;
  const pick = <T>(xs: T[]): T => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return xs[(seed >>> 8) % xs.length];
  };
  const people = [['Ana', 'Silva'], ['the', 'minister'], ['John', 'Carter'], ['a', 'spokeswoman'], ['Mei', 'Lin'], ['the', 'mayor']];
  const orgs = [['the', 'central', 'bank'], ['Nordic', 'Rail'], ['the', 'United', 'Nations'], ['the', 'city', 'council'], ['Acme', 'Corp']];
  const places = [['Oslo'], ['New', 'York'], ['the', 'capital'], ['Lagos'], ['Buenos', 'Aires'], ['the', 'border', 'region']];
  const verbs = ['said', 'announced', 'warned', 'confirmed', 'denied', 'reported'];
  const days = [['on', 'Monday'], ['on', 'Tuesday'], ['last', 'week'], ['in', 'March'], ['yesterday']];
  const objs = [['the', 'new', 'bridge'], ['interest', 'rates'], ['the', 'talks'], ['2,000', 'jobs'], ['the', 'election', 'results']];
  const acts = [['would', 'raise'], ['had', 'cut'], ['will', 'review'], ['is', 'delaying'], ['could', 'block']];
  const out: string[][] = [];
  for (let i = 0; i < n; i++) {
    const t = i % 3;
    if (t === 0) out.push([...pick(people), pick(verbs), ...pick(days), 'that', ...pick(orgs), ...pick(acts), ...pick(objs), 'in', ...pick(places), '.']);
    else if (t === 1) out.push(['"', 'We', ...pick(acts), ...pick(objs), ',', '"', ...pick(people), pick(verbs), '.']);
    else out.push(['In', ...pick(places), ',', ...pick(orgs), pick(verbs), 'that', ...pick(objs), 'were', 'at', 'risk', ',', 'according', 'to', ...pick(people), '.']);
  }
  return out;
}

const t0 = performance.now();
const { analyseWords, nlpModels } = await import('../src/nlp/index.ts');
const { wordAtoms } = await import('../src/nlp/tagger.ts');
const tImport = performance.now();
analyseWords(['The', 'models', 'load', '.']);
const tFirst = performance.now();
console.log(`load: ${((tFirst - t0) / 1000).toFixed(2)} s (import ${((tImport - t0) / 1000).toFixed(2)} s, first analyseWords call ${((tFirst - tImport) / 1000).toFixed(2)} s)`);

const { name, sentences } = await corpus();
const tokens = sentences.reduce((n, s) => n + s.length, 0);
const rounds = Number(process.env.ROUNDS ?? 3);
/** Seconds of the best of `rounds` passes over the corpus. */
function timed(work: (forms: string[]) => unknown): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    for (const s of sentences) work(s);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}
const { tagger, parser } = nlpModels();
console.log(`corpus: ${name}: ${sentences.length} sentences, ${tokens} tokens`);
for (const [what, work] of [
  ['tag', (s: string[]) => tagger.tag(s)],
  ['tag + parse', (s: string[]) => {
    const atoms = wordAtoms(s);
    return parser.parse(s, tagger.tag(s, atoms), atoms);
  }],
  ['tag + parse + entities (analyseWords)', analyseWords],
] as const) {
  const best = timed(work);
  console.log(`${what}: ${best.toFixed(2)} s, ${(tokens / best).toFixed(0)} tokens/s, ${(sentences.length / best).toFixed(0)} sentences/s (best of ${rounds}, one core)`);
}

const models = new URL('../src/nlp/models/', import.meta.url);
const files = existsSync(models) ? readdirSync(models).filter((f) => f.endsWith('.bin.gz')).sort() : [];
let total = 0;
for (const f of files) {
  const size = statSync(new URL(f, models)).size;
  total += size;
  console.log(`model src/nlp/models/${f}: ${(size / 1e6).toFixed(2)} MB`);
}
console.log(`models: ${files.length} file(s), ${(total / 1e6).toFixed(2)} MB`);
