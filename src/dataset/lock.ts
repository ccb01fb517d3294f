/**
 * One writer at a time per folder: OUT (build, each stage, package, pull) or a release folder. The
 * lock is a file, `<dir>/.lock`, created atomically (O_EXCL) and holding the holder's PID, host,
 * command and start time; it goes when the holder finishes or exits. A lock whose holder is dead (same
 * host, no such process) is stale and taken over; a live holder makes a second writer fail with
 * LockedError (exit code 75, EX_TEMPFAIL), or wait for it with `wait`.
 */
import { readFile, rename, rm, stat, unlink, writeFile, mkdir, readdir } from 'node:fs/promises';
import { readFileSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE = '.lock';
/** sysexits.h EX_TEMPFAIL: try again later. */
export const EXIT_LOCKED = 75;

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  started: string;
  token: string;
}

export class LockedError extends Error {
  readonly exitCode = EXIT_LOCKED;
  constructor(readonly dir: string, readonly holder: LockHolder | null) {
    super(
      `${dir} is being written by ${holder ? `process ${holder.pid} on ${holder.host} (${holder.command || 'newsledger'}, since ${holder.started})` : 'another process'}; ` +
        `run again when it is done, or add --wait to wait for it (lock file ${join(dir, LOCK_FILE)})`,
    );
  }
}

export interface LockOptions {
  /** Wait for a live holder instead of failing. */
  wait?: boolean;
  /** Give up waiting after this long (default: never). */
  waitMs?: number;
  /** What the holder is doing, for the message a second writer sees. */
  command?: string;
  log?: (line: string) => void;
}

/** Locks this process holds: path -> [token, depth]. A nested acquire of the same folder is free. */
const held = new Map<string, { token: string; depth: number }>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function readHolder(path: string): Promise<LockHolder | null | 'gone'> {
  try {
    const text = await readFile(path, 'utf8');
    try {
      const h = JSON.parse(text) as LockHolder;
      return typeof h.pid === 'number' && typeof h.host === 'string' ? h : null;
    } catch {
      return null; // being written, or damaged
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw err;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const [path, { token }] of held) {
      try {
        if ((JSON.parse(readFileSync(path, 'utf8')) as LockHolder).token === token) unlinkSync(path);
      } catch {
        // already gone
      }
    }
  });
}

/** Take the lock on `dir` (created if missing); resolves to the function that releases it. */
export async function acquireLock(dir: string, opts: LockOptions = {}): Promise<() => Promise<void>> {
  const path = resolve(dir, LOCK_FILE);
  const mine = held.get(path);
  if (mine) {
    mine.depth++;
    return releaser(path);
  }
  await mkdir(dir, { recursive: true });
  const me: LockHolder = { pid: process.pid, host: hostname(), command: opts.command ?? '', started: new Date().toISOString(), token: randomBytes(8).toString('hex') };
  const deadline = opts.waitMs !== undefined ? Date.now() + opts.waitMs : Infinity;
  let told = false;
  let unreadableSince = 0;
  for (;;) {
    try {
      await writeFile(path, JSON.stringify(me) + '\n', { flag: 'wx' });
      held.set(path, { token: me.token, depth: 1 });
      installExitHook();
      return releaser(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(path);
    if (holder === 'gone') continue;
    let stale = false;
    if (holder === null) {
      // Empty or half-written: its writer is between create and write. Stale once it stays so for a while.
      unreadableSince ||= Date.now();
      const age = Date.now() - ((await stat(path).catch(() => null))?.mtimeMs ?? Date.now());
      stale = Date.now() - unreadableSince > 2000 && age > 2000;
    } else {
      unreadableSince = 0;
      stale = holder.host === me.host && !alive(holder.pid);
    }
    if (stale) {
      // Move it aside before removing it, so two processes recovering at once cannot remove a fresh lock.
      const aside = `${path}.stale-${process.pid}-${me.token}`;
      try {
        await rename(path, aside);
        const moved = await readHolder(aside);
        const same = holder === null ? moved === null : moved !== 'gone' && moved !== null && moved.token === holder.token;
        if (!same) {
          // Someone took the lock between our read and the rename: put theirs back if the place is free.
          await writeFile(path, await readFile(aside), { flag: 'wx' }).catch(() => {});
        } else {
          opts.log?.(`${dir}: removed the stale lock of ${holder ? `process ${holder.pid} on ${holder.host}, which is no longer running` : 'a process that never finished writing it'}`);
        }
        await rm(aside, { force: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      continue;
    }
    if (!opts.wait || Date.now() > deadline) throw new LockedError(dir, holder);
    if (!told && holder) {
      told = true;
      opts.log?.(`${dir}: waiting for process ${holder.pid} on ${holder.host} (${holder.command || 'newsledger'}) to finish`);
    }
    await sleep(200);
  }
}

function releaser(path: string): () => Promise<void> {
  let done = false;
  return async () => {
    if (done) return;
    done = true;
    const mine = held.get(path);
    if (!mine || --mine.depth > 0) return;
    held.delete(path);
    const holder = await readHolder(path).catch(() => null);
    if (holder && holder !== 'gone' && holder.token === mine.token) await unlink(path).catch(() => {});
  };
}

/** Run `fn` holding the lock on `dir`. */
export async function withLock<T>(dir: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  const release = await acquireLock(dir, opts);
  try {
    return await fn();
  } finally {
    await release();
  }
}

/**
 * What killed writers leave in OUT: half-written version folders, temporary `latest` links and stage
 * folders. Only ever called by the holder of OUT's lock, when no other writer can be using them.
 * (Partial downloads, `.pull-<version>`, are kept: the next pull resumes them.)
 */
export async function removeLeftovers(out: string, log?: (line: string) => void): Promise<string[]> {
  const removed: string[] = [];
  const sweep = async (dir: string, match: (name: string) => boolean) => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (!match(name)) continue;
      await rm(join(dir, name), { recursive: true, force: true });
      removed.push(join(dir, name));
    }
  };
  await sweep(out, (n) => n.startsWith('.tmp-version-') || n.startsWith('.latest-') || n.startsWith(`${LOCK_FILE}.stale-`));
  await sweep(join(out, '.stages'), (n) => n.endsWith('.tmp'));
  if (removed.length) log?.(`removed ${removed.length} leftover temporary folder(s) of earlier, interrupted runs: ${removed.map((r) => r.slice(out.length + 1)).join(', ')}`);
  return removed;
}

/** Take OUT's lock for a writing command and clear what interrupted writers left. */
export async function withOutLock<T>(out: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  return withLock(out, opts, async () => {
    await removeLeftovers(out, opts.log);
    return fn();
  });
}
