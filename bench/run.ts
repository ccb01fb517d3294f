/**
 * Benchmark: runs every stage over a corpus and reports articles/s, MB/s and peak memory per stage.
 * Each stage runs in its own process (bench/stage.ts), so "peak RSS" is that stage's own peak, not
 * the largest so far. articles/s counts the records a stage handled (ingest: records read, articles
 * and rejects alike; later stages: articles); MB/s is the raw corpus size over the stage's time.
 * Corpus: BENCH_RAW if set, else ../shared/corpora/bbc-news-2225 when present, else the samples in raw/
 * copied 400 times with a varying first line. Usage: make bench [BENCH_RAW=dir]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { listFiles, fileDigest } from '../src/util/files.ts';
import { STAGE_RUNNERS } from '../pipeline/index.ts';
import { benchCorpus } from './corpus.ts';

function runStageProcess(stage: string, raw: string, out: string): { seconds: number; counts: Record<string, number>; peakRssMB: number } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'bench/stage.ts', stage, raw, out], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}


const work = await mkdtemp(join(tmpdir(), 'newsledger-bench-'));
try {
  const { dir, name } = await benchCorpus(work);
  const files = await listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += (await fileDigest(join(dir, f))).bytes;
  const out = join(work, 'out');
  console.log(`corpus: ${name}: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
  console.log('stage      seconds  articles/s    MB/s  peak RSS MB  counts');
  for (const [stage] of STAGE_RUNNERS) {
    const r = runStageProcess(stage, dir, out);
    const n = stage === 'ingest' ? r.counts.records ?? 0 : r.counts.articles ?? 0;
    const counts = Object.entries(r.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    console.log(`${stage.padEnd(10)} ${r.seconds.toFixed(2).padStart(7)} ${(n / r.seconds).toFixed(0).padStart(11)} ${(bytes / 1e6 / r.seconds).toFixed(2).padStart(7)} ${r.peakRssMB.toFixed(0).padStart(12)}  ${counts}`);
  }
  const pk = runStageProcess('package', dir, out);
  console.log(`${'package'.padEnd(10)} ${pk.seconds.toFixed(2).padStart(7)} ${''.padStart(11)} ${''.padStart(7)} ${pk.peakRssMB.toFixed(0).padStart(12)}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
