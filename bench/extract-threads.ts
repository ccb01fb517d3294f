/**
 * Where one extract worker's CPU goes (issue 15): the extract stage's per-article work (extractLine) over
 * the first N articles of a segment stage file, on this thread, PASSES times, each pass reporting the
 * user CPU of this (the JavaScript) thread and of V8's helper threads (optimising compiler, garbage
 * collector), the collector's pauses, the sampled bytes allocated, and a hash of the lines written (the
 * same in every pass, and across commits that must not change the output).
 *
 * With one worker the helper threads run on an idle core; with one worker per core they compete with the
 * other workers, so their share is CPU a two-worker build pays and a one-worker build does not.
 * Usage: node --import tsx bench/extract-threads.ts [SEGMENT_FILE] [N=2000] [PASSES=2]
 * (SEGMENT_FILE defaults to $OUT/.stages/segment/articles.jsonl, OUT defaulting to out: run `make` first.)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { Session } from 'node:inspector';
import { PerformanceObserver } from 'node:perf_hooks';
import { extractLine } from '../pipeline/extract-article.ts';
import { DEFAULT_SETTINGS } from '../src/dataset/stage.ts';

const file = process.argv[2] ?? join(process.env.OUT ?? 'out', '.stages', 'segment', 'articles.jsonl');
if (!existsSync(file)) {
  console.log(`\nextract threads: skipped (no ${file}; build first, or give a segment stage file)`);
  process.exit(0);
}
const n = Number(process.argv[3] ?? 2000);
const passes = Number(process.argv[4] ?? 2);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, n);

/** User + system CPU seconds of this thread and of the others, from /proc (Linux). */
function threadSeconds(): { main: number; helpers: number } {
  let main = 0;
  let helpers = 0;
  for (const t of readdirSync('/proc/self/task')) {
    try {
      const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ');
      const ticks = Number(f[11]) + Number(f[12]);
      if (Number(t) === process.pid) main += ticks;
      else helpers += ticks;
    } catch {
      // a thread that ended meanwhile
    }
  }
  return { main: main / 100, helpers: helpers / 100 };
}

let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gcMs += e.duration;
    gcCount++;
  }
}).observe({ entryTypes: ['gc'] });

const session = new Session();
session.connect();
const post = (method: string, params: object = {}) =>
  new Promise<any>((resolve, reject) => session.post(method, params, (err, res) => (err ? reject(err) : resolve(res))));
await post('HeapProfiler.enable');

extractLine(lines[0], DEFAULT_SETTINGS); // modules, models and lexicons loaded before the first pass
console.log(`\nextract threads: ${lines.length} articles of ${file}, on one thread, ${passes} passes (CPU s: JavaScript thread + V8 helper threads)`);
for (let p = 1; p <= passes; p++) {
  const hash = createHash('sha256');
  // Allocation sampling that keeps the objects already collected: every byte allocated, not what is left.
  await post('HeapProfiler.startSampling', { samplingInterval: 32768, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  gcMs = 0;
  gcCount = 0;
  const t0 = threadSeconds();
  const w0 = performance.now();
  for (const line of lines) {
    const o = extractLine(line, DEFAULT_SETTINGS);
    hash.update(o.article);
    for (const s of o.statements) hash.update(s);
    for (const e of o.events) hash.update(e);
    if (o.reject) hash.update(o.reject);
  }
  const wall = (performance.now() - w0) / 1000;
  const t1 = threadSeconds();
  const { profile } = await post('HeapProfiler.stopSampling');
  let bytes = 0;
  const walk = (node: { selfSize: number; children: unknown[] }) => {
    bytes += node.selfSize;
    for (const c of node.children) walk(c as typeof node);
  };
  walk(profile.head);
  await new Promise((r) => setTimeout(r, 20)); // the last GC entries
  const main = t1.main - t0.main;
  const helpers = t1.helpers - t0.helpers;
  console.log(
    `pass ${p}: ${wall.toFixed(1)} s wall, CPU ${main.toFixed(1)} s + ${helpers.toFixed(1)} s helpers (${((100 * helpers) / (main + helpers)).toFixed(0)}%), ` +
      `${((1000 * (main + helpers)) / lines.length).toFixed(1)} ms per article, allocated ~${(bytes / lines.length / 1e6).toFixed(2)} MB per article, ` +
      `${gcCount} GC pauses ${(gcMs / 1000).toFixed(2)} s, output ${hash.digest('hex').slice(0, 16)}`,
  );
}
session.disconnect();
