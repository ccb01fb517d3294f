/**
 * One stage in a fresh process, so its peak memory is its own: `node --import tsx bench/stage.ts STAGE RAW OUT`.
 * Prints one JSON line: seconds, the stage's counts, peak RSS in MB.
 */
import { buildPaths } from '../src/dataset/stage.ts';
import { STAGE_RUNNERS, packageStage } from '../pipeline/index.ts';

const [stage, raw, out] = process.argv.slice(2);
const p = buildPaths(raw, out);
const t0 = performance.now();
let counts: Record<string, number> = {};
if (stage === 'package') await packageStage.run(p);
else {
  const run = STAGE_RUNNERS.find(([name]) => name === stage)?.[1];
  if (!run) throw new Error(`no stage ${stage}`);
  counts = (await run(p, { force: true, quiet: true })).record.counts;
}
const seconds = (performance.now() - t0) / 1000;
console.log(JSON.stringify({ stage, seconds, counts, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
