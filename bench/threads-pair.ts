/**
 * What a second extract worker costs (issue 15): the extract stage's per-article work over the first N
 * articles of a segment stage file, in this thread (as `--jobs 1` builds), then in a pool of J workers
 * (as `--jobs J` builds, models shared, workers warmed first), printing the CPU seconds of the JavaScript
 * threads, of everything else (V8's compiler and collector threads, the loader) and wall seconds.
 * Usage: node --import tsx bench/threads-pair.ts SEGMENT_FILE [N=2000] [modes=local,1,2]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { WorkerPool } from '../src/dataset/pool.ts';
import { DEFAULT_SETTINGS } from '../src/dataset/stage.ts';

const [file, nArg, modesArg] = process.argv.slice(2);
const n = Number(nArg ?? 2000);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, n);

function cpu(): Map<number, number> {
  const m = new Map<number, number>();
  for (const t of readdirSync('/proc/self/task')) {
    try {
      const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ');
      m.set(Number(t), (Number(f[11]) + Number(f[12])) / 100);
    } catch {}
  }
  return m;
}
function diff(a: Map<number, number>, b: Map<number, number>, js: Set<number>) {
  let jsS = 0, other = 0;
  for (const [t, v] of b) {
    const d = v - (a.get(t) ?? 0);
    if (js.has(t)) jsS += d; else other += d;
  }
  return { js: jsS, other };
}

for (const mode of (modesArg ?? 'local,1,2').split(',')) {
  if (mode.startsWith('pair')) {
    // pair:A/B: two one-worker pools side by side, young generation A and B MB, each over all N articles
    // (the same load for both: a paired comparison on a busy machine)
    const sizes = mode.slice(5).split('/').map(Number);
    const pools = sizes.map((mb) => new WorkerPool<any, any>(new URL('./pair-task.ts', import.meta.url), 1, DEFAULT_SETTINGS, mb ? { maxYoungGenerationSizeMb: mb } : undefined));
    const shared = (await import('../src/nlp/index.ts')).shareNlpModels();
    for (const p of pools) { p.share('nlp-models', shared); p.warm(); }
    const who = await Promise.all(pools.map((p) => p.run({ task: 'whoami' })));
    const a = cpu(); const t0 = performance.now();
    await Promise.all(pools.map(async (p) => { let next = 0; const lane = async () => { while (next < lines.length) await p.run({ task: 'extract', line: lines[next++] }); }; await Promise.all([lane(), lane(), lane()]); }));
    const b = cpu();
    console.log(`${mode}  ` + sizes.map((mb, i) => `young ${mb || 'default'}: js ${(b.get(who[i])! - a.get(who[i])!).toFixed(1)} s`).join('  ') + `  other ${diff(a, b, new Set([process.pid, ...who])).other.toFixed(1)} s wall ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const p of pools) await p.close();
    continue;
  }
  if (mode === 'local') {
    const { extractLine } = await import('../pipeline/extract-article.ts');
    extractLine(lines[0], DEFAULT_SETTINGS); // load
    const a = cpu(); const t0 = performance.now();
    let bytes = 0;
    for (const l of lines) bytes += JSON.stringify(extractLine(l, DEFAULT_SETTINGS)).length;
    const d = diff(a, cpu(), new Set([process.pid]));
    console.log(`local   js ${d.js.toFixed(1)} s  other ${d.other.toFixed(1)} s  wall ${((performance.now() - t0) / 1000).toFixed(1)} s  out ${bytes}`);
    continue;
  }
  const jobs = Number(mode);
  const pool = new WorkerPool<any, any>(new URL('./pair-task.ts', import.meta.url), jobs, DEFAULT_SETTINGS);
  pool.share('nlp-models', (await import('../src/nlp/index.ts')).shareNlpModels());
  pool.warm();
  // one task per worker at once, so each answers its thread id after its preload
  const tids = new Set<number>([process.pid]);
  const who = await Promise.all(Array.from({ length: jobs }, () => pool.run({ task: 'whoami' })));
  for (const t of who) tids.add(t);
  const a = cpu(); const t0 = performance.now();
  let bytes = 0, next = 0;
  const lane = async () => { while (next < lines.length) { const l = lines[next++]; const r = await pool.run({ task: "extract", line: l }); bytes += JSON.stringify(r).length; } };
  await Promise.all(Array.from({ length: jobs * 4 }, lane));
  const d = diff(a, cpu(), tids);
  console.log(`jobs ${jobs}  js ${d.js.toFixed(1)} s  other ${d.other.toFixed(1)} s  wall ${((performance.now() - t0) / 1000).toFixed(1)} s  out ${bytes}  (workers ${who.length})`);
  await pool.close();
}
