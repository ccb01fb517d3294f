/**
 * report.html: one self-contained page per version. The charts are Vega-Lite specifications drawn by
 * vega-embed; Vega, Vega-Lite, vega-embed and the world map (world-atlas, Natural Earth 1:110m) are
 * read from node_modules and inlined, so the page opens from disk with no network. No clock, no
 * random and no absolute path goes in: the same figures give the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PLOVER_TYPES } from '../schema/tables.ts';
import type { Manifest } from '../dataset/version.ts';
import { LIMITS, PLOVER_QUAD, QUAD_CLASSES, type Aggregates, type Ranked } from './aggregate.ts';

/** What changed since the previous version, per table (from src/dataset/diff.ts). */
export interface ChangeSummary {
  code_changed: boolean;
  previous_code: Manifest['code'] | null;
  tables: Record<string, { rows_a: number; rows_b: number; added: number; removed: number; changed: number; unchanged: number; columns: Record<string, number> }>;
}

/** Everything the page shows besides the aggregates; all of it is known before the version is named. */
export interface ReportContext {
  dataset: string;
  counts: Record<string, number>;
  code: Manifest['code'];
  settings?: Record<string, string>;
  previous_version: string | null;
  /** null: first version; 'unavailable': the previous version's folder is not here to compare with. */
  changes: ChangeSummary | null | 'unavailable';
  /** The data files beside the page. */
  files: Array<{ path: string; bytes: number; rows?: number }>;
  /** Prefix of the links to the version's files: '' when the page is in the version folder. */
  linkBase?: string;
}

// ---- inlined libraries ------------------------------------------------------------------------

const require = createRequire(import.meta.url);

interface Library {
  name: string;
  version: string;
  license: string;
  homepage: string;
  code: string;
}

/** A package's folder, found as Node would find it (some packages do not export package.json). */
function packageDir(name: string): string {
  for (const base of require.resolve.paths(name) ?? []) if (existsSync(join(base, name, 'package.json'))) return join(base, name);
  throw new Error(`report.html needs the npm package ${name} (npm ci)`);
}

function packageInfo(name: string): { version: string; license: string; homepage: string } {
  const pkg = JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')) as { version: string; license: string; homepage?: string; repository?: { url?: string } | string };
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url ?? '';
  return { version: pkg.version, license: pkg.license, homepage: pkg.homepage ?? repo.replace(/^git\+/, '').replace(/\.git$/, '') };
}

let libraries: Library[] | null = null;
/** The browser builds, in load order (vega-lite and vega-embed find `vega` and `vegaLite` as globals). */
export function inlinedLibraries(): Library[] {
  libraries ??= [
    ['vega', 'build/vega.min.js'],
    ['vega-lite', 'build/vega-lite.min.js'],
    ['vega-embed', 'build/vega-embed.min.js'],
  ].map(([name, file]) => ({
    name,
    ...packageInfo(name),
    code: readFileSync(join(packageDir(name), file), 'utf8').replace(/\n?\/\/# sourceMappingURL=\S+\s*$/, ''),
  }));
  return libraries;
}

let topology: { json: unknown; version: string; license: string } | null = null;
/** Country outlines: world-atlas countries-110m.json (TopoJSON of Natural Earth's Admin 0 boundaries). */
export function worldTopology(): { json: unknown; version: string; license: string } {
  if (!topology) {
    const info = packageInfo('world-atlas');
    topology = { json: JSON.parse(readFileSync(join(packageDir('world-atlas'), 'countries-110m.json'), 'utf8')), version: info.version, license: info.license };
  }
  return topology;
}

// ---- formatting -------------------------------------------------------------------------------

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** 1234567 -> "1,234,567" (no locale: the same bytes everywhere). */
export const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const pct = (n: number, of: number) => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');
const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);
/** JSON for a <script type="application/json"> block: nothing in it can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
/** Library code inside <script>: no "</script" or "<!--" can end or confuse the element. */
const scriptCode = (code: string) => code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

// ---- charts -----------------------------------------------------------------------------------

type Spec = Record<string, unknown>;

const QUAD_COLOURS = ['#4e9ad0', '#1f5f99', '#f0a04b', '#c2352b'];
const TYPE_COLOURS = [
  // cooperation in blues and greens, conflict in oranges, reds and purples, in PLOVER's order
  '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#a1d99b', '#41ab5d', '#006d2c',
  '#fdd0a2', '#fdae6b', '#fd8d3c', '#e6550d', '#fcbba1', '#fb6a4a', '#cb181d', '#9e9ac8', '#54278f',
];
const BASE = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: { font: 'system-ui, sans-serif', view: { stroke: null }, axis: { labelFontSize: 11, titleFontSize: 12 } } };

function timeUnit(g: Aggregates['events']['timeline']['granularity']): string {
  return g === 'day' ? 'utcyearmonthdate' : g === 'month' ? 'utcyearmonth' : 'utcyear';
}

function overTime(rows: Array<Record<string, unknown>>, field: string, domain: readonly string[], colours: string[], g: Aggregates['events']['timeline']['granularity'], title: string): Spec {
  const unit = timeUnit(g);
  return {
    ...BASE,
    width: 820,
    height: 240,
    title,
    data: { values: rows },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      x: { field: 'period', type: 'ordinal', timeUnit: unit, title: g === 'day' ? 'day' : g, axis: { labelAngle: -45, labelOverlap: true } },
      y: { field: 'n', type: 'quantitative', aggregate: 'sum', title: 'events' },
      color: { field, type: 'nominal', scale: { domain: [...domain], range: colours }, title: field === 'type' ? 'PLOVER type' : 'quad class', legend: { columns: field === 'type' ? 2 : 1 } },
      order: { field: 'rank', type: 'quantitative' },
      tooltip: [
        { field: 'period', type: 'temporal', timeUnit: unit, title: g },
        { field, type: 'nominal', title: field === 'type' ? 'type' : 'quad class' },
        { field: 'n', type: 'quantitative', aggregate: 'sum', title: 'events' },
      ],
    },
  };
}

function rankedBars(list: Ranked[], title: string, what: string, colour: string, limit = 20): Spec {
  const values = list.slice(0, limit).map((r, i) => ({ name: r.name, n: r.n, country: r.country ?? '', rank: i }));
  return {
    ...BASE,
    width: 260,
    height: { step: 16 },
    title,
    data: { values },
    mark: { type: 'bar', color: colour, tooltip: true },
    encoding: {
      y: { field: 'name', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null, axis: { labelLimit: 190 } },
      x: { field: 'n', type: 'quantitative', title: what },
      tooltip: [
        { field: 'name', type: 'nominal', title: 'name' },
        { field: 'country', type: 'nominal', title: 'country' },
        { field: 'n', type: 'quantitative', title: what },
      ],
    },
  };
}

function typeBars(agg: Aggregates): Spec {
  const values = agg.events.types.filter((t) => (PLOVER_TYPES as readonly string[]).includes(t.name)).map((t, i) => ({ type: t.name, quad: PLOVER_QUAD[t.name as keyof typeof PLOVER_QUAD], n: t.n, rank: i }));
  return {
    ...BASE,
    width: 300,
    height: { step: 16 },
    title: 'Events by PLOVER type',
    data: { values },
    mark: { type: 'bar', tooltip: true },
    encoding: {
      y: { field: 'type', type: 'nominal', sort: { field: 'rank', order: 'ascending' }, title: null },
      x: { field: 'n', type: 'quantitative', title: 'events' },
      color: { field: 'quad', type: 'nominal', scale: { domain: [...QUAD_CLASSES], range: QUAD_COLOURS }, title: 'quad class' },
      tooltip: [{ field: 'type', type: 'nominal' }, { field: 'quad', type: 'nominal', title: 'quad class' }, { field: 'n', type: 'quantitative', title: 'events' }],
    },
  };
}

function worldMap(agg: Aggregates): Spec {
  const places = agg.events.places.map((p) => ({ location: p.location || '(unnamed)', country: p.country, latitude: p.lat, longitude: p.lon, n: p.n }));
  return {
    ...BASE,
    width: 860,
    height: 430,
    title: `Located events (${fmt(agg.events.located)}${agg.events.distinct_places > places.length ? `; the ${places.length} places with most events of ${fmt(agg.events.distinct_places)}` : ''})`,
    projection: { type: 'equalEarth' },
    layer: [
      { data: { values: { type: 'Sphere' } }, mark: { type: 'geoshape', fill: '#eef4f8', stroke: '#c9d6df', strokeWidth: 0.5 } },
      {
        data: { values: worldTopology().json, format: { type: 'topojson', feature: 'countries' } },
        mark: { type: 'geoshape', fill: '#d9dde1', stroke: '#ffffff', strokeWidth: 0.5 },
      },
      {
        data: { values: places },
        mark: { type: 'circle', color: '#c2352b', opacity: 0.65, stroke: '#7a1c15', strokeWidth: 0.5, tooltip: true },
        encoding: {
          longitude: { field: 'longitude', type: 'quantitative' },
          latitude: { field: 'latitude', type: 'quantitative' },
          size: { field: 'n', type: 'quantitative', title: 'events', scale: { type: 'sqrt', range: [12, 900], zero: true } },
          order: { field: 'n', type: 'quantitative', sort: 'descending' },
          tooltip: [
            { field: 'location', type: 'nominal', title: 'place' },
            { field: 'country', type: 'nominal', title: 'country' },
            { field: 'n', type: 'quantitative', title: 'events' },
          ],
        },
      },
    ],
  };
}

/** The Vega-Lite specifications of the page, by the id of the element each is drawn into. */
export function chartSpecs(agg: Aggregates): Record<string, Spec> {
  const tl = agg.events.timeline;
  const rank = new Map(PLOVER_TYPES.map((t, i) => [t as string, i]));
  const byType = tl.series.map((r) => ({ period: r.period, type: r.type, n: r.n, rank: rank.get(r.type) ?? 99 }));
  const quadSums = new Map<string, number>();
  for (const r of tl.series) {
    const key = `${r.period}|${PLOVER_QUAD[r.type as keyof typeof PLOVER_QUAD]}`;
    quadSums.set(key, (quadSums.get(key) ?? 0) + r.n);
  }
  const byQuad = [...quadSums.entries()].map(([k, n]) => {
    const [period, quad] = k.split('|');
    return { period, quad, n, rank: QUAD_CLASSES.indexOf(quad as never) };
  });
  const specs: Record<string, Spec> = {
    'chart-types-time': overTime(byType, 'type', PLOVER_TYPES, TYPE_COLOURS, tl.granularity, `Events by PLOVER type per ${tl.granularity}`),
    'chart-quads-time': overTime(byQuad, 'quad', QUAD_CLASSES, QUAD_COLOURS, tl.granularity, `Events by quad class per ${tl.granularity}`),
    'chart-types': typeBars(agg),
    'chart-actors': rankedBars(agg.events.actors, 'Top actors', 'events', '#3182bd'),
    'chart-recipients': rankedBars(agg.events.recipients, 'Top recipients', 'events', '#e6550d'),
    'chart-dyads': rankedBars(agg.events.dyads, 'Top dyads (actor country → recipient country)', 'events', '#756bb1'),
    'chart-speakers': rankedBars(agg.statements.speakers, 'Top speakers', 'statements', '#31a354'),
    'chart-map': worldMap(agg),
    'chart-rejects': rankedBars(agg.rejects.reasons, 'Rejects by reason', 'rejects', '#969696', LIMITS.reasons + 1),
  };
  return specs;
}

// ---- page -------------------------------------------------------------------------------------

function table(head: string[], rows: Array<Array<string | number>>, numeric: boolean[] = []): string {
  const cell = (v: string | number, i: number, tag: string) => `<${tag}${numeric[i] ? ' class="num"' : ''}>${typeof v === 'number' ? fmt(v) : v}</${tag}>`;
  return `<table>\n<thead><tr>${head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead>\n<tbody>\n${rows.map((r) => `<tr>${r.map((v, i) => cell(v, i, 'td')).join('')}</tr>`).join('\n')}\n</tbody>\n</table>`;
}

function rankedTable(list: Ranked[], what: string, withCountry = true): string {
  if (!list.length) return '<p class="empty">None.</p>';
  return table(['#', 'name', ...(withCountry ? ['country'] : []), what], list.map((r, i) => [i + 1, esc(r.name), ...(withCountry ? [esc(r.country ?? '')] : []), r.n]), [true, false, false, true]);
}

function card(id: string, label: string, n: number, note = ''): string {
  return `<div class="card"><div class="n" id="count-${id}" data-count="${n}">${fmt(n)}</div><div class="label">${esc(label)}</div>${note ? `<div class="note">${note}</div>` : ''}</div>`;
}

function changesSection(ctx: ReportContext): string {
  if (ctx.changes === null) return '<p>This is the first version in its folder: there is nothing to compare it with.</p>';
  if (ctx.changes === 'unavailable') return `<p>The previous version, <code>${esc(ctx.previous_version ?? '')}</code>, was not beside this one when the page was built, so the changes are not shown (<code>newsledger diff</code> compares any two versions).</p>`;
  const c = ctx.changes;
  const desc = (code: Manifest['code'] | null) => (code ? `${esc(code.package_version)} ${code.git_commit ? `<code>${esc(code.git_commit.slice(0, 12))}</code>` : 'no commit'}` : '?');
  const rows = Object.entries(c.tables).map(([t, d]) => [esc(t), d.rows_a, d.rows_b, d.added, d.removed, d.changed, d.unchanged, esc(Object.entries(d.columns).slice(0, 5).map(([k, n]) => `${k} ${fmt(n)}`).join(', '))]);
  return [
    `<p>Compared with the previous version, <code>${esc(ctx.previous_version ?? '')}</code>, keyed by ID. ${c.code_changed ? `The code changed (${desc(c.previous_code)} → ${desc(ctx.code)}).` : 'The code is the same.'}</p>`,
    `<div id="changes">${table(['table', 'rows before', 'rows after', 'added', 'removed', 'changed', 'unchanged', 'columns changed most'], rows, [false, true, true, true, true, true, true, false])}</div>`,
  ].join('\n');
}

function qualitySection(agg: Aggregates): string {
  const a = agg.articles;
  const e = agg.events;
  const s = agg.statements;
  const rows: Array<[string, number, number, string]> = [
    ['events dated from the publication date (no date in the text)', e.fallback_dates, e.total, 'events'],
    ['events without a date', e.undated, e.total, 'events'],
    ['events without an actor country', e.no_actor_country, e.total, 'events'],
    ['events without a recipient country', e.no_recipient_country, e.total, 'events'],
    ['events without any country', e.no_country, e.total, 'events'],
    ['events with a located place', e.located, e.total, 'events'],
    ['events planned (announced, intended, future)', e.planned, e.total, 'events'],
    ['statements without a speaker', s.no_speaker, s.total, 'statements'],
    ['statements without a speaker country', s.no_speaker_country, s.total, 'statements'],
    ['articles not extracted', a.total - a.extracted, a.total, 'articles'],
    ['duplicate articles (same or near-same story)', a.duplicates, a.total, 'articles'],
    ['non-English articles', a.non_english, a.total, 'articles'],
    ['articles with no language detected', a.no_language, a.total, 'articles'],
    ['articles without a publication date', a.no_published, a.total, 'articles'],
  ];
  const tl = e.timeline;
  return [
    `<div id="quality">${table(['measure', 'count', 'of', 'share'], rows.map(([m, n, of, what]) => [esc(m), n, `${fmt(of)} ${what}`, pct(n, of)]), [false, true, true, true])}</div>`,
    `<p class="note">The charts over time count ${fmt(tl.shown)} events by ${tl.granularity}${tl.from ? ` from ${tl.from} to ${tl.to}` : ''}; ${fmt(tl.outside)} dated outside the middle 98% of the dates and ${fmt(tl.imprecise)} dated less precisely than a ${tl.granularity} are left out of them. Planned (announced, intended, future): ${fmt(e.planned)}.</p>`,
    '<div class="grid">',
    `<div><h3>Date precision of events</h3>${rankedTable(e.precision, 'events', false)}</div>`,
    `<div><h3>Statements by kind</h3>${rankedTable(s.kinds, 'statements', false)}</div>`,
    `<div><h3>Articles by language</h3>${rankedTable(a.languages, 'articles', false)}</div>`,
    `<div><h3>Articles not extracted, by reason</h3>${rankedTable(a.skip_reasons, 'articles', false)}</div>`,
    `<div><h3>Publication date from</h3>${rankedTable(a.published_source, 'articles', false)}</div>`,
    `<div><h3>Rejects by stage</h3>${rankedTable(agg.rejects.stages, 'rejects', false)}</div>`,
    '</div>',
    agg.rejects.total ? '<div class="chart" id="chart-rejects"></div>' : '<p>No input was rejected.</p>',
  ].join('\n');
}

const BOOT = `(function () {
  var names = decodeURIComponent(location.pathname).match(/\\d{8}T\\d{6}Z-[0-9a-f]{8}/g);
  var el = document.getElementById('version-name');
  if (names && el) el.textContent = names[names.length - 1];
  var specs = JSON.parse(document.getElementById('report-specs').textContent);
  var jobs = Object.keys(specs).filter(function (id) { return document.getElementById(id); }).map(function (id) {
    return vegaEmbed('#' + id, specs[id], { actions: false, renderer: 'svg' }).then(function (r) {
      document.getElementById(id).setAttribute('data-rendered', 'true');
      return r;
    });
  });
  Promise.all(jobs).then(function () {
    document.body.setAttribute('data-charts', 'rendered');
  }, function (err) {
    document.body.setAttribute('data-charts', 'failed');
    console.error('report.html: a chart failed to render:', err);
  });
})();`;

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; color: #1d252c; margin: 0; background: #fff; }
header { background: #1d3557; color: #fff; padding: 18px 32px; }
header h1 { margin: 0 0 4px; font-size: 24px; }
header a { color: #cfe3f5; }
nav { font-size: 13px; margin-top: 6px; }
nav a { margin-right: 14px; }
main { padding: 8px 32px 40px; max-width: 1100px; }
h2 { border-bottom: 2px solid #e3e8ec; padding-bottom: 4px; margin-top: 36px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { border: 1px solid #d8dee4; border-radius: 6px; padding: 10px 16px; min-width: 120px; }
.card .n { font-size: 26px; font-weight: 600; }
.card .label { color: #4a5560; }
.card .note, p.note { color: #5f6b76; font-size: 13px; }
table { border-collapse: collapse; margin: 6px 0 12px; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e8ec; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; padding-left: 12px; }
code { font-size: 12px; background: #f3f5f7; padding: 1px 4px; border-radius: 3px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 24px; }
.pair { display: flex; flex-wrap: wrap; gap: 8px 40px; align-items: flex-start; }
.chart { margin: 10px 0; min-height: 40px; }
details { margin: 4px 0 16px; }
summary { cursor: pointer; color: #1d3557; }
footer { color: #5f6b76; font-size: 12px; margin-top: 40px; }
p.empty { color: #5f6b76; }
`;

/** The whole page. */
export function reportHtml(agg: Aggregates, ctx: ReportContext): string {
  const base = ctx.linkBase ?? '';
  const link = (path: string, text = path) => `<a href="${esc(base + encodeURI(path))}">${esc(text)}</a>`;
  const libs = inlinedLibraries();
  const topo = worldTopology();
  const specs = chartSpecs(agg);
  if (!agg.rejects.total) delete specs['chart-rejects'];
  const e = agg.events;
  const settings = Object.entries(ctx.settings ?? {}).sort((x, y) => (x[0] < y[0] ? -1 : 1));
  const inputFiles = ctx.counts.input_files ?? 0;
  const recordsIn = ctx.counts.records_in ?? 0;
  const body = [
    `<header><h1>${esc(ctx.dataset)} <span id="version-name">version</span> <small>report</small></h1>`,
    `<div>${ctx.previous_version ? `Previous version: <code>${esc(ctx.previous_version)}</code>.` : 'First version.'} Built from ${fmt(inputFiles)} input files (${fmt(recordsIn)} records) by code ${esc(ctx.code.package_version)}${ctx.code.git_commit ? ` <code>${esc(ctx.code.git_commit.slice(0, 12))}</code>` : ''}.</div>`,
    `<nav>${link('CODEBOOK.md')}${link('datapackage.json')}${link('manifest.json')}${link('SHA256SUMS')}<a href="#files">data files</a><a href="#time">over time</a><a href="#who">who</a><a href="#map">map</a><a href="#quality">quality</a></nav></header>`,
    '<main>',
    '<h2 id="counts">Counts</h2>',
    `<div class="cards">${card('articles', 'articles', agg.articles.total, `${fmt(agg.articles.extracted)} extracted`)}${card('statements', 'statements', agg.statements.total, `${fmt(agg.statements.distinct_speakers)} speakers`)}${card('events', 'events', e.total, `${fmt(e.located)} located`)}${card('rejects', 'rejects', agg.rejects.total)}${card('input-files', 'input files', inputFiles, `${fmt(recordsIn)} records`)}</div>`,
    '<h2 id="changes-since">Changes since the previous version</h2>',
    changesSection(ctx),
    '<h2 id="time">Events over time</h2>',
    e.timeline.series.length ? '<div class="chart" id="chart-types-time"></div>\n<div class="chart" id="chart-quads-time"></div>' : `<p class="empty">No event has a date precise enough to chart${e.total ? '' : ' (there are no events)'}.</p>`,
    '<div class="pair"><div class="chart" id="chart-types"></div>',
    `<div><h3>Quad classes (PLOVER)</h3>${table(['quad class', 'types', 'events', 'share'], QUAD_CLASSES.map((q) => [esc(q), PLOVER_TYPES.filter((t) => PLOVER_QUAD[t] === q).join(', '), e.quads.find((r) => r.name === q)?.n ?? 0, pct(e.quads.find((r) => r.name === q)?.n ?? 0, e.total)]), [false, false, true, true])}</div></div>`,
    '<h2 id="who">Who</h2>',
    `<p class="note">${fmt(e.distinct_actors)} distinct actors, ${fmt(e.distinct_recipients)} recipients, ${fmt(e.distinct_dyads)} country dyads and ${fmt(agg.statements.distinct_speakers)} speakers; the charts show the top 20, the tables the top ${LIMITS.top}.</p>`,
    '<div class="pair"><div class="chart" id="chart-actors"></div><div class="chart" id="chart-recipients"></div></div>',
    '<div class="pair"><div class="chart" id="chart-dyads"></div><div class="chart" id="chart-speakers"></div></div>',
    `<details><summary>Top ${LIMITS.top} actors</summary>${rankedTable(e.actors, 'events')}</details>`,
    `<details><summary>Top ${LIMITS.top} recipients</summary>${rankedTable(e.recipients, 'events')}</details>`,
    `<details><summary>Top ${LIMITS.top} dyads</summary>${rankedTable(e.dyads, 'events', false)}</details>`,
    `<details><summary>Top ${LIMITS.top} speakers</summary>${rankedTable(agg.statements.speakers, 'statements')}</details>`,
    '<h2 id="map">Where</h2>',
    `<div class="chart" id="chart-map" data-places="${e.places.length}"></div>`,
    e.located ? '' : '<p class="empty">No event names a place with coordinates.</p>',
    '<h2 id="quality-figures">Data quality</h2>',
    qualitySection(agg),
    '<h2 id="settings">Settings and code</h2>',
    table(['', ''], [
      ...settings.map(([k, v]) => [`setting <code>${esc(k)}</code>`, esc(v)]),
      ['package version', esc(ctx.code.package_version)],
      ['git commit', ctx.code.git_commit ? `<code>${esc(ctx.code.git_commit)}</code>` : '(not a git checkout)'],
      ['code fingerprint', `<code>${esc(ctx.code.fingerprint)}</code>`],
    ]),
    '<h2 id="files">Files</h2>',
    `<p>Beside this page: ${link('CODEBOOK.md')} (every column), ${link('datapackage.json')} (Frictionless Data Package), ${link('manifest.json')} (checksums, inputs, build time) and ${link('SHA256SUMS')}.</p>`,
    table(['file', 'rows', 'size'], ctx.files.map((f) => [link(f.path), f.rows ?? '', bytes(f.bytes)]), [false, true, true]),
    `<footer>Made by the package stage of newsledger from this version's files; counts and top lists only. Charts: ${libs.map((l) => `${esc(l.name)} ${esc(l.version)} (${esc(l.license)})`).join(', ')}, inlined. Map: world-atlas ${esc(topo.version)} (${esc(topo.license)}), Natural Earth 1:110m country boundaries (public domain). Quad classes follow PLOVER's grouping of its types.</footer>`,
    '</main>',
  ].join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(ctx.dataset)} version report</title>`,
    `<style>${STYLE}</style>`,
    ...libs.map((l) => `<script>/* ${l.name} ${l.version}, ${l.license}, ${l.homepage} */\n${scriptCode(l.code)}\n</script>`),
    '</head>',
    '<body>',
    body,
    `<script type="application/json" id="report-specs">${scriptJson(specs)}</script>`,
    `<script>\n${BOOT}\n</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
