/**
 * Speaker attachment on the parse (src/nlp): the speaker of a cue is the subject of the cue verb, the agent of a
 * passive one ("was told by X"), or the object of "according to"; taken as its whole noun phrase (head,
 * determiner, modifiers, compound and flat names, a possessive, an "of"/"for" complement) and never beyond it:
 * no relative clause, apposition, clause or sentence boundary comes with it.
 *
 * The rules in phrases.ts find the speaker phrase by word classes around the cue; the parse is what tells where
 * that phrase ends ("Merrill Lynch Capital Markets analyst Mario Balletto said" is one phrase; "The Tories failed
 * ... after Liberals demanded" has "Liberals" as the subject of "demanded", not "Tories failed").
 */
import type { Span } from '../schema/records.ts';
import { children, type AnalysedDocument } from '../nlp/document.ts';
import type { AnalysedSentence } from '../nlp/types.ts';
import type { Candidate, Doc } from './doc.ts';
import { wordClasses } from '../nlp/wordnet.ts';
import { CUE_FORMS, IRREGULAR_VERB_FORMS, NOUN_FIRST_FORMS, ORG_HEADS, PARTICLE_VERBS, PHRASE_EDGE_WORDS, SPEAKER_NOUNS, TITLE_WORDS } from './lexicon.ts';
import { AUX_ADVERBS, DETERMINERS, SPEAKER_PRONOUNS } from './tokens.ts';

type Sentence = Pick<AnalysedSentence, 'tokens' | 'heads' | 'deprels' | 'upos'>;

/** Dependents that leave the noun phrase: clauses, asides, appositions, punctuation, adverbs. */
/** Prepositions before the rules' phrase that may end a clause modifying the subject ("judges handling suits about ..."). */
const MODIFIER_CASES = /^(?:of|about|as|in|on|for|into|over|with)$/;
const OUTSIDE_PHRASE = new Set(['acl', 'appos', 'punct', 'parataxis', 'advmod', 'advcl', 'ccomp', 'xcomp', 'csubj', 'dep', 'discourse', 'vocative', 'list', 'reparandum', 'orphan', 'dislocated', 'obl', 'mark', 'aux', 'cop', 'nsubj', 'obj', 'iobj', 'expl']);
/** Complements of a head that belong to the phrase: "spokesman for the ministry", "Secretary of State". */
const INNER_CASES = new Set(['of', 'for', 'at', "'s", '’s', 'from']);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s", '’s']);
const RELATIVE = new Set(['who', 'which', 'that']);
/** Words that are prepositions or subordinators alike: "after the vote" / "after Liberals demanded". */
const SUBORDINATORS = new Set(['after', 'before', 'since', 'until', 'as', 'till']);
/** Words that open a clause of their own inside a phrase ("the inmate whose sentence Kaine commuted"). */
const RELATIVE_WORDS = new Set(['who', 'whose', 'whom', 'which', 'where', 'when']);

const childrenBy = (s: Sentence, i: number, rel: string) => children(s, i).filter((c) => s.deprels[c] === rel);
const lower = (s: Sentence, i: number) => s.tokens[i].form.toLowerCase();

function caseOf(s: Sentence, i: number): string {
  const c = children(s, i).find((k) => s.deprels[k] === 'case');
  return c === undefined ? '' : lower(s, c);
}

function isPassive(s: Sentence, v: number): boolean {
  if (/ing$/i.test(s.tokens[v].form)) return false;
  return children(s, v).some((c) => s.deprels[c] === 'aux' && c < v && BE.has(lower(s, c)));
}

/** The node that speaks for verb v: its subject, its passive agent, or what it shares with a verb it depends on. */
function speakerNode(s: Sentence, v: number, hops = 0): number | undefined {
  if (isPassive(s, v)) {
    const agent = children(s, v).find((c) => s.deprels[c] === 'obl' && caseOf(s, c) === 'by');
    return agent;
  }
  const subjects = childrenBy(s, v, 'nsubj');
  let subject = subjects.filter((k) => k < v).at(-1) ?? subjects[0];
  if (subject !== undefined) {
    // "an official who spoke on condition of anonymity": the relative pronoun stands for the noun it modifies.
    if (RELATIVE.has(lower(s, subject)) && s.deprels[v] === 'acl' && s.heads[v] >= 0) subject = s.heads[v];
    return subject;
  }
  // "after Liberals demanded a recount": the parser may read the subordinator as a preposition and hang the
  // clause's subject on the verb before it as an oblique; the noun right before the verb is the subject.
  const before = v - 1;
  if (s.deprels[v] === 'advcl' && before >= 0 && s.deprels[before] === 'obl' && s.heads[before] === s.heads[v] && SUBORDINATORS.has(caseOf(s, before))) return before;
  if (hops >= 2) return undefined;
  const head = s.heads[v];
  if (head < 0) return undefined;
  const rel = s.deprels[v];
  // "smiled and said", "went on to call", "was quick to point out": the verb shares its head verb's subject.
  if (rel === 'conj' || rel === 'xcomp') return speakerNode(s, head, hops + 1);
  // "the lawmakers who demanded ..." without a relative pronoun: a reduced relative's head noun.
  if (rel === 'acl' && /ing$/i.test(s.tokens[v].form)) return head;
  return undefined;
}

/** Token range [from, to) of the noun phrase headed by node h, contiguous around h. */
export function nounPhrase(s: Sentence, h: number): [number, number] {
  const inside = new Uint8Array(s.tokens.length);
  const stack = [h];
  inside[h] = 1;
  while (stack.length) {
    const k = stack.pop()!;
    for (const c of children(s, k)) {
      const rel = s.deprels[c];
      if (OUTSIDE_PHRASE.has(rel)) continue;
      // A complement keeps its place only behind a preposition of belonging ("spokesman for the company"); "for"
      // only after an office or a speaking noun ("Senator Ruth Park for her part" ends at "Park").
      if (rel === 'nmod' && c > k && !INNER_CASES.has(caseOf(s, c))) continue;
      if (rel === 'nmod' && c > k && caseOf(s, c) === 'for' && !(s.upos[k] === 'NOUN' && (TITLE_WORDS.has(lower(s, k)) || SPEAKER_NOUNS.has(lower(s, k))))) continue;
      // Coordinated verbs are clauses; coordinated nouns ("Obama and Clinton") are the phrase.
      if (rel === 'conj' && (s.upos[c] === 'VERB' || s.upos[c] === 'AUX')) continue;
      inside[c] = 1;
      stack.push(c);
    }
  }
  // A hyphen or a dot between two words of the phrase, written without spaces, is part of it ("Holtz-Eakin", "EB-5").
  for (let k = 1; k + 1 < s.tokens.length; k++)
    if (!inside[k] && inside[k - 1] && inside[k + 1] && s.tokens[k - 1].end === s.tokens[k].start && s.tokens[k].end === s.tokens[k + 1].start) inside[k] = 1;
  let from = h;
  let to = h + 1;
  while (from > 0 && inside[from - 1]) from--;
  while (to < s.tokens.length && inside[to]) to++;
  // The edges are words: no leading conjunction or case marker, no trailing possessive ending or conjunction.
  while (from < h && (s.deprels[from] === 'cc' || s.deprels[from] === 'case' || s.deprels[from] === 'fixed' || s.upos[from] === 'PUNCT')) from++;
  while (to - 1 > h && (s.deprels[to - 1] === 'cc' || s.upos[to - 1] === 'PUNCT')) to--;
  return [from, to];
}

/** The head of the "according to" phrase at token i: the noun "to" marks. */
function accordingObject(s: Sentence, i: number): number | undefined {
  const head = s.heads[i];
  if (s.deprels[i] === 'case' && head > i) return head;
  const to = i + 1 < s.tokens.length && lower(s, i + 1) === 'to' ? i + 1 : -1;
  if (to > 0 && s.heads[to] > to) return s.heads[to];
  return undefined;
}

export interface ParsedSpeaker {
  /** The phrase, as offsets into the article text. */
  span: Span;
  /** Offsets of its head word. */
  head: Span;
  /** Universal part of speech of its head. */
  upos: string;
  /** Offsets of the head's whole subtree, clauses that modify it included ("judges handling lawsuits about ..."). */
  subtree: Span;
}

/**
 * The speaker phrase the parse gives the cue starting at offset `cueAt`, or null when the parse gives none
 * (no subject, an expletive, a clause as subject).
 */
export function speakerOnParse(adoc: AnalysedDocument, cueAt: number): ParsedSpeaker | null {
  const si = adoc.sentenceAt(cueAt);
  if (si < 0) return null;
  const s = adoc.sentence(si);
  const k = s.tokens.findIndex((t) => t.start <= cueAt && cueAt < t.end);
  if (k < 0) return null;
  const node = lower(s, k) === 'according' ? accordingObject(s, k) : speakerNode(s, k);
  if (node === undefined || node === k) return null;
  if (s.upos[node] === 'VERB' || s.upos[node] === 'AUX' || s.upos[node] === 'SCONJ' || lower(s, node) === 'it' && s.deprels[node] === 'expl') return null;
  const [from, to] = nounPhrase(s, node);
  let lo = node;
  let hi = node;
  const stack = [node];
  while (stack.length) {
    const k = stack.pop()!;
    for (const c of children(s, k)) {
      if (s.upos[c] === 'PUNCT') continue;
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
      stack.push(c);
    }
  }
  return { span: [s.tokens[from].start, s.tokens[to - 1].end], head: [s.tokens[node].start, s.tokens[node].end], upos: s.upos[node], subtree: [s.tokens[lo].start, s.tokens[hi].end] };
}

/**
 * Whether the parse reads the cue word at offset `at` as no clause's verb: a noun in a phrase of its own ("an initial
 * public offering", "when charges for cover rose"), a participle modifying a noun before it ("proposed federal
 * regulations") or after it without a subject of its own ("a song called Blue Morning", "the retailers questioned
 * for the survey"). Such a cue reports no words, whatever noun stands before it.
 */
export function cueIsNoVerb(adoc: AnalysedDocument, at: number): boolean {
  const si = adoc.sentenceAt(at);
  if (si < 0) return false;
  const s = adoc.sentence(si);
  const k = s.tokens.findIndex((t) => t.start <= at && at < t.end);
  if (k < 0) return false;
  const rel = s.deprels[k];
  const kids = children(s, k);
  if (s.upos[k] === 'NOUN') {
    // (A noun the parse hangs on another as a compound may be a verb it misread: "The company reports earnings".)
    if (rel === 'compound' || rel === 'root') return false;
    // (Nor one the parse gives only a determiner and a noun before it: "a paper calling for new bases" may be a
    // participle it misread.)
    if (kids.some((c) => NOUN_DEPENDENTS.has(s.deprels[c]) && c < k)) return true;
    return NOUN_RELATIONS.has(rel) && !kids.some((c) => c < k && (s.deprels[c] === 'det' || s.deprels[c] === 'compound'));
  }
  const form = lower(s, k);
  const participle = !form.endsWith('ing') && (form.endsWith('ed') || IRREGULAR_VERB_FORMS.has(form));
  if (!participle || (s.upos[k] !== 'VERB' && s.upos[k] !== 'ADJ')) return false;
  // A participle the parse reads as a noun's modifier, only where a modifier stands: after a determiner, a number, a
  // possessive, a preposition or a comma ("the proposed merger", "Mikulic's proposed program", "imports, proposed
  // federal regulations"), past an adverb ("widely panned", "the previously announced issue"). Not after a noun, its
  // subject ("members reported inventories"), a word the parse may have misread as an adjective ("The official
  // denied ..."), an auxiliary ("has also detailed"), "and" ("... and rejected calls"), nor a comma and an adverb
  // that sits before a verb ("The report, ..., also noted").
  if (rel === 'amod') {
    let b = k - 1;
    let between = false;
    for (; b >= 0 && s.upos[b] === 'ADV'; b--) if (AUX_ADVERBS.has(lower(s, b))) between = true;
    if (b < 0 || s.heads[k] < k) return false;
    return /^(?:DET|NUM|PART|ADP)$/.test(s.upos[b]) || (s.tokens[b].form === ',' && !between) || /^(?:his|her|its|their|our|my|your)$/i.test(s.tokens[b].form) || /['’]s?$/.test(s.tokens[b].form);
  }
  // A reduced relative right after its noun ("a single called ...", "the retailers questioned for ..."), not a verb
  // the parse hung on an apposition ("Norman Robertson, Mellon Bank chief economist, called ...").
  // It names ("called Harbour Lights") or has its agent or purpose after it ("questioned for the survey"); a plural
  // subject the parse misread before a verb and its object ("members reported inventories") does not.
  const head = s.heads[k];
  const next = s.tokens[k + 1]?.form ?? '';
  // It names a thing brought in with "a" ("a firm called Swarm"), not "the letter called Oz a quack".
  let d = k - 1;
  while (d > 0 && (s.upos[d] === 'NOUN' || s.upos[d] === 'ADJ' || s.upos[d] === 'ADV') && k - d <= 5) d--;
  const indefinite = /^an?$/i.test(s.tokens[d]?.form ?? '');
  // ("The accord called for payments": a verb and its particle, PARTICLE_VERBS.)
  const particle = PARTICLE_VERBS.has(`${CUE_FORMS.get(form)?.base ?? form} ${next.toLowerCase()}`);
  const reduced = (/^\p{Lu}/u.test(next) && indefinite) || (/^(?:by|for)$/i.test(next) && !particle);
  return rel === 'acl' && head === k - 1 && (s.upos[head] === 'NOUN' || s.upos[head] === 'ADJ') && reduced && !kids.some((c) => s.deprels[c].startsWith('nsubj') || s.deprels[c] === 'aux' || s.deprels[c] === 'mark');
}

/** Dependents that make a word a noun in a phrase of its own: "an initial public offering", "a 100 mln dlr offering". */
const NOUN_DEPENDENTS = new Set(['amod', 'nummod', 'nmod:poss']);
/** A noun's places in a clause: the subject or object of another verb ("when charges for cover rose"). */
const NOUN_RELATIONS = new Set(['nsubj', 'obj', 'iobj', 'obl', 'nmod', 'nsubj:pass']);

/** Whether the parse reads the word at offset `at` as a verb with a subject of its own: a clause's verb, not "appointed" in "the newly appointed Secretary". */
function clauseVerbAt(adoc: AnalysedDocument, at: number): boolean {
  const si = adoc.sentenceAt(at);
  if (si < 0) return false;
  const s = adoc.sentence(si);
  const k = s.tokens.findIndex((t) => t.start <= at && at < t.end);
  if (k < 0 || (s.upos[k] !== 'VERB' && s.upos[k] !== 'AUX')) return false;
  return children(s, k).some((c) => s.deprels[c] === 'nsubj' && c < k);
}

/** Index of the statement token covering offset `at` (or the first after it). */
function tokenCovering(doc: Doc, at: number): number {
  const k = doc.tokenAt(at);
  return k > 0 && doc.tokens[k - 1].b > at ? k - 1 : k;
}

/**
 * The speaker phrase of a rule candidate, corrected where the parse shows the rules' phrase to be wrong:
 *  - cut short: the parse's phrase holds the rules' one and more of the same phrase ("Clinton spokesman Nick
 *    Merrill" for "Nick Merrill", "federal prosecutors" for "prosecutors"), with no comma or quotation inside;
 *  - across a clause: the rules' phrase holds a verb the parse's phrase does not ("Tories failed" before
 *    "after Liberals demanded"): the cue's own subject speaks.
 * Elsewhere the rules' phrase stands: where they disagree otherwise the parse is more often the one wrong
 * (an apposition read as the head, a participle's subject).
 */
export function attachSpeaker(doc: Doc, adoc: AnalysedDocument, cand: Pick<Candidate, 'mention' | 'cue' | 'quote'>): Span | null {
  const mention = cand.mention;
  if (!mention || !cand.cue) return mention;
  // Parse only where the parse can change the rules' phrase: most cues are never parsed.
  if (!parseMayChange(doc, adoc, mention, cand.cue)) return mention;
  const t = doc.tokens;
  const parsed = speakerOnParse(adoc, t[cand.cue[0]].a);
  if (!parsed) return mention;
  const ps = tokenCovering(doc, parsed.span[0]);
  const pe = tokenCovering(doc, parsed.span[1] - 1);
  const [ms, me] = mention;
  if (ps > pe || pe >= t.length) return mention;
  // The speaker is never inside the words, never the cue, never across a sentence.
  if (t[ps].a < cand.quote[1] && cand.quote[0] < t[pe].b) return mention;
  if (ps <= cand.cue[1] && cand.cue[0] <= pe) return mention;
  if (doc.sentenceOf[ps] !== doc.sentenceOf[pe] || doc.sentenceOf[ps] !== doc.sentenceOf[cand.cue[0]]) return mention;
  // "The 1951 Refugee Convention, which requires ...", "Donna Rawlings, 59, of Ashton, who said": a relative
  // pronoun stands for the noun phrase it follows, up to its first comma.
  if (ms === me && RELATIVE_WORDS.has(t[ms].lo) && pe < ms) {
    let end = ps;
    while (end < pe && t[end + 1].t !== ',') end++;
    for (let k = ps; k <= end; k++) if (doc.quoteMark[k] || doc.inQuote[k] >= 0) return mention;
    return [ps, end];
  }
  // "Several judges handling lawsuits about ... secretary of state have cited", "Members of the committee
  // investigating the sale of the bank have said": the rules' phrase is the end of a clause that modifies the
  // subject; the subject's own phrase speaks.
  if (pe < ms - 1 && t[ms].a >= parsed.subtree[0] && t[me].b <= parsed.subtree[1] && (parsed.upos === 'NOUN' || parsed.upos === 'PROPN') &&
    MODIFIER_CASES.test(t[ms - 1].lo) && t.slice(pe + 1, ms).some((x) => x.word && !x.cap && x.lo.endsWith('ing'))) {
    let clear = true;
    for (let k = ps; k <= pe; k++) if (t[k].t === ',' || doc.quoteMark[k] || doc.inQuote[k] >= 0) clear = false;
    for (let k = pe + 1; k < ms; k++) if (t[k].t === ',' || doc.quoteMark[k] || doc.inQuote[k] >= 0) clear = false;
    if (clear) return [ps, pe];
  }
  for (let k = ps; k <= pe; k++) if (t[k].t === ',' || doc.quoteMark[k] || doc.inQuote[k] >= 0 || RELATIVE_WORDS.has(t[k].lo)) return mention;
  if (ps <= ms && me <= pe) {
    // "A minimum of 4,000 residents", "a number of members of Congress": a quantity before "of" is not who speaks.
    for (let k = ps; k < ms; k++) if (t[k].lo === 'of') return mention;
    return ps === ms && pe === me ? mention : [ps, pe];
  }
  // A verb in the rules' phrase that the parse's phrase leaves out: the rules ran across a clause.
  const nominal = parsed.upos === 'NOUN' || parsed.upos === 'PROPN' || parsed.upos === 'PRON';
  if (!nominal) return mention;
  for (let k = ms; k <= me; k++) {
    if (k >= ps && k <= pe) continue;
    if (!t[k].cap && clauseVerbAt(adoc, t[k].a)) return [ps, pe];
  }
  return mention;
}

/**
 * Whether the punctuation at [a, b), beside a speaker phrase on `side` of it (-1 before, 1 after), is a token of
 * its own for the parser too (tokenization only, no model runs), set off by a space from the words away from the
 * phrase: the parse's phrase never holds it then. A mark the parser's tokens join to a word ("E.U.", "@handle",
 * "Inc.") or that is written against the next word away from the phrase ("Kenteris' lawyer") may be part of one.
 */
function punctuationAlone(adoc: AnalysedDocument, a: number, b: number, side: -1 | 1): boolean {
  const si = adoc.sentenceAt(a);
  if (si < 0) return true;
  const tokens = adoc.tokens(si);
  const k = tokens.findIndex((x) => x.start <= a && a < x.end);
  if (k < 0) return true;
  const x = tokens[k];
  if (x.start < a || x.end > b) return false;
  const far = tokens[k + side];
  // Written without spaces between two tokens ("Holtz-Eakin", "10:30"): part of a word.
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  if (before && after && before.end === x.start && x.end === after.start) return false;
  return !far || !JOINING_MARKS.test(x.form) || !/[\p{L}\p{N}]/u.test(far.form) || (side < 0 ? far.end !== x.start : x.end !== far.start);
}

/** Marks a parser's token may join to the word before or after them ("E.U.", "Kenteris' lawyer", "@handle"). */
const JOINING_MARKS = /^[.'’\-@&\/]+$/;
/** Conjunctions that join two nouns into one phrase ("Smith and Jones"). */
const COORDINATORS = new Set(['and', 'or', 'nor', 'but', '&']);

/** Words that are never a verb in a speaker phrase: pronouns, determiners, "of", "and". */
const NEVER_VERBS = new Set([...DETERMINERS, ...SPEAKER_PRONOUNS, 'him', 'them', 'us', 'me', 'of', 'and', 'or']);

/** A lower-case word of the rules' phrase that the tagger may read as a clause's verb (see attachSpeaker). */
function mayBeVerb(w: string): boolean {
  if (NEVER_VERBS.has(w) || /^\p{N}/u.test(w)) return false;
  if (IRREGULAR_VERB_FORMS.has(w)) return true;
  const bare = w.replace(/(?<=[^s])s$/, '');
  if (SPEAKER_NOUNS.has(w) || SPEAKER_NOUNS.has(bare) || TITLE_WORDS.has(w) || TITLE_WORDS.has(bare) || ORG_HEADS.has(w) || ORG_HEADS.has(bare)) return false;
  // A word WordNet knows only as a noun, an adjective or an adverb ("former", "federal", "senior").
  const c = wordClasses(w);
  return c.mask === 0 || (c.mask & 2) !== 0;
}

/**
 * Whether the parse can change the rules' speaker phrase [ms, me] of the cue [cs, ce] (attachSpeaker's three
 * corrections), judged from the words alone, so that a sentence is parsed only where it can: a relative pronoun;
 * a word beside the phrase that a longer phrase of the parse could take in (not a comma, a quotation mark, the
 * cue, a sentence boundary, punctuation set off by a space, a conjunction or a preposition with such a boundary
 * before it, nor the auxiliaries and adverbs between the phrase and its cue); a lower-case word that may be a verb.
 */
export function parseMayChange(doc: Doc, adoc: AnalysedDocument, [ms, me]: Span, [cs, ce]: Span): boolean {
  const t = doc.tokens;
  if (ms === me && RELATIVE_WORDS.has(t[ms].lo)) return true;
  const sentence = doc.sentenceOf[cs];
  /** Token k, beside the phrase, ends any phrase of the parse there. */
  const wall = (k: number, side: -1 | 1): boolean =>
    k < 0 || k >= t.length || doc.sentenceOf[k] !== sentence || t[k].t === ',' || !!doc.quoteMark[k] || doc.inQuote[k] >= 0 ||
    RELATIVE_WORDS.has(t[k].lo) || (k >= cs && k <= ce) || (!t[k].word && punctuationAlone(adoc, t[k].a, t[k].b, side));
  // Before the phrase: "of" there keeps the rules' phrase ("a number of members"); a subordinator or a preposition
  // other than one of belonging opens a clause or a phrase of its own ("after Liberals demanded", "officials in
  // Washington"); a conjunction joins nothing after a boundary ("But Trump said"), only a noun ("Smith and Jones").
  const l = ms - 1;
  // "judges handling lawsuits about ... of state have cited": after a preposition, a participle further back in
  // the sentence may open a clause that modifies the subject.
  if (l > 0 && MODIFIER_CASES.test(t[l].lo)) {
    for (let k = l - 1; k >= 0 && doc.sentenceOf[k] === sentence && t[k].t !== ','; k--) if (t[k].word && !t[k].cap && t[k].lo.endsWith('ing') && k > 0 && doc.sentenceOf[k - 1] === sentence && t[k - 1].word) return true;
  }
  const leftWall = l >= 0 && PHRASE_EDGE_WORDS.has(t[l].lo) && (COORDINATORS.has(t[l].lo) ? wall(l - 1, -1) : !INNER_CASES.has(t[l].lo));
  if (!wall(l, -1) && t[l].lo !== 'of' && !leftWall) return true;
  // After the phrase: only auxiliaries and adverbs before the cue ("Smith has also said") take in nothing.
  // Nor a preposition other than one of belonging ("the NATO chief on Tuesday", not "a spokesman for the
  // ministry"), nor the phrase's own reporting verb ("Stoltenberg said, adding ...").
  let r = me + 1;
  if (cs > me) while (r < cs && AUX_ADVERBS.has(t[r].lo)) r++;
  const rightWall = r < t.length && !t[r].cap && ((PHRASE_EDGE_WORDS.has(t[r].lo) && !INNER_CASES.has(t[r].lo) && !COORDINATORS.has(t[r].lo)) || (CUE_FORMS.has(t[r].lo) && !NOUN_FIRST_FORMS.has(t[r].lo) && !t[r].lo.endsWith('s')));
  if (r !== cs && !rightWall && !wall(r, 1)) return true;
  for (let k = ms; k <= me; k++) if (t[k].word && !t[k].cap && mayBeVerb(t[k].lo)) return true;
  return false;
}
