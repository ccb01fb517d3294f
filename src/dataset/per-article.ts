/**
 * The per-article stages' loop: read the previous stage's lines, answer each from the article cache
 * or from a worker (src/dataset/pool.ts), and hand the answers on in input order, with progress.
 */
import v8 from 'node:v8';
import { orderedMap, defaultJobs, readLines, WorkerPool, type ArticlePool } from './pool.ts';
import { ArticleCache, cacheSalt, type PackEntry } from './cache.ts';
import { Progress } from './progress.ts';
import type { BuildPaths, StageOptions } from './stage.ts';

/** Fewer articles than this, and no --jobs given: run in this thread (starting workers costs more). */
export const MIN_ARTICLES_FOR_WORKERS = 200;

/**
 * Articles read ahead of the one being written (orderedMap's lookahead): a rebuild finds its changed
 * articles this far ahead and sends them to the workers while the cached ones before them are written.
 * A cached article waiting holds its key and its place in the pack (about 200 bytes), so this costs a
 * few MB at most.
 */
export const LOOKAHEAD = 16384;

export const TASKS = new URL('../../pipeline/tasks.ts', import.meta.url);

/** Workers for `total` articles under these options, or null for this thread. */
export function workerCount(opts: StageOptions, total: number | null): number {
  return opts.jobs ?? (total !== null && total < MIN_ARTICLES_FOR_WORKERS ? 1 : defaultJobs());
}

/** One pool for the per-article stages of a build (started once: each worker loads the models). */
export function startPool(p: BuildPaths, jobs: number): WorkerPool<unknown, unknown> | null {
  return jobs > 1 ? new WorkerPool<unknown, unknown>(TASKS, jobs, p.settings) : null;
}

export async function perArticle<V>(
  p: BuildPaths,
  opts: StageOptions,
  spec: {
    stage: 'clean' | 'segment' | 'extract';
    input: string;
    total: number | null;
    /** the settings this stage reads, as text (part of the cache key) */
    salt: string;
    local: (line: string, settings: BuildPaths['settings']) => V | Promise<V>;
    sink: (value: V) => Promise<void>;
    /**
     * Read-only data for worker threads (WorkerPool.share), made when the first article goes to a
     * worker (an up-to-date or fully cached stage makes none); not for remote workers.
     */
    share?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  },
): Promise<{ cached: number }> {
  const jobs = workerCount(opts, spec.total);
  const ownPool = opts.pool === undefined && jobs > 1 ? startPool(p, jobs) : null;
  const anyPool = (opts.pool ?? ownPool) as ArticlePool<V> | null;
  let shared: Promise<void> | undefined;
  const pool: ArticlePool<V> | null =
    anyPool instanceof WorkerPool && spec.share
      ? {
          close: () => anyPool.close(),
          run: async (input) => {
            await (shared ??= (async () => {
              for (const [key, value] of Object.entries(await spec.share!())) anyPool.share(key, value);
            })());
            return anyPool.run(input) as Promise<V>;
          },
        }
      : anyPool;
  const cache = opts.cache === false ? null : new ArticleCache(p.out, spec.stage, await cacheSalt(spec.stage, spec.salt));
  await cache?.open();
  const progress = new Progress(spec.stage, spec.total, 'articles', { quiet: opts.quiet });
  const heapLog = heapLogger(spec.stage);
  type Item = { line: string; key: string; json?: string };
  async function* items(): AsyncGenerator<Item> {
    for await (const line of readLines(spec.input)) yield { line, key: cache ? cache.key(line) : '' };
  }
  try {
    await orderedMap<Item, V, PackEntry>(
      items(),
      {
        jobs: pool ? 2 : 1,
        pool,
        local: (item) => spec.local(item.line, p.settings),
        before: cache
          ? async (item) => {
              const found = await cache.locate(item.key);
              if (found) item.line = ''; // not needed any more: a hit waiting its turn holds its key and place only
              return found;
            }
          : undefined,
        hit: async (found, item) => JSON.parse((item.json = await cache!.read(found))) as V,
        taskOf: (item) => ({ task: spec.stage, line: item.line }),
        lookahead: LOOKAHEAD,
      },
      async (value, item) => {
        if (cache) await cache.put(item.key, item.json ?? JSON.stringify(value));
        await spec.sink(value);
        progress.tick();
      },
    );
    await cache?.commit();
  } catch (err) {
    await cache?.abandon();
    throw err;
  } finally {
    progress.end();
    if (heapLog) clearInterval(heapLog);
    await ownPool?.close();
  }
  return { cached: cache?.hits ?? 0 };
}

/** NEWSLEDGER_HEAP_LOG=SECONDS: this thread's heap and the process's RSS to stderr that often (the workers print theirs: pool-worker.mjs). */
function heapLogger(stage: string): ReturnType<typeof setInterval> | undefined {
  const every = Number(process.env.NEWSLEDGER_HEAP_LOG);
  if (!(every > 0)) return undefined;
  const mb = (n: number) => (n / 1048576).toFixed(0);
  const t = setInterval(() => {
    const h = v8.getHeapStatistics();
    const m = process.memoryUsage();
    process.stderr.write(`heap main (${stage}): used ${mb(h.used_heap_size)} MB, total ${mb(h.total_heap_size)} MB, external ${mb(h.external_memory)} MB, array buffers ${mb(m.arrayBuffers)} MB; process RSS ${mb(m.rss)} MB\n`);
  }, every * 1000);
  t.unref();
  return t;
}
