/**
 * An ordered pool of worker threads: items go in in order, results come out in the same order
 * whatever the number of workers or which one finished first, so the files written from them are
 * byte-identical to a one-worker run. At most `window` items are in flight (read ahead and not yet
 * handed on), so memory does not grow with the input.
 *
 * Workers run TypeScript through tsx: each starts with a small .mjs (pool-worker.mjs) that registers
 * tsx's loader, which works from bin/newsledger (under tsx) and from vitest (which is not). With
 * jobs <= 1 the task runs in this thread and no worker is started.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import v8 from 'node:v8';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { availableParallelism } from 'node:os';


/** Worker count: --jobs, else JOBS, else one per core. */
export function defaultJobs(): number {
  const env = Number(process.env.JOBS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, availableParallelism());
}

export function parseJobs(v: unknown): number {
  if (v === undefined || v === null || v === '') return defaultJobs();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--jobs must be a whole number of at least 1, not ${v}`);
  return n;
}

/**
 * How far past its live size V8 lets a heap grow before a full collection: +100% (factor 2) instead of
 * V8's own factor of up to 4. With two workers each holding ~80 MB live, each heap grew to ~250 MB between
 * collections, which was most of a build's peak RSS (issue 15: 1.2 GB before, see README, Benchmarks).
 */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Bytecode bytes per profiler tick a function may have and still be optimised after the usual ticks:
 * 15 instead of V8's 150, so a large function (the extractors' reportedSpeech, extractStatements,
 * extractEvents, findEntities: thousands of bytes) runs longer in the baseline tiers and collects its
 * type feedback before its first optimisation. Optimised early, each rare branch or new map it met later
 * cost a deoptimisation and a whole new compile (about 1 s of compiler time each), again in every worker.
 * On 6,000 reuters21578 articles on one thread: compiler and collector threads 14.5 -> 6.2 s, the
 * JavaScript thread 42.6 -> 45.5 s (issue 15). A loss with one thread, whose compiles run on an idle
 * core; a gain with one worker per core, where they take the workers' cores.
 */
export const BYTECODE_SIZE_ALLOWANCE_PER_TICK = 15;

let tuned = false;
/**
 * V8's flags for a process with workers. They are process-wide and read as V8 goes (at each collection,
 * at each tier-up decision), so they are set once, before the first worker starts; they change when
 * memory is collected and when code is compiled, never what is computed.
 */
function tuneForWorkers(): void {
  if (tuned) return;
  tuned = true;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  v8.setFlagsFromString(`--bytecode-size-allowance-per-tick=${BYTECODE_SIZE_ALLOWANCE_PER_TICK}`);
}

/**
 * Tasks a worker holds at once: with two, the next one waits in the worker's own queue, so a worker never
 * sits idle for the round trip through this thread (which, with one worker per core, must first be
 * scheduled on a busy core) between one article and the next.
 */
export const TASKS_PER_WORKER = 2;

interface Pending<O> {
  resolve: (o: O) => void;
  reject: (e: Error) => void;
}

/** What runs the per-article tasks for orderedMap: worker threads here, or workers elsewhere (src/cluster/remote-pool.ts). */
export interface ArticlePool<O = unknown> {
  run(input: unknown): Promise<O>;
  close(): Promise<void>;
  /** items to keep in flight (default: 16 per job) */
  readonly window?: number;
}

/**
 * A fixed set of workers running one module's `handle(input, data)`; each call gets its answer by id.
 * Workers start on demand, one more whenever work waits and every started one is busy, up to `size`
 * (a build whose stages are all up to date starts none; one changed article starts one).
 */
export class WorkerPool<I, O> implements ArticlePool<O> {
  private workers: Worker[] = [];
  /** tasks sent to each worker and not yet answered */
  private load = new Map<Worker, number>();
  private queue: Array<{ id: number; input: I }> = [];
  private pending = new Map<number, Pending<O>>();
  private nextId = 0;
  private failed: Error | null = null;
  /** Read-only data every worker is handed once (see share). */
  private shared: Record<string, unknown> = {};

  /** resourceLimits: each worker's (bench/threads-pair.ts compares young-generation sizes side by side) */
  constructor(private module: URL, readonly size: number, private workerData: unknown, private resourceLimits?: ResourceLimits) {}

  private spawn() {
    const { module, workerData } = this;
    tuneForWorkers();
    {
      const w = new Worker(new URL('./pool-worker.mjs', import.meta.url), {
        workerData: { module: module.href, data: workerData, shared: this.shared },
        resourceLimits: this.resourceLimits,
      });
      w.on('message', (m: { id: number; ok: boolean; value?: O; error?: string }) => {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        this.load.set(w, this.load.get(w)! - 1);
        this.pump();
        if (!p) return;
        if (m.ok) p.resolve(m.value as O);
        else p.reject(new Error(m.error));
      });
      w.on('error', (err) => this.fail(err));
      w.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`a worker thread exited with code ${code}`));
      });
      this.workers.push(w);
      this.load.set(w, 0);
    }
  }

  private closing = false;

  /** The error that stopped the pool (a worker thread died), or null: a broken pool answers nothing more. */
  get broken(): Error | null {
    return this.failed;
  }

  private fail(err: Error) {
    this.failed ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  private pump() {
    while (this.queue.length) {
      let w: Worker | undefined; // the least loaded worker
      for (const x of this.workers) if (!w || this.load.get(x)! < this.load.get(w)!) w = x;
      if ((!w || this.load.get(w)! > 0) && this.workers.length < this.size && !this.closing) {
        this.spawn();
        continue;
      }
      if (!w || this.load.get(w)! >= TASKS_PER_WORKER) return;
      this.load.set(w, this.load.get(w)! + 1);
      w.postMessage(this.queue.shift()!);
    }
  }

  /**
   * Hands `value` to every worker, started or to come, as the module's `share(key, value)` (before any
   * task sent after this call). Meant for large read-only data on SharedArrayBuffers, which a worker
   * receives as the same memory, not a copy: one copy for all the workers. A key is shared once.
   */
  share(key: string, value: unknown): void {
    if (key in this.shared) return;
    this.shared[key] = value;
    for (const w of this.workers) w.postMessage({ share: key, value });
  }

  /**
   * Start every worker now and have each load what its tasks will need (the module's `preload()`), so
   * that loading overlaps work this thread still has to do alone (ingest) instead of delaying the first
   * tasks. Tasks sent meanwhile wait for it in the worker.
   */
  warm(): void {
    if (this.closing || this.failed) return;
    while (this.workers.length < this.size) this.spawn();
    for (const w of this.workers) w.postMessage({ preload: true });
  }

  run(input: I): Promise<O> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.nextId++;
    return new Promise<O>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.queue.push({ id, input });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Map `fn` over `items` with `jobs` workers (or in this thread), handing results to `sink` in input
 * order. `local` is the same function for this thread; the pool's module exports `handle(input, data)`.
 * `before` may answer an item without a worker (a cache hit) with a handle that `hit` turns into the
 * result when the item's turn comes (by default the handle is the result); undefined sends it on.
 *
 * Items are read up to `lookahead` ahead of the one handed on, at most `window` of them to be worked
 * on (at a worker, or waiting for this thread): in a rebuild where most items are hits, the few misses reach the workers early, and the
 * workers start and work on them while this thread hands on the hits before them. An item's memory
 * while it waits is the caller's to keep small (a hit's handle, not its result). Without workers an
 * item is worked on only when its turn comes.
 */
export async function orderedMap<I, O, H = O>(
  items: AsyncIterable<I>,
  opts: {
    jobs: number;
    /** the workers (started by the caller, who closes them); null: run `local` in this thread */
    pool: ArticlePool<O> | null;
    local: (input: I) => O | Promise<O>;
    before?: (input: I) => Promise<H | undefined>;
    hit?: (handle: H, input: I) => Promise<O>;
    /** what a worker is sent for an item (default: the item) */
    taskOf?: (input: I) => unknown;
    /** items sent to workers and not yet handed on (default: the pool's window, else 16 per job) */
    window?: number;
    /** items read ahead of the one handed on (default and at least: window) */
    lookahead?: number;
  },
  sink: (output: O, input: I, index: number, fromBefore: boolean) => Promise<void>,
): Promise<number> {
  const pool = opts.pool;
  const window = opts.window ?? pool?.window ?? Math.max(8, opts.jobs * 16);
  const lookahead = Math.max(window, opts.lookahead ?? window);
  type Slot = { input: I; handle: H | undefined; result: Promise<O> | null };
  const slots: Slot[] = [];
  let misses = 0; // slots to be worked on (sent to a worker, or waiting for this thread) and not yet handed on
  let stopped = false; // the sink failed: read no more
  let readerDone = false;
  // One waiter each: the reader waits for room, the sink for a slot.
  let wakeReader: (() => void) | null = null;
  let wakeSink: (() => void) | null = null;
  const wake = (w: (() => void) | null) => w?.();
  const reader = (async () => {
    try {
      for await (const input of items) {
        if (stopped) break;
        const handle = opts.before ? await opts.before(input) : undefined;
        let result: Promise<O> | null = null;
        if (handle === undefined) {
          while (misses >= window && !stopped) await new Promise<void>((r) => (wakeReader = r));
          if (stopped) break;
          misses++;
          if (pool) {
            result = pool.run(opts.taskOf ? opts.taskOf(input) : input);
            result.catch(() => {}); // awaited in order by the sink; avoid an unhandled rejection meanwhile
          }
        }
        slots.push({ input, handle, result });
        const w = wakeSink;
        wakeSink = null;
        wake(w);
        while (slots.length >= lookahead && !stopped) await new Promise<void>((r) => (wakeReader = r));
      }
    } finally {
      readerDone = true;
      const w = wakeSink;
      wakeSink = null;
      wake(w);
    }
  })();
  reader.catch(() => {}); // awaited below
  let n = 0;
  try {
    for (;;) {
      if (!slots.length) {
        if (readerDone) break;
        await new Promise<void>((r) => (wakeSink = r));
        continue;
      }
      const slot = slots.shift()!;
      let output: O;
      if (slot.handle !== undefined) output = opts.hit ? await opts.hit(slot.handle, slot.input) : (slot.handle as unknown as O);
      else {
        misses--;
        output = await (slot.result ?? opts.local(slot.input));
      }
      const w = wakeReader;
      wakeReader = null;
      wake(w);
      await sink(output, slot.input, n++, slot.handle !== undefined);
    }
  } catch (err) {
    stopped = true;
    const w = wakeReader;
    wakeReader = null;
    wake(w);
    throw err;
  }
  await reader; // a read error surfaces here
  return n;
}

/** The non-empty lines of a text file, streamed. */
export async function* readLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim()) yield line;
}
