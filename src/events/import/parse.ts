/**
 * Pure readers of the CAMEO / PETRARCH2 dictionary formats (text in, records out; no file system).
 * The formats are those of PETRARCH2's `dictionaries.rst` and of the Phoenix dictionaries:
 * - actors: a primary phrase line (optionally with `[CODE]` items), `+synonym` lines and indented
 *   `[CODE DATE-DATE]`, `[CODE <DATE]`, `[CODE >DATE]` or `[CODE]` role lines;
 * - agents: `PHRASE {PLURALS} [~CODE]` or `[CODE~]`, with `!MARKER! = A, B` substitution sets;
 * - verbs: `&SYNSET` blocks of `+phrase` lines, then `--- NAME [CODE] ---` blocks of verbs
 *   (`SAY {SAYS SAID SAYING}`, `+CLEAR_UP`, `WIRE_+TAP`, optional `[CODE]`) and `- ... * ... [CODE]` patterns;
 * - discards: `PHRASE`, `PHRASE_` (whole word) or `+PHRASE` (the whole story);
 * - CAMEO2PLOVER: `CODE: TYPE, MODE, CONTEXT # description`.
 * `#` starts a comment anywhere on a line (and `;`, TABARI's comment, in actor and verb files); `<!--` lines are skipped.
 * Malformed lines raise DictionaryFormatError (file and line) in strict mode; otherwise they are skipped
 * and reported in `problems`.
 */

export class DictionaryFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'DictionaryFormatError';
  }
}

export interface Problem {
  file: string;
  line: number;
  message: string;
}

export interface ParseOptions {
  /** Throw on the first malformed line instead of skipping it. */
  strict?: boolean;
}

class Reporter {
  readonly problems: Problem[] = [];
  constructor(
    readonly file: string,
    readonly strict: boolean,
  ) {}
  bad(line: number, message: string): void {
    if (this.strict) throw new DictionaryFormatError(this.file, line, message);
    this.problems.push({ file: this.file, line, message });
  }
}

/** Lines without comments, numbered from 1; blank and comment-only lines dropped. */
function contentLines(text: string, semicolon = false): { n: number; raw: string; text: string }[] {
  const out: { n: number; raw: string; text: string }[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.startsWith('<!')) continue;
    let t = raw;
    const hash = t.indexOf('#');
    if (hash >= 0) t = t.slice(0, hash);
    if (semicolon) {
      const semi = t.indexOf(';');
      if (semi >= 0) t = t.slice(0, semi);
    }
    if (!t.trim()) continue;
    out.push({ n: i + 1, raw, text: t });
  }
  return out;
}

/** A PETRARCH phrase to words: `_` and blanks separate words; a final `_` (no stemming) is dropped. */
export function phraseText(s: string): string {
  return s.replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- dates

/**
 * A PETRARCH date (YYMMDD or YYYYMMDD) as YYYY-MM-DD. Two-digit years follow KEDS, TABARI and PETRARCH2
 * (dstr_to_ordate): 00-30 are 20YY, 31-99 are 19YY. Returns null when it is no valid date.
 */
export function petrarchDate(s: string): string | null {
  let y: number, m: number, d: number;
  if (/^\d{8}$/.test(s)) {
    y = +s.slice(0, 4);
    m = +s.slice(4, 6);
    d = +s.slice(6, 8);
  } else if (/^\d{6}$/.test(s)) {
    const yy = +s.slice(0, 2);
    y = yy <= 30 ? 2000 + yy : 1900 + yy;
    m = +s.slice(2, 4);
    d = +s.slice(4, 6);
  } else return null;
  if (m < 1 || m > 12 || d < 1) return null;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (d > days[m - 1]) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- actors

export interface ActorRole {
  /** CAMEO actor code as written (upper case), e.g. GBRGOV. */
  code: string;
  /** First day (YYYY-MM-DD), empty when open. */
  from: string;
  /** Last day (YYYY-MM-DD, inclusive), empty when open. Both empty: the default code. */
  to: string;
}

export interface ActorEntry {
  /** The primary phrase, words separated by spaces, as written (upper case in the Phoenix files). */
  name: string;
  /** The synonyms (`+` lines), in file order, without the name. */
  synonyms: string[];
  roles: ActorRole[];
  line: number;
}

const CODE_ITEM = /\[([^\]]*)\]/g;

/** One `[CODE ...]` item; null (and a problem) when malformed. */
function parseRole(body: string, n: number, rep: Reporter): ActorRole | null {
  // "[CODE > 140608]" (a blank after < or >) is read as "[CODE >140608]"
  const parts = body.trim().replace(/([<>])\s+/, '$1').split(/\s+/).filter(Boolean);
  if (parts.length === 0) {
    rep.bad(n, 'empty code item []');
    return null;
  }
  const code = parts[0].replace(/^~/, '').toUpperCase();
  if (!/^([A-Z0-9]{3})+$|^---$/.test(code)) {
    rep.bad(n, `malformed CAMEO code "${parts[0]}"`);
    return null;
  }
  if (parts.length === 1) return { code, from: '', to: '' };
  if (parts.length > 2) {
    rep.bad(n, `unexpected text in code item [${body.trim()}]`);
    return null;
  }
  const r = parts[1];
  const date = (s: string): string | null => {
    const d = petrarchDate(s);
    if (d === null) rep.bad(n, `bad date "${s}" in [${body.trim()}] (YYMMDD or YYYYMMDD)`);
    return d;
  };
  if (r.startsWith('<')) {
    const to = date(r.slice(1));
    return to === null ? null : { code, from: '', to };
  }
  if (r.startsWith('>')) {
    const from = date(r.slice(1));
    return from === null ? null : { code, from, to: '' };
  }
  const dash = r.split('-');
  if (dash.length !== 2) {
    rep.bad(n, `bad date restriction "${r}" (DATE-DATE, <DATE or >DATE)`);
    return null;
  }
  const from = date(dash[0]);
  if (from === null) return null;
  const to = date(dash[1]);
  if (to === null) return null;
  return { code, from, to };
}

/** Codes in a line's `[...]` items, and the text before the first `[`. */
function splitCodes(text: string, n: number, rep: Reporter): { phrase: string; roles: ActorRole[]; ok: boolean } {
  const open = text.indexOf('[');
  const phrase = open < 0 ? text : text.slice(0, open);
  const rest = open < 0 ? '' : text.slice(open);
  const roles: ActorRole[] = [];
  if (!rest) return { phrase, roles, ok: true };
  const opens = (rest.match(/\[/g) ?? []).length;
  const closes = (rest.match(/\]/g) ?? []).length;
  const leftover = rest.replace(CODE_ITEM, '').trim();
  if (opens !== closes || leftover) {
    rep.bad(n, `unbalanced or stray text around code items: "${rest.trim()}"`);
    return { phrase, roles, ok: false };
  }
  for (const m of rest.matchAll(CODE_ITEM)) {
    const role = parseRole(m[1], n, rep);
    if (role) roles.push(role);
  }
  return { phrase, roles, ok: true };
}

export interface ActorParse {
  entries: ActorEntry[];
  /** Entries with no code at all (nothing to import), by name. */
  uncoded: { name: string; line: number }[];
  problems: Problem[];
}

/**
 * Reads a PETRARCH actor dictionary. Each line that is neither a `+synonym` nor a role line (its first
 * non-blank character `[`) begins a new entry, as in PETRARCH2's read_actor_dictionary; the synonyms and
 * role lines that follow belong to it. Codes written on the primary or synonym lines count as its roles.
 */
export function parseActors(text: string, file: string, opts: ParseOptions = {}): ActorParse {
  const rep = new Reporter(file, !!opts.strict);
  const entries: ActorEntry[] = [];
  const uncoded: { name: string; line: number }[] = [];
  let cur: ActorEntry | null = null;
  const close = () => {
    if (!cur) return;
    if (cur.roles.length) entries.push(cur);
    else uncoded.push({ name: cur.name, line: cur.line });
    cur = null;
  };
  for (const { n, text: t } of contentLines(text, true)) {
    const s = t.trim();
    if (s.startsWith('[')) {
      if (!cur) {
        rep.bad(n, 'code line before any actor phrase');
        continue;
      }
      const { roles } = splitCodes(s, n, rep);
      (cur as ActorEntry).roles.push(...roles);
      continue;
    }
    if (s.startsWith('+')) {
      if (!cur) {
        rep.bad(n, 'synonym (+) before any actor phrase');
        continue;
      }
      const { phrase, roles } = splitCodes(s.slice(1), n, rep);
      const p = phraseText(phrase);
      if (!p) rep.bad(n, 'empty synonym');
      else (cur as ActorEntry).synonyms.push(p);
      (cur as ActorEntry).roles.push(...roles);
      continue;
    }
    if (/^\s/.test(t)) {
      rep.bad(n, 'indented line that is not a [code] line');
      continue;
    }
    const { phrase, roles } = splitCodes(s, n, rep);
    const p = phraseText(phrase);
    if (!p) {
      rep.bad(n, 'actor line without a phrase');
      continue;
    }
    close();
    cur = { name: p, synonyms: [], roles, line: n };
  }
  close();
  return { entries, uncoded, problems: rep.problems };
}

// ---------------------------------------------------------------- agents

export interface AgentEntry {
  /** The phrase as written, `_` as spaces; a `!MARKER!` is replaced by its first substitute. */
  phrase: string;
  /** Every form matched, `phrase` first: substitutions, then plurals (given in `{}` or regular). */
  forms: string[];
  /** CAMEO agent code without `~`, e.g. GOV, GOVMED, NGO. */
  code: string;
  /** `~CODE` (`suffix`): added after the actor's code; `CODE~` (`prefix`): before it (NGO~, IGO~). */
  attach: 'suffix' | 'prefix';
  line: number;
}

/** Regular English plural of a phrase's last word (PETRARCH's rule: +S, Y -> IES, SS -> SSES). */
export function regularPlural(phrase: string): string {
  const m = /^(.*?)(\S+)$/.exec(phrase);
  if (!m) return phrase;
  const [, head, w] = m;
  const up = w === w.toUpperCase();
  const s = (x: string) => (up ? x.toUpperCase() : x);
  let p: string;
  if (/[^aeiou]y$/i.test(w)) p = w.slice(0, -1) + s('ies');
  else if (/(ss|sh|ch|x|z)$/i.test(w)) p = w + s('es');
  else if (/s$/i.test(w)) p = w;
  else p = w + s('s');
  return head + p;
}

export function parseAgents(text: string, file: string, opts: ParseOptions = {}): { entries: AgentEntry[]; problems: Problem[] } {
  const rep = new Reporter(file, !!opts.strict);
  const subs = new Map<string, string[]>();
  const entries: AgentEntry[] = [];
  for (const { n, text: t } of contentLines(text)) {
    const s = t.trim();
    const def = /^(![A-Z0-9_]+!)\s*=\s*(.+)$/i.exec(s);
    if (def) {
      subs.set(def[1].toUpperCase(), def[2].split(',').map((x) => x.trim()).filter(Boolean));
      continue;
    }
    const m = /^(.*?)\s*(?:\{([^}]*)\})?\s*\[\s*([^\]\s]+)\s*\]\s*$/.exec(s);
    if (!m || !m[1].trim()) {
      rep.bad(n, `expected "PHRASE {PLURALS} [~CODE]", got "${s}"`);
      continue;
    }
    const [, rawPhrase, plurals, rawCode] = m;
    let attach: 'suffix' | 'prefix';
    let code: string;
    if (rawCode.startsWith('~')) {
      attach = 'suffix';
      code = rawCode.slice(1);
    } else if (rawCode.endsWith('~')) {
      attach = 'prefix';
      code = rawCode.slice(0, -1);
    } else {
      rep.bad(n, `agent code "${rawCode}" needs a ~ before (added after the actor code) or after (added before it)`);
      continue;
    }
    code = code.toUpperCase();
    if (!/^([A-Z0-9]{3})+$/.test(code)) {
      rep.bad(n, `malformed agent code "${rawCode}"`);
      continue;
    }
    const marker = /![A-Z0-9_]+!/i.exec(rawPhrase);
    let forms: string[];
    if (marker) {
      const list = subs.get(marker[0].toUpperCase());
      if (!list) {
        rep.bad(n, `substitution marker ${marker[0]} used before it is defined`);
        continue;
      }
      forms = list.map((x) => phraseText(rawPhrase.replace(marker[0], x)));
    } else {
      const p = phraseText(rawPhrase);
      forms = [p];
      if (plurals === undefined) {
        const pl = regularPlural(p);
        if (pl !== p) forms.push(pl);
      } else forms.push(...plurals.split(/\s+/).filter(Boolean).map(phraseText));
    }
    forms = [...new Set(forms.filter(Boolean))];
    entries.push({ phrase: forms[0], forms, code, attach, line: n });
  }
  return { entries, problems: rep.problems };
}

// ---------------------------------------------------------------- discards

export interface DiscardEntry {
  phrase: string;
  /** `story`: a `+` line voids the whole story; `sentence`: only the sentence. */
  scope: 'sentence' | 'story';
  /** `word`: the phrase ended with `_` and must end at a word boundary; `stem`: it may run on ("BASEBALL" in "BASEBALLS"). */
  match: 'word' | 'stem';
  line: number;
}

export function parseDiscards(text: string, file: string, opts: ParseOptions = {}): { entries: DiscardEntry[]; problems: Problem[] } {
  const rep = new Reporter(file, !!opts.strict);
  const entries: DiscardEntry[] = [];
  for (const { n, text: t } of contentLines(text)) {
    let s = t.trim();
    const story = s.startsWith('+');
    if (story) s = s.slice(1).trim();
    if (/[[\]{}]/.test(s)) {
      rep.bad(n, `discard phrases take no codes or forms: "${s}"`);
      continue;
    }
    const word = s.endsWith('_');
    const phrase = phraseText(s);
    if (!phrase) {
      rep.bad(n, 'empty discard phrase');
      continue;
    }
    entries.push({ phrase, scope: story ? 'story' : 'sentence', match: word ? 'word' : 'stem', line: n });
  }
  return { entries, problems: rep.problems };
}

// ---------------------------------------------------------------- verbs

export interface Synset {
  /** `&NAME` as written, without a final `_`. */
  name: string;
  /** The label ended with `_`: no plurals are formed for its phrases. */
  noPlural: boolean;
  phrases: string[];
  line: number;
}

export interface VerbEntry {
  /** The verb phrase, lower case, words separated by spaces ("clear up", "wire tap"). */
  lemma: string;
  /** The inflected word of a multi-word verb (the one marked `+`); the lemma itself otherwise. */
  head: string;
  /** Inflected forms (lower case): those in `{}` when given, else the regular ones. */
  forms: string[];
  irregular: boolean;
  /** The verb's own code, or its block's: CAMEO code, or `---` (no event). */
  code: string;
  /** The block's first verb: the patterns of the block are stored under it. */
  block: string;
  line: number;
}

export type Slot = string;

export interface PatternEntry {
  /** The block's first verb (lower case): the pattern applies to every verb of the block. */
  verb: string;
  /** The pattern as written, without the leading `-`, its code and comment. */
  pattern: string;
  /** Words (and `&SYNSET`s) before / after the verb, lower case, in order; markers left out. */
  before: string[];
  after: string[];
  /** The preposition the target is the object of, else the first preposition after the verb. */
  prep: string;
  /**
   * Where the source ($) and target (+) sit: `subj` (before the verb), `obj` (right after it), `pobj:with`
   * (object of that preposition), `after` (later after the verb), `compound` (`%`: both sides in one
   * phrase), or empty when the pattern does not say (source: the subject; target: the object).
   */
  source: Slot;
  target: Slot;
  /** CAMEO code (`---`: the pattern blocks an event) and, for `[A:B]`, the code of the reverse event. */
  code: string;
  code2: string;
  line: number;
}

const PREPOSITIONS = new Set(
  ('about above across after against along alongside amid amidst among amongst around as at before behind below beneath beside ' +
    'besides between beyond by despite down during except for from in inside into like near of off on onto out outside over ' +
    'past per regarding since through throughout till to toward towards under underneath until unto up upon via with within without')
    .split(' '),
);

export const isPreposition = (w: string): boolean => PREPOSITIONS.has(w.toLowerCase()) || /^&PREPOSIT/i.test(w);

/**
 * Regular verb forms (3rd person -s, past -ed, -ing) of a word, lower case. A one-syllable word ending in
 * one vowel and one consonant doubles it (ban -> banned, banning); longer words do not (visit -> visited).
 */
export function regularVerbForms(w: string): string[] {
  if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w)) {
    const d = w + w.slice(-1);
    return [w + 's', d + 'ed', d + 'ing'];
  }
  const s = /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ies' : /(s|sh|ch|x|z|o)$/.test(w) ? w + 'es' : w + 's';
  const ed = w.endsWith('e') ? w + 'd' : /[^aeiou]y$/.test(w) ? w.slice(0, -1) + 'ied' : w + 'ed';
  const ing = w.endsWith('ie') ? w.slice(0, -2) + 'ying' : /[^aeio]e$/.test(w) ? w.slice(0, -1) + 'ing' : w + 'ing';
  return [s, ed, ing];
}

/** `[123]`, `[123:456]`, `[---]`, `[080!]` -> codes, or null. */
function parseVerbCode(body: string): { code: string; code2: string } | null {
  const b = body.trim().replace(/!$/, '');
  if (b === '---') return { code: '---', code2: '' };
  const m = /^(\d{2,4}|---)(?::(\d{2,4}|---))?$/.exec(b);
  return m ? { code: m[1], code2: m[2] ?? '' } : null;
}

/** A verb phrase such as `WIRE_+TAP` or `+CLEAR_UP` or `SAY`: lemma, head word. */
function verbPhrase(s: string): { lemma: string; head: string; words: string[] } {
  const words = s.split(/[_\s]+/).filter(Boolean);
  let headIdx = words.findIndex((w) => w.startsWith('+'));
  if (headIdx < 0) headIdx = 0;
  const clean = words.map((w) => w.replace(/^\+/, '').toLowerCase());
  return { lemma: clean.join(' '), head: clean[headIdx], words: clean };
}

export interface VerbParse {
  synsets: Synset[];
  verbs: VerbEntry[];
  patterns: PatternEntry[];
  /** TABARI-era patterns with `{...}` that PETRARCH2 itself ignores. */
  skipped: number;
  problems: Problem[];
}

export function parseVerbs(text: string, file: string, opts: ParseOptions = {}): VerbParse {
  const rep = new Reporter(file, !!opts.strict);
  const synsets: Synset[] = [];
  const verbs: VerbEntry[] = [];
  const patterns: PatternEntry[] = [];
  let skipped = 0;
  let syn: Synset | null = null;
  let blockCode = '---';
  let block = '';
  let newBlock = false;
  for (const { n, text: t } of contentLines(text, true)) {
    const s = t.trim();
    if (syn && s.startsWith('+')) {
      const p = s.slice(1).trim();
      if (!p || /[$+%^*&]/.test(p)) rep.bad(n, `synset phrase may hold words only: "${s}"`);
      else syn.phrases.push(phraseText(p));
      continue;
    }
    syn = null;
    if (s.startsWith('&')) {
      const name = s.split(/\s+/)[0];
      if (!/^&[A-Z0-9_-]+$/i.test(name)) {
        rep.bad(n, `malformed synset label "${name}"`);
        continue;
      }
      const noPlural = name.endsWith('_');
      syn = { name: noPlural ? name.slice(0, -1) : name, noPlural, phrases: [], line: n };
      synsets.push(syn);
      continue;
    }
    if (s.startsWith('---')) {
      // the closing --- is sometimes missing ("--- DEFEND"): the line still opens a block
      const m = /^---\s*(.*?)\s*(?:\[([^\]]*)\])?\s*(?:---)?\s*$/.exec(s);
      if (!m) {
        rep.bad(n, `malformed block header "${s}" (--- NAME [CODE] ---)`);
        continue;
      }
      const code = m[2] === undefined ? { code: '---', code2: '' } : parseVerbCode(m[2]);
      if (!code) {
        rep.bad(n, `malformed code [${m[2]}] in block header`);
        continue;
      }
      blockCode = code.code;
      newBlock = true;
      block = '';
      continue;
    }
    if (s.startsWith('-')) {
      if (!block) {
        rep.bad(n, 'pattern before any verb of its block');
        continue;
      }
      const m = /^-(.*?)\[([^\]]*)\]\s*$/.exec(s);
      if (!m) {
        rep.bad(n, `pattern without a [CODE]: "${s}"`);
        continue;
      }
      const code = parseVerbCode(m[2]);
      if (!code) {
        rep.bad(n, `malformed pattern code [${m[2]}]`);
        continue;
      }
      const body = m[1].trim();
      if (body.includes('{')) {
        skipped++;
        continue;
      }
      const pat = analysePattern(body);
      if (!pat) {
        rep.bad(n, `pattern without the verb marker *: "${s}"`);
        continue;
      }
      patterns.push({ verb: block, pattern: body, ...pat, ...code, line: n });
      continue;
    }
    // a verb line
    // VERB {FORMS} [CODE], also written VERB [CODE] {FORMS}
    const m0 = /^([^[{]+?)\s*(?:\{([^}]*)\})?\s*(?:\[([^\]]*)\])?\s*$/.exec(s);
    const m1 = m0 ? null : /^([^[{]+?)\s*\[([^\]]*)\]\s*\{([^}]*)\}\s*$/.exec(s);
    const m = m0 ?? (m1 ? [m1[0], m1[1], m1[3], m1[2]] : null);
    if (!m) {
      rep.bad(n, `malformed verb line "${s}" (VERB {FORMS} [CODE])`);
      continue;
    }
    if (!newBlock && !block) {
      rep.bad(n, 'verb outside a --- block ---');
      continue;
    }
    let code = blockCode;
    if (m[3] !== undefined) {
      const c = parseVerbCode(m[3]);
      if (!c) {
        rep.bad(n, `malformed verb code [${m[3]}]`);
        continue;
      }
      code = c.code;
    }
    const { lemma, head, words } = verbPhrase(m[1]);
    if (!lemma || /[$%^*&]/.test(lemma)) {
      rep.bad(n, `malformed verb "${m[1]}"`);
      continue;
    }
    if (newBlock) {
      block = lemma;
      newBlock = false;
    }
    let forms: string[];
    const irregular = m[2] !== undefined;
    if (irregular) forms = m[2].split(/\s+/).filter(Boolean).map((f) => verbPhrase(f).lemma);
    else {
      const hi = words.indexOf(head);
      forms = regularVerbForms(head).map((f) => words.map((w, i) => (i === hi ? f : w)).join(' '));
    }
    verbs.push({ lemma, head, forms, irregular, code, block, line: n });
  }
  return { synsets, verbs, patterns, skipped, problems: rep.problems };
}

/** Splits a pattern body into its pieces and finds the verb, the source and the target. */
export function analysePattern(body: string): Pick<PatternEntry, 'before' | 'after' | 'prep' | 'source' | 'target'> | null {
  const cleaned = body.replace(/[()]/g, ' ').replace(/_ /g, ' ').replace(/_$/, '');
  const els = cleaned
    .split(/\s+/)
    .flatMap((tok) => tok.split('_'))
    .filter(Boolean);
  const star = els.indexOf('*');
  if (star < 0) return null;
  const isMarker = (e: string) => e === '$' || e === '+' || e === '%' || e === '^' || e === '*';
  const word = (e: string) => (e.startsWith('&') ? e.toUpperCase() : e.toLowerCase());
  const before = els.slice(0, star).filter((e) => !isMarker(e)).map(word);
  const after = els.slice(star + 1).filter((e) => !isMarker(e)).map(word);
  const slot = (marker: string): Slot => {
    const i = els.indexOf(marker);
    if (i < 0) return '';
    if (i < star) return 'subj';
    let j = i - 1;
    while (j > star && els[j] === '^') j--;
    if (j === star) return 'obj';
    const prev = els[j];
    if (isPreposition(prev)) return `pobj:${word(prev)}`;
    return 'after';
  };
  const compound = els.includes('%');
  const source = compound ? 'compound' : slot('$');
  const target = compound ? 'compound' : slot('+');
  let prep = '';
  for (const s of [target, source]) if (s.startsWith('pobj:')) prep ||= s.slice(5);
  if (!prep) prep = after.find(isPreposition) ?? '';
  return { before, after, prep, source, target };
}

// ---------------------------------------------------------------- CAMEO -> PLOVER

export interface PloverEntry {
  type: string;
  mode: string;
  context: string;
  description: string;
}

/** Reads CAMEO2PLOVER: `CODE: TYPE, MODE, CONTEXT # description`. The first line for a code wins. */
export function parseCameo2Plover(text: string, file: string, opts: ParseOptions = {}): { table: Map<string, PloverEntry>; problems: Problem[] } {
  const rep = new Reporter(file, !!opts.strict);
  const table = new Map<string, PloverEntry>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const s = raw.trim();
    if (!s || s.startsWith('#') || /^~+$/.test(s)) continue;
    const m = /^(\d{2,4})\s*:\s*([^#]*?)\s*(?:#\s*(.*))?$/.exec(s);
    if (!m) {
      rep.bad(i + 1, `expected "CODE: TYPE, MODE, CONTEXT # description", got "${s}"`);
      continue;
    }
    const [type = '', mode = '', context = ''] = m[2].split(',').map((x) => x.trim());
    if (!/^[A-Z]+$/.test(type)) {
      rep.bad(i + 1, `no PLOVER type in "${s}"`);
      continue;
    }
    if (table.has(m[1])) continue;
    table.set(m[1], {
      type,
      mode: mode.replace(/\s+/g, ''),
      context: context.split(';').map((x) => x.trim()).filter(Boolean).join(';'),
      description: (m[3] ?? '').replace(/\s+\d\d\.\d\d\.\d\d:.*$/, '').trim(),
    });
  }
  return { table, problems: rep.problems };
}

/** The PLOVER entry for a CAMEO code: the code itself, else its nearest listed parent (0874 -> 087 -> 08). */
export function ploverOf(table: Map<string, PloverEntry>, code: string): PloverEntry | undefined {
  if (!/^\d{2,4}$/.test(code)) return undefined;
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const e = table.get(c);
    if (e) return e;
  }
  return undefined;
}
