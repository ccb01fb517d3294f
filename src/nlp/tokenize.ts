/**
 * Word tokenization the way the Universal Dependencies English treebanks (EWT, GUM) tokenize, so that
 * the tagger and parser trained on their gold words see the tokens they learned from:
 *
 *  - punctuation is split off ("said." -> said .), quotes and brackets are tokens of their own;
 *  - clitics are split: "don't" -> do n't, "can't" -> ca n't, "won't" -> wo n't, "it's" -> it 's,
 *    "John's" -> John 's, 're 'll 've 'd 'm (with ' or ’), "companies'" -> companies ', and the few
 *    fused forms UD splits without an apostrophe: cannot, gonna, wanna, gotta, dont, im, thats ...;
 *  - hyphenated compounds are split as UD (since v2.8) does: "well-known" -> well - known, but a bound
 *    prefix stays attached ("e-mail", "non-profit", "re-elect", "co-founder") and digit-digit runs stay
 *    whole ("713-853-3989", "4-12"). `keepHyphenated` keeps every hyphenated word whole instead;
 *  - numbers stay whole ("4,000", "3.5", "10:30", "08/16/2000"); "$" and "%" are split off ("$5" -> $ 5);
 *  - abbreviations and initials keep their dot ("U.S.", "Mr.", "e.g.", "J. K. Rowling"); at the very end
 *    of a sentence the dot is split off ("in the U.S." -> U.S .), as EWT's training data has it
 *    ("p.m .", "U.S.A .", "L.L.C ."): the parser then sees the sentence-final punctuation it expects.
 *    `keepFinalAbbreviationDot` keeps it attached instead;
 *  - URLs, e-mail addresses, @handles and #hashtags stay whole; file names and domains ("report.pdf",
 *    "paulhastings.com") too, since a dot followed by a letter or digit never splits a word;
 *  - runs of . ! ? ("...", "?!", "!!!"), dash runs ("--"), "…", em and en dashes are one token each;
 *  - a few emoticons (":)", ":-(") are one token.
 *
 * The scanner is a single left-to-right pass with constant look-ahead: linear time on any input, no
 * regular expression over the input, and it never throws. Offsets are UTF-16 code units into `text`,
 * and every token's form is exactly text.slice(start, end).
 */
import type { NlpToken } from './types.ts';

export interface TokenizeOptions {
  /** Keep hyphenated words whole ("well-known") rather than split them as UD does. Default false. */
  keepHyphenated?: boolean;
  /** Keep the dot on a sentence-final abbreviation ("in the U.S.") rather than split it. Default false. */
  keepFinalAbbreviationDot?: boolean;
}

/** Abbreviations (without their dot, lower-cased) that keep a following full stop. */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms mx dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres amb supt insp st ' +
    'messrs mme fr sr jr jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri ' +
    'sat sun no nos vs etc approx inc ltd corp co bros dept govt ft mt ave blvd rd cf al est fig figs vol vols ' +
    'ed eds pp ca op cit ibid jr esq assn univ natl intl mfg dist div ext tel pt pts ph phd sec secs ch chap ' +
    'art arts para min max av mgr asst assoc det supt cllr mssrs mlle messrs cal calif fla ga ill mass mich ' +
    'minn penn tenn tex va wash wis ariz colo conn del ind kan ky la md mo neb nev okla ore wyo pa ' +
    'gens sens reps govs lts cols sgts drs sts'
  ).split(/\s+/),
);

/** Bound prefixes that UD English keeps attached to the word after their hyphen ("e-mail", "non-profit"). */
const PREFIXES = new Set(
  (
    'a anti arch bi co counter cross cyber de e ex extra hyper infra inter intra macro meta micro mid mini mis ' +
    'multi neo non over pan para post pre pro pseudo psycho quasi re semi socio sub super trans tri ultra un uni vice'
  ).split(' '),
);

/** Fused forms UD splits though they have no apostrophe: lower-cased form -> length of the first part. */
const FUSED = new Map<string, number>([
  ['cannot', 3], ['gonna', 3], ['wanna', 3], ['gotta', 3],
  ['dont', 2], ['didnt', 3], ['doesnt', 4], ['isnt', 2], ['wasnt', 3], ['arent', 3], ['werent', 4],
  ['havent', 4], ['hasnt', 3], ['hadnt', 3], ['couldnt', 5], ['wouldnt', 5], ['shouldnt', 6],
  ['im', 1], ['ive', 1], ['thats', 4],
]);

const CLITICS = new Set(['s', 'd', 'm', 're', 've', 'll']);

// ---- character classes (on UTF-16 code units; surrogate pairs handled where it matters) ----

const isSpace = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAsciiLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isApostrophe = (c: number) => c === 39 || c === 0x2019;
const isHyphen = (c: number) => c === 45 || c === 0x2010 || c === 0x2011;

/** BMP word-character cache: 0 unknown, 1 word (letter, digit, mark, joiner), 2 not. */
const bmpWord = new Uint8Array(65536);
const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;

function bmpIsWord(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigit(c);
  let v = bmpWord[c];
  if (v === 0) {
    v = c === 0xad || c === 0x200c || c === 0x200d || (c < 0xd800 || c > 0xdfff ? WORD_RE.test(String.fromCharCode(c)) : false) ? 1 : 2;
    bmpWord[c] = v;
  }
  return v === 1;
}

/** Length (0, 1 or 2 code units) of the word character at i, if text[i] starts one before `end`. */
function wordLen(text: string, i: number, end: number): number {
  if (i >= end) return 0;
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff) return bmpIsWord(c) ? 1 : 0;
  if (i + 1 >= end) return 0;
  const d = text.charCodeAt(i + 1);
  if (d < 0xdc00 || d > 0xdfff) return 0;
  const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  return WORD_RE.test(String.fromCodePoint(cp)) ? 2 : 0;
}

/** Characters stripped from the end of a URL or e-mail address, and that may follow a final dot. */
const isClosing = (c: number) =>
  c === 34 || c === 39 || c === 41 || c === 93 || c === 125 || c === 0x2019 || c === 0x201d || c === 0xbb || c === 0x203a;

const isUrlTrailer = (c: number) =>
  isClosing(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 33 || c === 63 || c === 62 || c === 0x2026;

/** Lower-cased text[a, b), at most 12 code units (enough for every table above). */
const lowerSlice = (text: string, a: number, b: number) => (b - a > 12 ? '' : text.slice(a, b).toLowerCase());

function urlAt(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i) | 32;
  if (c !== 104 && c !== 102 && c !== 119 && c !== 109) return false; // h f w m
  const head = text.slice(i, Math.min(end, i + 8)).toLowerCase();
  return head.startsWith('http://') || head.startsWith('https://') || head.startsWith('ftp://') ||
    head.startsWith('www.') || head.startsWith('mailto:');
}

/** Tokens of text[start, end), with offsets into `text`. */
export function tokenizeSentence(text: string, start: number, end: number, options: TokenizeOptions = {}): NlpToken[] {
  const out: NlpToken[] = [];
  if (typeof text !== 'string') return out;
  const n = text.length;
  start = Number.isFinite(start) ? Math.max(0, Math.min(n, Math.floor(start))) : 0;
  end = Number.isFinite(end) ? Math.max(start, Math.min(n, Math.floor(end))) : n;
  // Where the sentence's closing tail (closing quotes, brackets, white space) begins: a dot at or after
  // `tail - 1` ends the sentence.
  let tail = end;
  while (tail > start && (isSpace(text.charCodeAt(tail - 1)) || isClosing(text.charCodeAt(tail - 1)))) tail--;
  const ctx: Ctx = { text, out, tail, keepHyphenated: !!options.keepHyphenated, keepFinalDot: !!options.keepFinalAbbreviationDot };
  let i = start;
  while (i < end) {
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let b = i + 1;
    while (b < end && !isSpace(text.charCodeAt(b))) b++;
    chunk(ctx, i, b);
    i = b;
  }
  return out;
}

interface Ctx {
  text: string;
  out: NlpToken[];
  tail: number;
  keepHyphenated: boolean;
  keepFinalDot: boolean;
}

const push = (ctx: Ctx, a: number, b: number) => {
  if (b > a) ctx.out.push({ form: ctx.text.slice(a, b), start: a, end: b });
};

/** Tokenizes one white-space-free chunk text[a, b). */
function chunk(ctx: Ctx, a: number, b: number): void {
  const { text } = ctx;
  let i = a;
  while (i < b) {
    if (urlAt(text, i, b)) {
      let e = b;
      // closing brackets are the URL's own only while they balance an opening one inside it
      let open = 0;
      let close = 0;
      for (let k = i; k < b; k++) {
        const c = text.charCodeAt(k);
        if (c === 40) open++;
        else if (c === 41) close++;
      }
      for (;;) {
        const c = text.charCodeAt(e - 1);
        if (e <= i + 4 || !isUrlTrailer(c)) break;
        if (c === 41) {
          if (close <= open) break;
          close--;
        }
        e--;
      }
      push(ctx, i, e);
      i = e;
      continue;
    }
    i = wordLen(text, i, b) ? word(ctx, i, b, a) : punct(ctx, i, b, a);
  }
}

/** Scans the word starting at i; emits its tokens; returns where scanning goes on. */
function word(ctx: Ctx, i: number, b: number, chunkStart: number): number {
  const { text } = ctx;
  let j = i;
  let joints: number[] | null = null; // positions of hyphens and slashes inside the word
  for (;;) {
    let l: number;
    while ((l = wordLen(text, j, b))) j += l;
    if (j >= b - 1) break;
    const c = text.charCodeAt(j);
    if (!wordLen(text, j + 1, b)) break;
    if (c === 46 || c === 64 || c === 95 || c === 38) {
      // . @ _ &: "U.S", "3.5", "report.pdf", "a@b.com", "a_b", "AT&T"
    } else if (c === 44) {
      // thousands: "4,000" (three digits, then no digit)
      if (!(isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1)) && j + 3 < b && isDigit(text.charCodeAt(j + 2)) &&
        isDigit(text.charCodeAt(j + 3)) && !(j + 4 < b && isDigit(text.charCodeAt(j + 4))))) break;
    } else if (c === 58) {
      if (!(isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1)))) break; // "10:30"
    } else if (isHyphen(c) || c === 47) {
      (joints ??= []).push(j);
    } else if (isApostrophe(c)) {
      if (isDigit(text.charCodeAt(j + 1))) break; // "5'10": split
    } else break;
    j++;
  }
  let e = j; // end of the word proper
  let dot = false;
  // a dot after an abbreviation stays on it, unless it starts an ellipsis ("etc..." -> etc ...); of a
  // double dot ("Inc..") the abbreviation takes the first
  let dots = 0;
  while (e + dots < b && dots < 3 && text.charCodeAt(e + dots) === 46) dots++;
  if ((dots === 1 || dots === 2) && isAbbreviation(text, i, e)) {
    // keep the dot unless it ends the sentence
    if (ctx.keepFinalDot || e + 1 < ctx.tail) dot = true;
  } else if (e + 1 === b && i === chunkStart && isHyphen(text.charCodeAt(e)) && !joints && e - i <= 12 && !isDigit(text.charCodeAt(e - 1))) {
    // a truncated word standing alone ("af- after", "pre- and post-war"): GUM keeps the hyphen on it
    e++;
  }
  // clitics
  let cl = e;
  if (!dot) cl = cliticStart(text, i, e);
  emitCompound(ctx, i, cl, joints);
  if (cl < e) push(ctx, cl, e);
  if (dot) {
    // the dot belongs to the last token emitted (the word has no clitic when it has a dot)
    const last = ctx.out[ctx.out.length - 1];
    last.end = e + 1;
    last.form = text.slice(last.start, last.end);
    return e + 1;
  }
  return e;
}

/** Where the clitic of text[i, e) begins (e when it has none). */
function cliticStart(text: string, i: number, e: number): number {
  const len = e - i;
  if (len >= 3) {
    const c1 = text.charCodeAt(e - 1) | 32;
    const c2 = text.charCodeAt(e - 2);
    const c3 = text.charCodeAt(e - 3);
    // n't
    if (len >= 4 && c1 === 116 && isApostrophe(c2) && (c3 | 32) === 110 && isAsciiLetter(text.charCodeAt(e - 4))) return e - 3;
    if (isApostrophe(c2) && CLITICS.has(String.fromCharCode(c1)) && wordLen(text, e - 3, e)) return e - 2;
    if (len >= 4 && isApostrophe(c3) && CLITICS.has(lowerSlice(text, e - 2, e)) && wordLen(text, e - 4, e)) return e - 3;
  }
  if (len >= 2 && len <= 8) {
    const k = FUSED.get(lowerSlice(text, i, e));
    if (k !== undefined) return i + k;
  }
  return e;
}

function isAbbreviation(text: string, i: number, e: number): boolean {
  const len = e - i;
  if (len === 1) return isAsciiLetter(text.charCodeAt(i)) || wordLen(text, i, e) === 1; // an initial
  if (len > 12) return false;
  // letters and dots alternating, segments of one or two letters: "U.S", "e.g", "p.m", "Ph.D", "L.L.C"
  let seg = 0;
  let dots = 0;
  let ok = true;
  for (let k = i; k < e; k++) {
    const c = text.charCodeAt(k);
    if (c === 46) {
      if (seg === 0) ok = false;
      seg = 0;
      dots++;
    } else if (isAsciiLetter(c) && seg < 2) seg++;
    else {
      ok = false;
      break;
    }
  }
  if (ok && dots > 0) return true;
  return ABBREVIATIONS.has(lowerSlice(text, i, e));
}

/** Emits text[i, e), split at the hyphens and slashes in `joints` that UD splits. */
function emitCompound(ctx: Ctx, i: number, e: number, joints: number[] | null): void {
  const { text } = ctx;
  if (!joints) return push(ctx, i, e);
  let from = i; // start of the token being built
  let segStart = i; // start of the current segment (between joints)
  for (let k = 0; k < joints.length; k++) {
    const h = joints[k];
    if (h >= e) break;
    const next = k + 1 < joints.length && joints[k + 1] < e ? joints[k + 1] : e;
    const c = text.charCodeAt(h);
    let keep: boolean;
    const digits = allDigits(text, segStart, h) && allDigits(text, h + 1, next);
    if (c === 47) keep = digits || h - segStart === 1 || (h - segStart <= 2 && next - h - 1 <= 3 && allLetters(text, segStart, next));
    else keep = ctx.keepHyphenated || digits || (h - segStart <= 7 && PREFIXES.has(lowerSlice(text, segStart, h)));
    if (!keep) {
      push(ctx, from, h);
      push(ctx, h, h + 1);
      from = h + 1;
    }
    segStart = h + 1;
  }
  push(ctx, from, e);
}

function allDigits(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let k = a; k < b; k++) if (!isDigit(text.charCodeAt(k))) return false;
  return true;
}

function allLetters(text: string, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (!isAsciiLetter(c) && c !== 47) return false;
  }
  return true;
}

const isSentencePunct = (c: number) => c === 46 || c === 33 || c === 63;
const isDashLike = (c: number) => c === 45 || c === 61;
const RUN_CHARS = new Set([42, 126, 60, 62, 36, 43, 95, 94, 35, 124]); // * ~ < > $ + _ ^ # |

/** Scans the punctuation or symbol token at i; emits it; returns its end. */
function punct(ctx: Ctx, i: number, b: number, chunkStart: number): number {
  const { text } = ctx;
  const c = text.charCodeAt(i);
  let j = i + 1;
  if (isSentencePunct(c)) {
    while (j < b && isSentencePunct(text.charCodeAt(j))) j++;
  } else if (isDashLike(c)) {
    while (j < b && isDashLike(text.charCodeAt(j))) j++;
  } else if ((c === 35 || c === 64) && wordLen(text, j, b) && !isDigit(text.charCodeAt(j))) {
    // #hashtag, @handle, @domain.com ("#1" is two tokens)
    let l: number;
    for (;;) {
      if ((l = wordLen(text, j, b))) j += l;
      else if (j < b && text.charCodeAt(j) === 95) j++;
      else if (j + 1 < b && text.charCodeAt(j) === 46 && wordLen(text, j + 1, b)) j++;
      else break;
    }
  } else if (RUN_CHARS.has(c)) {
    while (j < b && text.charCodeAt(j) === c) j++;
  } else if (c === 58 || c === 59) {
    // emoticons :) :-( ;) :D :P
    let k = j;
    if (k < b && text.charCodeAt(k) === 45) k++;
    if (k < b) {
      const d = text.charCodeAt(k);
      if ((d === 41 || d === 40 || d === 68 || d === 80 || d === 112 || d === 124) && (k + 1 >= b || !wordLen(text, k + 1, b))) j = k + 1;
    }
  } else if (isApostrophe(c)) {
    // "'s" after something in the same chunk ("U.S.'s"), "'em", or a year: "'90s"
    let k = j;
    let l: number;
    while ((l = wordLen(text, k, b))) k += l;
    if (k > j) {
      const w = lowerSlice(text, j, k);
      if ((i > chunkStart && CLITICS.has(w)) || w === 'em' || (isDigit(text.charCodeAt(j)) && k - j <= 3 && /^\d\d?s?$/.test(w))) j = k;
    }
  } else if (c >= 0xd800 && c <= 0xdbff && j < b) {
    const d = text.charCodeAt(j);
    if (d >= 0xdc00 && d <= 0xdfff) {
      j++;
      while (j + 1 < b && text.charCodeAt(j) === c && text.charCodeAt(j + 1) === d) j += 2;
    }
  }
  // Any other run of one repeated character ("''", "))", "**") is one token: that is what the treebanks
  // do with "!!!" or "$$$", and it keeps a pathological input (a megabyte of commas) to a few tokens.
  if (j === i + 1) while (j < b && text.charCodeAt(j) === c) j++;
  push(ctx, i, j);
  return j;
}
