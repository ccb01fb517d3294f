/**
 * What this machine gives a second worker thread, measured in the same `make bench` run as the build: the
 * same fixed work done by one worker, then by each of two workers at once, for two kinds of JavaScript
 * work sharing no data: arithmetic (no memory traffic) and allocation (small objects, strings and maps, as
 * the extractors make per token). A two-worker speed-up of the build above what the allocation row allows
 * cannot be had by scheduling; only allocating less raises it (issue 15's ">= 1.7x" is read against it).
 * Plain JavaScript: a worker thread starts from this file as it is. Usage: node bench/scaling.mjs [rounds, default 3]
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

/** @param {'arithmetic' | 'allocation'} kind */
function work(kind) {
  let x = 0;
  if (kind === 'arithmetic') {
    let a = 1;
    for (let i = 0; i < 6e8; i++) a = (a * 1103515245 + 12345) >>> 0;
    x = a;
  } else {
    for (let r = 0; r < 250; r++) {
      const tokens = [];
      for (let i = 0; i < 20000; i++) tokens.push({ form: `tok${i}`, i, tags: [i, i + 1] });
      const index = new Map();
      for (const t of tokens) index.set(t.form, t);
      x += index.size;
    }
  }
  return x;
}

if (!isMainThread) {
  const t0 = performance.now();
  const x = work(workerData);
  parentPort.postMessage({ ms: performance.now() - t0, x });
} else {
  const timed = (kind, workers) =>
    Promise.all(
      Array.from({ length: workers }, () => new Promise((resolve, reject) => {
        const w = new Worker(new URL(import.meta.url), { workerData: kind });
        w.once('message', (m) => void w.terminate().then(() => resolve(m.ms)));
        w.once('error', reject);
      })),
    );
  const rounds = Number(process.argv[2] ?? 3);
  console.log(`\nscaling: the same work in one worker, then in each of two at once (best of ${rounds})`);
  console.log('work          one worker   two workers (slower)   per-worker slowdown   two-worker speed-up');
  for (const kind of ['arithmetic', 'allocation']) {
    let one = Infinity;
    let two = Infinity;
    for (let r = 0; r < rounds; r++) {
      one = Math.min(one, (await timed(kind, 1))[0]);
      two = Math.min(two, Math.max(...(await timed(kind, 2))));
    }
    const slowdown = two / one;
    console.log(`${kind.padEnd(12)} ${(one / 1000).toFixed(2).padStart(9)} s ${(two / 1000).toFixed(2).padStart(13)} s ${slowdown.toFixed(2).padStart(21)} ${(2 / slowdown).toFixed(2).padStart(20)}x`);
  }
}
