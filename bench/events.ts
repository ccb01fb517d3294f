/**
 * Benchmark of the events extractor alone: articles per second on one core.
 * The corpus (BENCH_RAW, else ../shared/corpora/bbc-news-2225 when present, else raw/ samples x400) is
 * ingested, cleaned and segmented first (not timed); statements are extracted beforehand (not timed);
 * then extractEvents runs over every article, ROUNDS times, and the best round is reported.
 * The one-off cost of loading the dictionaries and the gazetteer is reported apart.
 * Usage: node --import tsx bench/events.ts   (BENCH_RAW=dir ROUNDS=n)
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const t0 = performance.now();
const { extractEvents } = await import('../src/events/extract.ts');
const loadMs = performance.now() - t0;
const { extractStatements } = await import('../src/statements/extract.ts');
const { buildPaths, stageDir } = await import('../src/dataset/stage.ts');
const { STAGE_RUNNERS } = await import('../pipeline/index.ts');
const { readJsonl } = await import('../src/util/jsonl.ts');
type Segmented = import('../src/schema/records.ts').SegmentedArticle;

async function corpus(work: string): Promise<{ dir: string; name: string }> {
  if (process.env.BENCH_RAW) return { dir: resolve(process.env.BENCH_RAW), name: process.env.BENCH_RAW };
  const bbc = resolve('..', 'shared', 'corpora', 'bbc-news-2225');
  if (existsSync(bbc)) return { dir: bbc, name: 'bbc-news-2225' };
  const dir = join(work, 'raw');
  await mkdir(dir, { recursive: true });
  const samples = (await readdir('raw')).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 400; i++)
    for (const f of samples) await writeFile(join(dir, `${i}-${f}`), `Copy ${i} of the sample\n\n` + (await readFile(join('raw', f), 'utf8')));
  return { dir, name: 'raw/ samples x400' };
}

const work = await mkdtemp(join(tmpdir(), 'newsledger-bench-events-'));
try {
  const { dir, name } = await corpus(work);
  const p = buildPaths(dir, join(work, 'out'));
  for (const [stage, run] of STAGE_RUNNERS) {
    if (stage === 'extract') break;
    await run(p, { force: true });
  }
  const articles: Array<{ a: Segmented; statements: ReturnType<typeof extractStatements> }> = [];
  let chars = 0;
  for await (const a of readJsonl<Segmented>(join(stageDir(p, 'segment'), 'articles.jsonl'))) {
    if (a.skip_reason) continue;
    articles.push({ a, statements: extractStatements(a) });
    chars += a.text.length;
  }
  const rounds = Number(process.env.ROUNDS ?? 3);
  let best = Infinity;
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    events = 0;
    const t = performance.now();
    for (const { a, statements } of articles) events += extractEvents(a, statements).length;
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  console.log(`corpus: ${name}: ${articles.length} articles, ${(chars / 1e6).toFixed(2)} M characters`);
  console.log(`load (dictionaries, gazetteer): ${loadMs.toFixed(0)} ms once`);
  console.log(`extractEvents: ${best.toFixed(2)} s best of ${rounds}, ${(articles.length / best).toFixed(0)} articles/s, ${events} events`);
} finally {
  await rm(work, { recursive: true, force: true });
}
