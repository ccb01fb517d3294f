/**
 * The analysed document: the linguistic layer every extractor reads (as a spaCy Doc is), computed once.
 * Built from the article text and the segment stage's sentence spans. Tokenization is cheap and done on
 * request; tagging, parsing and entity tagging are done for a sentence the first time someone asks for
 * it, then cached, so only the sentences an extractor looks at are ever parsed.
 *
 * Very long "sentences" (a table or a list the segmenter could not split) are analysed in parse units of
 * at most MAX_PARSE_TOKENS tokens, cut preferably after punctuation, so that a pathological input never
 * costs the models quadratic time (or worse); each unit gets its own root, so such a sentence's tree has
 * several roots (head -1).
 */
import type { Span } from '../schema/records.ts';
import { analyseWords } from './index.ts';
import { tokenizeSentence, type TokenizeOptions } from './tokenize.ts';
import { entitySpans as decodeSpans } from './entities.ts';
import { ENTITY_TYPES, type AnalysedSentence, type EntitySpan, type EntityType, type NlpToken, type WordAnalysis } from './types.ts';

/** What tags, parses and entity-tags one sentence's words (src/nlp/index.ts's analyseWords). */
export type Analyser = (forms: string[]) => WordAnalysis;

/** The most tokens handed to the analyser at once. */
export const MAX_PARSE_TOKENS = 400;

export interface DocumentOptions extends TokenizeOptions {
  /** Override MAX_PARSE_TOKENS (at least 2). */
  maxParseTokens?: number;
}

export class AnalysedDocument {
  readonly text: string;
  readonly sentenceSpans: readonly Span[];
  private readonly analyse: Analyser;
  private readonly options: DocumentOptions;
  private readonly tokenCache: (NlpToken[] | undefined)[];
  private readonly analysed: (AnalysedSentence | undefined)[];
  private readonly inOrder: boolean;

  constructor(text: string, sentences: Span[], analyse: Analyser = analyseWords, options: DocumentOptions = {}) {
    this.text = text;
    this.sentenceSpans = sentences.map(([a, b]) => [a, b] as Span);
    this.analyse = analyse;
    this.options = options;
    this.tokenCache = new Array(sentences.length);
    this.analysed = new Array(sentences.length);
    let inOrder = true;
    for (let k = 1; k < sentences.length && inOrder; k++) if (sentences[k][0] < sentences[k - 1][1]) inOrder = false;
    this.inOrder = inOrder;
  }

  get sentenceCount(): number {
    return this.sentenceSpans.length;
  }

  /** The span of sentence i in the text. */
  span(i: number): Span {
    this.check(i);
    return this.sentenceSpans[i];
  }

  /** The tokens of sentence i (tokenization only: no model runs). */
  tokens(i: number): NlpToken[] {
    this.check(i);
    let t = this.tokenCache[i];
    if (!t) {
      const [a, b] = this.sentenceSpans[i];
      t = tokenizeSentence(this.text, a, b, this.options);
      this.tokenCache[i] = t;
    }
    return t;
  }

  /** Whether sentence i has been analysed already. */
  isAnalysed(i: number): boolean {
    this.check(i);
    return this.analysed[i] !== undefined;
  }

  /** Sentence i, tagged, parsed and entity-tagged (on first request; cached). */
  sentence(i: number): AnalysedSentence {
    this.check(i);
    let s = this.analysed[i];
    if (!s) {
      const tokens = this.tokens(i);
      const analysis = this.analyseTokens(tokens);
      s = { ...analysis, span: this.sentenceSpans[i], tokens, entities: entitySpans(this.text, tokens, analysis.ner) };
      this.analysed[i] = s;
    }
    return s;
  }

  /** The named mentions of sentence i (analyses it if that has not happened yet). */
  entities(i: number): EntitySpan[] {
    return this.sentence(i).entities;
  }

  /** Index of the sentence whose span contains text offset `offset`, or -1 when none does. */
  sentenceAt(offset: number): number {
    const spans = this.sentenceSpans;
    if (!this.inOrder) {
      for (let k = 0; k < spans.length; k++) if (spans[k][0] <= offset && offset < spans[k][1]) return k;
      return -1;
    }
    let lo = 0;
    let hi = spans.length - 1;
    let found = -1; // last span starting at or before offset
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][0] <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found >= 0 && offset < spans[found][1] ? found : -1;
  }

  private check(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.sentenceSpans.length)
      throw new RangeError(`sentence ${i} out of range (the document has ${this.sentenceSpans.length})`);
  }

  private analyseTokens(tokens: NlpToken[]): WordAnalysis {
    if (!tokens.length) return { upos: [], heads: new Int32Array(0), deprels: [], ner: [] };
    const max = Math.max(2, this.options.maxParseTokens ?? MAX_PARSE_TOKENS);
    const forms = tokens.map((t) => t.form);
    if (forms.length <= max) return checked(this.analyse(forms), forms.length);
    const upos: string[] = [];
    const deprels: string[] = [];
    const ner: string[] = [];
    const heads = new Int32Array(forms.length);
    for (const [a, b] of parseUnits(forms, max)) {
      const part = checked(this.analyse(forms.slice(a, b)), b - a);
      for (let k = 0; k < b - a; k++) {
        upos.push(part.upos[k]);
        deprels.push(part.deprels[k]);
        // an entity does not run across a cut
        ner.push(k === 0 && part.ner[k].startsWith('I-') ? 'B-' + part.ner[k].slice(2) : part.ner[k]);
        heads[a + k] = part.heads[k] < 0 ? -1 : part.heads[k] + a;
      }
    }
    return { upos, heads, deprels, ner };
  }
}

function checked(a: WordAnalysis, n: number): WordAnalysis {
  if (a.upos.length !== n || a.heads.length !== n || a.deprels.length !== n || a.ner.length !== n)
    throw new Error(`analyser returned ${a.upos.length}/${a.heads.length}/${a.deprels.length}/${a.ner.length} values for ${n} words`);
  return a;
}

const CUT_AFTER = new Set([';', ':', ',', '.', '!', '?', '—', '–', '-', '--', '…', '...', ')']);

/** Token ranges of at most `max` tokens covering forms, cut after punctuation where one is near. */
export function parseUnits(forms: string[], max: number = MAX_PARSE_TOKENS): Span[] {
  const units: Span[] = [];
  let a = 0;
  while (forms.length - a > max) {
    let cut = a + max;
    for (let k = a + max - 1; k >= a + (max >> 1); k--)
      if (CUT_AFTER.has(forms[k])) {
        cut = k + 1;
        break;
      }
    units.push([a, cut]);
    a = cut;
  }
  units.push([a, forms.length]);
  return units;
}

/** Entity spans of a sentence from its BIO tags (entities.ts's reading), with their offsets in the text. */
export function entitySpans(text: string, tokens: NlpToken[], ner: string[]): EntitySpan[] {
  const n = Math.min(tokens.length, ner.length);
  const forms = tokens.slice(0, n).map((t) => t.form);
  return decodeSpans(forms, ner.slice(0, n), tokens, text)
    .filter((x) => (ENTITY_TYPES as readonly string[]).includes(x.type))
    .map((x) => ({ type: x.type, from: x.from, to: x.to, start: x.start!, end: x.end!, text: x.text! }));
}

// ---- tree helpers: pure functions over an analysed sentence (heads: 0-based, -1 for a root) ----

type Tree = Pick<AnalysedSentence, 'heads'>;

/** Head of token i (-1 for a root or an index out of range). */
export function headOf(s: Tree, i: number): number {
  return i >= 0 && i < s.heads.length ? s.heads[i] : -1;
}

/** Child lists, computed once per heads array (so a sentence's heads must not be changed after use). */
const childCache = new WeakMap<Int32Array, number[][]>();

function childLists(s: Tree): number[][] {
  let lists = childCache.get(s.heads);
  if (!lists) {
    lists = Array.from({ length: s.heads.length }, () => [] as number[]);
    for (let k = 0; k < s.heads.length; k++) {
      const h = s.heads[k];
      if (h >= 0 && h < s.heads.length && h !== k) lists[h].push(k);
    }
    childCache.set(s.heads, lists);
  }
  return lists;
}

/** The dependents of token i, in sentence order. */
export function children(s: Tree, i: number): number[] {
  if (i < 0 || i >= s.heads.length) return [];
  return childLists(s)[i].slice();
}

/**
 * The token range [from, to) that token i's subtree projects onto: from its leftmost to one past its
 * rightmost descendant (for a non-projective tree the range may include tokens outside the subtree).
 */
export function subtree(s: Tree, i: number): Span {
  if (i < 0 || i >= s.heads.length) return [0, 0];
  const lists = childLists(s);
  let lo = i;
  let hi = i;
  const seen = new Uint8Array(s.heads.length);
  const stack = [i];
  seen[i] = 1;
  while (stack.length) {
    const k = stack.pop()!;
    if (k < lo) lo = k;
    if (k > hi) hi = k;
    for (const c of lists[k])
      if (!seen[c]) {
        seen[c] = 1;
        stack.push(c);
      }
  }
  return [lo, hi + 1];
}

/** Token i, its head, its head's head ... up to a root (stops at a cycle, should the tree have one). */
export function pathToRoot(s: Tree, i: number): number[] {
  const path: number[] = [];
  if (i < 0 || i >= s.heads.length) return path;
  const seen = new Uint8Array(s.heads.length);
  for (let k = i; k >= 0 && k < s.heads.length && !seen[k]; k = s.heads[k]) {
    seen[k] = 1;
    path.push(k);
  }
  return path;
}

/** The text span of tokens [from, to) of a sentence, as article offsets (empty at `from` when to <= from). */
export function tokenSpan(s: Pick<AnalysedSentence, 'tokens' | 'span'>, from: number, to: number): Span {
  const t = s.tokens;
  if (!t.length) return [s.span[0], s.span[0]];
  from = Math.max(0, Math.min(from, t.length));
  to = Math.max(0, Math.min(to, t.length));
  if (to <= from) {
    const at = from < t.length ? t[from].start : t[t.length - 1].end;
    return [at, at];
  }
  return [t[from].start, t[to - 1].end];
}
