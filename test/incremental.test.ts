/**
 * Issue 15: worker threads and the article cache change nothing in the data. A build with one worker
 * and with two, a cached rebuild and a fresh one, a build killed mid-way and built again: the same
 * data files, byte for byte. Articles are our own (the repository's raw/ samples and generated text).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile, readdir, stat } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths, readStageRecord, type BuildPaths } from '../src/dataset/stage.ts';
import { orderedMap, WorkerPool } from '../src/dataset/pool.ts';
import { TASKS } from '../src/dataset/per-article.ts';
import { ArticleCache } from '../src/dataset/cache.ts';
import { Progress } from '../src/dataset/progress.ts';
import { segmented } from './support/articles.ts';
import { TABLE_NAMES } from '../src/schema/tables.ts';

const ROOT = join(__dirname, '..');
let dir: string;

/** A news-like article of our own, different in most of its words from every other seed. */
function article(seed: number): string {
  let x = seed * 2654435761 + 12345;
  const rnd = (n: number) => {
    x = (Math.imul(x ^ (x >>> 15), 2246822507) + 0x6d2b79f5) >>> 0;
    return x % n;
  };
  const people = ['Anna Berg', 'Carlos Mendes', 'Li Wei', 'Fatima Okafor', 'John Smith', 'Maria Rossi', 'Ivan Petrov', 'Aisha Khan'];
  const roles = ['the finance minister', 'a spokesman for the ministry', 'the central bank governor', 'the opposition leader', 'the union chief'];
  const topics = ['wheat exports', 'the port strike', 'fuel subsidies', 'the border talks', 'steel tariffs', 'the rail contract', 'water rationing', 'the copper mine'];
  const verbs = ['said', 'told reporters', 'warned', 'announced', 'added'];
  const lines: string[] = [`Report ${seed} on ${topics[rnd(topics.length)]}`];
  for (let p = 0; p < 3; p++) {
    const who = people[rnd(people.length)];
    const topic = topics[rnd(topics.length)];
    lines.push(
      `"We will review ${topic} within ${rnd(90) + 2} days," ${who}, ${roles[rnd(roles.length)]}, ${verbs[rnd(verbs.length)]} on ${['Monday', 'Tuesday', 'Friday'][rnd(3)]}. ` +
        `Officials in ${['Nairobi', 'Lima', 'Hanoi', 'Oslo', 'Accra', 'Quito'][rnd(6)]} met ${rnd(40) + 3} delegates about ${topic} and case ${seed}-${p}-${rnd(1e6)}. ` +
        `Protesters marched through the capital on ${rnd(28) + 1} March demanding ${rnd(9) + 1} percent more for ${topic}.`,
    );
  }
  return lines.join('\n\n') + '\n';
}

/** The data files of a version (every table in every format), name to bytes. */
async function dataFiles(versionDir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const f of (await readdir(versionDir)).sort()) {
    if (TABLE_NAMES.some((t) => f.startsWith(`${t}.`))) files.set(f, await readFile(join(versionDir, f)));
  }
  expect(files.size).toBe(TABLE_NAMES.length * 4);
  return files;
}

async function expectSameData(a: string, b: string) {
  const [fa, fb] = await Promise.all([dataFiles(a), dataFiles(b)]);
  expect([...fa.keys()]).toEqual([...fb.keys()]);
  for (const [name, bytes] of fa) expect(bytes.equals(fb.get(name)!), `${name} differs`).toBe(true);
}

const quiet = { quiet: true };
const counts = async (p: BuildPaths, stage: 'clean' | 'segment' | 'extract') => (await readStageRecord(p, stage))!.counts;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-incremental-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the worker pool', () => {
  it('answers in input order whatever order the workers finish in, and a throw costs its item only', async () => {
    const pool = new WorkerPool<{ n: number; ms?: number }, number>(new URL('./fixtures/pool-task.ts', import.meta.url), 2, { offset: 1 });
    try {
      const inputs = [5, 4, -1, 3, 2, 1, 0].map((n, i) => ({ n, ms: (7 - i) * 15 }));
      const answers = await Promise.allSettled(inputs.map((i) => pool.run(i)));
      expect(answers.map((a) => (a.status === 'fulfilled' ? a.value : (a.reason as Error).message))).toEqual([11, 9, 'negative: -1', 7, 5, 3, 1]);
      // The pool still works after a throw.
      expect(await pool.run({ n: 10 })).toBe(21);
    } finally {
      await pool.close();
    }
  });

  it('starts its workers with the resource limits it was given', async () => {
    const limited = new WorkerPool<{ n: number; limits: boolean }, number>(new URL('./fixtures/pool-task.ts', import.meta.url), 1, { offset: 0 }, { maxYoungGenerationSizeMb: 24 });
    const plain = new WorkerPool<{ n: number; limits: boolean }, number>(new URL('./fixtures/pool-task.ts', import.meta.url), 1, { offset: 0 });
    try {
      expect(await limited.run({ n: 0, limits: true })).toBe(24);
      expect(await plain.run({ n: 0, limits: true })).not.toBe(24);
    } finally {
      await Promise.all([limited.close(), plain.close()]);
    }
  });

  it('orderedMap hands results on in input order, with a bounded window', async () => {
    const pool = new WorkerPool<unknown, number>(new URL('./fixtures/pool-task.ts', import.meta.url), 2, { offset: 0 });
    async function* items() {
      for (let n = 0; n < 40; n++) yield { n, ms: (n * 7) % 11 };
    }
    const seen: number[] = [];
    try {
      await orderedMap(items(), { jobs: 2, pool, local: () => -1, window: 4 }, async (o) => void seen.push(o));
    } finally {
      await pool.close();
    }
    expect(seen).toEqual(Array.from({ length: 40 }, (_, n) => n * 2));
  });

  it('orderedMap sends a miss far ahead to the workers while the hits before it are handed on, within its bounds', async () => {
    // 300 items, all answered by `before` (cache hits) but 250 and 251: those reach the "workers" first.
    const events: string[] = [];
    let readAhead = 0;
    let atWorkers = 0;
    let maxAtWorkers = 0;
    const pool = {
      run: async (input: unknown) => {
        const n = input as number;
        events.push(`run ${n}`);
        maxAtWorkers = Math.max(maxAtWorkers, ++atWorkers);
        await new Promise((r) => setTimeout(r, 5));
        atWorkers--;
        return -n;
      },
      close: async () => {},
    };
    async function* items() {
      for (let n = 0; n < 300; n++) {
        readAhead++;
        yield n;
      }
    }
    const seen: number[] = [];
    let maxAhead = 0;
    await orderedMap<number, number, number>(
      items(),
      { jobs: 2, pool, window: 1, lookahead: 260, local: () => 0, before: async (n) => (n === 250 || n === 251 ? undefined : n), hit: async (n) => n * 10 },
      async (o) => {
        maxAhead = Math.max(maxAhead, readAhead - seen.length);
        seen.push(o);
        events.push(`sink ${o}`);
        await new Promise((r) => setImmediate(r));
      },
    );
    expect(seen).toEqual(Array.from({ length: 300 }, (_, n) => (n === 250 || n === 251 ? -n : n * 10)));
    expect(events.indexOf('run 250')).toBeLessThan(events.indexOf('sink 100'));
    // Bounds: one item at a time with the workers, never more than 260 read ahead.
    expect(maxAtWorkers).toBe(1);
    expect(maxAhead).toBeLessThanOrEqual(261);
  });

  it('an extractor that throws on one article in a worker makes a reject and an unextracted article row', async () => {
    const pool = new WorkerPool<unknown, { article: string; statements: string[]; events: string[]; reject?: string }>(TASKS, 2, buildPaths('raw', 'out').settings);
    try {
      const good = segmented('"We will not raise taxes," the minister said on Tuesday.');
      // Sentence spans that are not an array: the statements extractor throws on it.
      const bad = { ...good, article_id: 'art_00000000000000bb', sentences: 7 };
      const [g, b] = await Promise.all([pool.run({ task: 'extract', line: JSON.stringify(good) }), pool.run({ task: 'extract', line: JSON.stringify(bad) })]);
      expect(g.reject).toBeUndefined();
      expect(g.statements.length).toBeGreaterThan(0);
      expect(b.reject).toMatch(/extraction failed/);
      expect(b.statements).toEqual([]);
      expect(JSON.parse(b.article)).toMatchObject({ article_id: 'art_00000000000000bb', extracted: false });
    } finally {
      await pool.close();
    }
  });
});

describe('the article cache', () => {
  it('finds unchanged entries in order, misses changed ones, and keeps the old pack when a run fails', async () => {
    const out = join(dir, 'cache-unit');
    const c1 = new ArticleCache(out, 'extract', 'salt');
    await c1.open();
    for (const l of ['a', 'b', 'c', 'd']) {
      expect(await c1.get(c1.key(l))).toBeUndefined();
      await c1.put(c1.key(l), JSON.stringify(l.toUpperCase()));
    }
    await c1.commit();
    const c2 = new ArticleCache(out, 'extract', 'salt');
    await c2.open();
    // b removed, x added, d changed to e
    const got = [];
    for (const l of ['a', 'x', 'c', 'e']) got.push(await c2.get(c2.key(l)));
    expect(got).toEqual(['"A"', undefined, '"C"', undefined]);
    expect([c2.hits, c2.misses]).toEqual([2, 2]);
    await c2.abandon(); // a failed run: the pack on disk is still the first one
    const c3 = new ArticleCache(out, 'extract', 'other salt');
    await c3.open();
    expect(await c3.get(c3.key('a'))).toBeUndefined(); // another code or settings: another key
    await c3.abandon();
    const c4 = new ArticleCache(out, 'extract', 'salt');
    await c4.open();
    expect(await c4.get(c4.key('d'))).toBe('"D"');
    await c4.abandon();
  });

  it('finds values of any length: many small ones and some longer than its read block', async () => {
    const out = join(dir, 'cache-long');
    const value = (i: number) => JSON.stringify(i % 97 === 5 ? `${i}é`.repeat(400_000 + i) : `v${i}`);
    const c1 = new ArticleCache(out, 'clean', 'salt');
    await c1.open();
    for (let i = 0; i < 3000; i++) await c1.put(c1.key(`line ${i}`), value(i));
    await c1.commit();
    const c2 = new ArticleCache(out, 'clean', 'salt');
    await c2.open();
    // Every other line: found ones in order, each the value put; the rest are misses.
    const found = [];
    for (let i = 0; i < 3000; i += 2) found.push(await c2.locate(c2.key(`line ${i}`)));
    expect(await c2.get(c2.key('line 1'))).toBeUndefined(); // passed over: dropped
    for (let i = 0; i < 3000; i += 2) expect(await c2.read(found[i / 2]!), `line ${i}`).toBe(value(i));
    expect([c2.hits, c2.misses]).toEqual([1500, 1]);
    await c2.abandon();
  });
});

describe('builds', () => {
  let raw: string;
  beforeAll(async () => {
    raw = join(dir, 'raw');
    await cp(join(ROOT, 'raw'), raw, { recursive: true });
    for (let i = 0; i < 12; i++) await writeFile(join(raw, `gen_${String(i).padStart(3, '0')}.txt`), article(i));
  });

  it('one worker and two workers write the same data files', async () => {
    const one = await build(buildPaths(raw, join(dir, 'jobs1')), { jobs: 1, cache: false, ...quiet });
    const two = await build(buildPaths(raw, join(dir, 'jobs2')), { jobs: 2, cache: false, ...quiet });
    await expectSameData(one.dir, two.dir);
    expect(one.manifest.counts.statements).toBeGreaterThan(10);
  });

  it('a cached rebuild equals a fresh build: an article added, one changed, one removed, a duplicate appearing and disappearing', async () => {
    const out = join(dir, 'cached');
    const p = buildPaths(raw, out);
    await build(p, { jobs: 2, ...quiet });
    expect((await counts(p, 'extract')).cached).toBe(0);

    // A new article, one changed, one removed, and a copy of an existing one (a duplicate appears).
    await writeFile(join(raw, 'gen_100.txt'), article(100));
    await writeFile(join(raw, 'gen_003.txt'), article(3).replace('Protesters marched', 'Thousands of protesters marched'));
    await rm(join(raw, 'gen_005.txt'));
    await writeFile(join(raw, 'gen_007_copy.txt'), await readFile(join(raw, 'gen_007.txt')));
    const cached = await build(p, { jobs: 2, ...quiet });
    const c = await counts(p, 'extract');
    // Unchanged articles come from the cache: only the new, the changed and the duplicate are redone.
    expect(c.articles).toBe(17 + 1);
    expect(c.cached).toBe(c.articles - 3);
    // Ingest reads again only the new, the changed and the copied file.
    expect((await readStageRecord(p, 'ingest'))!.counts).toMatchObject({ files: 18, cached_files: 15 });
    // A second run keeps its cache: the files it took from the cache are in the new pack too.
    await build(p, { jobs: 2, force: true, ...quiet });
    expect((await readStageRecord(p, 'ingest'))!.counts).toMatchObject({ files: 18, cached_files: 18 });
    const fresh = await build(buildPaths(raw, join(dir, 'fresh1')), { jobs: 1, cache: false, ...quiet });
    await expectSameData(cached.dir, fresh.dir);
    const articles = (await readFile(join(cached.dir, 'articles.jsonl'), 'utf8')).split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(articles.filter((a) => a.duplicate_of).length).toBeGreaterThan(0);

    // The original goes: the copy is no longer a duplicate, and is extracted.
    await rm(join(raw, 'gen_007.txt'));
    const again = await build(p, { jobs: 2, ...quiet });
    const fresh2 = await build(buildPaths(raw, join(dir, 'fresh2')), { jobs: 2, cache: false, ...quiet });
    await expectSameData(again.dir, fresh2.dir);
    expect((await counts(p, 'extract')).cached).toBe((await counts(p, 'extract')).articles - 1);

    // Nothing changed: no stage runs, no new version.
    const noop = await build(p, { jobs: 2, ...quiet });
    expect(noop.created).toBe(false);
    expect(noop.version).toBe(again.version);
  }, 240_000);

  it("ingest's file cache keeps IDs right when a URL shared by two files stops being shared", async () => {
    const rawU = join(dir, 'raw-urls');
    await mkdir(rawU, { recursive: true });
    const rec = (title: string, url: string, body: string) => JSON.stringify({ title, maintext: body, url, date_publish: '2022-03-08 14:05:00', language: 'en' }) + '\n';
    const body = (n: number) => `The council approved budget plan ${n} on Tuesday, the mayor said. It covers ${n * 7} schools and ${n + 3} clinics in the north.`;
    await writeFile(join(rawU, 'a.jsonl'), rec('First', 'https://news.example/shared', body(1)));
    await writeFile(join(rawU, 'b.jsonl'), rec('Second', 'https://news.example/shared', body(2)) + rec('Third', 'https://news.example/own', body(3)));
    const p = buildPaths(rawU, join(dir, 'urls'));
    await build(p, { jobs: 1, ...quiet });
    // b.jsonl's first record fell back to its file key (the URL was a.jsonl's): not reusable once a.jsonl goes.
    await rm(join(rawU, 'a.jsonl'));
    const cachedV = await build(p, { jobs: 1, ...quiet });
    const freshV = await build(buildPaths(rawU, join(dir, 'urls-fresh')), { jobs: 1, cache: false, ...quiet });
    await expectSameData(cachedV.dir, freshV.dir);
    expect((await readStageRecord(p, 'ingest'))!.counts).toMatchObject({ files: 1, cached_files: 0 });
  });

  it('a build killed mid-way, then built again, gives the version a fresh build gives', async () => {
    const big = join(dir, 'raw-big');
    await cp(raw, big, { recursive: true });
    for (let i = 200; i < 360; i++) await writeFile(join(big, `gen_${i}.txt`), article(i));
    const out = join(dir, 'killed');
    const child = spawn(join(ROOT, 'bin/newsledger'), ['build', '--raw', big, '--out', out, '--jobs', '2', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((r) => child.on('exit', r));
    // Kill it once extract has started writing (its cache pack or its stage folder exists).
    for (let i = 0; i < 1200 && child.exitCode === null; i++) {
      if (existsSync(join(out, '.cache', 'extract.pack.tmp')) && (await stat(join(out, '.cache', 'extract.pack.tmp'))).size > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const killedMidway = child.exitCode === null;
    child.kill('SIGKILL');
    await exited;
    expect(killedMidway).toBe(true);
    expect(existsSync(join(out, 'latest'))).toBe(false);
    const rebuilt = await build(buildPaths(big, out), { jobs: 2, ...quiet });
    const fresh = await build(buildPaths(big, join(dir, 'fresh-big')), { jobs: 2, cache: false, ...quiet });
    await expectSameData(rebuilt.dir, fresh.dir);
  }, 240_000);
});

describe('progress', () => {
  it('writes nothing on a pipe for a short stage, a line per interval on a long one, nothing when quiet', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (s: string) => lines.push(s) } as unknown as NodeJS.WriteStream;
    const short = new Progress('extract', 10, 'articles', { stream });
    for (let i = 0; i < 10; i++) short.tick();
    short.end();
    expect(lines).toEqual([]);
    const every = new Progress('extract', 10, 'articles', { stream, pipeEvery: 0 });
    every.tick();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^extract\s+1\/10 articles \(10%\), \d+\/s, ETA \d+:\d\d\n$/);
    const quietOne = new Progress('extract', 10, 'articles', { stream, pipeEvery: 0, quiet: true });
    quietOne.tick();
    expect(lines).toHaveLength(1);
  });
});
