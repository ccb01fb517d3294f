/** One article as the statement rules see it: tokens, sentences, paragraphs, quotations; candidate statements. */
import type { SegmentedArticle, Span } from '../schema/records.ts';
import type { Quote } from './quotes.ts';
import { tokenize, type Token } from './tokens.ts';

export type StatementKind = 'direct' | 'indirect' | 'mixed';

export interface Candidate {
  quote: Span;
  kind: StatementKind;
  mention: Span | null;
  cue: Span | null;
  confidence: number;
  channel?: string;
  date?: string;
  speaker?: string;
  role?: string;
  /** The speaker's name is printed in capitals ("PENCE:" in a transcript): resolved as it is written in the prose. */
  capitals?: true;
  /** "The China Daily quoted Yang Jike as saying ...": who quotes the speaker (a later "it said" is theirs). */
  quoter?: Span;
  /** Found by the learned tagger rather than the rules. */
  tagged?: true;
}

/** Everything the rules look at in one article. */
export class Doc {
  readonly tokens: Token[];
  /** Per token: index of the quote it lies inside (marks excluded), or -1. */
  readonly inQuote: Int32Array;
  /** Per token: index of its sentence; sentence token ranges. */
  readonly sentenceOf: Int32Array;
  readonly sentenceRange: Array<[number, number]>;
  readonly paragraphOf: Int32Array;
  readonly quoteMark: Uint8Array;

  constructor(readonly text: string, readonly article: SegmentedArticle, readonly quotes: Quote[]) {
    this.tokens = tokenize(text);
    const n = this.tokens.length;
    this.inQuote = new Int32Array(n).fill(-1);
    this.quoteMark = new Uint8Array(n);
    this.sentenceOf = new Int32Array(n).fill(-1);
    this.paragraphOf = new Int32Array(n).fill(-1);
    let q = 0;
    for (let i = 0; i < n; i++) {
      const tok = this.tokens[i];
      while (q < quotes.length && quotes[q].close < tok.a) q++;
      if (q < quotes.length) {
        if (tok.a > quotes[q].open && tok.a < quotes[q].close) this.inQuote[i] = q;
        if (tok.a === quotes[q].open || tok.a === quotes[q].close) this.quoteMark[i] = 1;
      }
    }
    this.sentenceRange = spanRanges(this.tokens, article.sentences, this.sentenceOf);
    spanRanges(this.tokens, article.paragraphs, this.paragraphOf);
  }

  /** Index of the first token starting at or after offset `at`. */
  tokenAt(at: number): number {
    let lo = 0;
    let hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].a < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export function spanRanges(tokens: Token[], spans: Span[], owner: Int32Array): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let i = 0;
  spans.forEach(([a, b], s) => {
    while (i < tokens.length && tokens[i].a < a) i++;
    const from = i;
    while (i < tokens.length && tokens[i].a < b) owner[i++] = s;
    ranges.push([from, i]);
  });
  return ranges;
}

/** Token range -> offsets, dropping punctuation and unbalanced marks at the edges. */
export function clauseSpan(doc: Doc, a: number, b: number): Span | null {
  const t = doc.tokens;
  b = Math.min(b, t.length);
  while (a < b && !t[a].word && !(doc.quoteMark[a] && t[a].a < t[b - 1].a && doc.quotes[doc.inQuote[a + 1]]?.open === t[a].a && doc.quotes[doc.inQuote[a + 1]].close <= t[b - 1].a)) a++;
  while (b > a && !t[b - 1].word && !(doc.quoteMark[b - 1] && doc.quotes.some((q) => q.close === t[b - 1].a && q.open >= t[a].a))) b--;
  if (b <= a) return null;
  return [t[a].a, t[b - 1].b];
}

export function paragraphTokens(doc: Doc, p: number): [number, number] {
  const [a, b] = doc.article.paragraphs[p] ?? [0, 0];
  return [doc.tokenAt(a), doc.tokenAt(b)];
}
