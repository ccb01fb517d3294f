/**
 * Article-level coreference for the mentions an extractor cares about: every mention of a person,
 * organisation or place is linked to one entity the article names, or to none.
 *
 *  - Names form the entities: a later "Clinton" joins "Hillary Clinton", a later "Marine Le Pen" joins an
 *    earlier "Le Pen" (and becomes its canonical spelling, the fullest one); "Mrs. Clinton" picks the Clinton
 *    whose gender fits.
 *  - A pronoun ("he", "she", "it", "they") goes to the entity that agrees with it in gender, number and kind
 *    (a person for "he"/"she", no person for "it") and scores best on recency (sentences back) and salience
 *    (a subject, a name, mentioned often).
 *  - A definite description ("the company", "the ministry", "the minister") goes to the entity of its kind
 *    whose name or office holds its head word, else to the nearest entity of its kind.
 * Nothing else is guessed: a mention without an agreeing entity within reach is left unresolved (-1).
 *
 * The core is pure: the caller says what each mention is (kind, class, gender, number, whether it is a
 * subject); src/statements/ builds mentions from its names and speakers, bench/coreference.ts from GUM.
 */

import { readFileSync } from 'node:fs';

export type MentionKind = 'name' | 'pronoun' | 'nominal';
export type EntityClass = 'person' | 'organisation' | 'place' | 'other';
export type Gender = 'm' | 'f';

export interface Mention {
  /** Position in the text (any increasing unit: offset or token number). */
  at: number;
  /** Index of the sentence the mention is in. */
  sentence: number;
  kind: MentionKind;
  /** The mention's words as written. */
  words: string[];
  /** Class of a name (from a tagger or a dictionary), or what a description's head noun says. */
  cls?: EntityClass;
  gender?: Gender;
  plural?: boolean;
  /** Grammatical subject of its clause: the more salient antecedent. */
  subject?: boolean;
  /** An office written with a name ("Foreign Minister"): what "the minister" may point back to. */
  role?: string;
  /** A name written only to say what something is of ("French" in "the French regulator"): no pronoun's antecedent. */
  modifier?: boolean;
}

export interface Entity {
  id: number;
  /** The fullest name the article gives it. */
  name: string;
  cls?: EntityClass;
  /** Votes for a gender: names and honorifics weigh 3, a pronoun linked to it 1. */
  m: number;
  f: number;
  plural: boolean;
  /** Offices written with its names, lower case. */
  roles: string[];
  /** Every linked mention: [position, sentence, subject]. */
  mentions: Array<{ at: number; sentence: number; subject: boolean; named: boolean }>;
  /** Named only as a modifier so far (Mention.modifier): a description with a country's reach may find it, a pronoun not. */
  modifier?: boolean;
}

const PRONOUN_FEATURES: Record<string, { gender?: Gender; person?: boolean; plural?: boolean }> = {
  he: { gender: 'm', person: true }, him: { gender: 'm', person: true }, his: { gender: 'm', person: true }, himself: { gender: 'm', person: true },
  she: { gender: 'f', person: true }, her: { gender: 'f', person: true }, hers: { gender: 'f', person: true }, herself: { gender: 'f', person: true },
  it: { person: false }, its: { person: false }, itself: { person: false },
  they: { plural: true }, them: { plural: true }, their: { plural: true }, theirs: { plural: true }, themselves: { plural: true },
};

/** Third-person pronouns this resolver links ("I", "we", "you" are the speaker's or the reader's). */
export const isThirdPersonPronoun = (w: string): boolean => w.toLowerCase() in PRONOUN_FEATURES;

/** How far back (in sentences) a pronoun looks for its entity; a description looks further. */
const PRONOUN_REACH = 8;
const NOMINAL_REACH = 12;
/** What a mention still counts for one sentence later. */
const SALIENCE_DECAY = 0.5;

/** Offices written short before a name ("Sen. Ruth Park"), for "the senator" to find them. */
const OFFICE_ABBREVIATIONS: Record<string, string> = { 'sen.': 'senator', 'rep.': 'representative', 'gov.': 'governor', 'gen.': 'general', 'pres.': 'president', 'lt.': 'lieutenant', 'col.': 'colonel', 'capt.': 'captain', 'sgt.': 'sergeant', 'adm.': 'admiral', 'prof.': 'professor', 'dr.': 'doctor' };

const norm = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/\.$/, '');
/** Honorifics and connecting words that do not make a name fuller: "Mr. Trump" is no fuller than "Trump". */
const NOT_NAME = new Set(['mr', 'mrs', 'ms', 'dr', 'miss', 'sir', 'the', 'of', 'and', 'de', 'la', 'le', 'van', 'von', 'al', 'el', 'bin']);
const nameWords = (words: string[]) => words.map(norm).filter((w) => w && !NOT_NAME.has(w));

export class CoreferenceResolver {
  readonly entities: Entity[] = [];
  private readonly byKey = new Map<string, Entity>();

  /** The entity of a name mention (joining it to one named before, or a new one). */
  addName(m: Mention): Entity {
    const words = nameWords(m.words);
    const key = words.join(' ');
    let e = this.byKey.get(key) ?? this.sameName(words, m);
    if (!e) {
      e = { id: this.entities.length, name: m.words.join(' '), cls: m.cls, m: 0, f: 0, plural: !!m.plural, roles: [], mentions: [] };
      if (m.modifier) e.modifier = true;
      this.entities.push(e);
    } else {
      if (!m.modifier) delete e.modifier;
      // The fullest spelling is the entity's name: "Marine Le Pen" after "Le Pen".
      if (words.length > nameWords(e.name.split(' ')).length) e.name = m.words.join(' ');
      if (!e.cls && m.cls) e.cls = m.cls;
    }
    this.byKey.set(key, e);
    if (m.gender) e[m.gender] += 3;
    if (m.role) e.roles.push(m.role.toLowerCase().split(/[\s-]+/).map((w) => OFFICE_ABBREVIATIONS[w] ?? w).join(' '));
    e.mentions.push({ at: m.at, sentence: m.sentence, subject: !!m.subject, named: true });
    return e;
  }

  /**
   * An entity named before whose name holds this one or is held by it, by last word: "Clinton" and "Hillary
   * Clinton", "Le Pen" and "Marine Le Pen". Of several, the one whose gender fits, else the last mentioned.
   */
  private sameName(words: string[], m: Mention): Entity | undefined {
    if (!words.length) return undefined;
    const last = words[words.length - 1];
    let best: Entity | undefined;
    let bestAt = -1;
    for (const e of this.entities) {
      const ew = nameWords(e.name.split(' '));
      if (!ew.length || ew[ew.length - 1] !== last) continue;
      const shorter = ew.length <= words.length ? ew : words;
      const longer = ew.length <= words.length ? words : ew;
      if (!shorter.every((w) => longer.includes(w))) continue;
      // Two people are not one because they share a surname: the given names must not differ.
      if (m.cls && e.cls && m.cls !== e.cls) continue;
      const g = genderOf(e);
      if (m.gender && g && g !== m.gender) continue;
      const at = e.mentions[e.mentions.length - 1]?.at ?? -1;
      if (at > bestAt) { best = e; bestAt = at; }
    }
    return best;
  }

  /** The entity a pronoun or a description stands for, or undefined when no entity agrees within reach. */
  resolve(m: Mention): Entity | undefined {
    if (m.kind === 'name') return this.byKey.get(nameWords(m.words).join(' ')) ?? this.sameName(nameWords(m.words), m);
    return m.kind === 'pronoun' ? this.resolvePronoun(m) : this.resolveNominal(m);
  }

  /** Records that mention m refers to entity e (a pronoun's gender teaches the entity's). */
  link(m: Mention, e: Entity): void {
    if (m.kind === 'pronoun') {
      const f = PRONOUN_FEATURES[m.words[0].toLowerCase()];
      if (f?.gender) e[f.gender] += 1;
    }
    e.mentions.push({ at: m.at, sentence: m.sentence, subject: !!m.subject, named: false });
  }

  private resolvePronoun(m: Mention): Entity | undefined {
    const f = PRONOUN_FEATURES[m.words[0]?.toLowerCase() ?? ''];
    if (!f) return undefined;
    let best: Entity | undefined;
    let bestScore = -Infinity;
    for (const e of this.entities) {
      const last = lastBefore(e, m.at);
      if (!last || m.sentence - last.sentence > PRONOUN_REACH || e.modifier) continue;
      const g = genderOf(e);
      const person = e.cls === 'person' || (e.cls === undefined && g !== undefined);
      if (f.person === true && !person) continue;
      if (f.person === false && (person || e.plural)) continue;
      if (f.gender && g && g !== f.gender) continue;
      // "they": a group or an organisation (news writes "they" for a company's people), never one person.
      if (f.plural && person && !e.plural) continue;
      let score = salience(e, m);
      if (f.gender && g === f.gender) score *= 1.5;
      if (score > bestScore) { best = e; bestScore = score; }
    }
    return best;
  }

  private resolveNominal(m: Mention): Entity | undefined {
    const head = norm(m.words[m.words.length - 1] ?? '');
    if (!head || !m.cls) return undefined;
    let best: Entity | undefined;
    let bestScore = -Infinity;
    for (const e of this.entities) {
      const last = lastBefore(e, m.at);
      if (!last || m.sentence - last.sentence > NOMINAL_REACH) continue;
      // "another Energy Ministry spokesman" (a speaker read as an organisation) is someone, no organisation.
      const kind = DESCRIPTION_HEADS.get(norm(e.name.split(' ').pop() ?? ''));
      if (m.cls !== 'person' && kind?.cls === 'person') continue;
      // A name ending in an organisation word of its own ("Energy Ministry", "Securities and Exchange Commission")
      // is not what a description with another head stands for ("the central bank", "the brokerage firm").
      if (kind && !kind.any && kind.cls === m.cls && norm(e.name.split(' ').pop() ?? '') !== head && !DESCRIPTION_HEADS.get(head)?.generic) continue;
      // "the group", "the company" is no body of a state named for what it is ("Securities and Exchange
      // Commission", "Finance Ministry", "U.S. Navy"): a group of investors or campaigners, a firm, an association.
      if (BUSINESS_HEADS.has(head) && STATE_BODIES.has(norm(e.name.split(' ').pop() ?? ''))) continue;
      // A name of no known class may be what a description of any entity of its kind points to ("Digital
      // Equipment ... the company"), after the names of that class.
      const unclear = e.cls === undefined && !!DESCRIPTION_HEADS.get(head)?.any && m.cls !== 'person';
      const country = e.cls === 'place' && !!DESCRIPTION_HEADS.get(head)?.country;
      if (e.cls !== m.cls && !unclear && !country) continue;
      if (e.modifier && !country) continue;
      if (!!m.plural !== e.plural && m.cls === 'person') continue;
      // "the woman" is no man the article names.
      if (m.gender && genderOf(e) && genderOf(e) !== m.gender) continue;
      let score = -0.5 * (m.sentence - last.sentence);
      // "the ministry" is the Finance Ministry; "the minister" the Foreign Minister.
      const named = nameWords(e.name.split(' '));
      if (named.includes(head) || e.roles.some((r) => r.split(/[\s-]+/).includes(head))) score += 6;
      else if (!DESCRIPTION_HEADS.get(head)?.any && !country) continue;
      // "the finance ministry" is the Finance Ministry rather than the Trade Ministry named after it.
      for (const q of m.words.slice(0, -1)) if (norm(q) !== 'the' && named.includes(norm(q))) score += 3;
      if (last.subject) score += 1;
      if (unclear) score -= 2;
      score += Math.min(e.mentions.length, 5) * 0.3;
      if (score > bestScore) { best = e; bestScore = score; }
    }
    return best;
  }
}

/** Bodies of a state, named for what they are: never what "the group" stands for. */
const STATE_BODIES = new Set(['commission', 'ministry', 'department', 'court', 'parliament', 'senate', 'congress', 'cabinet', 'office', 'service', 'army', 'navy', 'government', 'administration', 'regime']);
/** Descriptions of a business or a private group, which a state's body never is: "the company" is no Navy. */
const BUSINESS_HEADS = new Set(['group', 'company', 'firm']);

/**
 * How much an entity is in the reader's mind at mention m: its mentions before m, each worth more as a subject
 * or a name, halved for every sentence back (after Lappin and Leass's salience with decay).
 */
function salience(e: Entity, m: Mention): number {
  let sum = 0;
  for (const x of e.mentions) {
    if (x.at >= m.at) continue;
    const weight = (x.subject ? 2 : 1) + (x.named ? 0.5 : 0);
    sum += weight * Math.pow(SALIENCE_DECAY, m.sentence - x.sentence);
  }
  return sum;
}

function lastBefore(e: Entity, at: number): Entity['mentions'][number] | undefined {
  let found: Entity['mentions'][number] | undefined;
  for (const x of e.mentions) if (x.at < at && (!found || x.at > found.at)) found = x;
  return found;
}

export function genderOf(e: Entity): Gender | undefined {
  return e.m === e.f ? undefined : e.m > e.f ? 'm' : 'f';
}

export interface DescriptionHead {
  cls: EntityClass;
  /** The nearest entity of the class may be meant ("the company"); else only one whose name or office holds the word. */
  any: boolean;
  /** A country named may be meant: "the government" of Bolivia is Bolivia's. */
  country: boolean;
  /** Any organisation, whatever word its name ends in: "the agency" may be an Office or a Commission. */
  generic: boolean;
}

/** description-heads.tsv: `word<TAB>class<TAB>any|generic|named|country`, `#` comments. */
export function parseDescriptionHeads(text: string, file = 'description-heads.tsv'): Map<string, DescriptionHead> {
  const out = new Map<string, DescriptionHead>();
  const classes = new Set<EntityClass>(['person', 'organisation', 'place', 'other']);
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [word, cls, reach] = line.split('\t');
    if (!word || !classes.has(cls as EntityClass) || !['any', 'generic', 'named', 'country'].includes(reach)) throw new Error(`${file}:${i + 1}: expected "word<TAB>class<TAB>any|generic|named|country", got "${line}"`);
    out.set(word.toLowerCase(), { cls: cls as EntityClass, any: reach === 'any' || reach === 'generic', country: reach === 'country', generic: reach === 'generic' });
  });
  return out;
}

/** The class of entity a description's head noun describes ("company" -> organisation), from the lexicon. */
export const DESCRIPTION_HEADS = parseDescriptionHeads(readFileSync(new URL('./lexicon/description-heads.tsv', import.meta.url), 'utf8'));
