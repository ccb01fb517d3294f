/** Actor dictionary: every country (from i18n-iso-countries) plus the entries in dictionaries/actors.tsv. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

export interface ActorEntry {
  name: string;
  country: string;
  sector: string;
}

export interface ActorMatch extends ActorEntry {
  start: number;
  end: number;
  text: string;
}

function buildLexicon(): Map<string, ActorEntry> {
  const lex = new Map<string, ActorEntry>();
  const names = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [alpha2, list] of Object.entries(names)) {
    const iso3 = countries.alpha2ToAlpha3(alpha2);
    if (!iso3) continue;
    for (const n of list) lex.set(n, { name: list[0], country: iso3, sector: 'government' });
  }
  const tsv = readFileSync(new URL('./dictionaries/actors.tsv', import.meta.url), 'utf8');
  for (const line of tsv.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [name, aliases = '', country = '', sector = ''] = line.split('\t');
    const entry = { name, country, sector };
    lex.set(name, entry);
    for (const a of aliases.split('|')) if (a) lex.set(a, entry);
  }
  return lex;
}

export const ACTORS = buildLexicon();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ACTOR_RE = new RegExp(
  `(?<![\\w])(${[...ACTORS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\\w])`,
  'g',
);

/** Actor mentions in text[from, to), longest alias first, left to right. */
export function findActors(text: string, from: number, to: number): ActorMatch[] {
  const piece = text.slice(from, to);
  const out: ActorMatch[] = [];
  for (const m of piece.matchAll(ACTOR_RE)) {
    const entry = ACTORS.get(m[1])!;
    out.push({ ...entry, start: from + m.index!, end: from + m.index! + m[1].length, text: m[1] });
  }
  return out;
}
