/**
 * Grammatical gender of the people an article names, so that "she said" does not go to the last man quoted.
 * Evidence, strongest first: an honorific ("Mrs.", "Sir"), an office word that carries it ("spokeswoman"),
 * a given name (first-names.tsv), and the pronouns the article itself uses right after a name.
 */
import { readFileSync } from 'node:fs';

export type Gender = 'm' | 'f';

/** first-names.tsv: `Name<TAB>m|f`, `#` comments. */
export function parseFirstNames(text: string, file = 'first-names.tsv'): Map<string, Gender> {
  const out = new Map<string, Gender>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [name, g] = line.split('\t');
    if (!name || (g !== 'm' && g !== 'f')) throw new Error(`${file}:${i + 1}: expected "Name<TAB>m|f", got "${line}"`);
    out.set(name.toLowerCase(), g);
  });
  return out;
}

export const FIRST_NAMES = parseFirstNames(readFileSync(new URL('./lexicon/first-names.tsv', import.meta.url), 'utf8'));

const MARKED: Record<string, Gender> = {
  mr: 'm', sir: 'm', lord: 'm', king: 'm', prince: 'm', father: 'm', brother: 'm', husband: 'm', son: 'm', uncle: 'm',
  mrs: 'f', ms: 'f', miss: 'f', madam: 'f', dame: 'f', lady: 'f', queen: 'f', princess: 'f', mother: 'f', sister: 'f',
  wife: 'f', daughter: 'f', aunt: 'f', actress: 'f', duchess: 'f', duke: 'm', countess: 'f', baroness: 'f', baron: 'm',
  widow: 'f', grandmother: 'f', grandfather: 'm', niece: 'f', nephew: 'm',
};

/** Nouns for a person of one gender that head a description ("the woman", "the boy"), never a name's words ("Man Utd", "Boy George"). */
const DESCRIPTION_GENDER: Record<string, Gender> = { woman: 'f', girl: 'f', lady: 'f', man: 'm', boy: 'm', gentleman: 'm' };

/** The gender the head of a description says: "the woman", "the spokeswoman", "the mother". */
export const descriptionGender = (head: string): Gender | undefined => DESCRIPTION_GENDER[head.toLowerCase()] ?? genderOfWord(head);

/** The gender one word marks: an honorific, an office in -man/-woman, a kinship word, or a given name. */
export function genderOfWord(word: string, givenName = false): Gender | undefined {
  const w = word.toLowerCase().replace(/[.,]$/, '').replace(/[’']s$/, '');
  if (MARKED[w]) return MARKED[w];
  if (/^[a-z-]+wom[ae]n$/.test(w)) return 'f'; // spokeswoman, congresswoman, chairwoman
  if (/^[a-z-]+(?:spokes|congress|chair|business|sales|anchor|council|assembly|alder)man$/.test(w) || /^(?:spokes|congress|chair|business|anchor|council|assembly|alder)man$/.test(w)) return 'm';
  return givenName ? FIRST_NAMES.get(w) : undefined;
}

/**
 * The gender of a name phrase: honorifics and offices first ("Mrs.", "spokeswoman"), then the given name, then
 * an office in -man, which wires write for women too ("Spokesman Teresa Tomaszewska").
 */
export function genderOfWords(titles: string[], given?: string): Gender | undefined {
  let generic: Gender | undefined;
  for (const w of titles) {
    const g = genderOfWord(w);
    if (g && /[a-z]man[.,]?$/i.test(w)) generic ??= g;
    else if (g) return g;
  }
  return (given ? genderOfWord(given, true) : undefined) ?? generic;
}

const PRONOUN_GENDER: Record<string, Gender> = { he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' };

/**
 * The pronoun the text uses right after a name, in the same sentence and before any other name:
 * "Kelly said she asked for the interview" votes 'f' for Kelly. Undefined when there is none.
 */
export function pronounVotes(text: string, end: number, nextNameAt: number): Gender | undefined {
  const limit = Math.min(text.length, end + 120, nextNameAt);
  const window = text.slice(end, limit);
  const stop = window.search(/[.!?]\s|[“”"]/);
  const scope = stop >= 0 ? window.slice(0, stop) : window;
  const m = /\b(he|him|his|himself|she|her|hers|herself)\b/i.exec(scope);
  return m ? PRONOUN_GENDER[m[1].toLowerCase()] : undefined;
}

/** Gender of a pronoun mention, or undefined for "I", "they" and the like. */
export const pronounGender = (word: string): Gender | undefined => PRONOUN_GENDER[word.toLowerCase()];
