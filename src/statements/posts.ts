/**
 * Embedded posts ("— Name (@handle) Month D, YYYY"), quotations signed after a dash ("“...” ― Ana Cruz") and
 * headlines that name their source before a colon.
 */
import type { Span } from '../schema/records.ts';
import { clauseSpan, paragraphTokens, type Candidate, type Doc } from './doc.ts';
import { TITLE_MINOR_WORDS, wordsIn } from './phrases.ts';
import { HEADLINE_LABELS } from './lexicon.ts';

const TWEET_SIGNATURE = /^[—–-]\s*([^()\n]+?)\s*\((@\w+)\)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\s*$/;
const SENTENCE_END = new Set(['.', '!', '?']);
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** A headline that gives its source before a colon: "Graham: Trump's Rhetoric Destroying GOP's Chances". */
export function headlineClaim(doc: Doc, used: Uint8Array): Candidate[] {
  const first = doc.article.paragraphs[0];
  if (!first) return [];
  const [lo, hi] = paragraphTokens(doc, 0);
  const t = doc.tokens;
  if (wordsIn(t, lo, hi) > 20) return []; // a dateline paragraph ("Kabul: In a phone call, ..."), not a headline
  let colon = -1;
  for (let k = lo; k < Math.min(hi, lo + 6); k++) if (t[k].t === ':') { colon = k; break; }
  if (colon <= lo || wordsIn(t, colon + 1, hi) < 3) return [];
  for (let k = lo; k < colon; k++) if (!t[k].cap && t[k].word && !TITLE_MINOR_WORDS.has(t[k].lo)) return [];
  // "The Latest: Trump urges ...", "EXCLUSIVE: ...": a column's or a wire's label is no source (headline-labels.txt).
  if (HEADLINE_LABELS.has(t.slice(lo, colon).filter((x) => x.word).map((x) => x.lo).join(' '))) return [];
  // One line, one sentence: a full stop with words after it is a second sentence; a semicolon is not ("...
  // Health Issues; It’s ‘in Their Heads.’"), nor a stop inside the closing quotation marks.
  for (let k = colon + 1; k < hi; k++) if (SENTENCE_END.has(t[k].t) && wordsIn(t, k + 1, hi) > 0) return [];
  const quote = clauseSpan(doc, colon + 1, hi);
  if (!quote || used[colon]) return [];
  for (let k = lo; k < hi; k++) used[k] = 1;
  return [{ quote, kind: 'indirect', mention: [lo, colon - 1], cue: [colon, colon], confidence: 0.5 }];
}

/** Tweets embedded as a paragraph followed by "— Name (@handle) Month D, YYYY". */
export function embeddedPosts(doc: Doc, used: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const { text, article } = doc;
  article.paragraphs.forEach(([a, b], p) => {
    const sig = TWEET_SIGNATURE.exec(text.slice(a, b));
    if (!sig || p === 0) return;
    const [pa, pb] = article.paragraphs[p - 1];
    if (TWEET_SIGNATURE.test(text.slice(pa, pb))) return;
    let end = pb;
    const pic = text.lastIndexOf(' pic.twitter.com/', pb);
    if (pic > pa) end = pic;
    while (end > pa && /\s/.test(text[end - 1])) end--;
    const [month, day, year] = sig[3].replace(',', '').split(/\s+/);
    const date = `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;
    const nameAt = a + sig[0].indexOf(sig[1]);
    for (let k = doc.tokenAt(pa); k < doc.tokenAt(b); k++) used[k] = 1;
    const mention: Span = [doc.tokenAt(nameAt), doc.tokenAt(nameAt + sig[1].length) - 1];
    out.push({ quote: [pa, end], kind: 'direct', mention, cue: null, confidence: 0.95, channel: 'twitter', date });
  });
  return out;
}

/**
 * Quotations signed after a dash: "“We can do better.” ― Ana Cruz, Phoenix" (readers' letters, pull quotes,
 * epigraphs). A paragraph that opens with one may hold several in a row. Either curly mark may open one: pages
 * often print ” for both. The words may hold a quotation of their own.
 */
const NAME = String.raw`(?:\p{Lu}[\p{L}’'.-]*\.?\s+){0,4}\p{Lu}[\p{L}’'-]*`;
const SIGNED_QUOTE = new RegExp(String.raw`\s*["“”]((?:(?!["“”]\s*[―—–]).)+?)["“”]\s*[―—–]\s*(${NAME})\.?(?:,[^"“”\n―—–]{1,40}?)?(?=\s*(?:["“”]|$))`, 'suy');

export function signedQuotes(doc: Doc, used: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  const { text, article } = doc;
  for (const [a, b] of article.paragraphs) {
    const paragraph = text.slice(a, b);
    SIGNED_QUOTE.lastIndex = 0;
    for (let m = SIGNED_QUOTE.exec(paragraph); m; m = SIGNED_QUOTE.exec(paragraph)) {
      const unitAt = a + m.index;
      const wordsAt = unitAt + m[0].indexOf(m[1]);
      let start = wordsAt;
      let end = wordsAt + m[1].length;
      while (start < end && /\s/.test(text[start])) start++;
      while (end > start && /\s/.test(text[end - 1])) end--;
      if (wordsIn(doc.tokens, doc.tokenAt(start), doc.tokenAt(end - 1) + 1) < 4) continue; // a title or a motto, not words said
      const dashAt = text.slice(wordsAt + m[1].length).search(/[―—–]/) + wordsAt + m[1].length;
      const nameAt = unitAt + m[0].lastIndexOf(m[2]);
      for (let k = doc.tokenAt(unitAt); k < doc.tokenAt(unitAt + m[0].length); k++) used[k] = 1;
      const cueTok = doc.tokenAt(dashAt);
      out.push({ quote: [start, end], kind: 'direct', mention: [doc.tokenAt(nameAt), doc.tokenAt(nameAt + m[2].length) - 1], cue: [cueTok, cueTok], confidence: 0.85 });
    }
  }
  return out;
}

/** "PENCE: Well, look, ...": a transcript's turn, a speaker's name in capitals before a colon opening a paragraph. */
const TRANSCRIPT_TURN = /^\s*["“]?\s*(\p{Lu}{2,}(?:[ .'’-]+\p{Lu}{2,}){0,2}):\s+(?=\S)/u;

/**
 * The turns of an interview or debate transcript printed in the article: paragraphs that open with a name in
 * capitals and a colon ("WALLACE: Let's start with ...", "PENCE: Well, look, ..."), and the paragraphs after one
 * that open with the same quotation mark and no name (the turn goes on). A transcript is a dialogue: at least
 * two turns, and one name at least the article writes in ordinary case after another capitalised word ("Gov.
 * Mike Pence"); a name the prose never writes counts when it opens two turns. "UPDATE:", "EXCLUSIVE:",
 * "BYLINE:" are labels, not speakers.
 */
export function transcriptTurns(doc: Doc, used: Uint8Array): Candidate[] {
  const { text, article } = doc;
  const turns: Array<{ name: string; nameAt: number; colon: number; words: Array<[number, number]>; mark: string }> = [];
  const count = new Map<string, number>();
  let current: (typeof turns)[number] | undefined;
  for (const [a, b] of article.paragraphs) {
    const paragraph = text.slice(a, b);
    const m = TRANSCRIPT_TURN.exec(paragraph);
    if (m) {
      const nameAt = a + m[0].indexOf(m[1]);
      current = { name: m[1], nameAt, colon: nameAt + m[1].length, words: [[a + m[0].length, b]], mark: /^\s*(["“])/.exec(paragraph)?.[1] ?? '' };
      turns.push(current);
      count.set(m[1], (count.get(m[1]) ?? 0) + 1);
    } else if (current && current.mark && paragraph.trimStart().startsWith(current.mark) && !/^\s*["“]?\s*\(/.test(paragraph)) {
      current.words.push([a, b]);
    } else current = undefined;
  }
  const inProse = (name: string) => {
    const last = name.split(/[ .'’-]+/).pop()!;
    return new RegExp(String.raw`\p{Lu}[\p{L}.’'-]*\s+${last[0] + last.slice(1).toLowerCase()}(?![\p{L}])`, 'u').test(text);
  };
  const named = new Set([...count.keys()].filter(inProse));
  if (turns.length < 2 || !named.size) return [];
  const out: Candidate[] = [];
  for (const turn of turns) {
    if (!named.has(turn.name) && count.get(turn.name)! < 2) continue;
    const colon = doc.tokenAt(turn.colon);
    if (used[colon]) continue;
    const mention: Span = [doc.tokenAt(turn.nameAt), colon - 1];
    for (let k = mention[0]; k <= colon; k++) used[k] = 1;
    // One statement a paragraph, as the words of a speaker who goes on are.
    for (const [a, b] of turn.words) {
      const lo = doc.tokenAt(a);
      const hi = doc.tokenAt(b);
      const quote = clauseSpan(doc, lo, hi);
      if (!quote) continue;
      for (let k = lo; k < hi; k++) used[k] = 1;
      out.push({ quote, kind: 'direct', mention, cue: [colon, colon], confidence: 0.8, capitals: true });
    }
  }
  return out;
}
