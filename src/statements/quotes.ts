/**
 * Quotation spans in an article: double (straight " and curly “ ”) and single (straight ' and curly ‘ ’)
 * marks. A single mark between two letters is an apostrophe (don't, Afghanistan's); one after a letter
 * and before a non-letter closes only when a single quote is open (Jones' book stays an apostrophe).
 * A quote still open at the end of its paragraph continues when the next paragraph opens with a mark
 * (the newspaper convention for quotes over several paragraphs: only the last paragraph closes).
 */
import type { Span } from '../schema/records.ts';

export interface Quote {
  /** Offset of the opening mark and of the closing mark (exclusive end = close + 1). */
  open: number;
  close: number;
  /** The words inside the marks, white space trimmed. */
  start: number;
  end: number;
  /** Paragraph index of the opening mark. */
  paragraph: number;
}

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const OPENERS_BEFORE = /[\s([{\u2014\u2013\-:/"“]/;

type Mark = 'double' | 'single';

/**
 * A straight double mark opens after a space and before a word, closes after a word or punctuation and
 * before a space; only where both sides say the same does it toggle. One stray mark then cannot turn
 * every later quote inside out.
 */
function straightRole(text: string, i: number, len: number): 'open' | 'close' | 'either' {
  const before = text[i - 1];
  const after = text[i + len];
  const spaceBefore = before === undefined || /[\s([{\u2014\u2013\-:/]/.test(before);
  const spaceAfter = after === undefined || /[\s)\]},.;:!?\u2014\u2013]/.test(after);
  if (spaceBefore && !spaceAfter) return 'open';
  if (!spaceBefore && spaceAfter) return 'close';
  return 'either';
}

/** What a quotation mark at `i` does: open, close, toggle (straight double) or nothing (apostrophe). */
function markAt(text: string, i: number): { mark: Mark; role: 'open' | 'close' | 'either'; len?: number } | null {
  const c = text[i];
  if (c === "'" && text[i + 1] === "'") return { mark: 'double', role: straightRole(text, i, 2), len: 2 }; // ''typewriter double quotes''
  if (c === '“' || c === '„') return { mark: 'double', role: 'open' };
  if (c === '”') return { mark: 'double', role: 'close' };
  if (c === '"') return { mark: 'double', role: straightRole(text, i, 1) };
  if (c === '‘' || c === '’' || c === "'") {
    const before = text[i - 1];
    const after = text[i + 1];
    if (isLetter(before) && isLetter(after)) return null; // don't, Afghanistan's
    const opens = (before === undefined || OPENERS_BEFORE.test(before)) && (isLetter(after) || after === '"' || after === '“');
    if (c === '‘') return opens || !isLetter(before) ? { mark: 'single', role: 'open' } : null;
    if (opens) return { mark: 'single', role: 'open' };
    if (!isLetter(after)) return { mark: 'single', role: 'close' };
    return null;
  }
  return null;
}

function trimmed(text: string, a: number, b: number): Span {
  while (a < b && /[\s]/.test(text[a])) a++;
  while (b > a && /[\s]/.test(text[b - 1])) b--;
  return [a, b];
}

/** All quotes of the article, in text order; nested quotes stay inside their outer quote. */
export function findQuotes(text: string, paragraphs: Span[]): Quote[] {
  const quotes: Quote[] = [];
  let pending: { open: number; paragraph: number; mark: Mark; len: number } | null = null; // continues over paragraphs
  paragraphs.forEach(([pa, pb], p) => {
    let open: { at: number; mark: Mark; len: number } | null = null;
    let nested: Mark | null = null;
    if (pending) {
      const first = markAt(text, pa);
      if (!(first && first.role !== 'close' && first.mark === pending.mark)) pending = null; // quote never closed
    }
    for (let i = pa; i < pb; i++) {
      const c = text[i];
      if (c !== '"' && c !== '“' && c !== '”' && c !== '„' && c !== "'" && c !== '‘' && c !== '’') continue;
      const m = markAt(text, i);
      if (!m) continue;
      const len = m.len ?? 1;
      i += len - 1;
      if (open === null) {
        if (m.role === 'close') continue; // stray closing mark
        if (pending && i - len + 1 === pa) {
          open = { at: pending.open, mark: pending.mark, len: pending.len };
          pending = { ...pending, paragraph: pending.paragraph };
          continue;
        }
        pending = null;
        open = { at: i - len + 1, mark: m.mark, len };
        continue;
      }
      if (m.mark !== open.mark) {
        // A quote of the other kind inside: skip to its end so its marks do not close ours.
        if (nested === m.mark && m.role !== 'open') nested = null;
        else if (m.role !== 'close') nested = m.mark;
        continue;
      }
      if (m.role === 'open' && open.mark === 'single') continue; // an apostrophe-like opener inside
      if (m.role === 'open') {
        // A curly opening mark inside an open double quote: the first quote was never closed; restart.
        open = { at: i - len + 1, mark: m.mark, len };
        continue;
      }
      const paragraph: number = pending ? pending.paragraph : p;
      const [start, end] = trimmed(text, open.at + open.len, i - len + 1);
      if (end > start) quotes.push({ open: open.at, close: i - len + 1, start, end, paragraph });
      open = null;
      nested = null;
      pending = null;
    }
    if (open) {
      // Reopened at the next paragraph's start, or never closed: the span runs to the paragraph end.
      pending = { open: open.at, paragraph: pending ? pending.paragraph : p, mark: open.mark, len: open.len };
      const next = paragraphs[p + 1];
      const continues = next && (() => {
        const m = markAt(text, next[0]);
        return !!m && m.role !== 'close' && m.mark === open!.mark;
      })();
      if (!continues) {
        const [start, end] = trimmed(text, open.at + open.len, pb);
        if (end - start > 0 && open.mark === 'double') quotes.push({ open: open.at, close: pb - 1, start, end, paragraph: pending.paragraph });
        pending = null;
      }
    }
  });
  return quotes;
}
