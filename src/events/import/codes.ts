/**
 * CAMEO actor codes -> ISO 3166 alpha-3 country and our sector. A CAMEO code is a run of three-letter
 * parts: a country (ISO3-like: USA, or special: USR, KSV, regions such as WST), or an organisation type
 * (IGO, NGO, MNC, IMG) with maybe a country after it, then roles (GOV, MIL, ...) and other qualifiers.
 * The tables are data files next to this module: cameo-roles.tsv and cameo-countries.tsv.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

export interface RoleInfo {
  sector: string;
  kind: 'org' | 'role' | 'weak';
}

export interface CodeTables {
  roles: Map<string, RoleInfo>;
  /** Non-ISO place codes: ISO3, or "" for a region / no country. */
  places: Map<string, string>;
  /** Valid ISO 3166-1 alpha-3 codes. */
  iso: Set<string>;
}

export interface CodeInfo {
  /** ISO3 country, empty when none. */
  country: string;
  /** Our sector (government, military, ...), empty when none. */
  sector: string;
  /** The code could not be read: its first part is no country, region or known type or role. */
  unmapped: boolean;
  /** Three-letter parts after the country that are no known role (UNO, NAT, ... or unknown). */
  unknownParts: string[];
}

const tsv = (file: string): string[][] =>
  readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t'));

let tables: CodeTables | undefined;

export function codeTables(): CodeTables {
  if (tables) return tables;
  const require = createRequire(import.meta.url);
  countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  const roles = new Map<string, RoleInfo>();
  for (const [code, sector, kind] of tsv('cameo-roles.tsv')) roles.set(code, { sector: sector ?? '', kind: kind as RoleInfo['kind'] });
  const places = new Map<string, string>();
  for (const [code, iso] of tsv('cameo-countries.tsv')) places.set(code, iso === '-' ? '' : iso);
  const iso = new Set(Object.keys(countries.getAlpha3Codes()));
  tables = { roles, places, iso };
  return tables;
}

/** A three-letter part as a place: ISO3, "" for a region, undefined when it is no place. */
function placeOf(t: CodeTables, part: string): string | undefined {
  if (t.places.has(part)) return t.places.get(part);
  if (t.iso.has(part)) return part;
  return undefined;
}

export function codeInfo(code: string, t: CodeTables = codeTables()): CodeInfo {
  const info: CodeInfo = { country: '', sector: '', unmapped: false, unknownParts: [] };
  if (code === '---' || !/^([A-Z0-9]{3})+$/.test(code)) {
    info.unmapped = code !== '---';
    return info;
  }
  const parts = code.match(/.{3}/g)!;
  let rest: string[];
  const first = placeOf(t, parts[0]);
  const firstRole = t.roles.get(parts[0]);
  if (first !== undefined) {
    info.country = first;
    rest = parts.slice(1);
  } else if (firstRole) {
    rest = parts;
    if (firstRole.kind === 'org' && parts.length > 1 && !t.roles.has(parts[1])) {
      const c = placeOf(t, parts[1]);
      if (c !== undefined) {
        if (parts[0] !== 'IGO') info.country = c;
        rest = [parts[0], ...parts.slice(2)];
      }
    }
  } else {
    info.unmapped = true;
    return info;
  }
  let strong = '';
  let weak = '';
  let orgSeen = false;
  for (const p of rest) {
    const r = t.roles.get(p);
    if (r) {
      if (r.kind === 'weak') weak ||= r.sector;
      else strong ||= r.sector;
      if (r.kind === 'org') orgSeen = true;
    } else if (!orgSeen && placeOf(t, p) === undefined) info.unknownParts.push(p);
  }
  info.sector = strong || weak;
  return info;
}
