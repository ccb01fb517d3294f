/**
 * Apache Parquet through DuckDB (@duckdb/node-api): DuckDB converts a JSONL file of the rows in one
 * streaming COPY with the schema's types (a version's own JSONL file; a standalone writer streams the
 * rows to a sidecar it deletes afterwards). Types: string→VARCHAR, integer→INTEGER (INT32), number→DOUBLE, boolean→BOOLEAN,
 * date→DATE, partial_date→VARCHAR. ZSTD compression.
 *
 * Deterministic: one thread (fixed row-group boundaries, insertion order kept) and no clock in the
 * file; DuckDB's `created_by` is its version string, so the bytes change only when the pinned DuckDB does.
 */
import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { JsonlWriter } from '../../util/jsonl.ts';
import type { Column, Row, Table } from '../../schema/tables.ts';
import type { TableWriter } from './types.ts';

export function parquetType(c: Column): string {
  switch (c.type) {
    case 'integer':
      return 'INTEGER';
    case 'number':
      return 'DOUBLE';
    case 'boolean':
      return 'BOOLEAN';
    case 'date':
      return 'DATE';
    default:
      return 'VARCHAR';
  }
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** Open a small, single-threaded DuckDB: deterministic output and a bounded memory footprint. */
export async function openDuckDb(): Promise<{ run: (sql: string) => Promise<Record<string, unknown>[]>; close: () => void }> {
  const db = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '512MB', preserve_insertion_order: 'true' });
  const conn = await db.connect();
  return {
    run: async (sql) => (await conn.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[],
    close: () => {
      conn.closeSync();
      db.closeSync();
    },
  };
}

/** The COPY statement turning a JSONL file of `table` rows into Parquet. */
export function copyToParquetSql(table: Table, jsonlPath: string, parquetPath: string): string {
  // Dates are read as text and cast, so an empty string (unknown date) becomes NULL rather than an error.
  const columns = table.columns.map((c) => `${ident(c.name)}: ${sqlString(c.type === 'date' ? 'VARCHAR' : parquetType(c))}`).join(', ');
  const select = table.columns
    .map((c) => (c.type === 'date' ? `CAST(NULLIF(${ident(c.name)}, '') AS DATE) AS ${ident(c.name)}` : ident(c.name)))
    .join(', ');
  const read = `read_json(${sqlString(jsonlPath)}, format = 'newline_delimited', columns = {${columns}}, maximum_object_size = 33554432)`;
  return `COPY (SELECT ${select} FROM ${read}) TO ${sqlString(parquetPath)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 100000)`;
}

/**
 * Lone UTF-16 surrogates cannot be stored as UTF-8: they become U+FFFD, as they do in the CSV and
 * Arrow files (and DuckDB would reject them).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
function wellFormed(row: Row): Row {
  let copy: Row | null = null;
  for (const [k, v] of Object.entries(row)) {
    if (typeof v === 'string' && LONE_SURROGATE.test(v)) {
      LONE_SURROGATE.lastIndex = 0;
      (copy ??= { ...row })[k] = v.replace(LONE_SURROGATE, '\ufffd');
    }
  }
  return copy ?? row;
}

/** Convert a JSONL file of `table` rows (well-formed strings, one object per line) into Parquet. */
export async function jsonlToParquet(table: Table, jsonlPath: string, parquetPath: string): Promise<void> {
  const db = await openDuckDb();
  try {
    await db.run(copyToParquetSql(table, jsonlPath, parquetPath));
  } finally {
    db.close();
  }
}

/** A streaming Parquet writer on its own (a version converts the table's JSONL file instead: src/dataset/version.ts). */
export function parquetWriter(path: string, table: Table): TableWriter {
  const sidecar = `${path}.rows.jsonl`;
  const rows = new JsonlWriter(sidecar);
  return {
    write: (row) => rows.write(wellFormed(row)),
    async close() {
      await rows.close();
      try {
        await jsonlToParquet(table, sidecar, path);
      } finally {
        await rm(sidecar, { force: true });
      }
    },
  };
}

/** Rows in a Parquet file, from its footer (verify). */
export async function parquetRowCount(path: string): Promise<number> {
  const db = await openDuckDb();
  try {
    const [r] = await db.run(`SELECT sum(num_rows)::BIGINT AS n FROM parquet_file_metadata(${sqlString(path)})`);
    return Number(r?.n ?? 0);
  } finally {
    db.close();
  }
}

/** Read a Parquet file back into plain rows (tests). */
export async function readParquetRows(path: string): Promise<Record<string, unknown>[]> {
  const db = await openDuckDb();
  try {
    return await db.run(`SELECT * FROM read_parquet(${sqlString(path)})`);
  } finally {
    db.close();
  }
}
