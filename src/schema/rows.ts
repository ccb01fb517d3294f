/** Shape an object into a published row: exactly the table's columns, in order, with empty values normalised. */
import { TABLES, type Row, type TableName } from './tables.ts';

export function toRow(table: TableName, obj: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of TABLES[table].columns) {
    const v = obj[c.name];
    if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) {
      row[c.name] = c.type === 'string' || c.type === 'date' || c.type === 'partial_date' ? '' : null;
    } else row[c.name] = v as string | number | boolean;
  }
  return row;
}
