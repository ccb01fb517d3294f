/**
 * Versions end to end: a build, an unchanged rebuild (no new version), a build with one article
 * removed and one added; the diff against what really changed; verify of old versions and of a
 * flipped byte.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, readdir, rm, writeFile, readlink, copyFile, chmod, mkdir } from 'node:fs/promises';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { listVersions, versionName, type WriteResult } from '../src/dataset/version.ts';
import { verifyVersion } from '../src/dataset/verify.ts';
import { diffVersions } from '../src/dataset/diff.ts';
import { TABLE_NAMES, TABLES } from '../src/schema/tables.ts';
import { sha256 } from '../src/util/ids.ts';

const ROOT = join(__dirname, '..');
const REMOVED = '002_bb12d731cec2f8ab.txt';
let dir: string;
let out: string;
let v1: WriteResult;
let again: WriteResult;
let v2: WriteResult;
const rebuildLog: string[] = [];

const readRows = async (vdir: string, t: string) =>
  (await readFile(join(vdir, `${t}.jsonl`), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-versions-'));
  const raw = join(dir, 'raw');
  await cp(join(ROOT, 'raw'), raw, { recursive: true });
  out = join(dir, 'out');
  v1 = await build(buildPaths(raw, out));
  again = await build(buildPaths(raw, out), { force: true, log: (l) => rebuildLog.push(l) });
  await rm(join(raw, REMOVED));
  await copyFile(join(ROOT, 'test/fixtures/versions/added.txt'), join(raw, 'added.txt'));
  v2 = await build(buildPaths(raw, out));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('versions', () => {
  it('makes no version when the data files are identical, and says which version they match', async () => {
    expect(v1.created).toBe(true);
    expect(again.created).toBe(false);
    expect(again.version).toBe(v1.version);
    expect(rebuildLog.at(-1)).toBe(`package   no new version: the data files are identical to ${v1.version}`);
    expect(v2.created).toBe(true);
    expect(await listVersions(out)).toEqual([v1.version, v2.version]);
    expect(await readlink(join(out, 'latest'))).toBe(v2.version);
  });

  it('records the previous version and a fingerprint of the whole version', async () => {
    expect(v1.manifest.previous_version).toBeNull();
    expect(v2.manifest.previous_version).toBe(v1.version);
    const sums = await readFile(join(v2.dir, 'SHA256SUMS'), 'utf8');
    // The fingerprint covers data files and documents; the manifest's own line closes SHA256SUMS.
    const lines = sums.trimEnd().split('\n');
    expect(lines.at(-1)).toBe(`${sha256(await readFile(join(v2.dir, 'manifest.json')))}  manifest.json`);
    expect(v2.manifest.fingerprint).toBe(`sha256:${sha256(lines.slice(0, -1).join('\n') + '\n')}`);
    expect(v2.version.endsWith(v2.manifest.fingerprint.slice(7, 15))).toBe(true);
    expect(sums).toContain('  CODEBOOK.md\n');
    expect(sums).toContain('  datapackage.json\n');
    expect(sums).toContain('  events.parquet\n');
  });

  it('keeps the IDs of articles, statements and events that did not change', async () => {
    const removedId = (await readRows(v1.dir, 'articles')).find((a) => a.source_file === REMOVED)!.article_id;
    for (const t of ['articles', 'statements', 'events']) {
      const pk = TABLES[t as 'articles'].primaryKey[0];
      const before = (await readRows(v1.dir, t)).filter((r) => r.article_id !== removedId);
      const after = new Set((await readRows(v2.dir, t)).map((r) => r[pk]));
      expect(before.length).toBeGreaterThan(0);
      for (const r of before) expect(after.has(r[pk])).toBe(true);
    }
  });

  it('diff counts equal the rows that really changed, and add up to the rows of each side', async () => {
    const diffDir = join(dir, 'diff');
    const d = await diffVersions(v1.dir, v2.dir, { outDir: diffDir });
    const delta = (await readFile(join(diffDir, 'delta.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    for (const t of TABLE_NAMES) {
      const pk = TABLES[t].primaryKey[0];
      const a = new Map((await readRows(v1.dir, t)).map((r) => [r[pk], JSON.stringify(r)]));
      const b = new Map((await readRows(v2.dir, t)).map((r) => [r[pk], JSON.stringify(r)]));
      const added = [...b.keys()].filter((k) => !a.has(k)).length;
      const removed = [...a.keys()].filter((k) => !b.has(k)).length;
      const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k)).length;
      const s = d.tables[t];
      expect({ t, added: s.added, removed: s.removed, changed: s.changed }).toEqual({ t, added, removed, changed });
      expect(s.added + s.changed + s.unchanged).toBe(b.size);
      expect(s.removed + s.changed + s.unchanged).toBe(a.size);
      expect(delta.filter((x) => x.table === t && x.op === 'ADD').length).toBe(added);
      expect(delta.filter((x) => x.table === t && x.op === 'DEL').length).toBe(removed);
    }
    expect(d.tables.articles).toMatchObject({ added: 1, removed: 1, unchanged: 4 });
    expect(d.tables.statements.removed).toBeGreaterThan(0);
    const changes = await readFile(join(diffDir, 'CHANGES.md'), 'utf8');
    expect(changes).toContain(`# Changes from ${v1.version} to ${v2.version}`);
    expect(changes).toContain('Ministers agree on river water sharing deal');
    expect(changes).toMatch(/Code version (unchanged|changed)/);
  });

  it('the CLI prints the FORMAT=json shape and says whether the code changed', async () => {
    const outDir = join(dir, 'cli-diff');
    const res = spawnSync(join(ROOT, 'bin/newsledger'), ['diff', v1.dir, v2.dir, '--format', 'json', '--out-dir', outDir], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    expect(res.stderr).toMatch(/^Code version (unchanged|changed): /m);
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json)).toEqual(['articles', 'statements', 'events', 'rejects']);
    const lib = await diffVersions(v1.dir, v2.dir);
    for (const t of Object.keys(json)) {
      const { added, removed, changed, unchanged } = lib.tables[t];
      expect(json[t]).toMatchObject({ added, removed, changed, unchanged });
    }
    expect((await readdir(outDir)).sort()).toEqual(['CHANGES.md', 'delta.jsonl', 'diff.json']);
  });

  it('older versions still verify; a flipped byte fails and names the file', async () => {
    for (const v of [v1, v2]) expect((await verifyVersion(v.dir)).ok).toBe(true);
    const copy = join(dir, 'tampered', v1.version);
    await cp(v1.dir, copy, { recursive: true });
    const target = join(copy, 'statements.csv');
    await chmod(target, 0o644);
    const bytes = await readFile(target);
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    await writeFile(target, bytes);
    const r = await verifyVersion(copy);
    expect(r.ok).toBe(false);
    expect(r.problems[0].file).toBe('statements.csv');
    expect(r.problems[0].reason).toMatch(/sha256/);

    const cli = join(ROOT, 'bin/newsledger');
    let failed: { status: number; stderr: string } | null = null;
    try {
      execFileSync(cli, ['verify', copy, '--quiet'], { stdio: 'pipe' });
    } catch (err) {
      failed = { status: (err as { status: number }).status, stderr: String((err as { stderr: Buffer }).stderr) };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toContain('first bad file statements.csv');
  });

  it('verify catches a wrong row count, a missing file, an extra file and an edited manifest', async () => {
    const copy = join(dir, 'broken', v2.version);
    await cp(v2.dir, copy, { recursive: true });
    const manifest = JSON.parse(await readFile(join(copy, 'manifest.json'), 'utf8'));
    manifest.outputs.find((o: { path: string }) => o.path === 'events.parquet').rows += 1;
    await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));
    let r = await verifyVersion(copy);
    expect(r.problems.map((p) => p.file)).toEqual(['SHA256SUMS', 'manifest.json', 'events.parquet']);
    expect(r.problems[0].reason).toMatch(/the manifest was changed/);
    expect(r.problems[2].reason).toMatch(/rows, manifest says/);

    await rm(join(copy, 'articles.arrow'));
    await writeFile(join(copy, 'notes.txt'), 'x');
    r = await verifyVersion(copy);
    expect(r.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([
      expect.stringMatching(/^SHA256SUMS: /),
      expect.stringMatching(/^manifest.json: /),
      'articles.arrow: missing',
      expect.stringMatching(/^events.parquet: /),
      'notes.txt: a file not listed in the manifest',
    ]);

    manifest.fingerprint = 'sha256:' + '0'.repeat(64);
    await writeFile(join(copy, 'manifest.json'), JSON.stringify(manifest));
    r = await verifyVersion(copy);
    expect(r.problems[0].file).toBe('SHA256SUMS');
    expect(r.problems[0].reason).toMatch(/manifest was changed/);
  });

  it('verify covers every field of the manifest and every entry of the folder (issue 17 #6)', async () => {
    const original = await readFile(join(v2.dir, 'manifest.json'), 'utf8');
    const edits: Array<[string, (m: Record<string, any>) => void]> = [
      ['counts', (m) => (m.counts.statements += 1)],
      ['tables rows', (m) => (m.tables.events.rows += 1)],
      ['inputs sha256', (m) => (m.inputs[0].sha256 = 'f'.repeat(64))],
      ['previous_version', (m) => (m.previous_version = null)],
      ['code.git_commit', (m) => (m.code.git_commit = '0'.repeat(40))],
      ['settings', (m) => (m.settings = { statement_scope: 'attribution' })],
      ['created', (m) => (m.created = '2000-01-01T00:00:00.000Z')],
    ];
    let n = 0;
    for (const [what, edit] of edits) {
      const copy = join(dir, `tamper-${n++}`, v2.version);
      await cp(v2.dir, copy, { recursive: true });
      const m = JSON.parse(original);
      edit(m);
      await writeFile(join(copy, 'manifest.json'), JSON.stringify(m, null, 2) + '\n');
      const r = await verifyVersion(copy);
      expect({ what, ok: r.ok, first: r.problems[0]?.file }).toEqual({ what, ok: false, first: 'SHA256SUMS' });
    }
    // Counts that disagree with the tables are named even when SHA256SUMS is rewritten to match.
    const copy = join(dir, `tamper-${n++}`, v2.version);
    await cp(v2.dir, copy, { recursive: true });
    const m = JSON.parse(original);
    m.counts.articles += 1;
    const text = JSON.stringify(m, null, 2) + '\n';
    await writeFile(join(copy, 'manifest.json'), text);
    const sums = (await readFile(join(copy, 'SHA256SUMS'), 'utf8')).replace(/^[0-9a-f]{64}(?=  manifest\.json$)/m, sha256(text));
    await writeFile(join(copy, 'SHA256SUMS'), sums);
    let r = await verifyVersion(copy);
    expect(r.problems.map((p) => `${p.file}: ${p.reason}`)).toEqual([`manifest.json: counts.articles is ${m.counts.articles} but the articles table has ${m.counts.articles - 1} rows`]);

    for (const [name, make] of [
      ['.hidden', (p: string) => writeFile(p, 'x')],
      ['.git', (p: string) => mkdir(join(p, 'objects'), { recursive: true })],
      ['extra', (p: string) => mkdir(p)],
    ] as const) {
      const c = join(dir, `tamper-${n++}`, v2.version);
      await cp(v2.dir, c, { recursive: true });
      await make(join(c, name));
      r = await verifyVersion(c);
      expect(r.problems.map((p) => p.file)).toEqual([name]);
    }
  });

  it('diff sees changed rows and counts the changed columns', async () => {
    const a = join(dir, 'mod-a');
    const b = join(dir, 'mod-b');
    await cp(v2.dir, a, { recursive: true });
    await cp(v2.dir, b, { recursive: true });
    const events = await readRows(b, 'events');
    events[0].confidence = 0.01;
    events[1].confidence = 0.02;
    events[1].location = 'Nowhere';
    await writeFile(join(b, 'events.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const d = await diffVersions(a, b, { outDir: join(dir, 'mod-diff') });
    expect(d.tables.events).toMatchObject({ changed: 2, added: 0, removed: 0, unchanged: events.length - 2, columns: { confidence: 2, location: 1 } });
    expect(d.tables.articles).toMatchObject({ changed: 0, unchanged: 5 });
    expect(d.code_changed).toBe(false);
    const delta = (await readFile(join(dir, 'mod-diff', 'delta.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(delta).toHaveLength(2);
    expect(delta[1]).toMatchObject({ op: 'MOD', table: 'events', id: events[1].event_id, row: { location: 'Nowhere' }, previous: { confidence: expect.any(Number) } });
  });

  it('version names sort by time and stay increasing within one second', () => {
    const t = new Date('2026-11-24T09:15:30.120Z');
    const first = versionName(t, 'ffff0000aaaa');
    expect(first).toBe('20261124T091530Z-ffff0000');
    const second = versionName(new Date('2026-11-24T09:15:30.900Z'), '0000ffffbbbb', first);
    expect(second).toBe('20261124T091531Z-0000ffff');
    expect([second, first].sort()).toEqual([first, second]);
    expect(versionName(new Date('2026-11-24T10:00:00Z'), 'abcdef123456', first)).toBe('20261124T100000Z-abcdef12');
  });

  it('writes nothing but version folders, latest and the stage files into OUT', async () => {
    const entries = (await readdir(out)).filter((e) => !e.startsWith('.'));
    expect(entries.sort()).toEqual(['latest', v1.version, v2.version].sort());
  });
});
