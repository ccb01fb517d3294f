/**
 * Diff of two versions, keyed by each table's primary key, read from the JSONL files.
 *
 * Memory: for each table, one Map of the old side, id -> (row hash, byte offset, length) — about a
 * hundred bytes per row, never the rows themselves. The new side is streamed against it; the old row
 * is read back from its offset only when it changed or was removed. Writes delta.jsonl (op ADD, MOD
 * or DEL with the row), CHANGES.md and diff.json into the output folder.
 *
 * A side may come with a row index (RowIndexWriter: each row's key, byte hash and place, written while
 * the JSONL file was): then only the rows that differ are read and parsed, not the whole file. The
 * package stage writes one for each version it makes, so report.html's diff against the previous version
 * costs a pass over two small index files (the result is the same as from the JSONL files).
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { JsonlWriter, LineWriter, readJsonl } from '../util/jsonl.ts';
import { BlockReader, exists } from '../util/files.ts';
import { sha256 } from '../util/ids.ts';
import { TABLE_NAMES, TABLES } from '../schema/tables.ts';
import type { Manifest } from './version.ts';

type Row = Record<string, unknown>;
type Op = 'ADD' | 'MOD' | 'DEL';

export interface Example {
  id: string;
  label: string;
  /** For MOD: column -> [old, new], shortened for reading (strings quoted). */
  changes?: Record<string, [string, string]>;
}

export interface TableDiff {
  rows_a: number;
  rows_b: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Changed rows per column. */
  columns: Record<string, number>;
  examples: { added: Example[]; removed: Example[]; changed: Example[] };
}

export interface DiffResult {
  a: { version: string; dir: string; code: Manifest['code'] };
  b: { version: string; dir: string; code: Manifest['code'] };
  code_changed: boolean;
  /** Build settings that differ (a value missing on one side is null: a version older than the setting). */
  settings: Array<{ name: string; a: string | null; b: string | null }>;
  /** Dictionaries, word lists and models that differ, by path (null: not known on that side). */
  dictionaries: Array<{ path: string; change: 'added' | 'removed' | 'changed' }>;
  /** False when a side's manifest predates the dictionary list: dictionary changes cannot be named. */
  dictionaries_known: boolean;
  tables: Record<string, TableDiff>;
}

/** Every setting whose value differs between two manifests. */
export function settingsDiff(a: Manifest['settings'], b: Manifest['settings']): DiffResult['settings'] {
  const names = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])].sort();
  return names.filter((n) => (a?.[n] ?? null) !== (b?.[n] ?? null)).map((n) => ({ name: n, a: a?.[n] ?? null, b: b?.[n] ?? null }));
}

/** Every dictionary added, removed or changed between two manifests. */
export function dictionariesDiff(a: Manifest['dictionaries'], b: Manifest['dictionaries']): DiffResult['dictionaries'] {
  if (!a || !b) return [];
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  return paths.flatMap((p) => (a[p] === b[p] ? [] : [{ path: p, change: !a[p] ? 'added' as const : !b[p] ? 'removed' as const : 'changed' as const }]));
}

/** Columns that make an example readable, per table. */
const LABELS: Record<string, string[]> = {
  articles: ['title', 'source_file'],
  statements: ['speaker', 'quote'],
  events: ['event_type', 'actor', 'recipient', 'trigger'],
  rejects: ['source_file', 'reason'],
};

const short = (v: unknown, n = 60): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const flat = s.replace(/\s+/g, ' ');
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
};

const shown = (v: unknown): string => (typeof v === 'string' ? JSON.stringify(short(v, 40)) : v === undefined ? 'null' : JSON.stringify(v));

function label(table: string, row: Row): string {
  const cols = LABELS[table] ?? Object.keys(row).slice(1, 3);
  return cols.map((c) => short(row[c])).filter(Boolean).join(' | ');
}

/** Canonical row hash: keys sorted, so a change of column order alone is no change. */
export function rowHash(row: Row): string {
  const keys = Object.keys(row).sort();
  return sha256(JSON.stringify(keys.map((k) => [k, row[k]]))).slice(0, 24);
}

const bytesHash = (b: Buffer) => createHash('sha1').update(b).digest('base64');

/** Lines of a JSONL file with their byte offsets, streamed. */
export async function* jsonlLines(path: string): AsyncGenerator<{ offset: number; length: number; row: Row; bytes: Buffer }> {
  let carry: Buffer = Buffer.alloc(0);
  let base = 0; // file offset of carry[0]
  let lineNo = 0;
  const emit = (buf: Buffer, offset: number) => {
    lineNo++;
    const text = buf.toString('utf8').replace(/\r$/, '');
    if (!text.trim()) return null;
    try {
      return { offset, length: buf.length, row: JSON.parse(text) as Row, bytes: buf };
    } catch (err) {
      throw new Error(`${path}: line ${lineNo}: not valid JSON (${(err as Error).message})`);
    }
  };
  for await (const chunk of createReadStream(path)) {
    let buf = carry.length ? Buffer.concat([carry, chunk as Buffer]) : (chunk as Buffer);
    let start = 0;
    for (let nl = buf.indexOf(0x0a, start); nl !== -1; nl = buf.indexOf(0x0a, start)) {
      const line = emit(buf.subarray(start, nl), base + start);
      if (line) yield line;
      start = nl + 1;
    }
    carry = Buffer.from(buf.subarray(start));
    base += start;
    buf = carry;
  }
  if (carry.length) {
    const line = emit(carry, base);
    if (line) yield line;
  }
}

async function readRowAt(file: BlockReader, offset: number, length: number): Promise<Row> {
  return JSON.parse((await file.read(offset, length)).toString('utf8')) as Row;
}

const keyOf = (row: Row, pk: string[]) => pk.map((k) => String(row[k] ?? '')).join('\u001f');
const same = (x: unknown, y: unknown) => JSON.stringify(x ?? null) === JSON.stringify(y ?? null);

async function readManifestAt(dir: string): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  } catch (err) {
    throw new Error(`${dir}: not a version folder (manifest.json: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

interface DeltaSink {
  write(record: unknown): Promise<void>;
  close(): Promise<void>;
}
const NO_DELTA: DeltaSink = { write: async () => {}, close: async () => {} };

/** Writes a table's row index beside its JSONL file: one `[key, byte hash, offset, length]` line per row, in file order. */
export class RowIndexWriter {
  private lines: LineWriter;
  private offset = 0;
  constructor(path: string, private pk: string[]) {
    this.lines = new LineWriter(path);
  }
  /** `line` is the row's JSONL line as written, without its newline. */
  add(row: Row, line: string): Promise<void> {
    const length = Buffer.byteLength(line);
    const entry = JSON.stringify([keyOf(row, this.pk), createHash('sha1').update(line).digest('base64'), this.offset, length]);
    this.offset += length + 1;
    return this.lines.write(entry);
  }
  close(): Promise<void> {
    return this.lines.close();
  }
}

/** One side of a table diff: its JSONL file and, when one was written with it, its row index. */
export interface DiffSide {
  path: string;
  index?: string | null;
}

/** A side's rows as key, byte hash and place; the row itself parsed only when asked for. */
async function* sideRows(side: DiffSide, pk: string[], fh: BlockReader): AsyncGenerator<{ id: string; hash: string; off: number; len: number; row: () => Promise<Row> }> {
  if (side.index) {
    for await (const [id, hash, off, len] of readJsonl<[string, string, number, number]>(side.index)) yield { id, hash, off, len, row: () => readRowAt(fh, off, len) };
    return;
  }
  for await (const { offset, length, row, bytes } of jsonlLines(side.path)) yield { id: keyOf(row, pk), hash: bytesHash(bytes), off: offset, len: length, row: async () => row };
}

async function diffTable(table: string, pk: string[], sideA: DiffSide | null, sideB: DiffSide | null, delta: DeltaSink, maxExamples: number): Promise<TableDiff> {
  const d: TableDiff = { rows_a: 0, rows_b: 0, added: 0, removed: 0, changed: 0, unchanged: 0, columns: {}, examples: { added: [], removed: [], changed: [] } };
  // Rows are told apart by the hash of their bytes first (a version writes its columns in one order); only a row
  // whose bytes differ is compared by its canonical hash, so a change of column order alone is still no change.
  const old = new Map<string, { bytes: string; off: number; len: number }>();
  // Rows read back (changed, added or removed ones) come mostly in file order: read in blocks.
  const [fileA, fileB] = [sideA ? await open(sideA.path) : null, sideB ? await open(sideB.path) : null];
  const fhA = fileA && new BlockReader(fileA, 256 * 1024);
  const fhB = fileB && new BlockReader(fileB, 256 * 1024);
  // Added and removed rows are read only to be shown or written to the delta.
  const wanted = (list: Example[]) => delta !== NO_DELTA || list.length < maxExamples;
  const write = (op: Op, id: string, row: Row, previous?: Row) => delta.write({ op, table, id, row, ...(previous ? { previous } : {}) });
  try {
    if (sideA) {
      for await (const { id, hash, off, len } of sideRows(sideA, pk, fhA!)) {
        if (old.has(id)) throw new Error(`${sideA.path}: ${pk.join('+')} ${id} appears twice: the version is corrupt`);
        old.set(id, { bytes: hash, off, len });
        d.rows_a++;
      }
    }
    if (sideB) {
      const seen = new Set<string>();
      for await (const { id, hash, row: rowOf } of sideRows(sideB, pk, fhB!)) {
        if (seen.has(id)) throw new Error(`${sideB.path}: ${pk.join('+')} ${id} appears twice: the version is corrupt`);
        seen.add(id);
        d.rows_b++;
        const was = old.get(id);
        if (!was) {
          d.added++;
          if (!wanted(d.examples.added)) continue;
          const row = await rowOf();
          if (d.examples.added.length < maxExamples) d.examples.added.push({ id, label: label(table, row) });
          await write('ADD', id, row);
          continue;
        }
        old.delete(id);
        if (was.bytes === hash) {
          d.unchanged++;
          continue;
        }
        const [before, row] = [await readRowAt(fhA!, was.off, was.len), await rowOf()];
        if (rowHash(before) === rowHash(row)) {
          d.unchanged++;
          continue;
        }
        d.changed++;
        const previous: Row = {};
        const changes: Record<string, [string, string]> = {};
        for (const c of new Set([...Object.keys(before), ...Object.keys(row)])) {
          if (same(before[c], row[c])) continue;
          d.columns[c] = (d.columns[c] ?? 0) + 1;
          previous[c] = before[c] ?? null;
          changes[c] = [shown(before[c]), shown(row[c])];
        }
        if (d.examples.changed.length < maxExamples) d.examples.changed.push({ id, label: label(table, row), changes });
        await write('MOD', id, row, previous);
      }
    }
    // What is left of the old side was removed, in the old side's order.
    for (const [id, was] of old) {
      d.removed++;
      if (!wanted(d.examples.removed)) continue;
      const row = await readRowAt(fhA!, was.off, was.len);
      if (d.examples.removed.length < maxExamples) d.examples.removed.push({ id, label: label(table, row) });
      await write('DEL', id, row);
    }
  } finally {
    await fileA?.close();
    await fileB?.close();
  }
  d.columns = Object.fromEntries(Object.entries(d.columns).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)));
  return d;
}

/**
 * `manifestB` stands in for dirB's manifest.json when the new side is a version still being written
 * (the package stage diffs its temporary folder against the previous version for report.html).
 */
export async function diffVersions(
  dirA: string,
  dirB: string,
  opts: {
    outDir?: string;
    examples?: number;
    manifestB?: Pick<Manifest, 'version' | 'code' | 'tables' | 'settings' | 'dictionaries'>;
    /** row indexes by table (RowIndexWriter), where one is known to describe that side's JSONL file */
    indexA?: Record<string, string>;
    indexB?: Record<string, string>;
  } = {},
): Promise<DiffResult> {
  const [ma, mb] = [await readManifestAt(dirA), (opts.manifestB as Manifest | undefined) ?? (await readManifestAt(dirB))];
  const names = [...TABLE_NAMES, ...Object.keys(ma.tables ?? {}), ...Object.keys(mb.tables ?? {})].filter((t, i, all) => all.indexOf(t) === i);
  const outDir = opts.outDir ?? null;
  if (outDir) await mkdir(outDir, { recursive: true });
  const deltaPath = outDir ? join(outDir, 'delta.jsonl') : null;
  const delta: DeltaSink = deltaPath ? new JsonlWriter(`${deltaPath}.tmp`) : NO_DELTA;
  const tables: Record<string, TableDiff> = {};
  try {
    for (const t of names) {
      const inA = !!ma.tables?.[t as keyof Manifest['tables']];
      const inB = !!mb.tables?.[t as keyof Manifest['tables']];
      if (!inA && !inB) continue;
      const pk = (mb.tables?.[t as keyof Manifest['tables']] ?? ma.tables?.[t as keyof Manifest['tables']])?.primary_key ?? TABLES[t as keyof typeof TABLES]?.primaryKey;
      const pathA = inA ? join(dirA, `${t}.jsonl`) : null;
      const pathB = inB ? join(dirB, `${t}.jsonl`) : null;
      for (const p of [pathA, pathB]) if (p && !(await exists(p))) throw new Error(`${p}: missing (diff reads the JSONL files)`);
      const sideA = pathA ? { path: pathA, index: opts.indexA?.[t] } : null;
      const sideB = pathB ? { path: pathB, index: opts.indexB?.[t] } : null;
      tables[t] = await diffTable(t, pk, sideA, sideB, delta, opts.examples ?? 3);
    }
  } finally {
    await delta.close();
  }
  const result: DiffResult = {
    a: { version: ma.version, dir: dirA, code: ma.code },
    b: { version: mb.version, dir: dirB, code: mb.code },
    code_changed: ma.code?.fingerprint !== mb.code?.fingerprint,
    settings: settingsDiff(ma.settings, mb.settings),
    dictionaries: dictionariesDiff(ma.dictionaries, mb.dictionaries),
    dictionaries_known: !!ma.dictionaries && !!mb.dictionaries,
    tables,
  };
  if (outDir && deltaPath) {
    await rename(`${deltaPath}.tmp`, deltaPath);
    await writeFile(join(outDir, 'CHANGES.md'), changesMarkdown(result));
    await writeFile(join(outDir, 'diff.json'), JSON.stringify(result, null, 2) + '\n');
  }
  return result;
}

/** The `FORMAT=json` shape: one object per table, counts first. */
export function diffJson(r: DiffResult): Record<string, TableDiff> {
  return r.tables;
}

export function codeLine(r: DiffResult): string {
  const desc = (c: Manifest['code']) => `${c?.package_version ?? '?'} ${c?.git_commit ? c.git_commit.slice(0, 12) : 'no commit'} (${(c?.fingerprint ?? '').replace('sha256:', '').slice(0, 12)})`;
  return r.code_changed ? `Code version changed: ${desc(r.a.code)} → ${desc(r.b.code)}` : `Code version unchanged: ${desc(r.b.code)}`;
}

/** What else made the data differ: every changed setting and dictionary, in words (one line each). */
export function buildLines(r: DiffResult): string[] {
  const v = (x: string | null) => (x === null ? '(not recorded)' : `\`${x}\``);
  const lines: string[] = [];
  if (!r.settings.length) lines.push('Settings unchanged.');
  for (const s of r.settings) lines.push(`Setting \`${s.name}\` changed: ${v(s.a)} → ${v(s.b)}.`);
  if (!r.dictionaries_known) lines.push('Dictionaries: not recorded in both manifests (a version built before they were), so their changes cannot be named.');
  else if (!r.dictionaries.length) lines.push('Dictionaries and models unchanged.');
  for (const d of r.dictionaries) lines.push(`Dictionary \`${d.path}\` ${d.change}.`);
  return lines;
}

export function changesMarkdown(r: DiffResult): string {
  const out = [`# Changes from ${r.a.version} to ${r.b.version}`, '', codeLine(r) + '.', '', ...buildLines(r).map((l) => `- ${l}`), '', '| table | rows before | rows after | added | removed | changed | unchanged |', '|---|---:|---:|---:|---:|---:|---:|'];
  for (const [t, d] of Object.entries(r.tables)) out.push(`| ${t} | ${d.rows_a} | ${d.rows_b} | ${d.added} | ${d.removed} | ${d.changed} | ${d.unchanged} |`);
  for (const [t, d] of Object.entries(r.tables)) {
    if (!d.added && !d.removed && !d.changed) continue;
    out.push('', `## ${t}`, '');
    const cols = Object.entries(d.columns);
    if (cols.length) out.push(`Changed columns: ${cols.map(([c, n]) => `\`${c}\` ${n}`).join(', ')}.`, '');
    for (const [op, list, total] of [['Added', d.examples.added, d.added], ['Removed', d.examples.removed, d.removed], ['Changed', d.examples.changed, d.changed]] as const) {
      if (!total) continue;
      out.push(`${op} (${total}${list.length < total ? `, first ${list.length} shown` : ''}):`, '');
      for (const e of list) {
        out.push(`- \`${e.id}\` ${e.label}`);
        for (const [c, [was, now]] of Object.entries(e.changes ?? {})) out.push(`  - \`${c}\`: ${was} → ${now}`);
      }
      out.push('');
    }
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').replace(/\n+$/, '') + '\n';
}
