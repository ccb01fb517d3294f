/**
 * The figures of report.html, aggregated from a version's own JSONL files in one streaming pass per
 * table. Only counts and top lists leave this module, never rows, so the page stays small whatever
 * the corpus size. Every list has a fixed order (count descending, then name by code unit), so the same
 * version always gives the same figures.
 */
import { join } from 'node:path';
import { readJsonl } from '../util/jsonl.ts';
import { exists } from '../util/files.ts';
import { PLOVER_QUAD, PLOVER_TYPES, QUAD_CLASSES, type Row } from '../schema/tables.ts';

export { PLOVER_QUAD, QUAD_CLASSES };

/** How many entries the top lists keep, and how many located places the map shows. */
export const LIMITS = { top: 50, places: 500, reasons: 20, periods: 400 } as const;

export type Granularity = 'day' | 'month' | 'year';

export interface Ranked {
  name: string;
  n: number;
  /** Country (ISO 3166-1 alpha-3) most often given with the name, when any. */
  country?: string;
}

export interface Place {
  location: string;
  country: string;
  lat: number;
  lon: number;
  n: number;
}

export interface Aggregates {
  articles: {
    total: number;
    extracted: number;
    duplicates: number;
    non_english: number;
    no_language: number;
    no_published: number;
    languages: Ranked[];
    skip_reasons: Ranked[];
    published_source: Ranked[];
  };
  statements: {
    total: number;
    kinds: Ranked[];
    no_speaker: number;
    no_speaker_country: number;
    speakers: Ranked[];
    distinct_speakers: number;
  };
  events: {
    total: number;
    types: Ranked[];
    quads: Ranked[];
    fallback_dates: number;
    undated: number;
    precision: Ranked[];
    no_actor_country: number;
    no_recipient_country: number;
    no_country: number;
    planned: number;
    actors: Ranked[];
    recipients: Ranked[];
    dyads: Ranked[];
    distinct_actors: number;
    distinct_recipients: number;
    distinct_dyads: number;
    located: number;
    places: Place[];
    distinct_places: number;
    /** Events per period and type, for the periods of `timeline`. */
    timeline: {
      granularity: Granularity;
      /** First and last period shown (YYYY-MM-DD), null when no event has a date that precise. */
      from: string | null;
      to: string | null;
      /** Events counted in the chart; the rest are outside the window or less precise than `granularity`. */
      shown: number;
      outside: number;
      imprecise: number;
      series: Array<{ period: string; type: string; n: number }>;
    };
  };
  rejects: { total: number; reasons: Ranked[]; stages: Ranked[] };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A counter of names, each remembering the countries given with it. */
class Tally {
  private m = new Map<string, { n: number; countries: Map<string, number> | null }>();
  add(name: string, country = '', by = 1): void {
    let e = this.m.get(name);
    if (!e) this.m.set(name, (e = { n: 0, countries: null }));
    e.n += by;
    if (country) {
      e.countries ??= new Map();
      e.countries.set(country, (e.countries.get(country) ?? 0) + by);
    }
  }
  get size(): number {
    return this.m.size;
  }
  get(name: string): number {
    return this.m.get(name)?.n ?? 0;
  }
  /** Count descending, then name; `limit` entries, the rest summed into `other` when asked. */
  top(limit = Infinity, other?: string): Ranked[] {
    const all = [...this.m.entries()].sort((a, b) => b[1].n - a[1].n || byCode(a[0], b[0]));
    const out: Ranked[] = all.slice(0, limit).map(([name, e]) => {
      const r: Ranked = { name, n: e.n };
      if (e.countries) r.country = [...e.countries.entries()].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]))[0][0];
      return r;
    });
    if (other && all.length > limit) out.push({ name: other, n: all.slice(limit).reduce((s, [, e]) => s + e.n, 0) });
    return out;
  }
  /** Every name in a fixed order of names (zeros included), then any others by count. */
  inOrder(names: readonly string[]): Ranked[] {
    const rest = this.top().filter((r) => !names.includes(r.name));
    return [...names.map((name) => ({ name, n: this.get(name) })), ...rest];
  }
}

async function* rowsOf(dir: string, table: string): AsyncGenerator<Row> {
  const path = join(dir, `${table}.jsonl`);
  if (await exists(path)) yield* readJsonl<Row>(path);
}

/** The kind of a skip reason, without the article IDs and evidence that make each one unique. */
export const skipKind = (reason: string): string =>
  /^duplicate\b/.test(reason) ? 'duplicate' : /^not English\b/.test(reason) ? 'not English' : reason.replace(/\s*[(;].*$/, '').slice(0, 80);

const isTrue = (v: unknown) => v === true || v === 'true';

/** Nearest-rank quantile of a sorted histogram (key ascending). */
function quantile(hist: Array<[string, number]>, total: number, q: number): string {
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [k, n] of hist) {
    seen += n;
    if (seen >= rank) return k;
  }
  return hist[hist.length - 1][0];
}

const DAY_MS = 86_400_000;
const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / DAY_MS;

/** Periods from `from` to `to` inclusive at a granularity, as YYYY-MM-DD of their first day. */
function periodsBetween(from: string, to: string, g: Granularity): string[] {
  const out: string[] = [];
  let y = +from.slice(0, 4);
  let m = +from.slice(5, 7);
  let d = +from.slice(8, 10);
  for (let i = 0; i < 100_000; i++) {
    const p = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (p > to) break;
    out.push(p);
    if (g === 'year') y++;
    else if (g === 'month') (m = m === 12 ? 1 : m + 1), m === 1 && y++;
    else {
      const next = new Date((dayNumber(p) + 1) * DAY_MS);
      [y, m, d] = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
    }
  }
  return out;
}

const periodOf = (date: string, g: Granularity): string | null => {
  if (g === 'day') return /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
  if (g === 'month') return /^\d{4}-\d{2}/.test(date) ? `${date.slice(0, 7)}-01` : null;
  return /^\d{4}/.test(date) ? `${date.slice(0, 4)}-01-01` : null;
};

/**
 * The time axis: the span of the middle 98% of dated events (so a stray "1950" in a 1987 corpus does
 * not stretch it) decides day (dates within three calendar months), month (up to 30 years) or year.
 */
function timeline(dates: Map<string, Map<string, number>>): Aggregates['events']['timeline'] {
  const histogram = (keyOf: (date: string) => string | null) => {
    const h = new Map<string, number>();
    let total = 0;
    for (const [date, types] of dates) {
      const key = keyOf(date);
      if (!key) continue;
      const n = [...types.values()].reduce((s, v) => s + v, 0);
      h.set(key, (h.get(key) ?? 0) + n);
      total += n;
    }
    return { hist: [...h.entries()].sort((a, b) => byCode(a[0], b[0])), total };
  };
  const window = (h: ReturnType<typeof histogram>) => [quantile(h.hist, h.total, 0.01), quantile(h.hist, h.total, 0.99)];
  const months = histogram((d) => periodOf(d, 'month'));
  const days = histogram((d) => periodOf(d, 'day'));
  const years = histogram((d) => periodOf(d, 'year'));
  let g: Granularity = 'year';
  let lo: string | null = null;
  let hi: string | null = null;
  if (months.total) {
    const [m1, m99] = window(months);
    const span = (+m99.slice(0, 4) - +m1.slice(0, 4)) * 12 + (+m99.slice(5, 7) - +m1.slice(5, 7));
    if (span <= 2 && days.total) [g, [lo, hi]] = ['day', window(days)];
    else if (span <= 360) [g, lo, hi] = ['month', m1, m99];
    else [g, lo, hi] = ['year', periodOf(m1, 'year'), periodOf(m99, 'year')];
  } else if (years.total) [lo, hi] = window(years);
  const counts = new Map<string, Map<string, number>>();
  let shown = 0;
  let outside = 0;
  let imprecise = 0;
  for (const [date, types] of dates) {
    const n = [...types.values()].reduce((s, v) => s + v, 0);
    const p = periodOf(date, g);
    if (!p || lo === null) {
      imprecise += n;
      continue;
    }
    if (p < lo || p > hi!) {
      outside += n;
      continue;
    }
    shown += n;
    let c = counts.get(p);
    if (!c) counts.set(p, (c = new Map()));
    for (const [t, k] of types) c.set(t, (c.get(t) ?? 0) + k);
  }
  let periods = lo && hi ? periodsBetween(lo, hi, g) : [];
  if (periods.length > LIMITS.periods) periods = periods.slice(periods.length - LIMITS.periods); // never reached with the rules above
  const series: Aggregates['events']['timeline']['series'] = [];
  for (const p of periods) {
    const c = counts.get(p);
    for (const t of PLOVER_TYPES) {
      const n = c?.get(t) ?? 0;
      if (n) series.push({ period: p, type: t, n });
    }
  }
  return { granularity: g, from: periods[0] ?? null, to: periods[periods.length - 1] ?? null, shown, outside, imprecise, series };
}

/**
 * The figures, fed one row at a time (`add`): the package stage feeds the rows as it writes them, so
 * report.html needs no second pass over the version's files; `aggregate` feeds a version folder's.
 */
export class Aggregator {
  // articles
  private total = 0;
  private extracted = 0;
  private duplicates = 0;
  private nonEnglish = 0;
  private noLanguage = 0;
  private noPublished = 0;
  private languages = new Tally();
  private skip = new Tally();
  private pubSource = new Tally();
  // statements
  private sTotal = 0;
  private noSpeaker = 0;
  private noSpeakerCountry = 0;
  private kinds = new Tally();
  private speakers = new Tally();
  // events
  private eTotal = 0;
  private fallback = 0;
  private undated = 0;
  private noActorCountry = 0;
  private noRecipientCountry = 0;
  private noCountry = 0;
  private planned = 0;
  private located = 0;
  private types = new Tally();
  private precision = new Tally();
  private actors = new Tally();
  private recipients = new Tally();
  private dyads = new Tally();
  private places = new Map<string, Place>();
  private dates = new Map<string, Map<string, number>>();
  // rejects
  private rTotal = 0;
  private reasons = new Tally();
  private stages = new Tally();

  add(table: string, row: Row): void {
    if (table === 'articles') this.article(row);
    else if (table === 'statements') this.statement(row);
    else if (table === 'events') this.event(row);
    else if (table === 'rejects') this.reject(row);
  }

  private article(a: Row): void {
    this.total++;
    if (isTrue(a.extracted)) this.extracted++;
    if (str(a.duplicate_of)) this.duplicates++;
    const lang = str(a.language);
    if (!lang) this.noLanguage++;
    else if (lang !== 'en') this.nonEnglish++;
    this.languages.add(lang || '(unknown)');
    if (str(a.skip_reason)) this.skip.add(skipKind(str(a.skip_reason)));
    if (!str(a.published)) this.noPublished++;
    this.pubSource.add(str(a.published_source) || '(none)');
  }

  private statement(s: Row): void {
    this.sTotal++;
    this.kinds.add(str(s.kind));
    const sp = str(s.speaker);
    if (!sp) this.noSpeaker++;
    else this.speakers.add(sp, str(s.speaker_country));
    if (!str(s.speaker_country)) this.noSpeakerCountry++;
  }

  private event(e: Row): void {
    this.eTotal++;
    const type = str(e.event_type);
    this.types.add(type);
    if (isTrue(e.date_is_fallback)) this.fallback++;
    if (isTrue(e.planned)) this.planned++;
    const date = str(e.date);
    this.precision.add(str(e.date_precision) || '(none)');
    if (!date) this.undated++;
    else {
      let m = this.dates.get(date);
      if (!m) this.dates.set(date, (m = new Map()));
      m.set(type, (m.get(type) ?? 0) + 1);
    }
    const [ac, rc] = [str(e.actor_country), str(e.recipient_country)];
    if (!ac) this.noActorCountry++;
    if (!rc) this.noRecipientCountry++;
    if (!ac && !rc) this.noCountry++;
    if (str(e.actor)) this.actors.add(str(e.actor), ac);
    if (str(e.recipient)) this.recipients.add(str(e.recipient), rc);
    if (ac && rc) this.dyads.add(`${ac} → ${rc}`);
    const [lat, lon] = [e.latitude, e.longitude];
    if (typeof lat === 'number' && typeof lon === 'number' && Number.isFinite(lat) && Number.isFinite(lon)) {
      this.located++;
      const [la, lo] = [Math.round(lat * 100) / 100, Math.round(lon * 100) / 100];
      const key = `${la},${lo},${str(e.location)}`;
      const p = this.places.get(key);
      if (p) p.n++;
      else this.places.set(key, { location: str(e.location), country: str(e.location_country), lat: la, lon: lo, n: 1 });
    }
  }

  private reject(r: Row): void {
    this.rTotal++;
    this.reasons.add(str(r.reason));
    this.stages.add(str(r.stage));
  }

  result(): Aggregates {
    const { types, places } = this;
    const quads = new Tally();
    for (const t of PLOVER_TYPES) if (types.get(t)) quads.add(PLOVER_QUAD[t], '', types.get(t));
    const placeList = [...places.values()].sort((a, b) => b.n - a.n || byCode(a.location, b.location) || a.lat - b.lat || a.lon - b.lon);
    return {
      articles: {
        total: this.total, extracted: this.extracted, duplicates: this.duplicates, non_english: this.nonEnglish, no_language: this.noLanguage, no_published: this.noPublished,
        languages: this.languages.top(LIMITS.reasons, '(other)'), skip_reasons: this.skip.top(LIMITS.reasons, '(other)'), published_source: this.pubSource.top(),
      },
      statements: {
        total: this.sTotal, kinds: this.kinds.top(), no_speaker: this.noSpeaker, no_speaker_country: this.noSpeakerCountry,
        speakers: this.speakers.top(LIMITS.top), distinct_speakers: this.speakers.size,
      },
      events: {
        total: this.eTotal, types: types.inOrder(PLOVER_TYPES), quads: quads.inOrder(QUAD_CLASSES), fallback_dates: this.fallback, undated: this.undated,
        precision: this.precision.top(), no_actor_country: this.noActorCountry, no_recipient_country: this.noRecipientCountry, no_country: this.noCountry,
        planned: this.planned,
        actors: this.actors.top(LIMITS.top), recipients: this.recipients.top(LIMITS.top), dyads: this.dyads.top(LIMITS.top),
        distinct_actors: this.actors.size, distinct_recipients: this.recipients.size, distinct_dyads: this.dyads.size,
        located: this.located, places: placeList.slice(0, LIMITS.places), distinct_places: places.size,
        timeline: timeline(this.dates),
      },
      rejects: { total: this.rTotal, reasons: this.reasons.top(LIMITS.reasons, '(other reasons)'), stages: this.stages.top() },
    };
  }
}

/** Read a version folder's JSONL files and aggregate them. */
export async function aggregate(dir: string): Promise<Aggregates> {
  const agg = new Aggregator();
  for (const table of ['articles', 'statements', 'events', 'rejects']) for await (const row of rowsOf(dir, table)) agg.add(table, row);
  return agg.result();
}
