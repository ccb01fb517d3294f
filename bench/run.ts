/**
 * Benchmark: runs every stage over a corpus and reports articles/s, MB/s and peak memory per stage.
 * Corpus: BENCH_RAW if set, else ../shared/corpora/bbc-news-2225 when present, else the samples in raw/
 * copied 400 times with a varying first line. Usage: make bench [BENCH_RAW=dir]
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildPaths } from '../src/dataset/stage.ts';
import { listFiles, fileDigest } from '../src/util/files.ts';
import { STAGE_RUNNERS, packageStage } from '../pipeline/index.ts';

async function corpus(work: string): Promise<{ dir: string; name: string }> {
  if (process.env.BENCH_RAW) return { dir: resolve(process.env.BENCH_RAW), name: process.env.BENCH_RAW };
  const bbc = resolve('..', 'shared', 'corpora', 'bbc-news-2225');
  if (existsSync(bbc)) return { dir: bbc, name: 'bbc-news-2225' };
  const dir = join(work, 'raw');
  await mkdir(dir, { recursive: true });
  const samples = (await readdir('raw')).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 400; i++)
    for (const f of samples) await writeFile(join(dir, `${i}-${f}`), `Copy ${i} of the sample\n\n` + (await readFile(join('raw', f), 'utf8')));
  return { dir, name: `raw/ samples x400` };
}

const work = await mkdtemp(join(tmpdir(), 'newsledger-bench-'));
try {
  const { dir, name } = await corpus(work);
  const files = await listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += (await fileDigest(join(dir, f))).bytes;
  const p = buildPaths(dir, join(work, 'out'));
  console.log(`corpus: ${name}: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
  console.log('stage      seconds  articles/s    MB/s  peak RSS MB');
  for (const [stage, run] of STAGE_RUNNERS) {
    const t0 = performance.now();
    const r = await run(p, { force: true });
    const s = (performance.now() - t0) / 1000;
    const n = r.record.counts.articles ?? r.record.counts.records ?? 0;
    const rss = process.resourceUsage().maxRSS / 1024;
    console.log(`${stage.padEnd(10)} ${s.toFixed(2).padStart(7)} ${(n / s).toFixed(0).padStart(11)} ${(bytes / 1e6 / s).toFixed(2).padStart(7)} ${rss.toFixed(0).padStart(12)}`);
  }
  const t0 = performance.now();
  await packageStage.run(p);
  console.log(`${'package'.padEnd(10)} ${((performance.now() - t0) / 1000).toFixed(2).padStart(7)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
