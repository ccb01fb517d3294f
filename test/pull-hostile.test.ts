/**
 * pull against hostile servers (issue 17 #3): an endless index.json, a server that drips one byte at a
 * time, one that goes silent after its headers, and index URLs and redirects to another host. Each
 * server runs on 127.0.0.1 and stops by itself (every answer ends after a bounded time or size).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { release } from '../src/dataset/release.ts';
import { pull, PullLimitError } from '../src/dataset/pull.ts';
import { verifyVersion } from '../src/dataset/verify.ts';

let dir: string;
let releaseDir: string;
let server: Server;
let port: number;
const timers = new Set<NodeJS.Timeout>();

/** Write `total` bytes of `byte`, `step` at a time every `everyMs`, then end; stop early when the client goes. */
function drip(res: ServerResponse, byte: string, step: number, everyMs: number, total: number): void {
  let sent = 0;
  const t = setInterval(() => {
    if (res.destroyed || sent >= total) {
      clearInterval(t);
      timers.delete(t);
      res.end();
      return;
    }
    res.write(byte.repeat(step));
    sent += step;
  }, everyMs);
  timers.add(t);
  res.on('close', () => {
    clearInterval(t);
    timers.delete(t);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-hostile-pull-'));
  await cp(join(__dirname, '..', 'raw'), join(dir, 'raw'), { recursive: true });
  const v = await build(buildPaths(join(dir, 'raw'), join(dir, 'out')));
  releaseDir = join(dir, 'release');
  await release(v.dir, releaseDir);

  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const [, mode, ...rest] = url.pathname.split('/');
    const file = normalize(rest.join('/'));
    if (mode === 'endless') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"versions": [');
      drip(res, ' ', 64 * 1024, 1, 64 * 1024 * 1024); // 64 MiB at most, then it stops by itself
      return;
    }
    if (mode === 'drip') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      drip(res, ' ', 1, 50, 400); // one byte every 50 ms, 20 s at most
      return;
    }
    if (mode === 'silent') {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 100 });
      res.flushHeaders();
      const t = setTimeout(() => res.destroy(), 5000); // gives up by itself after 5 s
      timers.add(t);
      return;
    }
    if (mode === 'redirect') {
      res.writeHead(302, { Location: `http://localhost:${port}/plain/${file}` }).end();
      return;
    }
    if (mode === 'plain' || mode === 'elsewhere') {
      let body: Buffer;
      try {
        body = await readFile(join(releaseDir, file));
      } catch {
        res.writeHead(404).end();
        return;
      }
      if (mode === 'elsewhere' && file === 'index.json') {
        // The index sends every file to another host.
        const index = JSON.parse(body.toString('utf8'));
        for (const f of index.versions[0].files) f.url = `http://localhost:${port}/plain/${f.url}`;
        body = Buffer.from(JSON.stringify(index));
      }
      res.writeHead(200, { 'Content-Length': body.length }).end(body);
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const t of timers) clearTimeout(t);
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
  await rm(dir, { recursive: true, force: true });
});

const base = (mode: string) => `http://127.0.0.1:${port}/${mode}/`;

describe('pull against hostile servers', () => {
  it('refuses an endless index.json past the size limit', async () => {
    const err = await pull(base('endless'), join(dir, 'o1'), { limits: { indexMaxBytes: 1024 * 1024 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PullLimitError);
    expect((err as Error).message).toMatch(/index\.json is larger than 1048576 bytes; refusing it/);
  });

  it('gives up on a server that drips bytes when the overall deadline passes', async () => {
    const err = await pull(base('drip'), join(dir, 'o2'), { limits: { deadlineMs: 700, idleTimeoutMs: 5000 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PullLimitError);
    expect((err as Error).message).toMatch(/ran past its deadline of 0.7 s/);
  });

  it('gives up on a server that goes silent after its headers', async () => {
    const err = await pull(base('silent'), join(dir, 'o3'), { limits: { idleTimeoutMs: 300 } }).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/no data for 0.3 s/);
  });

  it('refuses index URLs and redirects to another host unless allowed', async () => {
    await expect(pull(base('elsewhere'), join(dir, 'o4'), { attempts: 1 })).rejects.toThrow(/http:\/\/localhost:\d+\/plain\/.*: on another host than http:\/\/127\.0\.0\.1:\d+, where the release is; refusing it/);
    await expect(pull(base('redirect'), join(dir, 'o5'))).rejects.toThrow(/on another host/);
    const r = await pull(base('redirect'), join(dir, 'o6'), { limits: { allowOtherHosts: true } });
    expect((await verifyVersion(r.dir)).ok).toBe(true);
    const plain = await pull(base('plain'), join(dir, 'o7'));
    expect((await verifyVersion(plain.dir)).ok).toBe(true);
  });
});
