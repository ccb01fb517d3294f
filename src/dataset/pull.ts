/**
 * Pull a released version from a base URL (http, https, file:// or a local folder) holding index.json
 * (see release.ts) into OUT/<version>. Each file is downloaded to a `.part` file, resumed with an HTTP
 * Range request after an interruption (within the run, and by the next run), checked against the
 * index's size and sha256 and refused when it does not match. The finished folder is verified against
 * its manifest before it is renamed into place: what lands in OUT is complete and checked.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, truncate } from 'node:fs/promises';
import { once } from 'node:events';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { exists, fileDigest } from '../util/files.ts';
import { INDEX_FILE, type IndexFile, type IndexVersion, type ReleaseIndex } from './release.ts';
import { verifyVersion } from './verify.ts';
import { latestVersion, pointLatest } from './version.ts';

interface Opened {
  /** 206: the body starts at the requested offset; 200: the whole file. */
  status: 200 | 206;
  body: Readable;
}

/** Where releases come from: a web server or a folder. */
interface Source {
  describe: string;
  open(rel: string, start: number): Promise<Opened>;
}

import { DEFAULT_LIMITS, type PullLimits, type PullProgress } from './pull-limits.ts';
export { DEFAULT_LIMITS, type PullLimits, type PullProgress };

/** A limit was reached: not worth retrying. */
export class PullLimitError extends Error {}

const secs = (ms: number) => `${ms / 1000} s`;

function httpSource(base: URL, limits: PullLimits, deadlineAt: number): Source {
  const get = (url: URL, start: number, redirects: number): Promise<Opened> =>
    new Promise((ok, fail) => {
      if (!limits.allowOtherHosts && (url.host !== base.host || url.protocol !== base.protocol)) {
        fail(new PullLimitError(`${url.href}: on another host than ${base.protocol}//${base.host}, where the release is; refusing it (--allow-other-hosts to follow it)`));
        return;
      }
      const left = deadlineAt - Date.now();
      if (left <= 0) {
        fail(new PullLimitError(`the pull ran past its deadline of ${secs(limits.deadlineMs)} (--deadline)`));
        return;
      }
      const client = url.protocol === 'https:' ? https : http;
      const req = client.get(url, { headers: start > 0 ? { Range: `bytes=${start}-` } : {} }, (res) => {
        const code = res.statusCode ?? 0;
        if ([301, 302, 303, 307, 308].includes(code) && res.headers.location && redirects < 5) {
          res.resume();
          get(new URL(res.headers.location, url), start, redirects + 1).then(ok, fail);
        } else if (code === 200 || (code === 206 && start > 0)) {
          res.setTimeout(limits.idleTimeoutMs, () => res.destroy(new Error(`${url.href}: no data for ${secs(limits.idleTimeoutMs)}`)));
          ok({ status: code as 200 | 206, body: res });
        } else if (code === 416 && start > 0) {
          res.resume();
          get(url, 0, redirects).then(ok, fail); // the partial file is longer than the file: start again
        } else {
          res.resume();
          fail(new Error(`${url.href}: HTTP ${code}`));
        }
      });
      // The overall deadline covers the answer and the whole body.
      let response: http.IncomingMessage | null = null;
      const deadline = setTimeout(() => {
        const err = new PullLimitError(`the pull ran past its deadline of ${secs(limits.deadlineMs)} (--deadline); stopped in ${url.href}`);
        if (response) response.destroy(err); // the body's reader sees this error
        req.destroy(err);
      }, Math.min(left, 2 ** 31 - 1));
      deadline.unref();
      req.on('response', (res) => {
        response = res;
        res.on('close', () => clearTimeout(deadline));
      });
      req.on('close', () => response || clearTimeout(deadline));
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const t = setTimeout(() => req.destroy(new Error(`${url.href}: could not connect within ${secs(limits.connectTimeoutMs)}`)), limits.connectTimeoutMs);
        t.unref();
        socket.once('connect', () => clearTimeout(t));
        socket.once('close', () => clearTimeout(t));
      });
      req.setTimeout(limits.idleTimeoutMs, () => req.destroy(new Error(`${url.href}: no answer for ${secs(limits.idleTimeoutMs)}`)));
      req.on('error', fail);
    });
  return { describe: base.href, open: (rel, start) => get(new URL(rel, base), start, 0) };
}

function folderSource(dir: string): Source {
  return {
    describe: dir,
    async open(rel, start) {
      if (rel.startsWith('/') || rel.split('/').some((part) => part === '..') || /^[a-z][a-z0-9+.-]*:/i.test(rel)) throw new PullLimitError(`${rel}: outside the release folder ${dir}; refusing it`);
      const path = join(dir, ...rel.split('/'));
      const size = (await stat(path)).size;
      const from = start > 0 && start <= size ? start : 0;
      return { status: from > 0 ? 206 : 200, body: createReadStream(path, { start: from }) };
    },
  };
}

/** Base of a release: a URL or folder holding index.json, or the index.json itself. */
export function sourceFor(base: string, limits: PullLimits = DEFAULT_LIMITS, deadlineAt = Date.now() + limits.deadlineMs): { source: Source; index: string } {
  const isIndex = base.endsWith('.json');
  if (/^https?:\/\//i.test(base)) {
    const url = new URL(base);
    if (!isIndex && !url.pathname.endsWith('/')) url.pathname += '/';
    const index = isIndex ? url.pathname.split('/').pop()! : INDEX_FILE;
    return { source: httpSource(new URL('.', url), limits, deadlineAt), index };
  }
  const path = base.startsWith('file:') ? fileURLToPath(base) : resolve(base);
  return isIndex ? { source: folderSource(join(path, '..')), index: path.split('/').pop()! } : { source: folderSource(path), index: INDEX_FILE };
}

async function readAll(body: Readable, max: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  try {
    for await (const c of body) {
      n += (c as Buffer).length;
      if (n > max) throw new PullLimitError(`${what} is larger than ${max} bytes; refusing it`);
      chunks.push(c as Buffer);
    }
  } finally {
    body.destroy();
  }
  return Buffer.concat(chunks);
}


export interface PullOptions {
  version?: string;
  /** Attempts per file within one run (an interrupted download resumes where it stopped). */
  attempts?: number;
  log?: (line: string) => void;
  progress?: (p: PullProgress) => void;
  /** Size, time and host limits (DEFAULT_LIMITS for what is not given). */
  limits?: Partial<PullLimits>;
}

export interface PullResult {
  version: string;
  dir: string;
  /** Files that were fetched (not already complete from an earlier run). */
  fetched: string[];
  /** Files continued from where a try stopped (the server answered the Range request with 206). */
  resumed: string[];
  /** Files downloaded again from the start after an interruption, because the server ignored the Range request. */
  restarted: string[];
}

/** A file name the index may name: no folders, no parent references (a hostile index cannot write outside OUT). */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

async function download(source: Source, f: IndexFile, dest: string, opts: PullOptions, result: PullResult): Promise<void> {
  const part = `${dest}.part`;
  const attempts = opts.attempts ?? 3;
  let restartedClean = false;
  for (let attempt = 1; ; attempt++) {
    let start = (await exists(part)) ? (await stat(part)).size : 0;
    if (start > f.bytes) {
      await truncate(part, 0);
      start = 0;
    }
    try {
      if (start < f.bytes || f.bytes === 0) {
        if (start > 0) opts.log?.(`${f.path}: resuming at ${start} of ${f.bytes} bytes`);
        const got = await source.open(f.url, start);
        // Counted as resumed only when the server honoured the Range request (206).
        if (start > 0 && got.status === 206 && !result.resumed.includes(f.path)) result.resumed.push(f.path);
        if (got.status === 200 && start > 0) {
          // The server ignored the Range header and sent the whole file: write it from the beginning.
          opts.log?.(`${f.path}: the server ignored the Range request; downloading the whole file again`);
          if (!result.restarted.includes(f.path)) result.restarted.push(f.path);
          start = 0;
        }
        const sink = createWriteStream(part, { flags: start > 0 ? 'a' : 'w' });
        let done = start;
        let failed: Error | null = null;
        sink.on('error', (e) => (failed = e));
        try {
          for await (const chunk of got.body) {
            if (failed) throw failed;
            done += (chunk as Buffer).length;
            if (done > f.bytes) throw new Error(`${f.path}: longer than the ${f.bytes} bytes the index gives`);
            if (!sink.write(chunk)) await once(sink, 'drain');
            opts.progress?.({ file: f.path, done, total: f.bytes });
          }
        } finally {
          sink.end();
          await once(sink, 'close');
        }
        if (failed) throw failed;
        if (done < f.bytes) throw new Error(`connection closed at ${done} of ${f.bytes} bytes`);
      }
      const digest = await fileDigest(part);
      if (digest.bytes !== f.bytes || digest.sha256 !== f.sha256) {
        await rm(part, { force: true });
        // A resumed file may mix two different files; try once from nothing before calling it tampered.
        if (result.resumed.includes(f.path) && !restartedClean) {
          restartedClean = true;
          opts.log?.(`${f.path}: checksum differs after resuming; downloading it again from the start`);
          continue;
        }
        throw new TamperedError(f.path, `sha256 ${digest.sha256} (${digest.bytes} bytes) but the index says ${f.sha256} (${f.bytes} bytes): refusing it`);
      }
      await rename(part, dest);
      return;
    } catch (err) {
      if (err instanceof TamperedError || err instanceof PullLimitError || attempt >= attempts) throw err;
      opts.log?.(`${f.path}: ${(err as Error).message}; retrying (${attempt}/${attempts - 1})`);
    }
  }
}

export class TamperedError extends Error {
  constructor(readonly file: string, reason: string) {
    super(`${file}: ${reason}`);
  }
}

export async function pull(base: string, out: string, opts: PullOptions = {}): Promise<PullResult> {
  const limits: PullLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  const { source, index: indexName } = sourceFor(base, limits, Date.now() + limits.deadlineMs);
  let index: ReleaseIndex;
  try {
    index = JSON.parse((await readAll((await source.open(indexName, 0)).body, limits.indexMaxBytes, indexName)).toString('utf8')) as ReleaseIndex;
  } catch (err) {
    const E = err instanceof PullLimitError ? PullLimitError : Error;
    throw new E(`${source.describe}: cannot read ${indexName} (${(err as Error).message})`);
  }
  const name = opts.version ?? index.latest;
  const entry: IndexVersion | undefined = index.versions?.find((v) => v.version === name);
  if (!name || !entry) throw new Error(`${source.describe}: no version ${name ?? '(latest)'} in ${indexName}; it lists ${(index.versions ?? []).map((v) => v.version).join(', ') || 'none'}`);
  if (!SAFE_NAME.test(entry.version)) throw new Error(`${indexName}: unsafe version name ${JSON.stringify(entry.version)}`);
  for (const f of entry.files) if (!SAFE_NAME.test(f.path)) throw new Error(`${indexName}: unsafe file name ${JSON.stringify(f.path)} in ${entry.version}`);

  await mkdir(out, { recursive: true });
  const dir = join(out, entry.version);
  const result: PullResult = { version: entry.version, dir, fetched: [], resumed: [], restarted: [] };
  if (await exists(dir)) {
    const check = await verifyVersion(dir);
    if (!check.ok) throw new Error(`${dir} exists but does not verify (${check.problems[0].file}: ${check.problems[0].reason}); remove it to pull again`);
    opts.log?.(`${entry.version} is already in ${out} and verifies`);
    return result;
  }
  // Kept between runs so a later pull resumes; named after the version so two versions never mix.
  const partial = join(out, `.pull-${entry.version}`);
  await mkdir(partial, { recursive: true });
  for (const f of entry.files) {
    const dest = join(partial, f.path);
    if (await exists(dest)) {
      const d = await fileDigest(dest);
      if (d.sha256 === f.sha256 && d.bytes === f.bytes) continue;
      await rm(dest);
    }
    await download(source, f, dest, opts, result);
    result.fetched.push(f.path);
  }
  const check = await verifyVersion(partial);
  if (!check.ok) throw new TamperedError(check.problems[0].file, `the downloaded version does not verify: ${check.problems[0].reason}`);
  const manifest = JSON.parse(await readFile(join(partial, 'manifest.json'), 'utf8')) as { version: string };
  if (manifest.version !== entry.version) throw new TamperedError('manifest.json', `names version ${manifest.version}, the index ${entry.version}`);
  await rename(partial, dir);
  const current = await latestVersion(out);
  if (!current || current < entry.version) await pointLatest(out, entry.version);
  return result;
}
