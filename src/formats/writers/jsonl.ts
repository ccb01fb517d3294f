/** JSON Lines: one object per line with the table's columns in order; a missing value is null (MISSING_VALUES). */
import { LineWriter } from '../../util/jsonl.ts';
import type { Row, Table } from '../../schema/tables.ts';
import type { TableWriter } from './types.ts';

/** `onLine` hears each row with its line as written (the package stage indexes the rows so). */
export function jsonlWriter(path: string, _table: Table, onLine?: (row: Row, line: string) => Promise<void>): TableWriter {
  const w = new LineWriter(path);
  return {
    async write(row) {
      const line = JSON.stringify(row);
      await w.write(line);
      await onLine?.(row, line);
    },
    close: () => w.close(),
  };
}
