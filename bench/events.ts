/**
 * Benchmark of the events extractor alone: articles per second on one core.
 * The corpus (BENCH_RAW, else ../shared/corpora/bbc-news-2225 when present, else raw/ samples x400) is
 * ingested, cleaned and segmented first (not timed); statements are extracted beforehand (not timed);
 * then extractEvents runs over every article, ROUNDS times, and the best round is reported.
 * The one-off cost of loading the dictionaries and the gazetteer is reported apart.
 * Usage: node --import tsx bench/events.ts   (BENCH_RAW=dir ROUNDS=n)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchCorpus } from './corpus.ts';

const t0 = performance.now();
const { extractEvents } = await import('../src/events/extract.ts');
const loadMs = performance.now() - t0;
const { extractStatements } = await import('../src/statements/extract.ts');
const { buildPaths, stageDir } = await import('../src/dataset/stage.ts');
const { STAGE_RUNNERS } = await import('../pipeline/index.ts');
const { readJsonl } = await import('../src/util/jsonl.ts');
type Segmented = import('../src/schema/records.ts').SegmentedArticle;


const work = await mkdtemp(join(tmpdir(), 'newsledger-bench-events-'));
try {
  const { dir, name } = await benchCorpus(work);
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
