/**
 * report.html: the figures from a hand-made version folder; the page of a real build (the samples plus
 * two bad files) listed, verified, byte-identical across two builds and rebuilt by `newsledger report`;
 * the changes of a second version; and the page in headless Chromium: it renders, shows the version's
 * counts, draws every chart and the map, logs no console error and asks nothing of the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cp, mkdir, mkdtemp, readFile, rename, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { verifyVersion } from '../src/dataset/verify.ts';
import type { WriteResult } from '../src/dataset/version.ts';
import { aggregate, PLOVER_QUAD, skipKind } from '../src/report/aggregate.ts';
import { chartSpecs, fmt } from '../src/report/page.ts';
import { rebuildReport } from '../src/report/index.ts';
import { diffVersions, RowIndexWriter } from '../src/dataset/diff.ts';
import { TABLE_NAMES, TABLES } from '../src/schema/tables.ts';
import { PLOVER_TYPES } from '../src/schema/tables.ts';
import { sha256 } from '../src/util/ids.ts';
import { Browser, findChromium } from './support/chromium.ts';

const ROOT = join(__dirname, '..');
const REMOVED = '002_bb12d731cec2f8ab.txt';
let dir: string;
let v1: WriteResult;
let twin: WriteResult;
let v2: WriteResult;

const jsonl = (rows: object[]) => rows.map((r) => JSON.stringify(r) + '\n').join('');
const event = (o: Record<string, unknown>) => ({ event_type: 'AGREE', actor: '', actor_country: '', recipient: '', recipient_country: '', date: '', date_precision: '', date_is_fallback: false, location: '', location_country: '', latitude: null, longitude: null, planned: false, ...o });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-report-'));
  const raw = join(dir, 'raw');
  await cp(join(ROOT, 'raw'), raw, { recursive: true });
  await writeFile(join(raw, 'empty.txt'), '');
  await writeFile(join(raw, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  v1 = await build(buildPaths(raw, join(dir, 'out')));
  twin = await build(buildPaths(raw, join(dir, 'twin')));
  await rm(join(raw, REMOVED));
  await copyFile(join(ROOT, 'test/fixtures/versions/added.txt'), join(raw, 'added.txt'));
  v2 = await build(buildPaths(raw, join(dir, 'out')));
}, 180_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('report figures', () => {
  it('counts, ranks, maps and puts events on a time axis from a version folder', async () => {
    const vdir = join(dir, 'hand');
    await mkdir(vdir, { recursive: true });
    await writeFile(join(vdir, 'articles.jsonl'), jsonl([
      { article_id: 'a1', extracted: true, language: 'en', published: '2022-03-01', published_source: 'metadata', duplicate_of: '', skip_reason: '' },
      { article_id: 'a2', extracted: false, language: 'en', published: '', published_source: '', duplicate_of: 'a1', skip_reason: 'duplicate of art_0000000000000001 (same text)' },
      { article_id: 'a3', extracted: false, language: 'fr', published: '2022-03-02', published_source: 'text', duplicate_of: '', skip_reason: 'not English (fr: le, la); statements and events are extracted from English only' },
    ]));
    await writeFile(join(vdir, 'statements.jsonl'), jsonl([
      { kind: 'direct', speaker: 'Ana Lind', speaker_country: 'SWE' },
      { kind: 'indirect', speaker: 'Ana Lind', speaker_country: '' },
      { kind: 'direct', speaker: 'Bo Berg', speaker_country: 'NOR' },
      { kind: 'mixed', speaker: '', speaker_country: '' },
    ]));
    const kabul = { location: 'Kabul', location_country: 'AFG', latitude: 34.5281, longitude: 69.1723 };
    await writeFile(join(vdir, 'events.jsonl'), jsonl([
      event({ event_type: 'ASSAULT', actor: 'Taliban', actor_country: 'AFG', recipient: 'Kabul police', recipient_country: 'AFG', date: '2022-03-01', date_precision: 'day', ...kabul }),
      event({ event_type: 'ASSAULT', actor: 'Taliban', actor_country: 'AFG', date: '2022-03-01', date_precision: 'day', ...kabul }),
      event({ event_type: 'CONSULT', actor: 'United States', actor_country: 'USA', recipient: 'Pakistan', recipient_country: 'PAK', date: '2022-03-03', date_precision: 'day', date_is_fallback: true, location: 'Islamabad', location_country: 'PAK', latitude: 33.72, longitude: 73.06 }),
      event({ event_type: 'REQUEST', actor: 'United States', actor_country: 'USA', recipient: 'Afghanistan', recipient_country: 'AFG', date: '2022-03', date_precision: 'month' }),
      event({ event_type: 'AID', date: '1950', date_precision: 'year' }),
      event({ event_type: 'AID' }),
    ]));
    await writeFile(join(vdir, 'rejects.jsonl'), jsonl([
      { stage: 'ingest', reason: 'empty file' },
      { stage: 'ingest', reason: 'empty file' },
      { stage: 'clean', reason: 'no text left after boilerplate removal' },
    ]));
    const a = await aggregate(vdir);
    expect(a.articles).toMatchObject({ total: 3, extracted: 1, duplicates: 1, non_english: 1, no_published: 1 });
    expect(a.articles.skip_reasons).toEqual([{ name: 'duplicate', n: 1 }, { name: 'not English', n: 1 }]);
    expect(a.statements).toMatchObject({ total: 4, no_speaker: 1, no_speaker_country: 2, distinct_speakers: 2 });
    expect(a.statements.speakers).toEqual([{ name: 'Ana Lind', n: 2, country: 'SWE' }, { name: 'Bo Berg', n: 1, country: 'NOR' }]);
    expect(a.events).toMatchObject({ total: 6, fallback_dates: 1, undated: 1, no_actor_country: 2, no_recipient_country: 3, no_country: 2, located: 3, distinct_places: 2 });
    expect(a.events.types.map((t) => t.name)).toEqual([...PLOVER_TYPES]);
    expect(a.events.types.find((t) => t.name === 'ASSAULT')!.n).toBe(2);
    expect(a.events.quads).toEqual([
      { name: 'verbal cooperation', n: 1 },
      { name: 'material cooperation', n: 2 },
      { name: 'verbal conflict', n: 1 },
      { name: 'material conflict', n: 2 },
    ]);
    expect(a.events.actors).toEqual([{ name: 'Taliban', n: 2, country: 'AFG' }, { name: 'United States', n: 2, country: 'USA' }]);
    expect(a.events.dyads).toEqual([{ name: 'AFG → AFG', n: 1 }, { name: 'USA → AFG', n: 1 }, { name: 'USA → PAK', n: 1 }]);
    expect(a.events.places).toEqual([
      { location: 'Kabul', country: 'AFG', lat: 34.53, lon: 69.17, n: 2 },
      { location: 'Islamabad', country: 'PAK', lat: 33.72, lon: 73.06, n: 1 },
    ]);
    // Three days of dates: by day; the month-only and year-only events are too imprecise for the axis.
    expect(a.events.timeline).toMatchObject({ granularity: 'day', from: '2022-03-01', to: '2022-03-03', shown: 3, imprecise: 2, outside: 0 });
    expect(a.events.timeline.series).toEqual([
      { period: '2022-03-01', type: 'ASSAULT', n: 2 },
      { period: '2022-03-03', type: 'CONSULT', n: 1 },
    ]);
    expect(a.rejects).toEqual({ total: 3, reasons: [{ name: 'empty file', n: 2 }, { name: 'no text left after boilerplate removal', n: 1 }], stages: [{ name: 'ingest', n: 2 }, { name: 'clean', n: 1 }] });
    // The specifications carry the figures, with every PLOVER type in its quad class's colour order.
    const specs = chartSpecs(a);
    expect(Object.keys(specs)).toContain('chart-map');
    expect(JSON.stringify(specs['chart-types-time'])).toContain('"utcyearmonthdate"');
  });

  it('chooses months for a longer span and leaves stray dates outside the middle 98%', async () => {
    const vdir = join(dir, 'months');
    await mkdir(vdir, { recursive: true });
    const rows = [];
    for (let m = 1; m <= 12; m++) for (let i = 0; i < 10; i++) rows.push(event({ event_type: 'PROTEST', date: `1987-${String(m).padStart(2, '0')}-1${i % 9}`, date_precision: 'day' }));
    rows.push(event({ event_type: 'PROTEST', date: '1950-05-01', date_precision: 'day' }));
    await writeFile(join(vdir, 'events.jsonl'), jsonl(rows));
    const t = (await aggregate(vdir)).events.timeline;
    expect(t).toMatchObject({ granularity: 'month', from: '1987-01-01', to: '1987-12-01', shown: 120, outside: 1, imprecise: 0 });
    expect(t.series).toHaveLength(12);
  });

  it('maps every PLOVER type to one quad class and names skip reasons by kind', () => {
    expect(Object.keys(PLOVER_QUAD).sort()).toEqual([...PLOVER_TYPES].sort());
    expect(skipKind('duplicate of art_1234567890abcdef (near copy, 91% of shingles alike); not English (de)')).toBe('duplicate');
    expect(fmt(1234567)).toBe('1,234,567');
    expect(fmt(999)).toBe('999');
  });
});

describe('report.html in a version', () => {
  it('is listed in SHA256SUMS and the manifest, and the version verifies; a changed byte does not', async () => {
    const sums = await readFile(join(v1.dir, 'SHA256SUMS'), 'utf8');
    const html = await readFile(join(v1.dir, 'report.html'));
    expect(sums).toContain(`${sha256(html)}  report.html\n`);
    expect(v1.manifest.documents.map((d) => d.path)).toContain('report.html');
    expect((await verifyVersion(v1.dir)).ok).toBe(true);
    const copy = join(dir, 'tampered');
    await cp(v1.dir, copy, { recursive: true });
    const page = await readFile(join(copy, 'report.html'), 'utf8');
    await writeFile(join(copy, 'report.html'), page.replace('data-count="', 'data-count="1'));
    const r = await verifyVersion(copy);
    expect(r.ok).toBe(false);
    expect(r.problems[0].file).toBe('report.html');
  });

  it('is byte-identical across two builds of the same inputs, small, and free of local paths', async () => {
    const [a, b] = [await readFile(join(v1.dir, 'report.html')), await readFile(join(twin.dir, 'report.html'))];
    expect(sha256(a)).toBe(sha256(b));
    expect(twin.version).toBe(v1.version.replace(/^\d{8}T\d{6}Z/, twin.version.slice(0, 16)));
    expect(a.length).toBeLessThan(3 * 1024 * 1024);
    const text = a.toString('utf8');
    // (booleans, not toContain: a failure would print the whole megabyte)
    expect(text.includes(dir)).toBe(false);
    expect(text.includes(ROOT)).toBe(false);
    const markup = text.replace(/<script>[\s\S]*?<\/script>/g, ''); // the page without the inlined libraries
    expect(markup.length).toBeLessThan(200_000);
    expect(/<script[^>]+src=|<link[^>]+href=|<img[^>]+src=|<iframe/.test(markup)).toBe(false);
    expect(text).toContain(`data-count="${v1.manifest.counts.events}"`);
  });

  it('shows what changed since the previous version, from the diff', async () => {
    expect(v2.manifest.previous_version).toBe(v1.version);
    const page = await readFile(join(v2.dir, 'report.html'), 'utf8');
    const changes = /<div id="changes">([\s\S]*?)<\/div>/.exec(page)![1];
    const row = /<tr><td>articles<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/.exec(changes)!;
    expect(row.slice(1).map(Number)).toEqual([v1.manifest.counts.articles, v2.manifest.counts.articles, 1, 1]);
    expect(page).toContain(`Previous version: <code>${v1.version}</code>`);
    expect(await readFile(join(v1.dir, 'report.html'), 'utf8')).toContain('This is the first version');
  });

  it('diffs from the row indexes written while packaging exactly as from the JSONL files', async () => {
    // The package stage keeps the latest version's row indexes; v2's page was diffed against v1's.
    const kept = join(dir, 'out', '.cache', 'rows');
    expect(JSON.parse(await readFile(join(kept, 'index.json'), 'utf8')).version).toBe(v2.version);
    // v1's indexes, made here from its JSONL files as the package stage makes them.
    const indexA: Record<string, string> = {};
    for (const t of TABLE_NAMES) {
      const w = new RowIndexWriter((indexA[t] = join(dir, `v1-${t}.idx`)), TABLES[t].primaryKey);
      for (const line of (await readFile(join(v1.dir, `${t}.jsonl`), 'utf8')).split('\n').filter(Boolean)) await w.add(JSON.parse(line), line);
      await w.close();
    }
    const indexB = Object.fromEntries(TABLE_NAMES.map((t) => [t, join(kept, `${t}.idx`)]));
    const plain = await diffVersions(v1.dir, v2.dir, { outDir: join(dir, 'diff-plain') });
    const indexed = await diffVersions(v1.dir, v2.dir, { outDir: join(dir, 'diff-indexed'), indexA, indexB });
    expect(indexed.tables).toEqual(plain.tables);
    expect(plain.tables.articles).toMatchObject({ added: 1, removed: 1 });
    for (const f of ['delta.jsonl', 'CHANGES.md']) expect(await readFile(join(dir, 'diff-indexed', f), 'utf8')).toBe(await readFile(join(dir, 'diff-plain', f), 'utf8'));
  });

  it('newsledger report rebuilds the same bytes, restores a deleted page, and writes elsewhere when it cannot match', async () => {
    const reportsDir = join(dir, 'out', 'reports');
    const same = await rebuildReport(v2.dir, { reportsDir });
    expect(same).toMatchObject({ written: null, matches_manifest: true });
    await rm(join(v2.dir, 'report.html'));
    const restored = await rebuildReport(v2.dir, { reportsDir });
    expect(restored.written).toBe(join(v2.dir, 'report.html'));
    expect((await verifyVersion(v2.dir)).ok).toBe(true);
    const cli = spawnSync(join(ROOT, 'bin/newsledger'), ['report', v2.version, '--out', join(dir, 'out')], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect(cli.stderr).toContain('identical to the page in the version folder');
    // Without the previous version beside it the changes cannot be shown: the page goes to OUT/reports.
    const moved = join(dir, 'moved-v1');
    await rename(v1.dir, moved);
    try {
      const r = await rebuildReport(v2.dir, { reportsDir });
      expect(r.written).toBe(join(reportsDir, `${v2.version}.html`));
      const page = await readFile(r.written!, 'utf8');
      expect(page).toContain('was not beside this one');
      expect(page).toContain(`href="../${v2.version}/events.csv"`);
      expect((await verifyVersion(v2.dir)).ok).toBe(true);
    } finally {
      await rename(moved, v1.dir);
    }
  });
});

const chromium = findChromium();
if (!chromium) console.warn('report.test.ts: headless Chromium tests SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM=/path/to/chrome)');

describe.skipIf(!chromium)('report.html in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await Browser.launch(chromium);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders, shows the counts, draws every chart and the map, logs no error and uses no network', async () => {
    const page = await browser.open(pathToFileURL(join(v1.dir, 'report.html')).href);
    expect(await page.waitFor<string>("document.body.getAttribute('data-charts')", 45_000)).toBe('rendered');
    const seen = await page.evaluate<{ counts: Record<string, string>; version: string; charts: Array<{ id: string; rendered: boolean; marks: number; svg: boolean }>; countries: number; points: number; places: number }>(`(() => {
      const counts = {};
      for (const el of document.querySelectorAll('[id^="count-"]')) counts[el.id.slice(6)] = el.textContent;
      const charts = [...document.querySelectorAll('.chart')].map((el) => ({
        id: el.id,
        rendered: el.getAttribute('data-rendered') === 'true',
        svg: !!el.querySelector('svg'),
        marks: el.querySelectorAll('svg .role-mark path, svg .role-mark text').length,
      }));
      const map = document.getElementById('chart-map');
      return {
        counts,
        version: document.getElementById('version-name').textContent,
        charts,
        countries: map.querySelectorAll('svg .mark-shape path').length,
        points: map.querySelectorAll('svg .mark-symbol.role-mark path').length,
        places: Number(map.getAttribute('data-places')),
      };
    })()`);
    const m = v1.manifest.counts;
    expect(seen.counts).toMatchObject({ articles: fmt(m.articles), statements: fmt(m.statements), events: fmt(m.events), rejects: fmt(m.rejects) });
    expect(m.rejects).toBeGreaterThan(0);
    expect(seen.version).toBe(v1.version);
    const ids = seen.charts.map((c) => c.id);
    for (const id of ['chart-types-time', 'chart-quads-time', 'chart-types', 'chart-actors', 'chart-recipients', 'chart-dyads', 'chart-speakers', 'chart-map', 'chart-rejects']) expect(ids).toContain(id);
    for (const c of seen.charts) {
      expect(c, c.id).toMatchObject({ rendered: true, svg: true });
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
    expect(seen.countries).toBeGreaterThan(150); // Natural Earth 1:110m has 177 countries
    expect(seen.places).toBeGreaterThan(0);
    expect(seen.points).toBe(seen.places);
    expect(page.log.errors).toEqual([]);
    expect(page.log.requests.filter((u) => !/^(file|data|blob|about):/.test(u))).toEqual([]);
    const shot = join(dir, 'report.png');
    const size = await page.screenshot(shot);
    expect(size.height).toBeGreaterThan(2000);
    expect((await stat(shot)).size).toBeGreaterThan(50_000);
  });
});
