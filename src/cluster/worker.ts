/**
 * `newsledger worker --redis URL`: takes batch jobs from the BullMQ queue, runs each article's task
 * with the code of a local build (pipeline/tasks.ts, in the worker threads of src/dataset/pool.ts)
 * and adds the outcomes to the results queue for the coordinator to collect.
 *
 * The tasks run in worker threads even with --jobs 1: this thread stays free to renew BullMQ's job
 * locks, so a long article is never taken for a stalled job, while a killed worker's jobs are (after
 * LOCK_MS) and run again elsewhere.
 */
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { WorkerPool } from '../dataset/pool.ts';
import { TASKS } from '../dataset/per-article.ts';
import type { BuildSettings } from '../dataset/stage.ts';
import { connect, requireRedis, safeUrl } from './redis.ts';
import { localFingerprint, MALFORMED, parseBatchJob, PROTOCOL, refusal, resultsQueueName, workerName, type ResultJob, type TaskOutcome } from './protocol.ts';

/** A job's lock: a worker that stops renewing it (killed, frozen machine) loses the job after this long. */
export const LOCK_MS = 10_000;
/** How often workers look for jobs whose lock expired. */
export const STALLED_CHECK_MS = 5_000;
/** Times a job may be found stalled before it fails (then the coordinator splits it; see remote-pool.ts). */
export const MAX_STALLED = 2;
/** A batch taking longer than this (an article that hangs the extractor) fails and is retried; the worker's threads are restarted. */
export const batchTimeoutMs = (articles: number) => 60_000 + 5_000 * articles;

export interface WorkerOptions {
  redis: string;
  queue: string;
  jobs: number;
  log: (line: string) => void;
}

/** Runs until `stop` is called (or the process gets SIGINT/SIGTERM through the CLI); resolves when closed. */
export async function runWorker(opts: WorkerOptions): Promise<{ stop: () => Promise<void>; closed: Promise<void> }> {
  await requireRedis(opts.redis);
  const fp = await localFingerprint();
  const me = workerName();
  // One set of threads per distinct settings (in practice one); rebuilt when a thread died.
  const pools = new Map<string, WorkerPool<unknown, unknown>>();
  const poolFor = (settings: BuildSettings) => {
    const k = JSON.stringify(settings);
    let pool = pools.get(k);
    if (!pool || pool.broken) {
      void pool?.close();
      pool = new WorkerPool<unknown, unknown>(TASKS, opts.jobs, settings);
      pools.set(k, pool);
    }
    return pool;
  };
  const resultsConn = connect(opts.redis);
  // skipMetasUpdate: the results queue needs no `meta` key of ours (the coordinator removes its keys after each build).
  const results = new Queue(resultsQueueName(opts.queue), { connection: resultsConn, skipMetasUpdate: true });
  results.on('error', () => {}); // the Worker below reports connection trouble once per error
  let done = 0;
  let refusedSaid = false;

  const processor = async (job: Job) => {
    let batch;
    try {
      batch = parseBatchJob(job.data);
    } catch (err) {
      opts.log(`worker: job ${job.id}: ${(err as Error).message}`);
      throw new UnrecoverableError((err as Error).message); // the same data would fail again: no retries
    }
    const no = refusal(fp, batch.fingerprint);
    if (no) {
      if (!refusedSaid) opts.log(`worker: job ${job.id}: ${no}`);
      refusedSaid = true;
      throw new UnrecoverableError(`${no} [worker ${me}]`);
    }
    const pool = poolFor(batch.settings);
    // The threads of one worker read one copy of the NLP models, shared before the first extract task
    // (a batch of cleaning or segmenting loads none).
    if (batch.tasks.some((t) => t.task === 'extract')) pool.share('nlp-models', (await import('../nlp/index.ts')).shareNlpModels());
    let timer: NodeJS.Timeout | undefined;
    const limit = batchTimeoutMs(batch.tasks.length);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`batch of ${batch.tasks.length} articles took longer than ${limit / 1000} s on worker ${me}`)), limit);
    });
    let outcomes: TaskOutcome[];
    try {
      outcomes = await Promise.race([
        Promise.all(
          batch.tasks.map((t) =>
            pool.run(t).then(
              (value): TaskOutcome => ({ task: t.task, ok: true, value }),
              (err: Error): TaskOutcome => ({ task: t.task, ok: false, error: err.message }),
            ),
          ),
        ),
        timeout,
      ]);
    } catch (err) {
      await pool.close(); // a hung thread: start fresh ones for the next batch
      pools.delete(JSON.stringify(batch.settings));
      throw err;
    } finally {
      clearTimeout(timer);
    }
    // A thread that died answers every task with its death: that is the worker's fault, not the articles'. Retry.
    if (pool.broken) throw new Error(`a worker thread died on worker ${me}: ${pool.broken.message}`);
    const result: ResultJob = { protocol: PROTOCOL, batch: String(job.id), keys: batch.keys, outcomes, worker: me };
    await results.add('result', result, { removeOnComplete: true, removeOnFail: true });
    done += batch.tasks.length;
    return { articles: batch.tasks.length };
  };

  const workerConn = connect(opts.redis);
  const worker = new Worker(opts.queue, processor, {
    connection: workerConn,
    concurrency: opts.jobs + 1, // one batch waiting in memory while the threads work: no gap between batches
    lockDuration: LOCK_MS,
    stalledInterval: STALLED_CHECK_MS,
    maxStalledCount: MAX_STALLED,
    name: me,
  });
  worker.on('error', (err) => opts.log(`worker: ${err.message}`));
  worker.on('failed', (job, err) => {
    if (!err.message.startsWith(MALFORMED) && !err.message.startsWith('refused:')) opts.log(`worker: job ${job?.id} failed: ${err.message}`);
  });
  opts.log(`worker ${me}: waiting for jobs on queue "${opts.queue}" at ${safeUrl(opts.redis)} (${opts.jobs} thread${opts.jobs === 1 ? '' : 's'}, code ${fp.code.slice(0, 12)})`);
  let resolveClosed!: () => void;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await worker.close(); // finishes the jobs it holds
      await results.close();
      resultsConn.disconnect();
      workerConn.disconnect();
      await Promise.all([...pools.values()].map((p) => p.close()));
      opts.log(`worker ${me}: stopped after ${done} articles`);
      resolveClosed();
    })());
  return { stop, closed };
}
