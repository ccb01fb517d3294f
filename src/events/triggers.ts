/**
 * Trigger phrases (dictionaries/triggers.tsv) compiled into token patterns, indexed by their first word so
 * that a sentence is scanned once with one Map probe per token.
 */
import { readFileSync } from 'node:fs';
import type { PloverType } from '../schema/tables.ts';
import { PLOVER_TYPES } from '../schema/tables.ts';
import { CALENDAR, type Token } from './tokens.ts';

/** Type of a blocking pattern: its words are no event ("meet its obligations"), and it beats shorter patterns. */
export const NOT_AN_EVENT = '-';

/** One word of a pattern: a set of accepted lower-case forms, a gap, or any capitalised word. */
const NUMBER_WORD = /^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundred|Thousand|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth)(?:-\w+)?$/;
type Spec = { kind: 'words'; forms: Set<string>; name?: boolean } | { kind: 'gap'; max: number };

export interface TriggerPattern {
  phrase: string;
  specs: Spec[];
  type: PloverType;
  mode: string;
  context: string;
  strength: 'verb' | 'noun';
  /** The first word is a verb lemma (inflected), not a literal form: after "the" it is a noun. */
  lemma: boolean;
  /** Coded only with a named recipient. */
  needsRecipient: boolean;
  /** Type when no party is armed ("the minister attacked his rival" is criticism). */
  verbal?: PloverType;
  /** An order: the act it orders is the event (triggers.tsv, "command"). */
  command: boolean;
}

export interface TriggerMatch {
  pattern: TriggerPattern;
  /** Token indices [first, last] of the match. */
  first: number;
  last: number;
  start: number;
  end: number;
}

const dictionary = (file: string) =>
  readFileSync(new URL(`./dictionaries/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() && !l.startsWith('#'));

const IRREGULAR = new Map(dictionary('irregular-verbs.tsv').map((l) => {
  const [lemma, forms] = l.split('\t');
  return [lemma, forms.split('|')] as const;
}));

const VOWEL = /[aeiou]/;
/** Regular inflections plus listed irregular ones; forms that are not words never match, so a few extra do no harm. */
export function verbForms(lemma: string): string[] {
  const forms = new Set([lemma, `${lemma}s`, `${lemma}es`, `${lemma}ed`, `${lemma}ing`]);
  if (lemma.endsWith('e')) (forms.add(`${lemma}d`), forms.add(`${lemma.slice(0, -1)}ing`));
  if (/[^aeiou]y$/.test(lemma)) (forms.add(`${lemma.slice(0, -1)}ies`), forms.add(`${lemma.slice(0, -1)}ied`));
  const last = lemma.at(-1)!;
  // Doubled final consonant: ban -> banned, commit -> committed, expel -> expelled.
  if (/[bdgklmnprt]/.test(last) && VOWEL.test(lemma.at(-2) ?? '') && !VOWEL.test(lemma.at(-3) ?? 'a')) {
    (forms.add(`${lemma}${last}ed`), forms.add(`${lemma}${last}ing`));
  }
  for (const f of IRREGULAR.get(lemma) ?? []) forms.add(f);
  return [...forms];
}

const nounForms = (n: string) => [n, /(?:s|sh|ch|x)$/.test(n) ? `${n}es` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`];

export function compile(line: string): TriggerPattern {
  const [rawPhrase, type, mode = '', context = '', strength = '', flags = ''] = line.split('\t');
  const flagList = flags.split(/\s+/).filter(Boolean);
  const verbal = flagList.find((f) => f.startsWith('verbal='))?.slice(7);
  if (verbal && !(PLOVER_TYPES as readonly string[]).includes(verbal)) throw new Error(`triggers.tsv: unknown PLOVER type ${verbal} in "${line}"`);
  if (type !== NOT_AN_EVENT && !(PLOVER_TYPES as readonly string[]).includes(type)) throw new Error(`triggers.tsv: unknown PLOVER type ${type} in "${line}"`);
  let phrase = rawPhrase.trim();
  const noun = phrase.startsWith('n:');
  const literal = phrase.startsWith('=');
  if (noun || literal) phrase = phrase.slice(noun ? 2 : 1);
  const words = phrase.split(/\s+/);
  const specs: Spec[] = words.map((w, i): Spec => {
    if (w === '...') return { kind: 'gap', max: 5 };
    // NAME stands for any capitalised word ("release Prime Minister X").
    const name = w.split('|').includes('NAME');
    const alts = w.split('|').filter((a) => a !== 'NAME').map((a) => a.toLowerCase());
    if (literal || alts.length > 1 || name) return { kind: 'words', forms: new Set(alts), name };
    if (noun) return { kind: 'words', forms: new Set(i === words.length - 1 ? nounForms(w.toLowerCase()) : [w.toLowerCase()]) };
    return { kind: 'words', forms: new Set(i === 0 ? verbForms(w.toLowerCase()) : [w.toLowerCase()]) };
  });
  return { phrase: rawPhrase, specs, type: type as PloverType, mode, context, strength: noun || strength === 'noun' ? 'noun' : 'verb', lemma: !noun && !literal,
    needsRecipient: flagList.includes('recipient'), verbal: verbal as PloverType | undefined, command: flagList.includes('command') };
}

function loadIndex(): Map<string, TriggerPattern[]> {
  const index = new Map<string, TriggerPattern[]>();
  for (const line of dictionary('triggers.tsv')) {
    const p = compile(line);
    const first = p.specs[0];
    if (first.kind !== 'words') throw new Error(`triggers.tsv: a pattern must start with a word: "${line}"`);
    for (const f of first.forms) index.set(f, [...(index.get(f) ?? []), p]);
  }
  return index;
}

const INDEX = loadIndex();

/** Whether a lower-case word can start a trigger (actors.ts keeps verbs out of noun phrases); the "-" patterns that
 *  only block others ("trade war", "legal fight") start none. */
export const startsTrigger = (lower: string) => !!INDEX.get(lower)?.some((p) => (p.type as string) !== '-');

/** Words that open another clause: a pattern's gap does not run over them. */
const GAP_STOP = new Set(['because', 'that', 'which', 'who', 'whom', 'whose', 'when', 'while', 'if', 'unless', 'although', 'though', 'whereas', 'but']);

/** Last token index matched by specs[k..] starting at token i, or -1. */
function matchFrom(specs: Spec[], k: number, toks: Token[], i: number): number {
  if (k === specs.length) return i - 1;
  const s = specs[k];
  if (s.kind === 'gap') {
    // (a gap runs within one clause: "cut borrowing because a two-year austerity program" cuts no program)
    for (let skip = 0; skip <= s.max && i + skip <= toks.length && !(skip > 0 && GAP_STOP.has(toks[i + skip - 1].lower)); skip++) {
      const r = matchFrom(specs, k + 1, toks, i + skip);
      if (r >= 0) return r;
    }
    return -1;
  }
  if (i >= toks.length) return -1;
  // (a month, a weekday or a number is no name: "struck on April 6", "struck on April Six" attack no one)
  const ok = s.forms.has(toks[i].lower) || (!!s.name && /^\p{Lu}/u.test(toks[i].text) && !CALENDAR.test(toks[i].text) && !NUMBER_WORD.test(toks[i].text));
  return ok ? matchFrom(specs, k + 1, toks, i + 1) : -1;
}

/**
 * Every trigger in the tokens, the longest pattern at each start, left to right, not overlapping.
 * A capitalised word inside a sentence is a name ("March", "Shell"), not a trigger.
 */
export function findTriggers(toks: Token[]): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (let i = 0; i < toks.length; i++) {
    const candidates = INDEX.get(toks[i].lower);
    if (!candidates) continue;
    if (i > 0 && /^\p{Lu}/u.test(toks[i].text)) continue;
    let best: TriggerMatch | undefined;
    for (const p of candidates) {
      const last = matchFrom(p.specs, 1, toks, i + 1);
      if (last < 0) continue;
      // The most specific pattern (most words), and of equals the shortest span.
      const words = p.specs.filter((x) => x.kind !== 'gap').length;
      const bestWords = best ? best.pattern.specs.filter((x) => x.kind !== 'gap').length : -1;
      if (!best || words > bestWords || (words === bestWords && last < best.last)) best = { pattern: p, first: i, last, start: toks[i].start, end: toks[last].end };
    }
    if (best) {
      if ((best.pattern.type as string) !== NOT_AN_EVENT) out.push(best);
      i = best.last;
    }
  }
  return out;
}
