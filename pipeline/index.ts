/** The stages, in order. Each runs alone (reading the previous stage's files) or as part of `build`. */
import type { BuildPaths, StageName, StageOptions, StageResult } from '../src/dataset/stage.ts';
import { withOutLock } from '../src/dataset/lock.ts';
import { readStageRecord, requireArticles } from '../src/dataset/stage.ts';
import { startPool, workerCount } from '../src/dataset/per-article.ts';
import { WorkerPool } from '../src/dataset/pool.ts';
import type { RemoteOptions } from '../src/cluster/remote-pool.ts';

export const STAGE_RUNNERS: Array<[StageName, (p: BuildPaths, o?: StageOptions) => Promise<StageResult>]> = [
  ['ingest', async (p, o) => (await import('./1-ingest.ts')).run(p, o)],
  ['clean', async (p, o) => (await import('./2-clean.ts')).run(p, o)],
  ['segment', async (p, o) => (await import('./3-segment.ts')).run(p, o)],
  ['extract', async (p, o) => (await import('./4-extract.ts')).run(p, o)],
  ['validate', async (p, o) => (await import('./5-validate.ts')).run(p, o)],
];

/** Stage modules load when their stage runs (the CLI and a no-op build stay light). */
export const packageStage = {
  run: async (p: BuildPaths, o?: import('./6-package.ts').PackageOptions) => (await import('./6-package.ts')).run(p, o),
};

/**
 * Every stage, then a version. `log` hears one line per stage. Holds OUT's lock throughout (a second
 * writer fails with LockedError, or waits with `wait`) and first clears what killed builds left.
 */
export interface BuildOptions extends StageOptions {
  name?: string;
  wait?: boolean;
  log?: (line: string) => void;
  /** run clean, segment and extract on `newsledger worker` processes through BullMQ on this Redis (src/cluster/) */
  remote?: Pick<RemoteOptions, 'redis' | 'queue' | 'batchSize' | 'batchesInFlight' | 'idleTimeoutMs'>;
}

export async function build(p: BuildPaths, opts: BuildOptions = {}) {
  const log = opts.log ?? (() => {});
  return withOutLock(p.out, { wait: opts.wait, command: 'build', log }, () => buildLocked(p, opts, log));
}

async function buildLocked(p: BuildPaths, opts: BuildOptions, log: (line: string) => void) {
  const { force, jobs, quiet, cache } = opts;
  // One set of worker threads for clean, segment and extract, started when the first of them needs it;
  // or, for a cluster build, the remote workers, reached before anything runs (no Redis: no work done).
  let pool: StageOptions['pool'] = null;
  const remote = opts.remote
    ? await (await import('../src/cluster/remote-pool.ts')).RemotePool.open({ ...opts.remote, out: p.out, settings: p.settings, resume: cache !== false, quiet, log })
    : null;
  // When ingest runs and has read enough articles for workers, they start then: each loads the
  // extractors while ingest still runs in this thread alone (a core would otherwise sit idle), instead
  // of delaying the first extract tasks (issue 15).
  let warmed = false;
  const articlesRead = (n: number) => {
    if (pool || remote || workerCount(opts, n) <= 1) return;
    const started = startPool(p, workerCount(opts, n));
    started?.warm();
    pool = started;
    warmed = true;
  };
  let v: Awaited<ReturnType<typeof packageStage.run>>;
  try {
    let validating: Promise<StageResult> | undefined;
    for (const [name, runStage] of STAGE_RUNNERS) {
      const t0 = performance.now();
      if (name === 'clean') {
        pool = remote ?? pool ?? startPool(p, workerCount(opts, (await readStageRecord(p, 'ingest'))?.counts.articles ?? null));
        // Warmed workers get the models now, while clean keeps this thread light, not when extract starts and every worker waits for them.
        if (warmed && pool instanceof WorkerPool) for (const [k, v] of Object.entries(await (await import('./4-extract.ts')).shareWithWorkers())) pool.share(k, v);
      }
      const done = (r: StageResult) => {
        const counts = Object.entries(r.record.counts).map(([k, v]) => `${v} ${k}`).join(', ');
        log(`${name.padEnd(9)} ${r.skipped ? 'up to date' : `${(performance.now() - t0).toFixed(0)} ms`}  ${counts}`);
        return r;
      };
      if (name === 'validate' && pool instanceof WorkerPool) {
        // Validation runs on a worker while this thread packages (otherwise both run alone, one after the
        // other, with a core idle); the version is put in place only once validation passed.
        let running!: () => void;
        const started = new Promise<'running'>((r) => (running = () => r('running')));
        const result = runStage(p, { force, quiet, cache, pool, running }).then(done);
        result.catch(() => {}); // awaited by package, or below
        if ((await Promise.race([result, started])) === 'running') validating = result;
        else await result;
        continue;
      }
      const r = done(await runStage(p, { force, jobs, quiet, cache, pool, articlesRead: name === 'ingest' ? articlesRead : undefined }));
      // The stage's results are in the article cache now (a skipped stage used none: the spool may hold the next one's).
      if (remote && !r.skipped && (name === 'clean' || name === 'segment')) await remote.stageDone();
      // An empty RAW (or one of unreadable files only) is a mistake to say out loud, not a 0-article version.
      if (name === 'ingest') requireArticles(p.raw, r.record.counts);
      if (name === 'extract' && remote) {
        log(`cluster   ${remote.summary()}`);
        await remote.finish();
      }
    }
    v = await packageStage.run(p, { name: opts.name, quiet: opts.quiet, validating, pool: pool instanceof WorkerPool ? pool : undefined });
  } finally {
    await (remote ?? pool)?.close();
  }
  log(v.created ? `package   version ${v.version} written to ${v.dir}` : `package   no new version: the data files are identical to ${v.version}`);
  return v;
}
