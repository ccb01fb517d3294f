/**
 * Statements: who said what. A first rule set over one article:
 *  - direct quotes in double quotation marks (straight or curly) with a cue and speaker next to them;
 *  - indirect speech "SPEAKER CUE (that) CLAUSE" inside one sentence;
 *  - speakers resolved to the fullest name mentioned earlier in the article.
 */
import type { SegmentedArticle, Span } from '../schema/records.ts';
import { makeId } from '../util/ids.ts';
import { CUE_FORMS } from './cues.ts';

export interface StatementRow {
  statement_id: string;
  article_id: string;
  speaker: string;
  speaker_mention: string;
  speaker_role: string;
  speaker_country: string;
  quote: string;
  kind: 'direct' | 'indirect' | 'mixed';
  cue: string;
  cue_start: number | null;
  cue_end: number | null;
  channel: string;
  date: string;
  start: number;
  end: number;
  confidence: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);
const NAME = "[A-Z][a-zA-Z'’.-]+(?:\\s+(?:[A-Z][a-zA-Z'’.-]+|al|bin|de|van|von|der|la))*";
const PRONOUN = '(?:he|she|they|it|we|I|He|She|They|It|We)';
const DESCRIPTION = "(?:the|The)\\s+(?:[A-Za-z'’-]+\\s+){0,4}?(?:chief|minister|president|spokesperson|spokesman|spokeswoman|official|officials|secretary|leader|general|ministry|department|government|military|statement|police|source|sources|envoy|ambassador|alliance)";
const SPEAKER = `(${DESCRIPTION}|${NAME}|${PRONOUN})`;
const CUE = '([a-z]+)';
const AUX = '(?:(?:has|have|had|also|later|then|again|further|earlier)\\s+){0,2}';

const AFTER_QUOTE = new RegExp(`^[,.]?\\s*(?:${SPEAKER}\\s+${AUX}${CUE}|${CUE}\\s+${SPEAKER})\\b`);
const BEFORE_QUOTE = new RegExp(`${SPEAKER}\\s+${AUX}${CUE}(?:\\s+[^":“”]{0,80}?)?\\s*[:,]\\s*$`);
const INDIRECT = new RegExp(`${SPEAKER}\\s+${AUX}${CUE}(?:\\s+(?:that|on \\w+ that))?\\s+`, 'g');

const isCue = (w: string | undefined): boolean => !!w && CUE_FORMS.has(w.toLowerCase());

/** Quoted spans in a paragraph: pairs of curly or straight double quotes. */
export function quoteSpans(text: string, from: number, to: number): Span[] {
  const spans: Span[] = [];
  let open = -1;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '“' || (c === '"' && open < 0)) {
      open = i;
    } else if ((c === '”' || c === '"') && open >= 0) {
      spans.push([open + 1, i]);
      open = -1;
    }
  }
  return spans;
}

interface Mention {
  name: string;
  start: number;
}

/** People named in the article (two or more capitalised words), in order. */
function personMentions(text: string): Mention[] {
  const out: Mention[] = [];
  const re = /\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)+)\b/g;
  for (const m of text.matchAll(re)) out.push({ name: m[1], start: m.index! });
  return out;
}

function resolveSpeaker(mention: string, at: number, people: Mention[]): string {
  const lower = mention.toLowerCase();
  const before = people.filter((p) => p.start < at);
  if (PRONOUNS.has(lower) || lower.startsWith('the ')) {
    return before.length ? before[before.length - 1].name : mention;
  }
  const last = mention.split(/\s+/).pop()!;
  const full = [...people].reverse().find((p) => p.start <= at && p.name.endsWith(last) && p.name.length >= mention.length);
  return full ? full.name : mention;
}

function trimClause(text: string, a: number, b: number): Span {
  while (b > a && /[\s.,;:]/.test(text[b - 1])) b--;
  while (a < b && /\s/.test(text[a])) a++;
  return [a, b];
}

export function extractStatements(article: SegmentedArticle): StatementRow[] {
  const text = article.text;
  const people = personMentions(text);
  const rows: StatementRow[] = [];
  const covered: Span[] = [];

  const emit = (span: Span, kind: StatementRow['kind'], mention: string, mentionAt: number, cue: string, cueAt: number, confidence: number) => {
    const quote = text.slice(span[0], span[1]);
    const occurrence = rows.filter((r) => r.quote === quote).length;
    rows.push({
      statement_id: makeId('stm', article.article_id, kind, quote, occurrence),
      article_id: article.article_id,
      speaker: resolveSpeaker(mention, mentionAt, people),
      speaker_mention: mention,
      speaker_role: '',
      speaker_country: '',
      quote,
      kind,
      cue,
      cue_start: cueAt,
      cue_end: cueAt + cue.length,
      channel: cue.startsWith('tweet') ? 'twitter' : '',
      date: '',
      start: span[0],
      end: span[1],
      confidence,
    });
    covered.push(span);
  };

  for (const [pStart, pEnd] of article.paragraphs) {
    for (const [qa, qb] of quoteSpans(text, pStart, pEnd)) {
      const inner = trimClause(text, qa, qb);
      if (text.slice(inner[0], inner[1]).split(/\s+/).length < 3) continue; // scare quotes, titles
      const after = text.slice(qb + 1, Math.min(pEnd, qb + 120));
      const m = AFTER_QUOTE.exec(after);
      if (m) {
        const [mention, cue] = m[1] ? [m[1], m[2]] : [m[4], m[3]];
        if (isCue(cue)) {
          const cueAt = qb + 1 + m.index + m[0].lastIndexOf(cue);
          const mentionAt = qb + 1 + m.index + m[0].indexOf(mention);
          emit(inner, 'direct', mention, mentionAt, cue, cueAt, 0.9);
          continue;
        }
      }
      const before = text.slice(Math.max(pStart, qa - 160), qa - 1);
      const b = BEFORE_QUOTE.exec(before);
      if (b && isCue(b[2])) {
        const base = qa - 1 - before.length + b.index;
        emit(inner, 'direct', b[1], base, b[2], base + b[0].indexOf(b[2], b[1].length), 0.85);
      }
    }
  }

  for (const [sa, sb] of article.sentences) {
    if (covered.some(([a, b]) => a < sb && b > sa)) continue;
    const sentence = text.slice(sa, sb);
    INDIRECT.lastIndex = 0;
    for (const m of sentence.matchAll(INDIRECT)) {
      if (!isCue(m[2])) continue;
      const clause = trimClause(text, sa + m.index! + m[0].length, sb);
      if (text.slice(clause[0], clause[1]).split(/\s+/).length < 4) continue;
      const hasQuote = /["“”]/.test(text.slice(clause[0], clause[1]));
      emit(clause, hasQuote ? 'mixed' : 'indirect', m[1], sa + m.index!, m[2], sa + m.index! + m[0].indexOf(m[2], m[1].length), 0.6);
      break;
    }
  }
  return rows.sort((a, b) => a.start - b.start || a.end - b.end);
}
