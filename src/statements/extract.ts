/**
 * Statements: who said what. Rules over one article, in passes (a token one pass uses is not used again):
 *  1. posts.ts: embedded posts ("— Name (@handle) Month D, YYYY"), quotations signed after a dash
 *     ("“...” ― Ana Cruz") and headlines "Name: claim";
 *  2. direct.ts: quotations (quotes.ts) with a cue beside them, split around their cue, or continuing
 *     the previous quote's speaker;
 *  3. reported.ts: per sentence, every reporting verb (cues.txt) with a speaker beside it, and
 *     "according to X"; a clause holding a quoted fragment is mixed.
 * Here: speakers resolved in text order (speakers.ts), repeats dropped, dates resolved against the
 * publication date (src/text/when.ts), rows.
 */
import type { SegmentedArticle } from '../schema/records.ts';
import { makeId } from '../util/ids.ts';
import { resolveDates } from '../text/when.ts';
import { findQuotes } from './quotes.ts';
import { speakerCountry } from './countries.ts';
import { findEntities, SpeakerResolver, type Resolved } from './speakers.ts';
import { pronounGender } from './gender.ts';
import { Doc, type Candidate, type StatementKind } from './doc.ts';
import { cueAt, endsInPastVerb } from './phrases.ts';
import { directQuotes, isTitle, quotationsAfterReported } from './direct.ts';
import { ownTreatmentAt, reportedSpeech } from './reported.ts';
import { attachSpeaker, cueIsNoVerb } from './attach.ts';
import { ArticleEntities, anonymousOffice, qualifiedDescription, speakerWords } from './coreference.ts';
import { CUE_NOUNS, SPEAKER_NOUNS, TITLE_WORDS, VERB_ONLY_CUES } from './lexicon.ts';
import { AUX_ADVERBS, SPEAKER_PRONOUNS } from './tokens.ts';
import { canonicalSpeaker, speakerForm, fullCompanyNames, possessiveCompanyNames, fullestNames, officeHead, speakerType, type SpeakerType } from './canonical.ts';
import { AnalysedDocument } from '../nlp/document.ts';
import { DESCRIPTION_HEADS } from '../nlp/coreference.ts';
import { embeddedPosts, headlineClaim, signedQuotes, transcriptTurns } from './posts.ts';
import { shippedModel } from './tagger/model.ts';
import { taggedStatements, type StatementScope } from './tagger/learned.ts';

export interface StatementRow {
  statement_id: string;
  article_id: string;
  speaker: string;
  speaker_id: string;
  speaker_type: SpeakerType;
  speaker_mention: string;
  speaker_mention_start: number | null;
  speaker_mention_end: number | null;
  speaker_role: string;
  speaker_country: string;
  quote: string;
  kind: StatementKind;
  cue: string;
  cue_start: number | null;
  cue_end: number | null;
  channel: string;
  date: string;
  start: number;
  end: number;
  confidence: number;
}

const DATE_HINT = /\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|ago)\b/;

function tokenF1(ta: string[], tb: string[]): number {
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

export interface StatementOptions {
  /** speech (default): words said or written; attribution: also positions and intentions (see learned.ts). */
  scope?: StatementScope;
  /** The article's analysis, shared with the events extractor so that a sentence is parsed once. */
  analysis?: AnalysedDocument;
}

/**
 * Paragraphs that are title lines: the article's title when it heads the text, and a short line in
 * capitals without a full stop among the first two paragraphs (wire headlines, "END OF MAJOR OFFENSIVE").
 * Our gold for the samples counts no headline as a statement (content F1 0.928 -> 0.947); PolNeAR's
 * annotators count a headline that attributes words ("De Blasio says ..."), so its dev F1 moves 0.762 -> 0.760.
 */
export function titleLines(article: Pick<SegmentedArticle, 'text' | 'paragraphs' | 'title' | 'titleInText'>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  article.paragraphs.slice(0, 2).forEach(([a, b], i) => {
    const p = article.text.slice(a, b).trim();
    const isTitle = i === 0 && !!article.title && p === article.title.trim() && article.paragraphs.length > 1;
    const capitals = p.length <= 160 && !/\p{Ll}/u.test(p) && (p.match(/\p{Lu}{2,}/gu) ?? []).length >= 2 && !/[.!?]["'”’]?$/.test(p);
    if (isTitle || capitals) out.push([a, b]);
  });
  return out;
}

/**
 * "The China Daily quoted Yang Jike, vice-governor of Anhui, as saying ...": the one quoted speaks, not who quotes
 * them. The cue becomes the verb after "as", the speaker the phrase before it (up to an apposition's comma), the
 * words what follows the verb.
 */
export function quotedAsSaying(doc: Doc, c: Candidate): void {
  if (!c.cue || !c.mention) return;
  const t = doc.tokens;
  if (!/^quot(?:ed|ing|es|e)$/.test(t[c.cue[0]].lo)) return;
  const q0 = doc.tokenAt(c.quote[0]);
  if (q0 !== c.cue[1] + 1 || q0 >= t.length || !t[q0].word) return;
  for (let k = q0 + 1; k < Math.min(t.length - 2, q0 + 20); k++) {
    if ([';', '.', '!', '?', ':'].includes(t[k].t) || doc.quoteMark[k] || doc.sentenceOf[k] !== doc.sentenceOf[q0]) return;
    if (t[k].lo !== 'as' || !/ing$/.test(t[k + 1].lo) || !cueAt(t[k + 1])) continue;
    let e = q0;
    while (e + 1 < k && t[e + 1].t !== ',') e++;
    let s = k + 2;
    if (t[s]?.t === ',') s++;
    if (s >= t.length || t[s].a >= c.quote[1]) return;
    c.quoter = c.mention;
    c.mention = [q0, e];
    c.cue = [k + 1, k + 1];
    c.quote = [t[s].a, c.quote[1]];
    return;
  }
}

/** Nouns of words asked for or said, whose agent after "by" is who said them: "demands by governors that he resign". */
const AGENT_NOUNS = new Set(['demand', 'demands', 'call', 'calls', 'claim', 'claims', 'request', 'requests', 'accusation', 'accusations', 'allegation', 'allegations', 'charge', 'charges', 'suggestion', 'suggestions', 'appeal', 'appeals', 'proposal', 'proposals', 'criticism', 'warning', 'warnings', 'pleas', 'plea', 'urging']);

/**
 * "Funaro shrugged off demands by a group of governors that he resign": the words after a noun of speech with its
 * agent after "by" are the agent's, not those of the subject who dismissed them.
 */
export function nounAgent(doc: Doc, c: Candidate): void {
  if (!c.cue || c.kind === 'direct') return;
  const t = doc.tokens;
  const noun = c.cue[1];
  if (!AGENT_NOUNS.has(t[noun].lo) || t[noun + 1]?.lo !== 'by') return;
  const q0 = doc.tokenAt(c.quote[0]);
  const e = q0 - 1;
  if (e < noun + 2 || e - noun > 9 || doc.sentenceOf[e] !== doc.sentenceOf[noun]) return;
  for (let k = noun + 2; k <= e; k++) if (!t[k].word || cueAt(t[k]) && !t[k].cap) return;
  c.mention = [noun + 2, e];
}

/** A group brought in without a name at the start of a sentence ("A shareholder group led by Ann Lee"). */
const GROUP_INTRO = /(?:^|[.!?]["”’]?\s+|\n\s*)(?:[Aa]n?|[Tt]wo|[Tt]hree)\s+((?:\p{Ll}[\p{Ll}'’-]*\s+){0,3})group\b(?:(?:\s+of\s+(?:[\p{Ll}\p{N}][\p{L}\p{N}'’-]*\s+){1,6}?)?\s*,?\s*(led|controlled|headed)\s+by\s+([^;:()"“”]{1,80}))?/gu;

/** The name in the words after "led by": the last run of capitalised words before the clause goes on ("New York investor George Soros said" gives "George Soros"). */
function leaderName(words: string): string {
  const run: string[] = [];
  let last: string[] = [];
  for (const w of words.split(/\s+/)) {
    const bare = w.replace(/,$/, '');
    if (/^\p{Lu}/u.test(bare)) {
      run.push(bare);
      if (w.endsWith(',')) { last = [...run]; run.length = 0; }
      continue;
    }
    if (run.length) last = [...run];
    run.length = 0;
    if (!/^\p{Ll}[\p{Ll}-]*$/u.test(w) || !(TITLE_WORDS.has(w) || SPEAKER_NOUNS.has(w) || /^(?:investor|investors|financier|businessman)$/.test(w))) break;
  }
  if (run.length) last = [...run];
  return last.join(' ').replace(/[.,]$/, '');
}

/**
 * "A group of investment firms led by Ann Lee said ... The group said": "the group" is the group the article
 * brought in without a name at the start of a sentence, not a body named near it ("a filing with the Securities
 * and Exchange Commission"), unless a group with a name ("the Cairns Group", "the Halcyon group") comes after it.
 * Its words ("investor group led by Ann Lee"), or undefined when no such group is within reach.
 */
export function introducedGroup(text: string, at: number): string | undefined {
  const from = Math.max(0, at - 1500);
  const before = text.slice(from, at);
  let last: RegExpExecArray | undefined;
  for (const m of before.matchAll(GROUP_INTRO)) last = m as RegExpExecArray;
  if (!last) return undefined;
  const after = before.slice(last.index! + last[0].length - (last[3]?.length ?? 0));
  // "a group called the Alliance", "a group, Save the Regiments,": the group has a name.
  if (/^\s*(?:,\s*)?(?:called|named|known\s+as)\b/.test(after)) return undefined;
  // "The Koether group's letter": the group's name, written after it ("Cairns Group": a name the resolver knows).
  const named = [...after.matchAll(/\b((?:(?!(?:The|A|An|This|That|Its|Their|His|Her)\b)\p{Lu}[\p{L}'’-]*\s+){1,3})([Gg])roup\b/gu)].at(-1);
  if (named) return named[2] === 'g' ? `${named[1].trim()} group` : undefined;
  // "The group, Cyacq Acquisition Corp, said": named right after.
  if (/^\s*,\s*\p{Lu}/u.test(text.slice(at + 9, at + 12))) return undefined;
  const mods = last[1].trim();
  const words = `${mods ? mods + ' ' : ''}group`;
  const leader = last[3] ? leaderName(last[3]) : '';
  return leader ? `${words} ${last[2]} by ${leader}` : words;
}

export function extractStatements(article: SegmentedArticle, opts: StatementOptions = {}): StatementRow[] {
  const text = article.text;
  const doc = new Doc(text, article, findQuotes(text, article.paragraphs));
  const used = new Uint8Array(doc.tokens.length);
  const claims = headlineClaim(doc, used);
  const candidates: Candidate[] = [...embeddedPosts(doc, used), ...signedQuotes(doc, used), ...transcriptTurns(doc, used), ...directQuotes(doc, used), ...claims];
  // Direct quotes' speakers, for a participle after them ("..., Stoltenberg said, adding that ...").
  const mentionOf = new Int32Array(doc.tokens.length);
  for (const c of candidates) if (c.mention) for (let k = c.mention[0]; k <= c.mention[1]; k++) mentionOf[k] = c.mention[0] + 1;
  for (const [lo, hi] of doc.sentenceRange) if (hi > lo) candidates.push(...reportedSpeech(doc, used, mentionOf, lo, hi));
  quotationsAfterReported(doc, candidates, used);
  candidates.push(...learnedStatements(doc, candidates, opts.scope ?? 'speech'));
  // A title line is no statement ("BAGHDAD SAYS OFFENSIVE OVER"), unless it names its source before a colon.
  const titles = titleLines(article);
  if (titles.length) {
    const keep = candidates.filter((c) => claims.includes(c) || !titles.some(([a, b]) => c.quote[0] >= a && c.quote[1] <= b));
    candidates.splice(0, candidates.length, ...keep);
  }
  candidates.sort((x, y) => x.quote[0] - y.quote[0] || x.quote[1] - y.quote[1]);

  // The speaker phrase the parse gives the cue where it shows the rules' phrase cut short or run across a clause.
  const parsed = opts.analysis ?? new AnalysedDocument(text, article.sentences);
  for (const c of candidates) c.mention = attachSpeaker(doc, parsed, c);
  // "an initial public offering", "a song called Blue Morning": a cue the parse reads as no clause's verb.
  const verbal = candidates.filter((c) => !nounCue(doc, parsed, c));
  candidates.splice(0, candidates.length, ...verbal);
  for (const c of candidates) quotedAsSaying(doc, c);
  for (const c of candidates) nounAgent(doc, c);

  // Resolve speakers in text order so that "he said" finds the speaker before it.
  const found = findEntities(text);
  // A country named only by a people's adjective ("the French regulator") is for the coreference resolver alone.
  const entities = found.filter((e) => !e.modifier);
  const resolver = new SpeakerResolver(entities, text);
  const articleEntities = new ArticleEntities(doc, found);
  const t = doc.tokens;
  const rows: StatementRow[] = [];
  const byCue = [...candidates].sort((x, y) => anchorOf(doc, x) - anchorOf(doc, y));
  const resolved = new Map<Candidate, Resolved & { mention: string; unresolved: boolean }>();
  const notPeople = new Set<string>();
  let anonymousBefore: { at: number; speaker: string } | undefined;
  /** Unnamed groups quoted with a qualifier, by their plural head: "officials" -> "U.S. officials". */
  const qualifiedGroups = new Map<string, { at: number; speaker: string }>();
  /** The speaker of the last quotation, for "we" or "I" inside the next one. */
  let lastQuoted: { at: number; end: number; speaker: string; role: string; unresolved: boolean } | undefined;
  /** Documents the speakers said things in ("in a letter to employees"), for a later "the letter". */
  const authors: Array<{ at: number; noun: string; speaker: string }> = [];
  for (const c of byCue) {
    if (!c.mention) continue;
    const at = t[c.mention[0]].a;
    const mention = text.slice(at, t[c.mention[1]].b);
    const sentence = doc.sentenceRange[doc.sentenceOf[c.mention[0]]];
    const context = sentence && sentence[1] > sentence[0] ? { sentenceStart: t[sentence[0]].a, cueAt: c.cue ? t[c.cue[0]].a : t[c.mention[1]].b } : undefined;
    // "PENCE:" is the Pence the prose names ("Governor Mike Pence").
    // "I’m going to read you ...": a pronoun with its verb contracted is the pronoun.
    const uncontracted = mention.replace(/^(I|he|she|we|they)[’'](m|s|re|ve|d|ll)$/i, '$1');
    const written = c.capitals ? uncontracted.replace(/\p{Lu}+/gu, (w) => w[0] + w.slice(1).toLowerCase()) : uncontracted;
    let r = resolver.resolve(written, at, context);
    // "Moody's cited ...", "McDonald's said": a capitalised name in 's that is its verb's subject is the whole name.
    if (r.speaker === mention.replace(/[’']s$/, '') && possessiveName(doc, c)) r = { ...r, speaker: mention };
    // '"We note that ..."' in a quotation going on from the one before: "we" inside quotation marks is who is
    // quoted, the speaker of the quotation before it, not the last group named. ("I" keeps the last person: a
    // quotation inside the quotation, "he said 'I do'", may have spoken last.)
    const quoted = doc.inQuote[c.mention[0]] >= 0 || (c.mention[0] > 0 && /^["“]$/.test(t[c.mention[0] - 1].t) && doc.paragraphOf[c.mention[0] - 1] === doc.paragraphOf[c.mention[0]] && (c.mention[0] === 1 || doc.paragraphOf[c.mention[0] - 2] !== doc.paragraphOf[c.mention[0]]));
    if (/^we$/i.test(mention) && quoted && lastQuoted && at - lastQuoted.at < 1500 && !lastQuoted.unresolved) r = { speaker: lastQuoted.speaker, role: lastQuoted.role };
    // A pronoun or a description ("it", "the company") the speaker rules leave as written goes to the entity the
    // article names; when it names none, the speaker is unresolved rather than guessed.
    // "a spokesman" is someone new; "the spokesman" of no named office is no one in particular (an anonymous source).
    let unresolved = false;
    const indefinite = /^(?:a|an|one|another)\s/i.test(mention);
    // "The company spokesman", "a company official": the office of the company the article names ("Kestrel spokesman").
    const firmOffice = /^(company|firm|bank)\s+(spokes(?:man|woman|person|men|women)|officials?|executives?|sources?)$/i.exec(r.speaker);
    let officeOf = false;
    if (firmOffice && !c.quoter) {
      const entity = articleEntities.resolve(`the ${firmOffice[1].toLowerCase()}`, at);
      // (A name, not a run the rules cut short or padded: "Co Inc", "Company officials", "Two World Bank"; a bank's has
      // its word.)
      const ws = entity?.name.split(' ') ?? [];
      const plausible = ws.length > 0 && /^\p{Lu}/u.test(ws[0]) && !COMPANY_SUFFIX.test(ws[0]) && !/^(?:Company|Two|Three|One|Four|Five)$/.test(ws[0]) && ws.every((w) => /^[\p{Lu}\p{N}<]/u.test(w) || /^(?:of|and|de|du|la|le|&)$/.test(w)) && (firmOffice[1].toLowerCase() !== 'bank' || /ban[kc]/i.test(entity!.name));
      if (entity && entity.cls === 'organisation' && plausible) {
        r.speaker = `${entity.name} ${firmOffice[2]}`;
        officeOf = true;
      }
    }
    // "X, in a letter to employees, said ... According to the letter, ...": the document goes to its author, whom the
    // sentence bringing it in quoted.
    const document = /^the\s+(\p{Ll}+)$/iu.exec(mention)?.[1].toLowerCase();
    const author = document && AUTHORED.has(document) ? [...authors].reverse().find((x) => x.noun === document && at - x.at < 3000) : undefined;
    if (author) {
      r.speaker = author.speaker;
      r.role = '';
    }
    const words = speakerWords(r.speaker);
    // "..., a Kestrel spokesman said. ..., the spokesman said": the unnamed person named before goes on ("the
    // agency", "the company" are the organisation the article names, below).
    const office = /^the\s+(\p{Ll}+)$/iu.exec(mention);
    const group = /^the\s+group$/i.test(mention) ? introducedGroup(text, at) : undefined;
    const organisation = office && ['organisation', 'place'].includes(DESCRIPTION_HEADS.get(office[1].toLowerCase())?.cls ?? '');
    // "U.S. officials said ... The officials added": the group quoted before with its qualifier goes on.
    const plural = /^the\s+(\p{Ll}+s)$/iu.exec(mention)?.[1].toLowerCase();
    const qualified = plural && r.speaker.toLowerCase() === plural ? qualifiedGroups.get(plural) : undefined;
    if (group) {
      r.speaker = group;
      r.role = '';
    } else if (qualified && at - qualified.at < 3000) {
      r.speaker = qualified.speaker;
      r.role = '';
    } else if (office && !organisation && anonymousBefore && at - anonymousBefore.at < 1500 && anonymousBefore.speaker !== r.speaker && anonymousBefore.speaker.toLowerCase().split(' ').pop() === office[1].toLowerCase()) {
      r.speaker = anonymousBefore.speaker;
      r.role = '';
    } else if (!indefinite && words !== 'other') {
      const entity = articleEntities.resolve(r.speaker, at);
      if (entity) {
        r.speaker = entity.name;
        if (!r.role) r.role = resolver.roleOf(entity.name);
        // What "it" or "the company" stands for is no person, whatever its two capitalised words suggested.
        if (entity.cls !== 'person' && !/^(?:he|she)$/i.test(r.speaker)) notPeople.add(entity.name);
      } else if (words === 'pronoun' && anonymousBefore && at - anonymousBefore.at < 600 && /^(?:he|she)$/i.test(r.speaker) && !resolver.personSaidSince(anonymousBefore.at, pronounGender(r.speaker))) {
        // "..., a company spokesman said. He said ...": the unnamed speaker goes on.
        r.speaker = anonymousBefore.speaker;
      } else unresolved = !anonymousOffice(r.speaker) && !qualifiedDescription(r.speaker);
    } else if (/^(?:he|she)$/i.test(mention) && anonymousBefore && at - anonymousBefore.at < 300 && !articleEntities.clearPerson(r.speaker) && !resolver.personSaidSince(anonymousBefore.at, pronounGender(mention))) {
      // (Not past a person quoted since: "The spokeswoman, Davia Tamsin, said ... She also declined" is Tamsin.)
      // "..., a company spokesman said. He said ...": the unnamed speaker goes on, not a firm's name read as a man's.
      r.speaker = anonymousBefore.speaker;
      r.role = '';
    } else if (/\p{Lu}/u.test(r.speaker) && !officeOf && !(c.quoter && speakerType(r.speaker, { person: false }) === 'anonymous source')) articleEntities.spoke(r.speaker, at, resolver.isPersonName(r.speaker));
    // Only an unnamed office goes on in a later "he said" ("company spokesman", "a senior official"), not a thing.
    if (!unresolved && speakerType(r.speaker, { person: false }) === 'anonymous source' && officeHead(r.speaker)) anonymousBefore = { at, speaker: r.speaker };
    resolver.record(at, unresolved ? '' : r.speaker);
    const head = /^(?:\S+\s+){1,3}(\p{Ll}+s)$/u.exec(r.speaker)?.[1];
    if (!unresolved && head && SPEAKER_NOUNS.has(head.replace(/s$/, '')) && !/^(?:the|a|an|one|some|many|most|other|several|two|three|both|all|these|those)\s|\sof\s+the\s/i.test(r.speaker)) qualifiedGroups.set(head, { at, speaker: r.speaker });
    resolved.set(c, { ...r, mention, unresolved });
    // (Not a speaker inside the last quotation: "we support the government's view that ...".)
    if (c.kind !== 'indirect' && !(lastQuoted && at < lastQuoted.end)) lastQuoted = { at, end: c.quote[1], speaker: r.speaker, role: r.role, unresolved };
    // (An author is a name: not "dlrs", "countries" the rules read as a speaker.)
    if (!unresolved && /^\p{Lu}/u.test(r.speaker) && speakerType(r.speaker, { person: false }) !== 'group' && !AUTHORED.has(r.speaker.toLowerCase()) && sentence && sentence[1] > sentence[0]) {
      const said = text.slice(t[sentence[0]].a, t[sentence[1] - 1].b);
      for (const m of said.matchAll(/\b(?:in|with)\s+(?:a|an|its|his|her|their)\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/gu)) {
        const noun = AUTHORED.has(m[1]) ? m[1] : m[2];
        if (noun && AUTHORED.has(noun)) authors.push({ at, noun, speaker: r.speaker });
      }
    }
    if (c.quoter) {
      // Who quoted the speaker spoke last for a later "it said" ("The paper quoted X as saying ... It said ...").
      const qat = t[c.quoter[0]].a;
      const quoter = resolver.resolve(text.slice(qat, t[c.quoter[1]].b), qat);
      if (/\p{Lu}/u.test(quoter.speaker) && speakerWords(quoter.speaker) === 'other') {
        articleEntities.spoke(quoter.speaker, qat, false);
        resolver.record(at, quoter.speaker, false);
      }
    }
  }
  // '"He made it clear he wanted a long deal," Lund said': a "he" or "she" inside X's own quotation is someone else
  // (X would say "I"): the person of that gender named before it, other than X; else no one.
  for (const [c, r] of resolved) {
    if (!c.mention || c.mention[0] !== c.mention[1] || !/^(?:he|she)$/.test(t[c.mention[0]].lo)) continue;
    const at = t[c.mention[0]].a;
    if (doc.inQuote[c.mention[0]] < 0 && !insideMarks(doc, at)) continue;
    // Whose quotation it is: the quoted words nearest before it in its paragraph (a quotation goes on across its
    // sentences' marks: 'X told the BBC: "... . "He made it clear he ..."').
    const paragraph = doc.paragraphOf[c.mention[0]];
    let quotation: [Candidate, Resolved & { unresolved: boolean }] | undefined;
    for (const [k, w] of resolved) {
      const q = Math.min(doc.tokenAt(k.quote[0]), t.length - 1);
      if (k === c || k.quote[0] > at || doc.paragraphOf[q] !== paragraph || (doc.inQuote[q] < 0 && !doc.quoteMark[q] && !/["“”]\s*$/.test(text.slice(Math.max(0, k.quote[0] - 3), k.quote[0])))) continue;
      if (!quotation || k.quote[0] > quotation[0].quote[0]) quotation = [k, w];
    }
    if (!quotation || quotation[1].unresolved || quotation[1].speaker !== r.speaker) continue;
    const other = resolver.otherPerson(at, pronounGender(t[c.mention[0]].lo), r.speaker);
    resolved.set(c, { ...r, speaker: other ?? '', role: other ? resolver.roleOf(other) : '', unresolved: !other });
  }
  // One spelling per person in the article: the fullest name it gives ("Marine Le Pen" for "Le Pen").
  // One spelling for a name written with and without an initial's dot ("Davia B. Tamsin", "Davia B Tamsin").
  const dotted = new Map<string, string>();
  for (const { speaker } of resolved.values()) if (/\b\p{Lu}\.\s/u.test(speaker)) dotted.set(speaker.replace(/\b(\p{Lu})\.(?=\s)/gu, '$1'), speaker);
  for (const r of resolved.values()) r.speaker = dotted.get(r.speaker) ?? r.speaker;
  const fullest = fullestNames([...resolved.values()].map((r) => r.speaker), entities.filter((e) => e.person).map((e) => e.name), (n) => resolver.genderOf(n, true));
  // "Caesars said" after "Caesars World Inc said": the company's full name.
  // "Moody's cited ..." after or before "Moody's Investors Service Inc": the name the article writes in full.
  for (const [short, full] of possessiveCompanyNames([...resolved.values()].map((r) => r.speaker), text)) if (!fullest.has(short)) fullest.set(short, full);
  // "Reebok's said" after "Reebok International Ltd": the full name of the name without its 's.
  const owners = [...resolved.values()].map((r) => r.speaker).filter((n) => /^\p{Lu}.*[’']s$/u.test(n) && !fullest.has(n));
  const ownerNames = fullCompanyNames(owners.map((n) => n.slice(0, -2)), entities.filter((e) => !e.person).map((e) => e.name), (n) => resolver.isPersonName(n) || articleEntities.clearPerson(n));
  for (const n of owners) { const full = ownerNames.get(n.slice(0, -2)); if (full) fullest.set(n, full); }
  for (const [short, full] of fullCompanyNames([...resolved.values()].map((r) => r.speaker), entities.filter((e) => !e.person).map((e) => e.name), (n) => resolver.isPersonName(n) || articleEntities.clearPerson(n))) if (!fullest.has(short)) fullest.set(short, full);
  const words = new Map<Candidate, string[]>();
  const wordsOf = (c: Candidate) => {
    let w = words.get(c);
    if (!w) words.set(c, (w = text.slice(c.quote[0], c.quote[1]).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []));
    return w;
  };
  const kept: Candidate[] = [];
  for (const c of candidates) {
    const who = resolved.get(c);
    // A quotation inside someone's reported words ('Obama called Burma a "good news story"', 'X said Y called it
    // "a disaster"') is part of that statement: one attribution per word.
    if (c.kind === 'direct' && candidates.some((k) => k !== c && k.kind !== 'direct' && k.quote[0] <= c.quote[0] && c.quote[1] <= k.quote[1])) continue;
    // The tagger's words with a speaker that reads as no one ("The debate gave the mayor a chance to say ...").
    if (c.tagged && who?.doubtful) continue;
    // "You might think that ...", "You'd have thought ...": "you" with a modal, outside quotation marks, is the
    // reader, anyone at all; no one's words.
    if (c.mention && c.cue && genericYou(doc, c.mention, c.cue)) continue;
    // "a banker who asked not to be identified": a request for the source, no words (rules or tagger alike).
    if (c.kind !== 'direct' && c.cue && ownTreatmentAt(t, c.cue[1])) continue;
    // "Finance charges 4.1 mln vs 5.4 mln": a line of a results table read as a verb and its words; figures alone are
    // nobody's words.
    if (c.kind !== 'direct' && onlyFigures(text.slice(c.quote[0], c.quote[1])) && tableLine(doc, c.quote[0])) continue;
    const quote = text.slice(c.quote[0], c.quote[1]);
    // The same words by the same speaker (a post quoted in the prose and embedded too): one row, the post.
    const dup = kept.find((k) => resolved.get(k)?.speaker === who?.speaker && tokenF1(wordsOf(k), wordsOf(c)) >= 0.8);
    if (dup) {
      if (c.channel && !dup.channel) kept[kept.indexOf(dup)] = c;
      continue;
    }
    if (kept.some((k) => k.quote[0] === c.quote[0] && k.quote[1] === c.quote[1])) continue;
    kept.push(c);
  }
  for (const c of kept.sort((x, y) => x.quote[0] - y.quote[0] || x.quote[1] - y.quote[1])) {
    const who = resolved.get(c) ?? { speaker: '', role: '', mention: '', unresolved: true };
    let name = fullest.get(who.speaker) ?? who.speaker;
    // "Emery said its offer ..." after "Emery Air Freight Corp" and its chairman "John C. Emery": the words' "it" or
    // "its" for the subject says the name is the company's, not the man's.
    let firm = '';
    if (c.kind !== 'direct' && /^\p{Lu}[\p{L}'’-]+$/u.test(who.mention) && name !== who.mention && /^(?:that\s+)?(?:it|its)\b/i.test(text.slice(c.quote[0], c.quote[1]))) {
      firm = fullCompanyNames([who.mention], entities.filter((e) => !e.person).map((e) => e.name), () => false).get(who.mention) ?? '';
      if (firm) name = firm;
    }
    const personOf = (n: string) => !firm && !notPeople.has(who.speaker) && (articleEntities.personEvidence(n) ?? (firm ? false : articleEntities.personEvidence(who.speaker)) ?? (resolver.isPersonName(n) || resolver.isPersonName(who.speaker)));
    // "Lars Thuesen of Privatbanken", "economists polled by Reuters", "Office for National Statistics data": the name
    // without the words round it that name no one (canonical.ts).
    const formed = who.unresolved ? name : speakerForm(name, personOf(name));
    const person = personOf(formed) || (formed !== name && personOf(name));
    name = formed;
    const canonical = canonicalSpeaker(who.unresolved ? '' : name, { person });
    const quote = text.slice(c.quote[0], c.quote[1]);
    const cue = c.cue ? text.slice(t[c.cue[0]].a, t[c.cue[1]].b) : '';
    const occurrence = rows.filter((r) => r.quote === quote).length;
    rows.push({
      statement_id: makeId('stm', article.article_id, c.kind, quote, occurrence),
      article_id: article.article_id,
      speaker: canonical.name,
      speaker_id: canonical.id,
      speaker_type: canonical.type,
      speaker_mention: who.mention,
      speaker_mention_start: c.mention ? t[c.mention[0]].a : null,
      speaker_mention_end: c.mention ? t[c.mention[1]].b : null,
      speaker_role: who.role,
      speaker_country: speakerCountry(canonical.name, who.role),
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

/** What the tagger finds that no rule found: words, speakers and cues the rules did not use. */
function learnedStatements(doc: Doc, rules: Candidate[], scope: StatementScope): Candidate[] {
  const model = shippedModel();
  if (!model) return [];
  const covered = new Uint8Array(doc.tokens.length);
  for (const r of rules) {
    for (let k = doc.tokenAt(r.quote[0]), end = doc.tokenAt(r.quote[1]); k < end; k++) covered[k] = 1;
    if (r.cue) for (let k = r.cue[0]; k <= r.cue[1]; k++) covered[k] = 1;
  }
  const kept: Candidate[] = [];
  for (const c of taggedStatements(doc, model, scope, covered)) {
    // Words the rules already gave a statement to are theirs: the tagger's share there is mostly wrong.
    if (rules.some((r) => r.quote[0] < c.quote[1] && c.quote[0] < r.quote[1])) continue;
    // Nor is a rule's speaker or cue ("..., says the boss" is no statement whose words are "the boss").
    let from = Math.min(doc.tokenAt(c.quote[0]), doc.tokens.length - 1);
    let to = doc.tokenAt(c.quote[1]) - 1; // the last token starting inside the words
    while (from < to && !doc.tokens[from].word) from++;
    while (to > from && !doc.tokens[to].word) to--;
    if (rules.some((r) => (r.mention && r.mention[0] <= from && to <= r.mention[1]) || (r.cue && r.cue[0] <= from && to <= r.cue[1]))) continue;
    // A cue the rules gave its words already ('"...," Ryan said last week on CNN'): what else follows it is no
    // second statement.
    if (c.cue && rules.some((r) => r.cue && r.cue[0] <= c.cue![1] && c.cue![0] <= r.cue[1])) continue;
    // The name of a show or a work in quotation marks ('said on “Face the Nation.”') is no one's words; a
    // headline's quotation after its speaker and a colon is ("Cruz: ‘Assaulting A Reporter Is A Fireable Offense.’").
    const afterColon = !!c.cue && doc.tokens[c.cue[1]]?.t === ':';
    if (c.kind === 'direct' && !afterColon && isTitle(doc.tokens, from, to + 1)) continue;
    // "Mr. Hale scrutinized reports like ...": a name and its verb before the cue read as the speaker; the cue is the
    // verb's object.
    if (c.mention && c.cue && c.cue[0] === c.mention[1] + 1 && endsInPastVerb(doc.tokens, c.mention[0], c.mention[1])) continue;
    if (!c.mention) {
      // A quotation with no speaker beside it goes on from the quotation just before, in this paragraph or
      // the one before ('"...," said X. "..."').
      const at = doc.tokenAt(c.quote[0]);
      let previous: Candidate | null = null;
      for (const r of rules) if (r.quote[1] <= c.quote[0] && (!previous || r.quote[1] > previous.quote[1])) previous = r;
      if (previous?.mention && previous.kind !== 'indirect' && doc.paragraphOf[at] - doc.paragraphOf[doc.tokenAt(previous.quote[1] - 1)] <= 1) c.mention = previous.mention;
      // Statements are someone's: tagged words nobody can be found for are left out (the rules may still
      // publish a speakerless judgement, "is expected to", which says so by its cue).
      if (!c.mention) continue;
    }
    c.tagged = true;
    kept.push(c);
  }
  return kept;
}

/** Words of a line of figures: units, "vs", "to". */
const FIGURE_WORDS = /^(?:mln|mn|million|billion|bln|pct|percent|per|cent|vs|v|dlrs?|stg|cts?|pence|p|yen|marks|francs|and|to|from|or|up|down|loss|profit)$/;

/** Figures and their units only: "4.1 mln vs 5.4 mln", "27.5p vs 24.3p". */
export function onlyFigures(words: string): boolean {
  const ws = words.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.,]*/gu) ?? [];
  const numbers = ws.filter((w) => /^\p{N}[\p{N}.,]*\p{L}{0,3}$/u.test(w)).length;
  return numbers >= 1 && ws.every((w) => /^\p{N}[\p{N}.,]*\p{L}{0,3}$/u.test(w) || FIGURE_WORDS.test(w));
}

/** A company's suffix, which opens no name: "Co Inc". */
const COMPANY_SUFFIX = /^(?:Co|Inc|Corp|Ltd|Plc|PLC|AG|SA|NV|N\.V\.|LLC|GmbH|Cos)\.?$/;

/** Documents that have an author who speaks through them: "X said in a letter ... the letter said". */
const AUTHORED = new Set(['letter', 'statement', 'memo', 'memorandum', 'filing', 'communique', 'release', 'circular', 'prospectus', 'notice', 'submission']);

/** A paragraph without a full stop at its end: a line of a table ("Finance charges 4.1 mln vs 5.4 mln"). */
function tableLine(doc: Doc, at: number): boolean {
  const p = doc.article.paragraphs.find(([a, b]) => a <= at && at < b);
  return !!p && !/[.!?]["'”’)]?\s*$/.test(doc.text.slice(p[0], p[1]));
}

/**
 * Whether offset `at` is inside quotation marks its paragraph opens, counted as marks before it (a quotation that
 * goes on across sentences, each opened with a mark and none closed, is one the quotation finder leaves).
 */
function insideMarks(doc: Doc, at: number): boolean {
  const p = doc.article.paragraphs.find(([a, b]) => a <= at && at < b);
  if (!p || ((doc.text.slice(p[0], at).match(/["“”]/g) ?? []).length & 1) !== 1) return false;
  // Its sentence opens with the mark and none comes between ('"He made it clear he ...'), not '"...," he said'.
  const k = doc.tokenAt(at);
  const range = doc.sentenceRange[doc.sentenceOf[k]];
  if (!range) return false;
  const opening = doc.text.slice(doc.tokens[range[0]].a, at);
  return /^["“]/.test(opening) && !/["“”]/.test(opening.slice(1));
}

/**
 * A one-word cue of reported words that the parse reads as a noun or a participle in a noun's phrase ("an initial
 * public offering", "a song called Blue Morning"). Not a noun of speech its owner names ("his claim that ...").
 */
function nounCue(doc: Doc, adoc: AnalysedDocument, c: Candidate): boolean {
  if (c.kind === 'direct' || !c.cue || c.cue[0] !== c.cue[1]) return false;
  const t = doc.tokens;
  const k = c.cue[0];
  if (!t[k].word || t[k].cap || !cueAt(t[k])) return false;
  // ("the police's earlier claim that ...": a noun of speech with its owner, a noun on purpose.)
  if (CUE_NOUNS.has(t[k].lo) && c.mention && c.mention[1] < k && (c.mention[1] === k - 1 || /[’']s?$|^(?:his|her|its|their)$/i.test(t[c.mention[1]].t))) return false;
  // Parse only where a noun reading is possible: not "said", not a verb right after its name or pronoun.
  if (VERB_ONLY_CUES.has(t[k].lo)) return false;
  if (c.mention && c.mention[1] < k) {
    let v = k - 1;
    while (v > c.mention[1] && (AUX_ADVERBS.has(t[v].lo) || /^(?:has|have|had|will|would|could|can|may|might|should|must|did|does|do)$/.test(t[v].lo))) v--;
    const end = t[c.mention[1]];
    if (v === c.mention[1] && (end.cap || SPEAKER_PRONOUNS.has(end.lo))) return false;
  }
  return cueIsNoVerb(adoc, t[k].a);
}

/**
 * Whether the candidate's speaker phrase is a name ending in 's right before its verb ("Moody's cited", "Heck's
 * said"), the subject itself rather than an owner: not before a noun of speech ("Trump's remarks about ...").
 */
function possessiveName(doc: Doc, c: Candidate): boolean {
  const t = doc.tokens;
  if (!c.mention || !c.cue || c.kind === 'direct') return false;
  const [s, e] = c.mention;
  if (!/^\p{Lu}[\p{L}.&-]*[’']s$/u.test(t[e].t) || !t.slice(s, e + 1).every((x) => /^[\p{Lu}\p{N}&]/u.test(x.t))) return false;
  // ("It's expected", "That's what ...": a pronoun and its verb.)
  if (/^(?:it|he|she|that|there|what|here|this|who|let|where|how)[’']s$/i.test(t[e].t)) return false;
  let k = e + 1;
  while (k < c.cue[0] && AUX_ADVERBS.has(t[k].lo)) k++;
  if (k !== c.cue[0]) return false;
  const cue = t[k].lo;
  return !CUE_NOUNS.has(cue) && !!cueAt(t[k]);
}

/** Modals that make "you" before a verb of thinking anyone at all: "you might think", "you would expect". */
const GENERIC_MODALS = new Set(['might', 'would', 'could', 'may']);

/** "You might think", "you'd have thought": a "you" in the writer's prose with a modal before the cue. */
function genericYou(doc: Doc, mention: [number, number], cue: [number, number]): boolean {
  const t = doc.tokens;
  const [s, e] = mention;
  if (s !== e || doc.inQuote[s] >= 0 || !/^you(?:[’']d)?$/.test(t[s].lo)) return false;
  const between = t.slice(e + 1, cue[1] + 1).map((x) => x.lo);
  const modal = between.some((w) => GENERIC_MODALS.has(w)) || t[s].lo !== 'you';
  return modal && between.slice(0, -1).every((w) => GENERIC_MODALS.has(w) || /^(?:have|not|never|also|just|probably)$/.test(w));
}

function anchorOf(doc: Doc, c: Candidate): number {
  return c.mention ? doc.tokens[c.mention[0]].a : c.quote[0];
}
