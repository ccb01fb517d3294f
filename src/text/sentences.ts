/**
 * Paragraph and sentence spans. Intl.Segmenter does the splitting (fast, Unicode-aware); a fix-up pass
 * re-joins splits after abbreviations and initials, which the segmenter treats as sentence ends.
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

/** Words that, capitalised after an ambiguous abbreviation ("U.S."), show that a new sentence starts. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'This', 'That', 'These', 'Those', 'But',
  'And', 'In', 'On', 'At', 'As', 'If', 'When', 'While', 'However', 'Meanwhile', 'There', 'His', 'Her',
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

/** Sentence spans of text[from, to), trimmed of surrounding white space. */
export function sentenceSpans(text: string, from = 0, to = text.length): Span[] {
  const piece = text.slice(from, to);
  const raw: Span[] = [];
  for (const s of segmenter.segment(piece)) {
    let a = s.index;
    let b = s.index + s.segment.length;
    while (a < b && /\s/.test(piece[a])) a++;
    while (b > a && /\s/.test(piece[b - 1])) b--;
    if (b > a) raw.push([a, b]);
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    if (prev && !endsSentence(piece.slice(prev[0], prev[1]), piece.slice(span[0], span[1]), piece.slice(prev[1], span[0]))) prev[1] = span[1];
    else merged.push([span[0], span[1]]);
  }
  return merged.map(([a, b]) => [a + from, b + from]);
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
