/**
 * Statements: who said what. Rules over one article, in three passes:
 *  1. embedded posts: a paragraph followed by "— Name (@handle) Month D, YYYY" is one tweet of Name;
 *  2. direct quotes (quotes.ts) attributed by a cue next to them ("..., he said", "X said: '...'"),
 *     or continuing the previous quote's speaker (a quote split around its cue, a new quoted paragraph);
 *  3. per sentence, every reporting verb (cues.txt) with a speaker beside it: the reported clause after it
 *     ("X said (that) ...", "X told Y ...", "X said: ..."), or before it ("..., X said."), and
 *     "according to X"; a clause holding a quoted fragment is mixed.
 * Speakers resolve to the fullest name (speakers.ts); dates resolve against the publication date.
 */
import type { SegmentedArticle, Span } from '../schema/records.ts';
import { makeId } from '../util/ids.ts';
import { resolveDates } from '../text/when.ts';
import { CUE_FORMS, type CueForm } from './lexicon.ts';
import { findQuotes, type Quote } from './quotes.ts';
import { speakerCountry } from './countries.ts';
import { findEntities, SpeakerResolver } from './speakers.ts';
import {
  AUX_ADVERBS, DETERMINERS, LEADING_JUNK, NOT_SPEAKER_END, PREPOSITIONS, SPEAKER_PRONOUNS, TIME_WORDS, isNumber, tokenize, type Token,
} from './tokens.ts';

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

/** Verbs whose first object is the listener, not the words ("told reporters that ..."). */
const LISTENER_FIRST = new Set(['tell', 'inform', 'remind', 'assure', 'reassure', 'warn', 'urge', 'ask', 'advise', 'brief', 'notify', 'instruct', 'order', 'promise', 'alert', 'update', 'accuse', 'thank', 'congratulate', 'implore', 'beg']);
/** Verbs that, before "to" and a verb, report a decision or an attitude rather than words. */
const UNDERTAKINGS = new Set(['agree', 'decide', 'refuse', 'decline', 'seek', 'offer', 'intend', 'plan', 'want', 'hope', 'expect', 'wish', 'prefer', 'continue', 'vote']);
const DASHES = new Set(['—', '–', '-', '--']);
const QUOTE_CHARS = new Set(['"', '“', '”', "'", '‘', '’', '„', "''"]);
const CLAUSE_PUNCT = new Set(['.', '!', '?', ';']);
const TWEET_SIGNATURE = /^[—–-]\s*([^()\n]+?)\s*\((@\w+)\)\s*((?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4})\s*$/;
const DATE_HINT = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|ago)\b/;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

interface Candidate {
  quote: Span;
  kind: StatementRow['kind'];
  mention: Span | null;
  cue: Span | null;
  confidence: number;
  channel?: string;
  date?: string;
  speaker?: string;
  role?: string;
}

/** Everything the rules look at in one article. */
class Doc {
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

function spanRanges(tokens: Token[], spans: Span[], owner: Int32Array): Array<[number, number]> {
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

const isSpeakerEnd = (tok: Token | undefined): boolean =>
  !!tok && tok.word && !NOT_SPEAKER_END.has(tok.lo) && !TIME_WORDS.has(tok.lo) && !isNumber(tok) && (tok.cap || !CUE_FORMS.has(tok.lo)) && !(tok.lo.endsWith('ly') && !tok.cap);

/** Start of the noun phrase ending at token e (the speaker before a cue), not before `lo`. */
function phraseStart(t: Token[], e: number, lo: number): number {
  if (SPEAKER_PRONOUNS.has(t[e].lo)) return e;
  let s = e;
  const hasAnd = () => { for (let k = s; k <= e; k++) if (t[k].lo === 'and') return true; return false; };
  while (s - 1 >= lo) {
    const p = t[s - 1];
    if (p.cap && p.word && !LEADING_JUNK.has(p.lo) && !NOT_SPEAKER_END.has(p.lo) && !PREPOSITIONS.has(p.lo) && !NOT_SPEAKER.has(p.lo)) { s--; continue; }
    if ((p.lo === 'of' || p.lo === 'and' || p.lo === '&' || p.lo === 'de' || p.lo === 'al') && s - 2 >= lo && t[s - 2].cap && t[s].cap) { s--; continue; }
    if (p.t === ',' && s - 2 >= lo && t[s - 2].cap && t[s].cap && hasAnd()) { s--; continue; }
    if (DETERMINERS.has(p.lo) || isNumber(p)) { s--; break; }
    if (p.word && !p.cap && !NOT_SPEAKER_END.has(p.lo)) {
      // Lower-case modifiers belong to the phrase only under a determiner ("the newly appointed Secretary").
      let k = s - 1;
      while (k >= lo && k >= s - 4 && t[k].word && !t[k].cap && !DETERMINERS.has(t[k].lo) && !NOT_SPEAKER_END.has(t[k].lo)) k--;
      if (k >= lo && DETERMINERS.has(t[k].lo)) { s = k; break; }
      break;
    }
    break;
  }
  while (s < e && (LEADING_JUNK.has(t[s].lo) || t[s].t === ',' || (t[s].cap && (PREPOSITIONS.has(t[s].lo) || NOT_SPEAKER.has(t[s].lo))))) s++;
  return s;
}

const IRREGULAR_PAST = new Set(['went', 'came', 'made', 'took', 'gave', 'got', 'put', 'ran', 'won', 'lost', 'left', 'began', 'brought', 'bought', 'kept', 'met', 'paid', 'sent', 'set', 'spent', 'stood', 'wrote', 'said', 'told', 'thought', 'knew', 'saw', 'felt', 'held', 'led', 'face', 'faces']);
/** Words that head no speaker phrase even when capitalised at the start of a sentence. */
const NOT_SPEAKER = new Set(['according', 'earlier', 'later', 'meanwhile', 'however', 'much', 'enough', 'twice', 'half', 'more', 'less', 'respective', 'having', 'speaking', 'asked', 'instead', 'still', 'yes', 'no', 'well', 'despite', 'amid', 'among', 'let', 'let’s', "let's", 'one', 'if', 'when', 'while', 'because', 'although', 'though', 'since', 'unlike', 'like', 'even']);

/**
 * A speaker phrase names someone or something that can speak: not a lone capitalised adverb ("Reluctantly")
 * or participle ("Speaking"), nor a word of quantity ("much", "half").
 */
function plausibleSpeaker(t: Token[], s: number, e: number): boolean {
  const head = t[s];
  if (NOT_SPEAKER.has(head.lo) || NOT_SPEAKER.has(t[e].lo)) return false;
  if (s === e) {
    const w = t[e];
    if (SPEAKER_PRONOUNS.has(w.lo)) return true;
    if (w.cap) return (!/(ly|ing)$/.test(w.lo) || w.lo.length <= 4) && !PREPOSITIONS.has(w.lo) && !NOT_SPEAKER_END.has(w.lo);
    // A lone lower-case verb or adjective ("raised", "provocative") is the end of a clause, not a speaker.
    return !/(ed|ing|ive|ous|ful|able|ible)$/.test(w.lo) && !IRREGULAR_PAST.has(w.lo);
  }
  return true;
}

interface Subject {
  s: number;
  e: number;
}

/** The speaker phrase before the cue at i (skipping auxiliaries, a time or place phrase, an apposition). */
function subjectBefore(t: Token[], i: number, lo: number): Subject | null {
  let j = i - 1;
  while (j >= lo && t[j].word && !t[j].cap && (AUX_ADVERBS.has(t[j].lo) || t[j].lo.endsWith('ly'))) j--;
  if (j < lo) return null;
  let e = -1;
  if (isSpeakerEnd(t[j])) e = j;
  else if (t[j].t === ',' || t[j].t === ')') {
    // Apposition: "Stoltenberg, the NATO chief, said"
    for (let k = j - 1; k >= Math.max(lo, j - 15); k--) {
      if (t[k].t === ',' || t[k].t === '(') {
        if (k - 1 >= lo && isSpeakerEnd(t[k - 1]) && t[k - 1].cap) e = k - 1;
        break;
      }
      if (CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t)) break;
    }
  }
  if (e < 0 || (TIME_WORDS.has(t[j].lo) || isNumber(t[j]) || (t[j].word && !t[j].cap && !isSpeakerEnd(t[j])))) {
    // A phrase of time or place between speaker and verb: "the NATO chief on November 12 said".
    let found = -1;
    for (let k = j; k >= Math.max(lo + 1, j - 12); k--) {
      if (t[k].t === ',' || CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t)) break;
      if (((PREPOSITIONS.has(t[k].lo) && t[k].lo !== 'of') || t[k].lo === 'speaking') && isSpeakerEnd(t[k - 1]) && !PREPOSITIONS.has(t[k - 1].lo)) found = k - 1;
    }
    if (found >= 0) e = found;
  }
  if (e < 0) return null;
  let s = phraseStart(t, e, lo);
  // "Stoltenberg after speaking to Afghan President Ashraf Ghani said": a name after a preposition is not the speaker.
  if (s - 1 > lo && PREPOSITIONS.has(t[s - 1].lo) && t[s - 1].lo !== 'of') {
    let found = -1;
    for (let k = s - 1; k >= Math.max(lo + 1, s - 14); k--) {
      if (t[k].t === ',' || CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t)) break;
      if (((PREPOSITIONS.has(t[k].lo) && t[k].lo !== 'of') || t[k].lo === 'speaking') && isSpeakerEnd(t[k - 1]) && !PREPOSITIONS.has(t[k - 1].lo) && t[k - 1].lo !== 'speaking') found = k - 1;
    }
    if (found >= 0) {
      e = found;
      s = phraseStart(t, e, lo);
    }
  }
  // "X, who ... said": the relative pronoun stands for the phrase before the comma.
  if ((t[s].lo === 'who' || t[s].lo === 'which') && s - 2 >= lo && t[s - 1].t === ',' && isSpeakerEnd(t[s - 2])) {
    const e2 = s - 2;
    return { s: phraseStart(t, e2, lo), e: e2 };
  }
  // "Caucus-goers who said ...": without a comma too.
  if (t[s].lo === 'who' && s - 1 >= lo && isSpeakerEnd(t[s - 1])) return { s: phraseStart(t, s - 1, lo), e: s - 1 };
  if (!plausibleSpeaker(t, s, e)) return null;
  return { s, e };
}

/** The speaker phrase right after an inverted cue ("..., said Sen. Cruz"). */
function subjectAfter(t: Token[], i: number, hi: number): Subject | null {
  let k = i + 1;
  if (k >= hi) return null;
  if (SPEAKER_PRONOUNS.has(t[k].lo) && t[k].lo !== 'which') return { s: k, e: k };
  const s = k;
  if (DETERMINERS.has(t[k].lo)) k++;
  while (k < hi && t[k].word && !t[k].cap && !NOT_SPEAKER_END.has(t[k].lo) && k - s < 4) k++;
  let e = -1;
  while (k < hi && (t[k].cap || ((t[k].lo === 'of' || t[k].lo === 'and') && k + 1 < hi && t[k + 1].cap))) e = k++;
  if (e < 0) {
    e = k - 1;
    if (e < s || !isSpeakerEnd(t[e])) return null;
  }
  const after = t[e + 1];
  if (e + 1 < hi && !(after.t === ',' || CLAUSE_PUNCT.has(after.t) || PREPOSITIONS.has(after.lo) || QUOTE_CHARS.has(after.t) || after.t === ':')) return null;
  return { s, e };
}

const cueAt = (tok: Token): CueForm | undefined => (tok.word && !tok.cap ? CUE_FORMS.get(tok.lo) : undefined);
/** In a headline in title case ("Clinton Says Crash Seems Like Terrorism") a cue is capitalised too. */
const headlineCueAt = (t: Token[], i: number, lo: number, hi: number): CueForm | undefined => {
  const tok = t[i];
  if (!tok.cap || i === lo || !t[i - 1].cap) return undefined;
  const form = CUE_FORMS.get(tok.lo);
  if (!form || form.kind !== 'speech') return undefined;
  let words = 0;
  let caps = 0;
  for (let k = lo; k < hi; k++) if (t[k].word && !TITLE_MINOR_WORDS.has(t[k].lo)) { words++; if (t[k].cap) caps++; }
  return words >= 4 && caps === words ? form : undefined;
};

function wordsIn(t: Token[], a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (t[k].word) n++;
  return n;
}

/** Token range -> offsets, dropping punctuation and unbalanced marks at the edges. */
function clauseSpan(doc: Doc, a: number, b: number): Span | null {
  const t = doc.tokens;
  while (a < b && !t[a].word && !(doc.quoteMark[a] && t[a].a < t[b - 1].a && doc.quotes[doc.inQuote[a + 1]]?.open === t[a].a && doc.quotes[doc.inQuote[a + 1]].close <= t[b - 1].a)) a++;
  while (b > a && !t[b - 1].word && !(doc.quoteMark[b - 1] && doc.quotes.some((q) => q.close === t[b - 1].a && q.open >= t[a].a))) b--;
  if (b <= a) return null;
  return [t[a].a, t[b - 1].b];
}

function speechCue(tok: Token | undefined): boolean {
  const c = tok && cueAt(tok);
  return !!c && c.kind === 'speech';
}

const TITLE_MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as']);
/** Words in title case with no sentence punctuation: the name of a work, not words someone said. */
function isTitle(t: Token[], a: number, b: number): boolean {
  let content = 0;
  let capital = 0;
  for (let k = a; k < b; k++) {
    if (CLAUSE_PUNCT.has(t[k].t) || t[k].t === ',') return false;
    if (t[k].word && !TITLE_MINOR_WORDS.has(t[k].lo)) {
      content++;
      if (t[k].cap) capital++;
    }
  }
  return content > 0 && capital === content;
}

/** Direct quotes attributed by a cue beside them, or continuing the previous quote's speaker. */
function directQuotes(doc: Doc, used: Uint8Array): Candidate[] {
  const t = doc.tokens;
  const out: Candidate[] = [];
  let previous: { cand: Candidate; paragraph: number; closeTok: number } | null = null;
  doc.quotes.forEach((q, qi) => {
    const openTok = doc.tokenAt(q.open);
    const closeTok = doc.tokenAt(q.close);
    if (openTok >= t.length || used[openTok]) return;
    const words = wordsIn(t, openTok + 1, closeTok);
    const paragraph = doc.paragraphOf[openTok];
    const [pLo, pHi] = paragraphTokens(doc, paragraph);
    let cand: Candidate | null = null;
    // After the quote: ', he said' / ', said Stoltenberg' / 'Stoltenberg said.'
    let k = closeTok + 1;
    if (k < pHi && t[k].t === ',') k++;
    const lastInside = t[closeTok - 1];
    const endsClause = lastInside && [',', '.', '?', '!', '…'].includes(lastInside.t);
    if (k < pHi && (endsClause || t[closeTok + 1]?.t === ',')) {
      if (speechCue(t[k])) {
        const subj = subjectAfter(t, k, pHi);
        if (subj) cand = { quote: [q.start, q.end], kind: 'direct', mention: [subj.s, subj.e], cue: [k, k], confidence: 0.9 };
      }
      for (let c = k + 1; !cand && c < Math.min(pHi, k + 40); c++) {
        if (CLAUSE_PUNCT.has(t[c].t) || QUOTE_CHARS.has(t[c].t)) break;
        if (!speechCue(t[c])) continue;
        const subj = subjectBefore(t, c, k);
        if (subj && subj.s === k) cand = { quote: [q.start, q.end], kind: 'direct', mention: [subj.s, subj.e], cue: [c, c], confidence: 0.9 };
        else {
          // "..., said Steve Smith, a veteran editor who teaches ..." / "Smith, a veteran editor, said": the first phrase speaks.
          let e = k;
          while (e + 1 < c && t[e + 1].t !== ',' && e - k < 8) e++;
          if (t[e + 1]?.t === ',' && isSpeakerEnd(t[e]) && (t[k].cap || DETERMINERS.has(t[k].lo)) && plausibleSpeaker(t, k, e)) cand = { quote: [q.start, q.end], kind: 'direct', mention: [k, e], cue: [c, c], confidence: 0.8 };
        }
        break;
      }
    }
    // Before the quote: 'Stoltenberg said: "...' / 'he said in a statement, "...'
    if (!cand) {
      let p = openTok - 1;
      const crossesParagraph = p >= 0 && doc.paragraphOf[p] !== paragraph;
      if (p >= 0 && !(crossesParagraph && t[p].t !== ':')) {
        if (t[p].t === ':' || t[p].t === ',' || t[p].lo === 'that') p--;
        const lo = crossesParagraph ? paragraphTokens(doc, doc.paragraphOf[p])[0] : pLo;
        for (let c = p; c >= Math.max(lo, p - 7); c--) {
          if (CLAUSE_PUNCT.has(t[c].t) || QUOTE_CHARS.has(t[c].t)) break;
          if (!cueAt(t[c])) continue;
          // Only a phrase of time or place may stand between the cue and the quote ("said in a statement:").
          if (c < p && !(PREPOSITIONS.has(t[c + 1].lo) || TIME_WORDS.has(t[c + 1].lo))) break;
          const sentenceLo = Math.max(lo, doc.sentenceRange[doc.sentenceOf[c]]?.[0] ?? lo);
          const subj = subjectBefore(t, c, sentenceLo);
          if (subj) cand = { quote: [q.start, q.end], kind: 'direct', mention: [subj.s, subj.e], cue: [c, c], confidence: 0.85 };
          break;
        }
      }
    }
    // A quote split around its cue ('"We ...," he said. "But ..."'): one statement over both parts.
    if (!cand && previous && previous.paragraph === paragraph && openTok > previous.closeTok) {
      const prevCue = previous.cand.cue?.[0] ?? -1;
      const between = t.slice(previous.closeTok + 1, openTok);
      const onlyAttribution = between.every((x, bi) => previous!.closeTok + 1 + bi === prevCue || !cueAt(x)) && [',', '.', ':'].includes(t[openTok - 1].t);
      if (prevCue > previous.closeTok && prevCue < openTok && between.length <= 45 && onlyAttribution && !between.some((x) => QUOTE_CHARS.has(x.t))) {
        previous.cand.quote = [previous.cand.quote[0], q.end];
        for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
        previous.closeTok = closeTok;
        return;
      }
    }
    // No cue beside it: the quote goes on from the same speaker's previous quote.
    if (!cand && previous && words >= 4) {
      const startsParagraph = openTok === pLo;
      const near = paragraph - previous.paragraph <= 3 && (startsParagraph || (paragraph === previous.paragraph && openTok - previous.closeTok <= 12));
      const between = t.slice(previous.closeTok + 1, openTok);
      if (near && (startsParagraph ? paragraph !== previous.paragraph : true) && (startsParagraph || !between.some((x, bi) => doc.quoteMark[previous!.closeTok + 1 + bi] && x.a !== q.open))) {
        cand = { ...previous.cand, quote: [q.start, q.end], confidence: 0.6 };
      }
    }
    if (!cand) return;
    if (words < 2 || (words < 4 && cand.confidence < 0.9)) return; // scare quotes and titles
    if (isTitle(t, openTok + 1, closeTok)) return; // the name of a work: The Old Man and the Sea
    for (let k2 = openTok; k2 <= closeTok; k2++) used[k2] = 1;
    if (cand.cue && cand.confidence > 0.6) {
      const [a, b] = cand.cue[0] > closeTok ? [closeTok + 1, Math.max(cand.cue[1], cand.mention![1])] : [Math.min(cand.mention![0], cand.cue[0]), cand.cue[1]];
      for (let k2 = a; k2 <= b; k2++) used[k2] = 1;
    }
    out.push(cand);
    previous = { cand, paragraph, closeTok };
    void qi;
  });
  return out;
}

function paragraphTokens(doc: Doc, p: number): [number, number] {
  const [a, b] = doc.article.paragraphs[p] ?? [0, 0];
  return [doc.tokenAt(a), doc.tokenAt(b)];
}

/** Reported speech inside one sentence: every cue with a speaker beside it. */
function reportedSpeech(doc: Doc, used: Uint8Array, mentionOf: Int32Array, lo: number, hi: number): Candidate[] {
  const t = doc.tokens;
  const found: Array<Candidate & { subject: Subject; after: boolean; cueTok: number; participle?: boolean }> = [];
  for (let i = lo; i < hi; i++) {
    if (used[i] || doc.inQuote[i] >= 0) continue;
    // "according to X, ..." / "..., according to X."
    if (t[i].lo === 'according' && t[i + 1]?.lo === 'to' && i + 2 < hi) {
      // The source runs to the next comma or the end: "according to an analysis of FEC data by Crowdpac, ..."
      let subj = subjectAfter(t, i + 1, hi);
      if (!subj) {
        let e = i + 2;
        while (e + 1 < hi && t[e + 1].t !== ',' && !CLAUSE_PUNCT.has(t[e + 1].t) && e - i < 25) e++;
        if (!t[i + 2].word) continue;
        subj = { s: i + 2, e };
      }
      const before = wordsIn(t, lo, i);
      let quote: Span | null = null;
      // "Blinken told Ghani ..., according to the statement": the speaker inside keeps the words.
      if (before >= 3 && found.some((f) => f.cueTok >= lo && f.cueTok < i)) { i = subj.e; continue; }
      if (before >= 3) quote = clauseSpan(doc, lo, i);
      else if (t[subj.e + 1]?.t === ',') quote = clauseSpan(doc, subj.e + 2, hi);
      if (quote) found.push({ quote, kind: 'indirect', mention: [subj.s, subj.e], cue: [i, i + 1], confidence: 0.7, subject: subj, after: before < 3, cueTok: i });
      i = subj.e;
      continue;
    }
    const form = cueAt(t[i]) ?? headlineCueAt(t, i, lo, hi);
    if (!form) continue;
    const prev = t[i - 1];
    if (prev && (prev.lo === 'to' || DETERMINERS.has(prev.lo) || (PREPOSITIONS.has(prev.lo) && !AUX_ADVERBS.has(prev.lo)))) continue; // "to say", "the report"
    const participle = t[i].lo.endsWith('ing') && !(prev && /^(is|was|are|were|been|be)$/.test(prev.lo));
    // "When asked whether he would run, ...": a question put by someone the text does not name.
    if (form.base === 'ask' && (!prev || !isSpeakerEnd(prev) || /^(is|was|are|were|been|be|being|when|if)$/.test(prev.lo))) {
      let q = i + 1;
      while (q < Math.min(hi, i + 6) && t[q].word && !QUESTION_WORDS.has(t[q].lo)) q++;
      const span = q < hi && QUESTION_WORDS.has(t[q].lo) ? clauseSpan(doc, q, questionEnd(t, q, hi)) : null;
      if (span && wordsIn(t, q, hi) >= 3) {
        found.push({ quote: span, kind: 'indirect', mention: null, cue: [i, i], confidence: 0.5, subject: { s: i, e: i }, after: true, cueTok: i });
        continue;
      }
    }
    if (!participle && prev && /^(is|was|are|were|been|be|being|get|gets|got)$/.test(prev.lo)) continue; // passive: it is claimed
    let subject: Subject | null = null;
    let inverted = false;
    if (participle) {
      if (form.kind !== 'speech' || !prev || !(prev.t === ',' || prev.word)) continue;
      const earlier = found.filter((f) => f.cueTok < i).pop();
      let direct = -1;
      for (let k = i - 1; k >= lo && direct < 0; k--) if (mentionOf[k] > 0) direct = k;
      if (earlier) subject = earlier.subject;
      else if (direct >= 0) subject = { s: mentionOf[direct] - 1, e: direct };
      else {
        const first = t[lo];
        if (first && (first.cap || SPEAKER_PRONOUNS.has(first.lo))) {
          let e = lo;
          while (e + 1 < i && t[e + 1].cap) e++;
          if (isSpeakerEnd(t[e])) subject = { s: lo, e };
        }
      }
      if (!subject) continue;
    } else {
      subject = subjectBefore(t, i, lo);
      // A bare verb after a singular noun is a noun itself ("a phone call").
      if (subject && t[i].lo === form.base && !t[subject.e].cap && !SPEAKER_PRONOUNS.has(t[subject.e].lo) && !t[subject.e].lo.endsWith('s')) subject = null;
      if (!subject && prev && prev.t === ',' && form.kind === 'speech') {
        subject = subjectAfter(t, i, hi);
        inverted = !!subject;
      }
    }
    if (!subject) continue;
    // Where the reported clause is.
    let quote: Span | null = null;
    let after = true;
    if (inverted) {
      quote = clauseSpan(doc, lo, i - 1);
      after = false;
    } else {
      let cs = i + 1;
      let explicit = false;
      if (cs < hi && t[cs].t === ':') { cs++; explicit = true; }
      else {
        let that = -1;
        for (let k = cs; k < Math.min(hi, cs + 9); k++) {
          if (t[k].lo === 'that') { that = k; break; }
          if (!t[k].word || cueAt(t[k])) break;
        }
        if (that >= 0 && (that === cs || PREPOSITIONS.has(t[cs].lo) || TIME_WORDS.has(t[cs].lo) || LISTENER_FIRST.has(form.base) || t[cs].cap || AUX_ADVERBS.has(t[cs].lo))) { cs = that; explicit = true; }
        else if (LISTENER_FIRST.has(form.base)) {
          const obj = objectPhrase(t, cs, hi);
          if (obj > cs) cs = obj;
        }
        if (cs < hi && (t[cs].t === ',' )) cs++;
        if (cs < hi && doc.quoteMark[cs]) explicit = true;
      }
      const afterWords = wordsIn(t, cs, hi);
      const beforeWords = wordsIn(t, lo, subject.s);
      const cueEndsClause = subject.s > lo && (t[subject.s - 1].t === ',' || doc.quoteMark[subject.s - 1] === 1) && beforeWords >= 3;
      // "said at a news conference.": a phrase of time or place after the verb is not what was said.
      const adjunct = !explicit && afterWords <= 7 && (PREPOSITIONS.has(t[cs]?.lo ?? '') || TIME_WORDS.has(t[cs]?.lo ?? '')) && form.kind === 'speech' && !LISTENER_FIRST.has(form.base);
      if (explicit || (!adjunct && afterWords >= 3) || (!adjunct && !cueEndsClause && afterWords >= 2)) {
        let end = hi;
        // A colon with no quotation marks introduces the rest of the paragraph.
        if (t[cs - 1]?.t === ':' && !doc.quoteMark[cs]) end = paragraphTokens(doc, doc.paragraphOf[i])[1];
        quote = clauseSpan(doc, cs, end);
      } else if (cueEndsClause) {
        quote = clauseSpan(doc, lo, subject.s - 1);
        after = false;
      }
    }
    if (!quote) continue;
    // "agreed to reduce violence", "promised to consult": an undertaking, not words reported.
    if (t[doc.tokenAt(quote[0])]?.lo === 'to' && (form.kind === 'thought' || UNDERTAKINGS.has(form.base))) continue;
    const conf = form.kind === 'speech' ? 0.75 : 0.5;
    found.push({ quote, kind: 'indirect', mention: [subject.s, subject.e], cue: [i, i], confidence: conf, subject, after, cueTok: i, participle });
  }
  // One attribution per words: a cue inside another statement's reported clause is part of it.
  // Where a statement starts its own clause: its speaker, or the participle that shares an earlier speaker.
  const clauseStart = (f: (typeof found)[number]) => (f.participle ? f.cueTok : f.subject.s);
  const independent = (f: (typeof found)[number]) => {
    const b = clauseStart(f);
    const p = t[b - 1]?.lo ?? '';
    return p === ',' || p === ';' || DASHES.has(p) || (/^(and|but)$/.test(p) && t[b - 2]?.t === ',') || /^(while|whereas|although|though)$/.test(p) || (p === 'as' && t[b - 2]?.lo === 'even');
  };
  const nested = (f: (typeof found)[number]) => {
    if (f.after && independent(f)) return false;
    const cueOffset = t[f.cueTok].a;
    // "Austin promised to consult allies, Stoltenberg added": the clause before a closing cue is all the closing speaker's.
    return found.some((g) => g !== f && cueOffset >= g.quote[0] && cueOffset < g.quote[1] && (!g.after || !(t[g.cueTok].a >= f.quote[0] && t[g.cueTok].a < f.quote[1])));
  };
  const outer = found.filter((f) => !nested(f));
  found.length = 0;
  found.push(...outer);
  // A clause reported after a cue ends where the next speaker's phrase begins ("X said A, but Y said B").
  for (let f = 0; f < found.length; f++) {
    const cur = found[f];
    if (!cur.after) continue;
    for (const next of found.slice(f + 1)) {
      const ns = t[clauseStart(next)].a;
      if (ns > cur.quote[0] && ns < cur.quote[1]) {
        const s = doc.tokenAt(cur.quote[0]);
        let e = clauseStart(next);
        while (e > s && (!t[e - 1].word || /^(and|but|while|whereas|although|though|as|even)$/.test(t[e - 1].lo))) e--;
        const span = clauseSpan(doc, s, e);
        if (span) cur.quote = span;
        break;
      }
    }
  }
  const out: Candidate[] = [];
  for (const f of found) {
    if (wordsIn(t, doc.tokenAt(f.quote[0]), doc.tokenAt(f.quote[1])) < 2) continue;
    const a = doc.tokenAt(f.quote[0]);
    const b = doc.tokenAt(f.quote[1]);
    let mixed = false;
    for (let k = a; k < b; k++) if (doc.quoteMark[k]) { mixed = true; break; }
    out.push({ quote: f.quote, kind: mixed ? 'mixed' : 'indirect', mention: f.mention, cue: f.cue, confidence: f.confidence });
  }
  return out;
}

const QUESTION_WORDS = new Set(['if', 'whether', 'what', 'why', 'how', 'who', 'when', 'where', 'which', 'about']);
/** A question asked ends at the comma that returns to the main clause ("When asked whether ..., Trump said"). */
function questionEnd(t: Token[], q: number, hi: number): number {
  for (let k = q + 1; k < hi; k++) if (t[k].t === ',' || t[k].t === ';') return k;
  return hi;
}

/** End of the listener phrase after "told" ("told reporters", "told the BBC on Monday"). */
function objectPhrase(t: Token[], k: number, hi: number): number {
  const s = k;
  while (k < hi && k - s < 6 && t[k].word && t[k].lo !== 'that' && t[k].lo !== 'to' && !(k > s && CUE_FORMS.has(t[k].lo))) {
    if (k > s && !t[k].cap && !DETERMINERS.has(t[k - 1].lo) && !t[k - 1].cap && !PREPOSITIONS.has(t[k].lo) && !TIME_WORDS.has(t[k].lo)) break;
    k++;
  }
  if (k < hi && t[k].lo === 'that') k++;
  return k;
}

/** A headline that gives its source before a colon: "Graham: Trump's Rhetoric Destroying GOP's Chances". */
function headlineClaim(doc: Doc, used: Uint8Array): Candidate[] {
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
function embeddedPosts(doc: Doc, used: Uint8Array): Candidate[] {
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

function tokenF1(a: string, b: string): number {
  const ta = a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const tb = b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const w of ta) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of tb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) { common++; counts.set(w, c - 1); }
  }
  if (!common) return 0;
  const p = common / tb.length;
  const r = common / ta.length;
  return (2 * p * r) / (p + r);
}

/** The day the statement was made, when its sentence names one ("on Wednesday"). */
function statementDate(doc: Doc, cand: Candidate): string {
  if (cand.date) return cand.date;
  const published = doc.article.published;
  const anchor = cand.cue ? doc.tokens[cand.cue[0]] : null;
  if (!published || !anchor) return '';
  const range = doc.sentenceRange[doc.sentenceOf[cand.cue![0]]];
  if (!range || range[1] <= range[0]) return '';
  const sa = doc.tokens[range[0]].a;
  const sentence = doc.text.slice(sa, doc.tokens[range[1] - 1].b);
  if (!DATE_HINT.test(sentence)) return '';
  let best = '';
  let bestDistance = Infinity;
  for (const d of resolveDates(sentence, published)) {
    if (d.precision !== 'day') continue;
    const at = sa + d.start;
    // Dates inside the reported words are what was talked about, not when it was said.
    if (at >= cand.quote[0] && at < cand.quote[1]) continue;
    const distance = Math.abs(at - anchor.a);
    if (distance < bestDistance) { best = d.date; bestDistance = distance; }
  }
  return best;
}

export function extractStatements(article: SegmentedArticle): StatementRow[] {
  const text = article.text;
  const doc = new Doc(text, article, findQuotes(text, article.paragraphs));
  const used = new Uint8Array(doc.tokens.length);
  const candidates: Candidate[] = [...embeddedPosts(doc, used), ...directQuotes(doc, used), ...headlineClaim(doc, used)];
  // Direct quotes' speakers, for a participle after them ("..., Stoltenberg said, adding that ...").
  const mentionOf = new Int32Array(doc.tokens.length);
  for (const c of candidates) if (c.mention) for (let k = c.mention[0]; k <= c.mention[1]; k++) mentionOf[k] = c.mention[0] + 1;
  for (const [lo, hi] of doc.sentenceRange) if (hi > lo) candidates.push(...reportedSpeech(doc, used, mentionOf, lo, hi));
  candidates.sort((x, y) => x.quote[0] - y.quote[0] || x.quote[1] - y.quote[1]);

  // Resolve speakers in text order so that "he said" finds the speaker before it.
  const resolver = new SpeakerResolver(findEntities(text));
  const t = doc.tokens;
  const rows: StatementRow[] = [];
  const byCue = [...candidates].sort((x, y) => anchorOf(doc, x) - anchorOf(doc, y));
  const resolved = new Map<Candidate, { speaker: string; role: string; mention: string }>();
  for (const c of byCue) {
    if (!c.mention) continue;
    const mention = text.slice(t[c.mention[0]].a, t[c.mention[1]].b);
    const r = resolver.resolve(mention, t[c.mention[0]].a);
    resolver.record(t[c.mention[0]].a, r.speaker);
    resolved.set(c, { ...r, mention });
  }
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const who = resolved.get(c);
    const quote = text.slice(c.quote[0], c.quote[1]);
    // The same words by the same speaker (a post quoted in the prose and embedded too): one row, the post.
    const dup = kept.find((k) => resolved.get(k)?.speaker === who?.speaker && tokenF1(text.slice(k.quote[0], k.quote[1]), quote) >= 0.8);
    if (dup) {
      if (c.channel && !dup.channel) kept[kept.indexOf(dup)] = c;
      continue;
    }
    if (kept.some((k) => k.quote[0] === c.quote[0] && k.quote[1] === c.quote[1])) continue;
    kept.push(c);
  }
  for (const c of kept.sort((x, y) => x.quote[0] - y.quote[0] || x.quote[1] - y.quote[1])) {
    const who = resolved.get(c) ?? { speaker: '', role: '', mention: '' };
    const quote = text.slice(c.quote[0], c.quote[1]);
    const cue = c.cue ? text.slice(t[c.cue[0]].a, t[c.cue[1]].b) : '';
    const occurrence = rows.filter((r) => r.quote === quote).length;
    rows.push({
      statement_id: makeId('stm', article.article_id, c.kind, quote, occurrence),
      article_id: article.article_id,
      speaker: who.speaker,
      speaker_mention: who.mention,
      speaker_role: who.role,
      speaker_country: speakerCountry(who.speaker, who.role),
      quote,
      kind: c.kind,
      cue,
      cue_start: c.cue ? t[c.cue[0]].a : null,
      cue_end: c.cue ? t[c.cue[1]].b : null,
      channel: c.channel ?? '',
      date: statementDate(doc, c),
      start: c.quote[0],
      end: c.quote[1],
      confidence: c.confidence,
    });
  }
  return rows;
}

function anchorOf(doc: Doc, c: Candidate): number {
  return c.mention ? doc.tokens[c.mention[0]].a : c.quote[0];
}
