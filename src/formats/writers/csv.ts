/** RFC 4180 CSV: UTF-8, CRLF line ends, header row, fields quoted when they need it (papaparse). */
import Papa from 'papaparse';
import { LineWriter } from '../../util/jsonl.ts';
import type { Row, Table } from '../../schema/tables.ts';
import type { TableWriter } from './types.ts';

export function csvCell(v: Row[string]): string | number {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return v;
}

export function csvWriter(path: string, table: Table): TableWriter {
  const lines = new LineWriter(path);
  const names = table.columns.map((c) => c.name);
  const line = (cells: Array<string | number>) =>
    Papa.unparse([cells], { newline: '\r\n', quotes: false, escapeFormulae: false }) + '\r';
  let started = false;
  const header = async () => {
    if (!started) {
      started = true;
      await lines.write(line(names));
    }
  };
  return {
    async write(row) {
      await header();
      await lines.write(line(names.map((n) => csvCell(row[n]))));
    },
    async close() {
      await header();
      await lines.close();
    },
  };
}
