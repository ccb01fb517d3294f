/**
 * Word tokens with offsets, for dictionary look-ups by token sequence (fast: one pass per sentence,
 * Map look-ups instead of one regular expression per dictionary entry).
 * "U.S." keeps its dots; a possessive "'s" is a token of its own so "Poland's" finds "Poland".
 */
export interface Token {
  text: string;
  /** Lower-cased text, for case-insensitive trigger look-ups. */
  lower: string;
  start: number;
  end: number;
}

// Sticky: matched where the skip below stops, at the next letter or digit (every word starts at one, and
// one always starts a word), so that no match array is made per word.
const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}]+(?:[-'’.&][\p{L}\p{N}]+)*/uy;
const NOT_WORD = /[^\p{L}\p{N}]*/uy;

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const piece = text.slice(0, to);
  let at = from;
  while (at < piece.length) {
    NOT_WORD.lastIndex = at;
    NOT_WORD.test(piece);
    let start = NOT_WORD.lastIndex;
    if (start >= piece.length) break;
    WORD.lastIndex = start;
    if (!WORD.test(piece)) throw new Error(`tokenize: no word at ${start}`);
    at = WORD.lastIndex;
    let word = piece.slice(start, at);
    // A possessive "'s" (or "’s") after at least one character: /^(.+)['’]s$/u, without a match array.
    const len = word.length;
    if (len >= 3 && word.charCodeAt(len - 1) === 115 && (word.charCodeAt(len - 2) === 39 || word.charCodeAt(len - 2) === 0x2019)) {
      word = word.slice(0, len - 2);
      out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
      start += word.length;
      word = piece.slice(start, at);
    }
    out.push({ text: word, lower: word.toLowerCase(), start, end: start + word.length });
  }
  return out;
}

/** Keys for token sequences: the words joined by single spaces. */
export const keyOf = (tokens: Token[], i: number, n: number, lower = false) =>
  tokens.slice(i, i + n).map((t) => (lower ? t.lower : t.text)).join(' ');

/** Split a name into the same token keys the matcher builds. */
export const nameKey = (name: string, lower = false) => keyOf(tokenize(name), 0, Infinity, lower);

/** Month and weekday names (and their abbreviations): capitalised, but never a name or a party. */
export const CALENDAR = /^(?:Jan(?:uary)?|Feb(?:ruary)?|March|April|May|June|July|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** A compass word between a locative preposition and its place ("in northern Kuwait", "in north-eastern Nigeria"). */
export const COMPASS = /^(?:north|south|east|west|central)(?:ern|-?(?:east|west)(?:ern)?)?$/;
