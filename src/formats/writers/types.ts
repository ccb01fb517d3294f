import type { Row, Table } from '../../schema/tables.ts';

/** A streaming writer of one table in one format. */
export interface TableWriter {
  write(row: Row): Promise<void>;
  close(): Promise<void>;
}

export type WriterFactory = (path: string, table: Table) => TableWriter;
