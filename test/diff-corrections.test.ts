/**
 * Issue 18 #3 and #4: a corrected article keeps its IDs, so the diff reports what really changed (per
 * column, MOD in delta.jsonl); the diff and CHANGES.md name every changed setting and dictionary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { dictionariesDiff, diffVersions } from '../src/dataset/diff.ts';

let dir: string;
const STORY = (word: string) =>
  `Army leaves the ${word} town\n\n` +
  'The defence minister said on Monday that the army would withdraw from the town of Kherson. ' +
  '"We are leaving because the bridges are gone," she told reporters in Kyiv.\n\n' +
  'Russia accused Ukraine of shelling the dam, and Ukraine rejected the claim.\n\n' +
  'The governor plans to veto the budget bill next week.\n';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-corr-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('finding 3: IDs survive corrections', () => {
  it('reports a corrected article and its rows as changed, per column, with MOD in delta.jsonl', async () => {
    const raw = join(dir, 'raw');
    await mkdir(raw);
    const out = join(dir, 'out');
    await writeFile(join(raw, 'story.txt'), STORY('southern'));
    const a = await build(buildPaths(raw, out));
    await writeFile(join(raw, 'story.txt'), STORY('eastern')); // one correction, before every quote and trigger
    const b = await build(buildPaths(raw, out));
    const d = await diffVersions(a.dir, b.dir, { outDir: join(dir, 'diff') });
    expect(d.tables.articles).toMatchObject({ added: 0, removed: 0, changed: 1 });
    expect(d.tables.articles.columns).toMatchObject({ content_sha256: 1, text: 1 });
    for (const t of ['statements', 'events']) {
      expect(d.tables[t].rows_a).toBeGreaterThan(0);
      expect(d.tables[t]).toMatchObject({ added: 0, removed: 0 });
    }
    // Every quote and trigger after the correction moved: offsets changed, IDs and words did not.
    for (const t of ['statements', 'events']) {
      expect(d.tables[t].changed).toBe(d.tables[t].rows_a);
      expect(Object.keys(d.tables[t].columns).sort()).toEqual(expect.arrayContaining(['end', 'end_utf16', 'start', 'start_utf16']));
      expect(d.tables[t].columns).not.toHaveProperty('quote');
      expect(d.tables[t].columns).not.toHaveProperty('trigger');
    }
    const delta = (await readFile(join(dir, 'diff', 'delta.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { op: string; table: string });
    expect(delta.length).toBeGreaterThan(1);
    expect(new Set(delta.map((r) => r.op))).toEqual(new Set(['MOD']));
  }, 60_000);
});

describe('finding 4: the diff names settings and dictionaries', () => {
  it('says which setting changed in the diff and CHANGES.md (release notes)', async () => {
    const raw = join(dir, 'raw');
    const out = join(dir, 'out');
    const a = await build(buildPaths(raw, out));
    const b = await build(buildPaths(raw, out, { statement_scope: 'attribution' }), { force: true, name: 'attribution' });
    const d = await diffVersions(a.dir, b.dir, { outDir: join(dir, 'diff2') });
    expect(d.settings).toEqual([{ name: 'statement_scope', a: 'speech', b: 'attribution' }]);
    const changes = await readFile(join(dir, 'diff2', 'CHANGES.md'), 'utf8');
    expect(changes).toContain('Setting `statement_scope` changed: `speech` → `attribution`.');
    expect(changes).toContain('Dictionaries and models unchanged.');
    expect(JSON.parse(await readFile(join(dir, 'diff2', 'diff.json'), 'utf8')).settings).toEqual(d.settings);

    // A dictionary edited between the two builds: the manifest records each one's sha256.
    const c = join(dir, 'edited');
    await cp(b.dir, c, { recursive: true });
    const m = JSON.parse(await readFile(join(c, 'manifest.json'), 'utf8'));
    const path = 'src/events/dictionaries/triggers.tsv';
    expect(m.dictionaries[path]).toMatch(/^[0-9a-f]{64}$/);
    m.dictionaries[path] = '0'.repeat(64);
    await writeFile(join(c, 'manifest.json'), JSON.stringify(m));
    const e = await diffVersions(b.dir, c, { outDir: join(dir, 'diff3') });
    expect(e.dictionaries).toEqual([{ path, change: 'changed' }]);
    expect(await readFile(join(dir, 'diff3', 'CHANGES.md'), 'utf8')).toContain(`Dictionary \`${path}\` changed.`);
  }, 60_000);
  it('names added and removed dictionaries', () => {
    expect(dictionariesDiff({ x: '1', y: '2' }, { y: '3', z: '4' })).toEqual([
      { path: 'x', change: 'removed' },
      { path: 'y', change: 'changed' },
      { path: 'z', change: 'added' },
    ]);
  });
});
