/**
 * One whole build in a fresh process, so its peak memory (worker threads included) is its own:
 * `node --import tsx bench/build.ts RAW OUT JOBS [cache]`. Prints one JSON line: seconds, CPU seconds,
 * peak RSS in MB, the version, whether it was new, and the article cache's hits per stage.
 */
import { buildPaths, readStageRecord } from '../src/dataset/stage.ts';
import { build } from '../pipeline/index.ts';

const [raw, out, jobs, cache] = process.argv.slice(2);
const p = buildPaths(raw, out);
const t0 = performance.now();
const v = await build(p, { jobs: Number(jobs), cache: cache !== 'nocache', quiet: true });
const seconds = (performance.now() - t0) / 1000;
const u = process.resourceUsage();
const cached: Record<string, number> = {};
for (const s of ['clean', 'segment', 'extract'] as const) cached[s] = (await readStageRecord(p, s))?.counts.cached ?? 0;
const articles = (await readStageRecord(p, 'extract'))?.counts.articles ?? 0;
console.log(JSON.stringify({ seconds, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, peakRssMB: u.maxRSS / 1024, version: v.version, created: v.created, dir: v.dir, articles, cached }));
