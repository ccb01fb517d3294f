/**
 * datapackage.json (Frictionless Data Package v2), generated from the one schema (src/schema/tables.ts)
 * and the digests of the written files: one resource per data file, each with `path`, `format`,
 * `mediatype`, `bytes`, a `sha256:` hash and a Table Schema with primary and foreign keys.
 * Deterministic: no clock and no version name inside, so it can be listed in SHA256SUMS.
 *
 * The CSV resource of a table is named after the table (`articles`); the other formats add their
 * extension (`articles-parquet`); foreign keys point to the resource of the same format.
 */
import { readFileSync } from 'node:fs';
import { TABLES, type Column, type TableName } from './tables.ts';

export const DATAPACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLESCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

/** The JSON Schema datapackage.json is validated against (tests, verify): see profiles/README.md. */
export function dataPackageProfile(): object {
  return JSON.parse(readFileSync(new URL('./profiles/datapackage-v2.json', import.meta.url), 'utf8')) as object;
}

export const MEDIATYPES: Record<string, string> = {
  csv: 'text/csv',
  jsonl: 'application/jsonl',
  arrow: 'application/vnd.apache.arrow.file',
  parquet: 'application/vnd.apache.parquet',
};
const TEXT_FORMATS = new Set(['csv', 'jsonl']);

export interface DataFile {
  path: string;
  table: TableName;
  format: string;
  sha256: string;
  bytes: number;
}

export const resourceName = (table: string, format: string) => (format === 'csv' ? table : `${table}-${format}`);

/** Table Schema field: partial dates are strings with a pattern (Table Schema has no partial date type). */
export function tableSchemaField(c: Column): Record<string, unknown> {
  const constraints: Record<string, unknown> = {};
  if (c.required) constraints.required = true;
  // Empty strings are missing values (missingValues [""]), so they are not listed among the allowed ones.
  if (c.enum) constraints.enum = c.enum.filter((v) => v !== '');
  if (c.pattern && c.type !== 'date') constraints.pattern = c.pattern;
  if (c.minimum !== undefined) constraints.minimum = c.minimum;
  const field: Record<string, unknown> = { name: c.name, type: c.type === 'partial_date' ? 'string' : c.type, description: c.description };
  if (c.type === 'date') field.format = 'default';
  if (c.example !== undefined && c.example !== '') field.example = c.example;
  if (Object.keys(constraints).length) field.constraints = constraints;
  return field;
}

export function tableSchema(table: TableName, format: string): Record<string, unknown> {
  const t = TABLES[table];
  return {
    $schema: TABLESCHEMA_PROFILE,
    fields: t.columns.map(tableSchemaField),
    missingValues: [''],
    primaryKey: t.primaryKey,
    foreignKeys: t.foreignKeys.map((fk) => ({
      fields: fk.fields,
      reference: { resource: resourceName(fk.reference.resource, format), fields: fk.reference.fields },
    })),
  };
}

export function dataPackage(name: string, files: DataFile[]): Record<string, unknown> {
  return {
    $schema: DATAPACKAGE_PROFILE,
    name,
    title: 'newsledger: PLOVER events and statements from news articles',
    description:
      'Articles, statements (who said what) and PLOVER-coded events with character offsets into the article text, and the inputs that were rejected. See CODEBOOK.md.',
    resources: files.map((f) => {
      const r: Record<string, unknown> = {
        name: resourceName(f.table, f.format),
        type: 'table',
        path: f.path,
        title: TABLES[f.table].title,
        description: TABLES[f.table].description,
        format: f.format,
        mediatype: MEDIATYPES[f.format] ?? 'application/octet-stream',
      };
      if (TEXT_FORMATS.has(f.format)) r.encoding = 'utf-8';
      if (f.format === 'csv') r.dialect = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
      r.bytes = f.bytes;
      r.hash = `sha256:${f.sha256}`;
      r.schema = tableSchema(f.table, f.format);
      return r;
    }),
  };
}

/**
 * What a JSON Schema cannot check: keys name real fields, foreign keys point to resources that exist,
 * resource names are unique. Returns the problems (empty when fine).
 */
export function checkDataPackageKeys(pkg: { resources: Array<{ name: string; schema?: { fields: Array<{ name: string }>; primaryKey?: string[]; foreignKeys?: Array<{ fields: string[]; reference: { resource: string; fields: string[] } }> } }> }): string[] {
  const problems: string[] = [];
  const byName = new Map(pkg.resources.map((r) => [r.name, r]));
  if (byName.size !== pkg.resources.length) problems.push('resource names are not unique');
  for (const r of pkg.resources) {
    const s = r.schema;
    if (!s) continue;
    const names = new Set(s.fields.map((f) => f.name));
    for (const k of s.primaryKey ?? []) if (!names.has(k)) problems.push(`${r.name}: primary key ${k} is not a field`);
    for (const fk of s.foreignKeys ?? []) {
      for (const k of fk.fields) if (!names.has(k)) problems.push(`${r.name}: foreign key field ${k} is not a field`);
      const target = byName.get(fk.reference.resource);
      if (!target?.schema) problems.push(`${r.name}: foreign key points to missing resource ${fk.reference.resource}`);
      else for (const k of fk.reference.fields) if (!target.schema.fields.some((f) => f.name === k)) problems.push(`${r.name}: foreign key points to missing field ${fk.reference.resource}.${k}`);
    }
  }
  return problems;
}
