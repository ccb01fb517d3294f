/**
 * Events: PLOVER coding of each sentence (see docs/events.md for the codebook).
 * 1. Triggers (triggers.ts) code the type, mode and context; the tree reads each trigger word first
 *    (sense.ts: no act for adjectives, commerce nouns, conditions, questions, opinions, denials). A sentence
 *    gives one event: its first verb trigger with an actor or recipient (or, without one, its first noun
 *    trigger of a conflict type), because a news sentence usually reports one act and the rest are its
 *    circumstances.
 * 2. Actor and recipient come from the dependency tree (arguments.ts: subject or passive agent, object or
 *    the object of the type's preposition, coordination, control, relative clauses, noun triggers); where
 *    the tree says nothing, the actor is the nearest actor group before the trigger (the agent after "by" in
 *    the passive), the recipient the first one after it. A coordinated group ("Pakistan, Iran and Russia")
 *    is ONE event with several actors: `actor` holds the first, `actors` all of them.
 * 3. Modality (modality.ts): negated and hypothetical acts are no events (a cooperative act the actor will not
 *    do is REJECT); future cooperation becomes AGREE and a hostile act announced or on a condition THREATEN,
 *    as the PLOVER manual asks; `planned` flags the rest of what is to come.
 * 4. Date from the sentence (src/text/when.ts), else the publication date marked as fallback; place from the
 *    gazetteer (places.ts).
 * 5. The same event told twice in an article (same type, compatible actors and dates) is one row, `mentions` counted.
 */
import { readFileSync } from 'node:fs';
import type { SegmentedArticle } from '../schema/records.ts';
import { PLOVER_QUAD, type PloverType, type QuadClass } from '../schema/tables.ts';
import { makeId } from '../util/ids.ts';
import { resolveDates, type ResolvedDate } from '../text/when.ts';
import { findActorGroups, type Actor, type ActorGroup } from './actors.ts';
import { COUNTRY_NAME, LEXICON, MONONYMS, termAt } from './lexicon.ts';
import { modalityOf } from './modality.ts';
import { cameoCode } from './cameo.ts';
import { datelineCountry, findPlaces, type Place } from './places.ts';
import { keyOf, tokenize, type Token } from './tokens.ts';
import { findTriggers, type TriggerMatch } from './triggers.ts';
import { mergeMentions, type Draft } from './merge.ts';
import type { StatementRow } from '../statements/extract.ts';
import { genderOfWord } from '../statements/gender.ts';
import { AnalysedDocument, children, pathToRoot, subtree } from '../nlp/document.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';
import type { AnalysedSentence } from '../nlp/types.ts';
import { ANSWERING, caseOf, claimantOf, CLAUSE_RECIPIENT, clauseSubject, dominates, LIGHT, objectOfAnother, obligationParties, subjectsBefore, treeRoles, triggerNode } from './arguments.ts';
import { CLAIM_VERBS, describesOther, PROPOSAL_NOUNS, LABOUR, RELATIONAL_NOUNS, isMarketRegulator, isNaturalCause, isSportStory, isShowStory, isCompanyStory, GROUP_ADJECTIVES, ABROAD_WORDS, ABROAD_PRONE, MARKET_CONTEXTS, VIOLENCE_NOUNS, NOUN_EVENT_TYPES, readTrigger, SANCTION_NOUNS, TRADE_FLOWS, WEAPONS } from './sense.ts';
import { escapeRegExp } from '../util/regexp.ts';

export interface EventRow {
  event_id: string;
  article_id: string;
  statement_id: string;
  event_type: PloverType;
  quad_class: QuadClass;
  cameo_code: string;
  mode: string;
  context: string;
  actor: string;
  actor_country: string;
  actor_sector: string;
  actor_office: string;
  actors: string;
  actor_countries: string;
  recipient: string;
  recipient_country: string;
  recipient_sector: string;
  recipient_office: string;
  recipients: string;
  recipient_countries: string;
  date: string;
  date_precision: string;
  date_is_fallback: boolean;
  location: string;
  location_country: string;
  latitude: number | null;
  longitude: number | null;
  planned: boolean;
  trigger: string;
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
  mentions: number;
  confidence: number;
}

/** Types whose future-tense report is a promise: coded AGREE (PLOVER manual 3.1). */
const PROMISABLE = new Set<PloverType>(['CONSULT', 'SUPPORT', 'COOPERATE', 'AID']);
/** Material conflict: said to happen on a condition, it is a threat (PLOVER manual 3.11). */
const HOSTILE = new Set<PloverType>(['PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT']);
/** Types whose complement clause is what they ask, promise, threaten or refuse, not an act of its own. */
const CONTENT_TYPES = new Set<PloverType>(['REQUEST', 'AGREE', 'THREATEN', 'REJECT']);
/** Words opening a purpose or means clause, which may name an act's party ("to help Taiwan", "by equipping Ukraine", "in strengthening its air force"). */
const MEANS_MARKS = new Set(['to', 'by', 'for', 'from', 'in', 'of']);
/** Prepositions naming what a complaint to a forum is about ("by": the parser hangs a noun's agent on the verb). */
const FORUM_MATTERS = new Set(['over', 'about', 'against', 'regarding', 'concerning', 'by']);
const HOSTILE_OR_THREAT = new Set<PloverType>([...HOSTILE, 'THREATEN']);
const COOPERATIVE = new Set<PloverType>(['AGREE', 'CONSULT', 'SUPPORT', 'COOPERATE', 'AID', 'CONCEDE', 'RETREAT']);
/** What a threat threatens (PLOVER THREATEN modes). */
const THREAT_MODE: Partial<Record<PloverType, string>> = { PROTEST: 'restrict', SANCTION: 'relations', MOBILIZE: 'violence', COERCE: 'restrict', ASSAULT: 'violence' };
/** Before a trigger, these make it a noun ("the attack", "its support"), which counts only as a noun trigger. */
const DETERMINER = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'your', 'this', 'these', 'those', 'any', 'further', 'new', "'s", '’s']);
/** Lower-case words that can be the subject (or an adverb) before a verb in -s. */
const SUBJECT_WORD = /^(?:he|she|it|who|which|that|also|now|still|often|again|then|rarely|never|always|reportedly|allegedly|\w+ly)$/;
/** Before a trigger word, a preposition makes it a noun ("the increase in attacks"). */
const PREPOSITION = new Set(['in', 'of', 'for', 'on', 'against', 'after', 'before', 'amid', 'despite', 'over', 'about', 'with', 'from', 'during', 'following']);
/** After a trigger word, these make it the first half of a compound noun ("support mission", "training activities"). */
const NOUN_AFTER = new Set(['centres', 'centers', 'order', 'orders', 'course', 'courses', 'school', 'schools', 'mission', 'missions', 'activities', 'activity', 'operation', 'operations', 'program', 'programme', 'programs', 'package', 'effort', 'efforts', 'process', 'group', 'groups', 'force', 'forces', 'troops', 'personnel', 'staff', 'plan', 'plans', 'campaign', 'deadline', 'camp', 'camps', 'centre', 'center', 'base', 'bases', 'agency', 'team', 'teams', 'helicopters', 'aircraft', 'capabilities', 'capability']);
/** Speech verbs: a party right before one is the speaker of a trailing clause, not a recipient. */
const SPEECH = new Set(['said', 'says', 'added', 'adds', 'told', 'stated', 'noted', 'insisted', 'reported', 'according']);
/** "to" + trigger is an event only after verbs of aspect, intent or decision ("continue to support", "decided to expand"). */
const INFINITIVE_OK = /^(?:fail(?:s|ed)?|managed?|sworn|swore|continue[sd]?|continuing|began|begin|begins|start(?:s|ed)?|plan(?:s|ned)?|planning|intend(?:s|ed)?|decide[sd]?|agree[sd]?|opt(?:s|ed)|tr(?:y|ies|ied)|attempt(?:s|ed)?|move[sd]?|vote[sd]?|went on|set|going|expected|scheduled|due|ready|willing|prepared|able|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|offer(?:s|ed)?|threaten(?:s|ed)?|refuse[sd]?|decline[sd]?|order(?:s|ed)?|seek|seeks|sought|want(?:s|ed)?|aim(?:s|ed)?|hope[sd]?|announce[sd]?|is|are|was|were|has|have|had|used)$/;
/** Words and marks that end the trigger's clause: a recipient lies before them. */
const CLAUSE_END = /^(?:as|while|after|before|because|when|but|although|though|which|who|whom|where|whereas|since|said|says|saying|adding|amid|despite)$/;
/** Adjective endings: "diplomatic support", "military withdrawal", "terrorist attack" are nouns. */
const ADJECTIVE = /(?:ic|al|ive|ous|ful|ary|ian|ist)$/;
const BE = new Set(['was', 'were', 'been', 'being', 'is', 'are', 'be', 'got', 'get', 'gets']);
/** Types coded without an actor: unknown perpetrators are common, their victims are not. */
const VICTIM_TYPES = new Set<PloverType>(['ASSAULT', 'COERCE']);
/** Acts done together: their coordinated subject holds both sides. */
const MUTUAL = new Set<PloverType>(['CONSULT', 'COOPERATE', 'AGREE']);
const PRONOUN = new Set(['it', 'they', 'he', 'she', 'we', 'i']);
/** The state of a country named at [start, end) by `text` ("Japanese", "La Paz"), as a party. */
const stateOf = (country: string, start: number, end: number, text: string): Actor =>
  ({ name: COUNTRY_NAME.get(country) ?? country, country, sector: 'government', office: '', kind: 'country', locative: false, capital: false, start, end, text });
/** The subject form of an object pronoun, for finding what it stands for. */
const SUBJECT_FORM: Record<string, string> = { it: 'it', him: 'he', her: 'she' };
/** The subject pronoun a possessive stands for, for finding its owner. */
const POSSESSIVE: Record<string, string> = { its: 'it', their: 'they', his: 'he', her: 'she' };

/** Relations that open a clause of their own under a verb. */
const SUBCLAUSE = new Set(['xcomp', 'ccomp', 'advcl', 'acl', 'parataxis', 'csubj']);
/** Sectors of political actors: states' organs, parties, armed groups, international organisations. */
const POLITICAL = new Set(['government', 'military', 'police', 'intelligence', 'international', 'judiciary', 'legislature', 'opposition', 'party', 'rebels', 'criminal']);
/** A state, an organ or group of political life, or a person holding an office in one. */
// A bare word of office without a country ("a spokeswoman", "the president", "officials") is as often a
// company's as a state's: alone it makes no event political.
// An office of no known sector ("president" of what?) is political only with a country or body to hold it in.
const isPolitical = (a: Actor) =>
  a.kind === 'country' ||
  ((a.kind === 'sector' || a.kind === 'title') && !a.country ? ARMED.has(a.sector) : POLITICAL.has(a.sector) || (!!a.office && (!!a.sector || !!a.country || !!a.body)));

/** A state, or its organ or official named with its country, that is no market regulator. */
const isStateSide = (a: Actor) => !isMarketRegulator(a.name) && (a.kind === 'country' || (!!a.country && (STATE_ORGAN.has(a.sector) || (a.kind === 'person' && !!a.office && a.sector !== 'business'))));
/** In a sport story a country's name is its team and a named body a club or a sports body: a state's organs and
 *  office holders are the only parties. */
const isPoliticalOffThePitch = (a: Actor) => a.kind !== 'country' && a.kind !== 'org' && a.sector !== 'international' && isPolitical(a);

/** A group whose every member is a place ("in Kabul") rather than an actor. */
const isPlaceOnly = (g: ActorGroup) => g.actors.every((a) => a.locative && (a.capital || a.kind === 'country'));
/** One party mentioned twice: the same country, or of one country the same organ or person ("the Justice Department" is not "the Transportation Department"). */
const samePartyAs = (a: Actor, r: Actor) => actorKey(a) === actorKey(r) && a.kind === r.kind && a.sector === r.sector && (a.kind !== 'person' && a.kind !== 'org' || a.name === r.name);
/** The party mention covering token k of a sentence, if any. */
const partyAtOf = (s: AnalysedSentence, groups: ActorGroup[]) => {
  const mentions = groups.flatMap((g) => g.actors);
  return (k: number) => (k < s.tokens.length ? mentions.find((a) => a.start < s.tokens[k].end && s.tokens[k].start < a.end) : undefined);
};
/** Who a party is for merging: its country, else the organisation a person serves, else its name. */
const actorKey = (a: Actor | undefined) => (a ? a.country || a.body || a.name : '');

interface Roles {
  actors: Actor[];
  recipients: Actor[];
  /** Token (in the sentence's tree) of the pronoun that is the actor, left for the caller to resolve. */
  pronoun?: number;
  /** Token of the pronoun that is the recipient ("accusing it of ..."), left for the caller to resolve. */
  pronounRecipient?: number;
  /** The recipient is "both countries": the two countries named last before the trigger. */
  pair?: boolean;
  /** Where the recipient is "the country" (text offset): the country named last before it. */
  countryAt?: number;
  /** The act is in what the actor claims of the recipient: an accusation. */
  claimed?: boolean;
  /** Forces or arms the act moves or asks for: no recipient, but they make the act political. */
  moved?: Actor[];
}

/**
 * Roles from the dependency tree (arguments.ts) where it gives them; proximity (below) where it says nothing.
 */
function rolesFor(trig: TriggerMatch, toks: Token[], groups: ActorGroup[], text: string, nominal = false, parsed?: () => AnalysedSentence | undefined): Roles {
  let near = nearRoles(trig, toks, groups, text, nominal);
  const s = parsed?.();
  if (!s) return near;
  const tree = treeRoles(s, trig.start, trig.end, trig.pattern.type, groups);
  const node = triggerNode(s, trig.start, trig.end);
  // ("impose costs on Iran, provide aid to refugees": what a preposition of another word governs does not act;
  // the act is then the subject's of the clause above it, if any)
  // (a party right before the verb is its subject, however the parser hung it)
  const actedOn = (a: Actor) => node >= 0 && a.end <= trig.start && !/^\s*(?:[\p{L}]+ly\s+)?$/u.test(text.slice(a.end, trig.start)) && objectOfAnother(s, node, a.start, a.end);
  const subjectAbove = !nominal && !tree.actor && near.actors.some(actedOn) ? clauseSubject(s, node, groups) : undefined;
  if (subjectAbove) near = { ...near, actors: subjectAbove.flatMap((g) => g.actors) };
  if ((tree.agentless && !VICTIM_TYPES.has(trig.pattern.type)) || tree.headline || tree.instrument) return { actors: [], recipients: [] };
  // "Canadian Bashaw Leduc Oil", "Japan Air Lines", "the U.S. unit": a country word describing a company or
  // a commodity is not the state acting.
  const partyAt = partyAtOf(s, groups);
  const party = (a: Actor) => a.kind === 'person' || !describesOther(s, a.start, a.end, partyAt);
  // A noun's actor is what its own phrase names ("Taliban attacks", "Russia's withdrawal", "attacks by
  // X"): a party elsewhere in the sentence did not do it ("G-6 meeting" in a sentence about Nakasone).
  // Proximity still reads "their withdrawal" (the pronoun points back to the sentence's subject) and a
  // noun the parser did not take for one.
  const possessive = nominal && /^(?:its|their|his|her)$/i.test(toks[trig.first - 1]?.text ?? '');
  const nounInTree = node >= 0 && (s.upos[node] === 'NOUN' || s.upos[node] === 'PROPN');
  /** The first token of mention a in the tree bearing one of the relations (any, without them), or -1. */
  const tokenOf = (a: Actor, rels?: string[]) => s.tokens.findIndex((t, i) => t.start >= a.start && t.end <= a.end && (!rels || rels.includes(s.deprels[i])));
  // ("captured several villages, the UK Ministry of Defence said": who says it is no party to it, however
  // the parser hung the saying)
  const speaker = (a: Actor) => {
    const k = tokenOf(a, ['nsubj']);
    return k >= 0 && s.heads[k] >= 0 && REPORTING.has(s.tokens[s.heads[k]].form.toLowerCase());
  };
  // A passive without its agent ("2,600 Iraqis had been killed", Iran said) names no actor: the speaker is none.
  // (a pronoun subject is resolved by the caller: the party proximity finds before it did not do the act)
  // (nor, for a noun, does who says it: "Redman said the offensive appears to have been an Iran attack")
  let actors = tree.agentless || tree.pronounActor !== undefined ? [] : (tree.actor ? tree.actor.flatMap((g) => g.actors) : nominal && nounInTree && !possessive ? [] : near.actors.filter((a) => !(nominal || nounInTree) || possessive || !speaker(a))).filter(party);
  // "defence ministers decided to expand a NATO training mission": ministers of the body whose mission it is.
  if (tree.objectOwner && actors.length && actors.every((a) => a.kind === 'sector' && !a.country && !a.body)) actors = tree.objectOwner.flatMap((g) => g.actors);
  // What a meeting discusses is its topic: a party proximity finds after a CONSULT trigger is its other
  // side only right after it or after "with" ("discuss the crisis in trade relations with Japan": no).
  const met = (a: Actor) => /^\s*(?:(?:[\w-]+\s+){0,2}with\s+(?:the\s+)?|(?:the\s+)?)$/i.test(text.slice(trig.end, a.start)) || a.start <= trig.end;
  // A verb's recipient stands in its own clause: a party proximity finds outside the verb's subtree belongs to
  // another clause ("... seizing checkpoints as US troops pull out", "consumers pressed for ..., which would
  // have threatened Brazil's share").
  const verbNode = node >= 0 && (s.upos[node] === 'VERB' || s.upos[node] === 'AUX');
  const inClause = (a: Actor) => !verbNode || dominates(s, node, a.start, a.end);
  // ("..., according to the UN high commissioner": who reports the news is no party to it)
  const source = (a: Actor) => /\baccording to\b[^,.;:]*$/i.test(text.slice(Math.max(0, a.start - 60), a.start));
  // ("ordered the strike on the first platform by four U.S. destroyers": who does it is no recipient)
  // (only after a pattern that ends in its act noun: "rejected a request by the United States" rejects the requester)
  let lastWord = -1;
  while (lastWord + 1 < s.tokens.length && s.tokens[lastWord + 1].end <= trig.end) lastWord++;
  // (and no verb of its own between them: "backed a budget proposed by Verhofstadt")
  const agent = (a: Actor) => lastWord >= 0 && s.upos[lastWord] === 'NOUN' && !nominal && /\bby\s+(?:(?:the|a|an|some|two|three|four|five|six|\d+)\s+)?$/i.test(text.slice(Math.max(0, a.start - 16), a.start)) &&
    !s.tokens.some((t, k) => k > lastWord && t.end <= a.start && (s.upos[k] === 'VERB' || s.upos[k] === 'AUX'));
  // ("fighting for Ukrainian forces": whom one fights for is one's side, not the target)
  const ally = (a: Actor) => (HOSTILE.has(trig.pattern.type) || trig.pattern.type === 'THREATEN') && /\bfor\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 8), a.start));
  // ("expand a NATO training mission": what a party mobilises or withdraws is its own; its owner is no recipient)
  const own = (a: Actor) => !!tree.objectOwner?.some((g) => a.start >= g.start && a.end <= g.end);
  // ("agreed with China on Afghanistan", "talks over Cyprus": what parties agree or talk about is a topic;
  // "agreed to hold up duties on Japanese shipments" puts the duties on Japan)
  const topic = (a: Actor) => {
    if (!MUTUAL.has(trig.pattern.type) || !/\b(?:on|over|about|regarding|concerning)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 16), a.start))) return false;
    // (the party itself is what "on" governs: "on Japanese shipments" is about shipments, and on Japan)
    const phrase = tokenOf(a, ['obl', 'nmod']);
    const on = phrase < 0 ? -1 : s.heads[phrase];
    // (on the trigger, its object, the act it agrees to, or the verb it hangs on)
    return on === node || (on >= 0 && s.heads[on] === node && (s.deprels[on] === 'obj' || s.deprels[on] === 'xcomp')) || (on >= 0 && s.heads[node] === on);
  };
  // ("seized crossings along the Pakistan border": a border a country word names is where, shared by two)
  const border = (a: Actor) => /^[\s-]*(?:border|borders|frontier|frontiers)\b/i.test(text.slice(a.end, a.end + 12));
  // A verb's recipient by proximity stands in the verb's own clause. A clause of its own below the verb (with a
  // subject or a subordinator of its own: "agreed to the deal after India said", "the condition it imposed on
  // Brazil"), a reported clause, or an adjective's phrase ("press reports critical of USDA") names none of its
  // sides; a purpose or means clause ("sent to support Ukraine", "measures to help farmers") may name a party,
  // never a bare sector word. (A threat's condition names who is threatened: "will retaliate if the EC adopts
  // the tax"; an accusation's clause whom it accuses; the place force, a withdrawal or a concession is
  // about is named wherever the parser hung it: "the curfew imposed in Sudan", "troops from neighboring Lebanon".)
  const belowClause = (a: Actor) => {
    if (!verbNode) return false;
    const type = trig.pattern.type;
    if (a.locative && (HOSTILE.has(type) || type === 'RETREAT' || type === 'CONCEDE')) return false;
    // (the mention's head: the token whose head is outside it)
    const inside = (x: number) => s.tokens[x].start >= a.start && s.tokens[x].end <= a.end;
    const k = s.tokens.findIndex((_, x) => inside(x) && (s.heads[x] < 0 || !inside(s.heads[x])));
    const path = k >= 0 ? pathToRoot(s, k) : [];
    const upTo = path.indexOf(node);
    if (upTo <= 0) return false;
    // (the words above the mention, not its own: "Iranian" in "an attack on the Iranian terminal")
    const above = path.slice(1, upTo);
    const controlled = children(s, node).some((c) => s.deprels[c] === 'obj' || s.deprels[c] === 'iobj');
    const marksOf = (x: number) => children(s, x).filter((c) => s.deprels[c] === 'mark').map((c) => s.tokens[c].form.toLowerCase());
    if (HOSTILE_OR_THREAT.has(type) && above.some((x) => s.deprels[x] === 'advcl' && marksOf(x).some((m) => m === 'if' || m === 'unless'))) return false;
    return above.some((x) => {
      const rel = s.deprels[x];
      if (rel === 'amod') return true;
      // ("strongly supports Finland and Sweden joining Nato": the subject of the clause the verb takes is its side)
      if ((rel === 'ccomp' || rel === 'xcomp') && s.heads[x] === node && s.heads[k] === x && /^nsubj/.test(s.deprels[k])) return false;
      if (rel === 'ccomp' || rel === 'parataxis' || rel === 'csubj') return !(CLAUSE_RECIPIENT.has(type) && rel === 'ccomp');
      if (rel !== 'acl' && rel !== 'advcl' && rel !== 'xcomp') return false;
      // ("urged the Arab countries to boycott Iran": the object the infinitive's subject is, is the one asked)
      if (rel === 'xcomp' && controlled && CLAUSE_RECIPIENT.has(type)) return true;
      const marks = marksOf(x);
      // ("is bombing indiscriminately, killing civilians": a participle going on with the act names its sides)
      if (rel === 'advcl' && !marks.length && /ing$/i.test(s.tokens[x].form)) return false;
      // (an infinitive's subject does not make it a clause of its own: "calling for faster action to help Taiwan")
      const ownClause = (!marks.includes('to') && children(s, x).some((c) => s.deprels[c] === 'nsubj' || s.deprels[c] === 'nsubj:pass')) || marks.some((m) => !MEANS_MARKS.has(m));
      return ownClause || (a.kind === 'sector' && !a.country);
    });
  };
  // ("launched a military attack", "Cairo's military debt": a sector word as an adjective describes a thing)
  const modifierWord = (a: Actor) => {
    const k = s.tokens.findIndex((t) => t.end === a.end);
    return a.kind === 'sector' && k >= 0 && s.upos[k] === 'ADJ' && s.deprels[k] === 'amod';
  };
  // ("was backed by Monique Landry, Canada's Minister for External Relations"): a party in apposition to the actor is
  // the actor described, not the recipient
  const headOfMention = (a: Actor) => s.tokens.findIndex((t, k) => t.start >= a.start && t.end <= a.end && (s.heads[k] < 0 || s.tokens[s.heads[k]].start < a.start || s.tokens[s.heads[k]].end > a.end));
  const actorTokens = new Set(actors.flatMap((b) => s.tokens.map((t, k) => (t.start >= b.start && t.end <= b.end ? k : -1)).filter((k) => k >= 0)));
  const besideActor = (a: Actor) => {
    let k = headOfMention(a);
    for (let hops = 0; k >= 0 && hops < 3 && APPOSITION.has(s.deprels[k]); hops++) {
      k = s.heads[k];
      if (actorTokens.has(k)) return true;
    }
    return false;
  };
  // (and its country, sector and office are the actor's, where the actor is a person the dictionaries do not place)
  const described = near.recipients.filter(besideActor).find((a) => a.country);
  if (described) actors = actors.map((b) => (b.kind === 'person' && !b.country ? { ...b, country: described.country, sector: b.sector || described.sector, office: b.office || described.office } : b));
  // ("endorsed a proposal to require the president to act", "backed the plan for aid to farmers"): an answer to a
  // proposal goes to whose it is; a party its content names is none of the answer's sides
  // (not an agreement signed or reached, whose terms name its other side: "signed an agreement to sell cars to Hungary")
  const proposal = verbNode && ANSWERING.has(trig.pattern.type) ? children(s, node).find((c) => s.deprels[c] === 'obj' && s.tokens[c].start >= trig.end && PROPOSAL_NOUNS.has(s.tokens[c].form.toLowerCase())) : undefined;
  // (its infinitive, wherever the parser hung it: "endorsed a proposal [xcomp: to require the president ...]")
  const contentClause = (c: number) => c > proposal! && (((s.deprels[c] === 'acl' || s.deprels[c] === 'nmod') && s.heads[c] === proposal && caseOf(s, c) !== 'by' && caseOf(s, c) !== 'of') ||
    (s.deprels[c] === 'xcomp' && s.heads[c] === node && subtree(s, proposal!)[1] === subtree(s, c)[0] && children(s, c).filter((m) => s.deprels[m] === 'mark').some((m) => /^to$/i.test(s.tokens[m].form))));
  const inContent = (a: Actor) => proposal !== undefined && [...children(s, proposal), ...children(s, node)].some((c) => contentClause(c) && dominates(s, c, a.start, a.end));
  const nearRecipients = (trig.pattern.type === 'CONSULT' ? near.recipients.filter(met) : near.recipients).filter((a) => inClause(a) && !inContent(a) && !belowClause(a) && !modifierWord(a) && !source(a) && !agent(a) && !ally(a) && !speaker(a) && !own(a) && !topic(a) && !border(a) && !besideActor(a));
  // (an object pronoun the tree found is resolved by the caller: "accusing it of harbouring rebels" does not accuse rebels)
  let recipients = tree.recipient ? tree.recipient.flatMap((g) => g.actors) : tree.pronounRecipient !== undefined || tree.countryRecipient !== undefined ? [] : nearRecipients;
  // A bare "troops" or "intelligence" the tree found gives way to a party named later in the clause
  // ("withdraw its troops from Lebanon" when the parser lost the "from").
  const isNamed = (a: Actor) => !!a.country || a.kind !== 'sector';
  // (not one inside a clause of its own: "urging European leaders to wake up over President Bush's re-election")
  const inSubclause = (a: Actor) => {
    const k = tokenOf(a);
    const path = k >= 0 ? pathToRoot(s, k) : [];
    const upTo = path.indexOf(node);
    return upTo > 0 && path.slice(0, upTo).some((x) => SUBCLAUSE.has(s.deprels[x]));
  };
  if (tree.recipient && !recipients.some(isNamed) && nearRecipients.some((a) => isNamed(a) && !inSubclause(a))) recipients = nearRecipients;
  // (the state whose oil platform or tanker is attacked, seized or sanctioned is the victim: "destroyed an
  // Iranian oil platform", "seized a Kuwaiti tanker")
  const victimOf = trig.pattern.type === 'ASSAULT' || trig.pattern.type === 'COERCE' || trig.pattern.type === 'SANCTION' || trig.pattern.type === 'THREATEN';
  // (a thing, in WordNet's sense: "imports", "a takeover bid" are no property of the state; goods in a trade
  // flow's "of" phrase come from the country named on them: "stop imports of Danish pigmeat")
  const ownsThing = (a: Actor) => {
    const at = s.tokens.findIndex((t) => t.end === a.end);
    const goods = at >= 0 ? s.heads[at] : -1;
    if (goods > at && (s.deprels[at] === 'amod' || s.deprels[at] === 'compound') && s.deprels[goods] === 'nmod' && caseOf(s, goods) === 'of' && TRADE_FLOWS.has(s.tokens[s.heads[goods]]?.form.toLowerCase() ?? '')) return true;
    const k = s.tokens.findIndex((t) => t.start >= a.end);
    let head = -1;
    for (let j = k; j >= 0 && j < s.tokens.length && j < k + 3 && s.upos[j] === 'NOUN' && /^[\p{Ll}-]+$/u.test(s.tokens[j].form); j++) head = j;
    return head >= 0 && wordClasses(s.tokens[head].form).noun === NOUN.artifact;
  };
  recipients = recipients.filter((a) => party(a) || (victimOf && a.kind === 'country' && !a.locative && ownsThing(a)));
  // A complaint taken to a forum accuses whom it is about ("protested to the United Nations over violations of its
  // airspace by the Turkish air force", "will complain to GATT about Japanese tariffs"); the forum only hears it.
  if (trig.pattern.type === 'ACCUSE' && verbNode && recipients.length && recipients.every((a) => a.kind === 'org' && a.sector === 'international')) {
    const about = children(s, node).filter((c) => s.deprels[c] === 'obl' && FORUM_MATTERS.has(caseOf(s, c)));
    // (else the words, up to the clause's comma, after such a preposition: the parser often loses "over ... by")
    const rest = text.slice(trig.end, s.tokens.find((t) => t.start >= trig.end && /^[,;:.]$/.test(t.form))?.start ?? text.length);
    const at = /\b(?:over|about|against|regarding|concerning)\b/i.exec(rest);
    const inWords = (a: Actor) => !about.length && !!at && a.start >= trig.end + at.index && a.end <= trig.end + rest.length;
    const accused = groups.flatMap((g) => g.actors).filter((a) => (about.some((c) => dominates(s, c, a.start, a.end)) || inWords(a)) && (a.kind !== 'sector' || !!a.country) && party(a) && !actors.some((b) => samePartyAs(b, a)));
    if (accused.length) recipients = [accused[0]];
  }
  // A party is not its own recipient ("the United States is reviewing the US-Taliban agreement").
  recipients = recipients.filter((a) => !actors.some((b) => a.name === b.name || samePartyAs(b, a)));
  // What is moved or asked for is no recipient: forces or arms named without a country ("deployed tanks and
  // self-propelled artillery", "mobilise 100,000 soldiers against a neighbour", "asked for rocket artillery").
  const thingMoved = (a: Actor) => a.kind === 'sector' && !a.country && ARMED.has(a.sector) &&
    (trig.pattern.type === 'MOBILIZE' || (trig.pattern.type === 'REQUEST' && /\bfor\s+(?:[\p{L}-]+\s+){0,6}$/iu.test(text.slice(Math.max(0, a.start - 40), a.start))));
  const moved = recipients.filter(thingMoved);
  recipients = recipients.filter((a) => !thingMoved(a));
  const countryAt = tree.countryRecipient !== undefined ? s.tokens[tree.countryRecipient].start : undefined;
  return { actors, recipients, pronoun: tree.pronounActor, pronounRecipient: tree.pronounRecipient, pair: tree.pairRecipient, countryAt, moved };
}

/**
 * Who a pronoun actor stands for. "We" and "I" in a statement are its speaker ("we": the speaker's body or
 * state); "he", "she", "it", "they" are the nearest subject before them in the sentence that agrees with
 * them ("Sourrouille said Argentina had given proof that it is negotiating"), else the statement's speaker
 * if the speaker agrees, else - when no subject precedes them in the sentence - the previous sentence's
 * subject if it agrees. Nothing agreeing: no actor (the act is not coded rather than guessed).
 */
function antecedent(word: string, trig: TriggerMatch, node: number | undefined, s: AnalysedSentence | undefined, groups: ActorGroup[], toks: Token[], text: string, statements: StatementRow[], previous: PreviousSentence, published: string, skip?: (a: Actor[]) => boolean): Actor[] {
  // (a skip test is given for an object pronoun: never the act's own actor)
  const objectPronoun = !!skip;
  const statement = statements.find((st) => st.start <= trig.start && st.end >= trig.end && st.speaker);
  const speaker = (): Actor[] => {
    if (!statement) return [];
    const name = statement.speaker.replace(/^(?:(?:But|And|However|Meanwhile|Yet|So|Then|Now)\s+)+/, '');
    // the speaker as the sentence names it, with its office and country ("Italian Prime Minister Bettino Craxi")
    const here = groups.find((g) => g.actors.some((a) => a.name === name || a.text.endsWith(name)));
    if (here) return here.actors;
    // (else the statement's own: a speaker the dictionaries do not know by that name keeps the country the
    // statement found for them, "Ruhollah Khomeini": IRN)
    return findActorGroups(name, 0, name.length, published)[0]?.actors ?? [{ name, country: statement.speaker_country ?? '', sector: '', office: '', kind: 'person', locative: false, capital: false, start: 0, end: 0, text: name }];
  };
  const direct = !!statement && /["“'‘]/.test(text.slice(Math.max(0, statement.start - 1), statement.start));
  if (word === 'we' || word === 'i') {
    // In a direct quote "we" is the speaker's body or state.
    return speaker().map((a) => (word === 'we' && direct ? collective(a) : a));
  }
  // In their own words speakers say "I" and "we": a "him" or "it" in a direct quote is someone else.
  const own = skip ?? (() => false);
  const speakerNames = direct ? new Set(speaker().map((a) => a.name)) : new Set<string>();
  skip = (a) => own(a) || a.some((x) => speakerNames.has(x.name));
  const at = node ?? (s ? s.tokens.findIndex((t) => t.start >= trig.start) : -1);
  const before = s && at >= 0 ? subjectsBefore(s, at, groups) : undefined;
  const candidates = before?.parties.map((gs) => gs.flatMap((g) => g.actors)) ?? [];
  const inSentence = candidates.find((a) => agrees(word, a) && !skip(a));
  // "American Motors said it broke off talks": a subject whose country word only says where a company is from
  // is the company, and "it" with it: no party.
  if (inSentence && s) {
    const partyAt = partyAtOf(s, groups);
    if (inSentence.every((a) => a.kind !== 'person' && describesOther(s, a.start, a.end, partyAt))) return [];
  }
  if (inSentence) return inSentence;
  // An object pronoun with no subject before it to stand for stands for the party named last before it in its
  // sentence ("lambasted Germany's record, accusing it of ...": Germany), not the previous sentence's subject.
  if (objectPronoun && s && at >= 0) {
    const named = groups.filter((g) => g.end <= s.tokens[at].start && !isPlaceOnly(g)).map((g) => g.actors).filter((a) => agrees(word, a) && !skip(a)).at(-1);
    if (named) return named;
  }
  const said = speaker();
  if (said.length && agrees(word, said) && !skip(said)) return said;
  // (a subject passed over, the act's own actor, leaves the previous sentence's open: "Egypt accused it")
  const subjectBefore = before ? before.any && !(candidates.length > 0 && candidates.every(skip)) : !PRONOUN.has(toks[0].lower);
  if (!subjectBefore) {
    const subject = previous.subject(word);
    if (subject.length && agrees(word, subject) && !skip(subject)) return subject;
  }
  // ("... had said Zalmay Khalilzad was offered to stay. 'We have asked him to continue,' Blinken said": "him" is
  // the one person the sentence before names, other than those passed over; with several, no guess)
  if (objectPronoun && (word === 'he' || word === 'she')) {
    const people = previous.persons().filter((a) => agrees(word, [a]) && !skip([a]));
    if (people.length === 1) return people;
  }
  return [];
}

/** What a pronoun may stand for in the sentences before. */
interface PreviousSentence {
  /** The subject a sentence-opening pronoun continues (see topicBefore). */
  subject(word: string): Actor[];
  /** The people it names, one each. */
  persons(): Actor[];
}

/** Roles by proximity: the nearest party before the trigger acts, the first after it receives. */
function nearRoles(trig: TriggerMatch, toks: Token[], groups: ActorGroup[], text: string, nominal = false): Roles {
  const before = groups.filter((g) => g.end <= trig.start && !isPlaceOnly(g));
  // Parties inside a gapped trigger ("returned Afghan soldiers") can be its recipient.
  const headEnd = toks[trig.first].end;
  const after = groups.filter((g) => g.start >= headEnd && !SPEECH.has(toks.find((t) => t.start >= g.end)?.lower ?? ''));
  // Passive voice: "was attacked by the Taliban" - the agent follows "by", the subject is the recipient.
  let i = trig.first - 1;
  while (i >= 0 && /ly$/.test(toks[i].lower)) i--;
  const participle = /(?:ed|en|wn)$/.test(toks[trig.first].lower) && trig.pattern.strength === 'verb' && trig.pattern.lemma;
  // "was attacked (by X)", or a reduced relative clause "a civilian killed by UK troops"
  // ("is committed to", "is opposed to" describe a state: not passive)
  const passive = participle && toks[trig.last + 1]?.lower !== 'to' && ((i >= 0 && BE.has(toks[i].lower)) || toks[trig.last + 1]?.lower === 'by');
  if (passive) {
    const byGroup = after.find((g) => {
      const k = toks.findIndex((t) => t.start >= g.start);
      return k > 0 && (toks[k - 1].lower === 'by' || (toks[k - 1].lower === 'the' && toks[k - 2]?.lower === 'by'));
    });
    // Without a named agent only violence and coercion are coded ("two lecturers were killed"): their victims matter.
    if (!byGroup && !VICTIM_TYPES.has(trig.pattern.type)) return { actors: [], recipients: [] };
    return { actors: byGroup?.actors ?? [], recipients: before.at(-1)?.actors ?? [] };
  }
  // (not a party inside a relative clause closed before the act: "Spain and Portugal, which joined the bloc last
  // year, continued to oppose the scheme")
  const sentenceStart = toks[0]?.start ?? 0;
  const inClosedRelative = (g: ActorGroup) => /,\s+(?:which|who|whom|whose)\b[^,]*$/i.test(text.slice(sentenceStart, g.start)) && text.slice(g.end, trig.start).includes(',');
  let actorGroup = before.filter((g) => !inClosedRelative(g)).at(-1);
  if (nominal) {
    // A noun's actor stands inside its noun phrase: "Taliban attacks", "Russia's withdrawal", "the US military
    // withdrawal", or after "by" ("attacks by the Taliban"); a party elsewhere in the sentence is not its agent.
    const inPhrase = before.filter((g) => /^(?:['’]s)?(?:\s+[\p{Ll}-]+){0,2}\s+$/u.test(text.slice(g.end, trig.start))).at(-1);
    const by = after.find((g) => /^\s+by\s+(?:the\s+)?$/.test(text.slice(trig.end, g.start)));
    // "their withdrawal": the possessive points back to the nearest party before it that agrees ("Iraq's spokesman
    // said Iran had kept up its attacks", "talks with Putin after his invasion of Ukraine").
    const possessive = /^(?:its|their|his|her)$/.test(toks[trig.first - 1]?.lower ?? '');
    // ("Scholz said that with its attack on Ukraine, Russia ...": "its" is no person's, "his" no country's)
    const word = toks[trig.first - 1]?.lower;
    const agrees = (g: ActorGroup) => (word !== 'its' || g.actors.every((a) => a.kind !== 'person')) && ((word !== 'his' && word !== 'her') || g.actors.every((a) => a.kind === 'person'));
    actorGroup = by ?? inPhrase ?? (possessive ? before.filter(agrees).at(-1) : undefined);
    // "started military withdrawal": a bare sector word right before the noun describes it.
    const last = actorGroup?.actors.at(-1);
    if (actorGroup && !by && last && last.kind === 'sector' && !last.country && /^\s*$/.test(text.slice(actorGroup.end, trig.start))) {
      const earlier = before.filter((g) => g.end <= actorGroup!.start).at(-1);
      actorGroup = earlier && /^(?:['’]s)?\s+$/.test(text.slice(earlier.end, actorGroup.start)) ? earlier : undefined;
    }
  }
  const clauseEnd = clauseEndAfter(trig, toks, text);
  const candidates = after.filter((g) => g.start < clauseEnd && !g.actors.every((a) => a.locative && a.capital) && !g.actors.some((a) => actorGroup?.actors.some((b) => a.name === b.name || (actorKey(b) === actorKey(a) && a.kind === b.kind && a.sector === b.sector))));
  // A bare "troops" or "people" after the verb is usually what is moved or hit; a named party later in the clause is the recipient.
  // What is discussed at a meeting is its topic, not a party to it.
  const fallback = trig.pattern.type === 'CONSULT' ? undefined : candidates[0];
  const recipientGroup = candidates.find((g) => g.actors.some((a) => a.country || a.kind !== 'sector')) ?? fallback;
  return { actors: actorGroup?.actors ?? [], recipients: recipientGroup?.actors ?? [] };
}

/** Offset where the trigger's clause ends: a clause word, a semicolon, colon, quote or dash after the trigger. */
function clauseEndAfter(trig: TriggerMatch, toks: Token[], text?: string): number {
  for (let i = trig.last + 1; i < toks.length; i++) {
    if (CLAUSE_END.test(toks[i].lower)) return toks[i].start;
    // A closing quote (right after a word), a semicolon, colon or dash ends the clause; an opening quote does not.
    const gap = text ? text.slice(toks[i - 1].end, toks[i].start) : '';
    if (/[,.!?]["”]/.test(gap) || /[;:—]/.test(gap)) return toks[i].start;
  }
  return Infinity;
}

const REQUEST_MODES: Array<[string, RegExp]> = readFileSync(new URL('./dictionaries/request-modes.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [mode, words] = l.replace(/\r$/, '').split('\t');
    return [mode, new RegExp(`^(?:${words})`)] as [string, RegExp];
  });
/** What a refused cooperative act was about. */
const REFUSED_MODE: Partial<Record<PloverType, string>> = { CONSULT: 'meet', AID: 'assist', COOPERATE: 'assist', RETREAT: 'yield', CONCEDE: 'yield' };

/** PLOVER mode of a REQUEST or REJECT from what is asked for or refused (request-modes.tsv). */
function requestMode(toks: Token[], trig: TriggerMatch, negatedFrom?: PloverType): string {
  if (negatedFrom && REFUSED_MODE[negatedFrom]) return REFUSED_MODE[negatedFrom]!;
  for (let i = trig.first + 1; i < toks.length && i <= trig.last + 8; i++) {
    if (CLAUSE_END.test(toks[i].lower)) break;
    for (const [mode, re] of REQUEST_MODES) if (re.test(toks[i].lower)) return mode;
  }
  return '';
}

/** The date expression closest to the trigger, if any. */
/** Words that open another clause: between an act and a date, the date is not the act's. */
const CLAUSE_WORD = /[;:()–—]|\s-\s|\b(?:and|but|or|which|who|whom|whose|that|when|where|after|before|while|because|since|as|until|than)\b/i;
/** ... and after the act, a comma or an -ing form too ("rejected the plan, which it had backed in 1985", "criticized
 *  Volcker for taking too hard a stance in the late 1970s"). */
// ("during" is no -ing form: "fought off Soviet forces during the second world war"; "following" is one of the
// words that open another's date: "provided support following Russia's invasion in February")
const CLAUSE_BREAK = new RegExp(`,|\\b(?!during\\b)\\p{L}+ing\\b|${CLAUSE_WORD.source}`, 'iu');
/** Two months: the distance beyond which a dated act is history the story recalls, not its news ("last year" in March). */
const HISTORY_DAYS = 60;
/** Six months: a bare month or day the date reader put further back than that is as likely ahead ("in June" in April). */
const GUESSED_YEAR_DAYS = 180;
/** A date the act is dated by, whose last possible day lies more than two months before publication. */
function isHistory(when: ResolvedDate, published: string, before: string): boolean {
  if (/\b(?:since|from|until|till|through|by)\s+(?:(?:early|late|mid)[\s-]+)?$/i.test(before)) return false;
  const [y, m, d] = when.date.split('-').map(Number);
  // the last day the date may mean: "1986" is up to 31 December 1986, "March 1986" up to 31 March
  const last = Date.UTC(y, m ? (d ? m - 1 : m) : 12, d ?? 0);
  const pub = Date.parse(published);
  // (a bare day or month the date reader put a year back is as likely a date ahead: "threatened to retaliate after April 1")
  // ("last September": chrono leaves "last" out of the date's words, but it fixes the year)
  const guessed = !when.certainYear && !/\b(?:last|ago|previous)\b/i.test(when.text) && !/\b(?:last|previous)\s+$/i.test(before) && /\p{L}/u.test(when.text);
  if (guessed && pub - last > GUESSED_YEAR_DAYS * 86_400_000) return false;
  return Number.isFinite(last) && Number.isFinite(pub) && pub - last > HISTORY_DAYS * 86_400_000;
}

/**
 * Whose date a date phrase is, by the tree: the act's when it belongs to the trigger's own clause (hangs on the
 * trigger, on a verb the trigger completes, "decided in 1981 to attack", on the light verb whose object the trigger's
 * noun is, "reached accords", or on a noun of that clause, "accused the IMF at an October meeting"); another act's when
 * the first clause above it is another one: a relative clause's ("diplomats, who had arrived in 1984"), the act asked
 * for, promised or threatened ("threatened to retaliate after April 1"), or an event the act follows ("demanding
 * damages following the disaster in December 1984"); undefined when the tree does not say.
 */
function dateOwner(s: AnalysedSentence, when: { start: number; end: number }, trig: TriggerMatch): DateOwner | undefined {
  const n = triggerNode(s, trig.start, trig.end);
  if (n < 0) return undefined;
  const inDate = (i: number) => s.tokens[i].start >= when.start && s.tokens[i].end <= when.end;
  const inTrigger = (i: number) => s.tokens[i].start >= trig.start && s.tokens[i].end <= trig.end;
  const top = s.tokens.findIndex((t, i) => inDate(i) && (s.heads[i] < 0 || !inDate(s.heads[i])));
  // (a date the parser made a subject or object is a misparse: "was kidnapped last November and his captors")
  if (top < 0 || !/^(?:obl|nmod|advmod|compound|amod|appos)/.test(s.deprels[top])) return undefined;
  // Up from the date through the nouns it modifies to the first clause head; the trigger on the way owns it.
  // (two nouns at most: further up, a misread noun, "objects to its decision in 2015", leaves the tree unsure)
  let head = s.heads[top];
  let hops = 0;
  for (; ; hops++) {
    if (head < 0 || hops > 2) return undefined;
    if (head === n || inTrigger(head)) return 'act';
    if (s.upos[head] === 'VERB' || s.upos[head] === 'AUX' || CLAUSE_RELATIONS.test(s.deprels[head])) break;
    // (an event the act comes after or before has its own date: "following the world's worst disaster in 1984")
    if (/^(?:obl|nmod)/.test(s.deprels[head]) && EVENT_PREPOSITION.test(caseOf(s, head))) return 'other-event';
    head = s.heads[head];
  }
  if (s.heads[n] === head && s.deprels[n] === 'obj' && LIGHT.test(s.tokens[head].form.toLowerCase())) return 'act';
  // an act in a "when" clause happens at the time of the clause it tells the time of ("was shut down last April
  // when Congress refused to fund it")
  if (s.heads[n] === head && s.deprels[n] === 'advcl' && opensWhen(s, n)) return 'act';
  // (a clause head is a verb or a predicate with its copula: "is effective on March 20"; a name the parser made the
  // root, "Britain today called on Japan", tells nothing)
  if (s.upos[head] !== 'VERB' && s.upos[head] !== 'AUX' && !children(s, head).some((c) => s.deprels[c] === 'cop')) return undefined;
  const chainedTo = (from: number, to: number) => {
    let k = from;
    while (k >= 0 && k !== to && s.deprels[k] === 'xcomp') k = s.heads[k];
    return k === to;
  };
  // and an act a "when" clause tells the time of happens then ("failed to reach agreement when the council met in
  // February")
  if (s.deprels[head] === 'advcl' && opensWhen(s, head) && chainedTo(n, s.heads[head])) return 'act';
  // (a participle set beside the clause tells what was done at its time: "began the moratorium in August 1985,
  // calling on the United States to follow")
  const beside = s.heads[n] === head && s.deprels[n] === 'advcl' && /ing$/i.test(s.tokens[n].form) && !children(s, n).some((c) => s.deprels[c] === 'mark');
  return chainedTo(n, head) || beside ? 'act' : hops ? 'other-event' : 'other';
}
/** 'other': the date hangs on another clause's verb; 'other-event': on a noun there, or on an event the act follows
 *  or precedes (a reading the parser's attachments of dates to nouns make less sure). */
type DateOwner = 'act' | 'other' | 'other-event';
/** Relations that make their word the head of a clause of its own ("the rate, which is effective on March 20"). */
const CLAUSE_RELATIONS = /^(?:root|ccomp|xcomp|advcl|acl|acl:relcl|csubj|parataxis)$/;
/** Prepositions that put another event before or after the act. */
const EVENT_PREPOSITION = /^(?:after|before|following|since|amid|despite|until)$/;

const opensWhen = (s: AnalysedSentence, c: number): boolean =>
  children(s, c).some((m) => /^when$/i.test(s.tokens[m].form) && /^(?:advmod|mark)$/.test(s.deprels[m]));
/** Between a date and a later act, words that only open a "when" clause: the clause the date tells the time of
 *  ("reached in principle last September when President Aquino visited the U.S."). */
const WHEN_CLAUSE = /^\s*,?\s*when\s/i;

/** Words between "since" and an act that put the act in another clause than the one "since" opens. */
const SPAN_BREAK = new Set(['and', 'but', 'which', 'who', 'that', 'when', 'after', 'before', 'while', 'said', 'says']);
/**
 * Is the act the start of a span the news is counted from ("in the days since Russia invaded Ukraine", "the first
 * swap since Moscow ordered troops into Ukraine", "Since Russia's invasion, China has ...")? Its background, not news.
 * (Not the adverb: "has since met 14 ministers", "have since been charged".)
 */
function opensSpan(toks: Token[], trig: TriggerMatch, text: string): boolean {
  for (let k = trig.first - 1; k >= Math.max(0, trig.first - 8); k--) {
    const w = toks[k].lower;
    if (SPAN_BREAK.has(w) || /[,;:()–—]/.test(text.slice(toks[k].end, toks[k + 1].start))) return false;
    if (w === 'since') return !HAVE_FORMS.has(toks[k - 1]?.lower ?? '') && !/^\d/.test(toks[k + 1]?.text ?? '');
  }
  return false;
}
const HAVE_FORMS = new Set(['has', 'have', 'had', 'having', 'ever']);

function dateFor<D extends ResolvedDate & { attributive: boolean }>(dates: D[], start: number, end: number): D | undefined {
  let best: D | undefined;
  let bestGap = Infinity;
  for (const d of dates) {
    if (d.attributive) continue;
    const gap = d.end <= start ? start - d.end : d.start >= end ? d.start - end : 0;
    if (gap < bestGap) (best = d), (bestGap = gap);
  }
  return best;
}

const names = (xs: Actor[]) => xs.map((a) => a.name).join('; ');
const codes = (xs: Actor[]) => xs.map((a) => a.country).join(';');

/** Countries the article names, to choose among homonymous places. */
function articleCountries(groupsBySentence: ActorGroup[][]): Set<string> {
  const out = new Set<string>();
  for (const gs of groupsBySentence) for (const g of gs) for (const a of g.actors) if (a.country) out.add(a.country);
  return out;
}

/** A trigger standing in the text as a noun ("the attack") or an infinitive that reports no act ("a desire to support"). */
function demoted(trig: TriggerMatch, toks: Token[]): 'noun' | 'skip' | undefined {
  const prev = toks[trig.first - 1]?.lower;
  if (prev === 'to' && trig.pattern.strength === 'verb') {
    const governor = toks[trig.first - 2]?.lower ?? '';
    return INFINITIVE_OK.test(governor) ? undefined : 'skip';
  }
  // "pleaded guilty", "pleaded not guilty": a plea in court asks nothing of anyone.
  if (/^plead/.test(toks[trig.first].lower) && /^(?:guilty|not|innocent|no)$/.test(toks[trig.last + 1]?.lower ?? '')) return 'skip';
  // "no threat", "no attacks": the text says there was none.
  if (prev === 'no' || prev === 'without') return 'skip';
  // "a battle that promises to be partisan", "threatens to become a crisis": a forecast, not a commitment.
  if (toks[trig.last + 1]?.lower === 'to' && /^(?:be|become)$/.test(toks[trig.last + 2]?.lower ?? '')) return 'skip';
  // "a host of", "a series of": a verb lemma used as a noun of quantity or kind.
  if (trig.pattern.lemma && prev && DETERMINER.has(prev) && toks[trig.last + 1]?.lower === 'of') return 'skip';
  // "terrorist attacks", "peace talks": a plural after a lower-case noun is a noun, not a verb.
  const form = toks[trig.first].lower;
  if (trig.pattern.lemma && prev && /[^s]s$/.test(form) && toks[trig.first - 1].text === prev && /^\p{L}+$/u.test(prev) &&
    !SUBJECT_WORD.test(prev)) return 'noun';
  // A sentence does not open with a finite verb: "Attacks by the Taliban rose" opens with a noun.
  // (not a command's past form before such a noun: "ordered troops to withdraw")
  if (trig.pattern.lemma && (trig.first === 0 || (prev && (DETERMINER.has(prev) || PREPOSITION.has(prev))) || (NOUN_AFTER.has(toks[trig.last + 1]?.lower ?? '') && !(trig.pattern.command && /ed$/.test(form))) || (prev && ADJECTIVE.test(prev) && toks[trig.first - 1].text === prev))) return 'noun';
  // "are welcome", "is free": a bare lemma after a form of "be" is an adjective, not an act.
  let j = trig.first - 1;
  while (j >= 0 && /ly$/.test(toks[j].lower)) j--;
  if (trig.pattern.lemma && j >= 0 && BE.has(toks[j].lower) && !/(?:ed|en|wn|ing)$/.test(toks[trig.first].lower)) return 'skip';
  return undefined;
}

/** The clause an order's object is to carry out: "ordered the Navy to increase its presence" (xcomp, or a "to" advcl). */
const orderedClause = (s: AnalysedSentence, c: number): boolean =>
  s.deprels[c] === 'xcomp' || (s.deprels[c] === 'advcl' && children(s, c).some((m) => s.deprels[m] === 'mark' && /^to$/i.test(s.tokens[m].form)));
const OBLIGATION_PATTERN: TriggerMatch['pattern'] = { phrase: 'must', specs: [], type: 'REQUEST', mode: '', context: '', strength: 'verb', lemma: false, needsRecipient: false, command: false };
/** Relations that join a description to the noun it describes. */
const APPOSITION = new Set(['appos', 'list', 'flat']);
/** Sectors a country's own people and institutions are of, not its forces or outside bodies. */
const HOME_SECTORS = new Set(['government', 'legislature', 'judiciary', 'police', 'opposition', 'party', 'business', 'civilians', 'civil_society', 'media', 'education', 'health', 'religious']);
/** Words that put a party abroad (sense.tsv `abroad-words`), and "non-OPEC", "non-aligned". */
const FOREIGN_WORD = new RegExp(`\\b(?:${[...ABROAD_WORDS].join('|')})\\b|\\bnon-[a-z]`, 'i');
/** Types of force: by a state or armed party, done across borders as often as at home. */
const MATERIAL_CONFLICT = new Set<PloverType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION', 'THREATEN']);
/** Deeds, not words: what was done "so far" was done ("shelling has so far killed 20 civilians"). */
const MATERIAL = new Set<PloverType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'SANCTION', 'AID', 'COOPERATE', 'RETREAT', 'PROTEST']);
/** Causes that may be an attack's as well as an accident's. */
const BLASTS = new Set(['explosion', 'explosions', 'blast', 'blasts']);
/** Sectors that bear arms: with one of them as a party, "attack" and "clash" are force, not words. */
const ARMED = new Set(['military', 'police', 'rebels', 'criminal']);
/** Offices whose holders command a state's forces. */
const HEAD_OF_STATE = /^(?:president|prime minister|chancellor|premier|king|queen|emir|sultan|supreme leader|head of state)$/;
/** Sectors whose "attacks" are usually words. */
const TALKING = new Set(['legislature', 'party', 'opposition', 'judiciary', 'media', 'ngo', 'civil_society', 'business', 'religious', 'education', 'health']);
/**
 * "He" and "she" are people; "it" is no person; "they" is several or a body, not one person or a country
 * by its name ("Pakistan said it had returned Afghan soldiers ... They were given safe passage"): a pronoun
 * that cannot be the previous subject is unknown.
 */
const agrees = (pronoun: string, subject: Actor[]) =>
  pronoun === 'he' || pronoun === 'she'
    ? subject.length === 1 && subject[0].kind === 'person' && actorGender(subject[0]) !== (pronoun === 'he' ? 'f' : 'm')
    : pronoun === 'it' ? subject.length === 1 && subject[0].kind !== 'person'
    : pronoun === 'they' ? subject.length > 1 || (subject.length === 1 && subject[0].kind !== 'person' && subject[0].kind !== 'country')
    : true;
/** A person's gender where its words mark it (an honorific, a given name): "she" is not Liam Fox. */
const actorGender = (a: Actor) => {
  for (const w of `${a.text} ${a.name}`.split(/\s+/)) {
    const g = genderOfWord(w, /^\p{Lu}/u.test(w));
    if (g) return g;
  }
  return undefined;
};
/**
 * A state or one of its organs or officials, not its people: "Britain", "the Foreign Office", "Shultz"; but
 * "Ukrainians", a people's plural standing for the country, are its people.
 */
function isState(a: Actor, text: string): boolean {
  if (a.kind === 'country') return !(/s$/i.test(text.slice(a.start, a.end)) && !/s$/i.test(a.name));
  return STATE_ORGAN.has(a.sector) || (a.kind === 'person' && !!a.office && a.sector !== 'business');
}
/** Sectors whose "must" and "should" are opinions, not demands. */
const OPINION_ONLY = new Set(['business', 'media', 'civilians', 'education']);
const REPORTING = new Set(['said', 'says', 'say', 'announced', 'announces', 'concluded', 'insisted', 'insists', 'stated', 'declared', 'added', 'argued', 'told', 'warned']);

/**
 * "Russia said that Sudan must return the helicopter": an obligation put on a party by the speaker is a
 * REQUEST from the speaker (before the reporting verb) to the party that must act (between it and "must").
 */
function findObligations(toks: Token[], groups: ActorGroup[], tree?: AnalysedSentence): Map<TriggerMatch, Roles> {
  const out = new Map<TriggerMatch, Roles>();
  for (let k = 2; k < toks.length; k++) {
    if (toks[k].text !== 'must' && toks[k].text !== 'should') continue;
    let s = k - 1;
    while (s >= 0 && !REPORTING.has(toks[s].lower)) s--;
    if (s < 0) continue;
    let subject = groups.filter((g) => g.start >= toks[s].end && g.end <= toks[k].start && !isPlaceOnly(g)).at(-1);
    let speaker = groups.filter((g) => g.end <= toks[s].start && !isPlaceOnly(g)).at(-1);
    if (tree) {
      // the tree decides who speaks and who must act, when there is one
      const parties = obligationParties(tree, toks[k].start, groups, (w) => REPORTING.has(w));
      if (!parties) continue;
      speaker = { ...parties.speaker[0], actors: parties.speaker.flatMap((g) => g.actors) };
      subject = { ...parties.subject[0], actors: parties.subject.flatMap((g) => g.actors) };
    }
    // An analyst's, a company's or a newspaper's "should" is an opinion; a state's, an official's or a
    // rights group's is a demand.
    if (!subject || !speaker || !speaker.actors.some((a) => isPolitical(a) || (!!a.sector && !OPINION_ONLY.has(a.sector)))) continue;
    out.set({ pattern: OBLIGATION_PATTERN, first: k, last: k, start: toks[k].start, end: toks[k].end }, { actors: speaker.actors, recipients: subject.actors });
  }
  return out;
}

/**
 * ("Australian Prime Minister Bob Hawke called on businessmen", "Oliver Letwin, for the Tories, attacked government
 * red tape", "Mr Blair will ask the Queen"): a home party named without a country, across from a party of the one
 * country the sentence names, is that country's (not in force, done across borders: "Russia attacked civilians")
 */
function fillHomeParties(roles: { actors: Actor[]; recipients: Actor[] }, groups: ActorGroup[], text: string, type: PloverType): void {
  const sentenceCountries = new Set([...groups.flatMap((g) => g.actors), ...roles.actors, ...roles.recipients].map((a) => a.country).filter(Boolean));
  const force = MATERIAL_CONFLICT.has(type) && [...roles.actors, ...roles.recipients].some((a) => a.kind === 'country' || ARMED.has(a.sector));
  if (sentenceCountries.size === 1 && !force) {
    const [only] = sentenceCountries;
    // (not one its words or its kind put abroad: "foreign governments", "Western leaders", "the banks", "diplomats")
    const abroad = (a: Actor) => {
      const name = a.name.toLowerCase();
      const head = name.split(' ').at(-1) ?? '';
      return FOREIGN_WORD.test(text.slice(Math.max(0, a.start - 25), a.end)) || [name, head].some((w) => RELATIONAL_NOUNS.has(w) || ABROAD_PRONE.has(w)) ||
        a.text.toLowerCase().split(/\s+/).some((w) => GROUP_ADJECTIVES.has(w));
    };
    // (an organ named with "the" is left to the definite reading: "urged the parliament" may be another's)
    const definiteOrgan = (a: Actor) => a.kind === 'sector' && STATE_ORGAN.has(a.sector) && /\bthe\s+$/i.test(text.slice(Math.max(0, a.start - 4), a.start));
    const home = (a: Actor): Actor => ((a.kind === 'sector' || a.kind === 'title') && !a.country && HOME_SECTORS.has(a.sector) && !abroad(a) && !definiteOrgan(a) ? { ...a, country: only } : a);
    if (roles.actors.some((a) => a.country === only)) roles.recipients = roles.recipients.map(home);
    // (an actor only across from a state's organ or body: who visits, criticises or asks a country or its leader
    // is as often from abroad, "businessmen visited Ukraine", "the prime minister accused Putin")
    // (nor a title, nor across from forces: "the mayor criticised the Russian army")
    else if (roles.recipients.some((a) => a.country === only && a.kind !== 'country' && a.kind !== 'person' && !ARMED.has(a.sector) && a.sector !== 'intelligence')) roles.actors = roles.actors.map((a) => (a.kind === 'sector' ? home(a) : a));
  }
}

/**
 * The events of one sentence: its first verb trigger with an actor or recipient (else its first such noun
 * trigger), plus any later verb trigger that opens a new clause with a subject of its own
 * ("Pakistan reopened the border as NATO's chief urged talks").
 */
function chooseEvents(toks: Token[], groups: ActorGroup[], text: string, statements: StatementRow[], previous: PreviousSentence, published: string, parsed?: () => AnalysedSentence | undefined, sportStory = false, companyStory = false) {
  // A central bank's dealings in the money market are trade, whatever the verb ("provided 17 mln stg
  // assistance to the money market", "invited an early round of bill offers"); force is still force.
  const matches = findTriggers(toks);
  // (most sentences have no trigger, and without a "must" or "should" no obligation: no events, nothing to set up)
  if (!matches.length && !toks.some((t) => t.text === 'must' || t.text === 'should')) return [];
  const words = ` ${toks.map((t) => t.lower).join(' ')} `;
  const market = MARKET_CONTEXTS.some((m) => words.includes(` ${m} `));
  const found = matches.filter((t) => !groups.some((g) => g.actors.some((a) => a.start < toks[t.first].end && a.end > t.start)) && !(market && !HOSTILE.has(t.pattern.type)));
  // The tree reads each trigger word: a verb, the act named by a noun, or no act (an adjective, a
  // commerce noun, a question, a condition, an opinion). Without a tree the word heuristics decide.
  const tree = found.length || toks.some((t) => t.text === 'must' || t.text === 'should') ? parsed?.() : undefined;
  const spoken = new Map<TriggerMatch, 'idea' | 'topic'>();
  /** Is the node the object of a command that orders it, one of the commander's armed forces ("ordered the Guards to attack")? */
  const forcesOrdered = (object: number): boolean => {
    const v = tree ? tree.heads[object] : -1;
    if (!tree || v < 0 || tree.deprels[object] !== 'obj' || !found.some((c) => c.pattern.command && triggerNode(tree, c.start, c.end) === v)) return false;
    const forces = groups.find((g) => g.start <= tree.tokens[object].start && tree.tokens[object].end <= g.end);
    return !!forces?.actors.every((a) => ARMED.has(a.sector));
  };
  const triggers = found
    .map((t) => {
      let how = demoted(t, toks);
      // (the infinitive a command orders its own forces to carry out: "ordered the Revolutionary Guards to attack")
      if (how === 'skip' && tree && toks[t.first - 1]?.lower === 'to') {
        const n = triggerNode(tree, t.start, t.end);
        const v = n >= 0 && orderedClause(tree, n) ? tree.heads[n] : -1;
        if (v >= 0 && children(tree, v).some((c) => tree.deprels[c] === 'obj' && forcesOrdered(c))) how = undefined;
      }
      if (!tree || how === 'skip') return { t, how };
      const isParty = (k: number) => groups.some((g) => g.start < tree.tokens[k].end && tree.tokens[k].start < g.end);
      const isPoliticalParty = (k: number) => groups.some((g) => g.start < tree.tokens[k].end && tree.tokens[k].start < g.end && g.actors.some(isPolitical));
      const reading = readTrigger(tree, t.start, t.end, t.pattern.type, t.pattern.strength === 'noun' ? 'noun' : 'verb', isParty, t.pattern.specs.some((x) => x.kind === 'gap'), isPoliticalParty);
      if (reading.as !== 'none' && reading.figurative) {
        if (!t.pattern.verbal) return { t, how: 'skip' as const };
        spoken.set(t, reading.figurative);
      }
      // (the tree only demotes: a sentence-initial "Attacks by the Taliban" the parser took for a verb stays a noun)
      return { t, how: reading.as === 'none' ? ('skip' as const) : reading.as === 'noun' && t.pattern.strength !== 'noun' ? ('noun' as const) : how };
    })
    .filter((x) => x.how !== 'skip');
  const nominal = new Set(triggers.filter((x) => x.t.pattern.strength === 'noun' || x.how === 'noun').map((x) => x.t));
  // "agreed to withdraw", "pledged to support": the inner act is the event, its promise a modality.
  const control = (t: TriggerMatch) => t.pattern.type === 'AGREE' && toks[t.last + 1]?.lower === 'to' && triggers.some((x) => x.t.first > t.last + 1 && x.t.first <= t.last + 3);
  const obligations = findObligations(toks, groups, tree);
  // "retaliated by expelling 20 diplomats", "protested by burning effigies": the act the "by" clause names is the event.
  const byManner = (t: TriggerMatch) => toks[t.last + 1]?.lower === 'by' && triggers.some((x) => x.t.first === t.last + 2 && /ing$/.test(toks[x.t.first].lower));
  const verbs = [...triggers.filter((x) => x.t.pattern.strength === 'verb' && !x.how && !control(x.t) && !byManner(x.t)).map((x) => x.t), ...obligations.keys()]
    .sort((a, b) => a.start - b.start);
  // "announced a suspension", "imposed a curfew", "launched an offensive": the noun after a light verb is the act.
  const light = (t: TriggerMatch) => {
    // up to two words between: "staged mass demonstrations", "announced a suspension"
    for (let j = t.first - 1; j >= 0 && j >= t.first - 3; j--) {
      if (LIGHT.test(toks[j].lower)) return true;
      if (toks[j].text !== toks[j].lower) return false;
    }
    return false;
  };
  const nounsAll = triggers.filter((x) => x.t.pattern.strength === 'noun' || x.how === 'noun').map((x) => x.t);
  const nouns = nounsAll.filter((t) => !light(t));
  verbs.push(...nounsAll.filter(light));
  verbs.sort((a, b) => a.start - b.start);
  /**
   * What a command orders: 'act' when the ordered act is coded instead ("ordered the expulsion of 18 diplomats",
   * "ordered troops to advance": done by whoever orders it), 'goods' when it orders things (a purchase: "ordered
   * 2,000 drones"), else undefined (an outside party ordered to act is asked: "ordered the west to accept").
   */
  const commanded = (t: TriggerMatch): 'act' | 'goods' | undefined => {
    if (!t.pattern.command) return undefined;
    if (nounsAll.some((x) => x.first > t.last && x.first <= t.last + 3 && toks.slice(t.last + 1, x.first).every((w) => w.text === w.lower))) return 'act';
    const s = parsed?.();
    const v = s ? triggerNode(s, t.start, t.end) : -1;
    if (!s || v < 0) return undefined;
    const object = children(s, v).find((c) => s.deprels[c] === 'obj');
    if (object === undefined) return undefined;
    const objectGroup = groups.find((g) => g.start <= s.tokens[object].start && s.tokens[object].end <= g.end);
    const clause = children(s, v).find((c) => orderedClause(s, c));
    if (clause !== undefined) return forcesOrdered(object) && triggers.some((x) => x.t !== t && dominates(s, clause, x.t.start, x.t.end)) ? 'act' : undefined;
    const thing = [NOUN.artifact, NOUN.food, NOUN.plant, NOUN.substance].includes(wordClasses(s.tokens[object].form.toLowerCase()).noun as never);
    return !objectGroup && (thing || children(s, object).some((c) => s.upos[c] === 'NUM')) ? 'goods' : undefined;
  };
  const withRoles = (trig: TriggerMatch): Roles => {
    const obligation = obligations.get(trig);
    if (obligation) return obligation;
    const roles = rolesFor(trig, toks, groups, text, nominal.has(trig), parsed);
    // (a noun's possessive pronoun is in its tree; a pronoun elsewhere in the sentence did not do it)
    if (!roles.actors.length && !(nominal.has(trig) && !light(trig) && parsed?.())) {
      const s = parsed?.();
      // the pronoun subject the tree found, else a pronoun just before the trigger
      // (a possessive the tree found stands for its owner: "his attempts to veto it")
      const written = roles.pronoun !== undefined && s ? s.tokens[roles.pronoun].form.toLowerCase() : undefined;
      const word = written !== undefined ? POSSESSIVE[written] ?? written : toks.slice(Math.max(0, trig.first - 4), trig.first).find((t) => PRONOUN.has(t.lower))?.lower;
      if (word && PRONOUN.has(word)) roles.actors = antecedent(word, trig, roles.pronoun, s, groups, toks, text, statements, previous, published);
    }
    // "accusing it of being obsessed with headlines": an object pronoun stands for the nearest subject before it
    // that agrees, as a subject pronoun does (never the actor itself)
    if (!roles.recipients.length && roles.pronounRecipient !== undefined) {
      const s = parsed?.();
      // (a possessive stands for its owner: "supports his plan")
      const written = s ? s.tokens[roles.pronounRecipient].form.toLowerCase() : '';
      const word = s ? SUBJECT_FORM[written] ?? POSSESSIVE[written] : undefined;
      const isActor = (as: Actor[]) => as.some((a) => roles.actors.some((b) => a.name === b.name || samePartyAs(b, a)));
      if (s && word) roles.recipients = antecedent(word, trig, roles.pronounRecipient, s, groups, toks, text, statements, previous, published, isActor);
    }
    // "Iran said its troops had killed ...": a sector word with a possessive is its owner's (its country).
    const owned = (a: Actor): Actor => {
      // (not a relation's other side: "asked its creditors")
      const m = a.kind === 'sector' && !a.country && !RELATIONAL_NOUNS.has(a.name.toLowerCase()) ? /\b(its|their|his|her)\s+$/i.exec(text.slice(Math.max(0, a.start - 7), a.start)) : null;
      if (!m) return a;
      const s = parsed?.();
      const at = s ? s.tokens.findIndex((t) => t.start >= a.start) : -1;
      const owner = antecedent(POSSESSIVE[m[1].toLowerCase()], trig, at >= 0 ? at : undefined, s, groups, toks, text, statements, previous, published);
      const countries = new Set(owner.map((o) => o.country));
      return countries.size === 1 && owner[0].country ? { ...a, country: owner[0].country } : a;
    };
    roles.actors = roles.actors.map(owned);
    roles.recipients = roles.recipients.map(owned);
    return roles;
  };
  /**
   * Is trigger `inner` what `outer` asks, promises, threatens or refuses: inside its complement clause (xcomp,
   * ccomp) in the tree, with no subject of its own unless asked for ("demanded that Syria withdraw")?
   */
  const contentOf = (outer: TriggerMatch, inner: TriggerMatch): boolean => {
    const s = parsed?.();
    if (!s || !CONTENT_TYPES.has(outer.pattern.type)) return false;
    const top = triggerNode(s, outer.start, outer.end);
    const n = triggerNode(s, inner.start, inner.end);
    const path = n >= 0 ? pathToRoot(s, n) : [];
    const at = top >= 0 ? path.indexOf(top) : -1;
    if (at <= 0 || (s.deprels[path[at - 1]] !== 'xcomp' && s.deprels[path[at - 1]] !== 'ccomp')) return false;
    return outer.pattern.type === 'REQUEST' || !children(s, n).some((c) => /^nsubj/.test(s.deprels[c]));
  };
  const out: Array<{ trig: TriggerMatch; roles: Roles; nominal: boolean; spoken?: 'idea' | 'topic' }> = [];
  for (const list of [verbs, nouns.filter((t) => NOUN_EVENT_TYPES.has(t.pattern.type))]) {
    for (const trig of list) {
      if (out.length) {
        if (list === nouns) break;
        // A further event needs a clause of its own: a clause word, then its own subject, then the trigger.
        const prev = out[out.length - 1].trig;
        const between = toks.slice(prev.last + 1, trig.first);
        const k = between.findIndex((t) => CLAUSE_END.test(t.lower) && !['said', 'says'].includes(t.lower));
        if (k < 0) continue;
        const from = between[k].end;
        if (!groups.some((g) => g.start >= from && g.end <= trig.start && !isPlaceOnly(g))) continue;
      }
      // What an earlier act asks, promises or threatens is no act of its own, however far down its clause and
      // whether or not that act was coded: "urged Reagan to step up negotiations ... by providing export
      // subsidies" provides nothing.
      if (list === verbs && verbs.some((v) => v.start < trig.start && commanded(v) !== 'act' && contentOf(v, trig))) continue;
      if (commanded(trig)) continue;
      // (an act that starts a span is the background of the clause it dates: the clause's own act may be the news)
      if (opensSpan(toks, trig, text)) continue;
      const roles = withRoles(trig);
      // ("Putin ordered troops to withdraw": the forces a commander orders are the commander's country's)
      const commander = tree && verbs.find((v) => v.start < trig.start && commanded(v) === 'act' && dominates(tree, triggerNode(tree, v.start, v.end), trig.start, trig.end));
      const commanderCountry = commander ? withRoles(commander).actors.find((a) => a.country)?.country : undefined;
      if (commanderCountry) roles.actors = roles.actors.map((a) => (a.kind === 'sector' && !a.country ? { ...a, country: commanderCountry } : a));
      if (trig.pattern.needsRecipient && !roles.recipients.some((a) => a.country || a.kind !== 'sector')) continue;
      // (a victim without a named attacker is news when the text tells the act: "two lecturers were killed"; a
      // noun naming one, "the invasion", "an attack on NATO would mean war", is background or imagined)
      if (!roles.actors.length && !(roles.recipients.length && VICTIM_TYPES.has(trig.pattern.type) && !nominal.has(trig))) continue;
      // An event needs a political party on one side at least (PLOVER): companies trading, banks lending
      // and people without a public role do not make events, whatever the verb.
      // Violence by unnamed perpetrators is kept: its victims are the news.
      const unknownPerpetrator = !roles.actors.length && VICTIM_TYPES.has(trig.pattern.type);
      // ... unless nature or an accident did it ("floods killed 30 people", "a quake destroyed the town", "were killed
      // when an airliner flew into electricity lines", "killed in an explosion and fire at the refinery"), or a thing
      // ("injured by childhood vaccines", "by Brazilian orange juice imports": trade law's injury), with no weapon or
      // fighting anywhere in the sentence ("killed when a huge explosion, believed to be a bomb, went off")
      const byAgent = toks.slice(trig.last + 1, trig.last + 6);
      const cause = (t: Token) => isNaturalCause(t.lower);
      const thing = (t: Token) => [NOUN.artifact, NOUN.food, NOUN.plant, NOUN.substance].includes(wordClasses(t.lower).noun as never);
      const weapon = toks.some((t) => WEAPONS.has(t.lower) || VIOLENCE_NOUNS.has(t.lower));
      // (an explosion or a blast only before the act or as its agent: in war news it is as often an attack, "wounded
      // in an explosion", "killed after reports of several blasts")
      const accident = (t: Token) => cause(t) && !BLASTS.has(t.lower);
      if (unknownPerpetrator && !weapon && (toks.slice(0, trig.first).some(cause) || toks.some(accident) || (byAgent[0]?.lower === 'by' && byAgent.slice(1).some((t) => cause(t) || thing(t))))) continue;
      // A protest is political by nature once we know whose people protest ("Iraqi Kurds demonstrated").
      const peoplesProtest = trig.pattern.type === 'PROTEST' && roles.actors.some((a) => a.country && a.sector !== 'business');
      if (!unknownPerpetrator && !peoplesProtest && ![...roles.actors, ...roles.recipients, ...(roles.moved ?? [])].some(isPolitical)) continue;
      // ("Wales twice threatened further scores", "named in the Scotland squad for the clash with Italy", "banned
      // for two years by the IAAF"): in a sport story only a state's organs and office holders make an event
      if (sportStory && ![...roles.actors, ...roles.recipients].some(isPoliticalOffThePitch)) continue;
      // ("USAIR <U> SEEKS ORDER AGAINST TWA <TWA>", "EPA DENIES WHEELING-PITTSBURGH <QWHX> REQUEST"): in a company's
      // story, suits, rulings, regulators' orders and deals are the company's business; only states on both sides
      // ("the British government reached an agreement on new traffic rights with the Japanese government") make an event
      if (companyStory && !(roles.actors.some(isStateSide) && roles.recipients.some(isStateSide))) continue;
      // Companies acting in a country ("signed an agreement to set up a joint venture in Japan") trade there:
      // the place is no party.
      if (roles.actors.length && roles.actors.every((a) => a.sector === 'business') && roles.recipients.every((a) => !isPolitical(a) || (a.locative && (a.kind === 'country' || a.capital)))) continue;
      // ... and so do companies that supply, back or agree with a state ("Uruguayan suppliers agreed to supply
      // Taiwan with soybeans"): a sale, not cooperation between parties.
      if (roles.actors.length && roles.actors.every((a) => a.sector === 'business') && COOPERATIVE.has(trig.pattern.type) && trig.pattern.type !== 'CONSULT') continue;
      // A market regulator's dealings with companies, or with no one else, are market supervision ("the SEC
      // charged Windsor Holding Co", "MCI asked the FCC to ease restrictions"); with a political party they stay.
      const regulator = (a: Actor) => isMarketRegulator(a.name) || isMarketRegulator(a.text);
      const sides = [...roles.actors, ...roles.recipients];
      if (sides.some(regulator) && !sides.some((a) => !regulator(a) && isPolitical(a) && a.sector !== 'judiciary')) continue;
      // So are a court's acts in a company's case with no other political party ("a U.S. District Court judge
      // denied NEC's motion to disqualify Judge William Ingram from presiding over its lawsuit against Intel Corp").
      if (sides.some((a) => a.sector === 'judiciary') && !sides.some((a) => a.sector !== 'judiciary' && isPolitical(a)) && groups.some((g) => g.actors.some((a) => a.sector === 'business'))) continue;
      out.push({ trig, roles, nominal: nominal.has(trig), spoken: spoken.get(trig) });
    }
    if (out.length) break;
  }
  return out;
}

/** How events are coded besides the text: `homeCountry`, the country whose press the corpus is (build setting). */
export interface EventOptions {
  homeCountry?: string;
}

/** `analysis`: the article's analysis when another extractor already has one (a sentence is parsed once). */
export function extractEvents(article: SegmentedArticle, statements: StatementRow[] = [], analysis?: AnalysedDocument, options: EventOptions = {}): EventRow[] {
  const text = article.text;
  const published = article.published ?? '';
  const rows: Draft[] = [];
  const sentences = article.sentences.map(([sa, sb]) => {
    const toks = tokenize(text, sa, sb);
    return { sa, sb, toks, groups: findActorGroups(text, sa, sb, published, toks) };
  });
  resolveSurnames(sentences.map((s) => s.groups));
  addSurnameMentions(sentences);
  const countriesHere = articleCountries(sentences.map((s) => s.groups));
  // (a story of films, music or television is read as one of sport: its countries' names describe stars and charts)
  const titled = `${article.title ?? ''}\n${text}`;
  const sportStory = isSportStory(titled) || isShowStory(titled);
  const companyStory = isCompanyStory(article.title ?? '');
  const ownCountry = ownCountryOf(text, article.dateline ?? '', sentences.map((s) => s.groups), options.homeCountry ?? '');
  const fullName = fullNameIn(text, published, sentences.flatMap((s) => s.groups.flatMap((g) => g.actors)).filter((a) => a.kind === 'person' && /\s/.test(a.name)));
  // IDs hash the words, not the offsets: a cleaning change earlier in the text keeps every event's ID.
  const seenKeys = new Map<string, number>();
  const eventId = (...parts: string[]) => {
    const key = parts.join('\u001f');
    const n = (seenKeys.get(key) ?? 0) + 1;
    seenKeys.set(key, n);
    return makeId('evt', ...parts, n);
  };
  /** The last sentence that named a party: a pronoun object may stand for one of its people. */
  let previous: { index: number; groups: ActorGroup[] } | undefined;
  /**
   * What a sentence-opening pronoun continues: the subject in the tree of the sentences before, nearest first. A
   * party there, else the first party the sentence names that agrees with the pronoun; but a common noun subject
   * that is no party and agrees with "it" or "they" is what the pronoun stands for, and that is no party ("The
   * committee said ... It blamed the agency"). A sentence naming no party, or with the same pronoun as subject,
   * passes on to the one before (five at most).
   */
  const topicBefore = (index: number, word: string): Actor[] => {
    for (let k = index - 1; k >= Math.max(0, index - 5); k--) {
      const { sa, sb, groups } = sentences[k];
      if (sb <= sa) continue;
      const parties = groups.filter((g) => !isPlaceOnly(g));
      const s = doc.sentence(k);
      const root = s.heads.indexOf(-1);
      // (the parser may split a name into two subjects: "the Finance and Economy Ministry said")
      const subjects = children(s, root).filter((c) => s.deprels[c] === 'nsubj' || s.deprels[c] === 'nsubj:pass');
      const subj = subjects.at(-1);
      if (subj !== undefined && s.upos[subj] !== 'PRON') {
        const spans = subjects.map((c) => subtree(s, c));
        const inSubject = parties.find((x) => spans.some(([lo, hi]) => x.start >= s.tokens[lo].start && x.end <= s.tokens[hi - 1].end));
        if (inSubject) return inSubject.actors;
        const plural = /[^s]s$/i.test(s.tokens[subj].form) || children(s, subj).some((c) => s.deprels[c] === 'conj');
        // (an acronym is an organisation too: "The FAO has urged ... It also criticised")
        const organisation = s.upos[subj] === 'PROPN' && /^\p{Lu}{2,}$/u.test(s.tokens[subj].form);
        if ((s.upos[subj] === 'NOUN' && ((word === 'it' && !plural) || (word === 'they' && plural))) || (organisation && word === 'it')) return [];
      }
      // (the same pronoun as subject carries the chain back: "It also called for ... It called on Indonesia")
      if (subj !== undefined && s.tokens[subj].form.toLowerCase() === word) continue;
      if (parties.length) return parties.find((g) => agrees(word, g.actors))?.actors ?? [];
    }
    return [];
  };
  /** Named parties seen so far, latest last: "the insurgents" later in the article is the Taliban. */
  const named: Actor[] = [];
  // The tree of a sentence is computed only when a trigger there asks for its arguments.
  const doc = analysis ?? new AnalysedDocument(text, article.sentences);
  for (const [index, { sa, sb, toks, groups }] of sentences.entries()) {
    const parsed = () => (sb > sa ? doc.sentence(index) : undefined);
    const before = previous;
    const previousSentence: PreviousSentence = {
      subject: (word) => topicBefore(index, word),
      persons: () => [...new Map((before?.groups ?? []).flatMap((g) => g.actors).filter((a) => a.kind === 'person').map((a) => [a.name, a])).values()],
    };
    const chosenList = chooseEvents(toks, groups, text, statements, previousSentence, published, parsed, sportStory, companyStory);
    if (groups.some((g) => !isPlaceOnly(g))) previous = { index, groups };
    for (const { trig, roles, nominal, spoken } of chosenList) {
      // A hostile act in what a party claims is that party's accusation of the act's doer; claimed by no party
      // we know, it is no act at all.
      const claimant = HOSTILE_OR_THREAT.has(trig.pattern.type) && parsed() ? claimantOf(parsed()!, trig.start, trig.end, groups, (w) => CLAIM_VERBS.has(w)) : undefined;
      if (claimant && (!claimant.length || !roles.actors.length)) continue;
      if (claimant) {
        roles.recipients = roles.actors;
        roles.actors = claimant.flatMap((g) => g.actors);
        roles.claimed = true;
      }
      // ("Although the alliance put off a decision on NATO's mission": a first sentence may name it after)
      const known = [...named, ...groups.flatMap((g) => g.actors).filter(nameable)];
      // ("In Italy, most voters oppose the government's decisions": a state's organ is that of the country the
      // sentence named before it, where it names one)
      const countryBefore = (a: Actor) => groups.flatMap((g) => g.actors).filter((c) => c.kind === 'country' && c.end <= a.start).at(-1);
      const definite = (a: Actor, otherSide: Actor[]) => {
        const here = a.kind === 'sector' && !a.country && STATE_ORGAN.has(a.sector) && /\bthe\s+$/i.test(text.slice(Math.max(0, a.start - 4), a.start)) ? countryBefore(a) : undefined;
        if (here) return { ...a, country: here.country };
        const resolved = resolveDefinite(a, text, known);
        const otherParty = otherSide.some((o) => o.name === resolved.name);
        return shortForm(otherParty ? resolveDefinite(a, text, known.filter((k) => !otherSide.some((o) => o.name === k.name))) : resolved, text, known);
      };
      // (never to the act's other side: "The ministers met. They asked the EC Commission to consult")
      const actorsNamed = roles.actors;
      roles.actors = roles.actors.map((a) => definite(a, roles.recipients));
      roles.recipients = roles.recipients.map((r) => definite(r, actorsNamed));
      roles.actors = roles.actors.map(fullName).map(ownCountry);
      roles.recipients = roles.recipients.map(fullName).map(ownCountry);
      // ("the Argentine government will ask congress", "the president urged parliament"): an organ named bare, without
      // "the" or a country, is the actor's own state's
      const actorState = roles.actors.find((a) => a.country && (a.kind === 'country' || STATE_ORGAN.has(a.sector)))?.country;
      if (actorState) roles.recipients = roles.recipients.map((r) => (r.kind === 'sector' && !r.country && BARE_ORGAN.test(r.text ?? r.name) && !/\b(?:the|a|an|its|their|this|that)\s+$/i.test(text.slice(Math.max(0, r.start - 6), r.start)) ? { ...r, country: actorState } : r));
      fillHomeParties(roles, groups, text, trig.pattern.type);
      if (roles.pair && !roles.recipients.length) roles.recipients = lastTwoCountries(known, trig.start, roles.actors);
      // "as US troops pull out of the country", "threatens to attack that country": the country named last before it,
      // not the actor's own
      if (roles.countryAt !== undefined && !roles.recipients.length) {
        const at = roles.countryAt;
        const country = known.filter((a) => a.kind === 'country' && a.start < at && !roles.actors.some((b) => b.country === a.country)).at(-1);
        if (country) roles.recipients = [{ ...country, start: at, end: at + 'country'.length, text: 'country', locative: false }];
      }
      // (a party is not its own recipient, once resolved either; nor is a state named by its name the recipient of its
      // own leaders, organs or forces: "Lebanese President Amin Gemayel has agreed to three points of a plan for
      // Lebanon", "Zelenskiy urged allies to return to Ukraine"; its rebels, opposition and people do act on it)
      // (repression is: "Turkish authorities imposed a curfew in southeastern Turkey" is done to its people)
      const ownState = (r: Actor) => !VICTIM_TYPES.has(trig.pattern.type) && r.kind === 'country' && roles.actors.some((a) => a.country === r.country && (a.kind === 'country' || STATE_ORGAN.has(a.sector)));
      roles.recipients = roles.recipients.filter((r) => !roles.actors.some((a) => samePartyAs(a, r)) && !ownState(r));
      // "Stoltenberg and Ghani discussed ...": of a meeting or an agreement between the parties of the
      // subject, the first named is the actor and the others its recipients (dyads need both sides).
      // (so is signing: "West Germany and Sierra Leone signed an agreement")
      // (an offer, a promise or a pledge has a side it is made to: "the U.S., Colombia and Venezuela offered
      // assistance" are three donors, not a dyad)
      const words = text.slice(trig.start, trig.end);
      // (and so is quarrelling or fighting: "Britain and Japan clashed today over ...")
      const mutual = (MUTUAL.has(trig.pattern.type) && !/^(?:offer|promis|pledg|vow|commit)/i.test(words)) || /^(?:sign|clash|quarrel|feud|wrangl|spar|fought|fight|battl)/i.test(words);
      if (mutual && !roles.recipients.length && new Set(roles.actors.map(actorKey)).size > 1) {
        roles.recipients = roles.actors.slice(1);
        roles.actors = roles.actors.slice(0, 1);
      }

    const p = trig.pattern;
    const mod = modalityOf(toks, trig.first, trig.last);
    const dates = resolveDates(text.slice(sa, sb), published, { future: mod.planned }).map((d) => ({
      ...d, start: d.start + sa, end: d.end + sa,
      // "the February 2020 agreement" dates the agreement, not this event.
      // ("during the second world war": a period's name takes "the")
      // (so does a possessive one, "below last September's target", unless it names when and where the act was,
      // "complained at last year's meeting", or the act is its noun, "last year's Afghan withdrawal")
      // (but a dated meeting the act took place at dates the act: "accused the IMF at an October meeting")
      attributive: !d.period && ((/(?:\b(?:the|a|an|its|their|his|her)|\p{L}['’]s)\s+$/iu.test(text.slice(Math.max(sa, d.start + sa - 6), d.start + sa)) &&
        !/\b(?:at|during)\s+(?:the|a|an|its|their|his|her)\s+$/i.test(text.slice(Math.max(sa, d.start + sa - 14), d.start + sa))) ||
        (/^['’]s\b/.test(text.slice(d.end + sa, d.end + sa + 3)) && !/\b(?:at|during|in|on)\s+(?:(?:last|this|next)\s+)?$/i.test(text.slice(Math.max(sa, d.start + sa - 12), d.start + sa)) &&
          !/^['’]s(?:\s+[\p{L}-]+){0,3}\s*$/u.test(text.slice(d.end + sa, trig.start)))),
    }));
    // (not a date the tree gives another clause: "expelled 23 diplomats, who had arrived in 1984")
    const owners = new Map(dates.map((d) => [d, parsed() ? dateOwner(parsed()!, d, trig) : undefined]));
    // (nor the start of a span the act runs through: "has been fighting the government since 1976" is news of now)
    const spanStart = (d: ResolvedDate) => /\bsince\s+(?:(?:early|late|mid)[\s-]+)?$/i.test(text.slice(Math.max(0, d.start - 12), d.start));
    // (a date the tree less surely gives another clause is left out only when it lies months back or ahead: a near
    // past one, "the ministry said on Sunday", still dates the act better than the publication day)
    const history = (d: ResolvedDate) => isHistory(d, published, text.slice(Math.max(0, d.start - 8), d.start));
    const othersDate = (d: (typeof dates)[number]) => owners.get(d) === 'other' || (owners.get(d) === 'other-event' && (d.future || history(d)));
    let when = dateFor(dates.filter((d) => !othersDate(d) && !spanStart(d)), trig.start, trig.end);
    const planned = mod.planned || !!when?.future;
    // "He seized a chunk of Georgia in 2008", "agreed in 1981 to integrate their economies": an act the text dates
    // more than two months before the story ("last year" in March) is history it recalls, not news; counted again in
    // every story that recalls it, it would swell the counts of its month. (not a date that starts a span: "since
    // 1985", "from 1979")
    // (only a date in the act's own clause: "accuses Sweden of harbouring militants and objects to decisions in 2019";
    // one set off by commas before the act still dates it: "In 2018, Syria recognised ...")
    const before = when && when.end <= trig.start;
    const between = when ? (before ? text.slice(when.end, trig.start) : text.slice(trig.end, when.start)) : '';
    // (words of another clause between them leave the date to that clause, unless the tree hangs the date on the act
    // itself: "In 1984, after three months of negotiations, the U.S. reached accords with ...")
    const ownDate = () => owners.get(when!) === 'act' || !(before ? CLAUSE_WORD : CLAUSE_BREAK).test(before && WHEN_CLAUSE.test(between) ? between.replace(WHEN_CLAUSE, ' ') : between);
    if (when && history(when)) {
      if (!planned && ownDate()) continue;
      // (a date from months back that another clause may own does not date the act: "an IMF delegation, which
      // visited Israel this week, ... 19.7 pct last year")
      if (!ownDate()) when = undefined;
    }
    let type = roles.claimed ? 'ACCUSE' : p.type;
    let mode = roles.claimed ? 'allege' : p.mode;
    let context = roles.claimed ? '' : p.context;
    // A politician who "attacked" a rival criticised them; a state or armed group that attacked used force.
    // (not a head of state or government whose attack is on a state or its forces: "Putin's attacks against Ukraine")
    const onState = roles.recipients.length > 0 && roles.recipients.every((a) => a.kind === 'country' || ARMED.has(a.sector) || a.sector === 'civilians');
    const speaking = (a: Actor) => (a.kind === 'person' && !(onState && HEAD_OF_STATE.test(a.office))) || TALKING.has(a.sector);
    // So is an attack "over" a topic by anyone unarmed, and one on an idea by a speaker; a state's or an armed
    // party's attack on an "idea" is no event (WordNet's first sense may misread the object).
    const unarmed = ![...roles.actors, ...roles.recipients].some((a) => ARMED.has(a.sector));
    if (spoken && !(unarmed && (spoken === 'topic' || roles.actors.every(speaking)))) continue;
    // (an attack on a party by someone the text leaves unnamed is a politician's too: "He attacked the Tories")
    const onParties = !roles.actors.length && roles.recipients.length > 0 && roles.recipients.every((a) => a.sector === 'party' || a.sector === 'opposition');
    if (p.verbal && unarmed && (spoken || onParties || (roles.actors.length && roles.actors.every(speaking)))) (type = p.verbal), (mode = 'disapprove'), (context = '');
    const triggerWords = text.slice(trig.start, trig.end);
    // "Britain has protested the Japanese limitations", "Republicans protested they had not seen the plan": a state's,
    // an official's or a party's protest is a complaint (ACCUSE); people in the streets protest ("Ukrainians protested").
    if (type === 'PROTEST' && mode === 'demo' && /^protest/i.test(triggerWords) && roles.actors.length && roles.actors.every((a) => isState(a, text) || a.sector === 'party')) (type = 'ACCUSE'), (mode = 'disapprove'), (context = '');
    // "Russia's strike", "constant Russian strikes at infrastructure": a state's or an armed party's strike is force,
    // unless workers strike ("Brazil's seamen strike").
    if (type === 'PROTEST' && mode === 'strike' && /^strikes?$/i.test(triggerWords) && roles.actors.length && roles.actors.every((a) => ARMED.has(a.sector) || isState(a, text)) &&
      !toks.slice(Math.max(0, trig.first - 3), trig.first).some((t) => LABOUR.has(t.lower))) (type = 'ASSAULT'), (mode = ''), (context = 'military');
    // Exercises or operations of several countries together are cooperation, of one a show of force (PLOVER 3.14).
    if (type === 'MOBILIZE' && new Set(roles.actors.map((a) => a.country).filter(Boolean)).size > 1) (type = 'COOPERATE'), (mode = '');
    let negatedFrom: PloverType | undefined;
    // ("the Brazilian delegation had made no demands": the act's own words deny it)
    if (/\bno\b/i.test(text.slice(trig.start, trig.end))) continue;
    if (mod.negated) {
      // "will not accept", "failed to reach agreement": a refusal, which did happen (PLOVER REJECT). "Did not
      // attack", "never met": nothing happened, and PLOVER codes no event.
      if (!mod.refusal || !COOPERATIVE.has(type)) continue;
      (negatedFrom = type), (type = 'REJECT'), (mode = '');
    } else if (mod.hypothetical || mod.habitual || (mod.standing && !MATERIAL.has(type))) {
      // "could attack", "may impose", "if they leave": imagined acts are no events; nor are habits and
      // standing stances ("had historically declined to seek membership", "has so far refused"): PLOVER codes
      // occurrences.
      continue;
    } else if ((planned && PROMISABLE.has(type) || (mod.promise && (type === 'RETREAT' || type === 'CONCEDE')))) {
      // Cooperation reported in the future tense is AGREE (PLOVER manual 3.1); a retreat or concession in the
      // future keeps its type unless the actor explicitly commits to it ("agreed to withdraw", "is willing to").
      (type = 'AGREE'), (mode = '');
    } else if (HOSTILE.has(type) && (mod.promise || mod.future || (planned && mod.conditional)) && !(type === 'MOBILIZE' && !roles.recipients.length)) {
      // Hostility announced by its actor, or put as a condition, is a threat (PLOVER manual 3.11).
      // (troops to be deployed against nobody named threaten nobody: "Syrian troops would deploy around the camp"
      // stays a planned MOBILIZE)
      (mode = THREAT_MODE[type] ?? ''), (type = 'THREATEN');
    }
    // A place is not a party: "Lloyd Austin" holds no Austin, "Kabul said" is the government speaking.
    const parties = groups.flatMap((g) => g.actors).filter((a) => !(a.locative && (a.capital || a.kind === 'country')));
    const countryAt = (i: number, n: number) => {
      const e = LEXICON.names.get(keyOf(toks, i, n));
      return e?.kind === 'country' && !e.capital ? e.country : '';
    };
    // ("demonstrators in Nairobi" is a party, and Nairobi still the place)
    const places = findPlaces(toks, countriesHere, countryAt).filter((pl) => !parties.some((a) => a.start < pl.end && a.end > pl.start && !/\s(?:in|of)\s/.test(text.slice(a.start, pl.start))));
    const place: Place | undefined = places.find((pl) => pl.kind === 'city') ?? places[0];
    const statement = statements.find((s) => s.start <= trig.start && s.end >= trig.end);
    // Force used against a place ("shelled Jericho") has the place's country as recipient.
    // (so does a deployment there: "expand a training mission in Iraq")
    // (a place after the trigger: "In Baghdad, a spokesman said Iraqi warplanes destroyed a station at Ahvaz")
    const target = places.find((pl) => pl.kind === 'city' && pl.start > trig.start) ?? places.find((pl) => pl.start > trig.start);
    if (!roles.recipients.length && target && (VICTIM_TYPES.has(type) || type === 'MOBILIZE') && target.country !== roles.actors[0]?.country) {
      roles.recipients = [{ name: target.name, country: target.country, sector: '', office: '', kind: 'country', locative: true, capital: false, start: target.start, end: target.end, text: target.name }];
    }
    // Civilians harmed where the sentence places the act are that country's ("shelling of Kharkiv killed five civilians"),
    // when the article names that country (a gazetteer's namesake elsewhere is no evidence).
    if (VICTIM_TYPES.has(type) && place?.country && countriesHere.has(place.country)) roles.recipients = roles.recipients.map((a) => (a.kind === 'sector' && a.sector === 'civilians' && !a.country ? { ...a, country: place.country } : a));
    // A sanction "on Japanese imports", "against Libyan oil" is on the state whose goods or firms they are.
    // (so is a threat of one: "threatened to impose tariffs worth 300 mln dlrs on Japanese exports")
    const threatOfSanction = p.type === 'THREATEN' && toks.slice(trig.last + 1, trig.last + 6).some((t) => SANCTION_NOUNS.has(t.lower));
    if (!roles.recipients.length && (p.type === 'SANCTION' || threatOfSanction)) {
      for (let k = trig.last + 1; k < Math.min(toks.length - 1, trig.last + (threatOfSanction ? 14 : 8)); k++) {
        if (toks[k].lower !== 'on' && toks[k].lower !== 'against') continue;
        const at = toks[k + 1].lower === 'the' ? k + 2 : k + 1;
        const country = [2, 1].map((n) => (at + n <= toks.length ? countryAt(at, n) : '')).find(Boolean);
        if (country && !roles.actors.some((a) => a.country === country)) {
          roles.recipients = [stateOf(country, toks[at].start, toks[at].end, toks[at].text)];
        }
        break;
      }
    }
    // A visit's host is the place visited ("an IMF team would visit La Paz"): its country's government.
    const visited = places.find((pl) => pl.start >= trig.end && /^\s*(?:(?:the|this|next|last)\s+)?$/i.test(text.slice(trig.end, pl.start)));
    if (!roles.recipients.length && visited && /^visit/i.test(text.slice(trig.start, trig.end)) && !roles.actors.some((a) => a.country === visited.country)) {
      roles.recipients = [stateOf(visited.country, visited.start, visited.end, visited.name)];
    }
    // A meeting with nobody we can name ("the EC Commission met in Brussels", "the Supreme Council met in
    // emergency session") is a body meeting within itself, or a dyad we cannot code: PLOVER's CONSULT is
    // between two parties.
    // (nor is talking to a newspaper: "US officials who spoke with the Wall Street Journal" made a statement)
    if (p.type === 'CONSULT' && (!roles.recipients.length || roles.recipients.every((a) => a.sector === 'media'))) continue;
    if ((type === 'REQUEST' || type === 'REJECT') && !mode) mode = requestMode(toks, trig, negatedFrom);
    const [actor, recipient] = [roles.actors[0], roles.recipients[0]];
    const confidence = Math.min(0.95, (p.strength === 'verb' ? 0.5 : 0.3) + (actor ? 0.2 : 0) + (recipient ? 0.15 : 0) + (when ? 0.05 : 0));
    rows.push({
      // What the event says (type, trigger words, actors, recipients), not its sentence or offsets: a
      // correction elsewhere in the sentence keeps the ID, and the diff reports the row as changed.
      event_id: eventId(article.article_id, type, text.slice(trig.start, trig.end), names(roles.actors), names(roles.recipients)),
      article_id: article.article_id,
      statement_id: statement?.statement_id ?? '',
      event_type: type,
      quad_class: PLOVER_QUAD[type],
      cameo_code: nominal ? '' : cameoCode(toks, trig.first, type),
      mode,
      context,
      actor: actor?.name ?? '',
      actor_country: actor?.country ?? '',
      actor_sector: actor?.sector ?? '',
      actor_office: actor?.office ?? '',
      actors: names(roles.actors),
      actor_countries: codes(roles.actors),
      recipient: recipient?.name ?? '',
      recipient_country: recipient?.country ?? '',
      recipient_sector: recipient?.sector ?? '',
      recipient_office: recipient?.office ?? '',
      recipients: names(roles.recipients),
      recipient_countries: codes(roles.recipients),
      date: when?.date ?? published,
      date_precision: when?.precision ?? (published ? 'day' : ''),
      date_is_fallback: !when,
      location: place?.name ?? '',
      location_country: place?.country ?? '',
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      planned,
      trigger: text.slice(trig.start, trig.end),
      start: trig.start,
      end: trig.end,
      sentence_start: sa,
      sentence_end: sb,
      mentions: 1,
      confidence: Math.round(confidence * 100) / 100,
      nominal,
      actor_key: actorKey(actor),
      // (a person who speaks for an organisation is that organisation: "Jens Stoltenberg urged" = "NATO urged")
      actor_name_key: actor && (actor.kind === 'person' || actor.kind === 'org') ? actor.body || actor.name : '',
      // A bare "troops" or "people" is compatible with any named recipient when merging.
      recipient_key: recipient && (recipient.country || /\p{Lu}/u.test(recipient.name) || recipient.kind !== 'sector') ? actorKey(recipient) : '',
      // (two people or bodies of one country are two recipients: "accused the chancellor", "attacked the Labour party")
      recipient_name_key: recipient && (recipient.kind === 'person' || recipient.kind === 'org' || recipient.kind === 'title') ? recipient.body || recipient.name : '',
      sentence: text.slice(sa, sb),
    });
    }
    for (const g of groups) for (const a of g.actors) if (nameable(a)) named.push(a);
  }
  return mergeMentions(rows).map(({ nominal: _n, actor_key: _a, actor_name_key: _an, recipient_key: _r, recipient_name_key: _rn, sentence: _s, ...row }) => row);
}

/**
 * A surname alone is the person the article named in full before ("Gerhard Stoltenberg ... Stoltenberg
 * said"); without such a mention it is the dictionary's person only if they held an office on the date
 * ("Stoltenberg" in 2019 is NATO's secretary-general, in 1987 nobody we know): else an unknown person.
 */
function resolveSurnames(groupsBySentence: ActorGroup[][]): void {
  const named = new Map<string, Actor>();
  const lastWord = (s: string) => s.split(/\s+/).at(-1)!.replace(/['’]s$/, '');
  for (const groups of groupsBySentence) {
    for (const g of groups) {
      g.actors = g.actors.map((a) => {
        if (a.kind !== 'person') return a;
        if (/\s/.test(a.text.trim())) {
          named.set(lastWord(a.text), a);
          return a;
        }
        const full = named.get(lastWord(a.text));
        if (full) return { ...full, start: a.start, end: a.end, text: a.text };
        return a.office ? a : { ...a, name: a.text, country: '', sector: '', body: '' };
      });
    }
  }
}

/**
 * "Kohl" after "Chancellor Helmut Kohl": a surname alone that the dictionaries do not know by itself is the
 * person the article names in full with an office or a country, wherever it stands ("demand that Kohl confirm").
 */
function addSurnameMentions(sentences: { toks: Token[]; groups: ActorGroup[] }[]): void {
  const full = new Map<string, Actor>();
  for (const { groups } of sentences) {
    for (const a of groups.flatMap((g) => g.actors)) {
      const last = a.name.split(/\s+/).at(-1)!;
      if (a.kind === 'person' && /\s/.test(a.name) && (a.country || a.office) && !full.has(last)) full.set(last, a);
    }
  }
  if (!full.size) return;
  for (const { toks, groups } of sentences) {
    let added = false;
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      const a = full.get(t.text);
      if (!a || groups.some((g) => g.start < t.end && t.start < g.end)) continue;
      // (only a surname standing alone, not part of another name: "Helmut Kohl", "Kohl Industries")
      if ((i > 0 && /^\p{Lu}/u.test(toks[i - 1].text) && !NOT_GIVEN.test(toks[i - 1].text)) || /^\p{Lu}/u.test(toks[i + 1]?.text ?? '')) continue;
      groups.push({ actors: [{ ...a, start: t.start, end: t.end, text: t.text }], start: t.start, end: t.end });
      added = true;
    }
    if (added) groups.sort((x, y) => x.start - y.start);
  }
}

/**
 * A person known by surname alone ("Funaro rejected ...") is the one the article names in full: with the office
 * and country it gives ("Brazilian Finance Minister Dilson Funaro"), else the dictionaries' when they know the
 * full name ("Barber Conable"). A full name without office or country takes those the article gives it
 * elsewhere ("The UK's foreign secretary, Liz Truss, ... Liz Truss called on").
 */
function fullNameIn(text: string, date: string, people: Actor[]): (a: Actor) => Actor {
  const cache = new Map<string, Actor | undefined>();
  const find = (surname: string): Actor | undefined => {
    // a person the article names with office or country ("Brazilian Finance Minister Dilson Funaro")
    const titled = people.find((p) => p.name.split(' ').at(-1) === surname && (p.country || p.office));
    if (titled) return titled;
    const escaped = escapeRegExp(surname);
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}.'’-])(\\p{Lu}[\\p{Ll}'’-]+)\\s+${escaped}(?![\\p{L}'’-])`, 'gu'))) {
      const given = m[1];
      // (not a title, a country or a word of the dictionaries: "President Reagan", "Mr Howard", "Soviet Gorbachev")
      if (NOT_GIVEN.test(given) || findActorGroups(given, 0, given.length, date).length) continue;
      const name = `${given} ${surname}`;
      const known = findActorGroups(name, 0, name.length, date)[0]?.actors[0];
      return known?.kind === 'person' ? known : { name, country: '', sector: '', office: '', kind: 'person', locative: false, capital: false, start: 0, end: 0, text: name };
    }
    // else the one person of the dictionaries known by that one word who held an office on the date ("Reagan")
    const e = MONONYMS.get(surname.toLowerCase());
    const term = e ? termAt(e, date) : undefined;
    return e && term ? { name: e.name, country: term.country, sector: term.sector, office: term.office, body: term.body, kind: 'person', locative: false, capital: false, start: 0, end: 0, text: e.name } : undefined;
  };
  return (a) => {
    if (a.kind !== 'person' || a.country || a.office) return a;
    // a full name the article gives elsewhere with its office or country ("the UK's foreign secretary, Liz Truss")
    if (/\s/.test(a.name)) {
      const titled = people.find((p) => p.name === a.name && (p.country || p.office));
      return titled ? { ...titled, start: a.start, end: a.end, text: a.text } : a;
    }
    if (!cache.has(a.name)) cache.set(a.name, find(a.name));
    const full = cache.get(a.name);
    return full ? { ...full, start: a.start, end: a.end, text: a.text } : a;
  };
}
/** Words before a surname that are no given name. */
const NOT_GIVEN = /^(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|The|But|And|When|While|After|Before|If|As|At|In|On|Of|For|With|By|From|To|Then|Now|Yet|Also|Meanwhile|However|Earlier|Later|Both|Neither|Either|Said|Says|Told|Asked|Added|Under|Over|Against|Since|Until|During|Despite|Although|Though|Because|So|Or|Nor|That|This|These|Those|It|He|She|They|We|I|His|Her|Their|Its|Our|Senator|Sen|Rep|Governor|Gov|Mayor|Judge|Justice|Chancellor|Minister|Secretary|President|Premier|Chairman|Chief|General|Gen|Colonel|Col|Captain|Capt|Admiral|Adm|King|Queen|Prince|Princess|Emperor|Pope|Father|Rev|Reverend|Sheikh|Ayatollah|Emir|Sultan|Commissioner|Ambassador|Envoy|Leader|Spokesman|Spokeswoman)$/;

/** Sectors of a state's own organs. */
/** Organs a text names bare when they are the state's own ("asked congress", "told parliament"). */
const BARE_ORGAN = /^(?:congress|parliament|senate|legislature|cabinet)$/i;
const STATE_ORGAN = new Set(['government', 'legislature', 'judiciary', 'military', 'police', 'intelligence']);
/** Sector words that name one organ of one state ("the ministry", "parliament"); plurals ("officials") may be anyone's. */
const ORGAN_WORD = /^(?:government|administration|cabinet|regime|junta|(?:[a-z]+ )?ministry|army|military|navy|air force|police|parliament|senate|assembly|legislature|congress|(?:supreme )?court|judiciary|(?:public )?prosecutors?|prosecution|judges?|magistrates?)$/i;
/** Members of a state's organs named in the plural: of the home country where it dominates the story. */
const ORGAN_MEMBERS = /^(?:MPs|ministers|peers|senators|lawmakers|legislators|councillors|cabinet ministers)$/i;
/** Offices whose holders are news wherever they go, and head companies too: their title tells no country. */
const VISITING_OFFICE = new Set(['president', 'head of state']);
/** Offices whose holders travel: of the dateline's country only (without one, their title tells no country). */
const TRAVELLING_OFFICE = new Set(['prime minister', 'foreign minister']);
/** Titles of people who serve one state abroad or deal with other states: as likely foreign as home. */
const FOREIGN_FACING = /^(?:Ambassador|Envoy|Special Envoy)\b/;
/** Names of bodies above or between states ("Interim Committee" of the IMF is not told by its words; these are). */
const BEYOND_STATE = /\b(?:International|World|European|United Nations|Inter-\w+|Asian|African|Arab|Islamic|Nordic|Atlantic|EC|EEC|UN|OPEC|NATO|GATT|IMF)\b/;

/**
 * An organ of a state named without its country ("the Finance Ministry said", "Commerce Secretary Malcolm
 * Baldrige") takes the country the same name carries elsewhere in the article ("Japan's Finance Ministry"),
 * else the article's own country (below); people who face abroad (ambassadors, foreign ministers) and bodies
 * above states never do.
 */
function ownCountryOf(text: string, dateline: string, groupsBySentence: ActorGroup[][], homeCountry: string): (a: Actor) => Actor {
  const counts = new Map<string, number>();
  /** Countries the text names other than by a capital ("Brussels" is as often the EC as Belgium). */
  const namedBy = new Set<string>();
  const byName = new Map<string, Set<string>>();
  for (const gs of groupsBySentence) {
    for (const g of gs) {
      for (const a of g.actors) {
        if (!a.country) continue;
        counts.set(a.country, (counts.get(a.country) ?? 0) + 1);
        if (!a.capital) namedBy.add(a.country);
        if (a.kind !== 'country') byName.set(a.name, (byName.get(a.name) ?? new Set()).add(a.country));
      }
    }
  }
  const fromDateline = datelineCountry(dateline, (name) => {
    const e = LEXICON.names.get(name);
    return e?.kind === 'country' ? e.country : '';
  });
  // The dateline's country, when the article names it most (the dateline counting as two mentions).
  // Without a dateline the country an article names most is often the one its news is about, not the one
  // its officials serve (a Guardian story on Russia's war quoting "the defence secretary, Ben Wallace").
  let home = '';
  if (fromDateline) {
    const scores = new Map(counts).set(fromDateline, (counts.get(fromDateline) ?? 0) + 2);
    const [first, second] = [...scores.entries()].sort((x, y) => y[1] - x[1]);
    if (first[0] === fromDateline && (!second || first[1] > second[1])) home = fromDateline;
  }
  // A person's office needs the text itself to name the dateline's country as one of its main ones, named most
  // or not: a Brussels dateline over an EC farm story makes no Belgian of "Agriculture Minister Ignaz Kiechle",
  // nor a Stockholm one of a Polish spokesman visiting, but a Taipei story on American pressure still quotes
  // Taiwan's "Central bank governor Chang Chi-cheng" (officeholders the dictionaries know, written in
  // Reuters-21578 without a country, are of such a dateline's country in 13 of 14 cases). A digest of stories
  // under their own datelines has no one dateline. The dateline alone places an organ ("the Nuclear Regulatory
  // Commission" in a Washington story).
  const top = Math.max(0, ...counts.values());
  const digest = /\n[A-Z][A-Z .'-]{2,} - /.test(text);
  const personHome = namedBy.has(fromDateline) && (counts.get(fromDateline) ?? 0) * 3 >= top && !digest ? fromDateline : '';
  // Before the dateline, the lead: "Brazil is not happy with ..., Finance Minister Dilson Funaro said" (a London
  // story) speaks for the country the lead names, or whose organ it names, before introducing the officeholder.
  const leadCountry = new Map<string, string>();
  const lead = groupsBySentence[0] ?? [];
  for (const [k, g] of lead.entries()) {
    const country = lead.slice(0, k).flatMap((x) => x.actors).find((a) => a.country && (a.kind === 'country' || STATE_ORGAN.has(a.sector)) && !a.capital)?.country;
    for (const a of g.actors) if (country && a.kind === 'person' && !a.country && !leadCountry.has(a.name)) leadCountry.set(a.name, country);
  }
  // Without a dateline, the country whose press the corpus is, when the build says so (--home-country) and the
  // article names it: the BBC's "parliament", "the cabinet", "MPs". (Not a person's office: "the mayor of
  // Mykolaiv" in a British paper is Ukrainian; nor an army or the police: in a story of another country's war
  // "the military" is seldom the home country's.)
  const homeHere = !fromDateline && !!homeCountry && counts.has(homeCountry);
  if (homeHere) home = homeCountry;
  // Where the home country is the one the story names most, its press's bare titles and plural organs are its own
  // ("the prime minister", "the chancellor", "MPs", "ministers" in a BBC politics story); not in a story of another
  // country's war, where "the mayor" is of Mykolaiv.
  const ranked = [...counts.entries()].sort((x, y) => y[1] - x[1]);
  const homeDominant = homeHere && ranked[0][0] === homeCountry && (ranked.length === 1 || ranked[1][1] < ranked[0][1]);
  const organ = (a: Actor) => {
    if (a.country || a.body || !STATE_ORGAN.has(a.sector)) return false;
    if (a.kind === 'org') return !BEYOND_STATE.test(a.name);
    if (a.kind === 'sector') return ORGAN_WORD.test(a.name);
    // (a prime or foreign minister the text names without a country is the dateline's own: Reuters gives a visitor
    // his nationality, "Greek Foreign Minister ...")
    const travelling = TRAVELLING_OFFICE.has(a.office) && !(fromDateline && home === fromDateline);
    return a.kind === 'person' && !!a.office && !VISITING_OFFICE.has(a.office) && !travelling && !FOREIGN_FACING.test(text.slice(a.start, a.end));
  };
  // A party whose name several countries use: the one of them the article names most (the dateline counting
  // as two mentions), else the first listed (its usual sense in English news).
  const partyHome = (homes: string[]) => {
    const score = (c: string) => (counts.get(c) ?? 0) + (c === fromDateline ? 2 : 0);
    return homes.reduce((best, c) => (score(c) > score(best) ? c : best));
  };
  const place = (a: Actor): Actor => {
    // ("House Ways and Means Committee Chairman Dan Rostenkowski": the head of a body named without its country is
    // of the country the body is)
    if (a.kind === 'person' && !a.country && !a.office && a.body) {
      const body = place({ ...a, kind: 'org', name: a.body, body: '' });
      return body.country ? { ...a, country: body.country } : a;
    }
    if (a.homes && !a.country) return { ...a, country: partyHome(a.homes) };
    if (homeDominant && !a.country && !a.body && STATE_ORGAN.has(a.sector) && (a.kind === 'title' || (a.kind === 'sector' && ORGAN_MEMBERS.test(a.name)))) return { ...a, country: homeCountry };
    if (!organ(a)) return a;
    // (the police of a story the home country dominates are its own: the BBC's "police backed his measures")
    if (homeHere && a.kind === 'sector' && ARMED.has(a.sector) && !(homeDominant && a.sector === 'police')) return a;
    const same = byName.get(a.name);
    const country = same?.size === 1 ? [...same][0] : a.kind === 'person' ? (leadCountry.get(a.name) ?? personHome) : home;
    return country ? { ...a, country } : a;
  };
  return place;
}

/**
 * "We support the peace process," said NATO's secretary-general: a speaker's "we" is the organisation
 * whose office they hold (NATO), or the state a head of state or government speaks for.
 */
function collective(a: Actor): Actor {
  const body = a.body ? LEXICON.names.get(a.body) : undefined;
  if (body) return { ...a, name: body.name, country: body.country, sector: body.sector, office: '', body: '', kind: body.kind };
  if (a.kind === 'person' && a.country && a.office && /\b(?:president|prime minister|premier|chancellor|king|foreign minister|secretary of state)\b/i.test(a.office)) {
    return { ...a, name: COUNTRY_NAME.get(a.country) ?? a.country, sector: 'government', office: '', kind: 'country' };
  }
  return a;
}

/**
 * "Greece and Turkey's allies called on both countries": the two countries named last before `before`
 * (other than the actor's), when they are two.
 */
function lastTwoCountries(known: Actor[], before: number, actors: Actor[]): Actor[] {
  const own = new Set(actors.map((a) => a.country));
  const out: Actor[] = [];
  for (const a of [...known].sort((x, y) => x.start - y.start).reverse()) {
    if (a.start >= before || a.kind !== 'country' || !a.country || own.has(a.country) || out.some((b) => b.country === a.country)) continue;
    out.unshift(a);
    if (out.length === 2) break;
  }
  return out.length === 2 ? out : [];
}

/** A named organisation or country (not a place where something happens): what "the alliance" may stand for. */
const nameable = (a: Actor) => (a.kind === 'org' || a.kind === 'country') && !a.locative;

/**
 * A body named by the last words of a name the article gave before with its country ("U.S. Navy ... Navy
 * personnel") is that body, of that country.
 */
function shortForm(a: Actor, text: string, named: Actor[]): Actor {
  if (a.kind !== 'sector' || a.country || !/^\p{Lu}/u.test(a.name)) return a;
  const full = named.filter((n) => n.country && n.start < a.start && [n.name, text.slice(n.start, n.end)].some((w) => w.endsWith(` ${a.name}`))).at(-1);
  return full ? { ...a, country: full.country } : a;
}

/**
 * "the insurgents", "the alliance", "the militant group": a definite sector phrase refers to the latest named
 * organisation or country of that sector in the article.
 */
function resolveDefinite(a: Actor, text: string, named: Actor[]): Actor {
  if (a.kind !== 'sector' || a.country || !/\bthe\s+$/i.test(text.slice(Math.max(0, a.start - 4), a.start))) return a;
  // (a group of countries the name gives is no one party named before: "the Western creditor governments")
  if (/\p{Lu}|^non-/u.test(a.name)) return a;
  // The most salient such party before it (most mentions; of equals, the latest); only when none is, an
  // organisation named after it in its own sentence (not a country: "the ministers would review the Paris
  // agreement").
  const earlier = named.some((n) => n.sector === a.sector && n.start < a.start);
  const counts = new Map<string, { n: number; last: Actor }>();
  for (const n of named) {
    if (n.sector !== a.sector || (earlier ? n.start >= a.start : n.kind !== 'org')) continue;
    const c = counts.get(n.name) ?? { n: 0, last: n };
    counts.set(n.name, { n: c.n + 1, last: n });
  }
  let best: { n: number; last: Actor } | undefined;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.last.start > best.last.start)) best = c;
  // ("The Justice Department said it asked the government to proceed": the government is its state's, not one
  // of its departments)
  if (best && best.last.kind === 'org' && best.last.country && /^(?:government|administration)$/i.test(a.name)) return { ...a, country: best.last.country };
  return best ? { ...best.last, start: a.start, end: a.end, text: a.text } : a;
}
