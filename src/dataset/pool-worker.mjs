// A worker thread of src/dataset/pool.ts: registers tsx (TypeScript without a build step; the
// `--import tsx` of the main thread does not reach worker threads), loads the task module and answers
// each { id, input } with { id, ok, value } or { id, ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
// NEWSLEDGER_HEAP_LOG=SECONDS: each worker prints its heap (used, total), external and array-buffer memory
// to stderr that often, and once more when told to stop (issue 15: where a build's memory goes).
if (Number(process.env.NEWSLEDGER_HEAP_LOG) > 0) {
  const { threadId } = await import('node:worker_threads');
  const v8 = await import('node:v8');
  const mb = (n) => (n / 1048576).toFixed(0);
  const log = () => {
    const h = v8.getHeapStatistics();
    const m = process.memoryUsage();
    process.stderr.write(`heap worker ${threadId}: used ${mb(h.used_heap_size)} MB, total ${mb(h.total_heap_size)} MB, external ${mb(h.external_memory)} MB, array buffers ${mb(m.arrayBuffers)} MB\n`);
  };
  setInterval(log, Number(process.env.NEWSLEDGER_HEAP_LOG) * 1000).unref();
}
const mod = await import(workerData.module);
const handle = mod.handle;
// Data the pool shares with every worker (WorkerPool.share), handed to the module's `share(key, value)`;
// a task waits until what was shared before it is in place.
let ready = Promise.resolve();
const share = (key, value) => {
  ready = ready.then(() => mod.share?.(key, value));
};
for (const [key, value] of Object.entries(workerData.shared ?? {})) share(key, value);
// WorkerPool.warm: load what the tasks need before the first one comes (queued like a share: a task
// sent meanwhile waits for it).
const preload = () => {
  ready = ready.then(() => mod.preload?.()).catch(() => {}); // a failed load fails again, and is reported, in the task that needs it
};
parentPort.on('message', async (m) => {
  if (m.share !== undefined) return share(m.share, m.value);
  if (m.preload) return preload();
  const { id, input } = m;
  try {
    await ready;
    parentPort.postMessage({ id, ok: true, value: await handle(input, workerData.data) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
