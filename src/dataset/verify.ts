/**
 * Verify a version folder against its manifest: every file's checksum, byte size and row count, the
 * SHA256SUMS list against the manifest and its fingerprint, no unexpected files, and datapackage.json
 * against the Data Package v2 profile. Files are streamed; nothing is held whole in memory.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, readdir, realpath } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import * as A from 'apache-arrow';
import { Ajv } from 'ajv';
import { exists } from '../util/files.ts';
import { sha256 } from '../util/ids.ts';
import { parquetRowCount } from '../formats/writers/parquet.ts';
import { checkDataPackageKeys, dataPackageProfile } from '../schema/datapackage.ts';
import { contentSums, MANIFEST_FILE, nameFingerprint, type Manifest } from './version.ts';

export interface VerifyProblem {
  file: string;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  /** In the order checked: the first names the first bad file. */
  problems: VerifyProblem[];
  /** Every file checked with its outcome (null when fine). */
  files: Array<{ path: string; problem: string | null }>;
}

interface Expected {
  path: string;
  sha256: string;
  bytes: number;
  rows?: number;
  format?: string;
}

/** Parse SHA256SUMS (`<hex>  <path>` lines). */
export function parseSums(text: string): Map<string, string> {
  const sums = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    if (!m) throw new Error(`SHA256SUMS: malformed line ${JSON.stringify(line.slice(0, 80))}`);
    sums.set(m[2], m[1]);
  }
  return sums;
}

/** Counts CSV records outside quoted fields, so a newline inside a quoted value is not a row. */
class CsvRecordCounter {
  records = 0;
  private inQuotes = false;
  private lineHasData = false;
  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 0x22) this.inQuotes = !this.inQuotes; // a doubled quote toggles twice: no change
      if (b === 0x0a && !this.inQuotes) {
        if (this.lineHasData) this.records++;
        this.lineHasData = false;
      } else if (b !== 0x0d) this.lineHasData = true;
    }
  }
  end(): number {
    if (this.lineHasData) this.records++;
    return this.records;
  }
}

/** Counts non-empty lines (JSONL rows). */
class LineCounter {
  private n = 0;
  private lineHasData = false;
  feed(chunk: Buffer): void {
    for (let i = 0; i < chunk.length; i++) {
      if (chunk[i] === 0x0a) {
        if (this.lineHasData) this.n++;
        this.lineHasData = false;
      } else if (chunk[i] !== 0x0d) this.lineHasData = true;
    }
  }
  end(): number {
    return this.n + (this.lineHasData ? 1 : 0);
  }
}

/** sha256, bytes and (for CSV and JSONL) rows in one streaming pass. */
async function scan(path: string, format: string | undefined): Promise<{ sha256: string; bytes: number; rows: number | null }> {
  const hash = createHash('sha256');
  const counter = format === 'csv' ? new CsvRecordCounter() : format === 'jsonl' ? new LineCounter() : null;
  let bytes = 0;
  for await (const chunk of createReadStream(path)) {
    const b = chunk as Buffer;
    hash.update(b);
    bytes += b.length;
    counter?.feed(b);
  }
  let rows: number | null = counter ? counter.end() : null;
  if (format === 'csv' && rows !== null) rows = Math.max(0, rows - 1); // header
  return { sha256: hash.digest('hex'), bytes, rows };
}

async function arrowRows(path: string): Promise<number> {
  const fh = await open(path);
  try {
    const reader = await A.RecordBatchReader.from(fh);
    let n = 0;
    for await (const batch of reader) n += batch.numRows;
    return n;
  } finally {
    await fh.close();
  }
}

async function rowsOf(path: string, format: string, scanned: number | null): Promise<number | null> {
  if (scanned !== null) return scanned;
  if (format === 'arrow') return arrowRows(path);
  if (format === 'parquet') return parquetRowCount(path);
  return null;
}

async function checkFile(dir: string, e: Expected): Promise<string | null> {
  const path = join(dir, e.path);
  if (!(await exists(path))) return 'missing';
  const got = await scan(path, e.format);
  if (got.bytes !== e.bytes) return `size ${got.bytes} bytes, manifest says ${e.bytes}`;
  if (got.sha256 !== e.sha256) return `sha256 ${got.sha256}, manifest says ${e.sha256}`;
  if (e.rows !== undefined && e.format) {
    let rows: number | null;
    try {
      rows = await rowsOf(path, e.format, got.rows);
    } catch (err) {
      return `cannot be read as ${e.format} (${(err as Error).message})`;
    }
    if (rows !== null && rows !== e.rows) return `${rows} rows, manifest says ${e.rows}`;
  }
  return null;
}

function checkDataPackage(text: string, expected: Expected[]): string | null {
  let pkg: { resources: Array<{ name: string; path: string; bytes: number; hash: string }> };
  try {
    pkg = JSON.parse(text);
  } catch (err) {
    return `not valid JSON (${(err as Error).message})`;
  }
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(dataPackageProfile());
  if (!validate(pkg)) return `not a valid Data Package v2: ${ajv.errorsText(validate.errors)}`;
  const keys = checkDataPackageKeys(pkg as never);
  if (keys.length) return keys[0];
  const byPath = new Map(expected.map((e) => [e.path, e]));
  for (const r of pkg.resources) {
    const e = byPath.get(r.path);
    if (!e) return `resource ${r.name} names ${r.path}, which the manifest does not list`;
    if (r.hash !== `sha256:${e.sha256}` || r.bytes !== e.bytes) return `resource ${r.name}: hash or bytes differ from the manifest`;
  }
  return null;
}

/** The manifest's own figures agree with each other and with the checked files' row counts. */
function manifestProblem(m: Manifest): string | null {
  const tables = m.tables ?? ({} as Manifest['tables']);
  for (const o of m.outputs ?? []) {
    const t = tables[o.table];
    if (!t) return `output ${o.path} belongs to table ${o.table}, which tables does not describe`;
    if (t.rows !== o.rows) return `tables.${o.table}.rows is ${t.rows} but ${o.path} has ${o.rows} rows`;
  }
  for (const name of ['articles', 'statements', 'events', 'rejects'] as const) {
    if (tables[name] && m.counts?.[name] !== tables[name].rows) return `counts.${name} is ${m.counts?.[name]} but the ${name} table has ${tables[name].rows} rows`;
  }
  if (m.counts?.input_files !== undefined && m.counts.input_files !== (m.inputs ?? []).length) return `counts.input_files is ${m.counts.input_files} but inputs lists ${(m.inputs ?? []).length} files`;
  return null;
}

export async function verifyVersion(given: string, opts: { onFile?: (path: string, problem: string | null) => void } = {}): Promise<VerifyResult> {
  const problems: VerifyProblem[] = [];
  const files: VerifyResult['files'] = [];
  const note = (file: string, problem: string | null) => {
    files.push({ path: file, problem });
    if (problem) problems.push({ file, reason: problem });
    opts.onFile?.(file, problem);
  };
  const done = (): VerifyResult => ({ ok: problems.length === 0, problems, files });
  // Resolve a link such as OUT/latest once: every file is then read from the one folder, even if the
  // link is swapped to another version while this runs.
  let dir = given;
  try {
    dir = await realpath(given);
  } catch {
    // missing: reported below as an unreadable manifest
  }

  let manifest: Manifest;
  let manifestText: string;
  try {
    manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8');
    manifest = JSON.parse(manifestText) as Manifest;
  } catch (err) {
    note(MANIFEST_FILE, `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    return done();
  }
  const expected: Expected[] = [
    ...(manifest.outputs ?? []).map((o) => ({ path: o.path, sha256: o.sha256, bytes: o.bytes, rows: o.rows, format: o.format })),
    ...(manifest.documents ?? []).map((d) => ({ path: d.path, sha256: d.sha256, bytes: d.bytes })),
  ].sort((a, b) => (a.path < b.path ? -1 : 1));

  // The list and the fingerprint first: they say whether the manifest itself can be trusted.
  let sumsText: string | null = null;
  try {
    sumsText = await readFile(join(dir, 'SHA256SUMS'), 'utf8');
  } catch {
    note('SHA256SUMS', 'missing');
  }
  if (sumsText !== null) {
    let problem: string | null = null;
    try {
      const sums = parseSums(sumsText);
      const fp = `sha256:${sha256(contentSums(sumsText))}`;
      const listed = [...sums.keys()].filter((k) => k !== MANIFEST_FILE);
      if (!sums.has(MANIFEST_FILE)) problem = `does not list ${MANIFEST_FILE}, so nothing protects the manifest's fields (a version written before SHA256SUMS covered it)`;
      else if (sums.get(MANIFEST_FILE) !== sha256(manifestText)) problem = `${MANIFEST_FILE} has sha256 ${sha256(manifestText)}, SHA256SUMS says ${sums.get(MANIFEST_FILE)}: the manifest was changed`;
      else if (fp !== manifest.fingerprint) problem = `fingerprint ${fp} differs from the manifest's ${manifest.fingerprint}`;
      else if (listed.length !== expected.length || expected.some((e) => sums.get(e.path) !== e.sha256)) problem = 'does not list the same files and checksums as manifest.json';
      else if (nameFingerprint(manifest.version) && !manifest.fingerprint.startsWith(`sha256:${nameFingerprint(manifest.version)}`)) problem = `version name ${manifest.version} does not match the fingerprint`;
    } catch (err) {
      problem = (err as Error).message.replace(/^SHA256SUMS: /, '');
    }
    note('SHA256SUMS', problem);
  }
  const inconsistent = manifestProblem(manifest);
  note(MANIFEST_FILE, inconsistent);

  for (const e of expected) {
    let problem = await checkFile(dir, e);
    if (!problem && e.path === 'datapackage.json') problem = checkDataPackage(await readFile(join(dir, e.path), 'utf8'), expected);
    note(e.path, problem);
  }

  // Anything else in the folder, hidden or not, file or folder, is not part of the version.
  const known = new Set([...expected.map((e) => e.path), MANIFEST_FILE, 'SHA256SUMS']);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (known.has(entry.name) && entry.isFile()) continue;
    note(entry.name, `${entry.isDirectory() ? 'a folder' : entry.isFile() ? 'a file' : 'an entry'} not listed in the manifest`);
  }
  if (manifest.version && manifest.version !== basename(dir) && nameFingerprint(basename(dir))) {
    note('manifest.json', `names version ${manifest.version} but the folder is ${basename(dir)}`);
  }
  return done();
}
