/**
 * The actor lexicon, built once from packages and the data files in dictionaries/:
 * - every country: names (i18n-iso-countries), alternative spellings, demonyms, capitals (world-countries),
 *   plus countries.tsv (metonyms such as "the Kremlin", "the White House");
 * - organisations and armed groups (actors.tsv), office holders with dated terms (offices.tsv),
 *   sector words (sectors.tsv) and titles (titles.tsv).
 * Keys are token sequences (tokens.ts) so a look-up is one Map probe per n-gram.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { nameKey } from './tokens.ts';
import { loadImportedActors } from './import/load.ts';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

export type EntryKind = 'country' | 'org' | 'person' | 'sector' | 'title';

export interface Term {
  office: string;
  /** Organisation the office belongs to ("NATO" for its secretary general), if not a country's. */
  body: string;
  country: string;
  sector: string;
  from: string;
  to: string;
}

export interface LexEntry {
  kind: EntryKind;
  /** Canonical name: the country's short name, the organisation's or person's full name, or the sector word. */
  name: string;
  country: string;
  sector: string;
  /** The name is a seat of government or capital city (a metonym when it acts, a place otherwise). */
  capital?: boolean;
  /** For titles: the office they name. */
  office?: string;
  /** For people: their offices over time. */
  terms?: Term[];
  /** A national party whose name several countries use ("Labour"): the article decides which (extract.ts). */
  homes?: string[];
}

interface WorldCountry {
  cca3: string;
  name: { common: string; official: string };
  altSpellings: string[];
  capital?: string[];
  demonyms?: { eng?: { f: string; m: string } };
  latlng: [number, number];
  independent?: boolean;
}
/**
 * world-countries' data, read where the lexicon is built and then let go: required, the package's
 * 1.4 MB of JSON (translations and all) would stay in require's cache for good.
 */
const readWorld = (): WorldCountry[] => JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];

export const COUNTRY_NAME = new Map<string, string>();
export const COUNTRY_LATLNG = new Map<string, [number, number]>();

const readTsv = (file: string): string[][] =>
  readFileSync(new URL(`./dictionaries/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.replace(/\r$/, '').split('\t'));

const split = (s = '') => s.split('|').map((x) => x.trim()).filter(Boolean);

/** Demonym plurals: "Afghan" -> "Afghans"; "Chinese", "British", "French", "Swiss" stay as they are. */
const plural = (d: string) => (/(?:ese|ish|ch|sh|ss|s)$/.test(d) ? d : `${d}s`);

export interface Lexicon {
  /** Case-sensitive names: countries, organisations, people. */
  names: Map<string, LexEntry>;
  /** Lower-cased common nouns: sector words and titles used without a name ("the president"). */
  common: Map<string, LexEntry>;
  /** Titles as written before a name ("President", "Foreign Minister"). */
  titles: Map<string, LexEntry>;
  /** Head words of organisation names ("Commission", "Front") and the sector they imply. */
  orgHeads: Map<string, string>;
  /** Office holders by "COUNTRY|office". */
  holders: Map<string, Array<{ person: LexEntry; term: Term }>>;
  maxTokens: number;
  /** First words of the keys of each map: most tokens start no entry, and this says so in one probe. */
  firstWords: { names: Set<string>; common: Set<string>; titles: Set<string> };
}

function build(): Lexicon {
  const names = new Map<string, LexEntry>();
  const common = new Map<string, LexEntry>();
  const titles = new Map<string, LexEntry>();
  const holders = new Map<string, Array<{ person: LexEntry; term: Term }>>();
  const soft = (key: string, e: LexEntry) => {
    const k = nameKey(key);
    if (k && !names.has(k)) names.set(k, e);
  };
  const hard = (key: string, e: LexEntry) => {
    const k = nameKey(key);
    if (k) names.set(k, e);
  };

  const all = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  const entries = new Map<string, LexEntry>();
  for (const [alpha2, list] of Object.entries(all)) {
    const iso3 = countries.alpha2ToAlpha3(alpha2);
    if (!iso3) continue;
    const e: LexEntry = { kind: 'country', name: list[0], country: iso3, sector: 'government' };
    entries.set(iso3, e);
    COUNTRY_NAME.set(iso3, list[0]);
    for (const n of list) soft(n, e);
  }
  // Sovereign states first, so that "American" is the United States and not a territory that shares the demonym.
  const WORLD = readWorld();
  const world = [...WORLD.filter((w) => w.independent), ...WORLD.filter((w) => !w.independent)];
  for (const w of world) {
    const e = entries.get(w.cca3) ?? { kind: 'country' as const, name: w.name.common, country: w.cca3, sector: 'government' };
    // The common short name ("United States", "Russia") rather than the formal one.
    e.name = w.name.common;
    entries.set(w.cca3, e);
    COUNTRY_NAME.set(w.cca3, w.name.common);
    COUNTRY_LATLNG.set(w.cca3, w.latlng);
    soft(w.name.common, e);
    soft(w.name.official, e);
    // Two-letter codes ("IN", "AS", "NO") are ordinary words far too often.
    for (const a of w.altSpellings) if (a.length > 3) soft(a, e);
    const dem = w.demonyms?.eng;
    for (const d of new Set(dem ? [dem.m, dem.f] : [])) if (d) (soft(d, e), soft(plural(d), e));
    for (const c of w.capital ?? []) soft(c, { ...e, capital: true });
  }
  const notMetonyms = new Set<string>();
  for (const [iso3, aliases, sector] of readTsv('countries.tsv')) {
    if (iso3 === '-') {
      for (const a of split(aliases)) notMetonyms.add(nameKey(a));
      continue;
    }
    const base = entries.get(iso3) ?? { kind: 'country' as const, name: COUNTRY_NAME.get(iso3) ?? iso3, country: iso3, sector: 'government' };
    const e = sector && sector !== base.sector ? { ...base, sector } : base;
    for (const a of split(aliases)) hard(a, e);
  }
  for (const [name, aliases, countryList = '', sector = ''] of readTsv('actors.tsv')) {
    const homes = split(countryList);
    const e: LexEntry = homes.length > 1 ? { kind: 'org', name, country: '', sector, homes } : { kind: 'org', name, country: countryList, sector };
    hard(name, e);
    for (const a of split(aliases)) hard(a, e);
  }
  importedPeople(soft);
  // Capitals that are first names or English words ("Victoria", "Kingston") are places, never a government
  // speaking; other names of a country that English news uses for companies ("Nippon") are no country.
  for (const k of notMetonyms) {
    const e = names.get(k);
    if (e?.capital || (e?.kind === 'country' && nameKey(e.name) !== k)) names.delete(k);
  }
  const people = new Map<string, LexEntry>();
  for (const [name, aliases, office = '', country = '', sector = '', from = '', to = '', body = ''] of readTsv('offices.tsv')) {
    let p = people.get(name);
    if (!p) {
      p = { kind: 'person', name, country, sector, terms: [] };
      people.set(name, p);
      hard(name, p);
      for (const a of split(aliases)) hard(a, p);
    }
    const term = { office, body, country, sector, from, to };
    p.terms!.push(term);
    // The person's standing country and sector: those of their latest term.
    if (!p.terms!.some((t) => t.from > from)) Object.assign(p, { country, sector });
    const k = `${country}|${office}`;
    holders.set(k, [...(holders.get(k) ?? []), { person: p, term }]);
  }
  for (const [words, sector] of readTsv('sectors.tsv')) {
    for (const w of split(words)) common.set(nameKey(w, true), { kind: 'sector', name: w, country: '', sector });
  }
  const orgHeads = new Map<string, string>();
  for (const [heads, sector] of readTsv('org-heads.tsv')) for (const h of split(heads)) orgHeads.set(h, sector);
  for (const [written, office, sector] of readTsv('titles.tsv')) {
    for (const t of split(written)) {
      const e: LexEntry = { kind: 'title', name: office, country: '', sector, office };
      titles.set(nameKey(t), e);
      // "former president Carlos Menem": titles also in lower case before a name.
      if (!titles.has(nameKey(t, true))) titles.set(nameKey(t, true), e);
      // ("the president" alone is a party; "the chairman", of no sector, is no one we can code)
      if (sector && !common.has(nameKey(t, true))) common.set(nameKey(t, true), e);
    }
  }
  let maxTokens = 1;
  for (const m of [names, common, titles]) for (const k of m.keys()) maxTokens = Math.max(maxTokens, k.split(' ').length);
  const first = (m: Map<string, LexEntry>) => new Set([...m.keys()].map((k) => k.split(' ')[0]));
  return { names, common, titles, orgHeads, holders, maxTokens, firstWords: { names: first(names), common: first(common), titles: first(titles) } };
}

/** Sectors in which an imported dated role makes a person a political actor. */
const POLITICAL_ROLE = new Set(['government', 'military', 'police', 'intelligence', 'judiciary', 'legislature', 'opposition', 'party', 'rebels', 'international']);
const titleCase = (phrase: string) => phrase.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());

/**
 * People of PETRARCH2's Phoenix country dictionaries (imported by `make import-dictionaries`) with their
 * dated roles, as soft entries: the hand-made dictionaries win. Only full names (two words or more) are
 * taken, so that a surname alone never calls up a namesake ("Stoltenberg" in 1987 is not NATO's).
 */
/** People of the imported dictionaries known by one word ("Fahd"), found only after a title; null when several are. */
export const MONONYMS = new Map<string, LexEntry | null>();

function importedPeople(soft: (key: string, e: LexEntry) => void): void {
  for (const a of loadImportedActors()) {
    if (a.file !== 'countries') continue;
    const terms: Term[] = a.roles
      .filter((r) => (r.from || r.to) && r.country && POLITICAL_ROLE.has(r.sector))
      .map((r) => ({ office: '', body: '', country: r.country, sector: r.sector, from: r.from, to: r.to ? nextDay(r.to) : '' }));
    if (!terms.length) continue;
    const latest = terms.reduce((x, y) => (y.from > x.from ? y : x));
    const e: LexEntry = { kind: 'person', name: titleCase(a.name), country: latest.country, sector: latest.sector, terms };
    for (const phrase of [a.name, ...a.phrases]) {
      if (!phrase.includes(' ')) {
        // One-word names ("FAHD", "SUHARTO") are too ambiguous alone; a title before them makes them safe.
        const k = phrase.toLowerCase();
        MONONYMS.set(k, MONONYMS.has(k) && MONONYMS.get(k) !== e ? null : e);
        continue;
      }
      const written = titleCase(phrase);
      soft(written, e);
      // "Robert Dole" for the dictionary's "Bob Dole", and the other way round
      const [first, ...rest] = written.split(' ');
      for (const other of GIVEN_NAMES.get(first) ?? []) soft(`${other} ${rest.join(' ')}`, e);
    }
  }
}

/** Given names and their familiar forms, both ways (given-names.tsv). */
const GIVEN_NAMES = (() => {
  const out = new Map<string, Set<string>>();
  const link = (a: string, b: string) => out.set(a, (out.get(a) ?? new Set()).add(b));
  for (const [name, familiar] of readTsv('given-names.tsv')) {
    for (const f of split(familiar)) {
      link(name, f);
      link(f, name);
    }
  }
  return out;
})();

/** The imported roles' last days are inclusive; our terms end the day before `to`. */
function nextDay(date: string): string {
  const t = new Date(date + 'T00:00:00Z');
  t.setUTCDate(t.getUTCDate() + 1);
  return t.toISOString().slice(0, 10);
}

export const LEXICON = build();

/** The term a person held on `date` (YYYY, YYYY-MM or YYYY-MM-DD), if any. */
export function termAt(person: LexEntry, date: string): Term | undefined {
  if (!person.terms || !date) return undefined;
  const d = date.padEnd(10, date.length === 4 ? '-06-30' : '-15').slice(0, 10);
  return person.terms.find((t) => (!t.from || t.from <= d) && (!t.to || d < t.to));
}

/** Who held `office` of `country` on `date`. */
export function holderAt(country: string, office: string, date: string): { person: LexEntry; term: Term } | undefined {
  const list = LEXICON.holders.get(`${country}|${office}`);
  if (!list) return undefined;
  return list.find(({ person, term }) => termAt(person, date) === term);
}
