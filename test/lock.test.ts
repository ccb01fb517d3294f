/**
 * One writer per OUT (issue 17 #1, #7, #8): an exclusive lock with the holder's PID and host, stale
 * locks of dead processes taken over, exit code 75 or --wait for a second writer, real build processes
 * racing into one OUT, leftovers of killed builds removed, and verify reading one version while
 * `latest` is swapped under it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, readlink, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireLock, EXIT_LOCKED, LOCK_FILE, LockedError } from '../src/dataset/lock.ts';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { pointLatest, readManifest } from '../src/dataset/version.ts';
import { verifyVersion } from '../src/dataset/verify.ts';

const ROOT = join(__dirname, '..');
let dir: string;
let rawA: string;
let rawB: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-lock-'));
  rawA = join(dir, 'rawA');
  rawB = join(dir, 'rawB');
  await cp(join(ROOT, 'raw'), rawA, { recursive: true });
  await mkdir(rawB);
  const samples = (await readdir(rawA)).sort();
  for (const f of samples.slice(0, 2)) await cp(join(rawA, f), join(rawB, f));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Run the command line; resolves with its exit code and what it wrote to stderr. `onErr` hears stderr as it comes. */
function cli(args: string[], onErr?: (text: string) => void): Promise<{ code: number | null; stderr: string }> {
  return new Promise((ok) => {
    const child = spawn(join(ROOT, 'bin/newsledger'), args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
      onErr?.(stderr);
    });
    child.on('close', (code) => ok({ code, stderr }));
  });
}

/** The PID of a process that has ended. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

describe('the lock on OUT', () => {
  it('is exclusive, names its holder, is reentrant in its process and goes on release', async () => {
    const out = join(dir, 'unit');
    const release = await acquireLock(out, { command: 'test' });
    const holder = JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8'));
    expect(holder).toMatchObject({ pid: process.pid, host: hostname(), command: 'test' });
    const again = await acquireLock(out); // the same process: nested, not a deadlock
    await again();
    expect(existsSync(join(out, LOCK_FILE))).toBe(true);
    await release();
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);

    // A live holder elsewhere (the parent process stands in for one): refused, or waited for.
    await writeFile(join(out, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname(), command: 'build', started: 'then', token: 'x' }));
    const err = await acquireLock(out).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LockedError);
    expect((err as LockedError).exitCode).toBe(EXIT_LOCKED);
    expect((err as Error).message).toContain(`process ${process.ppid} on ${hostname()} (build`);
    await expect(acquireLock(out, { wait: true, waitMs: 300 })).rejects.toThrow(LockedError);

    // A dead holder: its lock is stale and taken over.
    await writeFile(join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'build', started: 'then', token: 'y' }));
    const logs: string[] = [];
    const mine = await acquireLock(out, { log: (l) => logs.push(l) });
    expect(JSON.parse(await readFile(join(out, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    expect(logs.join('\n')).toMatch(/removed the stale lock of process \d+/);
    await mine();
  });

  it('makes a second build process exit with 75 naming the holder, or wait for it with --wait', async () => {
    const out = join(dir, 'held');
    const release = await acquireLock(out, { command: 'test holder' });
    const refused = await cli(['build', '--raw', rawB, '--out', out]);
    expect(refused.code).toBe(EXIT_LOCKED);
    expect(refused.stderr).toContain(`is being written by process ${process.pid} on ${hostname()} (test holder`);
    expect(existsSync(join(out, 'latest'))).toBe(false);

    let released = false;
    const waited = await cli(['build', '--raw', rawB, '--out', out, '--wait'], (text) => {
      if (!released && text.includes('waiting for process')) {
        released = true;
        void release();
      }
    });
    expect(released).toBe(true);
    expect(waited.code).toBe(0);
    expect((await verifyVersion(join(out, 'latest'))).ok).toBe(true);
  });

  it('two real builds of different RAW folders into one OUT give two whole versions, never a mixed one', async () => {
    const out = join(dir, 'race');
    const [a, b] = await Promise.all([cli(['build', '--raw', rawA, '--out', out, '--wait']), cli(['build', '--raw', rawB, '--out', out, '--wait'])]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const versions = (await readdir(out)).filter((n) => /^\d{8}T/.test(n));
    expect(versions).toHaveLength(2);
    const filesOf = async (raw: string) => (await readdir(raw)).sort();
    const inputSets = [await filesOf(rawA), await filesOf(rawB)].map((x) => x.join(','));
    for (const v of versions) {
      expect((await verifyVersion(join(out, v))).ok).toBe(true);
      const m = await readManifest(join(out, v));
      expect(inputSets).toContain(m.inputs.map((i) => i.path).join(','));
      expect(m.counts.articles).toBe(m.inputs.length);
    }
    expect(versions).toContain(await readlink(join(out, 'latest')));
    expect(existsSync(join(out, LOCK_FILE))).toBe(false);

    // Without --wait the loser (if they overlap) exits 75 and the winner's version is whole.
    const out2 = join(dir, 'race2');
    const codes = (await Promise.all([cli(['build', '--raw', rawA, '--out', out2]), cli(['build', '--raw', rawB, '--out', out2])])).map((r) => r.code);
    expect(codes).toContain(0);
    expect(codes.every((c) => c === 0 || c === EXIT_LOCKED)).toBe(true);
    expect((await verifyVersion(join(out2, 'latest'))).ok).toBe(true);
  });

  it('the next build holding the lock removes what killed builds left (issue 17 #8)', async () => {
    const out = join(dir, 'leftovers');
    await mkdir(join(out, '.tmp-version-4242-1700000000000'), { recursive: true });
    await writeFile(join(out, '.tmp-version-4242-1700000000000', 'articles.csv'), 'half a file');
    await mkdir(join(out, '.stages', 'clean.tmp'), { recursive: true });
    await writeFile(join(out, '.stages', 'clean.tmp', 'articles.jsonl'), '{}\n');
    await mkdir(join(out, '.pull-20200101T000000Z-00000000'), { recursive: true }); // a partial download: kept for resuming
    await writeFile(join(out, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), command: 'build', started: 'then', token: 'z' }));
    const logs: string[] = [];
    const v = await build(buildPaths(rawB, out), { log: (l) => logs.push(l) });
    expect(v.created).toBe(true);
    const left = await readdir(out);
    expect(left.filter((n) => n.startsWith('.tmp-version-'))).toEqual([]);
    expect(left).toContain('.pull-20200101T000000Z-00000000');
    expect(left).not.toContain(LOCK_FILE);
    expect(await readdir(join(out, '.stages'))).not.toContain('clean.tmp');
    expect(logs.join('\n')).toMatch(/removed 2 leftover temporary folder/);
  });

  it('verify reads one version while latest is swapped under it (issue 17 #7)', async () => {
    const out = join(dir, 'swap');
    const a = await build(buildPaths(rawA, out));
    const b = await build(buildPaths(rawB, out));
    let flipping = true;
    let flips = 0;
    const flipper = (async () => {
      while (flipping) {
        await pointLatest(out, flips++ % 2 ? b.version : a.version);
        await new Promise((ok) => setImmediate(ok));
      }
    })();
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await verifyVersion(join(out, 'latest')));
    flipping = false;
    await flipper;
    expect(flips).toBeGreaterThan(10);
    for (const r of results) expect(r.problems).toEqual([]);
  });
});
