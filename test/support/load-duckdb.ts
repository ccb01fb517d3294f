/**
 * Load every table of a built version in DuckDB, in every format, the way a user would (no options), and
 * check what the codebook promises:
 *   - the types DuckDB reads from Arrow/Parquet are the schema's (src/schema/tables.ts);
 *   - row counts equal the manifest's, in every format;
 *   - one meaning of missing: per column, the same number of NULLs in CSV, JSONL and Parquet (and Arrow,
 *     read with apache-arrow), and no empty string anywhere;
 *   - offsets count code points: substring(text, start + 1, end - start) = quote for every statement,
 *     = trigger for every event, in SQL.
 *
 *   node --import tsx test/support/load-duckdb.ts out/latest     (exit 1 and a list when anything fails)
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import * as A from 'apache-arrow';
import { TABLES, TABLE_NAMES } from '../../src/schema/tables.ts';
import { parquetType } from '../../src/formats/writers/parquet.ts';

const sql = (s: string) => `'${s.replace(/'/g, "''")}'`;
const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The DuckDB type a typed column of this schema type reads as: the Parquet writer's own mapping. */
const duckType = parquetType;

export interface LoadReport {
  problems: string[];
  /** Per table: rows, and NULLs per column per format. */
  tables: Record<string, { rows: Record<string, number>; nulls: Record<string, Record<string, number>> }>;
  /** Statements and events whose SQL substring was checked. */
  sliced: { statements: number; events: number };
}

export async function loadVersion(dir: string): Promise<LoadReport> {
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as { tables: Record<string, { rows: number }> };
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  const all = async (q: string) => (await conn.runAndReadAll(q)).getRowObjectsJson() as Record<string, unknown>[];
  const report: LoadReport = { problems: [], tables: {}, sliced: { statements: 0, events: 0 } };
  const fail = (p: string) => report.problems.push(p);
  try {
    for (const name of TABLE_NAMES) {
      const t = TABLES[name];
      const readers: Record<string, string> = {
        csv: `read_csv(${sql(join(dir, `${name}.csv`))})`,
        jsonl: `read_json(${sql(join(dir, `${name}.jsonl`))}, format = 'newline_delimited')`,
        parquet: `read_parquet(${sql(join(dir, `${name}.parquet`))})`,
      };
      const entry = { rows: {} as Record<string, number>, nulls: {} as Record<string, Record<string, number>> };
      report.tables[name] = entry;
      const expected = manifest.tables[name]?.rows;
      for (const [fmt, from] of Object.entries(readers)) {
        await conn.run(`CREATE OR REPLACE VIEW ${fmt}_${name} AS SELECT * FROM ${from}`);
        const cols = (await all(`DESCRIBE ${fmt}_${name}`)).map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
        // An empty CSV or JSONL file has no column to infer a type from: only its row count is checked.
        const [{ n }] = await all(`SELECT count(*)::INTEGER AS n FROM ${fmt}_${name}`);
        entry.rows[fmt] = Number(n);
        if (Number(n) !== expected) fail(`${name}.${fmt}: ${n} rows, the manifest says ${expected}`);
        if (!Number(n) && fmt !== 'parquet') continue;
        const names = cols.map((c) => c.name);
        if (names.join(',') !== t.columns.map((c) => c.name).join(',')) fail(`${name}.${fmt}: columns ${names.join(',')} are not the schema's`);
        if (fmt === 'parquet') {
          for (const c of t.columns) {
            const got = cols.find((x) => x.name === c.name)?.type;
            if (got !== duckType(c)) fail(`${name}.parquet: ${c.name} reads as ${got}, the schema says ${duckType(c)}`);
          }
        }
        if (!Number(n)) continue;
        const present = t.columns.filter((c) => names.includes(c.name));
        const counts = present.map((c) => `count(*) FILTER (WHERE ${ident(c.name)} IS NULL)::INTEGER AS ${ident(c.name)}`).join(', ');
        const [nulls] = await all(`SELECT ${counts} FROM ${fmt}_${name}`);
        entry.nulls[fmt] = Object.fromEntries(Object.entries(nulls).map(([k, v]) => [k, Number(v)]));
        const strings = present.filter((c) => cols.find((x) => x.name === c.name)?.type === 'VARCHAR');
        if (strings.length) {
          const empties = strings.map((c) => `count(*) FILTER (WHERE ${ident(c.name)} = '')::INTEGER AS ${ident(c.name)}`).join(', ');
          const [e] = await all(`SELECT ${empties} FROM ${fmt}_${name}`);
          for (const [k, v] of Object.entries(e)) if (Number(v)) fail(`${name}.${fmt}: ${v} empty strings in ${k} (a missing value is null)`);
        }
        for (const c of t.columns) if (c.required && entry.nulls[fmt][c.name]) fail(`${name}.${fmt}: ${entry.nulls[fmt][c.name]} nulls in required column ${c.name}`);
      }
      // Arrow, read the way pyarrow / polars / R arrow would: nulls per column.
      const arrow = A.tableFromIPC(await readFile(join(dir, `${name}.arrow`)));
      entry.rows.arrow = arrow.numRows;
      if (arrow.numRows !== expected) fail(`${name}.arrow: ${arrow.numRows} rows, the manifest says ${expected}`);
      if (arrow.numRows) {
        entry.nulls.arrow = {};
        for (const c of t.columns) {
          const v = arrow.getChild(c.name);
          if (!v) {
            fail(`${name}.arrow: no column ${c.name}`);
            continue;
          }
          let nulls = 0;
          let empty = 0;
          for (let i = 0; i < v.length; i++) {
            const x = v.get(i);
            if (x === null) nulls++;
            else if (x === '') empty++;
          }
          entry.nulls.arrow[c.name] = nulls;
          if (empty) fail(`${name}.arrow: ${empty} empty strings in ${c.name} (a missing value is null)`);
        }
      }
      // Every format: the same nulls in the same columns.
      const formats = Object.keys(entry.nulls);
      for (const c of t.columns) {
        const per = formats.map((f) => entry.nulls[f][c.name] ?? null);
        if (new Set(per).size > 1) fail(`${name}.${c.name}: nulls differ by format (${formats.map((f, i) => `${f} ${per[i]}`).join(', ')})`);
      }
    }
    // Offsets in code points: SQL's substring slices every quote and trigger, in every format.
    for (const fmt of ['csv', 'jsonl', 'parquet']) {
      for (const [table, words] of [['statements', 'quote'], ['events', 'trigger']] as const) {
        if (!report.tables[table].rows[fmt]) continue;
        const [r] = await all(
          `SELECT count(*)::INTEGER AS n, count(*) FILTER (WHERE substring(a.text, s.start + 1, s."end" - s.start) IS DISTINCT FROM s.${words})::INTEGER AS bad,
                  min(CASE WHEN substring(a.text, s.start + 1, s."end" - s.start) IS DISTINCT FROM s.${words} THEN s.${ident(table === 'statements' ? 'statement_id' : 'event_id')} END) AS first
           FROM ${fmt}_${table} s JOIN ${fmt}_articles a USING (article_id)`,
        );
        if (Number(r.n) !== report.tables[table].rows[fmt]) fail(`${table}.${fmt}: ${report.tables[table].rows[fmt] - Number(r.n)} rows with no article`);
        if (Number(r.bad)) fail(`${table}.${fmt}: substring(text, start + 1, end - start) is not the ${words} in ${r.bad} rows (first ${r.first})`);
        if (fmt === 'parquet') report.sliced[table] = Number(r.n);
      }
    }
  } finally {
    conn.closeSync();
    db.closeSync();
  }
  return report;
}

if (import.meta.url === pathToFileURL(resolve(process.argv[1] ?? '')).href) {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: node --import tsx test/support/load-duckdb.ts VERSION_FOLDER\n');
    process.exit(2);
  }
  const r = await loadVersion(resolve(dir));
  for (const [t, e] of Object.entries(r.tables)) process.stdout.write(`${t}: rows ${Object.entries(e.rows).map(([f, n]) => `${f} ${n}`).join(', ')}\n`);
  process.stdout.write(`sliced in SQL: ${r.sliced.statements} statements, ${r.sliced.events} events\n`);
  for (const p of r.problems) process.stdout.write(`PROBLEM ${p}\n`);
  process.stdout.write(r.problems.length ? `${r.problems.length} problems\n` : 'all tables load as the codebook says\n');
  process.exitCode = r.problems.length ? 1 : 0;
}
