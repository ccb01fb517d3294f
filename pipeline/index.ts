/** The stages, in order. Each runs alone (reading the previous stage's files) or as part of `build`. */
import * as ingest from './1-ingest.ts';
import * as clean from './2-clean.ts';
import * as segment from './3-segment.ts';
import * as extract from './4-extract.ts';
import * as validate from './5-validate.ts';
import * as pkg from './6-package.ts';
import { requireArticles, type BuildPaths, type StageName, type StageResult } from '../src/dataset/stage.ts';
import { withOutLock } from '../src/dataset/lock.ts';

export const STAGE_RUNNERS: Array<[StageName, (p: BuildPaths, o?: { force?: boolean }) => Promise<StageResult>]> = [
  ['ingest', ingest.run],
  ['clean', clean.run],
  ['segment', segment.run],
  ['extract', extract.run],
  ['validate', validate.run],
];

export { pkg as packageStage };

/**
 * Every stage, then a version. `log` hears one line per stage. Holds OUT's lock throughout (a second
 * writer fails with LockedError, or waits with `wait`) and first clears what killed builds left.
 */
export async function build(p: BuildPaths, opts: { force?: boolean; name?: string; wait?: boolean; log?: (line: string) => void } = {}) {
  const log = opts.log ?? (() => {});
  return withOutLock(p.out, { wait: opts.wait, command: 'build', log }, () => buildLocked(p, opts, log));
}

async function buildLocked(p: BuildPaths, opts: { force?: boolean; name?: string }, log: (line: string) => void) {
  for (const [name, runStage] of STAGE_RUNNERS) {
    const t0 = performance.now();
    const r = await runStage(p, { force: opts.force });
    const counts = Object.entries(r.record.counts).map(([k, v]) => `${v} ${k}`).join(', ');
    log(`${name.padEnd(9)} ${r.skipped ? 'up to date' : `${(performance.now() - t0).toFixed(0)} ms`}  ${counts}`);
    // An empty RAW (or one of unreadable files only) is a mistake to say out loud, not a 0-article version.
    if (name === 'ingest') requireArticles(p.raw, r.record.counts);
  }
  const v = await pkg.run(p, { name: opts.name });
  log(v.created ? `package   version ${v.version} written to ${v.dir}` : `package   no new version: the data files are identical to ${v.version}`);
  return v;
}
