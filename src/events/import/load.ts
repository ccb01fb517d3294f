/**
 * Loaders for the imported dictionaries (src/events/dictionaries/imported/, written by
 * `newsledger import-dictionaries`; formats in each file's header), and the override rule: our
 * hand-made actors.tsv and offices.tsv win over imported entries with the same name or alias.
 * Each loader reads its file once per folder and caches the result.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const IMPORTED_DIR = fileURLToPath(new URL('../dictionaries/imported/', import.meta.url));
const HAND_DIR = fileURLToPath(new URL('../dictionaries/', import.meta.url));

export interface ImportedRole {
  /** CAMEO code, e.g. GBRGOV. */
  code: string;
  /** First and last day (YYYY-MM-DD, inclusive); empty = open. Both empty: the default code. */
  from: string;
  to: string;
  /** ISO3 and sector of this code (codes.tsv). */
  country: string;
  sector: string;
}

export interface ImportedActor {
  /** Primary phrase as written (upper case). */
  name: string;
  /** Synonyms as written; match name and phrases case-insensitively as token sequences. */
  phrases: string[];
  roles: ImportedRole[];
  /** ISO3 and sector of the entry's summary code (open dated code, else default, else the one that ends last); use roleAt() for a date. */
  country: string;
  sector: string;
  /** Source file: countries, international, milnonstate, or a user file's name. */
  file: string;
}

export interface ImportedAgent {
  phrase: string;
  /** Other matching forms (substitutes, plurals). */
  forms: string[];
  code: string;
  /** suffix: the code goes after the actor's (AFG + COP); prefix: before it (NGO, IGO). */
  attach: 'suffix' | 'prefix';
  sector: string;
}

export interface ImportedVerb {
  lemma: string;
  head: string;
  forms: string[];
  irregular: boolean;
  /** CAMEO code of the bare verb; "---": no event by itself. */
  code: string;
  /** PLOVER type (empty for --- and CAMEO 01/02), mode, contexts. */
  plover: string;
  mode: string;
  context: string[];
  /** The block's first verb: key of its patterns in loadVerbPatterns(). */
  block: string;
}

export interface VerbPattern {
  /** Block key (ImportedVerb.block). */
  verb: string;
  /** As written: * verb, $ source, + target, % both, ^ skip, &SYNSET. */
  pattern: string;
  before: string[];
  after: string[];
  prep: string;
  /** subj | obj | pobj:PREP | after | compound | "" (default: subject / object). */
  source: string;
  target: string;
  /** CAMEO code ("---": blocks an event), reverse code for [A:B]. */
  code: string;
  code2: string;
  plover: string;
  mode: string;
  context: string[];
}

export interface VerbSynset {
  name: string;
  noPlural: boolean;
  phrases: string[];
}

export interface Discard {
  phrase: string;
  scope: 'sentence' | 'story';
  match: 'word' | 'stem';
}

const cache = new Map<string, unknown>();

function rows(dir: string, name: string): string[][] {
  const plain = join(dir, name);
  let text: string;
  if (existsSync(plain)) text = readFileSync(plain, 'utf8');
  else if (existsSync(plain + '.gz')) text = gunzipSync(readFileSync(plain + '.gz')).toString('utf8');
  else throw new Error(`no imported dictionary ${plain} (run: newsledger import-dictionaries)`);
  const out: string[][] = [];
  for (const line of text.split('\n')) if (line && line[0] !== '#') out.push(line.split('\t'));
  return out;
}

function cached<T>(dir: string, name: string, make: (r: string[][]) => T): T {
  const key = `${dir}\0${name}`;
  let v = cache.get(key) as T | undefined;
  if (v === undefined) cache.set(key, (v = make(rows(dir, name))));
  return v;
}

const list = (s: string | undefined) => (s ? s.split('|') : []);

/** CAMEO code -> ISO3 and sector (codes.tsv). */
export function loadCodes(dir = IMPORTED_DIR): Map<string, { country: string; sector: string }> {
  return cached(dir, 'codes.tsv', (r) => new Map(r.map(([code, country, sector]) => [code, { country: country ?? '', sector: sector ?? '' }])));
}

/** `CODE` or `CODE[FROM..TO]`. */
export function parseRoleText(s: string, codes?: Map<string, { country: string; sector: string }>): ImportedRole {
  const b = s.indexOf('[');
  const code = b < 0 ? s : s.slice(0, b);
  let from = '';
  let to = '';
  if (b >= 0) {
    const inner = s.slice(b + 1, -1);
    const dd = inner.indexOf('..');
    from = inner.slice(0, dd);
    to = inner.slice(dd + 2);
  }
  const c = codes?.get(code);
  return { code, from, to, country: c?.country ?? '', sector: c?.sector ?? '' };
}

/**
 * Read anew at each call, not cached: the lexicon (src/events/lexicon.ts) reads it once and keeps only
 * the people it takes (a cached copy held 15 MB per worker thread for nothing).
 */
export function loadImportedActors(dir = IMPORTED_DIR): ImportedActor[] {
  {
    const r = rows(dir, 'actors.tsv');
    const codes = loadCodes(dir);
    const roleCache = new Map<string, ImportedRole>();
    return r.map(([name, phrases, roles, country, sector, file]) => ({
      name,
      phrases: list(phrases),
      roles: list(roles).map((t) => {
        let role = roleCache.get(t);
        if (!role) roleCache.set(t, (role = parseRoleText(t, codes)));
        return role;
      }),
      country: country ?? '',
      sector: sector ?? '',
      file: file ?? '',
    }));
  }
}

/** The role an actor holds on a day (YYYY-MM-DD): a dated one covering it, else its default code. */
export function roleAt(actor: Pick<ImportedActor, 'roles'>, date: string): ImportedRole | undefined {
  let fallback: ImportedRole | undefined;
  for (const r of actor.roles) {
    if (!r.from && !r.to) {
      fallback ??= r;
      continue;
    }
    if ((!r.from || r.from <= date) && (!r.to || date <= r.to)) return r;
  }
  return fallback;
}

export function loadImportedAgents(dir = IMPORTED_DIR): ImportedAgent[] {
  return cached(dir, 'agents.tsv', (r) =>
    r.map(([phrase, forms, code, attach, sector]) => ({ phrase, forms: list(forms), code, attach: attach as ImportedAgent['attach'], sector: sector ?? '' })),
  );
}

export function loadVerbs(dir = IMPORTED_DIR): ImportedVerb[] {
  return cached(dir, 'verbs.tsv', (r) =>
    r.map(([lemma, head, forms, irregular, code, plover, mode, context, block]) => ({
      lemma,
      head,
      forms: list(forms),
      irregular: irregular === 'irregular',
      code,
      plover: plover ?? '',
      mode: mode ?? '',
      context: context ? context.split(';') : [],
      block,
    })),
  );
}

export function loadVerbPatterns(dir = IMPORTED_DIR): VerbPattern[] {
  return cached(dir, 'verb-patterns.tsv', (r) =>
    r.map(([verb, pattern, before, after, prep, source, target, code, code2, plover, mode, context]) => ({
      verb,
      pattern,
      before: before ? before.split(' ') : [],
      after: after ? after.split(' ') : [],
      prep: prep ?? '',
      source: source ?? '',
      target: target ?? '',
      code,
      code2: code2 ?? '',
      plover: plover ?? '',
      mode: mode ?? '',
      context: context ? context.split(';') : [],
    })),
  );
}

export function loadVerbSynsets(dir = IMPORTED_DIR): VerbSynset[] {
  return cached(dir, 'verb-synsets.tsv', (r) => r.map(([name, np, phrases]) => ({ name, noPlural: np === 'noplural', phrases: list(phrases) })));
}

export function loadDiscards(dir = IMPORTED_DIR): Discard[] {
  return cached(dir, 'discards.tsv', (r) => r.map(([phrase, scope, match]) => ({ phrase, scope: scope as Discard['scope'], match: match as Discard['match'] })));
}

// ---------------------------------------------------------------- override rule

/** A hand-made entry: its name and aliases (actors.tsv, offices.tsv). */
export interface HandEntry {
  name: string;
  aliases: string[];
  file: string;
}

export interface Override {
  /** The imported entry's name. */
  imported: string;
  /** The hand-made entry that took the phrases. */
  by: string;
  /** The imported phrases given up ("*" when the whole entry was dropped). */
  phrases: string[];
}

/** Name key for the override rule: case and spacing ignored. */
export const overrideKey = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Names and aliases of our hand-made actors.tsv and offices.tsv. */
export function loadHandMadeEntries(dir = HAND_DIR): HandEntry[] {
  const read = (file: string) =>
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => l.split('\t'));
  const out: HandEntry[] = [];
  for (const [name, aliases] of read('actors.tsv')) out.push({ name, aliases: list(aliases), file: 'actors.tsv' });
  for (const [name, aliases] of read('offices.tsv')) out.push({ name, aliases: list(aliases), file: 'offices.tsv' });
  return out;
}

/**
 * Our hand-made dictionaries win: an imported actor whose name is a hand-made name or alias is dropped;
 * otherwise the imported phrases equal to a hand-made name or alias are taken out of it (the entry
 * stays, with its name and its other phrases). Case and spacing are ignored.
 */
export function mergeActors(imported: ImportedActor[], hand: HandEntry[]): { actors: ImportedActor[]; overrides: Override[] } {
  const owner = new Map<string, string>();
  for (const h of hand) for (const s of [h.name, ...h.aliases]) if (s && !owner.has(overrideKey(s))) owner.set(overrideKey(s), h.name);
  const actors: ImportedActor[] = [];
  const overrides: Override[] = [];
  for (const a of imported) {
    const byName = owner.get(overrideKey(a.name));
    if (byName) {
      overrides.push({ imported: a.name, by: byName, phrases: ['*'] });
      continue;
    }
    const kept: string[] = [];
    const lost = new Map<string, string[]>();
    for (const p of a.phrases) {
      const by = owner.get(overrideKey(p));
      if (by) lost.set(by, [...(lost.get(by) ?? []), p]);
      else kept.push(p);
    }
    for (const [by, phrases] of lost) overrides.push({ imported: a.name, by, phrases });
    actors.push(lost.size ? { ...a, phrases: kept } : a);
  }
  return { actors, overrides };
}
