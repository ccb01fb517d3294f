/**
 * The article's entities for the statement rules: the names findEntities reads, handed to the linguistic
 * core's coreference resolver (src/nlp/coreference.ts) with what the statement lexicons say of them, so that a
 * speaker written as a pronoun ("it", "they") or a description ("the company", "the ministry") that the speaker
 * rules leave as it is goes to the entity the article names, or is marked unresolved.
 */
import { CoreferenceResolver, DESCRIPTION_HEADS, isThirdPersonPronoun, type Entity as CorefEntity, type EntityClass, type Mention } from '../nlp/coreference.ts';
import { LEXICON } from '../events/lexicon.ts';
import { nameKey } from '../events/tokens.ts';
import { NEW_ENTITY_WORDS, ORG_HEADS } from './lexicon.ts';
import { FIRST_NAMES, descriptionGender } from './gender.ts';
import type { Doc } from './doc.ts';
import type { Entity } from './speakers.ts';

/** The class of a name: a person the speaker rules found, a country or organisation the dictionaries know, or an organisation's head word. */
function nameClass(e: Entity): EntityClass | 'unclear' | undefined {
  const known = LEXICON.names.get(nameKey(e.name));
  if (e.person) {
    // Two capitalised words read as a person's name may be a firm's ("Digital Equipment", "Musto Explorations
    // Ltd"): a person needs a given name, an honorific, an office, a gender or the dictionaries' word for it.
    const evidence = !!e.gender || !!e.role || FIRST_NAMES.has(e.name.split(' ')[0].toLowerCase()) || known?.kind === 'person';
    return evidence ? 'person' : 'unclear';
  }
  if (known?.kind === 'country') return 'place';
  if (known?.kind === 'org') return 'organisation';
  if (known?.kind === 'person') return 'person';
  const words = e.name.split(' ');
  if (words.some((w) => ORG_HEADS.has(w.toLowerCase()) || ORG_HEADS.has(w.toLowerCase().replace(/\.$/, '') + '.'))) return 'organisation';
  // "IBM", "OPEC": a name in capitals of three letters or more is an organisation's.
  if (words.length === 1 && /^\p{Lu}{3,}$/u.test(e.name)) return 'organisation';
  return undefined;
}

export type SpeakerWords = 'pronoun' | 'description' | 'other';

/** What kind of speaker the rules gave: a third-person pronoun, a definite description with a known head, or else. */
export function speakerWords(speaker: string): SpeakerWords {
  const words = speaker.trim().split(/\s+/);
  if (words.length === 1 && isThirdPersonPronoun(words[0])) return 'pronoun';
  if (qualifiedDescription(speaker)) return 'description';
  const ws = words[0]?.toLowerCase() === 'the' ? words.slice(1) : words;
  if (ws.length !== 1) return 'other';
  const head = DESCRIPTION_HEADS.get(ws[0].toLowerCase());
  // "Company said" opening a wire story is "the company"; "Parliament", "Congress" are names.
  if (head && (!/\p{Lu}/u.test(ws[0]) || (head.any && /^\p{Lu}\p{Ll}+$/u.test(ws[0])))) return 'description';
  return 'other';
}

/**
 * "the rating agency", "the finance ministry", "the central bank": an organisation's head word after one or two
 * lower-case words that qualify it. It goes to the organisation the article names (one whose name holds the
 * qualifier first); when the article names none, it stays as written (it says more than "unresolved").
 */
export function qualifiedDescription(speaker: string): boolean {
  const words = speaker.trim().split(/\s+/);
  const ws = /^the$/i.test(words[0]) ? words.slice(1) : words;
  if (ws.length < 2 || ws.length > 3 || !ws.every((w) => /^\p{Ll}[\p{Ll}-]*$/u.test(w)) || ws.some((w) => NEW_ENTITY_WORDS.has(w))) return false;
  return DESCRIPTION_HEADS.get(ws[ws.length - 1])?.cls === 'organisation';
}

/** Words of the press in a newspaper's or a magazine's name. */
const PRESS_NAME_WORDS = new Set(['Daily', 'Times', 'Post', 'Journal', 'Herald', 'Tribune', 'Gazette', 'Guardian', 'Observer', 'Newspaper', 'Magazine', 'Weekly', 'Shimbun', 'Izvestia', 'Pravda']);
/** What "the paper", "the newspaper", "the magazine" find in a publication's offices (description-heads.tsv: named). */
const PUBLICATION_ROLE = 'newspaper paper daily magazine weekly journal';

/** Offices that speak for an organisation without a name: "the spokesman", "a company official". */
const ANONYMOUS_OFFICES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'executive', 'director', 'source']);
/** An unnamed office that is no one's in particular: an anonymous source, not an unresolved speaker. */
export const anonymousOffice = (speaker: string): boolean => ANONYMOUS_OFFICES.has(speaker.toLowerCase().replace(/^the\s+/, ''));

export class ArticleEntities {
  private readonly resolver = new CoreferenceResolver();
  private readonly mentions: Mention[] = [];
  private added = 0;

  constructor(private readonly doc: Doc, entities: Entity[]) {
    for (const e of entities) {
      const publication = this.publicationAt(e.at, e.name);
      const cls = publication ? 'organisation' : nameClass(e);
      if (!cls) continue;
      const m: Mention = { at: e.at, sentence: this.sentenceAt(e.at), kind: 'name', words: e.name.split(' ') };
      if (cls !== 'unclear') m.cls = cls;
      if (e.gender) m.gender = e.gender;
      if (e.role) m.role = e.role;
      if (publication) m.role = PUBLICATION_ROLE;
      if (e.modifier) m.modifier = true;
      this.mentions.push(m);
    }
  }

  /** Whether the article gives `name` a person's evidence (see nameClass); false for "Northwind Motors". */
  clearPerson(name: string): boolean {
    return this.mentions.some((m) => m.cls === 'person' && m.words.join(' ') === name);
  }

  /**
   * What the article's names say of `name`: true when one is a person's with evidence, false when it is
   * written only without ("National Distillers", "Bow Valley Industries Ltd"), undefined when no name is it.
   */
  personEvidence(name: string): boolean | undefined {
    const same = this.mentions.filter((m) => m.words.join(' ') === name);
    if (!same.length) return undefined;
    return same.some((m) => m.cls === 'person');
  }

  /**
   * Whether the name at `at` is a newspaper's or a magazine's: a word of the press in it ("China Daily", "New York
   * Times") or written next to it ("the official Shenzhen Economic Zone Daily", "the newspaper Izvestia", "Granma
   * newspaper"). Only such a name is what "the paper" stands for.
   */
  private publicationAt(at: number, name: string): boolean {
    if (name.split(' ').some((w) => PRESS_NAME_WORDS.has(w))) return true;
    const text = this.doc.text;
    return /\b(?:(?:news)?paper|daily|weekly|magazine|journal)\s+$/i.test(text.slice(Math.max(0, at - 12), at)) ||
      /^\s+(?:(?:news)?paper|magazine)\b/i.test(text.slice(at + name.length, at + name.length + 12));
  }

  private sentenceAt(at: number): number {
    const k = Math.min(this.doc.tokenAt(at), this.doc.tokens.length - 1);
    return k >= 0 ? Math.max(0, this.doc.sentenceOf[k]) : 0;
  }

  /** Names up to offset `at` join the resolver in text order. */
  private upTo(at: number): void {
    while (this.added < this.mentions.length && this.mentions[this.added].at <= at) this.resolver.addName(this.mentions[this.added++]);
  }

  /** The entity a pronoun or description at offset `at` stands for (its fullest name), or undefined. */
  resolve(speaker: string, at: number): CorefEntity | undefined {
    this.upTo(at);
    const kind = speakerWords(speaker);
    if (kind === 'other') return undefined;
    const words = speaker.trim().split(/\s+/);
    const head = words[words.length - 1].toLowerCase();
    const m: Mention = { at, sentence: this.sentenceAt(at), kind: kind === 'pronoun' ? 'pronoun' : 'nominal', words: kind === 'pronoun' ? [head] : words, subject: true };
    if (kind === 'description') m.cls = DESCRIPTION_HEADS.get(head)!.cls;
    // "the woman", "the spokeswoman": a description's own gender rules out a person of the other.
    const gender = kind === 'description' ? descriptionGender(head) : undefined;
    if (gender) m.gender = gender;
    const e = this.resolver.resolve(m);
    if (e) this.resolver.link(m, e);
    return e;
  }

  /**
   * A speaker the rules resolved to a name counts as a subject mention of its entity (salience for later
   * pronouns). A name that speaks and is no person's is an organisation's (or a country's), which "it" and
   * "the company" may point back to ("Texaco said ... The company said").
   */
  spoke(name: string, at: number, person: boolean): void {
    this.upTo(at);
    const m: Mention = { at, sentence: this.sentenceAt(at), kind: 'name', words: name.split(' '), subject: true };
    const e = this.resolver.resolve(m);
    if (e) this.resolver.link(m, e);
    else if (!person) this.resolver.addName({ ...m, cls: LEXICON.names.get(nameKey(name))?.kind === 'country' ? 'place' : 'organisation', ...(this.publicationAt(at, name) ? { role: PUBLICATION_ROLE } : {}) });
  }
}
