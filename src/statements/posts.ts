/** Embedded posts ("— Name (@handle) Month D, YYYY") and headlines that name their source before a colon. */
import type { Span } from '../schema/records.ts';
import { clauseSpan, paragraphTokens, type Candidate, type Doc } from './doc.ts';
import { CLAUSE_PUNCT, TITLE_MINOR_WORDS, wordsIn } from './phrases.ts';

const TWEET_SIGNATURE = /^[—–-]\s*([^()\n]+?)\s*\((@\w+)\)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\s*$/;
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
  for (let k = colon + 1; k < hi; k++) if (CLAUSE_PUNCT.has(t[k].t) && k < hi - 1) return []; // one line, one sentence
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
