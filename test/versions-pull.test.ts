/**
 * release and pull: a released folder served by a local HTTP server (127.0.0.1, random port) that
 * can cut a download short or serve a tampered file; pull resumes with Range requests, verifies every
 * checksum and refuses the tampered file.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cp, copyFile, mkdtemp, readFile, rm, stat, readlink, writeFile, readdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import type { WriteResult } from '../src/dataset/version.ts';
import { release, readIndex } from '../src/dataset/release.ts';
import { pull, TamperedError } from '../src/dataset/pull.ts';
import { verifyVersion } from '../src/dataset/verify.ts';

let dir: string;
let releaseDir: string;
let v: WriteResult;
let server: Server;
let base: string;

/** What the server does: requests seen, files to cut short once, files to serve altered. */
const behaviour = {
  requests: [] as Array<{ path: string; range: string | null }>,
  cutOnce: new Map<string, number>(),
  tamper: new Map<string, (b: Buffer) => Buffer>(),
  ignoreRange: false,
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-pull-'));
  await cp(join(__dirname, '..', 'raw'), join(dir, 'raw'), { recursive: true });
  v = await build(buildPaths(join(dir, 'raw'), join(dir, 'out')));
  releaseDir = join(dir, 'release');
  await release(v.dir, releaseDir);

  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^\/+/, '');
    const range = req.headers.range ?? null;
    behaviour.requests.push({ path, range });
    let body: Buffer;
    try {
      body = await readFile(join(releaseDir, path));
    } catch {
      res.writeHead(404).end();
      return;
    }
    const name = path.split('/').pop()!;
    body = behaviour.tamper.get(name)?.(body) ?? body;
    const start = range && !behaviour.ignoreRange ? Number(/^bytes=(\d+)-$/.exec(range)?.[1] ?? 0) : 0;
    if (start >= body.length && start > 0) {
      res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
      return;
    }
    const headers: Record<string, string | number> = { 'Content-Length': body.length - start, 'Accept-Ranges': 'bytes' };
    if (start > 0) headers['Content-Range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    res.writeHead(start > 0 ? 206 : 200, headers);
    const cut = behaviour.cutOnce.get(name);
    if (cut !== undefined && start === 0) {
      behaviour.cutOnce.delete(name);
      res.write(body.subarray(0, cut), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(body.subarray(start));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  behaviour.requests = [];
  behaviour.cutOnce.clear();
  behaviour.tamper.clear();
  behaviour.ignoreRange = false;
});

describe('release', () => {
  it('copies the version and lists every file with size, checksum and a URL relative to the index', async () => {
    const index = (await readIndex(releaseDir))!;
    expect(index.latest).toBe(v.version);
    const entry = index.versions[0];
    expect(entry.previous_version).toBeNull();
    expect(entry.files.map((f) => f.path)).toEqual(expect.arrayContaining(['articles.parquet', 'CODEBOOK.md', 'datapackage.json', 'manifest.json', 'SHA256SUMS']));
    for (const f of entry.files) {
      expect(f.url).toBe(`${v.version}/${f.path}`);
      expect((await stat(join(releaseDir, f.url))).size).toBe(f.bytes);
    }
    expect(entry.bytes).toBe(entry.files.reduce((n, f) => n + f.bytes, 0));
    const again = await release(v.dir, releaseDir);
    expect(again.added).toBe(false);
    expect((await readIndex(releaseDir))!.versions).toHaveLength(1);
  });

  it('lists versions newest first, each with what changed since the release before', async () => {
    const raw = join(dir, 'raw2');
    await cp(join(dir, 'raw'), raw, { recursive: true });
    await copyFile(join(__dirname, 'fixtures/versions/added.txt'), join(raw, 'added.txt'));
    const out = join(dir, 'out-two');
    const a = await build(buildPaths(join(dir, 'raw'), out));
    const b = await build(buildPaths(raw, out));
    const rel = join(dir, 'release-two');
    await release(a.dir, rel);
    const r = await release(b.dir, rel);
    expect(r.index.versions.map((x) => x.version)).toEqual([b.version, a.version]);
    expect(r.index.latest).toBe(b.version);
    const changes = r.index.versions[0].changes!;
    expect(changes).toMatchObject({ since: a.version, url: `changes/${b.version}.md`, tables: { articles: { added: 1, removed: 0, changed: 0, unchanged: 5 } } });
    expect(await readFile(join(rel, changes.url), 'utf8')).toContain(`# Changes from ${a.version} to ${b.version}`);
    expect(r.index.versions[1].changes).toBeUndefined();
  });
});

describe('pull', () => {
  it('downloads over HTTP, verifies and points latest at it', async () => {
    const out = join(dir, 'pulled-http');
    const seen = new Set<string>();
    const r = await pull(base, out, { progress: (p) => p.done === p.total && seen.add(p.file) });
    expect(r.version).toBe(v.version);
    expect(await readlink(join(out, 'latest'))).toBe(v.version);
    expect((await verifyVersion(r.dir)).ok).toBe(true);
    expect(await readFile(join(r.dir, 'events.parquet'))).toEqual(await readFile(join(v.dir, 'events.parquet')));
    expect(seen.has('articles.jsonl')).toBe(true);
    expect(r.resumed).toEqual([]);
    expect((await readdir(out)).sort()).toEqual(['latest', v.version].sort());
  });

  it('resumes a download the server cut short, with a Range request from where it stopped', async () => {
    behaviour.cutOnce.set('articles.csv', 1000);
    const logs: string[] = [];
    const r = await pull(base, join(dir, 'pulled-cut'), { log: (l) => logs.push(l) });
    expect(r.resumed).toEqual(['articles.csv']);
    expect(behaviour.requests.filter((q) => q.path.endsWith('articles.csv')).map((q) => q.range)).toEqual([null, 'bytes=1000-']);
    expect(logs.join('\n')).toMatch(/articles.csv: resuming at 1000 of \d+ bytes/);
    expect((await verifyVersion(r.dir)).ok).toBe(true);
  });

  it('starts the file again when the server ignores the Range request', async () => {
    behaviour.cutOnce.set('statements.jsonl', 2000);
    behaviour.ignoreRange = true;
    const logs: string[] = [];
    const r = await pull(base, join(dir, 'pulled-norange'), { log: (l) => logs.push(l) });
    // Honest counts (issue 18 #6): the whole file came again, nothing was resumed.
    expect(r.resumed).toEqual([]);
    expect(r.restarted).toEqual(['statements.jsonl']);
    expect(logs.join('\n')).toContain('statements.jsonl: the server ignored the Range request');
    expect(behaviour.requests.filter((q) => q.path.endsWith('statements.jsonl')).map((q) => q.range)).toEqual([null, 'bytes=2000-']);
    expect(await readFile(join(r.dir, 'statements.jsonl'))).toEqual(await readFile(join(v.dir, 'statements.jsonl')));
  });

  it('resumes in a later run from the partial file an interrupted run left', async () => {
    const out = join(dir, 'pulled-later');
    behaviour.cutOnce.set('events.jsonl', 4096);
    await expect(pull(base, out, { attempts: 1 })).rejects.toThrow(/events.jsonl|aborted|closed|socket/);
    expect((await stat(join(out, `.pull-${v.version}`, 'events.jsonl.part'))).size).toBe(4096);
    behaviour.requests = [];
    const r = await pull(base, out, { attempts: 1 });
    expect(behaviour.requests.find((q) => q.path.endsWith('events.jsonl'))?.range).toBe('bytes=4096-');
    // Files completed by the first run are not fetched again.
    expect(behaviour.requests.some((q) => q.path.endsWith('articles.csv'))).toBe(false);
    expect((await verifyVersion(r.dir)).ok).toBe(true);
  });

  it('refuses a tampered file and leaves no version behind', async () => {
    behaviour.tamper.set('statements.csv', (b) => {
      const c = Buffer.from(b);
      c[c.length >> 1] ^= 0x20;
      return c;
    });
    const out = join(dir, 'pulled-tampered');
    const err = await pull(base, out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TamperedError);
    expect((err as TamperedError).file).toBe('statements.csv');
    expect((err as Error).message).toMatch(/refusing/);
    const left = await readdir(out);
    expect(left).not.toContain(v.version);
    expect(left).not.toContain('latest');
    expect(await readdir(join(out, `.pull-${v.version}`))).not.toContain('statements.csv');
  });

  it('pulls from a local folder too, and refuses an index naming a path outside the version', async () => {
    const r = await pull(releaseDir, join(dir, 'pulled-folder'));
    expect((await verifyVersion(r.dir)).ok).toBe(true);

    const evil = join(dir, 'evil');
    await cp(releaseDir, evil, { recursive: true });
    const index = JSON.parse(await readFile(join(evil, 'index.json'), 'utf8'));
    index.versions[0].files[0].path = '../../escape.txt';
    await writeFile(join(evil, 'index.json'), JSON.stringify(index));
    await expect(pull(evil, join(dir, 'pulled-evil'))).rejects.toThrow(/unsafe file name/);
  });
});
