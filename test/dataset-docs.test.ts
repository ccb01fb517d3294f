/** CODEBOOK.md and datapackage.json: generated from the schema, complete, and a valid Data Package v2. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import type { WriteResult } from '../src/dataset/version.ts';
import { checkDataPackageKeys, dataPackageProfile } from '../src/schema/datapackage.ts';
import { TABLE_NAMES, TABLES } from '../src/schema/tables.ts';
import { fileDigest } from '../src/util/files.ts';

let dir: string;
let v: WriteResult;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-docs-'));
  await cp(join(__dirname, '..', 'raw'), join(dir, 'raw'), { recursive: true });
  v = await build(buildPaths(join(dir, 'raw'), join(dir, 'out')));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const validator = () => new Ajv({ allErrors: true, strict: false }).compile(dataPackageProfile());

describe('CODEBOOK.md', () => {
  it('describes every column of every table with its type, meaning and example', async () => {
    const md = await readFile(join(v.dir, 'CODEBOOK.md'), 'utf8');
    for (const t of TABLE_NAMES) {
      expect(md).toContain(`## ${t}\n`);
      expect(md).toContain(`- Rows: ${v.manifest.tables[t].rows}`);
      const section = md.slice(md.indexOf(`## ${t}\n`)).split(/\n## /)[0];
      for (const c of TABLES[t].columns) {
        const line = section.split('\n').find((l) => l.startsWith(`| \`${c.name}\` |`));
        expect(line, `${t}.${c.name}`).toBeDefined();
        expect(line).toContain(`| ${c.type} |`);
        expect(line).toContain(c.description.replace(/\|/g, '\\|'));
        if (c.example !== undefined && c.example !== '') expect(line).toContain(String(c.example));
        if (c.enum) for (const e of c.enum.filter(Boolean)) expect(line).toContain(`\`${e}\``);
      }
    }
    expect(md).toMatch(/Foreign key: `article_id` → `articles.article_id`/);
  });
});

describe('datapackage.json', () => {
  it('is a valid Data Package v2 with a resource per file, its sha256 hash, bytes and keys', async () => {
    const pkg = JSON.parse(await readFile(join(v.dir, 'datapackage.json'), 'utf8'));
    const validate = validator();
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(checkDataPackageKeys(pkg)).toEqual([]);
    expect(pkg.resources).toHaveLength(v.manifest.outputs.length);
    for (const r of pkg.resources) {
      const d = await fileDigest(join(v.dir, r.path));
      expect(r.hash).toBe(`sha256:${d.sha256}`);
      expect(r.bytes).toBe(d.bytes);
    }
    const events = pkg.resources.find((r: { name: string }) => r.name === 'events');
    expect(events).toMatchObject({ path: 'events.csv', format: 'csv', mediatype: 'text/csv', schema: { primaryKey: ['event_id'] } });
    expect(events.schema.foreignKeys).toEqual([{ fields: ['article_id'], reference: { resource: 'articles', fields: ['article_id'] } }]);
    expect(events.schema.fields.map((f: { name: string }) => f.name)).toEqual(TABLES.events.columns.map((c) => c.name));
    const parquet = pkg.resources.find((r: { name: string }) => r.name === 'statements-parquet');
    expect(parquet.schema.foreignKeys[0].reference.resource).toBe('articles-parquet');
    const date = events.schema.fields.find((f: { name: string }) => f.name === 'date');
    expect(date).toMatchObject({ type: 'string', constraints: { pattern: TABLES.events.columns.find((c) => c.name === 'date')!.pattern } });
  });

  it('the profile rejects a package that breaks it, and the key check a dangling foreign key', async () => {
    const pkg = JSON.parse(await readFile(join(v.dir, 'datapackage.json'), 'utf8'));
    const validate = validator();
    const broken = structuredClone(pkg);
    delete broken.resources[0].hash;
    broken.resources[1].path = '../etc/passwd';
    broken.resources[2].schema.fields[0].constraints = { requried: true };
    expect(validate(broken)).toBe(false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    expect(paths).toEqual(expect.arrayContaining(['/resources/0', '/resources/1/path', '/resources/2/schema/fields/0/constraints']));
    const dangling = structuredClone(pkg);
    dangling.resources.find((r: { name: string }) => r.name === 'events').schema.foreignKeys[0].reference.resource = 'nothing';
    expect(checkDataPackageKeys(dangling)).toEqual(['events: foreign key points to missing resource nothing']);
  });
});
