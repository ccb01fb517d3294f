/**
 * Speakers: the names an article mentions (with the office written before them) and the resolution
 * of a speaker mention at a cue ("Stoltenberg", "he", "the NATO chief") to the fullest name.
 */
import { CUE_FORMS, NAME_OPENING_TITLES, NAME_OR_PREPOSITION, NOUN_FIRST_FORMS, LINE_LABELS, OPENING_PREPOSITIONS, ORG_HEADS, PLACE_HEADS, SPEAKER_NOUNS, TITLE_WORDS, UNNAMED_OFFICES } from './lexicon.ts';
import { LEXICON } from '../events/lexicon.ts';
import { nameKey } from '../events/tokens.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';
import { DESCRIPTION_HEADS } from '../nlp/coreference.ts';
import { FIRST_NAMES, genderOfWords, pronounGender, pronounVotes, type Gender } from './gender.ts';
import { escapeRegExp } from '../util/regexp.ts';

export interface Entity {
  name: string;
  role: string;
  at: number;
  person: boolean;
  /** What the mention itself says: an honorific ("Mrs."), a given name ("Hillary"), an office ("spokeswoman"). */
  gender?: Gender;
  /** A country named by a people's adjective before a noun ("the French regulator"): no antecedent of "it". */
  modifier?: boolean;
}

/** Adverbs that open a sentence before its subject: "Perhaps Vladimir Putin believed ...", "Ironically Smith said". */
const SENTENCE_ADVERBS = new Set(
  ('perhaps maybe indeed instead still now thus hence therefore ironically apparently clearly obviously certainly ' +
    'surely initially eventually finally ultimately recently currently previously separately similarly likewise ' +
    'nonetheless nevertheless moreover furthermore besides again already meanwhile however also earlier later ' +
    'today yesterday tonight').split(' '),
);

/** Capitalised words that start sentences or join clauses and are never part of a name. */
const NON_NAME = new Set([
  ...('the a an and but or so yet in on at of for to by with from as after before during while when where if then ' +
    'although though despite since until because this that these those there here it its ' +
    'he she they we i you his her their our my your who what which why how yes no not many some most all both ' +
    'last next tomorrow monday tuesday wednesday thursday friday saturday sunday ' +
    'january february march april may june july august september october november december according speaking ' +
    'several another other others each every few even only just such neither either nor ' +
    'mr mrs ms dr').split(' '),
  ...SENTENCE_ADVERBS,
  ...OPENING_PREPOSITIONS,
  ...LINE_LABELS,
]);

/** A word before a speaker phrase that is no part of it: "But", "And then", "62-year-old", "Perhaps". */
const opensPhrase = (w: string): boolean => /^(?:and|but|or|so|yet|then|\d+-year-old)$/i.test(w) || SENTENCE_ADVERBS.has(w.toLowerCase());

/** Words the text writes in lower case somewhere ("Hours" opening a sentence is no name if "hours" occurs). */
export function lowerCaseWords(text: string): Set<string> {
  // findEntities and the SpeakerResolver of one article both ask: compute it once per text.
  if (text !== lowerCache.text) lowerCache = { text, words: new Set(text.match(/(?<![\p{L}\p{N}'’-])\p{Ll}[\p{L}'’-]*/gu) ?? []) };
  return lowerCache.words;
}
let lowerCache: { text: string; words: Set<string> } = { text: '', words: new Set() };
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'miss', 'sir', 'dame', 'lord', 'lady']);
const CONNECTORS = new Set(['of', 'de', 'da', 'al', 'bin', 'van', 'von', 'der', 'la', 'du', 'le', 'el', 'for']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that', 'these', 'those']);
/** Words in a description that say nothing about who is meant. */
const VAGUE = new Set(['the', 'a', 'an', 'newly', 'appointed', 'new', 'former', 'top', 'current', 'then', 'his', 'her', 'its', 'their', 'our', 'of', 'and', 'this', 'that']);
/** "his claim", "their view": the possessive stands for the pronoun. */
const POSSESSIVE_PRONOUNS: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it', my: 'i', our: 'we' };
export const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'who', 'which', 'him', 'them', 'us']);
const PERSONAL = new Set(['he', 'she', 'i', 'him', 'her']);

const bare = (w: string) => w.toLowerCase().replace(/[.’']s$/, '').replace(/\.$/, '');
const isTitle = (w: string) => TITLE_WORDS.has(bare(w)) || TITLE_WORDS.has(w.toLowerCase().split('-').pop()!.replace(/\.$/, ''));

/** Offices used as a form of address after an honorific: "Mr. President", "Madam Speaker". */
const ADDRESSES = new Set(['president', 'speaker', 'chairman', 'chairwoman', 'secretary', 'ambassador', 'minister', 'prime', 'justice', 'mayor', 'governor', 'senator']);

/** An office word right after a given name or an honorific is a surname: "Larry King", "Mr. King" (not "Mr. President"). */
function surnameAfter(words: string[], i: number): boolean {
  if (i === 0 || words[i].endsWith('.')) return false; // "Sen.", "Gov.": abbreviated, always an office
  const prev = words[i - 1];
  if (HONORIFICS.has(bare(prev))) return !ADDRESSES.has(bare(words[i])) && /^\p{Lu}/u.test(words[i]);
  return /^\p{Lu}\p{Ll}/u.test(prev) && FIRST_NAMES.has(prev.toLowerCase()) && /^\p{Lu}\p{Ll}/u.test(words[i]);
}

/** A capitalised noun for a person ("Investor", "Economist"), not an organisation's word ("Court", "Report"). */
const describesPerson = (w: string): boolean => /^\p{Lu}\p{Ll}+$/u.test(w) && SPEAKER_NOUNS.has(w.toLowerCase()) && !ORG_HEADS.has(w.toLowerCase());

/** "NATO Secretary-General Jens Stoltenberg" -> role "NATO Secretary-General", name "Jens Stoltenberg". */
/** Lower-case words inside a person's name. */
const NAME_PARTICLES = new Set(['van', 'von', 'der', 'den', 'del', 'della', 'des', 'dos', 'das', 'bin', 'ibn', 'abu', 'ben', 'la', 'le', 'lo', 'ter', 'zu', 'and', 'of', 'the', 'for']);

/** Lower-case words that are no description of who speaks. */
const ROLE_STOPS = new Set(['new', 'old', 'from', 'with', 'at', 'by', 'on', 'in', 'to', 'and', 'or', 'but', 'then', 'also', 'other', 'some', 'many', 'most', 'all', 'both', 'much', 'more', 'less', 'few', 'such', 'so', 'very', 'too', 'even', 'just', 'only', 'last', 'next', 'this', 'that', 'these', 'those', 'first', 'latest', 'former']);

/**
 * "General Motors", "General Electric": a title that opens a company's name (name-opening-titles.txt) before a word
 * WordNet knows as an adjective or a noun of a company's kind (below), not a person's or a state, nor a given name ("General Noriega",
 * "General Secretary Gorbachev" keep their office).
 */
function companyOpening(words: string[]): boolean {
  if (words.length < 2 || !/^\p{Lu}/u.test(words[0]) || !NAME_OPENING_TITLES.has(bare(words[0])) || !/^\p{Lu}\p{Ll}+$/u.test(words[1])) return false;
  const next = words[1].toLowerCase();
  if (FIRST_NAMES.has(next) || HONORIFICS.has(next)) return false;
  const c = wordClasses(next);
  return (c.mask & 4) !== 0 || ((c.mask & 1) !== 0 && COMPANY_NOUN_CLASSES.has(c.noun));
}
/** WordNet noun classes of the things a company is named after ("Motors", "Dynamics", "Cinema", "Foods"). */
const COMPANY_NOUN_CLASSES = new Set<number>([NOUN.artifact, NOUN.cognition, NOUN.communication, NOUN.food, NOUN.group, NOUN.act, NOUN.possession, NOUN.process]);

export function splitRole(words: string[]): { role: string[]; name: string[] } {
  let last = -1;
  for (let i = 0; i < words.length; i++) {
    // "Economist Intelligence Unit", "President Lines Ltd": an office word opening an organisation's name is the name's.
    const end = bare(words[words.length - 1]);
    if (i === 0 && /^\p{Lu}/u.test(words[0]) && words.length >= 3 && (ORG_HEADS.has(end) || end === 'unit') && !words.some((w) => w === 'of' || FIRST_NAMES.has(w.toLowerCase()))) continue;
    if (isTitle(words[i]) && !surnameAfter(words, i) && !(i === 0 && companyOpening(words))) {
      last = i;
      // "Secretary of State": an of-phrase after an office belongs to the office.
      while (last + 2 < words.length && words[last + 1] === 'of' && /^[A-Z]/.test(words[last + 2])) {
        last += 2;
        i = last;
      }
    }
  }
  // "Prime Minister's Questions", "the President's Council": what an office owns is no one the office names.
  if (last >= 0 && /[’']s$/.test(words[last]) && last < words.length - 1) return { role: [], name: words };
  // "Investor Dale P Harrow", "Economist Mary Jones": a capitalised speaking noun for people opening the run,
  // before a given name and a surname, describes the person and is no part of the name.
  if (last < 0 && words.length >= 3 && describesPerson(words[0]) && FIRST_NAMES.has(words[1].toLowerCase()) && /^\p{Lu}/u.test(words[2])) last = 0;
  // "broker C. Czarnikow", "investor Ann Lee": a lower-case noun opening the run before the capitalised name describes
  // who speaks and is no part of the name (not a particle of a name: "de Gaulle", "van Gogh").
  if (last < 0) {
    while (last < 1 && last + 2 < words.length && /^\p{Ll}[\p{Ll}-]{2,}$/u.test(words[last + 1]) && !NAME_PARTICLES.has(words[last + 1]) && !ROLE_STOPS.has(words[last + 1])) last++;
    // (Only before a run of capitalised words to the end: "new ad from Donald Trump's campaign" is no name.)
    if (last >= 0 && !words.slice(last + 1).every((w) => /^\p{Lu}/u.test(w))) last = -1;
  }
  const role = words.slice(0, last + 1).filter((w) => !HONORIFICS.has(bare(w)));
  return { role, name: words.slice(last + 1) };
}

/**
 * No person: a name with an organisation's head word, in capitals, a place ("Broad Street"), or a country or
 * organisation the actor dictionary knows ("Sri Lanka", "World Bank").
 */
const isOrgName = (words: string[]) => {
  if (words.some((w) => ORG_HEADS.has(w.toLowerCase())) || words.every((w) => w === w.toUpperCase())) return true;
  if (words.length >= 2 && PLACE_HEADS.has(bare(words[words.length - 1]))) return true;
  const known = words.length >= 2 ? LEXICON.names.get(nameKey(words.join(' ').replace(/[’']s$/, ''))) : undefined;
  return known !== undefined && known.kind !== 'person';
};

/** An office in lower case right before a name, with its capitalised qualifier: "NATO chief", "US defence secretary". */
function lowerCaseOffice(text: string, at: number): string {
  // Cheap test first: the word right before the name must be an office word in lower case.
  const space = text.lastIndexOf(' ', at - 2);
  const before = text.slice(space + 1, at).trim();
  if (!TITLE_WORDS.has(before)) return '';
  const m = /((?:[A-Z][\p{L}.'’-]*\s+){0,3}(?:[a-z-]+\s+)?([a-z-]+))\s+$/u.exec(text.slice(Math.max(0, at - 60), at));
  if (!m || !TITLE_WORDS.has(m[2])) return '';
  const words = m[1].split(/\s+/);
  // Keep the qualifier only when it is capitalised or itself an office ("deputy chief"): not "said spokesman".
  while (words.length > 1 && !/^[A-Z]/.test(words[0]) && !TITLE_WORDS.has(words[0])) words.shift();
  return words.join(' ');
}

/** An office in apposition after a name: "Jens Stoltenberg, Secretary-General of NATO, said". */
function apposedOffice(text: string, end: number): string {
  const m = /^,\s+(?:the\s+|a\s+)?([^,.;:()"“”]{2,60}?),/.exec(text.slice(end, end + 70));
  if (!m) return '';
  const words = m[1].split(/\s+/);
  return words.some((w) => isTitle(w)) && /^[A-Z]/.test(m[1]) ? m[1] : '';
}

const ABBREVIATION = /^(?:[A-Z]\.|(?:[A-Z]\.)+[A-Z]?\.?|Mr\.|Mrs\.|Ms\.|Dr\.|Sen\.|Rep\.|Gov\.|Gen\.|Lt\.|Col\.|Capt\.|Sgt\.|Maj\.|Prof\.|St\.|Jr\.|Sr\.|Rev\.)$/;

/** Capitalised runs cut where a word ends a sentence ("Iowa. His" is two runs; "Mr. Trump", "J. Smith" one). */
function* sentencePieces(text: string, re: RegExp): Generator<[string, number]> {
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/([ \t]+)/);
    let at = m.index!;
    let start = at;
    let piece = '';
    for (let k = 0; k < words.length; k++) {
      piece += words[k];
      at += words[k].length;
      if (k % 2 === 0 && words[k].endsWith('.') && !ABBREVIATION.test(words[k]) && k + 1 < words.length) {
        yield [piece.slice(0, -1), start];
        piece = '';
        at += words[k + 1].length;
        start = at;
        k++;
      }
    }
    if (piece) yield [piece, start];
  }
}

/** Every capitalised name in the text with the office written before it, in order. */
export function findEntities(text: string): Entity[] {
  const out: Entity[] = [];
  const lowerWords = lowerCaseWords(text);
  const re = /[A-Z][\p{L}\p{N}'’.-]*(?:[ \t]+(?:(?:of|de|da|al|bin|van|von|der|la|du|le|el)[ \t]+)?[A-Z][\p{L}\p{N}'’.-]*)*/gu;
  for (const [matched, matchAt] of [...sentencePieces(text, re)].flatMap(([m, a]) => closingInitialSplit(m, a))) {
    // ''Larry King Now'': typewriter quote marks end a word, they are no part of it.
    let words = matched.split(/[ \t]+/).map((w, k, all) => k < all.length - 1 ? w : w.replace(/(?<=\p{L})(?:''|’’)$/u, ''));
    let at = matchAt;
    // "Under EU rules", "Under French law": a preposition that opens names too ("Under Armour") is none before an
    // abbreviation in capitals or a people's adjective.
    if (words.length >= 2 && NAME_OR_PREPOSITION.has(words[0].toLowerCase()) && (/^\p{Lu}{2,}$/u.test(words[1]) || demonym(words[1]))) {
      at += words[0].length + 1;
      words = words.slice(1);
    }
    while (words.length && NON_NAME.has(bare(words[0])) && !HONORIFICS.has(bare(words[0]))) {
      at += words[0].length + 1;
      words = words.slice(1);
    }
    // "..., Former White House Doctor Says": a headline's reporting verb in title case ends the run, it is no name.
    // Not in an of-phrase or after a conjunction: "Court of Appeals", "Ministry of Posts and Telecommunications".
    while (words.length > 1 && headlineCue(words[words.length - 1]) && !/^(?:of|and|&|for|de)$/i.test(words[words.length - 2])) words = words.slice(0, -1);
    // "Wright Thursday renewed his call": a day after a name says when, it is no part of the name.
    while (words.length > 1 && /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(words[words.length - 1])) words = words.slice(0, -1);
    if (!words.length) continue;
    // "Afghanistan's President Ashraf Ghani": the possessive belongs to the role.
    const before = lowerCaseOffice(text, at);
    const split = splitRole(words.map((w) => w.replace(/[.]$/, (d) => (words.length > 1 && /^(Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Maj|Prof|St|Jr|Sr)\.?$/.test(w) ? d : ''))));
    // "Chancellor of the Exchequer Nigel Lawson": after an office's "of the", the words before a given name
    // are the office's, the rest the name.
    if (!split.role.length && words.length >= 3) {
      const office = /(\p{L}[\p{L}.-]*)[ \t]+of[ \t]+the[ \t]+$/u.exec(text.slice(Math.max(0, at - 40), at));
      const given = words.findIndex((w, k) => k > 0 && FIRST_NAMES.has(w.toLowerCase()) && words.length - k >= 2);
      if (office && isTitle(office[1]) && given > 0) {
        split.role = [...text.slice(Math.max(0, at - 40) + office.index, at).trim().split(/[ \t]+/), ...words.slice(0, given)];
        split.name = words.slice(given);
      }
    }
    // "former Miss Universe Alicia Machado", "Crooked Hillary Clinton": a common word before a given name and a
    // surname (WordNet's, no person's name) is no part of the name.
    if (!split.role.length && split.name.length >= 3) {
      const given = split.name.findIndex((w, k) => k > 0 && FIRST_NAMES.has(w.toLowerCase()) && split.name.length - k >= 2);
      const common = (w: string) => {
        const c = wordClasses(w.toLowerCase());
        return !FIRST_NAMES.has(w.toLowerCase()) && !HONORIFICS.has(bare(w)) && !/\./.test(w) && !/^\p{Lu}+$/u.test(w) && (c.mask & 4 || (c.mask & 1 && c.noun !== NOUN.person && c.noun !== NOUN.location));
      };
      if (given > 0 && split.name.slice(0, given).every(common)) {
        at = text.indexOf(split.name[given], at);
        split.name = split.name.slice(given);
      }
    }
    const role = split.role;
    const [name, ...others] = nameSegments(split.name, lowerWords);
    // The other names of a run ("Francois Hollande Says Donald Trump", "National Review’s Ian Tuttle") stand alone.
    let from = at;
    for (const other of others) {
      const otherAt = text.indexOf(other[0], from);
      from = otherAt + 1;
      const otherWords = other.filter((w) => !CONNECTORS.has(w));
      const otherPerson = !isOrgName(other) && otherWords.length >= 2;
      const entity: Entity = { name: other.join(' ').replace(/[’']s?$/, ''), role: '', at: otherAt, person: otherPerson };
      const gender = otherPerson ? genderOfWords([], otherWords[0]) : undefined;
      if (gender) entity.gender = gender;
      out.push(entity);
    }
    const nameWords = name.filter((w) => !CONNECTORS.has(w));
    if (!nameWords.length) continue;
    const hasHonorific = words.some((w) => HONORIFICS.has(bare(w)));
    // "King Cross station", "Lincoln Road": a name before a place's head word in lower case is the place's.
    const placeAfter = PLACE_HEADS.has(/^[ \t]+(\p{Ll}+)/u.exec(text.slice(matchAt + matched.length, matchAt + matched.length + 20))?.[1] ?? '');
    const person = !placeAfter && !isOrgName(name) && (nameWords.length >= 2 || role.length > 0 || hasHonorific) && !/[’']s$/.test(name[name.length - 1]);
    const fullRole = [before, role.join(' ')].filter(Boolean).join(' ') || apposedOffice(text, at + words.join(' ').length);
    const entity: Entity = { name: name.join(' ').replace(/[’']s$/, ''), role: fullRole, at, person: person || (!!before && !isOrgName(name) && !placeAfter) };
    const gender = genderOfWords([...words.slice(0, words.length - name.length), ...fullRole.split(/\s+/)], nameWords.length >= 2 ? nameWords[0] : undefined);
    if (gender) entity.gender = gender;
    // "French stock market regulator AMF", "the Japanese government": a people's adjective before a word in lower
    // case names its country only as what follows is of: "the government" may stand for it (Japan), "it" or
    // "they" not (coreference.ts).
    const described = !fullRole && name.length === words.length && demonym(entity.name) ? /^[ \t]+(\p{Ll}+)/u.exec(text.slice(at + entity.name.length, at + entity.name.length + 30)) : null;
    if (described) {
      entity.name = LEXICON.names.get(nameKey(entity.name))!.name;
      entity.modifier = true;
    }
    out.push(entity);
  }
  return out.sort((x, y) => x.at - y.at);
}

/** A people's adjective the dictionaries give a country for ("French" -> France), not the country's name itself. */
function demonym(word: string): boolean {
  if (!/^\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)?$/u.test(word) || !/(?:an|ese|ish|ch|i)$/.test(word)) return false;
  const known = LEXICON.names.get(nameKey(word));
  return known?.kind === 'country' && nameKey(known.name) !== nameKey(word);
}

/** A reporting verb's -s form written in title case ("Says", "Reveals", "Warns"). */
const headlineCue = (word: string): boolean => {
  const w = word.replace(/[.:]$/, '');
  return /^\p{Lu}\p{Ll}+s$/u.test(w) && !NOUN_FIRST_FORMS.has(w.toLowerCase()) && CUE_FORMS.has(w.toLowerCase()) && CUE_FORMS.get(w.toLowerCase())!.base !== w.toLowerCase();
};

/** Title-case words of a headline that join names, never part of one. */
const HEADLINE_WORDS = new Set(['the', 'a', 'an', 'to', 'for', 'on', 'in', 'at', 'with', 'and', 'or', 'but', 'is', 'are', 'was', 'has', 'have', 'will', 'of', 'from', 'by', 'about', 'after', 'over', 'says', 'said']);

/**
 * The names in a run of capitalised words: one, unless a possessive ends a name inside it ("National Review’s
 * Ian Tuttle"), a given name's "of" leads to a place ("Lee Zeldin of New York"), or a run of four words or more
 * holds words the article writes in lower case ("Francois Hollande Says Donald Trump Makes The World Sick").
 * The name next to the office comes first.
 */
/**
 * "Do The Right Thing and Malcolm X. Attallah Shabazz": after a name's closing initial, a name of two words or more
 * opens a sentence the input did not split ("John F. Kennedy" has one word after its initial).
 */
function closingInitialSplit(matched: string, at: number): Array<[string, number]> {
  // (Only after a given name: "Chairman J. Hugh Liedtke" opens with the initial; nor before a firm's words: "Frank B.
  // Hall and Co Inc".)
  const m = /^(.*?(\p{L}[\p{L}'’-]*)[ \t]+\p{Lu}\.)[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’.-]*)+)$/u.exec(matched);
  if (!m || !FIRST_NAMES.has(m[2].toLowerCase()) || /^(?:Jr|Sr|II|III|IV)\.?$/.test(m[3].split(/[ \t]+/)[1]) || m[3].split(/[ \t]+/).some((w) => ORG_HEADS.has(bare(w)))) return [[matched, at]];
  return [[m[1], at], [m[3], at + matched.length - m[3].length]];
}

export function nameSegments(name: string[], lowerWords: Set<string>): string[][] {
  const segments: string[][] = [[]];
  // Organisations keep their words ("Federal Bureau of Investigation", "United States Pacific Command").
  const headline = name.length >= 4 && !name.some((w) => ORG_HEADS.has(bare(w)) || /^command$/i.test(w));
  const given = FIRST_NAMES.has((name[0] ?? '').toLowerCase());
  for (let k = 0; k < name.length; k++) {
    const w = name[k];
    const lower = w.toLowerCase();
    const current = segments[segments.length - 1];
    // "Meenakshi Ganguly of Human Rights Watch": a name of two words or more, no organisation's, before "of".
    if (w === 'of' && current.length >= 2 && (given || !current.some((c) => ORG_HEADS.has(bare(c))))) { segments.push([]); continue; }
    const nextCapital = /^\p{Lu}/u.test(name[k + 1] ?? '');
    const common = headline && (HEADLINE_WORDS.has(lower) || lowerWords.has(lower) || CUE_FORMS.has(lower)) && !(FIRST_NAMES.has(lower) && nextCapital);
    if (common && !CONNECTORS.has(w)) { if (current.length) segments.push([]); continue; }
    current.push(w);
    if (/[’']s?$/.test(w) && /[’']/.test(w) && k < name.length - 1) segments.push([]);
  }
  const kept = segments.filter((g) => g.some((w) => /^\p{Lu}/u.test(w)));
  // The words an office stands before are the name it belongs to: keep the segment it touches first.
  return kept.length ? kept : [name];
}

export interface Resolved {
  speaker: string;
  role: string;
  /** The mention reads as no one ("The debate", "a sign") and the sentence names no one else. */
  doubtful?: true;
}


/** Prepositions that open a phrase of place, time or purpose, never a speaker ("In Washington, ..."). */
const PHRASE_PREPOSITIONS = new Set(['following', 'in', 'at', 'for', 'from', 'on', 'during', 'without', 'within', 'near', 'inside', 'outside', 'across', 'throughout', 'under', 'over', 'into', 'after', 'before', 'since', 'until', 'despite', 'among', 'amid', 'like', 'unlike']);
/** Text ending in a preposition of place, maybe with a town and a comma: "in ", "here in ", "in Aurora, ". */
const PLACE_BEFORE = /\b(?:in|at|near|from|outside|inside|across|throughout)[ \t]+(?:\p{Lu}[\p{L}.'’-]*[ \t]+){0,3}?(?:\p{Lu}[\p{L}.'’-]*,[ \t]+)?$/u;
const CALENDAR = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)(?:[’']s)?$/;
/** Capitalised words that open a sentence as adverbs or time phrases: "Hours later, ...", "Likewise, ...". */
const OPENING_WORDS = new Set(['hours', 'minutes', 'moments', 'seconds', 'days', 'weeks', 'months', 'years', 'decades', 'likewise', 'well', 'now', 'here', 'still', 'instead', 'indeed', 'moreover', 'furthermore', 'further', 'again', 'ultimately', 'finally', 'first', 'second', 'third', 'next', 'once', 'twice', 'even', 'just', 'only', 'soon', 'shortly', 'elsewhere', 'overall', 'otherwise', 'nonetheless', 'nevertheless', 'together', 'separately', 'similarly', 'other', 'another', 'such', 'among', 'amid', 'despite', 'unlike', 'like']);

/** Where a mention stands: the start of its sentence and the cue it speaks with (offsets into the text). */
export interface MentionContext {
  sentenceStart: number;
  cueAt: number;
}

/** Words that end a speaker phrase's head: "the dawn of the movement" is headed by "dawn". */
const HEAD_STOP = new Set(['of', 'for', 'in', 'at', 'from', 'with', 'on', 'to', 'who', 'that', 'which', 'by', 'about']);
const singular = (w: string) => (w.endsWith('ies') ? w.slice(0, -3) + 'y' : w.endsWith('es') && /(ss|sh|ch|x)es$/.test(w) ? w.slice(0, -2) : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** A lower-case phrase whose head can speak: a person, a group, an office, an organisation, a document. */
export function speakerHead(mention: string): boolean {
  const words = mention.toLowerCase().replace(/[’']s?$/, '').split(/\s+/).filter(Boolean);
  const stop = words.findIndex((w, k) => k > 0 && HEAD_STOP.has(w));
  // Any word before a preposition may be the head: "a person familiar", "a declaration filed".
  return (stop > 0 ? words.slice(0, stop) : words).some((h) =>
    [h, singular(h)].some((w) => SPEAKER_NOUNS.has(w) || TITLE_WORDS.has(w) || ORG_HEADS.has(w) || PRONOUNS.has(w) || w in POSSESSIVE_PRONOUNS));
}

const last = (name: string) => name.split(' ').pop()!;
/** "Creditors", "Western analysts", "officials": a group named by a plural noun, which "it" does not stand for. */
const looksPlural = (name: string): boolean => {
  const w = last(name).toLowerCase();
  return w.length > 3 && w !== singular(w) && (SPEAKER_NOUNS.has(singular(w)) || TITLE_WORDS.has(singular(w)));
};
/** A subordinate clause of time or place opening before a name: ", where", ", when", ", while". */
const BACKGROUND_CLAUSE = /,\s*(?:where|when|while|whereas|after|before|as|although|though|because|since|until)\s+(?:\S+\s+){0,3}$/i;
/** Sectors of groups that a description ("the rebels", "the opposition") points back to. */
const GROUP_SECTORS = new Set(['rebels', 'opposition', 'party']);

function matchesCountryWord(a: string, b: string): boolean {
  return a === b || (a.length >= 5 && b.length >= 5 && a.slice(0, 5) === b.slice(0, 5)); // Russian ~ Russia
}

/** The person a description ("the NATO chief", "the newly appointed Secretary of State") points to. */
function byDescription(words: string[], at: number, entities: Entity[]): Entity | undefined {
  const kept = words.filter((w) => !VAGUE.has(bare(w)));
  const wanted = kept.map((w) => bare(w));
  if (!wanted.length || !wanted.some((w) => TITLE_WORDS.has(w) || ORG_HEADS.has(w) || w === 'chief' || w === 'diplomat')) return undefined;
  const head = [...wanted].reverse().find((w) => TITLE_WORDS.has(w));
  // A capitalised qualifier must be in the office, office word or not: "the Republican presidential nominee" is
  // not the Libertarian presidential candidate.
  const properWanted = kept.map((w) => /^[A-Z]/.test(w) && bare(w) !== head);
  const headAt = head ? wanted.lastIndexOf(head) : -1;
  // (Not an office many hold, speaker-nouns.txt: "the senior government official" may be the agency's official.)
  const qualifier = headAt > 0 && /^\p{Ll}/u.test(kept[headAt - 1]) && !SPEAKER_NOUNS.has(head!) ? wanted[headAt - 1] : undefined;
  const pick = (before: boolean) => {
    let best: Entity | undefined;
    let bestScore = 0;
    for (const e of entities) {
      if (!e.person || !e.role || (before ? e.at > at : e.at <= at)) continue;
      const roleWords = e.role.split(/[\s-]+/).map((w) => bare(w));
      let score = 0;
      let unmatchedProper = false;
      for (let k = 0; k < wanted.length; k++) {
        if (roleWords.some((r) => matchesCountryWord(wanted[k], r))) score++;
        else if (properWanted[k]) unmatchedProper = true;
      }
      // "The French president" is not President Obama: a capitalised qualifier must match the office.
      if (unmatchedProper) continue;
      // "the prime minister" is not the Home Office Minister, "the foreign minister" not the Finance Minister: the
      // word before the office, where both have one, must be the same (or in the office).
      if (qualifier && !roleWords.includes(qualifier)) {
        const h = roleHead(roleWords);
        const own = h ? roleWords[roleWords.indexOf(h) - 1] : undefined;
        if (own && own !== 'of' && own !== 'the' && own !== qualifier) continue;
      }
      // The office itself counts most: "the Secretary" is the Secretary, not the Secretary's spokesperson.
      if (head && roleHead(roleWords) === head) score += 2;
      if (score > 0 && (before ? score >= bestScore : score > bestScore)) {
        best = e;
        bestScore = score;
      }
    }
    return best;
  };
  // A description before the first mention (a summary above the body) points forward.
  return pick(true) ?? pick(false);
}

/** The office word a role is about: "Secretary" in "US Secretary of State", "spokesperson" in "Department Spokesperson". */
function roleHead(roleWords: string[]): string | undefined {
  const of = roleWords.indexOf('of');
  const core = of > 0 ? roleWords.slice(0, of) : roleWords;
  return [...core].reverse().find((w) => TITLE_WORDS.has(w));
}

export class SpeakerResolver {
  private readonly people: Entity[];
  /** Full names by last name, in order of appearance: "Clinton" -> Bill Clinton, Hillary Clinton. */
  private readonly fullByLast = new Map<string, Entity[]>();
  private readonly roleByName = new Map<string, string>();
  /** Evidence of gender per resolved name: honorifics, offices and given names weigh 3, a pronoun after the name 1. */
  private readonly genderVotes = new Map<string, { m: number; f: number; named: boolean }>();
  /** Speakers resolved so far, for pronouns: [offset, name, person]. */
  private readonly said: Array<{ at: number; speaker: string; person: boolean }> = [];

  private readonly personNames = new Set<string>();
  private readonly personLastNames = new Set<string>();

  /** Words the article writes in lower case somewhere: "Hours" opening a sentence is no name if "hours" occurs. */
  private readonly lowerWords: Set<string>;

  constructor(private readonly entities: Entity[], private readonly text = '') {
    this.lowerWords = lowerCaseWords(text);
    this.people = entities.filter((e) => e.person);
    for (const e of this.people) {
      this.personNames.add(e.name);
      this.personLastNames.add(last(e.name));
    }
    for (const e of this.people) {
      if (!e.name.includes(' ')) continue;
      const list = this.fullByLast.get(last(e.name)) ?? [];
      if (!list.some((x) => x.name === e.name)) list.push(e);
      this.fullByLast.set(last(e.name), list);
    }
    // Full names first, so that "Mrs. Clinton" can pick Hillary Clinton over Bill Clinton by her honorific.
    const pronounAfter = (e: Entity, k: number) => {
      if (!text) return undefined;
      let next = text.length;
      for (let j = k + 1; j < this.people.length; j++) if (this.people[j].at > e.at) { next = this.people[j].at; break; }
      return pronounVotes(text, e.at + e.name.length, next);
    };
    for (const pass of [true, false]) {
      this.people.forEach((e, k) => {
        if (e.name.includes(' ') !== pass) return;
        const key = this.fullName(e.name, e.gender);
        if (e.gender) this.vote(key, e.gender, 3);
        const heard = pronounAfter(e, k);
        if (heard) this.vote(key, heard, 1);
      });
    }
    for (const e of entities) {
      const full = this.fullName(e.name, e.gender);
      if (e.role && !this.roleByName.has(full)) this.roleByName.set(full, e.role);
    }
  }

  private vote(name: string, g: Gender, weight: number): void {
    const v = this.genderVotes.get(name) ?? { m: 0, f: 0, named: false };
    v[g] += weight;
    if (weight >= 3) v.named = true;
    this.genderVotes.set(name, v);
  }

  /**
   * The gender the article gives a name, or undefined when it gives none or both; with `named`, only when a
   * given name, an honorific or an office says it (so the name surely is a person's, not "Las Vegas").
   */
  genderOf(name: string, named = false): Gender | undefined {
    const v = this.genderVotes.get(name);
    if (!v || v.m === v.f || (named && !v.named)) return undefined;
    return v.m > v.f ? 'm' : 'f';
  }

  private fullName(name: string, gender?: Gender): string {
    if (name.includes(' ')) return name;
    const list = this.fullByLast.get(name);
    if (!list) return name;
    // "Mrs. Clinton" after both Clintons are named: the one whose gender fits. A bare "Obama" is the Obama the
    // article's honorifics for the surname alone point to ("Mr. Obama"), not Michelle Obama named once.
    const own = gender ?? this.surnameGender(name);
    if (own) {
      for (const e of list) if (this.genderOf(e.name) === own) return e.name;
      // "Mr. Obama" where the one Obama named in full is Michelle Obama: someone else of that surname.
      if (list.every((e) => this.genderOf(e.name, true) === (own === 'm' ? 'f' : 'm'))) return name;
    }
    return list[0].name;
  }

  /** The gender the honorifics and offices before a surname alone give it in the article ("Mr. Obama"), if one. */
  private surnameGender(name: string): Gender | undefined {
    let m = 0;
    let f = 0;
    for (const e of this.people) if (e.name === name && e.gender) e.gender === 'm' ? m++ : f++;
    return m > f ? 'm' : f > m ? 'f' : undefined;
  }

  /** The office the article gives a name, or ''. */
  roleOf(name: string): string {
    return this.roleByName.get(name) ?? '';
  }

  /** Whether the article names `name` as a person (a full name, or the last name of one). */
  isPersonName(name: string): boolean {
    return (name.includes(' ') ? this.personNames : this.personLastNames).has(name) || (!!this.genderOf(name, true) && /^\p{Lu}/u.test(name));
  }

  /** The last person recorded as speaking after offset `at` (before now), if any. */
  personSaidSince(at: number, gender?: Gender): string | undefined {
    for (let i = this.said.length - 1; i >= 0 && this.said[i].at > at; i--) {
      const s = this.said[i];
      if (PRONOUNS.has(s.speaker.toLowerCase()) || (gender && this.genderOf(s.speaker) && this.genderOf(s.speaker) !== gender)) continue;
      // "Davia B. Tamsin" is the person "Davia B Tamsin" the names give (an initial's dot dropped there).
      if (s.speaker && (s.person || this.personNames.has(s.speaker.replace(/\b(\p{Lu})\.(?=\s)/gu, '$1')))) return s.speaker;
    }
    return undefined;
  }

  /** Remember who spoke where, so that a later "he said" finds them. */
  record(at: number, speaker: string, maybePerson = true): void {
    const person = maybePerson && (speaker.includes(' ') ? this.personNames : this.personLastNames).has(speaker);
    this.said.push({ at, speaker, person });
  }

  private fits(name: string, gender: Gender | undefined): boolean {
    if (!gender) return true;
    const g = this.genderOf(name);
    return !g || g === gender;
  }

  /**
   * The last person of the pronoun's gender named before offset `at` who is not `not` (nor shares a word of its
   * name): whom a "he" inside `not`'s own quotation stands for ('"He made it clear he wanted ...," Lund said').
   */
  otherPerson(at: number, gender: Gender | undefined, not: string): string | undefined {
    const notWords = not.split(' ');
    let found: string | undefined;
    for (const e of this.people) {
      if (e.at >= at) break;
      const full = this.fullName(e.name, e.gender);
      // (A person the article gives a gender: "told BBC Sport", "FH Hafnarfjordur" are no "he".)
      const person = e.person && !!this.genderOf(full, true);
      if (person && at - e.at < 2500 && this.fits(full, gender) && !full.split(' ').some((w) => notWords.includes(w))) found = full;
    }
    return found;
  }

  private lastPerson(at: number, gender?: Gender): string | undefined {
    let speaker: { at: number; speaker: string } | undefined;
    for (let i = this.said.length - 1; i >= 0 && !speaker; i--) {
      const s = this.said[i];
      if (s.at < at && s.person && at - s.at < 2500 && this.fits(s.speaker, gender)) speaker = s;
    }
    let found: string | undefined;
    let foundAt = -1;
    // The last person the article gives the pronoun's gender: "Mrs Blair ... a law on Guantanamo Bay. She said"
    // is Mrs Blair, not a name of no known gender after her.
    let gendered: string | undefined;
    let genderedAt = -1;
    for (const e of this.people) {
      if (e.at >= at) break;
      const full = this.fullName(e.name, e.gender);
      if (this.fits(full, gender)) {
        found = full;
        foundAt = e.at;
      }
      if (gender && this.genderOf(full, true) === gender) {
        gendered = full;
        genderedAt = e.at;
      }
    }
    if (gendered && found !== gendered && !this.genderOf(found!) && at - genderedAt < 1500) {
      found = gendered;
      foundAt = genderedAt;
    }
    // A person of the pronoun's gender named after the last one quoted, whose gender the article does not give,
    // is nearer ("The New Yorker's profile ... Sen. Claire McCaskill scolded him: '...,' she said").
    const same = (a: string, b: string) => a.split(' ').some((w) => b.split(' ').includes(w));
    if (gender && speaker && found && foundAt > speaker.at && !same(found, speaker.speaker) && this.genderOf(found, true) === gender && !this.genderOf(speaker.speaker)) return found;
    // A person named before the last quote who comes back as the subject opening the sentence before the
    // pronoun's is who the pronoun continues: "Mr Lind has worked with Washington for years. He said ...", not
    // the one quoted in between. A person named there for the first time is background; the quote goes on.
    if (speaker) {
      const own = this.sentenceStartBefore(at);
      let end = own;
      while (end > 0 && /\s/.test(this.text[end - 1])) end--;
      const previous = this.sentenceStartBefore(end);
      const opens = (from: number, to: number) => from <= to && /^(?:(?:but|and|yet|so)\s+)?$/i.test(this.text.slice(from, to).trim());
      const subject = this.openingPerson(previous, end);
      const full = subject && this.fullName(subject.name, subject.gender);
      const returning = full && this.people.some((e) => e.at < speaker.at && this.fullName(e.name, e.gender) === full);
      if (full && opens(own, at) && previous > speaker.at && returning && !same(full, speaker.speaker) && this.fits(full, gender)) return full;
    }
    // But a person the article gives the pronoun's gender, named earlier in the same sentence, is nearer:
    // "Sanders has made clear that he expects ...", "Steve Adler said ..., though he contended ...".
    if (gender) {
      const from = Math.max(0, at - 400, this.sentenceStartBefore(at), speaker ? speaker.at + 1 : 0);
      let near: string | undefined;
      for (const e of this.entities) {
        if (e.at >= at) break;
        if (e.at < from || !this.isPerson(e)) continue;
        const full = this.fullName(e.name, e.gender);
        if (this.genderOf(full, true) === gender) near = full;
      }
      if (near) return near;
    }
    // The last person quoted nearby beats the last person named: "he said" mostly continues a quoted speaker.
    return speaker?.speaker ?? found;
  }

  /**
   * The office a definite description names ("the prime minister", "the Tory leader", "the shadow chancellor"):
   * its head word and the capitalised qualifiers it must share with a person's known office; undefined for other
   * phrases and for offices of no one in particular (offices.txt: "spokesman", "official").
   */
  private officeDescription(words: string[], ws: string[]): { head: string; proper: string[] } | undefined {
    if (!/^the$/i.test(words[0]) || ws.length > 4 || ws.some((w) => /[\d’']/.test(w))) return undefined;
    const head = bare(ws[ws.length - 1]);
    if (!TITLE_WORDS.has(head) || UNNAMED_OFFICES.has(head)) return undefined;
    const qualifiers = ws.slice(0, -1).filter((w) => !VAGUE.has(w.toLowerCase()));
    if (SPEAKER_NOUNS.has(head) && !qualifiers.length) return undefined;
    return { head, proper: qualifiers.filter((w) => /^\p{Lu}/u.test(w) && !TITLE_WORDS.has(bare(w))).map((w) => bare(w)) };
  }

  /** The person quoted last, within two sentences before `at`, whom the office may describe (see officeDescription). */
  private lastQuotedPerson(at: number, office: { head: string; proper: string[] }): string | undefined {
    const back = (start: number) => {
      let end = start;
      while (end > 0 && /\s/.test(this.text[end - 1])) end--;
      return end > 0 ? this.sentenceStartBefore(end) : 0;
    };
    const from = back(back(this.sentenceStartBefore(at)));
    for (let i = this.said.length - 1; i >= 0; i--) {
      const s = this.said[i];
      if (s.at >= at) continue;
      if (s.at < from) return undefined;
      if (!s.speaker) continue;
      if (!s.person) return undefined;
      const known = (this.roleByName.get(s.speaker) ?? '').split(/[\s-]+/).filter(Boolean).map((w) => bare(w));
      // A "role" without an office word ("BBC" of "told the BBC Mr Howard") is no office.
      if (roleHead(known) && (roleHead(known) !== office.head || !office.proper.every((w) => known.includes(w)))) return undefined;
      // Someone named for the first time in a clause of background ("..., where George Bush opposed it. But the
      // Tory leader argued") is not whom the office goes on from.
      const own = this.sentenceStartBefore(s.at);
      const first = this.people.find((e) => this.fullName(e.name, e.gender) === s.speaker);
      if (first && first.at >= own && BACKGROUND_CLAUSE.test(this.text.slice(own, first.at))) return undefined;
      if (this.namedAfter(at, s.speaker)) return undefined;
      return s.speaker;
    }
    return undefined;
  }

  /** "The premier insisted Mr Brown will ...": the sentence names `person` after `at`, so the office there is someone else. */
  private namedAfter(at: number, person: string): boolean {
    const rest = this.text.slice(at, this.sentenceEnd(at));
    return new RegExp(`\\b${escapeRegExp(last(person))}\\b`).test(rest);
  }

  /** Where the sentence holding offset `at` ends, by the text alone. */
  private sentenceEnd(at: number): number {
    const m = /[.!?]["”’']?(?:\s|$)|\n/.exec(this.text.slice(at, at + 600));
    return m ? at + m.index + 1 : Math.min(this.text.length, at + 600);
  }

  /** The office of a person a description resolved to: the one the article gives with the name, else the description's. */
  private giveOffice(person: string, words: string[]): string {
    return this.roleByName.get(person) || words.filter((w) => !/^the$/i.test(w)).join(' ');
  }

  /** The last name before `at` of two words or more that ends in `head` ("State Department" for "department"). */
  private lastOrganisation(head: string, at: number): string | undefined {
    let found: string | undefined;
    for (const e of this.entities) {
      if (e.at >= at) break;
      if (e.name.includes(' ') && bare(last(e.name)) === head) found = e.name;
    }
    return found;
  }

  /**
   * The last organisation named before `at` whose sector (in the events' actor dictionary) is the one a
   * sector word names: "the insurgents" after "the Taliban". Only groups outside the state: "the government"
   * or "the military" may be any country's, and the article rarely names them as organisations.
   */
  private lastOfSector(words: string, at: number): string | undefined {
    const sector = LEXICON.common.get(words);
    if (!sector || sector.kind !== 'sector' || !GROUP_SECTORS.has(sector.sector)) return undefined;
    let found: string | undefined;
    for (const e of this.entities) {
      if (e.at >= at) break;
      if (at - e.at > 3000) continue;
      const entry = LEXICON.names.get(nameKey(e.name));
      if (entry?.kind === 'org' && entry.sector === sector.sector) found = e.name;
    }
    return found;
  }

  /**
   * The group or organisation the sentence before the one at `at` opens with, as its subject ("BAA are ...", "The
   * unions have ..."), when the pronoun at `at` opens its own sentence and no one was quoted since that sentence
   * began; for "it" only a singular one. Not a person, a pronoun or a place.
   */
  private openingGroup(at: number, singularOnly: boolean): { phrase: string; at: number } | undefined {
    const own = this.sentenceStartBefore(at);
    if (!/^(?:(?:but|and|yet|so)\s+)?$/i.test(this.text.slice(own, at).trim())) return undefined;
    let end = own;
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    if (end === 0) return undefined;
    const previous = this.sentenceStartBefore(end);
    if (this.said.some((x) => x.at >= previous && x.at < at)) return undefined;
    const sentence = this.text.slice(previous, end);
    const m = /^(?:(?:But|And|Yet|So)\s+)?((?:The\s+)?(?:(?:\p{Lu}[\p{L}\p{N}&.-]*\s+){0,4}\p{Lu}[\p{L}\p{N}&.-]*|\p{Ll}+s))\s+(are|is|was|were|has|have|had|will|would|could|can|also|\p{Ll}+ed)\b/u.exec(sentence);
    if (!m) return undefined;
    const phrase = m[1];
    const words = phrase.split(/\s+/).filter((w) => !/^the$/i.test(w));
    const name = words.join(' ');
    if (!words.length || PRONOUNS.has(name.toLowerCase()) || NON_NAME.has(words[0].toLowerCase())) return undefined;
    if (this.personNames.has(name) || this.personLastNames.has(name) || FIRST_NAMES.has(words[0].toLowerCase()) || this.genderOf(name)) return undefined;
    if (words.length >= 2 && PLACE_HEADS.has(bare(last(name)))) return undefined;
    const lowerHead = /^\p{Ll}/u.test(last(name));
    // A common noun must name speakers ("unions", "analysts"), a plural one for "they".
    if (lowerHead && (!speakerHead(name) || singularOnly)) return undefined;
    const plural = lowerHead || /^(are|were|have)$/.test(m[2]);
    if (singularOnly && plural) return undefined;
    // "They" after "BAA are ...", not after "The Associated Press interviewed 20 crew members".
    if (!singularOnly && !plural) return undefined;
    return { phrase, at: previous + sentence.indexOf(phrase) };
  }

  /** Whose campaign "the campaign" at `at` is: a surname ("Clinton"), or undefined. */
  private campaignOf(at: number): string | undefined {
    const subject = this.previousSubject(at);
    if (subject) return last(this.fullName(subject.name, subject.gender));
    const before = this.text.slice(Math.max(0, at - 1500), at);
    let found: string | undefined;
    for (const m of before.matchAll(/(\p{Lu}[\p{L}-]+)(?:[’']s)?(?:\s+(?:presidential|re-?election|election|Senate|senate|leadership))?\s+campaign\b/gu)) {
      if (this.personLastNames.has(m[1]) || this.people.some((e) => last(e.name) === m[1]) || this.entities.some((e) => e.name.includes(' ') && last(e.name) === m[1] && !isOrgName(e.name.split(' ')))) found = m[1];
    }
    return found;
  }

  /** The person named first in the sentence before the one holding `at`, when the sentence opens with them. */
  private previousSubject(at: number): Entity | undefined {
    let end = this.sentenceStartBefore(at);
    while (end > 0 && /\s/.test(this.text[end - 1])) end--;
    return this.openingPerson(this.sentenceStartBefore(end), end);
  }

  /**
   * The person a sentence [from, to) opens with ("But Mr Lind has ..."); past a qualifier of an office read as a
   * name ("Lib Dem chairman Matthew Taylor" opens with Matthew Taylor).
   */
  private openingPerson(from: number, to: number): Entity | undefined {
    const people = this.people.filter((e) => e.at >= from && e.at < to);
    let first = people[0];
    if (!first || !/^(?:(?:but|and|yet|so)\s+)?$/i.test(this.text.slice(from, first.at).trim())) return undefined;
    const end = this.text.indexOf(first.name, first.at);
    const gap = people[1] && end >= 0 ? this.text.slice(end + first.name.length, people[1].at).trim() : '';
    if (gap && gap.split(/\s+/).every((w) => TITLE_WORDS.has(w.toLowerCase()))) first = people[1];
    return first;
  }

  /** Where the sentence holding offset `at` starts (after the last ". " before it), by the text alone. */
  private sentenceStartBefore(at: number): number {
    const window = this.text.slice(Math.max(0, at - 400), at);
    let start = 0;
    for (const m of window.matchAll(/[.!?]["”’']?\s+|\n/g)) start = m.index! + m[0].length;
    return Math.max(0, at - 400) + start;
  }

  /** The group or organisation quoted last before `at`; for "it", one that is not plural ("Creditors", "analysts"). */
  private lastGroup(at: number, singular = false): string | undefined {
    for (let i = this.said.length - 1; i >= 0; i--) {
      const s = this.said[i];
      if (s.at >= at || at - s.at >= 1500) continue;
      if (s.person) return undefined;
      if (singular && looksPlural(s.speaker)) continue;
      return s.speaker;
    }
    return undefined;
  }

  /** A person the article names: a person entity, or a lone last name of one. */
  private isPerson(e: Entity): boolean {
    return e.person || this.personNames.has(e.name) || this.personLastNames.has(e.name);
  }

  /**
   * A mention no one can be: a lower-case phrase without a speaking head ("a sign", "quick"), a word that opens
   * the sentence and is written in lower case elsewhere ("Hours later, ..."), or a dateline ("WASHINGTON (AP) —").
   */
  private implausible(mention: string, at: number, context: MentionContext): boolean {
    // "5 billion shares", "70 new orders": a number read as a speaker, unless it counts people ("313 people").
    const counted = /^\d[\d,.]*\s+(.*)$/.exec(mention);
    if (counted && !/\p{Lu}/u.test(counted[1])) return !speakerHead(counted[1]);
    if (!/\p{Lu}/u.test(mention)) return !speakerHead(mention);
    // "The debate gave ...": a determiner capitalised only for opening the sentence, before common nouns.
    if (/^(?:The|A|An|This|That|These|Those)\s+[^\p{Lu}]+$/u.test(mention)) return !speakerHead(mention);
    const first = mention.split(/\s+/)[0].toLowerCase();
    // "Christie repeated accusations that Rubio recites ...": a clause inside someone's words; they speak.
    if (/^that\s+\p{Lu}/u.test(mention)) return true;
    if (CALENDAR.test(mention)) return true; // "Friday", "March": a date read as a speaker
    // "In Washington", "For someone": a phrase of place or purpose, not a subject.
    if (mention.includes(' ') && PHRASE_PREPOSITIONS.has(first)) return true;
    // "Grassley, facing a challenge in Iowa, a swing state, said": the object of a preposition of place is no subject.
    // A place is set off by commas ("in Aurora, Colorado, in July"); "in Las Vegas, Trump said" names the subject.
    const opens = at - context.sentenceStart <= 2;
    if (!opens && this.text[at + mention.length] === ',' && PLACE_BEFORE.test(this.text.slice(Math.max(context.sentenceStart, at - 40), at))) return true;
    if (!opens) return false;
    if (/^\p{Lu}[\p{Lu}\s.]+$/u.test(mention) && mention.length >= 3) return /^(?:,|\s*\(|\s*[—–-])/.test(this.text.slice(at + mention.length, at + mention.length + 3));
    if (mention.includes(' ') || this.personLastNames.has(mention) || this.personNames.has(mention)) return false;
    const lower = mention.toLowerCase();
    if (PERSONAL.has(lower) || lower === 'they' || lower === 'we' || (!/^it(?:[’']s)?$/.test(lower) && speakerHead(lower))) return false; // "He", "Analysts", "Polls"
    return this.lowerWords.has(lower) || NON_NAME.has(lower) || OPENING_WORDS.has(lower) || /^\p{Lu}\p{Ll}+(?:ing|ed|ly)$/u.test(mention);
  }

  /** The person a sentence is about, for an implausible mention: the first named after it before the cue, else before it. */
  private sentenceSubject(at: number, end: number, context: MentionContext): Entity | undefined {
    // "The careers of X and Y are over, says the boss": after an inverted cue, what comes before is the words.
    if (at > context.cueAt) return undefined;
    const limit = Math.max(context.cueAt, end);
    let before: Entity | undefined;
    for (const e of this.entities) {
      if (e.at >= limit) break;
      if (e.at < context.sentenceStart || !this.isPerson(e)) continue;
      if (e.at >= end && e.at < context.cueAt) return e;
      if (e.at < at && !before) before = e;
    }
    return before;
  }

  resolve(mention: string, at: number, context?: MentionContext): Resolved {
    // "But Chris Christie", "And then he", "62-year-old Brenda Johnson": what opens the phrase is no part of the name.
    // So is a sentence adverb: "Perhaps Vladimir Putin", "Ironically Smith".
    let skip = 0;
    for (let m; (m = /^(\S+)\s+(?=\S)/.exec(mention.slice(skip))) && opensPhrase(m[1]); ) skip += m[0].length;
    if (skip > 0) return this.resolve(mention.slice(skip), at + skip, context);
    // "On Friday Taft said": a day or month before a name is the phrase of time, not part of the name.
    const day = /^(\S+)\s+(?=\p{Lu})/u.exec(mention);
    if (day && CALENDAR.test(day[1]) && mention.split(/\s+/).length >= 2) return this.resolve(mention.slice(day[0].length), at + day[0].length, context);
    // "He went", "It seems unfair": a pronoun and its verb; the pronoun speaks ("She and her aides" stays a group).
    // "the police's claim that ...", "the union's": the owner of the words speaks.
    // Not a name that ends so ("Standard and Poor's", "McDonald's").
    if (/(?:^|\s)\p{Ll}+[’']s$/u.test(mention) && !/^(?:he|she|it|that|who|there|what|here|this)[’']s$/i.test(mention)) return this.resolve(mention.slice(0, -2), at, context);
    const lead = /^(he|she|it|they|we|i)(?:[’'](?:s|d|ll|m|re|ve))?\s+(\S+)/i.exec(mention);
    if (lead && !/^(?:and|or|&)$/i.test(lead[2])) return this.resolve(lead[1], at, context);
    if (context && this.implausible(mention, at, context)) {
      const subject = this.sentenceSubject(at, at + mention.length, context);
      if (subject) return this.resolve(subject.name, subject.at);
      return { ...this.resolve(mention, at), doubtful: true };
    }
    // "Harris Associates L.P., a Chicago investment advisory firm", "Champion International Corp, based in Stamford":
    // a name before its apposition speaks, without it.
    const apposed = /^(\p{Lu}[^,]*?),\s+(?:a|an|the|based|owned|headquartered)\s/u.exec(mention);
    if (apposed && apposed[1].split(/\s+/).every((w) => /^[\p{Lu}\p{N}&]/u.test(w) || /^(?:of|and|de|du|la|le)$/.test(w))) return this.resolve(apposed[1], at, context);
    // "the Edelman group, known as Samjens Acquisition Corp": the phrase before its other name speaks.
    const aka = /^(.+?),\s+(?:also\s+|formerly\s+)?(?:known\s+as|called|named)\s/i.exec(mention);
    if (aka) return this.resolve(aka[1], at, context);
    // "The Afghan government and other international groups": the one named speaks for the rest.
    const others = /^(.+?)\s+and\s+other\s/i.exec(mention);
    if (others) return this.resolve(others[1], at, context);
    const words = mention.split(/\s+/).filter(Boolean);
    // "his early-morning tweets", "her 2002 book": the owner speaks when what is owned cannot.
    if (words.length > 1 && POSSESSIVE_PRONOUNS[words[0].toLowerCase()] && !/\p{Lu}/u.test(mention) && !speakerHead(words.slice(1).join(' '))) return this.resolve(words[0], at);
    const lower = POSSESSIVE_PRONOUNS[mention.toLowerCase()] ?? mention.toLowerCase();
    if (lower === 'you') return { speaker: mention, role: '' }; // generic "you": no one in particular
    // "Wright on Thursday renewed his call for ...": a possessive in the clause goes back to the person opening it.
    if (/^(?:his|her)$/i.test(mention)) {
      const subject = this.openingPerson(this.sentenceStartBefore(at), at);
      const full = subject && this.fullName(subject.name, subject.gender);
      // (Only one the article gives the pronoun's gender: "Marion Jones has filed a lawsuit against Victor Conte
      // following his allegations" is Conte's.)
      if (full && this.genderOf(full, true) === pronounGender(lower)) return { speaker: full, role: this.roleByName.get(full) ?? '' };
    }
    if (PRONOUNS.has(lower)) {
      // "Residents said ... BAA are planning a runway. They have said ...": a group or an organisation opening the
      // sentence before, after the last one quoted, is whom "they" or "it" opening this sentence goes on from.
      if (lower === 'they' || lower === 'it') {
        const opening = this.openingGroup(at, lower === 'it');
        if (opening) return this.resolve(opening.phrase, opening.at);
      }
      const who = PERSONAL.has(lower) ? this.lastPerson(at, pronounGender(lower)) : this.lastGroup(at, lower === 'it' || lower === 'its');
      return who ? { speaker: who, role: this.roleByName.get(who) ?? '' } : { speaker: mention, role: '' };
    }
    let ws = words;
    while (ws.length > 1 && DETERMINERS.has(ws[0].toLowerCase())) ws = ws.slice(1);
    // "Salomon's Ryavec", "the paper's Smith": the owner is where the person works; a person the article names
    // after the possessive speaks.
    const owned = ws.findIndex((w) => /[’']s$/.test(w));
    if (owned >= 0 && owned < ws.length - 1) {
      const rest = ws.slice(owned + 1).join(' ');
      const person = rest.includes(' ') ? this.personNames.has(rest) && !!this.genderOf(rest, true) : this.personLastNames.has(rest);
      if (/^\p{Lu}/u.test(rest) && person) return this.resolve(rest, at + mention.lastIndexOf(rest), context);
    }
    const capital = ws.filter((w) => /^[A-Z]/.test(w));
    const { role, name } = splitRole(ws);
    const nameWords = name.filter((w) => !CONNECTORS.has(w));
    // "The MP for Ealing North": what follows an office's preposition is no name.
    const named = nameWords.length > 0 && /^\p{Lu}/u.test(name[0]) && nameWords.every((w) => /^[A-Z]/.test(w)) && !isOrgName(nameWords);
    if (named) {
      const gender = genderOfWords(ws.slice(0, ws.length - name.length), nameWords.length >= 2 ? nameWords[0] : undefined);
      let full = this.fullName(name.join(' ').replace(/[’']s$/, ''), gender);
      // "the Exchequer Nigel Lawson": a name that holds a person's name the article gives at its end is that person.
      // Not past "of" ("Robin Fuller of Agri Analysis"), an organisation's word or an initial ("A. William Reynolds");
      // the person's name opens with a given name.
      if (!this.personNames.has(full) && nameWords.length === name.length && !isOrgName(nameWords)) {
        const k = nameWords.findIndex((w, j) => j > 0 && FIRST_NAMES.has(w.toLowerCase()) && nameWords.length - j >= 2);
        const tail = k > 0 ? nameWords.slice(k).join(' ') : '';
        if (tail && this.personNames.has(tail) && !nameWords.slice(0, k).some((w) => /^\p{Lu}\.$/u.test(w))) full = tail;
      }
      if (gender) this.vote(full, gender, 3);
      // "President Putin" after "Russian President Vladimir Putin": the fuller office written earlier.
      const said = role.join(' ');
      const known = this.roleByName.get(full) ?? '';
      return { speaker: full, role: known.includes(said) ? known : said };
    }
    // "Trump's campaign", "Clinton's aides": the organisation of a person speaks, not the person.
    if (ws.some((w) => /[’']s$/.test(w)) && !isTitle(ws[ws.length - 1])) return { speaker: ws.join(' '), role: '' };
    // "a State Department official", "one aide": someone new, not a person named before;
    // "the State Department", "the Clinton campaign": the organisation itself.
    // "the ministry", "the committee": the one named before ("the Foreign Ministry", "the Ethics Committee").
    if (words[0].toLowerCase() === 'the' && ws.length === 1 && ORG_HEADS.has(bare(ws[0]))) {
      const named = this.lastOrganisation(bare(ws[0]), at);
      if (named) return { speaker: named, role: '' };
      // "Hillary Clinton plans to ... The campaign says": a candidate's campaign, of the person the sentence before
      // opens with, else of the last campaign the article names ("Donald Trump's presidential campaign").
      if (bare(ws[0]) === 'campaign') {
        const candidate = this.campaignOf(at);
        if (candidate) return { speaker: `${candidate} campaign`, role: '' };
      }
    }
    // "the insurgents", "the militants": the group of that kind named last ("the Taliban"), by the actor dictionary.
    if (words[0].toLowerCase() === 'the' && ws.every((w) => !/\p{Lu}/u.test(w))) {
      const named = this.lastOfSector(ws.join(' ').toLowerCase(), at);
      if (named) return { speaker: named, role: '' };
    }
    const indefinite = /^(a|an|one|another|some|two|three|several|many)$/.test(words[0].toLowerCase());
    if (indefinite || (ws.some((w) => ORG_HEADS.has(bare(w))) && !ws.some((w) => isTitle(w)))) return { speaker: ws.join(' '), role: '' };
    const described = byDescription(words, at, this.entities);
    if (described) {
      const full = this.fullName(described.name);
      return { speaker: full, role: this.roleByName.get(full) ?? described.role };
    }
    // "Tony Blair has backed the report. ... the prime minister said": an office no one in the article holds, in a
    // definite description, is the person who opens the sentence before, when the article gives them no other
    // office. Offices many hold ("the spokesman", "the analyst") are no one's in particular.
    const head = bare(ws[ws.length - 1]);
    if (/^the$/i.test(words[0]) && ws.every((w) => !/\p{Lu}/u.test(w)) && TITLE_WORDS.has(head) && !SPEAKER_NOUNS.has(head)) {
      const subject = this.previousSubject(at);
      if (subject) {
        const full = this.fullName(subject.name, subject.gender);
        const known = this.roleByName.get(full) ?? '';
        if ((!known || roleHead(known.split(/[\s-]+/).map((w) => bare(w))) === head) && !this.namedAfter(at, full)) return { speaker: full, role: this.giveOffice(full, ws) };
      }
    }
    // "Mr Blair said ... The prime minister ridiculed ...", "Michael Howard has backed ... But the Tory leader argued":
    // an office in a definite description that no one in the article is given goes on from the person quoted just
    // before, when the article gives them no other office. An office many hold ("the spokesman") needs a qualifier
    // ("the Tory leader", not "the leader"); an unnamed speaker's office is theirs (anonymous, above).
    const office = this.officeDescription(words, ws);
    if (office) {
      const person = this.lastQuotedPerson(at, office);
      if (person) return { speaker: person, role: this.giveOffice(person, ws) };
    }
    // An organisation, a country or a group ("the State Department", "US and European officials").
    return { speaker: capital.length || ws.length ? ws.join(' ') : mention, role: role.join(' ') };
  }
}
