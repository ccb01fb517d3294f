/**
 * Data that loads without surprises (issue 18): a small RAW of our own, built once, then every table
 * loaded in DuckDB (test/support/load-duckdb.ts) in every format: one meaning of missing, offsets that
 * SQL's substring slices, publication date and URL beside each statement and event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { loadVersion, type LoadReport } from './support/load-duckdb.ts';
import { codebook } from '../src/schema/codebook.ts';
import { MISSING_VALUES, OFFSETS } from '../src/schema/tables.ts';

let dir: string;
let version: string;
let report: LoadReport;
const jsonl = async (t: string) => (await readFile(join(version, `${t}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-loads-'));
  const raw = join(dir, 'raw');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(raw);
  // Emoji and a flag before the quotes: UTF-16 and code-point offsets differ after them.
  await writeFile(
    join(raw, 'emoji.txt'),
    'Leaders trade words over the border 🇺🇦\n\n' +
      'Crowds waved flags 🇺🇦 and hearts ❤️‍🔥 outside the ministry on Tuesday. "We will not give up an inch of our land," President Volodymyr Zelensky said in a speech.\n\n' +
      'Foreign Minister Dmytro Kuleba said the talks had failed. "Nobody 😀 believes the promises any more," he told reporters.\n',
  );
  // A record with a URL and no date; one with neither: missing values everywhere.
  await writeFile(
    join(raw, 'feed.jsonl'),
    JSON.stringify({ url: 'https://example.org/news/1', title: 'Minister speaks', date_publish: '2022-05-03', text: 'The minister said the army would withdraw from the town. "We are leaving," she told reporters on Monday.' }) + '\n' +
      JSON.stringify({ text: 'Police said two people were arrested after the protest.' }) + '\n',
  );
  const v = await build(buildPaths(raw, join(dir, 'out')));
  version = v.dir;
  report = await loadVersion(version);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('every table loads in DuckDB as the codebook says', () => {
  it('has no problem: types, row counts, nulls alike in every format, no empty strings, substring slices', () => {
    expect(report.problems).toEqual([]);
    expect(report.sliced.statements).toBeGreaterThanOrEqual(3);
    expect(report.sliced.events).toBeGreaterThanOrEqual(1);
  });
});

describe('finding 1: one meaning of missing', () => {
  it('writes null, never "", in JSONL, and the same nulls in every format', async () => {
    const articles = await jsonl('articles');
    const bare = articles.find((a) => String(a.source_file).endsWith('#2'))!;
    expect(bare.published).toBeNull();
    expect(bare.url).toBeNull();
    expect(bare.title).toBeNull();
    for (const t of ['articles', 'statements', 'events']) for (const r of await jsonl(t)) expect(Object.values(r)).not.toContain('');
    const nulls = report.tables.articles.nulls;
    expect(nulls.jsonl.published).toBeGreaterThan(0);
    for (const f of ['csv', 'parquet', 'arrow']) expect(nulls[f]).toEqual(nulls.jsonl);
  });
  it('states the rule once, in the schema module, and the codebook quotes it', () => {
    const book = codebook({}, ['csv', 'jsonl', 'arrow', 'parquet']);
    expect(book).toContain(MISSING_VALUES);
    expect(book).toContain(OFFSETS);
  });
});

describe('finding 2: offsets in code points, UTF-16 kept beside them', () => {
  it('start/end slice by code point (Python, SQL), start_utf16/end_utf16 by UTF-16 (JavaScript)', async () => {
    const text = String((await jsonl('articles')).find((a) => a.source_file === 'emoji.txt')!.text);
    const cps = Array.from(text);
    const rows = (await jsonl('statements')).filter((s) => s.url === null && String(s.quote).includes('give up'));
    expect(rows).toHaveLength(1);
    const s = rows[0];
    expect(s.start_utf16).not.toBe(s.start); // emoji before the quote: the units differ
    expect(cps.slice(s.start as number, s.end as number).join('')).toBe(s.quote);
    expect(text.slice(s.start_utf16 as number, s.end_utf16 as number)).toBe(s.quote);
  });
});

describe('finding 8: publication date and URL beside each statement and event', () => {
  it('copies the article URL and date into statements and events', async () => {
    const articles = new Map((await jsonl('articles')).map((a) => [a.article_id, a]));
    const statements = await jsonl('statements');
    const events = await jsonl('events');
    expect(statements.some((s) => s.url === 'https://example.org/news/1')).toBe(true);
    expect(statements.some((s) => s.published === '2022-05-03')).toBe(true);
    for (const r of [...statements, ...events]) {
      const a = articles.get(r.article_id)!;
      expect(r.published).toBe(a.published);
      expect(r.url).toBe(a.url);
    }
  });
});

describe('finding 7: the README', () => {
  it('has loading examples that run: its SQL in DuckDB, R with readr only, pandas reading only "" as missing', async () => {
    const readme = await readFile(join(__dirname, '..', 'README.md'), 'utf8');
    const loading = readme.slice(readme.indexOf('### Loading'), readme.indexOf('\n## ', readme.indexOf('### Loading')));
    const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(loading)?.[1] ?? '';
    expect(block('r')).toContain('library(readr)');
    expect(block('r')).not.toMatch(/arrow::/); // Debian ships no R arrow package
    expect(block('python')).toContain('keep_default_na=False');
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const db = await DuckDBInstance.create(':memory:');
    const conn = await db.connect();
    try {
      const sql = block('sql').replace(/out\/latest/g, version);
      const rows = (await conn.runAndReadAll(sql)).getRowObjectsJson() as Array<{ quote: string; sliced: string }>;
      expect(rows.length).toBe(report.sliced.statements);
      for (const r of rows) expect(r.sliced).toBe(r.quote);
    } finally {
      conn.closeSync();
      db.closeSync();
    }
  });
  it('says where the evaluation data comes from before pointing at ../shared', async () => {
    const readme = await readFile(join(__dirname, '..', 'README.md'), 'utf8');
    const quality = readme.slice(readme.indexOf('## Quality'));
    expect(quality.indexOf('Evaluation data for contributors')).toBeLessThan(quality.indexOf('../shared/eval/score.py'));
  });
});
