/** The Parquet writer: schema types, empty tables, odd strings, byte-identical output. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDuckDb, parquetRowCount, parquetWriter, readParquetRows } from '../src/formats/writers/parquet.ts';
import { TABLES, type Row, type Table } from '../src/schema/tables.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-parquet-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const table: Table = {
  name: 'rejects',
  title: 't',
  description: 'd',
  primaryKey: ['id'],
  foreignKeys: [],
  columns: [
    { name: 'id', type: 'string', description: '' },
    { name: 'n', type: 'integer', description: '' },
    { name: 'x', type: 'number', description: '' },
    { name: 'ok', type: 'boolean', description: '' },
    { name: 'day', type: 'date', description: '' },
    { name: 'when', type: 'partial_date', description: '' },
  ],
};

async function write(path: string, t: Table, rows: Row[]): Promise<void> {
  const w = parquetWriter(path, t);
  for (const r of rows) await w.write(r);
  await w.close();
}

describe('parquet writer', () => {
  const rows: Row[] = [
    { id: 'a', n: 3120, x: 0.7, ok: true, day: '2021-07-27', when: '2021-01' },
    { id: 'b "q", \\ 😀 é\nnew line', n: null, x: null, ok: false, day: '', when: '' },
    { id: 'lone \ud800 surrogate', n: -1, x: 1e-9, ok: null, day: '1999-12-31', when: '1999' },
  ];

  it('writes the schema types and reads back the same values', async () => {
    const path = join(dir, 't.parquet');
    await write(path, table, rows);
    const db = await openDuckDb();
    try {
      const types = await db.run(`SELECT name, type, converted_type FROM parquet_schema('${path}') WHERE name <> 'duckdb_schema'`);
      expect(Object.fromEntries(types.map((t) => [t.name, `${t.type}/${t.converted_type ?? ''}`]))).toEqual({
        id: 'BYTE_ARRAY/UTF8',
        n: 'INT32/INT_32',
        x: 'DOUBLE/',
        ok: 'BOOLEAN/',
        day: 'INT32/DATE',
        when: 'BYTE_ARRAY/UTF8',
      });
    } finally {
      db.close();
    }
    const back = await readParquetRows(path);
    expect(back).toEqual([
      { id: 'a', n: 3120, x: 0.7, ok: true, day: '2021-07-27', when: '2021-01' },
      { id: 'b "q", \\ 😀 é\nnew line', n: null, x: null, ok: false, day: null, when: '' },
      { id: 'lone \ufffd surrogate', n: -1, x: 1e-9, ok: null, day: '1999-12-31', when: '1999' },
    ]);
    expect(await parquetRowCount(path)).toBe(3);
    expect(await readdir(dir)).toEqual(['t.parquet']); // the sidecar is gone
  });

  it('is byte-identical when written twice, and writes empty tables', async () => {
    await write(join(dir, 'a.parquet'), TABLES.events, []);
    await write(join(dir, 'b.parquet'), table, rows);
    await write(join(dir, 'c.parquet'), table, rows);
    expect(await readFile(join(dir, 'b.parquet'))).toEqual(await readFile(join(dir, 'c.parquet')));
    expect(await parquetRowCount(join(dir, 'a.parquet'))).toBe(0);
    expect((await readParquetRows(join(dir, 'a.parquet'))).length).toBe(0);
  });
});
