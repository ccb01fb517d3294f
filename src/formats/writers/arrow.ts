/**
 * Arrow IPC file format with typed columns, written in record batches so memory stays flat.
 * Types come from the schema: string→Utf8, integer→Int32, number→Float64, boolean→Bool,
 * date→Date32 (days), partial_date→Utf8 (YYYY, YYYY-MM or YYYY-MM-DD).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import * as A from 'apache-arrow';
import type { Column, Row, Table } from '../../schema/tables.ts';
import type { TableWriter } from './types.ts';

const BATCH_ROWS = 2048;

export function arrowType(c: Column): A.DataType {
  switch (c.type) {
    case 'integer':
      return new A.Int32();
    case 'number':
      return new A.Float64();
    case 'boolean':
      return new A.Bool();
    case 'date':
      return new A.DateDay();
    default:
      return new A.Utf8();
  }
}

export function arrowSchema(table: Table): A.Schema {
  return new A.Schema(table.columns.map((c) => new A.Field(c.name, arrowType(c), true)));
}

function cell(c: Column, v: Row[string]): unknown {
  if (v === null || v === undefined) return null;
  if (c.type === 'date') {
    if (v === '') return null;
    const [y, m, d] = String(v).split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v;
}

export function arrowWriter(path: string, table: Table): TableWriter {
  const schema = arrowSchema(table);
  const writer = new A.RecordBatchFileWriter();
  const sink = createWriteStream(path);
  const done = once(sink, 'finish');
  (writer.toNodeStream() as NodeJS.ReadableStream).pipe(sink);
  writer.reset(undefined, schema);
  let pending: Row[] = [];

  const flush = () => {
    if (!pending.length) return;
    const data = table.columns.map((c) => A.vectorFromArray(pending.map((r) => cell(c, r[c.name])), arrowType(c) as never));
    const batch = new A.RecordBatch(
      schema,
      A.makeData({ type: new A.Struct(schema.fields), length: pending.length, nullCount: 0, children: data.map((v) => v.data[0]) }),
    );
    writer.write(batch);
    pending = [];
  };

  return {
    async write(row) {
      pending.push(row);
      if (pending.length >= BATCH_ROWS) {
        flush();
        await new Promise((r) => setImmediate(r)); // let the stream drain
      }
    },
    async close() {
      flush();
      writer.finish();
      await done;
    },
  };
}

/** Read an Arrow file back into plain rows (tests, verify). */
export async function readArrowRows(path: string): Promise<Record<string, unknown>[]> {
  const { readFile } = await import('node:fs/promises');
  const t = A.tableFromIPC(await readFile(path));
  return t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
}
