/**
 * The coordinator's side of a cluster build: an ArticlePool (src/dataset/pool.ts) whose tasks run on
 * `newsledger worker` processes elsewhere, through BullMQ. The per-article stages use it exactly as
 * they use the local worker threads: the article cache, the ordering of results and the global steps
 * (duplicate marking, validation, packaging) stay in this process and unchanged, so the version is the
 * one a local build makes.
 *
 * Tasks are gathered into batch jobs of `batchSize` articles; at most `batchesInFlight` batches are in
 * Redis at a time (the pool's window), so Redis holds a bounded amount whatever the corpus. Results come
 * back as jobs on the results queue; each is checked, written to the spool (src/cluster/spool.ts) and
 * removed. Faults:
 * - a worker killed mid-batch: BullMQ's stalled-job check gives the batch to another worker;
 * - a batch that fails on every try (a worker crash, a hang, a thread that died): split into single
 *   articles; one that still fails becomes a reject (pipeline/tasks.ts failedTask), never a stuck build;
 * - a worker of other code refuses: the batch is sent again (for another worker); refusals with no
 *   progress in between stop the build, saying why;
 * - a result that fails the schema: the batch is sent again; three times and the build stops;
 * - Redis gone for REDIS_LOST_MS, or no result for `idleTimeoutMs`: the build stops (no version).
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { join } from 'node:path';
import type { ArticlePool } from '../dataset/pool.ts';
import type { BuildSettings } from '../dataset/stage.ts';
import { failedTask, type Task } from '../../pipeline/tasks.ts';
import { connect, requireRedis, safeUrl } from './redis.ts';
import { checkResultJob, localFingerprint, PROTOCOL, REFUSED, resultsQueueName, taskKey, type ArticleTask, type BatchJob, type Fingerprint } from './protocol.ts';
import { ResultSpool } from './spool.ts';

export const DEFAULT_BATCH_SIZE = 32;
export const DEFAULT_BATCHES_IN_FLIGHT = 16;
/** A batch is sent once its input lines reach this many characters, however few articles it holds (one long article stays one job; Redis takes at most 512 MB per value). */
export const MAX_BATCH_CHARS = 8 * 1024 * 1024;
/** Tries of a batch job (a thrown error: backoff, then another try; a stall counts separately, see worker.ts). */
export const BATCH_ATTEMPTS = 3;
/** Results failing the schema for one batch before the build stops. */
export const BAD_RESULTS_BEFORE_GIVING_UP = 3;
/** Refusals (workers of other code) in a row, with no result in between, before the build stops. */
export const REFUSALS_BEFORE_GIVING_UP = 3;
/** Redis unreachable this long during a build: the build stops. */
export const REDIS_LOST_MS = 30_000;
export const DEFAULT_IDLE_TIMEOUT_MS = 10 * 60_000;
const POLL_MS = 1000;
/** A batch job gone from the queue (finished) whose result has not come after this long is sent again. */
const LOST_RESULT_MS = 30_000;

export interface RemoteOptions {
  redis: string;
  queue: string;
  out: string;
  settings: BuildSettings;
  /** use results spooled by an earlier, interrupted coordinator (false with --no-cache) */
  resume?: boolean;
  batchSize?: number;
  batchesInFlight?: number;
  /** no result from any worker for this long: the build stops */
  idleTimeoutMs?: number;
  quiet?: boolean;
  log?: (line: string) => void;
}

interface Item {
  task: ArticleTask;
  key: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

interface Batch {
  id: string;
  items: Item[];
  /** results failing the schema so far */
  badResults: number;
  /** when the job was last seen in the queue */
  seen: number;
}

export class RemotePool implements ArticlePool {
  readonly window: number;
  private readonly batchSize: number;
  private pending: Item[] = [];
  private pendingChars = 0;
  private flushTimer: NodeJS.Timeout | null = null;
  private batches = new Map<string, Batch>();
  private nextBatch = 0;
  private readonly runId = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  private failed: Error | null = null;
  private refusalsInARow = 0;
  private lastProgress = Date.now();
  private redisDownSince: number | null = null;
  private poller: NodeJS.Timeout | null = null;
  private polling = false;
  private lastStatus = Date.now();
  private workersSeen = new Set<string>();
  private said = new Set<string>();
  /** connections given to BullMQ, which leaves a connection it was given open: closed in close() */
  private ownConnections: Redis[] = [];
  /** articles answered by workers, from the spool, and turned into rejects after failing everywhere */
  readonly counts = { remote: 0, spooled: 0, failedEverywhere: 0, batches: 0 };

  private constructor(
    private opts: RemoteOptions,
    private fp: Fingerprint,
    private conn: Redis,
    private queue: Queue,
    private resultsWorker: Worker,
    private spool: ResultSpool,
  ) {
    this.batchSize = opts.batchSize ?? DEFAULT_BATCH_SIZE;
    this.window = this.batchSize * (opts.batchesInFlight ?? DEFAULT_BATCHES_IN_FLIGHT);
  }

  /** Connect (failing fast when Redis is not there), clear what an earlier coordinator left waiting, start collecting results. */
  static async open(opts: RemoteOptions): Promise<RemotePool> {
    await requireRedis(opts.redis);
    const fp = await localFingerprint();
    const spool = new ResultSpool(join(opts.out, '.cache', 'remote.spool'));
    await spool.open();
    const conn = connect(opts.redis);
    const queue = new Queue(opts.queue, { connection: conn });
    queue.on('error', () => {}); // connection trouble is watched in poll(); BullMQ would print each one
    // Batches of an earlier coordinator of this queue that no worker took yet: ours replace them (their
    // results, and those of batches running now, still arrive on the results queue and are spooled).
    await queue.drain(true);
    await queue.clean(0, 0, 'failed');
    // A coordinator killed in the middle of its final obliterate (which pauses the queue first) leaves it paused: workers would take nothing.
    if (await queue.isPaused()) await queue.resume();
    let self: RemotePool | null = null;
    const resultsConn = connect(opts.redis);
    const resultsWorker = new Worker(
      resultsQueueName(opts.queue),
      async (job: Job) => self!.collect(job),
      { connection: resultsConn, concurrency: 1, removeOnComplete: { count: 0 }, removeOnFail: { count: 0 }, autorun: false },
    );
    resultsWorker.on('error', () => {}); // connection trouble is watched in poll()
    self = new RemotePool(opts, fp, conn, queue, resultsWorker, spool);
    self.ownConnections.push(resultsConn);
    if (opts.resume !== false && spool.entries) self.log(`cluster   ${spool.entries} task results from an interrupted build found in ${spool.path}`);
    if (opts.resume === false) await spool.remove().then(() => spool.open());
    void resultsWorker.run();
    self.poller = setInterval(() => void self!.poll(), POLL_MS);
    return self;
  }

  private log(line: string) {
    (this.opts.log ?? ((l: string) => process.stderr.write(l + '\n')))(line);
  }

  run(input: unknown): Promise<unknown> {
    if (this.failed) return Promise.reject(this.failed);
    const task = input as ArticleTask;
    const key = taskKey(this.fp, this.opts.settings, task);
    if (this.opts.resume !== false) {
      const json = this.spool.get(key);
      if (json !== undefined) {
        this.counts.spooled++;
        return Promise.resolve(JSON.parse(json));
      }
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ task, key, resolve, reject });
      this.pendingChars += task.line.length;
      if (this.pending.length >= this.batchSize || this.pendingChars >= MAX_BATCH_CHARS) this.flush();
      else this.flushTimer ??= setTimeout(() => this.flush(), 20);
    });
  }

  private flush() {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    while (this.pending.length) this.send(this.pending.splice(0, this.batchSize));
    this.pendingChars = 0;
  }

  private send(items: Item[], old?: Batch) {
    const id = `b-${this.runId}-${this.nextBatch++}`;
    const batch: Batch = { id, items, badResults: old?.badResults ?? 0, seen: Date.now() };
    if (this.batches.size === 0) this.lastProgress = Date.now(); // idle time counts from when there is work
    this.batches.set(id, batch);
    const data: BatchJob = { protocol: PROTOCOL, fingerprint: this.fp, settings: this.opts.settings, tasks: items.map((i) => i.task), keys: items.map((i) => i.key) };
    this.queue
      .add('batch', data, { jobId: id, attempts: BATCH_ATTEMPTS, backoff: { type: 'exponential', delay: 1000 }, removeOnComplete: true, removeOnFail: false })
      .catch((err: Error) => this.fail(new Error(`could not add a job to Redis at ${safeUrl(this.opts.redis)}: ${err.message}`)));
  }

  /** One result job from a worker: checked, spooled, handed to the waiting tasks. */
  private collect(job: Job) {
    const r = checkResultJob(job.data);
    const batch = typeof (job.data as { batch?: unknown })?.batch === 'string' ? this.batches.get((job.data as { batch: string }).batch) : undefined;
    if (typeof r === 'string') {
      const from = (job.data as { worker?: unknown })?.worker;
      this.warnOnce(`bad-result:${from}`, `cluster   a result from worker ${typeof from === 'string' ? from : '(unnamed)'} fails the schema (${r}); its batch is sent again`);
      if (batch) {
        this.batches.delete(batch.id);
        if (++batch.badResults >= BAD_RESULTS_BEFORE_GIVING_UP) {
          this.fail(new Error(`${BAD_RESULTS_BEFORE_GIVING_UP} results for the same batch failed the schema; last: ${r}. Is every worker running this version (newsledger --version)?`), batch);
        } else this.send(batch.items, batch);
      }
      return;
    }
    this.workersSeen.add(r.worker);
    // Spooled whatever batch it answers: a result of an earlier coordinator's batch is as good.
    r.keys.forEach((k, i) => {
      const o = r.outcomes[i];
      if (o.ok) this.spool.put(k, JSON.stringify(o.value));
    });
    if (!batch) return;
    if (batch.items.some((it, i) => it.key !== r.keys[i] || it.task.task !== r.outcomes[i].task) || batch.items.length !== r.keys.length) {
      // A result for this batch's id but not its tasks: treated like any result failing the schema.
      this.batches.delete(batch.id);
      if (++batch.badResults >= BAD_RESULTS_BEFORE_GIVING_UP) this.fail(new Error(`results for batch ${batch.id} do not answer its tasks (worker ${r.worker})`), batch);
      else this.send(batch.items, batch);
      return;
    }
    this.batches.delete(batch.id);
    this.lastProgress = Date.now();
    this.refusalsInARow = 0;
    this.counts.batches++;
    batch.items.forEach((it, i) => {
      const o = r.outcomes[i];
      this.counts.remote++;
      // A task that threw fails the build as it does locally (WorkerPool rejects with its message).
      if (o.ok) it.resolve(o.value);
      else it.reject(new Error(o.error));
    });
  }

  /** Once a second: failed batches, lost results, Redis and workers, progress. */
  private async poll() {
    if (this.polling || this.failed) return;
    this.polling = true;
    try {
      const now = Date.now();
      if (this.conn.status !== 'ready') {
        this.redisDownSince ??= now;
        if (now - this.redisDownSince > REDIS_LOST_MS) this.fail(new Error(`lost the connection to Redis at ${safeUrl(this.opts.redis)} for ${REDIS_LOST_MS / 1000} s; no version written (run the build again to resume)`));
        return;
      }
      this.redisDownSince = null;
      for (const batch of [...this.batches.values()]) {
        const state = await this.queue.getJobState(batch.id);
        if (state === 'failed') await this.failedBatch(batch);
        else if (state === 'unknown') {
          if (now - batch.seen > LOST_RESULT_MS) {
            this.batches.delete(batch.id);
            this.send(batch.items, batch);
          }
        } else batch.seen = now;
      }
      const idle = this.opts.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
      if (this.batches.size && now - this.lastProgress > idle) {
        this.fail(new Error(`no worker returned a result for ${Math.round(idle / 1000)} s (workers connected now: ${await this.queue.getWorkersCount()}); start workers with: newsledger worker --redis ${safeUrl(this.opts.redis)}`));
      } else if (!this.opts.quiet && now - this.lastStatus >= 10_000 && this.batches.size) {
        this.lastStatus = now;
        const connected = await this.queue.getWorkersCount();
        this.log(`cluster   ${this.counts.batches} batches (${this.counts.remote} articles) done by ${this.workersSeen.size} worker(s), ${this.batches.size} in flight, ${connected} worker(s) connected` +
          (connected === 0 ? `: start one with newsledger worker --redis ${safeUrl(this.opts.redis)}` : ''));
      }
    } catch (err) {
      // A command failing here is Redis trouble: the status check above decides when to give up.
      this.warnOnce('poll', `cluster   ${(err as Error).message}`);
    } finally {
      this.polling = false;
    }
  }

  private async failedBatch(batch: Batch) {
    const job = await this.queue.getJob(batch.id);
    const reason = job?.failedReason ?? 'failed';
    await job?.remove();
    this.batches.delete(batch.id);
    if (reason.startsWith(REFUSED)) {
      this.warnOnce(`refused:${reason}`, `cluster   a worker ${reason}`);
      if (++this.refusalsInARow >= REFUSALS_BEFORE_GIVING_UP) return this.fail(new Error(`workers refuse this build's jobs: ${reason}`), batch);
      return this.send(batch.items, batch);
    }
    if (batch.items.length > 1) {
      // One article may be what kills the worker or hangs it: try each alone.
      this.warnOnce(`split:${batch.id}`, `cluster   a batch of ${batch.items.length} articles failed ${BATCH_ATTEMPTS} times (${reason}); sending its articles one by one`);
      for (const it of batch.items) this.send([it], batch);
      return;
    }
    const it = batch.items[0];
    this.counts.failedEverywhere++;
    this.lastProgress = Date.now();
    this.log(`cluster   an article failed on every try (${reason}); it becomes a reject`);
    failedTask(it.task as Task, this.opts.settings, `${it.task.task} failed on every worker it was sent to: ${reason}`).then(it.resolve, it.reject);
  }

  private warnOnce(key: string, line: string) {
    if (this.said.has(key)) return;
    this.said.add(key);
    this.log(line);
  }

  /** Stop: every task waiting here (and those of `taken`, a batch already off the books) fails with `err`. */
  private fail(err: Error, taken?: Batch) {
    if (this.failed) return;
    this.failed = err;
    for (const it of this.pending) it.reject(err);
    this.pending = [];
    for (const b of [...this.batches.values(), ...(taken ? [taken] : [])]) for (const it of b.items) it.reject(err);
    this.batches.clear();
  }

  /** A per-article stage is done and its results are in the article cache: the spool has nothing more to give (it only grows with the stage running). */
  async stageDone(): Promise<void> {
    await this.spool.remove();
    await this.spool.open();
  }

  /**
   * The build's per-article stages are done: the spool goes, and Redis is left as it was found. The
   * keys of this build's two queues go (Queue.obliterate: `bull:QUEUE:*` and `bull:QUEUE.results:*`
   * only, so builds on other queues are untouched):
   * - the results queue's always: this coordinator is its one consumer, and a result arriving now
   *   answers a batch already answered (a batch sent again);
   * - the batch queue's when no job waits or runs there; a batch of an earlier, killed coordinator that
   *   a worker still runs keeps them (a warning says so): the next build of this queue collects and
   *   removes what it leaves.
   * Left by design: the workers' own two keys (`bull:QUEUE:meta`, `bull:QUEUE:stalled-check`, which
   * every running worker's stalled-job check writes again within STALLED_CHECK_MS), and Redis's
   * bookkeeping of the commands it ran (script cache, per-command statistics; docs/scale.md).
   */
  async finish(): Promise<void> {
    await this.spool.remove();
    // Every result is in: a failure to tidy Redis (or Redis gone now) is a warning, not a failed build.
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from Redis within ${REDIS_LOST_MS / 1000} s`)), REDIS_LOST_MS)));
    try {
      await Promise.race([this.removeKeys(), limit]);
    } catch (err) {
      this.log(`cluster   warning: could not remove queue "${this.opts.queue}"'s keys from Redis at ${safeUrl(this.opts.redis)} (${(err as Error).message}); the next build of this queue removes them`);
    } finally {
      clearTimeout(timer);
    }
  }

  private async removeKeys(): Promise<void> {
    await this.resultsWorker.close();
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    const left = Object.values(counts).reduce((a, n) => a + n, 0);
    if (left === 0) await obliterate(this.queue);
    else this.log(`cluster   ${left} job(s) of an earlier coordinator still in queue "${this.opts.queue}": its keys stay in Redis until the next build of this queue`);
    // skipMetasUpdate: a new Queue writes its `meta` key once connected, which could come after the obliterate.
    const results = new Queue(resultsQueueName(this.opts.queue), { connection: this.conn, skipMetasUpdate: true });
    results.on('error', () => {});
    try {
      await obliterate(results, true);
    } finally {
      await results.close();
    }
  }

  async close(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.spool.close();
    // BullMQ's close talks to Redis; with Redis gone it would wait for ever: cut the connections instead (or after 5 s).
    let timer: NodeJS.Timeout | undefined;
    const cut = () => Promise.all([this.resultsWorker.disconnect(), this.queue.disconnect()]).catch(() => {});
    if (this.conn.status !== 'ready') await cut();
    else {
      await Promise.race([
        Promise.all([this.resultsWorker.close(true), this.queue.close()]).catch(() => {}),
        new Promise((r) => (timer = setTimeout(r, 5000))),
      ]);
      clearTimeout(timer);
      await cut();
    }
    this.conn.disconnect();
    for (const c of this.ownConnections) c.disconnect();
  }

  summary(): string {
    return `${this.counts.remote} articles from workers (${this.workersSeen.size} seen), ${this.counts.spooled} from the spool${this.counts.failedEverywhere ? `, ${this.counts.failedEverywhere} failed everywhere (rejects)` : ''}`;
  }
}

/** Queue.obliterate pauses the queue first: if it then fails (a job became active meanwhile), the queue is resumed, or workers would take no job of the next build. */
async function obliterate(queue: Queue, force = false): Promise<void> {
  try {
    await queue.obliterate({ force });
  } catch (err) {
    await queue.resume().catch(() => {});
    throw err;
  }
}
