/** End to end: the sample articles plus bad files, built twice into a temporary folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, readlink } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { build, packageStage } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { contentSums } from '../src/dataset/version.ts';
import { readArrowRows } from '../src/formats/writers/arrow.ts';
import { readParquetRows } from '../src/formats/writers/parquet.ts';
import { TABLE_NAMES, columnNames } from '../src/schema/tables.ts';

let dir: string;
let raw: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-e2e-'));
  raw = join(dir, 'raw');
  await cp(join(__dirname, '..', 'raw'), raw, { recursive: true });
  await writeFile(join(raw, 'empty.txt'), '');
  await writeFile(join(raw, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  await writeFile(join(raw, 'latin1.txt'), Buffer.from('caf\xe9 au lait', 'latin1'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('build', () => {
  it('writes every table in every format with the same rows, and a manifest that checks out', async () => {
    const out = join(dir, 'out1');
    const v = await build(buildPaths(raw, out));
    expect(v.created).toBe(true);
    expect(await readlink(join(out, 'latest'))).toBe(v.version);
    const files = await readdir(v.dir);
    for (const t of TABLE_NAMES) for (const f of ['csv', 'jsonl', 'arrow', 'parquet']) expect(files).toContain(`${t}.${f}`);

    for (const t of TABLE_NAMES) {
      const jsonl = (await readFile(join(v.dir, `${t}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
      const csv = Papa.parse<Record<string, string>>(await readFile(join(v.dir, `${t}.csv`), 'utf8'), { header: true, skipEmptyLines: true });
      const arrow = await readArrowRows(join(v.dir, `${t}.arrow`));
      const parquet = await readParquetRows(join(v.dir, `${t}.parquet`));
      expect(csv.meta.fields).toEqual(columnNames(t));
      expect(csv.data.length).toBe(jsonl.length);
      expect(arrow.length).toBe(jsonl.length);
      const key = columnNames(t)[0];
      expect(csv.data.map((r) => r[key])).toEqual(jsonl.map((r) => r[key]));
      expect(arrow.map((r) => r[key])).toEqual(jsonl.map((r) => r[key]));
      expect(parquet.length).toBe(jsonl.length);
      // Parquet holds the same values: dates as DATE, empty dates as null, the rest as in JSONL.
      const plain = (r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === '' ? null : v]));
      expect(parquet.map(plain)).toEqual(jsonl.map(plain));
      expect(v.manifest.outputs.filter((o) => o.table === t).every((o) => o.rows === jsonl.length)).toBe(true);
    }
    expect(v.manifest.counts).toMatchObject({ articles: 5, rejects: 3, input_files: 8 });
    expect(v.manifest.inputs.map((i) => i.path)).toContain('000_c24a08dcea3717f3.txt');
    const rejects = (await readFile(join(v.dir, 'rejects.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(rejects.map((r) => [r.source_file, r.reason])).toEqual([
      ['empty.txt', 'empty file'],
      ['image.txt', 'binary file (NUL bytes in the first 8 KiB)'],
      ['latin1.txt', 'not valid UTF-8 (first bad byte at offset 3)'],
    ]);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: v.dir }).toString()).not.toContain('FAILED');
  });

  it('gives byte-identical data files for the same inputs, and no second version', async () => {
    const a = await build(buildPaths(raw, join(dir, 'outA')));
    const b = await build(buildPaths(raw, join(dir, 'outB')), { force: true });
    // Every data file and document alike; only the manifest's own line differs (it holds the build time).
    expect(contentSums(await readFile(join(b.dir, 'SHA256SUMS'), 'utf8'))).toBe(contentSums(await readFile(join(a.dir, 'SHA256SUMS'), 'utf8')));
    const again = await build(buildPaths(raw, join(dir, 'outA')));
    expect(again.created).toBe(false);
    expect(again.version).toBe(a.version);
  });

  it('with workers, a validation that fails while package writes (on a worker, beside it) leaves no version', async () => {
    const out = join(dir, 'out-workers');
    const p = buildPaths(raw, out);
    const v = await build(p, { jobs: 2, quiet: true });
    const before = await readdir(out);
    await rm(join(p.stages, 'package.json'));
    await expect(packageStage.run(p, { quiet: true, validating: Promise.reject(new Error('validation failed meanwhile')) })).rejects.toThrow('validation failed meanwhile');
    expect(await readlink(join(out, 'latest'))).toBe(v.version);
    expect((await readdir(out)).sort()).toEqual(before.sort());
  });

  it('offsets of every statement and event slice the article text', async () => {
    const v = await build(buildPaths(raw, join(dir, 'outC')));
    const read = async (t: string) => (await readFile(join(v.dir, `${t}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const text = new Map((await read('articles')).map((a) => [a.article_id, a.text as string]));
    for (const s of await read('statements')) expect(text.get(s.article_id)!.slice(s.start, s.end)).toBe(s.quote);
    for (const e of await read('events')) expect(text.get(e.article_id)!.slice(e.start, e.end)).toBe(e.trigger);
  });
});
