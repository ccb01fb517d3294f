/**
 * Canonical speakers: one spelling per entity across the dataset, its type, and an ID from the two.
 *  - within an article, a person's fullest name ("Marine Le Pen" for "Le Pen");
 *  - across the dataset, the dictionaries' name where they know the speaker ("US", "U.S." and "United States"
 *    are the United States; "Zelensky" is Volodymyr Zelensky; "Nato" is NATO), and an abbreviation written
 *    without its last dot made whole ("U.S Agriculture Department" is the "U.S. Agriculture Department");
 *  - speaker_type: person, organisation, country, group, anonymous source, unknown (unresolved or empty);
 *  - speaker_id: from the canonical name and the type only, so the same speaker has the same ID in every
 *    article and every version.
 */
import { readFileSync } from 'node:fs';
import { escapeRegExp } from '../util/regexp.ts';
import { LEXICON } from '../events/lexicon.ts';
import { nameKey } from '../events/tokens.ts';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import { makeId } from '../util/ids.ts';
import { DOCUMENT_NOUNS, ORG_HEADS, QUANTITY_WORDS, SPEAKER_NOUNS, SURVEY_PARTICIPLES, TITLE_WORDS } from './lexicon.ts';
import { FIRST_NAMES } from './gender.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';

import { SPEAKER_TYPES } from '../schema/tables.ts';

export type SpeakerType = (typeof SPEAKER_TYPES)[number];

/** Abbreviations of places written with dots, which a wire may print without the last one ("U.S", "U.K"). */
const DOTTED = /(?<![\p{L}.])((?:\p{Lu}\.){1,3}\p{Lu})(?![\p{L}.])/gu;
/** Words that mark a source the article does not name. */
const ANONYMOUS = /\b(?:sources?|insiders?|familiar with|anonymity|not authori[sz]ed|asked not to be (?:named|identified)|declined to be (?:named|identified)|who requested anonymity)\b/i;
const INDEFINITE = /^(?:a|an|one|another|some|two|three|several|many|other)\s/i;

/** The speaker's spelling with the whitespace and dotted abbreviations made regular ("U.S" -> "U.S."). */
export function regularSpelling(name: string): string {
  return name.replace(/\s+/g, ' ').trim().replace(DOTTED, '$1.');
}

export interface SpeakerFacts {
  /** The resolver knows the name as a person's (a given name, an honorific, an office, a pronoun). */
  person: boolean;
  /** The speaker was not resolved (a pronoun or a description the article names no one for). */
  unresolved?: boolean;
}

export interface CanonicalSpeaker {
  name: string;
  type: SpeakerType;
  id: string;
}

const plural = (w: string) => /[^s]s$/.test(w) && w.length > 3;

/**
 * A country's own name or its abbreviation ("United States", "US", "U.S."), not a word the dictionaries take for
 * the country by metonymy ("the White House", "Washington") or a demonym ("Mexicans"): those speak for themselves.
 */
function countryName(name: string): boolean {
  return COUNTRY_NAMES.has(name.toLowerCase()) || /^(?:\p{Lu}\.?){2,3}$/u.test(name);
}
countries.registerLocale(createRequire(import.meta.url)('i18n-iso-countries/langs/en.json'));
const COUNTRY_NAMES = new Set(Object.values(countries.getNames('en', { select: 'all' }) as Record<string, string[]>).flat().map((n) => n.toLowerCase()));

/**
 * The canonical name, type and ID of a resolved speaker. The name is the article's spelling made regular, a
 * country's the dictionaries' ("US" -> "United States"); the ID is keyed on the dictionaries' name of whatever
 * they know ("IMF" and "International Monetary Fund", "Zelensky" and "Volodymyr Zelensky" share one), so
 * speaker_id is the column to group by.
 */
export function canonicalSpeaker(speaker: string, facts: SpeakerFacts): CanonicalSpeaker {
  const spelled = regularSpelling(speaker);
  const type = speakerType(spelled, facts);
  if (type === 'unknown') return { name: '', type, id: '' };
  const known = LEXICON.names.get(nameKey(spelled));
  const name = type === 'country' && known ? known.name : spelled;
  const same = known && ((type === 'country' && known.kind === 'country') || (type === 'organisation' && known.kind === 'org') || (type === 'person' && known.kind === 'person'));
  const key = (same ? known.name : name).toLowerCase().replace(/'/g, '’');
  return { name, type, id: makeId('spk', type, key) };
}

/** A phrase headed by an office or a speaking noun: "company spokesman", "senior official", "union source". */
export function officeHead(name: string): boolean {
  const last = name.split(' ').pop()!.toLowerCase();
  return TITLE_WORDS.has(last) || SPEAKER_NOUNS.has(last) || /^sources?$/.test(last);
}

/** A company's suffix or an organisation's head word: "Bow Valley Industries Ltd" is no person. */
const orgWord = (w: string) => {
  const lower = w.toLowerCase().replace(/[,]$/, '');
  return ORG_HEADS.has(lower) || ORG_HEADS.has(lower.replace(/\.$/, '')) || ORG_HEADS.has(lower.replace(/\.?$/, '.'));
};

export function speakerType(name: string, facts: SpeakerFacts): SpeakerType {
  if (!name || facts.unresolved) return 'unknown';
  const known = LEXICON.names.get(nameKey(name));
  const words = name.split(' ');
  const lastWord = words[words.length - 1].toLowerCase();
  if (ANONYMOUS.test(name)) return 'anonymous source';
  // "a senior official", "one diplomat": someone the article does not name.
  if (INDEFINITE.test(name) && !/\p{Lu}/u.test(words.slice(1).join(' '))) return 'anonymous source';
  if (known?.kind === 'country' && countryName(name)) return 'country';
  if ((facts.person && !words.some(orgWord)) || known?.kind === 'person') return 'person';
  // A lower-case description ("company spokesman", "a senior official", "the official") names no one in
  // particular; a plural one ("analysts", "bank officials") is a group.
  if (!/\p{Lu}/u.test(name)) return plural(lastWord) ? 'group' : 'anonymous source';
  // "a Commerce department official", "White House spokesman": an unnamed office of a named body.
  if (/^\p{Ll}/u.test(words[words.length - 1]) && !plural(lastWord) && (TITLE_WORDS.has(lastWord) || SPEAKER_NOUNS.has(lastWord))) return 'anonymous source';
  if (known?.kind === 'org' || words.some(orgWord)) return 'organisation';
  // "analysts", "US officials", "Democrats", "protesters", "Mexicans": many people, together.
  if (plural(lastWord) && (SPEAKER_NOUNS.has(lastWord.replace(/s$/, '')) || TITLE_WORDS.has(lastWord.replace(/s$/, '')) || /^\p{Lu}/u.test(words[words.length - 1]) || !/\p{Lu}/u.test(name))) return 'group';
  if (known?.kind === 'sector') return 'group';
  // A lower-case description left as it is written ("the official", "a doctor") names no one in particular.
  if (!/\p{Lu}/u.test(name)) return 'anonymous source';
  // The White House, the Kremlin, Washington: a government by its seat is an organisation that speaks.
  return 'organisation';
}

/**
 * The fullest spelling of each person speaker in one article: a name that is the end of a longer person's name
 * in the article ("Le Pen", "Pen") becomes that name when only one such name exists.
 */
export function fullestNames(speakers: Iterable<string>, personNames: Iterable<string>, gender?: (name: string) => 'm' | 'f' | undefined): Map<string, string> {
  const people = [...new Set(personNames)].filter((n) => n.includes(' '));
  const out = new Map<string, string>();
  // "Mr. Obama" is not "Michelle Obama": a longer name of the other gender is someone else of that surname.
  const clash = (a: string, b: string) => {
    const ga = gender?.(a);
    const gb = gender?.(b);
    return !!ga && !!gb && ga !== gb;
  };
  for (const s of new Set(speakers)) {
    if (!s) continue;
    const longer = people.filter((p) => p.length > s.length && p.endsWith(' ' + s) && !clash(s, p));
    if (new Set(longer).size === 1) out.set(s, longer[0]);
  }
  return out;
}

/** A company's name by its legal ending ("Systems Assurance Corp", "Caesars World Inc"). */
const COMPANY_SUFFIXES = new Set(
  readFileSync(new URL('./lexicon/company-suffixes.txt', import.meta.url), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')),
);
const COMPANY_NAME = { test: (name: string): boolean => name.includes(' ') && COMPANY_SUFFIXES.has(name.slice(name.lastIndexOf(' ') + 1).replace(/\.$/, '')) };

/**
 * The company name an article gives in full for a speaker written by its first words ("Systems" or "Systems
 * Assurance" for "Systems Assurance Corp"), when exactly one such name opens with them; not a country or a
 * person, nor a name the dictionaries know as something else ("American" stays unless the article names one).
 */
export function fullCompanyNames(speakers: Iterable<string>, names: Iterable<string>, isPerson: (name: string) => boolean): Map<string, string> {
  const companies = [...new Set(names)].filter((n) => COMPANY_NAME.test(n) && n.split(' ').length >= 2);
  const out = new Map<string, string>();
  for (const s of new Set(speakers)) {
    if (!s || !/^\p{Lu}/u.test(s) || COMPANY_NAME.test(s) || isPerson(s)) continue;
    const known = LEXICON.names.get(nameKey(s));
    if (known && known.kind !== 'org') continue;
    const longer = new Set(companies.filter((c) => c.startsWith(s + ' ')));
    if (longer.size === 1) out.set(s, [...longer][0]);
  }
  return out;
}
/**
 * The company name an article writes in full for a speaker that is a name in 's ("Moody's" for "Moody's Investors
 * Service Inc", "Heck's" for "Heck's Inc"): the names entities break at the possessive, so they are read from the
 * text, capitalised words after the 's up to a company's legal ending; only when exactly one such name is written.
 */
export function possessiveCompanyNames(speakers: Iterable<string>, text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of new Set(speakers)) {
    if (!/^\p{Lu}.*[’']s$/u.test(s)) continue;
    const full = new Set<string>();
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(s)}((?:\\s+[\\p{Lu}&][\\p{L}.&-]*){1,5})`, 'gu'))) {
      const words = m[1].trim().split(/\s+/);
      const end = words.findIndex((w) => COMPANY_SUFFIXES.has(w.replace(/\.$/, '')));
      if (end >= 0) full.add(`${s} ${words.slice(0, end + 1).join(' ')}`.replace(/\.$/, ''));
    }
    if (full.size === 1) out.set(s, [...full][0]);
  }
  return out;
}

/** Prepositions that tie a person to a body ("a broker at Nomura", "economists with Salomon"): the person speaks. */
const RELATIONS = new Set(['at', 'with', 'from', 'in', 'for', 'by', 'on', 'to']);
/** "calculations by Reuters Pipeline", "estimates from India": after a thing, not a person, the body is the source. */
const SOURCE_RELATIONS = new Set(['from', 'by']);
/** Words that join the words of a name: "Office for National Statistics", "Bank of England", "AG Edwards & Sons". */
const NAME_JOINS = new Set(['of', 'for', 'and', '&', 'de', 'the']);
const capitalised = (w: string) => /^[\p{Lu}\p{N}]/u.test(w);
/** Capitalised words, with the joins of a name between them: a name. */
const nameWords = (ws: string[]) => ws.length > 0 && capitalised(ws[0]) && capitalised(ws[ws.length - 1]) && ws.every((w) => capitalised(w) || NAME_JOINS.has(w));

/**
 * The speaker's name without the words round it that name no one (the canonical form of a resolved speaker):
 *  - a person's firm after "of" or "from" ("Lars Thuesen of Privatbanken" -> "Lars Thuesen", as "Thor Bang, chief
 *    economist at Norbank" is "Thor Bang"), when the words before it are a person's name;
 *  - a poll's participle and what follows it ("economists polled by Reuters" -> "economists");
 *  - a named body's document ("Office for National Statistics data" -> "Office for National Statistics",
 *    "the Bank's figures" -> "Bank"): the body speaks; "official figures" names no body and stays;
 *  - a descriptive word in lower case before an organisation's name ("local Arab News", "official Tanjug news
 *    agency"), not a word that counts ("many MPs") nor one before an office or a people noun ("senior official").
 * `person`: the resolver's evidence that the name is a person's.
 */
export function speakerForm(name: string, person: boolean): string {
  let ws = name.split(' ').filter(Boolean);
  if (ws.length < 2) return name;
  // A poll's participle: the people before it speak.
  const polled = ws.findIndex((w, k) => k > 0 && SURVEY_PARTICIPLES.has(w) && !/^(?:those|the|who)$/i.test(ws[k - 1]));
  if (polled > 0 && (polled === ws.length - 1 || ws[polled + 1] === 'by' || ws[polled + 1] === 'for' || ws[polled + 1] === 'in')) ws = ws.slice(0, polled);
  // A body's document.
  const last = ws[ws.length - 1];
  if (ws.length >= 2 && DOCUMENT_NOUNS.has(last)) {
    let body = ws.slice(0, -1);
    // "CPC's 1986 annual report": the owner in 's speaks, whatever describes the document after it.
    const owner = body.findIndex((w) => /^\p{Lu}.*[’']s$/u.test(w));
    if (owner >= 0 && owner < body.length - 1) body = body.slice(0, owner + 1);
    while (body.length > 1 && !capitalised(body[0]) && !QUANTITY_WORDS.has(body[0]) && !/\d/.test(body[0])) body = body.slice(1);
    body = body.map((w, k) => (k === body.length - 1 ? w.replace(/[’']s$/, '') : w));
    const single = body.length === 1 && !/^[\p{Lu}\p{N}.&-]+$/u.test(body[0]) && wordClasses(body[0].toLowerCase()).mask !== 0;
    // (A body's name opens with a letter and holds no lower-case word of its own: not "1986", "White House-ordered".)
    if (nameWords(body) && !single && /^\p{Lu}/u.test(body[0]) && !body.some((w) => /-\p{Ll}/u.test(w))) ws = body;
  }
  // A person's firm.
  const of = ws.findIndex((w, k) => k >= 2 && (w === 'of' || w === 'from'));
  if (of >= 2 && of <= 4 && of < ws.length - 1 && (capitalised(ws[of + 1]) || (ws[of + 1] === 'the' && of + 2 < ws.length && capitalised(ws[of + 2])))) {
    const who = ws.slice(0, of);
    const personal = who.every((w) => /^\p{Lu}[\p{Ll}'’-]|^\p{Lu}\.$/u.test(w) && !ORG_HEADS.has(w.toLowerCase().replace(/,$/, '')));
    // ("John Wyver, from TV producer Illuminations": the comma before "from" goes with it.)
    if (personal && (person || FIRST_NAMES.has(who[0].toLowerCase()))) ws = who.map((w, k) => (k === who.length - 1 ? w.replace(/,$/, '') : w));
  }
  // A descriptive word before an organisation's name.
  let lead = 0;
  while (lead < ws.length - 1 && lead < 2 && /^\p{Ll}[\p{Ll}-]*(?:[’']s)?$/u.test(ws[lead]) && !QUANTITY_WORDS.has(ws[lead]) && !TITLE_WORDS.has(ws[lead]) && !SPEAKER_NOUNS.has(ws[lead]) && !NAME_JOINS.has(ws[lead]) && !(RELATIONS.has(ws[lead]) && !(lead > 0 && SOURCE_RELATIONS.has(ws[lead]) && wordClasses(ws[lead - 1]).noun !== NOUN.person))) lead++;
  if (lead > 0 && capitalised(ws[lead])) {
    const rest = ws.slice(lead);
    const end = rest[rest.length - 1].toLowerCase();
    // Not before an office or a noun for people: "senior U.S. Official" is someone, no body.
    // (WordNet's persons only for a word in lower case: it knows "Seaman", "Blair" and "Knight" as people too.)
    const someone = TITLE_WORDS.has(end) || TITLE_WORDS.has(end.replace(/s$/, '')) || (/^\p{Ll}/u.test(rest[rest.length - 1]) && wordClasses(end).noun === NOUN.person);
    if ((capitalised(rest[rest.length - 1]) || ORG_HEADS.has(end)) && !someone) ws = rest;
  }
  return ws.join(' ');
}
