/**
 * Word and punctuation tokens with offsets into the article text, and the word classes the statement
 * rules need to find a speaker (a noun phrase) next to a reporting verb.
 */
export interface Token {
  /** The token as written, and lower-cased. */
  t: string;
  lo: string;
  a: number;
  b: number;
  word: boolean;
  cap: boolean;
}

const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'capt', 'sgt', 'maj', 'prof', 'st', 'jr', 'sr', 'rev', 'u.s', 'u.k', 'u.n', 'v', 'vs']);

const UPPER = /\p{Lu}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The dot at `a` closes an initial: a lone capital before it, a space and a capital after it. */
const isInitial = (text: string, prev: Token, a: number) => prev.t.length === 1 && prev.cap && text[a + 1] === ' ' && UPPER.test(text[a + 2] ?? '');

// "4,000" is one number: a comma before three digits groups thousands, it ends no clause.
// Sticky: matched at each token's start, found by skipping white space (every other character starts a
// token: a letter or digit the first two alternatives, anything else the last), so that no match array
// is made per token.
const TOKEN = /\p{N}{1,3}(?:,\p{N}{3})+(?:\.\p{N}+)?(?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’.\-][\p{L}\p{N}]+)*|''|[^\s\p{L}\p{N}]/uy;
const SPACE = /\s*/y;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let at = 0;
  for (;;) {
    SPACE.lastIndex = at;
    SPACE.test(text);
    const a = SPACE.lastIndex;
    if (a >= text.length) break;
    TOKEN.lastIndex = a;
    if (!TOKEN.test(text)) throw new Error(`tokenize: no token at ${a}`);
    at = TOKEN.lastIndex;
    const t = text.slice(a, at);
    const prev = out[out.length - 1];
    // "Sen. Ted Cruz (R-Tex.) said": a dot closing a parenthesis right after a word abbreviates, it ends nothing.
    // So does one after a lone capital before a name: "Dennis B. Ross", "George W. Bush".
    if (t === '.' && prev && prev.b === a && (ABBREVIATIONS.has(prev.lo) || isInitial(text, prev, a) || (text[a + 1] === ')' && prev.word))) {
      prev.t += '.';
      prev.lo += '.';
      prev.b += 1;
      continue;
    }
    const word = WORD_CHAR.test(t[0]);
    out.push({ t, lo: t.toLowerCase(), a, b: at, word, cap: word && UPPER.test(t[0]) });
  }
  return out;
}

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export const DETERMINERS = set('the a an his her its their our my your this that these those some many several most all both each every no any other such');
export const PREPOSITIONS = set(
  'on in at during after before while with from via through to into over under about against for of by near outside inside ' +
    'without within across since until amid amidst among following ahead last this earlier late',
);
/** Words that can stand between a speaker and the verb: auxiliaries, negation, common adverbs. */
export const AUX_ADVERBS = set(
  'has have had also later then again further earlier previously repeatedly recently once would will could may might ' +
    'can did does do not never almost publicly privately reportedly often already still just even initially finally flatly long ' +
    'always frequently first last now soon quickly simply only ever yet is was were are been be being has also too',
);
/** Words that cannot end a speaker phrase. */
export const NOT_SPEAKER_END = set(
  'the a an and or but nor so yet to of for with from by as at in on into onto that than then if when while because ' +
    'although though whether which what where how why not no also this these those there here its his her their our my ' +
    'your is was were are be been being has have had do does did would will could should may might must can very more ' +
    'most less least such just only even about after before over under up down out off since until like unlike along all',
);
export const TIME_WORDS = set(
  'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december jan feb mar apr jun jul aug sep sept oct nov dec today yesterday tomorrow tonight week weeks ' +
    'month months year years day days night morning afternoon evening weekend time times ago statement interview conference ' +
    'briefing hearing',
);
export const SPEAKER_PRONOUNS = set('he she they it we i you who which');
export const LEADING_JUNK = set('but and so yet however meanwhile still also then now instead indeed moreover besides thus');

/** Finite auxiliaries: after an -s form they show it to be a plural noun, their subject ("claims were denied", "calls are mounting"). */
export const FINITE_AUXILIARIES = set('have has had is are was were will would could can may might should must');

export const isNumber = (tok: Token) => /^\p{N}/u.test(tok.t);
