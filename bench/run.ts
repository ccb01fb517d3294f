/**
 * Benchmark: runs every stage over a corpus and reports articles/s, MB/s and peak memory per stage.
 * Each stage runs in its own process (bench/stage.ts), so "peak RSS" is that stage's own peak, not
 * the largest so far. articles/s counts the records a stage handled (ingest: records read, articles
 * and rejects alike; later stages: articles); MB/s is the raw corpus size over the stage's time.
 * Corpus: BENCH_RAW if set, else ../shared/corpora/bbc-news-2225 when present, else the samples in raw/
 * copied 400 times with a varying first line. Usage: make bench [BENCH_RAW=dir] [JOBS=n]
 *
 * Then the whole build end to end (issue 15), each build in its own process: one sha256 pass over the
 * input (the yardstick), a build with one worker and with JOBS (default: one per core), a no-op
 * rebuild, and a rebuild after one input file is replaced by an edited copy (" said " -> " stated "
 * throughout the middle file of the sorted list), with wall time, MB/s, articles/s, CPU% and peak RSS,
 * and whether the data files of the one-worker, the many-worker and the cached builds are identical.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { listFiles, fileDigest } from '../src/util/files.ts';
import { STAGE_RUNNERS } from '../pipeline/index.ts';
import { benchCorpus } from './corpus.ts';
import { defaultJobs } from '../src/dataset/pool.ts';

interface BuildRun { seconds: number; cpuSeconds: number; peakRssMB: number; version: string; created: boolean; dir: string; articles: number; cached: Record<string, number> }
function runBuildProcess(raw: string, out: string, jobs: number, cache = true): BuildRun {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'bench/build.ts', raw, out, String(jobs), cache ? 'cache' : 'nocache'], { encoding: 'utf8', maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

async function sha256Pass(dir: string, files: string[]): Promise<number> {
  const t0 = performance.now();
  for (const f of files) {
    const h = createHash('sha256');
    for await (const chunk of createReadStream(join(dir, f))) h.update(chunk as Buffer);
    h.digest();
  }
  return (performance.now() - t0) / 1000;
}

/** The data files' lines of SHA256SUMS (documents such as the manifest name the build and differ). */
async function dataSums(versionDir: string): Promise<string> {
  return (await readFile(join(versionDir, 'SHA256SUMS'), 'utf8')).split('\n').filter((l) => /\.(csv|jsonl|arrow|parquet)$/.test(l)).join('\n');
}

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

  // The whole build, end to end.
  const jobs = Number(process.env.JOBS) > 0 ? Number(process.env.JOBS) : defaultJobs();
  const sha = await sha256Pass(dir, files);
  const mb = bytes / 1e6;
  console.log(`\nwhole build (${mb.toFixed(2)} MB; one sha256 pass over the same files: ${sha.toFixed(3)} s)`);
  console.log('build                  seconds    MB/s  articles/s   CPU%  peak RSS MB  x sha256  cached (clean/segment/extract)');
  const row = (label: string, r: BuildRun) =>
    console.log(
      `${label.padEnd(22)} ${r.seconds.toFixed(2).padStart(7)} ${(mb / r.seconds).toFixed(2).padStart(7)} ${(r.articles / r.seconds).toFixed(0).padStart(11)} ${((100 * r.cpuSeconds) / r.seconds).toFixed(0).padStart(6)} ${r.peakRssMB.toFixed(0).padStart(12)} ${(r.seconds / sha).toFixed(0).padStart(9)}  ${r.cached.clean}/${r.cached.segment}/${r.cached.extract}`,
    );
  const one = runBuildProcess(dir, join(work, 'build-1'), 1, false);
  row('--jobs 1', one);
  // The edited rebuild works on a copy of the corpus, built first with JOBS workers.
  const copy = join(work, 'raw-copy');
  await cp(dir, copy, { recursive: true });
  const many = runBuildProcess(copy, join(work, 'build-n'), jobs, true);
  row(`--jobs ${jobs}`, many);
  console.log(`speed-up --jobs ${jobs} over --jobs 1: ${(one.seconds / many.seconds).toFixed(2)}x; data files identical: ${(await dataSums(one.dir)) === (await dataSums(many.dir)) ? 'yes' : 'NO'}`);
  const noop = runBuildProcess(copy, join(work, 'build-n'), jobs, true);
  row('no-op rebuild', noop);
  const edited = files[Math.floor(files.length / 2)];
  const text = await readFile(join(copy, edited), 'latin1');
  await writeFile(join(copy, edited), text.replaceAll(' said ', ' stated '), 'latin1');
  const one1 = runBuildProcess(copy, join(work, 'build-n'), jobs, true);
  row('one file edited', one1);
  const fresh = runBuildProcess(copy, join(work, 'build-fresh'), jobs, false);
  console.log(`one file edited (${edited}): ${((100 * one1.seconds) / many.seconds).toFixed(0)}% of the full build; data files identical to a fresh build: ${(await dataSums(one1.dir)) === (await dataSums(fresh.dir)) ? 'yes' : 'NO'}`);
} finally {
  await rm(work, { recursive: true, force: true });
}
