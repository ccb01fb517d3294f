/**
 * Paragraph and sentence spans. Intl.Segmenter does the splitting (Unicode-aware), on pieces of at most
 * SEGMENT_CHUNK characters; a fix-up pass re-joins splits after abbreviations and initials, which the
 * segmenter treats as sentence ends, and at pieces cut mid-sentence.
 */
import { readFileSync } from 'node:fs';
import type { Span } from '../schema/records.ts';

function loadAbbreviations(): { titles: Set<string>; others: Set<string> } {
  const titles = new Set<string>();
  const others = new Set<string>();
  const file = readFileSync(new URL('./abbreviations.txt', import.meta.url), 'utf8');
  for (const line of file.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [kind, abbr] = line.split('\t');
    (kind === 'title' ? titles : others).add(abbr.trim());
  }
  return { titles, others };
}

const { titles: TITLE_ABBR, others: OTHER_ABBR } = loadAbbreviations();

/**
 * Words that, capitalised after an ambiguous abbreviation ("U.S."), show that a new sentence starts.
 * (not "And": newswire that capitalises any word after "U.S." writes "Britain, the U.S. And West Germany")
 */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'But',
  'In', 'On', 'At', 'As', 'If', 'When', 'While', 'However', 'Meanwhile', 'There', 'His', 'Her',
  'Their', 'Its', 'Our', 'After', 'Before', 'Since', 'Some', 'Many', 'Most', 'No', 'Yet', 'So', 'Still',
]);

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Paragraph spans: the clean stage separates paragraphs by one blank line. */
export function paragraphSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  while (start <= text.length) {
    const next = text.indexOf('\n\n', start);
    const end = next === -1 ? text.length : next;
    if (end > start) spans.push([start, end]);
    if (next === -1) break;
    start = next + 2;
  }
  return spans;
}

/**
 * Longest piece handed to Intl.Segmenter at once. Its iteration is super-linear in the length of the
 * string it segments (20,000 short sentences in one paragraph: 28 s), so a longer paragraph is cut
 * first, at a likely sentence end, and each piece segmented alone: time stays linear in the text.
 */
export const SEGMENT_CHUNK = 2000;

/**
 * Cut points of text[from, to) into pieces of at most SEGMENT_CHUNK characters: after a sentence mark
 * followed by white space and a capital or an opening quote where there is one in the second half of
 * the window (`soft: false`, a sentence end as the segmenter would see it), else at white space or,
 * failing that, anywhere but inside a surrogate pair (`soft: true`: never a sentence end by itself).
 */
function chunkCuts(text: string, from: number, to: number): Array<{ at: number; soft: boolean }> {
  const cuts: Array<{ at: number; soft: boolean }> = [];
  let start = from;
  while (to - start > SEGMENT_CHUNK) {
    const limit = start + SEGMENT_CHUNK;
    let cut = -1;
    let soft = true;
    for (let i = limit - 1; i > start + SEGMENT_CHUNK / 2; i--) {
      if (/\s/.test(text[i]) && /[.!?]["'”’)\]]*$/.test(text.slice(Math.max(start, i - 4), i)) && /^\s*[A-Z“"‘'(]/.test(text.slice(i, i + 8))) {
        cut = i;
        soft = false;
        break;
      }
    }
    if (cut < 0) for (let i = limit - 1; i > start + SEGMENT_CHUNK / 2; i--) if (/\s/.test(text[i])) { cut = i; break; }
    if (cut < 0) {
      cut = limit;
      const c = text.charCodeAt(cut - 1);
      if (c >= 0xd800 && c <= 0xdbff) cut--; // never split a surrogate pair
    }
    cuts.push({ at: cut, soft });
    start = cut;
  }
  return cuts;
}

/** Sentence spans of text[from, to), trimmed of surrounding white space. Linear in to - from. */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const raw: Array<{ span: Span; join: boolean }> = [];
  const cuts = chunkCuts(text, from, to);
  const softCuts = new Set(cuts.filter((c) => c.soft).map((c) => c.at));
  let start = from;
  for (const { at } of [...cuts, { at: to, soft: false }]) {
    const piece = text.slice(start, at);
    let first = true;
    for (const s of segmenter.segment(piece)) {
      let a = s.index;
      let b = s.index + s.segment.length;
      while (a < b && /\s/.test(piece[a])) a++;
      while (b > a && /\s/.test(piece[b - 1])) b--;
      if (b > a) {
        raw.push({ span: [a + start, b + start], join: first && softCuts.has(start) });
        first = false;
      }
    }
    start = at;
  }
  const merged: Span[] = [];
  for (const { span, join } of raw) {
    const prev = merged[merged.length - 1];
    if (prev && (join || !endsSentence(tail(text, prev[0], prev[1]), text.slice(span[0], Math.min(span[1], span[0] + 64)), text.slice(prev[1], span[0])))) prev[1] = span[1];
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** The end of text[a, b): enough for the abbreviation test, starting at a word boundary (so a long merged sentence costs no more). */
function tail(text: string, a: number, b: number): string {
  if (b - a <= 100) return text.slice(a, b);
  const t = text.slice(b - 100, b);
  const ws = t.search(/\s/);
  return ws < 0 ? t : t.slice(ws);
}

function endsSentence(sentence: string, next: string, gap: string): boolean {
  if (gap.includes('\n')) return true;
  const m = /(?:^|[\s(“"‘'])((?:[A-Za-z]\.)+[A-Za-z]?|[A-Za-z]+)\.$/.exec(sentence);
  if (!m) return true;
  const word = m[1].replace(/\.$/, '');
  if (TITLE_ABBR.has(word)) return false;
  if (/^[A-Z]$/.test(word)) return false; // an initial: "Jens A. Stoltenberg"
  const firstWord = /^[“"‘'(]*([A-Za-z]+)/.exec(next)?.[1] ?? '';
  if (OTHER_ABBR.has(word) || /^(?:[A-Za-z]\.)+[A-Za-z]?$/.test(m[1])) {
    if (/^[a-z0-9]/.test(next)) return false;
    return SENTENCE_OPENERS.has(firstWord);
  }
  return true;
}
