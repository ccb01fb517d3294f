/**
 * Statements the attribution tagger finds: each content span it tags becomes a candidate, with the
 * nearest cue it tagged in the same sentence (or paragraph) and the source nearest that cue.
 * extract.ts keeps these only where the rules found nothing with the same words.
 */
import type { Span } from '../../schema/records.ts';
import { readFileSync } from 'node:fs';
import { parseCueList, parseWordList } from '../lexicon.ts';
import { isSpeakerEnd, phraseStart, plausibleSpeaker } from '../phrases.ts';
import { DETERMINERS, FINITE_AUXILIARIES, SPEAKER_PRONOUNS } from '../tokens.ts';
import { clauseSpan, type Candidate, type Doc, type StatementKind } from '../doc.ts';
import { sequencesOf } from './features.ts';
import { T, TAGS, type TaggerModel } from './model.ts';

interface Run {
  role: string;
  from: number;
  /** exclusive */
  to: number;
}

/** Runs of B-X I-X* as token ranges. */
export function runsOf(tags: Uint8Array, offset: number): Run[] {
  const out: Run[] = [];
  for (let k = 0; k < tags.length; k++) {
    const tag = TAGS[tags[k]];
    if (tag === 'O') continue;
    if (tag.startsWith('B-') || !out.length || out[out.length - 1].to !== offset + k || out[out.length - 1].role !== tag.slice(2)) {
      out.push({ role: tag.slice(2), from: offset + k, to: offset + k + 1 });
    } else out[out.length - 1].to++;
  }
  return out;
}

const gap = (a: Run, b: Run) => (a.to <= b.from ? b.from - a.to : a.from >= b.to ? a.from - b.to : 0);

/** Confidence of a tagged statement: below the rules' (0.6-0.95), higher with a cue and a source found. */
const TAGGED_CONFIDENCE = { base: 0.3, cue: 0.1, source: 0.1 };

/**
 * `speech`: statements proper (words said or written); `attribution`: PolNeAR's wider notion, which adds
 * positions, intentions and findings attributed to someone ("X supports Y", "X plans to ...").
 */
export type StatementScope = 'speech' | 'attribution';

/**
 * `covered`, where given, marks the tokens the rules' statements took: a paragraph whose only cue words or
 * quotation marks lie there is not tagged (what the tagger finds there is the rules' already).
 */
export function taggedStatements(doc: Doc, model: TaggerModel, scope: StatementScope = 'speech', covered?: Uint8Array): Candidate[] {
  const out: Candidate[] = [];
  for (const seq of sequencesOf(doc)) {
    // In the speech scope only a quotation, a verb of communication or thought, or a topic ("about") can yield a
    // statement: skip the rest untagged.
    if (!mayAttribute(doc, seq, scope === 'speech' ? (k) => speechScopeWord(doc, k) : (k) => model.cues.has(doc.tokens[k].lo), covered)) continue;
    const emit = new Float32Array((seq.to - seq.from) * T);
    const tags = model.tag(doc, seq, emit);
    const runs = runsOf(tags, seq.from);
    const contents = runs.filter((r) => r.role === 'CON');
    if (!contents.length) continue;
    const cues = runs.filter((r) => r.role === 'CUE');
    const sources = runs.filter((r) => r.role === 'SRC');
    for (const content of contents) {
      const quote = clauseSpan(doc, content.from, content.to);
      if (!quote || !doc.tokens.slice(content.from, content.to).some((t) => t.word)) continue;
      const sentence = doc.sentenceOf[content.from];
      const near = (r: Run, to: Run) => (doc.sentenceOf[r.from] === sentence ? 0 : 1000) + gap(r, to);
      const cue = nearest(cues, (r) => near(r, content));
      const source = cue ? nearest(sources, (r) => near(r, cue) + gap(r, content) / 100) : nearest(sources, (r) => near(r, content));
      // No source tagged: the speaker phrase the rules would find beside the cue ("..., the senator argued").
      let mention: Span | null = source ? sourcePhrase(doc, source) : null;
      if (!mention && cue) mention = likeliestSource(doc, emit, seq.from, cue, content);
      // Words with neither cue nor source, outside quotation marks, are rarely anyone's statement.
      const kind = kindOf(doc, content);
      if (!cue && !mention && kind !== 'direct') continue;
      if (wordCount(doc, content) < 2) continue;
      if (scope === 'speech' && kind !== 'direct' && !saysSomething(doc, cue, source, mention)) continue;
      out.push({
        quote,
        kind,
        mention,
        cue: cue ? [cue.from, cue.to - 1] : null,
        confidence: TAGGED_CONFIDENCE.base + (cue ? TAGGED_CONFIDENCE.cue : 0) + (source ? TAGGED_CONFIDENCE.source : 0),
      });
    }
  }
  return out;
}

const O = TAGS.indexOf('O');

/** trusted-cues.txt: verbs of communication, the cues of statements the tagger adds in the speech scope. */
const TRUSTED_CUES = parseCueList(readFileSync(new URL('../lexicon/trusted-cues.txt', import.meta.url), 'utf8'));
const communicationCue = (doc: Doc, r: Run) => {
  // After a determiner the word is a noun: "a chance to say" (the whole cue a noun phrase), "many calls for".
  if (DETERMINERS.has(doc.tokens[r.from].lo)) return false;
  const t = doc.tokens;
  for (let k = r.from; k < r.to; k++) {
    if (!TRUSTED_CUES.has(t[k].lo) || DETERMINERS.has(t[k - 1]?.lo ?? '')) continue;
    // "calls are mounting for": an -s form with a verb of its own after it is a plural noun.
    if (t[k].lo.endsWith('s') && FINITE_AUXILIARIES.has(t[k + 1]?.lo ?? '')) continue;
    return true;
  }
  return false;
};
/**
 * The speech scope keeps words outside quotation marks when their cue is one of speech or thought, or names a
 * topic, and someone says them: the tagged source, or the rules' phrase beside an active cue ("it is claimed"
 * names no one, nor does the phrase next to "was told").
 */
function saysSomething(doc: Doc, cue: Run | null, source: Run | null, mention: Span | null): boolean {
  if (!cue || !mention || !(communicationCue(doc, cue) || topicCue(doc, cue))) return false;
  if (!passiveCue(doc, cue)) return true;
  return !!source && !(mention[0] === mention[1] && doc.tokens[mention[0]].lo === 'it');
}
/** "it is claimed", "was told": a passive cue names no speaker beside it. */
const passiveCue = (doc: Doc, r: Run) => {
  for (let k = Math.max(0, r.from - 1); k < r.to; k++) if (/^(is|was|are|were|been|be|being)$/.test(doc.tokens[k].lo)) return true;
  return false;
};
/**
 * topic-words.txt: a cue "<word> about" whose word is one of speech or thought names the topic of what was said
 * or thought ("questions about", "expressed deep concern about", "were coy about"). A trusted verb before
 * "about" ("talked about") is already a communication cue.
 */
const TOPIC_WORDS = parseWordList(readFileSync(new URL('../lexicon/topic-words.txt', import.meta.url), 'utf8'));
const topicCue = (doc: Doc, r: Run) => r.to - r.from >= 2 && doc.tokens[r.to - 1].lo === 'about' && TOPIC_WORDS.has(doc.tokens[r.to - 2].lo);
/** A word that may carry a speech-scope cue: a trusted verb, or a topic word before "about". */
const speechScopeWord = (doc: Doc, k: number) => {
  const w = doc.tokens[k].lo;
  return TRUSTED_CUES.has(w) || (TOPIC_WORDS.has(w) && doc.tokens[k + 1]?.lo === 'about');
};
const wordCount = (doc: Doc, r: Run) => {
  let n = 0;
  for (let k = r.from; k < r.to; k++) if (doc.tokens[k].word) n++;
  return n;
};

/**
 * The tagged source as a speaker mention: punctuation trimmed from its edges, and a relative pronoun
 * ("Smith, who ...") replaced by the phrase it stands for.
 */
function sourcePhrase(doc: Doc, run: Run): Span | null {
  const t = doc.tokens;
  let a = run.from;
  let b = run.to - 1;
  while (a <= b && !t[a].word) a++;
  while (b >= a && !t[b].word) b--;
  if (a > b) return null;
  if (a === b && RELATIVE.has(t[a].lo)) {
    const lo = doc.sentenceRange[doc.sentenceOf[a]][0];
    const e = t[a - 1]?.t === ',' ? a - 2 : a - 1;
    if (e >= lo && isSpeakerEnd(t[e])) return [phraseStart(t, e, lo), e];
  }
  // "some Republicans, including Senator Ann Ruiz, were willing ...": the members listed after a comma are the
  // phrase's examples; the phrase before them is the source.
  for (let k = a + 1; k < b; k++) if (t[k].t === ',' && MEMBERS_FOLLOW.test(`${t[k + 1].lo} ${t[k + 2]?.lo ?? ''}`) && isSpeakerEnd(t[k - 1])) { b = k - 1; break; }
  // "admires the mayor, comparing him favorably to ...", "THE PANEL QUESTIONED HIM": a pronoun that is only ever an
  // object speaks for no one.
  if (OBJECT_ONLY.has(t[b].lo)) return null;
  // "No one said ...": nobody spoke.
  if (NOBODY.has(t[a].lo) || !plausibleSpeaker(t, a, b)) return null;
  return [a, b];
}
const RELATIVE = new Set(['who', 'which', 'that']);
const OBJECT_ONLY = new Set(['him', 'them', 'us', 'me', 'whom']);
const MEMBERS_FOLLOW = /^(including \S+|such as|among them|notably \S+)$/;
const NOBODY = new Set(['no', 'nobody', 'none', 'neither', 'nor', 'noone']);

/**
 * The tagger left the source out: the phrase it came closest to tagging as one in the cue's sentence
 * (outside the content), if it scored at least as a source as as nothing.
 */
function likeliestSource(doc: Doc, emit: Float32Array, offset: number, cue: Run, content: Run): Span | null {
  const t = doc.tokens;
  const [lo, hi] = doc.sentenceRange[doc.sentenceOf[cue.from]];
  let best = -1;
  let bestScore = -Infinity;
  for (let k = Math.max(lo, offset); k < hi && (k - offset) * T < emit.length; k++) {
    if ((k >= content.from && k < content.to) || (k >= cue.from && k < cue.to) || !t[k].word) continue;
    const b = (k - offset) * T;
    const score = Math.max(emit[b + B_SRC], emit[b + I_SRC]) - emit[b + O];
    if (score > bestScore) { best = k; bestScore = score; }
  }
  if (best < 0 || bestScore < MIN_SOURCE_SCORE) return null;
  let e = best;
  while (e + 1 < hi && t[e + 1].word && (t[e + 1].cap || t[best].lo === 'the') && !(e + 1 >= content.from && e + 1 < content.to) && e + 1 < cue.from) e++;
  if ((!isSpeakerEnd(t[e]) && !SPEAKER_PRONOUNS.has(t[e].lo)) || OBJECT_ONLY.has(t[e].lo)) return null;
  const s = phraseStart(t, e, lo);
  return NOBODY.has(t[s].lo) || !plausibleSpeaker(t, s, e) ? null : [s, e];
}
/** A source score below that of no role: the tagger thought the phrase no source. */
const MIN_SOURCE_SCORE = 0;
const B_SRC = TAGS.indexOf('B-SRC');
const I_SRC = TAGS.indexOf('I-SRC');

/** A paragraph with neither a cue word nor a quotation mark holds no attribution worth the tagger's time. */
function mayAttribute(doc: Doc, seq: { from: number; to: number }, cueAt: (k: number) => boolean, covered?: Uint8Array): boolean {
  for (let k = seq.from; k < seq.to; k++) if (!covered?.[k] && (doc.quoteMark[k] || cueAt(k))) return true;
  return false;
}

function nearest(runs: Run[], distance: (r: Run) => number): Run | null {
  let best: Run | null = null;
  let bestD = Infinity;
  for (const r of runs) {
    const d = distance(r);
    if (d < bestD) { best = r; bestD = d; }
  }
  return best && bestD < 1000 ? best : null;
}

/** direct: the words are one quotation; mixed: they hold one; indirect otherwise. */
function kindOf(doc: Doc, run: Run): StatementKind {
  let inside = 0;
  let words = 0;
  for (let k = run.from; k < run.to; k++) {
    if (!doc.tokens[k].word) continue;
    words++;
    if (doc.inQuote[k] >= 0) inside++;
  }
  if (words && inside === words) return 'direct';
  return inside ? 'mixed' : 'indirect';
}
