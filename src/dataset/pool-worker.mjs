// A worker thread of src/dataset/pool.ts: registers tsx (TypeScript without a build step; the
// `--import tsx` of the main thread does not reach worker threads), loads the task module and answers
// each { id, input } with { id, ok, value } or { id, ok: false, error }.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const mod = await import(workerData.module);
const handle = mod.handle;
parentPort.on('message', async ({ id, input }) => {
  try {
    parentPort.postMessage({ id, ok: true, value: await handle(input, workerData.data) });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
});
