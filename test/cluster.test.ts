/**
 * Issue 16: builds spread over workers with BullMQ on Redis. A private redis-server on a free loopback
 * port in a temporary folder, started here and stopped at the end; two `newsledger worker` processes;
 * our own fixtures (the repository's raw/ samples and generated articles). The cluster build must
 * give the version a local build gives, also when a worker is SIGKILLed or the coordinator is killed
 * and started again; bad payloads, bad results, workers of other code, a Redis unreachable, silent or
 * killed mid-build must give clear errors and no version, without hanging. After a build Redis holds no
 * key of it and its memory is back but for Redis's once-per-server bookkeeping (docs/scale.md, "Redis
 * memory"). Skipped, saying why, where redis-server is not installed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile, appendFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { checkResultJob, parseBatchJob, PROTOCOL, refusal, type BatchJob } from '../src/cluster/protocol.ts';
import { ResultSpool } from '../src/cluster/spool.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'bin/newsledger');
const REDIS_SERVER = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).stdout.trim();
if (!REDIS_SERVER) console.warn('test/cluster.test.ts: cluster tests SKIPPED: redis-server is not installed (apt-get install redis-server; .ci/run installs it)');

let dir: string;
let raw: string;
let port: number;
let url: string;
let redis: ChildProcess | null = null;
let db: Redis;
const workers: ChildProcess[] = [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
}

async function until<T>(what: string, ms: number, fn: () => Promise<T | undefined | false> | T | undefined | false): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A news-like article of our own. */
function article(seed: number): string {
  const people = ['Anna Berg', 'Carlos Mendes', 'Li Wei', 'Fatima Okafor', 'John Smith', 'Maria Rossi'];
  const topics = ['wheat exports', 'the port strike', 'fuel subsidies', 'the border talks', 'steel tariffs', 'the rail contract'];
  const cities = ['Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Accra', 'Quito'];
  const pick = <T,>(a: T[], k: number) => a[(seed * 7 + k * 13) % a.length];
  return (
    [
      `Report ${seed} on ${pick(topics, 0)}`,
      `"We will review ${pick(topics, 1)} within ${seed % 60 + 2} days," ${pick(people, 2)}, the finance minister, said on Monday in ${pick(cities, 3)}.`,
      `Police arrested ${seed % 30 + 3} protesters in ${pick(cities, 4)} on Tuesday after a march over ${pick(topics, 5)}, case ${seed}.`,
      `${pick(people, 6)} told reporters the government would sign the ${pick(topics, 7)} agreement with ${pick(cities, 8)} next week.`,
    ].join('\n\n') + '\n'
  );
}

/** Run the CLI; resolves with its exit code and stderr. */
function cli(args: string[], opts: { onStderr?: (all: string, child: ChildProcess) => void; timeoutMs?: number } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(CLI, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000);
    child.stderr!.on('data', (d) => {
      stderr += d;
      opts.onStderr?.(stderr, child);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

function startWorker(args: string[] = [], bin = CLI): ChildProcess & { log: string } {
  const w = spawn(bin, ['worker', '--redis', url, '--jobs', '1', ...args], { stdio: ['ignore', 'ignore', 'pipe'] }) as ChildProcess & { log: string };
  w.log = '';
  w.stderr!.on('data', (d) => (w.log += d));
  workers.push(w);
  return w;
}

/** SHA256SUMS of a version without the manifest's line (the manifest holds the build time), and the version's fingerprint. */
async function sums(out: string): Promise<string> {
  const text = await readFile(join(out, 'latest', 'SHA256SUMS'), 'utf8');
  return text.split('\n').filter((l) => l && !l.endsWith('manifest.json')).join('\n');
}

const spoolLines = async (out: string) => (await readFile(join(out, '.cache', 'remote.spool'), 'utf8').catch(() => '')).split('\n').length - 1;

const versions = async (out: string) => (existsSync(out) ? (await readdir(out)).filter((f) => /^\d{8}T/.test(f)) : []);

/** Keys every running worker of queue `q` writes again within seconds (its stalled-job check): theirs, not a build's. */
const workerKeys = (q: string) => [`bull:${q}:meta`, `bull:${q}:stalled-check`];

async function allKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await db.scan(cursor, 'COUNT', 1000);
    keys.push(...batch);
    cursor = next;
  } while (cursor !== '0');
  return keys.sort();
}

/**
 * Redis's memory as the build can change it. `rest` is used_memory less what Redis keeps for itself
 * once per server, whoever ran the commands: the Lua script cache (BullMQ's scripts, each loaded once),
 * the latency histograms (reset before measuring), and the open connections' buffers (the workers',
 * which come and go with their commands; the coordinator's are closed: see `clients`).
 */
async function memory() {
  // Frees the latency histograms (one per command name ever run, ~24 KB each on Redis 7): measuring one's
  // size by difference is at the mercy of the machine's load, so both measurements start from none.
  await db.config('RESETSTAT');
  const fields = (text: string) => Object.fromEntries(text.split(/\r?\n/).filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 1)]));
  const m = fields(await db.info('memory'));
  const histograms = ((await db.info('latencystats')).match(/^latency_percentiles_usec_/gm) ?? []).length;
  const clients = Number(fields(await db.info('clients')).connected_clients);
  const used = Number(m.used_memory);
  const scripts = Number(m.used_memory_scripts_eval ?? m.used_memory_scripts ?? 0);
  const clientBuffers = Number(m.mem_clients_normal);
  return { used, scripts, clientBuffers, histograms, clients, rest: used - scripts - clientBuffers };
}
/** What `rest` may move by with nothing of a build left: a worker's 16 KB input buffer is counted with its connection or not depending on the moment (measured: 17,112 bytes). */
const REST_NOISE = 32 * 1024;

describe.skipIf(!REDIS_SERVER)('cluster builds through BullMQ on a private redis-server', () => {
  let localSums: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'newsledger-cluster-'));
    raw = join(dir, 'raw');
    await cp(join(ROOT, 'raw'), raw, { recursive: true });
    for (let i = 0; i < 40; i++) await writeFile(join(raw, `gen-${String(i).padStart(3, '0')}.txt`), article(i));
    await writeFile(join(raw, 'gen-dup.txt'), article(7)); // a duplicate: marked by the coordinator, in order
    port = await freePort();
    url = `redis://127.0.0.1:${port}`;
    await mkdir(join(dir, 'redis'));
    // No slow log: what it keeps (up to 128 commands that took over 10 ms) depends on the machine's load, not on the build.
    redis = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--slowlog-log-slower-than', '-1', '--dir', join(dir, 'redis')], { stdio: 'ignore' });
    db = new Redis(url, { maxRetriesPerRequest: 1, retryStrategy: () => 200 });
    db.on('error', () => {});
    await until('redis-server to answer', 15_000, async () => (await db.ping().catch(() => null)) === 'PONG');
    const local = await cli(['build', '--raw', raw, '--out', join(dir, 'local'), '--jobs', '1', '--quiet']);
    expect(local.code, local.stderr).toBe(0);
    localSums = await sums(join(dir, 'local'));
    startWorker();
    startWorker();
  }, 180_000);

  afterAll(async () => {
    for (const w of workers) w.kill('SIGKILL');
    db?.disconnect();
    redis?.kill('SIGTERM');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('two workers build the version a local build makes, and Redis is left as it was found', async () => {
    await until('the workers to connect', 30_000, async () => (await memory()).clients >= 7); // ours, and 3 per worker
    const before = await memory();
    const r = await cli(['build', '--raw', raw, '--out', join(dir, 'c1'), '--redis', url, '--batch-size', '4', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/cluster +\d+ articles from workers \(2 seen\)/);
    expect(await sums(join(dir, 'c1'))).toBe(localSums);
    expect(existsSync(join(dir, 'c1', '.cache', 'remote.spool'))).toBe(false);
    // No key of the build is left: payloads, results, both queues (only what the idle workers write)...
    expect((await allKeys()).filter((k) => !workerKeys('newsledger').includes(k))).toEqual([]);
    // ...the coordinator's connections are closed (the server sees it within moments), and the memory is
    // back to what it was but for Redis's once-per-server bookkeeping (docs/scale.md). Measured again
    // for a few seconds: Redis updates its per-connection figures as it goes, so `rest` moves for a moment.
    let after = await memory();
    await until('the connections and the memory as before the build', 15_000, async () => {
      after = await memory();
      return after.clients === before.clients && after.rest - before.rest <= REST_NOISE;
    }).catch(() => {});
    expect(after.clients).toBe(before.clients);
    // (one-sided: on a loaded machine the idle workers' buffers shrink by 100 KB and more between readings;
    // what must not happen is memory the build left behind)
    expect(after.rest - before.rest, JSON.stringify({ before, after })).toBeLessThanOrEqual(REST_NOISE);
  }, 150_000);

  it('a worker SIGKILLed in the middle of extract: its jobs run again elsewhere, the same version', async () => {
    const [w1] = workers.filter((w) => w.exitCode === null);
    const out = join(dir, 'c2');
    let watch: NodeJS.Timeout | undefined;
    let killedAt = 0;
    const r = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--batch-size', '4', '--quiet'], {
      onStderr: (all) => {
        // At the first extract result (the spool holds the running stage's results only), while both
        // workers hold extract batches.
        if (watch || !/^segment /m.test(all)) return;
        watch = setInterval(async () => {
          if (killedAt || (await spoolLines(out)) === 0) return;
          killedAt = Date.now();
          w1.kill('SIGKILL');
          clearInterval(watch);
        }, 50);
      },
    });
    clearInterval(watch);
    expect(killedAt).toBeGreaterThan(0);
    expect(r.code, r.stderr).toBe(0);
    // The killed worker's batches waited for their lock to expire (LOCK_MS) before running elsewhere.
    expect(Date.now() - killedAt).toBeGreaterThan(4000);
    expect(await sums(out)).toBe(localSums);
    startWorker(); // two again for the tests below
  }, 150_000);

  it('a coordinator killed mid-build starts again from what it had collected', async () => {
    const out = join(dir, 'c3');
    let watch: NodeJS.Timeout | undefined;
    const first = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--batch-size', '4', '--quiet'], {
      onStderr: (all, child) => {
        // Once extract is running, kill the coordinator as soon as its spool holds an extract result.
        if (watch || !/^segment /m.test(all)) return;
        watch = setInterval(async () => {
          if ((await spoolLines(out)) > 0) {
            child.kill('SIGKILL');
            clearInterval(watch);
          }
        }, 50);
      },
    });
    clearInterval(watch);
    expect(first.code, first.stderr).toBe(null); // killed
    expect(await versions(out)).toEqual([]);
    const again = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--batch-size', '4', '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    // clean and segment come from the article cache; extract's finished batches from the spool.
    expect(again.stderr).toMatch(/^segment +up to date/m);
    expect(again.stderr).toMatch(/[1-9]\d* from the spool/);
    expect(await sums(out)).toBe(localSums);
  }, 150_000);

  it('a malformed job payload fails that job at once, with the reason, and the workers go on', async () => {
    const conn = new Redis(url, { maxRetriesPerRequest: null });
    const q = new Queue('newsledger', { connection: conn });
    try {
      const job = await q.add('batch', { protocol: PROTOCOL, tasks: 'not a list' }, { attempts: 3 });
      const state = await until('the job to fail', 20_000, async () => ((await q.getJobState(job.id!)) === 'failed' ? 'failed' : undefined));
      expect(state).toBe('failed');
      const failed = (await q.getJob(job.id!))!;
      expect(failed.failedReason).toMatch(/^malformed job payload: fingerprint must be/);
      expect(failed.attemptsMade).toBe(1); // not retried: the same data would fail again
      await failed.remove();
    } finally {
      await q.close();
      conn.disconnect();
    }
    expect(workers.filter((w) => w.exitCode === null && w.signalCode === null).length).toBe(2);
  });

  it('results that fail the schema stop the build with the reason; no version', async () => {
    // A rogue worker on a queue of its own answers every batch with nonsense.
    const conn = new Redis(url, { maxRetriesPerRequest: null });
    const results = new Queue('rogue.results', { connection: conn });
    const rogue = new Worker(
      'rogue',
      async (job) => {
        const data = job.data as BatchJob;
        await results.add('result', { protocol: PROTOCOL, batch: job.id, keys: data.keys, outcomes: data.tasks.map((t) => ({ task: t.task, ok: true, value: { nonsense: 1 } })), worker: 'rogue:1' });
      },
      { connection: conn },
    );
    try {
      const out = join(dir, 'c4');
      const r = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--queue', 'rogue', '--quiet']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/fails the schema \(outcome 0: clean: expected/);
      expect(r.stderr).toMatch(/newsledger: 3 results for the same batch failed the schema/);
      expect(await versions(out)).toEqual([]);
    } finally {
      await rogue.close();
      await results.obliterate({ force: true });
      await results.close();
      conn.disconnect();
    }
  }, 60_000);

  it('a worker of another code version refuses, saying why; the build stops with the reason', async () => {
    // Another checkout: the same files with one comment added to the cleaner.
    const other = join(dir, 'other-checkout');
    for (const d of ['src', 'pipeline', 'bin']) await cp(join(ROOT, d), join(other, d), { recursive: true });
    for (const f of ['package.json', 'package-lock.json', 'tsconfig.json']) await cp(join(ROOT, f), join(other, f));
    await symlink(join(ROOT, 'node_modules'), join(other, 'node_modules'));
    await appendFile(join(other, 'src/text/clean.ts'), '\n// another version\n');
    const stale = startWorker(['--queue', 'stale'], join(other, 'bin/newsledger'));
    await until('the stale worker to start', 30_000, () => /waiting for jobs/.test(stale.log));
    const out = join(dir, 'c5');
    const r = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--queue', 'stale', '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/newsledger: workers refuse this build's jobs: refused: this worker runs code [0-9a-f]{12}, the build needs code [0-9a-f]{12}/);
    expect(stale.log).toMatch(/refused: this worker runs code/);
    expect(await versions(out)).toEqual([]);
    stale.kill('SIGTERM');
  }, 90_000);

  it('Redis unreachable: a clear error at once, exit code 69, nothing built', async () => {
    const out = join(dir, 'c6');
    let t0 = Date.now();
    const r = await cli(['build', '--raw', raw, '--out', out, '--redis', `redis://127.0.0.1:${await freePort()}`, '--quiet'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(69);
    expect(Date.now() - t0).toBeLessThan(30_000);
    expect(r.stderr).toMatch(/newsledger: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: .*ECONNREFUSED/);
    expect(existsSync(join(out, '.stages', 'ingest'))).toBe(false);
    expect(await versions(out)).toEqual([]);
    // A server that takes the connection and never answers (not Redis, a stuck proxy): no hang either.
    const silent = createServer(() => {});
    await new Promise<void>((res) => silent.listen(0, '127.0.0.1', res));
    try {
      t0 = Date.now();
      const s = await cli(['build', '--raw', raw, '--out', out, '--redis', `redis://127.0.0.1:${(silent.address() as { port: number }).port}`, '--quiet'], { timeoutMs: 60_000 });
      expect(s.code, s.stderr).toBe(69);
      expect(Date.now() - t0).toBeLessThan(40_000);
      expect(s.stderr).toMatch(/newsledger: cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+\/?: no answer within 10 s \(is it a Redis server\?\)/);
      expect(existsSync(join(out, '.stages', 'ingest'))).toBe(false);
      expect(await versions(out)).toEqual([]);
    } finally {
      silent.close();
    }
    const w = await cli(['worker', '--redis', 'http://127.0.0.1:1']);
    expect(w.code).toBe(1);
    expect(w.stderr).toMatch(/--redis must start with redis:\/\//);
  }, 120_000);

  // Last: it stops the private redis-server.
  it('Redis gone in the middle of a build: the build stops with the reason, exit code 1, no version', async () => {
    const out = join(dir, 'c7');
    let killedAt = 0;
    const r = await cli(['build', '--raw', raw, '--out', out, '--redis', url, '--batch-size', '4', '--quiet'], {
      timeoutMs: 120_000,
      onStderr: (all) => {
        // clean is done: segment's batches are in Redis or on the workers.
        if (killedAt || !/^clean /m.test(all)) return;
        killedAt = Date.now();
        redis!.kill('SIGKILL');
      },
    });
    expect(killedAt).toBeGreaterThan(0);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/newsledger: lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+\/? for 30 s; no version written \(run the build again to resume\)/);
    expect(r.stderr).not.toMatch(/^package /m);
    // REDIS_LOST_MS (30 s), then connections cut and the process ends: no hang.
    expect(Date.now() - killedAt).toBeLessThan(75_000);
    expect(await versions(out)).toEqual([]);
  }, 150_000);
});

describe('the cluster protocol', () => {
  const fp = { code: 'a'.repeat(64), runtime: 'node=20 icu=74' };
  const job: BatchJob = { protocol: PROTOCOL, fingerprint: fp, settings: { statement_scope: 'speech', max_rejects_per_file: 10, home_country: '' }, tasks: [{ task: 'segment', line: '{}' }], keys: ['k'] };

  it('takes a well-formed job and names what is wrong with a malformed one', () => {
    expect(parseBatchJob(job)).toEqual(job);
    expect(() => parseBatchJob([1])).toThrow(/malformed job payload: expected an object, got an array/);
    expect(() => parseBatchJob({ ...job, tasks: [{ task: 'package', line: '' }] })).toThrow(/task 0 must be/);
    expect(() => parseBatchJob({ ...job, keys: [] })).toThrow(/keys must be one string per task/);
    expect(() => parseBatchJob({ ...job, settings: { statement_scope: 'all' } })).toThrow(/settings must hold/);
  });

  it('refuses other code or another ICU, and checks each result against its task', () => {
    expect(refusal(fp, fp)).toBeNull();
    expect(refusal({ ...fp, code: 'b'.repeat(64) }, fp)).toMatch(/^refused: this worker runs code bbbbbbbbbbbb, the build needs code aaaaaaaaaaaa/);
    expect(refusal({ ...fp, runtime: 'node=20 icu=73' }, fp)).toMatch(/ICU/);
    const result = { protocol: PROTOCOL, batch: 'b-1', keys: ['k'], outcomes: [{ task: 'segment', ok: true, value: { line: '{}', sentences: 2 } }], worker: 'h:1' };
    expect(checkResultJob(result)).toEqual(result);
    expect(checkResultJob({ ...result, outcomes: [{ task: 'segment', ok: true, value: { line: 3 } }] })).toMatch(/outcome 0: segment: expected/);
    expect(checkResultJob({ ...result, outcomes: [{ task: 'extract', ok: true, value: { article: '{}', statements: [1], events: [] } }] })).toMatch(/extract: expected/);
    expect(checkResultJob({ ...result, keys: [] })).toMatch(/one outcome per key/);
    expect(checkResultJob({ ...result, outcomes: [{ task: 'clean', ok: false, error: 'boom' }] })).not.toBeTypeOf('string');
  });

  it('the spool keeps what was appended, across a reopen, and drops a torn last line', async () => {
    const d = await mkdtemp(join(tmpdir(), 'newsledger-spool-'));
    try {
      const path = join(d, 'remote.spool');
      const k = (c: string) => c.repeat(64);
      const s1 = new ResultSpool(path);
      await s1.open();
      s1.put(k('a'), JSON.stringify({ v: 'é1' }));
      s1.put(k('b'), JSON.stringify({ v: 2 }));
      s1.close();
      await appendFile(path, `${k('c')}\t{"torn":`); // a kill in the middle of an append
      const s2 = new ResultSpool(path);
      await s2.open();
      expect([s2.entries, s2.get(k('a')), s2.get(k('b')), s2.has(k('c'))]).toEqual([2, '{"v":"é1"}', '{"v":2}', false]);
      s2.put(k('d'), '{"v":4}');
      s2.close();
      const s3 = new ResultSpool(path);
      await s3.open();
      expect([s3.entries, s3.get(k('d')), s3.get(k('a'))]).toEqual([3, '{"v":4}', '{"v":"é1"}']);
      await s3.remove();
      expect(existsSync(path)).toBe(false);
    } finally {
      await rm(d, { recursive: true, force: true });
    }
  });
});
