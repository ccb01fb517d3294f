/**
 * CODEBOOK.md, generated from the one schema (src/schema/tables.ts): every table, its keys and every
 * column with its type in each format, whether it is required, its meaning, allowed values and an example.
 * Deterministic: it depends only on the schema and the row counts, never on the clock.
 */
import { MISSING_VALUES, OFFSETS, TABLES, TABLE_NAMES, type Column, type TableName } from './tables.ts';
import { arrowType } from '../formats/writers/arrow.ts';
import { parquetType } from '../formats/writers/parquet.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string) => (s === '' ? '' : `\`${s.replace(/`/g, "'")}\``);

function allowed(c: Column): string {
  const parts: string[] = [];
  if (c.enum) parts.push(`one of ${c.enum.filter(Boolean).map(code).join(', ')}`);
  if (c.pattern) parts.push(`matches ${code(c.pattern)}`);
  if (c.minimum !== undefined) parts.push(`≥ ${c.minimum}`);
  return parts.join('; ');
}

function example(c: Column): string {
  if (c.example === undefined || c.example === '') return '';
  return code(typeof c.example === 'string' ? c.example : JSON.stringify(c.example));
}

export function codebook(rows: Partial<Record<TableName, number>>, formats: string[]): string {
  const out: string[] = [
    '# Codebook',
    '',
    'Generated from `src/schema/tables.ts`, the one definition behind the CSV headers, the Arrow and',
    'Parquet types, the validation and `datapackage.json`. Every table is published as',
    `${formats.map((f) => `\`.${f}\``).join(', ')} with the same rows in the same order.`,
    '',
    `Missing values: ${MISSING_VALUES}`,
    '',
    `Offsets: ${OFFSETS}`,
    '',
    '| table | rows | primary key | description |',
    '|---|---:|---|---|',
    ...TABLE_NAMES.map((t) => `| [${t}](#${t}) | ${rows[t] ?? ''} | ${TABLES[t].primaryKey.map(code).join(', ')} | ${cell(TABLES[t].description)} |`),
  ];
  for (const name of TABLE_NAMES) {
    const t = TABLES[name];
    out.push('', `## ${name}`, '', cell(t.description), '');
    out.push(`- Files: ${formats.map((f) => `\`${name}.${f}\``).join(', ')}`);
    if (rows[name] !== undefined) out.push(`- Rows: ${rows[name]}`);
    out.push(`- Primary key: ${t.primaryKey.map(code).join(', ')}`);
    for (const fk of t.foreignKeys) out.push(`- Foreign key: ${fk.fields.map(code).join(', ')} → \`${fk.reference.resource}.${fk.reference.fields.join(', ')}\``);
    out.push('', '| column | type | Arrow / Parquet | required | meaning | allowed values | example |', '|---|---|---|---|---|---|---|');
    for (const c of t.columns) {
      out.push(
        `| \`${c.name}\` | ${c.type} | ${String(arrowType(c))} / ${parquetType(c)} | ${c.required ? 'yes' : ''} | ${cell(c.description)} | ${cell(allowed(c))} | ${cell(example(c))} |`,
      );
    }
  }
  return out.join('\n') + '\n';
}
