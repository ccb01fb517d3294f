/**
 * One build in a fresh process, so its time and peak memory are its own:
 * `node --import tsx bench/hostile-one.ts RAW OUT`. Prints one JSON line: seconds, counts, peak RSS in MB.
 */
import { buildPaths, readStageRecord } from '../src/dataset/stage.ts';
import { build } from '../pipeline/index.ts';

const [raw, out] = process.argv.slice(2);
const p = buildPaths(raw, out);
const t0 = performance.now();
const v = await build(p);
const seconds = (performance.now() - t0) / 1000;
const ingest = await readStageRecord(p, 'ingest');
console.log(JSON.stringify({ seconds, counts: { ...v.manifest.counts, rejects_not_listed: ingest?.counts.rejects_not_listed ?? 0 }, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
