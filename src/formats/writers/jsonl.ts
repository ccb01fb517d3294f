/** JSON Lines: one object per line with the table's columns in order; a missing value is null (MISSING_VALUES). */
import { JsonlWriter } from '../../util/jsonl.ts';
import type { Table } from '../../schema/tables.ts';
import type { TableWriter } from './types.ts';

export function jsonlWriter(path: string, _table: Table): TableWriter {
  const w = new JsonlWriter(path);
  return { write: (row) => w.write(row), close: () => w.close() };
}
