/**
 * Versions: an immutable folder per build holding every table in every format, CODEBOOK.md,
 * datapackage.json, report.html, SHA256SUMS and manifest.json. Written under a temporary name and renamed when
 * complete; `latest` is swapped last. A build whose data files are identical to the latest version's
 * makes no version.
 */
import { Progress } from './progress.ts';
import { mkdir, readFile, readlink, rename, rm, symlink, writeFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLES, TABLE_NAMES, type Row, type TableName } from '../schema/tables.ts';
import { csvWriter } from '../formats/writers/csv.ts';
import { jsonlWriter } from '../formats/writers/jsonl.ts';
import { arrowWriter, arrowType } from '../formats/writers/arrow.ts';
import { jsonlToParquet, parquetType } from '../formats/writers/parquet.ts';
import { codebook } from '../schema/codebook.ts';
import { dataPackage } from '../schema/datapackage.ts';
import type { TableWriter, WriterFactory } from '../formats/writers/types.ts';
import { exists, fileDigest } from '../util/files.ts';
import { sha256 } from '../util/ids.ts';
import { writeReport } from '../report/index.ts';
import { Aggregator } from '../report/aggregate.ts';
import { RowIndexWriter } from './diff.ts';
import { wellFormed } from '../text/normalise.ts';

/** Formats written row by row. */
const STREAMED: Record<string, WriterFactory> = { csv: csvWriter, jsonl: jsonlWriter, arrow: arrowWriter };
/** Every format of a version. Parquet is converted from the table's JSONL file (the same rows, the same strings). */
export const FORMATS = [...Object.keys(STREAMED), 'parquet'] as const;
/** Generated from the schema, deterministic, listed in SHA256SUMS; not data (they do not decide whether a version is new). */
export const DOCUMENTS = ['CODEBOOK.md', 'datapackage.json', 'report.html'] as const;
export const DATASET_NAME = 'newsledger';

export interface OutputFile {
  path: string;
  table: TableName;
  format: string;
  sha256: string;
  bytes: number;
  rows: number;
}

export interface Manifest {
  dataset: string;
  version: string;
  previous_version: string | null;
  created: string;
  /** sha256 of SHA256SUMS without its last line (the manifest's own): identifies the data and documents of the version. */
  fingerprint: string;
  code: { package_version: string; fingerprint: string; git_commit: string | null };
  /** Build settings that shape the data (src/dataset/stage.ts BuildSettings). */
  settings?: Record<string, string>;
  /** sha256 of each dictionary, word list and model the code read (src/dataset/stage.ts dictionaryDigests), by path. */
  dictionaries?: Record<string, string>;
  inputs: Array<{ path: string; sha256: string; bytes: number }>;
  counts: Record<string, number>;
  tables: Record<TableName, { rows: number; primary_key: string[]; columns: Array<{ name: string; type: string; arrow_type: string; parquet_type: string; required: boolean }> }>;
  outputs: OutputFile[];
  documents: Array<{ path: string; sha256: string; bytes: number }>;
}

/** A table written by another thread (writeTable there) into the version's temporary folders: its row count and report figures. */
export type TableWrittenElsewhere = (tmp: string, rowsTmp: string) => Promise<{ rows: number; figures: unknown }>;

export interface VersionSource {
  /** Rows of each table, streamed in their final order. */
  rows: Record<TableName, () => AsyncIterable<Row>>;
  /** Tables another thread writes meanwhile (their rows are not read here). */
  elsewhere?: Partial<Record<TableName, TableWrittenElsewhere>>;
  inputs: Manifest['inputs'];
  counts: Record<string, number>;
  code: Manifest['code'];
  settings?: Manifest['settings'];
  dictionaries?: Manifest['dictionaries'];
}

export const latestLink = (out: string) => join(out, 'latest');

export async function latestVersion(out: string): Promise<string | null> {
  try {
    return await readlink(latestLink(out));
  } catch {
    return null;
  }
}

export async function readManifest(versionDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(join(versionDir, 'manifest.json'), 'utf8')) as Manifest;
}

const stampOf = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
const VERSION_NAME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-([0-9a-f]{8})$/;

/**
 * Version names sort by build time (UTC, to the second); the suffix is the fingerprint. Names only
 * ever increase: a build in the same second as the previous version (or on a clock behind it) takes
 * the second after the previous version's, so sorting by name is sorting by age.
 */
export function versionName(now: Date, fingerprint: string, previous: string | null = null): string {
  let stamp = stampOf(now);
  const prev = previous ? VERSION_NAME.exec(previous) : null;
  if (prev) {
    const prevStamp = previous!.slice(0, 16);
    if (stamp <= prevStamp) {
      const [, y, mo, d, h, mi, se] = prev.map(Number);
      stamp = stampOf(new Date(Date.UTC(y, mo - 1, d, h, mi, se) + 1000));
    }
  }
  return `${stamp}-${fingerprint.slice(0, 8)}`;
}

/** The fingerprint prefix a version name claims, when it is a generated name. */
export const nameFingerprint = (name: string): string | null => VERSION_NAME.exec(name)?.[7] ?? null;

/** The manifest's line closes SHA256SUMS: any change to any manifest field shows as a checksum mismatch. */
export const MANIFEST_FILE = 'manifest.json';

/** SHA256SUMS without the documents and the manifest: what decides whether a build is a new version. */
export function dataSums(sums: string): string {
  return sums
    .split('\n')
    .filter((l) => l && !(DOCUMENTS as readonly string[]).includes(l.slice(66)) && l.slice(66) !== MANIFEST_FILE)
    .join('\n');
}

/** SHA256SUMS without the manifest's line: what the fingerprint is the sha256 of (data files and documents). */
export function contentSums(sums: string): string {
  return sums
    .split('\n')
    .filter((l) => l && l.slice(66) !== MANIFEST_FILE)
    .map((l) => l + '\n')
    .join('');
}

function wellFormedRow(row: Row): Row {
  let out: Row | null = null;
  for (const [k, v] of Object.entries(row)) {
    if (typeof v !== 'string') continue;
    const w = wellFormed(v);
    if (w !== v) (out ??= { ...row })[k] = w;
  }
  return out ?? row;
}

/**
 * The row indexes of a version's JSONL tables (diff.ts RowIndexWriter), written while packaging and kept
 * for the latest version in OUT/.cache/rows (like the article cache, safe to delete): the next version's
 * report.html diffs against them instead of reading the whole previous version. index.json names the
 * version and each table's JSONL checksum and key; an index whose file no longer matches is not used.
 */
const rowIndexDir = (out: string) => join(out, '.cache', 'rows');
interface RowIndexRecord {
  version: string;
  tables: Record<string, { jsonl_sha256: string; primary_key: string[] }>;
}

/** The kept row indexes that describe `version`'s JSONL files exactly, by table. */
async function keptRowIndexes(out: string, version: string, manifest: Manifest): Promise<Record<string, string>> {
  const dir = rowIndexDir(out);
  const rec = await readFile(join(dir, 'index.json'), 'utf8').then((t) => JSON.parse(t) as RowIndexRecord).catch(() => null);
  const found: Record<string, string> = {};
  if (rec?.version !== version) return found;
  for (const [t, r] of Object.entries(rec.tables)) {
    const jsonl = manifest.outputs.find((o) => o.path === `${t}.jsonl`);
    const pk = TABLES[t as TableName]?.primaryKey;
    if (jsonl && jsonl.sha256 === r.jsonl_sha256 && pk && JSON.stringify(pk) === JSON.stringify(r.primary_key)) found[t] = join(dir, `${t}.idx`);
  }
  return found;
}

/** Keep the indexes written in `from` as those of `version` (replacing the ones kept before). */
async function keepRowIndexes(out: string, from: string, rec: RowIndexRecord): Promise<void> {
  await writeFile(join(from, 'index.json'), JSON.stringify(rec) + '\n');
  await rm(rowIndexDir(out), { recursive: true, force: true });
  await rename(from, rowIndexDir(out));
}

export interface WriteResult {
  created: boolean;
  version: string;
  dir: string;
  manifest: Manifest;
}

/** `beforeCommit`: awaited once the data files are written, before anything is put in place (a throw leaves no version). */
export async function writeVersion(out: string, src: VersionSource, opts: { now?: Date; name?: string; quiet?: boolean; beforeCommit?: () => Promise<void> } = {}): Promise<WriteResult> {
  const progress = new Progress('package', null, 'rows', { quiet: opts.quiet });
  await mkdir(out, { recursive: true });
  const tmp = join(out, `.tmp-version-${process.pid}-${Date.now()}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const rowsTmp = `${rowIndexDir(out)}.tmp`; // OUT's lock keeps other builds out
  await rm(rowsTmp, { recursive: true, force: true });
  await mkdir(rowsTmp, { recursive: true });
  try {
    const outputs: OutputFile[] = [];
    const rowCounts = {} as Record<TableName, number>;
    // DuckDB converts one table to Parquet (on its own thread) while the next table is written: one
    // conversion at a time, so memory stays bounded; each conversion is single-threaded, so the bytes are fixed.
    let parquet: Promise<void> = Promise.resolve();
    const figures = new Aggregator(); // report.html's figures, from the rows as they are written
    // Tables written elsewhere start first, so that the other thread works while this one writes the rest.
    const elsewhere = new Map(Object.entries(src.elsewhere ?? {}).map(([t, write]) => [t as TableName, write!(tmp, rowsTmp)]));
    for (const w of elsewhere.values()) w.catch(() => {}); // awaited below
    const figuresElsewhere: Record<string, unknown> = {};
    for (const table of TABLE_NAMES) {
      const written = elsewhere.get(table);
      const done = written
        ? written.then((w) => {
            rowCounts[table] = w.rows;
            figuresElsewhere[table] = w.figures;
          })
        : writeTable(table, src.rows[table](), tmp, rowsTmp, figures, () => progress.tick()).then((n) => void (rowCounts[table] = n));
      if (!written) await done;
      parquet = parquet.then(() => done).then(() => jsonlToParquet(TABLES[table], join(tmp, `${table}.jsonl`), join(tmp, `${table}.parquet`)));
      parquet.catch(() => {}); // a failure is thrown where the conversions are awaited, below
    }
    await Promise.all(elsewhere.values());
    await parquet;
    for (const table of TABLE_NAMES) {
      for (const fmt of FORMATS) {
        const path = `${table}.${fmt}`;
        outputs.push({ path, table, format: fmt, rows: rowCounts[table], ...(await fileDigest(join(tmp, path))) });
      }
    }
    outputs.sort((a, b) => (a.path < b.path ? -1 : 1));
    progress.end();
    await opts.beforeCommit?.();
    const indexRecord = (version: string): RowIndexRecord => ({
      version,
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { jsonl_sha256: outputs.find((o) => o.path === `${t}.jsonl`)!.sha256, primary_key: TABLES[t].primaryKey }])),
    });

    // Whether this is a new version is decided by the data files alone, before any document is made.
    const previous = await latestVersion(out);
    if (previous && (await exists(join(out, previous, 'SHA256SUMS')))) {
      const prevSums = await readFile(join(out, previous, 'SHA256SUMS'), 'utf8');
      if (dataSums(prevSums) === dataSums(outputs.map((o) => `${o.sha256}  ${o.path}\n`).join(''))) {
        await rm(tmp, { recursive: true, force: true });
        await keepRowIndexes(out, rowsTmp, indexRecord(previous)); // the same JSONL files: the same indexes
        return { created: false, version: previous, dir: join(out, previous), manifest: await readManifest(join(out, previous)) };
      }
    }

    const counts = { ...src.counts, articles: rowCounts.articles, statements: rowCounts.statements, events: rowCounts.events, rejects: rowCounts.rejects };
    const tables = Object.fromEntries(
      TABLE_NAMES.map((t) => [
        t,
        {
          rows: rowCounts[t],
          primary_key: TABLES[t].primaryKey,
          columns: TABLES[t].columns.map((c) => ({ name: c.name, type: c.type, arrow_type: String(arrowType(c)), parquet_type: parquetType(c), required: !!c.required })),
        },
      ]),
    ) as Manifest['tables'];
    await writeFile(join(tmp, 'CODEBOOK.md'), codebook(rowCounts, [...FORMATS]));
    await writeFile(join(tmp, 'datapackage.json'), JSON.stringify(dataPackage(DATASET_NAME, outputs), null, 2) + '\n');
    // report.html: from this folder's rows and the facts the manifest will hold (never its name or build time).
    const previousDir = previous ? join(out, previous) : null;
    const indexes = {
      previous: previousDir && (await exists(join(previousDir, MANIFEST_FILE))) ? await keptRowIndexes(out, previous!, await readManifest(previousDir)) : {},
      current: Object.fromEntries(TABLE_NAMES.map((t) => [t, join(rowsTmp, `${t}.idx`)])),
    };
    // A table's figures depend on its own rows only: those written elsewhere come from there.
    const aggregates = { ...figures.result(), ...figuresElsewhere } as ReturnType<Aggregator['result']>;
    await writeReport(tmp, { dataset: DATASET_NAME, counts, code: src.code, settings: src.settings, previous_version: previous, tables, outputs }, previousDir, { indexes, aggregates });
    const documents: Manifest['documents'] = [];
    for (const path of DOCUMENTS) documents.push({ path, ...(await fileDigest(join(tmp, path))) });
    const listed = [...outputs, ...documents].sort((a, b) => (a.path < b.path ? -1 : 1));
    const sums = listed.map((o) => `${o.sha256}  ${o.path}\n`).join('');
    const fingerprint = sha256(sums);

    const now = opts.now ?? new Date();
    const version = opts.name ?? versionName(now, fingerprint, previous);
    const manifest: Manifest = {
      dataset: DATASET_NAME,
      version,
      previous_version: previous,
      created: now.toISOString(),
      fingerprint: `sha256:${fingerprint}`,
      code: src.code,
      ...(src.settings ? { settings: src.settings } : {}),
      ...(src.dictionaries ? { dictionaries: src.dictionaries } : {}),
      inputs: src.inputs,
      counts,
      tables,
      outputs,
      documents,
    };
    await writeFile(join(tmp, MANIFEST_FILE), JSON.stringify(manifest, null, 2) + '\n');
    await writeFile(join(tmp, 'SHA256SUMS'), sums + `${(await fileDigest(join(tmp, MANIFEST_FILE))).sha256}  ${MANIFEST_FILE}\n`);
    const dir = join(out, version);
    if (await exists(dir)) throw new Error(`version folder ${dir} already exists: versions are immutable`);
    await rename(tmp, dir);
    await pointLatest(out, version);
    await keepRowIndexes(out, rowsTmp, indexRecord(version));
    return { created: true, version, dir, manifest };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    await rm(rowsTmp, { recursive: true, force: true });
    throw err;
  }
}

/**
 * One table's CSV, JSONL and Arrow files in `tmp` and its row index in `rowsTmp`, its rows added to
 * `figures`; the row count. Runs in the main thread or, for a table written elsewhere, in a worker.
 */
export async function writeTable(table: TableName, rows: AsyncIterable<Row>, tmp: string, rowsTmp: string, figures: Aggregator, tick: () => void = () => {}): Promise<number> {
  const index = new RowIndexWriter(join(rowsTmp, `${table}.idx`), TABLES[table].primaryKey);
  const writers: Array<[string, TableWriter]> = Object.entries(STREAMED).map(([fmt, make]) => [
    fmt,
    fmt === 'jsonl' ? jsonlWriter(join(tmp, `${table}.jsonl`), TABLES[table], (row, line) => index.add(row, line)) : make(join(tmp, `${table}.${fmt}`), TABLES[table]),
  ]);
  let n = 0;
  for await (const raw of rows) {
    n++;
    tick();
    // Every format gets the same strings: a lone surrogate is U+FFFD in CSV, JSONL, Arrow and Parquet alike.
    const row = wellFormedRow(raw);
    for (const [, w] of writers) await w.write(row);
    figures.add(table, row);
  }
  for (const [, w] of writers) await w.close();
  await index.close();
  return n;
}

/** writeTable in a worker thread (pipeline/tasks.ts): the table's rows from the stage files, its figures as the report's section for it. */
export async function writeTableOfStages(p: import('./stage.ts').BuildPaths, table: TableName, tmp: string, rowsTmp: string): Promise<{ rows: number; figures: unknown }> {
  const { tableRows } = await import('./sources.ts');
  const figures = new Aggregator();
  const rows = await writeTable(table, tableRows(p)[table](), tmp, rowsTmp, figures);
  return { rows, figures: figures.result()[table] };
}

/** Atomically repoint OUT/latest (a relative symlink) to a version folder. */
export async function pointLatest(out: string, version: string): Promise<void> {
  const tmpLink = join(out, `.latest-${process.pid}`);
  await rm(tmpLink, { force: true });
  await symlink(version, tmpLink);
  await rename(tmpLink, latestLink(out));
}

/** Version folders in OUT, oldest first. */
export async function listVersions(out: string): Promise<string[]> {
  const entries = await readdir(out, { withFileTypes: true });
  const names: string[] = [];
  for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && (await exists(join(out, e.name, 'manifest.json')))) names.push(e.name);
  return names.sort();
}
