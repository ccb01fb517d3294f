/**
 * report.html for a version: aggregate the version's JSONL files, compare them with the previous
 * version's (src/dataset/diff.ts) and write the page. The package stage calls `writeReport` on the
 * version folder before it is named; `rebuildReport` makes the page again for a version on disk
 * (`newsledger report`), from the same facts, so it gives the same bytes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { diffVersions } from '../dataset/diff.ts';
import { exists } from '../util/files.ts';
import { sha256 } from '../util/ids.ts';
import type { Manifest } from '../dataset/version.ts';
import { aggregate, type Aggregates } from './aggregate.ts';
import { reportHtml, type ChangeSummary, type ReportContext } from './page.ts';

export const REPORT_FILE = 'report.html';

/** The facts of a version the page shows besides its rows: all known before the version is named. */
export interface ReportFacts {
  dataset: string;
  counts: Record<string, number>;
  code: Manifest['code'];
  settings?: Record<string, string>;
  previous_version: string | null;
  tables: Manifest['tables'];
  outputs: Array<{ path: string; bytes: number; rows?: number }>;
}

export const factsOf = (m: Manifest): ReportFacts => ({
  dataset: m.dataset,
  counts: m.counts,
  code: m.code,
  settings: m.settings,
  previous_version: m.previous_version,
  tables: m.tables,
  outputs: m.outputs,
});

/** Row indexes of the two versions' tables (src/dataset/diff.ts RowIndexWriter), where known: the diff reads less, its result is the same. */
export interface RowIndexes {
  previous?: Record<string, string>;
  current?: Record<string, string>;
}

async function changes(dir: string, facts: ReportFacts, previousDir: string | null, indexes: RowIndexes = {}): Promise<ReportContext['changes']> {
  if (!facts.previous_version) return null;
  if (!previousDir || !(await exists(join(previousDir, 'manifest.json')))) return 'unavailable';
  const d = await diffVersions(previousDir, dir, { examples: 0, manifestB: { version: '', code: facts.code, tables: facts.tables }, indexA: indexes.previous, indexB: indexes.current });
  const summary: ChangeSummary = { code_changed: d.code_changed, previous_code: d.a.code ?? null, tables: {} };
  for (const [t, r] of Object.entries(d.tables)) summary.tables[t] = { rows_a: r.rows_a, rows_b: r.rows_b, added: r.added, removed: r.removed, changed: r.changed, unchanged: r.unchanged, columns: r.columns };
  return summary;
}

/** The page for the version whose JSONL files are in `dir`. */
export async function buildReport(
  dir: string,
  facts: ReportFacts,
  opts: { previousDir?: string | null; linkBase?: string; indexes?: RowIndexes; /** the figures of dir's rows, when already made (Aggregator) */ aggregates?: Aggregates } = {},
): Promise<string> {
  const agg = opts.aggregates ?? (await aggregate(dir));
  const previousDir = opts.previousDir === undefined ? (facts.previous_version ? join(dirname(resolve(dir)), facts.previous_version) : null) : opts.previousDir;
  return reportHtml(agg, {
    dataset: facts.dataset,
    counts: facts.counts,
    code: facts.code,
    settings: facts.settings,
    previous_version: facts.previous_version,
    changes: await changes(dir, facts, previousDir, opts.indexes),
    files: [...facts.outputs].sort((a, b) => (a.path < b.path ? -1 : 1)).map((o) => ({ path: o.path, bytes: o.bytes, rows: o.rows })),
    linkBase: opts.linkBase ?? '',
  });
}

/** Write report.html into a version folder being packaged (`dir`); the previous version lives in `previousDir`. */
export async function writeReport(dir: string, facts: ReportFacts, previousDir: string | null, made: { indexes?: RowIndexes; aggregates?: Aggregates } = {}): Promise<void> {
  await writeFile(join(dir, REPORT_FILE), await buildReport(dir, facts, { previousDir, ...made }));
}

export interface RebuildResult {
  /** Where the page was written, or null when the version's own page was already identical. */
  written: string | null;
  /** The manifest lists report.html and the rebuilt page has its sha256. */
  matches_manifest: boolean | null;
  bytes: number;
  note: string;
}

/**
 * Make the page again for a version folder. A version is immutable: the page goes into it only when
 * the manifest lists report.html with exactly these bytes (a deleted page is restored). Otherwise it
 * goes to `output` (default OUT/reports/<version>.html) with its links pointing back at the folder.
 */
export async function rebuildReport(versionDir: string, opts: { output?: string; reportsDir: string }): Promise<RebuildResult> {
  const dir = resolve(versionDir);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  const facts = factsOf(manifest);
  const listed = (manifest.documents ?? []).find((d) => d.path === REPORT_FILE) ?? null;
  if (!opts.output) {
    const html = await buildReport(dir, facts);
    const digest = sha256(html);
    if (listed && digest === listed.sha256) {
      const inPlace = join(dir, REPORT_FILE);
      const present = (await exists(inPlace)) && sha256(await readFile(inPlace, 'utf8')) === digest;
      if (!present) await writeFile(inPlace, html);
      return { written: present ? null : inPlace, matches_manifest: true, bytes: Buffer.byteLength(html), note: present ? 'identical to the page in the version folder' : 'restored into the version folder (identical to the manifest\'s sha256)' };
    }
  }
  const output = resolve(opts.output ?? join(opts.reportsDir, `${manifest.version}.html`));
  let base = relative(dirname(output), dir).split(sep).join('/');
  base = base ? `${base}/` : '';
  const html = await buildReport(dir, facts, { linkBase: base });
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, html);
  const matches = listed ? (base === '' ? sha256(html) === listed.sha256 : null) : null;
  const why = !listed
    ? 'the version was made before report.html was part of a version, so the page goes beside it'
    : opts.output
      ? 'written where asked'
      : 'the page differs from the one the manifest lists (the code or the previous version changed since), and a version folder is immutable';
  return { written: output, matches_manifest: matches, bytes: Buffer.byteLength(html), note: why };
}
