/**
 * An event's arguments from the dependency tree (src/nlp): the actor is the trigger's subject (for a passive,
 * the agent after "by", the subject then being the recipient), the recipient its object or the object of a
 * preposition its type takes ("attack on", "talks with", "aid to", "sanctions against"); coordination
 * expands both; a controlled verb ("agreed to withdraw") takes its controller's subject; a relative clause
 * takes its head noun; a noun trigger takes its possessor, compound or "by" phrase.
 * Tree nodes become parties through the actor groups of actors.ts: a group stands for a node when it covers
 * the node's token, else when it overlaps the node's phrase (its subtree without clauses).
 * A role the tree leaves undecided is `undefined`: the caller falls back to proximity.
 */
import { readFileSync } from 'node:fs';
import type { PloverType } from '../schema/tables.ts';
import type { AnalysedSentence } from '../nlp/types.ts';
import { children, headOf, pathToRoot, subtree } from '../nlp/document.ts';
import type { ActorGroup } from './actors.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';
import { ACTS_ON_PLACES, INSTRUMENT_NOUNS, isNaturalCause, LETTER_NOUNS, LETTER_VERBS, PROPOSAL_NOUNS } from './sense.ts';

/** WordNet noun classes of people. */
const PEOPLE_CLASSES = new Set<number>([NOUN.group, NOUN.person]);
/** WordNet classes of what endangers without threatening: acts and states of affairs ("war", "crisis"). */
const ENDANGERING = new Set<number>([NOUN.act, NOUN.state]);

export interface TreeRoles {
  /** Groups of the actor; [] when the tree says the actor is no party; undefined when it says nothing. */
  actor?: ActorGroup[];
  recipient?: ActorGroup[];
  /** A passive without an agent ("two lecturers were killed"). */
  agentless?: boolean;
  /** The act's subject is a document or instrument ("the bill demands", "a treaty calling for"): its content, nobody's act. */
  instrument?: boolean;
  /** A headline's passive without its agent ("Singer jailed for swearing"): the story's body tells the act with its sides. */
  headline?: boolean;
  /** The recipient is "both countries", "the two sides": the caller finds the two parties meant. */
  pairRecipient?: boolean;
  /** Token of a pronoun subject ("We agreed", "it opposed"): the caller resolves it, proximity does not guess. */
  pronounActor?: number;
  /** Token of a pronoun object ("accusing it of ..."): the caller resolves it. */
  pronounRecipient?: number;
  /** Token of "the country" as the object ("pull out of the country"): the country named before it, found by the caller. */
  countryRecipient?: number;
  /** The party owning an object that is the actor's own means ("NATO" of "expand a NATO training mission"):
   *  no recipient, and the actor when the subject is only "ministers". */
  objectOwner?: ActorGroup[];
}

type Sentence = Pick<AnalysedSentence, 'tokens' | 'heads' | 'deprels' | 'upos'>;

/** Prepositions whose object is the recipient, by type ("attack on", "talks with", "aid to"). */
/** Hostile types whose act may answer a party's deed, and the prepositions that name the deed. */
const HOSTILE_ANSWER = new Set<PloverType>(['SANCTION', 'ACCUSE', 'THREATEN', 'COERCE', 'ASSAULT']);
const REASON_CASES = new Set(['for', 'over', 'because']);
/** Verbs of help a promise may name its beneficiary with ("pledged to help Kuwait"). */
const PROMISED_HELP = /^(?:help|helping|assist|assisting|support|supporting|aid|aiding|defend|defending|protect|protecting|back|backing)$/i;
/** Types that answer a proposal or a deed: with no side of their own they are aimed at whose it is. */
export const ANSWERING = new Set<PloverType>(['REJECT', 'SUPPORT', 'AGREE', 'ACCUSE']);
/** Prepositions of a threatened act that name its target ("threatened to impose tariffs on Japan"). */
const THREATENED_PREPS = new Set(['on', 'against', 'upon', 'to']);
const RECIPIENT_PREPS: Partial<Record<PloverType, string[]>> = {
  ASSAULT: ['on', 'against', 'at', 'upon'],
  COERCE: ['on', 'against', 'upon'],
  THREATEN: ['against', 'to'],
  SANCTION: ['against', 'on'],
  PROTEST: ['against'],
  ACCUSE: ['against'],
  REQUEST: ['on', 'to', 'from'],
  REJECT: [],
  CONSULT: ['with', 'to'],
  COOPERATE: ['with'],
  AGREE: ['with'],
  AID: ['to'],
  SUPPORT: ['for', 'to'],
  CONCEDE: ['to'],
  RETREAT: ['from', 'out'],
  MOBILIZE: ['against'],
};
/**
 * An -ing word the parser made a verb whose own verb it is the subject of ("while fighting also raged": the
 * parser hung "raged" on "fighting"): a noun, the act of someone the sentence does not name.
 */
const gerundSubject = (s: Sentence, v: number) =>
  /ing$/i.test(s.tokens[v].form) && childrenBy(s, v, 'xcomp').some((k) => isParticiple(s.tokens[k].form) && !childrenBy(s, k, 'mark').length && !childrenBy(s, k, 'aux').length);
/** Types whose clausal complement's subject is the recipient: the accused, the one asked to act. */
export const CLAUSE_RECIPIENT = new Set<PloverType>(['ACCUSE', 'REQUEST']);
/** Types whose object is the actor's own means, not a recipient. */
const OWN_OBJECT = new Set<PloverType>(['MOBILIZE', 'RETREAT']);
/** Of a noun trigger, "of" names what is acted on ("the invasion of Kuwait", "criticism of the plan"). */
const OF_RECIPIENT = new Set<PloverType>(['ASSAULT', 'COERCE', 'ACCUSE', 'SANCTION']);
/** Dependents that open a clause of their own: their parties are not the phrase's. */
const CLAUSAL = new Set(['acl', 'advcl', 'ccomp', 'xcomp', 'parataxis', 'csubj', 'conj', 'cc', 'punct', 'list', 'dep', 'root']);
/** Prepositions of a nominal's own modifiers ("the head of the army", "troops from Lebanon"); not "as", "after", "like". */
const INNER_CASE = new Set(['', "'s", '’s', 'of', 'from', 'with', 'for', 'by', 'including']);
const HAVE = new Set(['has', 'have', 'had', "'ve", 'having']);
const BE = new Set(['be', 'been', 'being', 'was', 'were', 'is', 'are', "'s", "'re", 'am', 'get', 'gets', 'got', 'gotten']);
/** Past participles: regular ones by their ending, irregular ones from irregular-verbs.tsv ("held", "met", "struck"). */
const IRREGULAR_PAST = new Set(
  readFileSync(new URL('./dictionaries/irregular-verbs.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => l.replace(/\r$/, '').split('\t')[1]?.split('|') ?? []),
);
const isParticiple = (form: string) => /(?:ed|en|wn)$/i.test(form) || IRREGULAR_PAST.has(form.toLowerCase());
/** Time and measure words: "by one hour", "by mid-January", "by 10 pct" name no agent. */
const MEASURE = /^(?:mid-)?(?:january|february|march|april|may|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|hours?|days?|weeks?|months?|years?|decades?|pct|percent|per|cent|points?|end|time|now|then|tomorrow|today|tonight)$/i;
const TIME_MARK = new Set(['before', 'after', 'while', 'when', 'since', 'by', 'in', 'on', 'upon', 'without', 'through']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom', 'whose']);
/** Personal pronouns a subject may be; the caller resolves them (a relative word or "this" is left to proximity). */
const PERSONAL = new Set(['i', 'we', 'he', 'she', 'it', 'they']);
/** A headline: a short sentence without a closing stop. */
const HEADLINE_WORDS = 14;
/** Words after a headline's participle that mark it passive ("arrested for fraud", "attacked on China arms"). */
const HEADLINE_PASSIVE_PREPS = new Set(['for', 'over', 'on', 'of', 'after', 'in', 'to', 'as', 'by']);
/** Possessive pronouns: a possessor written as one is resolved by the caller, like a subject pronoun. */
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my']);
/** Pronouns for people nobody names: as subjects they give an act no actor we know. */
const INDEFINITE = new Set(['those', 'these', 'anyone', 'anybody', 'someone', 'somebody', 'others', 'many', 'some', 'few', 'several', 'all', 'none', 'everyone', 'everybody', 'nobody']);
/** Verbs whose subject receives the act their object or phrase names: "faced criticism", "came under attack". */
const RECEIVING = /^(?:face[sd]?|facing|receive[sd]?|receiving|dr[ae]w|draws|drawing|drawn|earn(?:s|ed|ing)?|c[oa]me|comes|coming|suffer(?:s|ed|ing)?|attract(?:s|ed|ing)?)$/;
/** Verbs whose object-noun is the act (their subject is the act's actor): "held talks", "launched an attack". */
export const LIGHT = /^(?:announce[sd]?|announcing|declare[sd]?|declaring|order(?:s|ed|ing)?|impose[sd]?|imposing|launch(?:es|ed|ing)?|beg[iau]n|begins|beginning|start(?:s|ed|ing)?|stage[sd]?|staging|held|hold|holds|holding|made|make|makes|making|issue[sd]?|issuing|carrie[sd]|carry|carrying|mount(?:s|ed|ing)?|conduct(?:s|ed|ing)?|resume[sd]?|resuming|open(?:s|ed|ing)?|offer(?:s|ed|ing)?|provide[sd]?|providing|gave|give|gives|giving|sign(?:s|ed|ing)?|reach(?:es|ed|ing)?|extend(?:s|ed|ing)?|pledge[sd]?|promise[sd]?|continue[sd]?|continuing|fire[sd]?|firing|intensif(?:y|ies|ied)|step(?:s|ped)? up)$/;

/** Index of the token containing text offset `at`, or -1. */
function tokenAt(s: Sentence, at: number): number {
  const t = s.tokens;
  for (let i = 0; i < t.length; i++) if (t[i].start <= at && at < t[i].end) return i;
  return -1;
}

function depth(s: Sentence, i: number): number {
  let d = 0;
  for (let k = i; k >= 0 && d <= s.heads.length; k = s.heads[k]) d++;
  return d;
}

/** The trigger's head in the tree: of its tokens, the one nearest the root. */
export function triggerNode(s: Sentence, start: number, end: number): number {
  let best = -1;
  let bestDepth = Infinity;
  for (let i = 0; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    if (t.end <= start || t.start >= end) continue;
    const d = depth(s, i);
    if (d < bestDepth) (best = i), (bestDepth = d);
  }
  return best;
}

const childrenBy = (s: Sentence, i: number, rel: string) => children(s, i).filter((c) => s.deprels[c] === rel);
/** The preposition (case marker) of a nominal, lower-cased, or ''. */
export const caseOf = (s: Sentence, i: number) => {
  let c = children(s, i).find((k) => s.deprels[k] === 'case' && k < i);
  // "with Afghan President Ashraf Ghani": the parser may hang the preposition on a modifier of the name
  if (c === undefined) {
    const [lo] = subtree(s, i);
    if (lo < i && s.deprels[lo] === 'case' && s.upos[lo] === 'ADP') c = lo;
  }
  return c === undefined ? '' : s.tokens[c].form.toLowerCase();
};

const named = (g: ActorGroup) => g.actors.some((a) => a.country || a.kind !== 'sector');

/**
 * The actor group standing for one node (no coordination): the group covering it, else the group nearest it
 * in its phrase (apposition included: "the watchdog Amnesty International"). For a recipient a bare sector
 * word gives way to a named party in its phrase ("troops from Lebanon", "intelligence to Macedonia").
 */
function groupOf(s: Sentence, node: number, groups: ActorGroup[], recipient = false): ActorGroup | undefined {
  const cover = (k: number) => groups.find((g) => g.start < s.tokens[k].end && s.tokens[k].start < g.end);
  const first = cover(node);
  if (first && (!recipient || named(first))) {
    // "human rights group Amnesty International": a name in apposition beats the bare sector word.
    if (named(first)) return first;
    for (const c of children(s, node)) {
      const g = s.deprels[c] === 'appos' || s.deprels[c] === 'flat' ? cover(c) : undefined;
      if (g && named(g)) return g;
    }
    return first;
  }
  // ("The prima ballerina Olga Smirnova, one of Russia's biggest stars, ...": a person the phrase names is who
  // it is; the parties in its descriptions in apposition are not, those before its head are: "Bundesbank board
  // member Claus Koehler")
  const namedInApposition = children(s, node).some((c) => s.deprels[c] === 'appos' && !cover(c) && (personAt(s, c) || unknownName(s, c)));
  const queue = [node];
  for (let q = 0; q < queue.length; q++) {
    const k = queue[q];
    if (k !== node) {
      const g = cover(k);
      if (g && (!recipient || named(g) || !first)) return g;
    }
    // the name a phrase is built on first ("al-Qaeda" in "bin Laden's al-Qaeda network"), then its modifiers
    const next = children(s, k).filter((c) => !CLAUSAL.has(s.deprels[c]) && (s.deprels[c] !== 'nmod' || INNER_CASE.has(caseOf(s, c))) && !(k === node && namedInApposition && s.deprels[c] === 'appos'));
    queue.push(...next.filter((c) => s.deprels[c] !== 'nmod'), ...next.filter((c) => s.deprels[c] === 'nmod'));
  }
  return first;
}

/** Groups standing for a node and its coordinated members ("Russia and China", "Iran, and later Syria"). */
function groupsOf(s: Sentence, node: number, groups: ActorGroup[], recipient = false): ActorGroup[] {
  const out: ActorGroup[] = [];
  const stack = [node];
  const seen = new Set<number>();
  while (stack.length) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    const g = groupOf(s, k, groups, recipient);
    if (g && !out.includes(g)) out.push(g);
    for (const c of childrenBy(s, k, 'conj')) if (s.upos[c] !== 'VERB') stack.push(c);
  }
  // "photographs and other military intelligence to Macedonia", "backed by Culture, Media and Sport
  // Secretary Tessa Jowell": of coordinated parties, the named ones
  const kept = out.some(named) ? out.filter(named) : out;
  return kept.sort((a, b) => a.start - b.start);
}

/** A pronoun (not a name the tagger called one: "announced today Nakasone will visit"). */
const isPronoun = (s: Sentence, i: number) =>
  s.upos[i] === 'PRON' && (i === 0 || !/^\p{Lu}/u.test(s.tokens[i].form) || PERSONAL.has(s.tokens[i].form.toLowerCase()) || RELATIVE.has(s.tokens[i].form.toLowerCase()));
/** A common noun heading a phrase without names: "creditor banks", "the deal" (not "today", not "Klibi"). */
const commonNoun = (s: Sentence, i: number) =>
  s.upos[i] === 'NOUN' && !MEASURE.test(s.tokens[i].form) && !/^\p{Lu}/u.test(s.tokens[i].form) &&
  // (a name it is only related to is no part of it: "donors to Indonesia")
  !children(s, i).some((c) => (s.upos[c] === 'PROPN' && (s.deprels[c] !== 'nmod' || INNER_CASE.has(caseOf(s, c)))) || s.deprels[c] === 'appos');
/**
 * A person's or a body's name the dictionaries do not know ("Liberal member Lloyd Axworthy ... criticized"):
 * the subject is someone, just not a party we code; proximity must not put a party named elsewhere in its place.
 */
const unknownName = (s: Sentence, i: number): boolean =>
  // (a capitalised word mid-sentence the tagger called a pronoun is a name: "announced today Nakasone will visit")
  nameAsPronoun(s, i) ||
  (s.upos[i] === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(s.tokens[i].form) && !MEASURE.test(s.tokens[i].form) &&
    // a name of several words, or one word the entity tagger reads as a person ("Zelenskiy urged ...")
    (children(s, i).some((c) => s.deprels[c] === 'flat' || s.deprels[c] === 'compound') || !!(s as Partial<AnalysedSentence>).entities?.some((e) => e.type === 'PERSON' && e.from <= i && i < e.to))) ||
  // "Liberal member Lloyd Axworthy": a common noun with a name in apposition
  (s.upos[i] === 'NOUN' && children(s, i).some((c) => s.deprels[c] === 'appos' && c > i && unknownName(s, c)));
const nameAsPronoun = (s: Sentence, i: number): boolean =>
  s.upos[i] === 'PRON' && i > 0 && /^\p{Lu}\p{Ll}+$/u.test(s.tokens[i].form) && !PERSONAL.has(s.tokens[i].form.toLowerCase()) && !RELATIVE.has(s.tokens[i].form.toLowerCase()) && wordClasses(s.tokens[i].form.toLowerCase()).mask === 0;
/** Courtesy titles before a name: no part of it. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|dr|mr\.|mrs\.|ms\.|dr\.)$/i;
/**
 * A person the entity tagger names and the dictionaries do not know ("Michael Howard has launched an attack"):
 * a party coded by name, without country or sector, rather than no party at all.
 */
/** The entity tagger's person covering token i, if any. */
const personAt = (s: Sentence, i: number) => (s as Partial<AnalysedSentence>).entities?.find((x) => x.type === 'PERSON' && x.from <= i && i < x.to);

function namedPerson(s: Sentence, i: number): ActorGroup | undefined {
  // ("the prima ballerina Olga Smirnova": a common noun with a person's name in apposition is that person;
  // a name of several words the tagger missed counts: "Olga Smirnova")
  const nameOf = (c: number) => {
    const flat = childrenBy(s, c, 'flat');
    return personAt(s, c) ?? (s.upos[c] === 'PROPN' && flat.length ? { from: c, to: Math.max(...flat) + 1 } : undefined);
  };
  const appos = s.upos[i] === 'NOUN' ? children(s, i).find((c) => s.deprels[c] === 'appos' && nameOf(c)) : undefined;
  const e = personAt(s, i) ?? (appos !== undefined ? nameOf(appos) : undefined) ?? (nameAsPronoun(s, i) ? { from: i, to: i + 1 } : undefined);
  if (!e) return undefined;
  let from = e.from;
  while (from < e.to - 1 && HONORIFIC.test(s.tokens[from].form)) from++;
  const words = s.tokens.slice(from, e.to);
  if (!words.every((t) => /^\p{Lu}/u.test(t.form))) return undefined;
  // one word is a name only if WordNet knows it for nothing but a person ("Conable", "Reagan"; not "Marine")
  if (words.length === 1) {
    const w = wordClasses(words[0].form.toLowerCase());
    if (w.mask !== 0 && !(w.mask === 1 && w.noun === NOUN.person)) return undefined;
  }
  const name = words.map((t) => t.form).join(' ');
  const [start, end] = [words[0].start, words.at(-1)!.end];
  return { actors: [{ name, country: '', sector: '', office: '', kind: 'person', locative: false, capital: false, start, end, text: name }], start, end };
}
const isVerb = (s: Sentence, i: number) => s.upos[i] === 'VERB' || s.upos[i] === 'AUX';
const isNoun = (s: Sentence, i: number) => s.upos[i] === 'NOUN' || s.upos[i] === 'PROPN';

function isPassive(s: Sentence, v: number): boolean {
  if (/ing$/i.test(s.tokens[v].form)) return false;
  return children(s, v).some((c) => s.deprels[c] === 'aux' && c < v && BE.has(s.tokens[c].form.toLowerCase()));
}

/** Does node n's subtree hold a token of the text span [start, end)? */
export function dominates(s: Sentence, n: number, start: number, end: number): boolean {
  for (let k = 0; k < s.tokens.length; k++) {
    if (s.tokens[k].end <= start || s.tokens[k].start >= end) continue;
    if (pathToRoot(s, k).includes(n)) return true;
  }
  return false;
}

/**
 * Is the mention at text [start, end) the object of a preposition outside the trigger `n`'s own phrase
 * ("impose costs on Iran, provide aid to refugees": Iran provides nothing)? Not an agent ("by"), an owner
 * ("of", "'s") or an origin ("from"). (Direct objects are left alone: the parser often makes the subject
 * of a reported clause the reporting verb's object.)
 */
export function objectOfAnother(s: Sentence, n: number, start: number, end: number): boolean {
  const inside = (k: number) => s.tokens[k].start >= start && s.tokens[k].end <= end;
  const root = s.tokens.findIndex((_, k) => inside(k) && (s.heads[k] < 0 || !inside(s.heads[k])));
  if (root < 0 || s.heads[root] === n || dominates(s, root, s.tokens[n].start, s.tokens[n].end)) return false;
  return (s.deprels[root] === 'obl' || s.deprels[root] === 'nmod') && !ACTING_CASE.has(caseOf(s, root));
}
/** Prepositions whose object may still be the one acting: agents, owners, origins ("troops from Lebanon"). */
// ("as US troops pull out", "came after EC ministers endorsed": a conjunction the parser took for a preposition)
const ACTING_CASE = new Set(['', "'s", '’s', 'of', 'by', 'from', 'including', 'as', 'such', 'than', 'like', 'after', 'before', 'since', 'while', 'because', 'although', 'though', 'until', 'till', 'once', 'when', 'whereas', 'unless', 'if']);

/**
 * The parties of the subject of the nearest clause above verb `n` that has one, climbing only through
 * coordination and clauses that share their subject ("the leaders discussed efforts to impose costs on Iran,
 * provide aid ...": the leaders; "keep up the pressure on Russia by supplying weapons"). None when that subject
 * is no party or a pronoun; undefined when the tree cannot say (a clause of its own: "sanctions against Japan for
 * violating the agreement"; a reported clause: the subject of the verb of saying reports the act, not does it).
 */
export function clauseSubject(s: Sentence, n: number, groups: ActorGroup[]): ActorGroup[] | undefined {
  const usable = groups.filter((g) => !placeOnly(g));
  for (let k = n; k >= 0; k = s.heads[k]) {
    const subj = childrenBy(s, k, 'nsubj')[0];
    if (subj !== undefined) {
      // ("exports to Finland, which refused ...": a relative pronoun is the party right before it, however parsed)
      if (RELATIVE.has(s.tokens[subj].form.toLowerCase())) {
        const before = usable.filter((g) => g.end <= s.tokens[subj].start && s.tokens[subj].start - g.end <= 2).at(-1);
        return before ? [before] : [];
      }
      return isPronoun(s, subj) ? [] : groupsOf(s, subj, usable);
    }
    const rel = s.deprels[k];
    const marks = childrenBy(s, k, 'mark').map((m) => s.tokens[m].form.toLowerCase());
    const shares = rel === 'conj' || rel === 'parataxis' || rel === 'dep' || rel === 'xcomp' || (rel === 'acl' && marks.includes('to')) || (rel === 'advcl' && marks.every((m) => m === 'by' || m === 'while'));
    if (!shares) return undefined;
  }
  return undefined;
}

/**
 * The subjects named before token `before` in the sentence, nearest first, as actor groups: what a pronoun
 * subject may stand for ("Sourrouille said Argentina had given proof that it is negotiating"). `any` says
 * whether a subject of any kind (a party or not) comes before it.
 */
export function subjectsBefore(s: Sentence, before: number, groups: ActorGroup[]): { parties: ActorGroup[][]; any: boolean } {
  const parties: ActorGroup[][] = [];
  let any = false;
  for (let k = before - 1; k >= 0; k--) {
    if (s.deprels[k] !== 'nsubj' || isPronoun(s, k)) continue;
    any = true;
    const g = groupsOf(s, k, groups.filter((x) => !placeOnly(x)));
    if (g.length) parties.push(g);
  }
  return { parties, any };
}

/**
 * "Russia said that Sudan must return the helicopter": the parties of an obligation read on the tree. The
 * modal's verb must be active with a party for subject (who must act), under a clause whose subject is a party
 * (who demands it). Undefined when the tree does not read it so ("disputes should be solved", "Pakistan's
 * envoy to Britain said Pakistanis should integrate": the envoy, not Britain, speaks).
 */
export function obligationParties(s: Sentence, start: number, groups: ActorGroup[], reporting: (form: string) => boolean): { speaker: ActorGroup[]; subject: ActorGroup[] } | undefined {
  const m = s.tokens.findIndex((t) => t.start === start);
  if (m < 0 || s.deprels[m] !== 'aux') return undefined;
  const v = headOf(s, m);
  if (v < 0 || isPassive(s, v)) return undefined;
  const usable = groups.filter((g) => !placeOnly(g));
  const own = childrenBy(s, v, 'nsubj')[0];
  // (the subject itself a party, not a thing a party is named in: "the Paris accords should serve")
  const covered = own !== undefined && usable.some((g) => g.start < s.tokens[own].end && s.tokens[own].start < g.end);
  const subject = !covered || isPronoun(s, own) ? [] : groupsOf(s, own, usable);
  let r = v;
  for (let hops = 0; hops < 3 && r >= 0 && !reporting(s.tokens[r].form.toLowerCase()); hops++) r = s.deprels[r] === 'ccomp' || s.deprels[r] === 'parataxis' ? headOf(s, r) : -1;
  if (r < 0 || r === v) return undefined;
  const said = subjectOf(s, r);
  // (a ruling or a law that "said Greece should" demands nothing of anyone)
  const speaker = said && !said.patient && !isPronoun(s, said.node) && !isInstrument(s, said.node) ? groupsOf(s, said.node, usable) : [];
  return subject.length && speaker.length ? { speaker, subject } : undefined;
}

/**
 * "The president of Belarus has claimed that Ukraine attempted to strike military facilities": an act in what a
 * party claims or alleges is the claim's, not a done act. Returns the claimant's groups ([] when the claim has
 * no party for subject), or undefined when the trigger is in no claim.
 */
export function claimantOf(s: Sentence, start: number, end: number, groups: ActorGroup[], isClaim: (form: string) => boolean): ActorGroup[] | undefined {
  const n = triggerNode(s, start, end);
  if (n < 0) return undefined;
  const path = pathToRoot(s, n);
  for (let i = 1; i < path.length && i <= 4; i++) {
    const k = path[i];
    // (the claim's clause, however the parser labelled a "that" clause set off by a comma)
    const clause = path[i - 1];
    const complement = s.deprels[clause] === 'ccomp' || (s.deprels[clause] === 'advcl' && childrenBy(s, clause, 'mark').some((m) => /^that$/i.test(s.tokens[m].form)));
    if (!isClaim(s.tokens[k].form.toLowerCase()) || !complement) continue;
    const said = subjectOf(s, k);
    const usable = groups.filter((g) => !placeOnly(g));
    return said && !said.patient && !isPronoun(s, said.node) ? groupsOf(s, said.node, usable) : [];
  }
  return undefined;
}

/** The "by" agent of a verb or noun (not a time or measure: "by one hour", "by mid-January"). */
function agentOf(s: Sentence, v: number): number | undefined {
  const isAgent = (c: number) => caseOf(s, c) === 'by' && s.upos[c] !== 'NUM' && !MEASURE.test(s.tokens[c].form);
  const own = children(s, v).find((c) => (s.deprels[c] === 'obl' || s.deprels[c] === 'nmod') && isAgent(c));
  if (own !== undefined) return own;
  // "was welcomed at the time by Beijing": the parser hung the agent on the phrase before it
  for (const c of children(s, v)) {
    if (s.deprels[c] !== 'obl') continue;
    const k = children(s, c).find((x) => s.deprels[x] === 'nmod' && x > c && isAgent(x));
    if (k !== undefined) return k;
  }
  return undefined;
}

/**
 * "supported, trained and armed by Paris": coordinated participles without objects share the last one's agent.
 */
function sharedAgent(s: Sentence, v: number): number | undefined {
  const bare = (k: number) => isParticiple(s.tokens[k].form) && !childrenBy(s, k, 'obj').length;
  if (!bare(v)) return undefined;
  for (let k = v, hops = 0; hops < 4; hops++) {
    const next = childrenBy(s, k, 'conj').find((c) => c > k && isVerb(s, c) && bare(c));
    if (next === undefined) return undefined;
    const agent = agentOf(s, next);
    if (agent !== undefined) return agent;
    k = next;
  }
  return undefined;
}

interface Subject {
  node: number;
  /** A subject written for the verb or one it shares as surely: its nsubj, the head noun its relative pronoun stands for, an object controlling it, a written subject its conjunct or participle clause inherits. */
  own?: boolean;
  /** The subject is the act's patient (passive subject, head of a reduced passive relative). */
  patient: boolean;
}

/**
 * The subject of verb v: its own nsubj, else what it inherits: the controller of an xcomp (the object of
 * "urged X to", else the subject), the shared subject of a coordinated verb, the head noun of a relative clause.
 */
function subjectOf(s: Sentence, v: number, hops = 0): Subject | undefined {
  // of two subjects the parser gave ("Kabul: In a phone call, X and Y discussed"), the one nearer the verb
  const own = childrenBy(s, v, 'nsubj').filter((k) => k < v).at(-1) ?? childrenBy(s, v, 'nsubj')[0] ?? childrenBy(s, v, 'csubj')[0];
  const rel = s.deprels[v];
  const head = headOf(s, v);
  if (own !== undefined) {
    // "the rebels, who attacked the town": the relative pronoun stands for the head noun.
    // ("a new policy which gives liquidity aid": the head noun is the subject as surely as a written one)
    if (rel === 'acl' && head >= 0 && RELATIVE.has(s.tokens[own].form.toLowerCase())) return { node: head, patient: isPassive(s, v), own: true };
    return { node: own, patient: isPassive(s, v), own: true };
  }
  if (head < 0 || hops > 3) return undefined;
  if (rel === 'xcomp' && isVerb(s, head)) {
    // ("a report that Japan had agreed to hold talks": a relative word the parser made the object controls nothing)
    const obj = [...childrenBy(s, head, 'obj'), ...childrenBy(s, head, 'iobj')].find((c) => !RELATIVE.has(s.tokens[c].form.toLowerCase()));
    // "recorded 351 civilians killed", "wants the troops withdrawn": a bare participle says what befell its controller
    const bareParticiple = isParticiple(s.tokens[v].form) && !children(s, v).some((c) => s.deprels[c] === 'mark' || s.deprels[c] === 'obj');
    // (the controller is as much the verb's subject as a written one: "disperse miners blocking the route")
    if (obj !== undefined) return { node: obj, patient: bareParticiple, own: true };
    const up = subjectOf(s, head, hops + 1);
    return up && { node: up.node, patient: up.patient && isPassive(s, v), own: up.own };
  }
  if (rel === 'conj' && isVerb(s, head)) {
    // "He said the administration was resisting ... and was working with Congress": a conjunct repeating
    // the auxiliary of a clause between it and its head belongs to that clause (the parser often hangs it on "said")
    const aux = childrenBy(s, v, 'aux').map((k) => s.tokens[k].form.toLowerCase()).join(' ');
    if (aux && !childrenBy(s, head, 'aux').length) {
      const inner = children(s, head).filter((k) => k < v && s.deprels[k] === 'ccomp' && isVerb(s, k)).at(-1);
      if (inner !== undefined && childrenBy(s, inner, 'aux').map((k) => s.tokens[k].form.toLowerCase()).join(' ') === aux) {
        const up = subjectOf(s, inner, hops + 1);
        return up && { node: up.node, patient: isPassive(s, v) };
      }
    }
    // (a conjunct shares its head's written subject: "an armed man killed one person and injured two others")
    const up = subjectOf(s, head, hops + 1);
    return up && { node: up.node, patient: isPassive(s, v) || (up.patient && !/ing$/.test(s.tokens[v].form)), own: up.own };
  }
  // "..., killing five soldiers": a participle clause shares its head's subject.
  // ("before talking to the banks", "after meeting Iran": so does one introduced by a preposition of time)
  if (rel === 'advcl' && /ing$/i.test(s.tokens[v].form) && isVerb(s, head) && !gerundSubject(s, v) &&
    children(s, v).every((c) => (s.deprels[c] !== 'mark' && s.deprels[c] !== 'case') || TIME_MARK.has(s.tokens[c].form.toLowerCase()))) {
    // ("They were provided safe passage after seeking refuge": the passive's subject sought it)
    const up = subjectOf(s, head, hops + 1);
    return up && (!up.patient || up.own) ? { node: up.node, patient: false, own: up.own } : undefined;
  }
  // "..., when asked by reporters": a passive participle clause is about its main verb's subject.
  if (rel === 'advcl' && isParticiple(s.tokens[v].form) && !childrenBy(s, v, 'obj').length && agentOf(s, v) !== undefined && isVerb(s, head)) {
    const up = subjectOf(s, head, hops + 1);
    return up && !up.patient ? { node: up.node, patient: true } : undefined;
  }
  // "despite his attempts to veto it": an infinitive on a noun is its possessor's act (a possessive pronoun, resolved
  // by the caller; a named possessor is the party nearest before the verb anyway)
  if (rel === 'acl' && hops === 0 && isNoun(s, head) && childrenBy(s, v, 'mark').some((m) => /^to$/i.test(s.tokens[m].form))) {
    const owner = children(s, head).find((c) => c < head && s.deprels[c] === 'nmod' && POSSESSIVE_PRONOUNS.has(s.tokens[c].form.toLowerCase()));
    if (owner !== undefined) return { node: owner, patient: isPassive(s, v), own: true };
  }
  // ("had written to the Swedish government urging an end": the parser hangs the writer's words on the addressee)
  if (rel === 'acl' && /ing$/i.test(s.tokens[v].form) && writtenTo(s, head)) {
    const up = subjectOf(s, headOf(s, head), hops + 1);
    return up && { node: up.node, patient: false, own: up.own };
  }
  if (rel === 'acl' && isNoun(s, head)) {
    // "troops attacking the city" acts; "a civilian killed by troops" is acted on.
    // (the head noun is its subject as surely as a written one: "a treaty banning chemical weapons" bans nothing;
    // but a document speaks for who issued it: "the PKK issued a declaration demanding ...")
    if (/ing$/i.test(s.tokens[v].form)) return { node: head, patient: false, own: wordClasses(s.tokens[head].form.toLowerCase()).noun !== NOUN.communication };
    // A past form parsed as a reduced relative is often a misparsed main verb ("officials ... agreed at a
    // meeting"): it is a passive only with its agent, active only with an object.
    if (isParticiple(s.tokens[v].form)) {
      if (agentOf(s, v) !== undefined) return { node: head, patient: true };
      // (a person or a group then its subject as surely as a written one: "after an armed man killed one
      // person"; "a meeting yesterday, sharply criticised" is a main verb whose subject the parser lost)
      if (childrenBy(s, v, 'obj').length) return { node: head, patient: false, own: PEOPLE_CLASSES.has(wordClasses(s.tokens[head].form.toLowerCase()).noun) };
    }
  }
  return undefined;
}

// (lower case: "the General Agreement on Tariffs and Trade" is a body)
const isInstrument = (s: Sentence, k: number) => s.upos[k] === 'NOUN' && /^\p{Ll}/u.test(s.tokens[k].form) && INSTRUMENT_NOUNS.has(s.tokens[k].form);

/** Whether the act at node n is told as what a document or instrument says: n's own clause, or the nearest verb's above a noun ("calls for stepped up lending"). */
function instrumentContent(s: Sentence, n: number): boolean {
  let v = n;
  for (let hops = 0; v >= 0 && !isVerb(s, v) && hops < 3; hops++) v = headOf(s, v);
  // (not an act the document answers, named with its own side or date: "a measure that endorsed Monday's U.S. attack")
  if (v !== n && children(s, n).some((c) => s.deprels[c] === 'nmod:poss' || (s.upos[c] === 'PROPN' && s.deprels[c] === 'compound') || (s.deprels[c] === 'nmod' && c < n))) return false;
  return v >= 0 && isVerb(s, v) && instrumentSubject(s, v);
}

/**
 * Whether the subject verb v has, inherits or is below is a document or instrument ("the bill demands", "a plan which calls
 * for", "proposed legislation calling for", "the accord breached GATT rules by allowing Tokyo to set prices").
 */
function instrumentSubject(s: Sentence, v: number): boolean {
  for (let k = v, hops = 0; hops < 5; hops++) {
    // (above the act, only a verb's subject: "called Tokyo's policy an example ... and has demanded", parsed as a
    // conjunct of the noun, is no act of the policy's)
    const subj = hops === 0 || isVerb(s, k) ? subjectOf(s, k) : undefined;
    // (an infinitive with a written subject is the parser's misreading of a verb: "the US plans to pull out")
    if (subj && childrenBy(s, k, 'nsubj').includes(subj.node) && childrenBy(s, k, 'mark').some((m) => /^to$/i.test(s.tokens[m].form))) return false;
    if (subj) return !subj.patient && isInstrument(s, subj.node);
    // (a verb with no subject of its own is in its head's clause: a means clause, whatever preposition brings it in,
    // or a word the parser hung below another: "calls for stepped up lending")
    k = headOf(s, k);
    if (k < 0) return false;
  }
  return false;
}

/** Whether node x is whom a writing or sending verb addresses ("written to the Swedish government"). */
const writtenTo = (s: Sentence, x: number): boolean => {
  const verb = headOf(s, x);
  return verb >= 0 && isVerb(s, verb) && LETTER_VERBS.has(s.tokens[verb].form.toLowerCase()) &&
    ((s.deprels[x] === 'obl' && caseOf(s, x) === 'to') || s.deprels[x] === 'iobj');
};

/**
 * To whom the words of verb v go when a letter carries them: the addressee of the writing or sending verb that v's
 * participle clause hangs on ("had written to President Reagan urging an increase"), or of the one whose letter v
 * describes ("sent a message to Kohl urging him to"; "has written Clayton Yeutter a letter urging").
 */
function addresseeOf(s: Sentence, v: number): number | undefined {
  if (!/ing$/i.test(s.tokens[v].form)) return undefined;
  let verb = headOf(s, v);
  if (verb < 0) return undefined;
  if (s.deprels[v] === 'acl' && writtenTo(s, verb)) return verb;
  if (s.deprels[v] === 'acl' && LETTER_NOUNS.has(s.tokens[verb].form.toLowerCase())) {
    // (a letter's own "to": "a letter to Reagan urging")
    const own = childrenBy(s, verb, 'nmod').find((c) => caseOf(s, c) === 'to');
    if (own !== undefined) return own;
    verb = headOf(s, verb);
  } else if (s.deprels[v] !== 'advcl') return undefined;
  if (verb < 0 || !isVerb(s, verb) || !LETTER_VERBS.has(s.tokens[verb].form.toLowerCase())) return undefined;
  const letterTo = (c: number) => (s.deprels[c] === 'obj' && LETTER_NOUNS.has(s.tokens[c].form.toLowerCase()) ? childrenBy(s, c, 'nmod').find((k) => caseOf(s, k) === 'to') : undefined);
  for (const c of children(s, verb)) {
    if (s.deprels[c] === 'iobj' || (s.deprels[c] === 'obl' && caseOf(s, c) === 'to') || (s.deprels[c] === 'obj' && s.upos[c] === 'PROPN')) return c;
    const to = letterTo(c);
    if (to !== undefined) return to;
  }
  return undefined;
}

/** The recipient node k names: the party groups there, else a person named there that no dictionary knows. */
function recipientAt(s: Sentence, k: number, usable: ActorGroup[]): ActorGroup[] | undefined {
  const r = groupsOf(s, k, usable, true);
  if (r.length) return r;
  const person = namedPerson(s, k);
  return person ? [person] : undefined;
}

const PAIR_HEADS = /^(?:countries|nations|sides|governments|states|neighbou?rs|rivals|parties)$/i;
/** "both countries", "the two sides", "both neighbours": a phrase that stands for two parties named before. */
const isPair = (s: Sentence, c: number) =>
  PAIR_HEADS.test(s.tokens[c].form) && children(s, c).some((k) => /^(?:both|two)$/i.test(s.tokens[k].form));

/** Recipient candidates of a verb: objects, then objects of the prepositions its type takes. */
function verbRecipients(s: Sentence, v: number, type: PloverType, exclude: number[]): number[] {
  const preps = RECIPIENT_PREPS[type] ?? [];
  const out: number[] = [];
  for (const c of children(s, v)) {
    if (exclude.includes(c)) continue;
    const rel = s.deprels[c];
    // What a party mobilises or withdraws is its own ("expand a NATO training mission", "pull out its troops").
    if (rel === 'obj' || rel === 'iobj') {
      if (!OWN_OBJECT.has(type)) out.push(c);
    }
    else if (rel === 'obl' && preps.includes(caseOf(s, c))) out.push(c);
    // "alleged that the ANC is planning violence", "demanded that Turkey release him": who the clause is about.
    else if (rel === 'ccomp' && c > v && CLAUSE_RECIPIENT.has(type)) {
      // (not a passive clause's subject: "complained that American firms are squeezed out" accuses no firms)
      const subj = childrenBy(s, c, 'nsubj')[0];
      if (subj !== undefined && !isPassive(s, c)) out.push(subj);
    }
    else if (rel === 'obl') {
      // "discussed on Wednesday with Ghani": the parser often hangs the verb's phrase on the one before it
      // (or on a phrase coordinated with it: "meeting today and tomorrow with officials of Britain's ...")
      for (const o of [c, ...childrenBy(s, c, 'conj')]) for (const k of children(s, o)) if (s.deprels[k] === 'nmod' && k > o && preps.includes(caseOf(s, k))) out.push(k);
    }
  }
  return out.sort((a, b) => a - b);
}

/**
 * Whose a noun is: its possessor ("his plan", "Britain's proposal"), its "by" phrase ("a request by textile makers"),
 * or the agent of the participle describing it ("a ban imposed by the unions"); else, once, whose the noun of its
 * "of" phrase is ("the ending of a trade ban imposed by ...").
 */
function ownerOf(s: Sentence, noun: number, hops = 1): number | undefined {
  for (const c of PROPOSAL_NOUNS.has(s.tokens[noun].form.toLowerCase()) ? children(s, noun) : []) {
    const rel = s.deprels[c];
    const possessor = rel === 'nmod:poss' || (rel === 'nmod' && c < noun && (/^['’]s?$/.test(caseOf(s, c)) || POSSESSIVE_PRONOUNS.has(s.tokens[c].form.toLowerCase())));
    if (possessor || (rel === 'nmod' && c > noun && caseOf(s, c) === 'by')) return c;
    if (rel === 'acl' && isParticiple(s.tokens[c].form)) {
      const agent = childrenBy(s, c, 'obl').find((k) => caseOf(s, k) === 'by');
      if (agent !== undefined) return agent;
    }
  }
  if (hops > 0) for (const c of childrenBy(s, noun, 'nmod')) if (c > noun && caseOf(s, c) === 'of') return ownerOf(s, c, hops - 1);
  return undefined;
}

/** Choose the recipient among candidate groups as proximity did: a named party before a bare sector word. */
function pickRecipient(cands: ActorGroup[][], type: PloverType): ActorGroup[] | undefined {
  const named1 = cands.find((gs) => gs.some(named));
  if (named1) return named1;
  if (type === 'CONSULT') return undefined;
  return cands[0];
}

const placeOnly = (g: ActorGroup) => g.actors.every((a) => a.locative && (a.capital || a.kind === 'country'));

/**
 * Roles of the trigger spanning text [start, end) in an analysed sentence. The tree's own tag of the
 * trigger's head decides which rules apply (verb or noun); any other tag leaves both roles to proximity.
 */
export function treeRoles(s: Sentence, start: number, end: number, type: PloverType, groups: ActorGroup[]): TreeRoles {
  const n = triggerNode(s, start, end);
  if (n < 0) return {};
  if (instrumentContent(s, n)) return { instrument: true };
  const usable = groups.filter((g) => !placeOnly(g));
  const out: TreeRoles = {};
  if (isVerb(s, n)) {
    const governor = headOf(s, n);
    const subj = subjectOf(s, n);
    const agent = agentOf(s, n) ?? sharedAgent(s, n);
    const own = childrenBy(s, n, 'nsubj').length > 0;
    // "Hong Kong, supported by developing countries, ...": a participle with an agent and no object is
    // passive even when the parser made its patient a plain subject.
    // ("Cyprus has protested to the UN over violations by the Turkish air force": "has" + participle is active,
    // whatever "by" phrase the parser hung on it)
    const auxes = [...childrenBy(s, n, 'aux'), ...childrenBy(s, n, 'aux:pass'), ...childrenBy(s, n, 'cop')].map((c) => s.tokens[c].form.toLowerCase());
    const perfect = auxes.some((w) => HAVE.has(w)) && !auxes.some((w) => BE.has(w));
    const participle = isParticiple(s.tokens[n].form) && !childrenBy(s, n, 'obj').length && !perfect;
    // "Straw attacked on China arms", "Japanese mogul arrested for fraud", "Russia stands accused of war crimes": a
    // headline drops the passive's "is" (its acts are told in the present: "Trump sues Clinton"), and to stand
    // accused is to be accused.
    const headline = s.tokens.length <= HEADLINE_WORDS && !/^[.!?…"”’')\]]$/.test(s.tokens[s.tokens.length - 1].form) && isParticiple(s.tokens[n].form) &&
      !childrenBy(s, n, 'aux').length && !childrenBy(s, n, 'obj').length && HEADLINE_PASSIVE_PREPS.has(s.tokens[n + 1]?.form.toLowerCase() ?? '');
    const standsAccused = /^accused$/i.test(s.tokens[n].form) && s.deprels[n] === 'xcomp' && governor >= 0 && /^(?:stand|stands|stood|standing)$/i.test(s.tokens[governor].form);
    if (headline && agent === undefined && subj !== undefined) return { headline: true };
    const passive = subj?.patient === true || (agent !== undefined && participle) || (standsAccused && agent === undefined && subj !== undefined);
    const recipients: ActorGroup[][] = [];
    if (passive) {
      // An agent that is no party ("by a large number of developing countries") leaves the act without actor.
      if (agent !== undefined) out.actor = groupsOf(s, agent, usable);
      if (agent !== undefined && !out.actor?.length) out.actor = [namedPerson(s, agent)].filter((g) => g !== undefined);
      // ("supplies increasingly threatened by the Iranian-Iraqi war": endangered by a state of affairs, which
      // threatens no one; its parties' names are no agent)
      if (type === 'THREATEN' && agent !== undefined && commonNoun(s, agent) && ENDANGERING.has(wordClasses(s.tokens[agent].form.toLowerCase()).noun)) out.actor = [];
      if (!out.actor?.length) out.agentless = true;
      if (subj && !isPronoun(s, subj.node)) {
        const r = recipientAt(s, subj.node, usable);
        if (r) recipients.push(r);
      }
    } else if (subj && !isPronoun(s, subj.node)) {
      // A pronoun ("it", "they") is resolved by the caller. A common noun that is no party ("if creditor
      // banks reject ...") says the act has no actor we know; anything else (a name the dictionaries lack, a
      // word the parser took for the subject: "today") leaves the actor to proximity.
      const a = groupsOf(s, subj.node, usable);
      // (nor does a natural cause a clause inherits its subject from: "Forest fires in China flared, threatening ...")
      if (a.length || (subj.own && commonNoun(s, subj.node)) || unknownName(s, subj.node) || isNaturalCause(s.tokens[subj.node].form.toLowerCase())) out.actor = a;
      const person = a.length ? undefined : namedPerson(s, subj.node);
      if (person) out.actor = [person];
    } else if (subj && (PERSONAL.has(s.tokens[subj.node].form.toLowerCase()) || POSSESSIVE_PRONOUNS.has(s.tokens[subj.node].form.toLowerCase()))) out.pronounActor = subj.node;
    // ("those who fought to defend their country", "others attacked": people the sentence does not name)
    else if (subj && INDEFINITE.has(s.tokens[subj.node].form.toLowerCase())) out.actor = [];
    else if (!subj && gerundSubject(s, n)) out.actor = [];
    for (const found of verbRecipients(s, n, type, [subj?.node ?? -1, agent ?? -1])) {
      // ("Iran, which Washington has accused of terrorism": a relative pronoun stands for the noun its clause describes)
      // (only a noun that is itself a party: "the occupation of Afghanistan, which NATO supported" supports no Afghanistan)
      // (not "that", as often a conjunction the parser took for an object: "agreed with Ryzhkov that they would")
      const c = s.deprels[n] === 'acl' && s.deprels[found] === 'obj' && /^(?:which|who|whom)$/i.test(s.tokens[found].form) && governor >= 0 &&
        usable.some((g) => g.start < s.tokens[governor].end && s.tokens[governor].start < g.end) ? governor : found;
      // ("Indonesia invited him to the G20 summit": an object pronoun is the one acted on, not the "to" phrase)
      if (out.pronounRecipient !== undefined && s.deprels[c] === 'obl') continue;
      const r = recipientAt(s, c, usable);
      if (r) recipients.push(r);
      else if (isPair(s, c)) out.pairRecipient = true;
      // (not "them": a plural object is as often people the sentence names without a party: "by asking them")
      else if (out.pronounRecipient === undefined && /^(?:it|him|her)$/i.test(s.tokens[c].form) && s.upos[c] === 'PRON') out.pronounRecipient = c;
      else if (out.countryRecipient === undefined && /^country$/i.test(s.tokens[c].form) && childrenBy(s, c, 'det').some((d) => /^(?:the|that|this)$/i.test(s.tokens[d].form))) out.countryRecipient = c;
      // ("shelled that country": the tagger may take "that" for a conjunction with "country" below it)
      else if (out.countryRecipient === undefined && /^that$/i.test(s.tokens[c].form) && /^country$/i.test(s.tokens[c + 1]?.form ?? '') && s.heads[c + 1] === c) out.countryRecipient = c + 1;
    }
    // ("imposed the tariffs because of Japan's failure", "will retaliate for Japan's failure to open its market"): a
    // hostile act with no side of its own is aimed at whose deed it answers
    if (!recipients.length && HOSTILE_ANSWER.has(type)) {
      for (const c of children(s, n)) {
        if (s.deprels[c] !== 'obl' || !REASON_CASES.has(caseOf(s, c))) continue;
        for (const k of children(s, c)) {
          const possessor = s.deprels[k] === 'nmod:poss' || (s.deprels[k] === 'nmod' && childrenBy(s, k, 'case').some((c) => /^['’]s$/.test(s.tokens[c].form)));
          const r = possessor ? groupsOf(s, k, usable, true) : [];
          if (r.length) recipients.push(r);
        }
      }
    }
    // ("is committed to cooperating with its OPEC partners", "pledged to help Kuwait"): a promise with no side of its
    // own is made to the partner or the helped of the act it promises (not to what it would buy: "plans to buy U.S.
    // cotton")
    if (!recipients.length && type === 'AGREE') {
      for (const c of children(s, n)) {
        const rel = s.deprels[c];
        if (!isVerb(s, c) || !(rel === 'xcomp' || (rel === 'advcl' && childrenBy(s, c, 'mark').some((m) => /^to$/i.test(s.tokens[m].form))))) continue;
        const firstObject = childrenBy(s, c, 'obj')[0];
        for (const k of children(s, c)) {
          const partner = s.deprels[k] === 'obl' && caseOf(s, k) === 'with';
          // (the first object only, and no pronoun: "to help it better fight Russia" helps no Russia)
          const helped = k === firstObject && !isPronoun(s, k) && PROMISED_HELP.test(s.tokens[c].form);
          const r = partner || helped ? groupsOf(s, k, usable, true) : [];
          if (r.length) recipients.push(r);
        }
      }
    }
    // ("has threatened to revoke the licences of Japanese banks"): a threat with no side of its own is made to the
    // target of the act it threatens
    if (!recipients.length && type === 'THREATEN') {
      for (const c of childrenBy(s, n, 'xcomp')) {
        if (!isVerb(s, c)) continue;
        for (const k of children(s, c)) {
          const target = (s.deprels[k] === 'obj' && !isPronoun(s, k)) || (s.deprels[k] === 'obl' && THREATENED_PREPS.has(caseOf(s, k)));
          // (a named party only: "impose heavy customs duties on European exports" threatens no customs)
          const r = target ? groupsOf(s, k, usable, true).filter(named) : [];
          if (r.length) recipients.push(r);
        }
      }
    }
    // ("rejected a request by textile makers", "supports his plan", "welcomed the ending of a trade ban imposed by
    // Australian labor unions"): an answer to a proposal or a deed with no side of its own is made to whose it is
    if (!recipients.length && out.pronounRecipient === undefined && ANSWERING.has(type)) {
      const object = childrenBy(s, n, 'obj')[0];
      const owner = object === undefined ? undefined : ownerOf(s, object);
      // (a possessive the actor could stand for is the actor's own: "Iraq has rejected its quota", "defended
      // their stance"; "his" of a state's or a body's act is someone else's)
      const actors = out.actor?.flatMap((g) => g.actors) ?? [];
      const personal = (a: { kind: string }) => a.kind === 'person' || a.kind === 'title';
      const someoneElse = (p: string) => actors.length > 0 && (p === 'its' ? actors.every(personal) : (p === 'his' || p === 'her') && !actors.some(personal));
      if (owner !== undefined && isPronoun(s, owner)) {
        if (someoneElse(s.tokens[owner].form.toLowerCase())) out.pronounRecipient = owner;
      } else if (owner !== undefined) {
        const r = recipientAt(s, owner, usable);
        if (r) recipients.push(r);
      }
    }
    if (!recipients.length && out.pronounRecipient === undefined && CLAUSE_RECIPIENT.has(type)) {
      const addressee = addresseeOf(s, n);
      const r = addressee === undefined ? undefined : recipientAt(s, addressee, usable);
      if (r) recipients.push(r);
    }
    const picked = pickRecipient(recipients, type);
    if (picked) out.recipient = picked;
    const means = OWN_OBJECT.has(type) ? childrenBy(s, n, 'obj')[0] : undefined;
    if (means !== undefined) {
      const owner = children(s, means).filter((c) => (s.deprels[c] === 'compound' || s.deprels[c] === 'nmod:poss' || (s.deprels[c] === 'nmod' && c < means)) && !isPronoun(s, c));
      const groupsOwning = owner.flatMap((c) => groupsOf(s, c, usable)).filter((g) => g.actors.every((a) => a.kind === 'org' || a.kind === 'country'));
      if (groupsOwning.length) out.objectOwner = groupsOwning;
    }
    return out;
  }
  if (isNoun(s, n)) {
    const preps = RECIPIENT_PREPS[type] ?? [];
    const recipients: ActorGroup[][] = [];
    let from: ActorGroup[] | undefined;
    for (const c of children(s, n)) {
      const rel = s.deprels[c];
      const prep = caseOf(s, c);
      const isCase = (p: string) => prep === p;
      // (a name right after the noun without a preposition is a misparse: "strike outside Parliament")
      if (rel === 'compound' && s.upos[c] === 'PROPN' && ACTS_ON_PLACES.has(s.tokens[n].form.toLowerCase())) {
        // "the Ukraine invasion": the place is where the act was done
        const r = groupsOf(s, c, usable, true);
        if (r.length) recipients.push(r);
      } else if (rel === 'nmod' && (isCase("'s") || isCase('’s') || isCase('by') || (!prep && c < n && !isPronoun(s, c))) || rel === 'compound' || rel === 'amod') {
        if (isPronoun(s, c)) continue;
        // "military withdrawal": a bare sector word before the noun describes it; it is no party.
        const a = groupsOf(s, c, usable).filter((g) => prep === 'by' || rel === 'nmod' || named(g));
        if (a.length && !out.actor) out.actor = a;
      } else if (rel === 'nmod' && prep === 'from' && type !== 'RETREAT') {
        // ("renewed calls from Ukraine for more weapons", "aid from Japan": a noun's "from" is its source)
        const a = groupsOf(s, c, usable);
        if (a.length) from ??= a;
      } else if (rel === 'nmod' && (preps.includes(prep) || (prep === 'of' && OF_RECIPIENT.has(type)))) {
        const r = groupsOf(s, c, usable, true);
        if (r.length) recipients.push(r);
      }
    }
    if (!out.actor && from) out.actor = from;
    const head = headOf(s, n);
    // "the area of Kyiv hit by four missile strikes": a noun that is a passive's agent acts on the passive's
    // subject, and no party outside its own phrase did it
    if (s.deprels[n] === 'obl' && caseOf(s, n) === 'by' && head >= 0 && isVerb(s, head) && !out.actor) {
      const victim = [...childrenBy(s, head, 'nsubj'), ...childrenBy(s, head, 'nsubj:pass')][0];
      if (!recipients.length && victim !== undefined && !isPronoun(s, victim)) {
        const r = groupsOf(s, victim, usable, true);
        if (r.length) recipients.push(r);
      }
      out.actor = [];
    }
    // "Italy held talks with Iran": the object of a light verb is the act, its subject the actor.
    if (!out.actor && s.deprels[n] === 'obj' && head >= 0 && isVerb(s, head) && LIGHT.test(s.tokens[head].form.toLowerCase())) {
      const subj = subjectOf(s, head);
      if (subj && !subj.patient && !isPronoun(s, subj.node)) {
        const a = groupsOf(s, subj.node, usable);
        if (a.length || (subj.own && commonNoun(s, subj.node))) out.actor = a;
      }
      if (!recipients.length) {
        for (const c of verbRecipients(s, head, type, [n, subj?.node ?? -1])) {
          if (s.deprels[c] !== 'obl' && s.deprels[c] !== 'iobj') continue;
          const r = groupsOf(s, c, usable, true);
          if (r.length) recipients.push(r);
        }
      }
    }
    // "Japan has come under criticism from the United States", "drew a rebuke from the Kremlin": who faces or
    // draws the act is its recipient
    if (!recipients.length && head >= 0 && isVerb(s, head) && (s.deprels[n] === 'obj' || s.deprels[n] === 'obl') && RECEIVING.test(s.tokens[head].form.toLowerCase())) {
      const subj = subjectOf(s, head);
      if (subj && !subj.patient && !isPronoun(s, subj.node)) {
        const r = groupsOf(s, subj.node, usable, true);
        if (r.length) recipients.push(r);
      }
      // (the source however the parser hung it: "faced strong criticism [from Egypt]")
      const source = childrenBy(s, head, 'obl').find((c) => caseOf(s, c) === 'from');
      if (!out.actor && source !== undefined) {
        const a = groupsOf(s, source, usable);
        if (a.length) out.actor = a;
      }
    }
    const picked = pickRecipient(recipients, type);
    if (picked) out.recipient = picked;
    return out;
  }
  return out;
}
