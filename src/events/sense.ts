/**
 * What the tree says about a trigger word before any party is looked for: is it the act the pattern names,
 * the same act named by a noun, or no act at all? And which parties are no parties because they only
 * describe something else ("Canadian Bashaw Leduc Oil", "Japan Air Lines", "U.S. oil demand")?
 * Word lists are data (dictionaries/sense.tsv).
 */
import { CALENDAR } from './tokens.ts';
import { readFileSync } from 'node:fs';
import type { PloverType } from '../schema/tables.ts';
import type { AnalysedSentence } from '../nlp/types.ts';
import { children, pathToRoot, subtree } from '../nlp/document.ts';
import { caseOf, triggerNode } from './arguments.ts';
import type { Actor } from './actors.ts';
import { NOUN, POS_BIT, wordClasses } from '../nlp/wordnet.ts';
import { escapeRegExp } from '../util/regexp.ts';

/** Words that open an indirect question. */
const WH_WORD = /^(?:how|what|which|who|whom|whose|why|when|where)$/i;

/**
 * WordNet noun classes of ideas and states: attribute, cognition, communication, feeling, relation, state, time
 * (not possession: "the capital"; not act, whose first senses hold "installations", "forces", "targets").
 */
const ABSTRACT = new Set<number>([NOUN.attribute, NOUN.cognition, NOUN.communication, NOUN.feeling, NOUN.relation, NOUN.state, NOUN.time]);
/** What force "against" a state of affairs fights ("pressure", "inflation", "money"): no party, a figure of speech. */
const STATES_OF_AFFAIRS = new Set<number>([...ABSTRACT, NOUN.phenomenon, NOUN.process, NOUN.possession]);
/** Subjects that endanger rather than threaten: states of affairs and acts ("the war threatens the lifeline"). */
const ENDANGERS = new Set<number>([...STATES_OF_AFFAIRS, NOUN.act]);
/** What one is blamed for: acts, views, words, traits and states (WordNet's noun classes), never a length of time. */
const REASONS = new Set<number>([NOUN.act, NOUN.attribute, NOUN.cognition, NOUN.communication, NOUN.feeling, NOUN.relation, NOUN.state]);

type Sentence = Pick<AnalysedSentence, 'tokens' | 'heads' | 'deprels' | 'upos'>;

/** The lists with their case kept, for names ("SEC" is not "sec"). */
const AS_WRITTEN = new Map<string, string[]>();
function loadLists(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const line of readFileSync(new URL('./dictionaries/sense.tsv', import.meta.url), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [list, words] = line.replace(/\r$/, '').split('\t');
    if (!words) throw new Error(`sense.tsv: line "${line}" needs LIST <TAB> words`);
    const set = out.get(list) ?? new Set<string>();
    for (const w of words.split('|')) set.add(w.trim().toLowerCase());
    out.set(list, set);
    AS_WRITTEN.set(list, [...(AS_WRITTEN.get(list) ?? []), ...words.split('|').map((w) => w.trim())]);
  }
  return out;
}
const LISTS = loadLists();
const list = (name: string) => LISTS.get(name) ?? new Set<string>();
/** sport-words in lower case only, sport-names as written: a whole word or phrase each. */
const termPattern = (lowerCase: string[], asWritten: string[] = []) =>
  new RegExp(`(?<![\\p{L}-])(?:${[...lowerCase.flatMap((l) => AS_WRITTEN.get(l) ?? []).map((w) => w.toLowerCase()), ...asWritten.flatMap((l) => AS_WRITTEN.get(l) ?? [])].map(escapeRegExp).join('|')})(?![\\p{L}-])`, 'gu');
const SPORT_TERM = termPattern(['sport-words'], ['sport-names']);
const SHOW_TERM = termPattern(['entertainment-words']);
/** Is the text about one field: at least `perHundred` words in a hundred its terms, of two different terms at least? */
function isStoryOf(text: string, terms: RegExp, perHundred: number): boolean {
  const found = text.match(terms) ?? [];
  if (new Set(found.map((t) => t.toLowerCase())).size < 2) return false;
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  return found.length * 100 >= words * perHundred;
}
/**
 * Is the story about sport: at least one word in a hundred a sport term, of two different terms at least? (Measured
 * on BBC News 2004-05 against its sections: 414 of 511 sport stories, 13 of 1,714 others; no Reuters-21578 or
 * Guardian story with an event.)
 */
export const isSportStory = (text: string): boolean => isStoryOf(text, SPORT_TERM, 1);
/** Is the story about films, music or television (sense.tsv says how it was measured)? */
export const isShowStory = (text: string): boolean => isStoryOf(text, SHOW_TERM, 1.5);
/** A wire's stock ticker in a title ("CHRYSLER <C> REPORTED TO BE IN TALKS", "(NYSE: GM)"): the story is a company's. */
const TICKER = /<[A-Z][A-Z0-9.]{0,9}>|\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|AMEX):\s*[A-Z][A-Z0-9.]{0,9}\)/;
export const isCompanyStory = (title: string) => TICKER.test(title);
/** A party that is a market regulator (market-regulators, matched as whole words of its name as written or canonical). */
const REGULATOR = new RegExp(`(?<![\\p{L}])(?:${(AS_WRITTEN.get('market-regulators') ?? []).map(escapeRegExp).join('|')})(?![\\p{L}])`, 'u');
export const isMarketRegulator = (name: string) => REGULATOR.test(name);
/** claim-verbs: forms of claiming and alleging. */
export const CLAIM_VERBS = list('claim-verbs');
/** sanction-nouns: what a threat to sanction imposes ("threatened to impose tariffs on ..."). */
export const SANCTION_NOUNS = list('sanction-nouns');
/** Words that make a phrase a company, a market or a commodity ("drug firm", "Co Plc", "oil demand"). */
const COMPANY_HEADS = list('company-heads');
/** Nouns whose noun sense is commerce or quantity, never an event ("oil demand", "money supply", "a buying order"). */
const COMMERCE_NOUNS = list('commerce-nouns');
/**
 * Types a noun alone may report ("Israeli air strikes", "student demonstrations", "the US withdrawal").
 * Cooperation named by a noun ("the Paris accord", "their agreement", "Sri Lanka's request") is nearly always
 * background to the news, not news: those types need a verb (or a light verb: "held talks").
 */
export const NOUN_EVENT_TYPES = new Set([...list('noun-event-types')].map((t) => t.toUpperCase() as PloverType));
/** Complementisers of a condition: an act inside such a clause is imagined, not reported. */
const CONDITION = list('condition-marks');
/** Auxiliaries that make "agreed that X will (should) ..." an agreement to act rather than an opinion. */
const FUTURE_AUX = list('future-aux');
const DENIAL_OBJECTS = list('denial-objects');
const DISMISSED_CLAIMS = list('dismissed-claims');
const MARKET_OBJECTS = list('market-objects');
const MONEY_OBJECTS = list('money-objects');
const ADMISSION_OBJECTS = list('admission-objects');
const MARKET_SUBJECTS = list('market-subjects');
/** Verbs of forecasting: an act someone else expects did not happen ("many expect the Fed to add reserves"). */
const FORECAST_VERBS = list('forecast-verbs');
const DENIAL_PREDICATES = list('denial-predicates');
const BE_FORMS = new Set(['is', 'are', 'was', 'were', 'be', 'been']);
/** Predicates that say an act did not or will not happen ("a blockade was unlikely"). */
const UNLIKELY = list('unlikely-predicates');
/** Nouns of reports, and the verbs that deny them ("denied reports that ..."). */
const REPORT_NOUNS = list('report-nouns');
const CLAIMS_WITH_THAT = list('claims-with-their-that');
const DENIAL_VERBS = list('denial-verbs');
/** Nouns of evidence or likelihood that "no" or "little" negate ("no evidence that", "little prospect of"). */
const DOUBT_NOUNS = list('doubt-nouns');
/** prospect-nouns, hope-adjectives: an act a prospect, a risk or a hope is of, or one hoped for, has not happened. */
const PROSPECT_NOUNS = list('prospect-nouns');
/** Verbs that keep an act from happening, and verbs that put one forward without doing it (sense.tsv says how). */
const PREVENTION_VERBS = list('prevention-verbs');
const RESTRAINT_VERBS = list('restraint-verbs');
const PROPOSAL_VERBS = list('proposal-verbs');
const SUGGESTION_VERBS = list('suggestion-verbs');
/** A clause with "should" ("suggested that the two sides should meet"): what is proposed, not what is said. */
const shouldClause = (s: Sentence, v: number): boolean => children(s, v).some((c) => s.deprels[c] === 'aux' && /^(?:should|shall)$/i.test(s.tokens[c].form));
const HOPE_ADJECTIVES = list('hope-adjectives');
/** Verbs of words against someone: an attack coordinated with one is words too. */
const SMEAR_VERBS = list('smear-verbs');
/** blame-for-verbs: force words whose "for" phrase is what is blamed ("attacked China for its trade practices"). */
const BLAME_FOR_VERBS = list('blame-for-verbs');
/** relational-nouns: "its creditors" are not of the owner's country. */
export const RELATIONAL_NOUNS = list('relational-nouns');
export const PROPOSAL_NOUNS = list('proposal-nouns');
/** Writing or sending, and what is written or sent: the words a letter carries go to its addressee. */
export const LETTER_VERBS = list('letter-verbs');
export const LETTER_NOUNS = list('letter-nouns');
/** Documents and instruments: what their content tells is nobody's act. */
export const INSTRUMENT_NOUNS = list('instrument-nouns');
export const ABROAD_WORDS = list('abroad-words');
export const ABROAD_PRONE = list('abroad-prone');
export const GROUP_ADJECTIVES = list('group-adjectives');
/** named-affairs: nouns of negotiations, meetings, affairs and rates named after a place, which is then no party. */
export const NAMED_AFFAIRS = list('named-affairs');
/** affair-domains: lower-case words between a place and its affair ("the Uruguay trade round"). */
export const AFFAIR_DOMAINS = list('affair-domains');
/** Goods moving between countries: the origin named in their "of" phrase is who a restriction on them aims at. */
export const TRADE_FLOWS = list('trade-flows');
/** Audiences: speaking to one is no consultation. */
const AUDIENCE = list('audience-nouns');
/** Verbs of trade: a party agreeing or offering to do them deals in goods or money. */
const COMMERCE_VERBS = list('commerce-verbs');
const QUANTITY_UNITS = list('quantity-units');
/** Nouns of deals between companies: allowing or approving one is regulation of trade. */
const COMMERCE_DEALS = list('commerce-deals');
/** WordNet noun classes of goods. */
const GOODS = new Set<number>([NOUN.artifact, NOUN.food, NOUN.plant, NOUN.possession, NOUN.substance]);
/** A party among the words of the phrase headed by k, other than k ("the sale of F-16s to Pakistan"). */
function partyWithin(s: Sentence, k: number, isParty: (k: number) => boolean): boolean {
  const [from, to] = subtree(s, k);
  for (let i = from; i < to; i++) if (i !== k && isParty(i)) return true;
  return false;
}
/** Prepositions that make a noun the background of the news ("amid heavy fighting", "because of the deployment"). */
const BACKGROUND_CASES = list('background-cases');
const BACKGROUND_FRAMES = list('background-frames');
const LASTING_ACTS = list('lasting-acts');
const HABITUAL_ADJECTIVES = list('habitual-adjectives');
/** Words that date a phrase ("Monday's missile strike", "the February invasion", "the 2014 annexation"): the calendar's
 *  names (tokens.ts), and a few more. */
const dating = (form: string) => CALENDAR.test(form.replace(/['’]s$/, '')) || /^(?:yesterday|today|tonight|week|month|\d{4})(?:['’]s)?$/i.test(form);
const HYPOTHETICAL_AUX = list('hypothetical-aux');
const REQUIREMENT_VERBS = list('requirement-verbs');
/** Causes that are no actor (natural-causes.tsv): "an earthquake killed 30 people", "forest fires threatening settlements". */
const NATURAL_CAUSES = new Set(
  readFileSync(new URL('./dictionaries/natural-causes.tsv', import.meta.url), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#')),
);
/** A natural cause or its plural ("fires", "floods"). */
export const isNaturalCause = (word: string) => NATURAL_CAUSES.has(word) || NATURAL_CAUSES.has(word.replace(/s$/, '')) || NATURAL_CAUSES.has(word.replace(/es$/, ''));
/** Phrases that make a sentence a report of market operations ("assistance to the money market"). */
export const MARKET_CONTEXTS = [...list('market-contexts')];
/** Weapons: harm by an explosion or a fire is an attack when one is named ("a car bomb explosion"). */
export const WEAPONS = list('weapons');
/** violence-nouns: fighting named without a weapon ("injured in clashes"): no accident did it. */
export const VIOLENCE_NOUNS = list('violence-nouns');
/** Acts done to a place: a place's name compounded with them is where they were done ("the Ukraine invasion"). */
export const ACTS_ON_PLACES = list('acts-on-places');
const SHOW_VERBS = list('show-verbs');
const GATHER_VERBS = list('gather-verbs');
const LITERAL_OBJECTS = list('literal-objects');
export const LABOUR = list('labour-subjects');
const STRUCK_OBJECTS = list('struck-objects');
const FOUGHT_ILLS = list('fought-ills');
const TIME_WORD = /^(?:today|tonight|yesterday|tomorrow|night|morning|afternoon|evening|day|days|week|weeks|weekend|month|months|year|years|time|times|now|then|earlier|later|ago)$/i;
/** Types whose participle describing a noun is still news ("civilians killed by troops", "a town seized by rebels"). */
const BACKGROUND_EXCEPT = new Set<PloverType>(['ASSAULT', 'COERCE', 'MOBILIZE', 'THREATEN', 'RETREAT']);

/** Tags that make a one-word verb trigger no act ("promising results", "provided that"). */
const NOT_AN_ACT = new Set(['ADJ', 'ADP', 'SCONJ', 'CCONJ', 'ADV', 'DET', 'PRON', 'NUM', 'PART', 'INTJ', 'SYM', 'X']);
/** Types whose verb with a clause for object reports an opinion or a denial, not an act ("conceded that"). */
const OPINION_TYPES = new Set<PloverType>(['AGREE', 'CONCEDE', 'REJECT', 'SUPPORT']);

export type Reading =
  /** `figurative`: force used on an idea ("attack the plan") or over a topic ("attacks US over aid"): words at most. */
  | { as: 'verb' | 'noun'; figurative?: 'idea' | 'topic' }
  | { as: 'none'; why: string };

/** "no evidence", "little prospect", "no grain (of truth)": a doubt noun under "no" or "little". */
const doubtedIn = (s: Sentence, k: number) =>
  DOUBT_NOUNS.has(s.tokens[k].form.toLowerCase()) && children(s, k).some((c) => (s.deprels[c] === 'det' || s.deprels[c] === 'amod') && /^(?:no|little)$/i.test(s.tokens[c].form));

/**
 * How the trigger spanning [start, end) reads in the sentence. `strength` is the pattern's: a verb pattern
 * the tagger calls a noun is read as a noun; one it calls an adjective or a conjunction is no act.
 */
export function readTrigger(s: Sentence, start: number, end: number, type: PloverType, strength: 'verb' | 'noun', isParty: (k: number) => boolean = () => false, gapped = false, isPoliticalParty: (k: number) => boolean = isParty): Reading {
  let n = triggerNode(s, start, end);
  if (n < 0) return { as: strength };
  // A verb pattern is read at its verb, its first word ("sought ... refuge", however the parser hung it).
  if (strength === 'verb') {
    const first = s.tokens.findIndex((t) => t.end > start);
    if (first >= 0 && (s.upos[first] === 'VERB' || s.upos[first] === 'AUX')) n = first;
  }
  const tag = s.upos[n];
  const form = s.tokens[n].form.toLowerCase();
  // (a phrase is read at its head: "under investigation" is no preposition)
  const oneWord = s.tokens.filter((t) => t.start < end && t.end > start).length === 1;
  if (NOT_AN_ACT.has(tag) && strength === 'verb' && oneWord) return { as: 'none', why: `tagged ${tag}` };
  // "Shell Canada also said": a capitalised word in a run of names is a name.
  const nameHead = s.heads[n];
  if (oneWord && /^\p{Lu}/u.test(s.tokens[n].form) && (tag === 'PROPN' || tag === 'NOUN') && (s.deprels[n] === 'compound' || s.deprels[n] === 'flat') &&
    nameHead > n && s.upos[nameHead] === 'PROPN' && /^\p{Lu}/u.test(s.tokens[nameHead].form)) return { as: 'none', why: 'name' };
  // A verb pattern with a gap ("strike ... NAME", "offer ... to") found on a noun is no such verb: "60 strikes
  // have taken place around Yugoslavia", "its eurobond offering to 50 mln".
  const firstWord = s.tokens.findIndex((t) => t.end > start);
  // (so is one the parser made a verb in a noun's place, a subject without a subject of its own: "there were also
  // strikes at a Belgrade medical centre")
  const nominalPlace = (k: number) => /^nsubj/.test(s.deprels[k]) && !children(s, k).some((c) => /^nsubj/.test(s.deprels[c]) || s.deprels[c] === 'obj');
  if (gapped && strength === 'verb' && firstWord >= 0 && (s.upos[firstWord] === 'NOUN' || s.upos[firstWord] === 'PROPN' || nominalPlace(firstWord))) return { as: 'none', why: 'noun, not the verb' };
  // ("Striking dockers brought the port to a halt": a gapped pattern's verb describing the noun after it is none)
  // (an -ing form before a common noun only, and not before the pattern's own object: "struck Tehran" and
  // "imposing sanctions" misparsed as modifiers stay)
  let lastWord = firstWord;
  while (lastWord + 1 < s.tokens.length && s.tokens[lastWord + 1].start < end) lastWord++;
  // ("to help cut their trade deficits": a gapped pattern's last word describing an amount of trade or money, the
  // object's head, names no trade or aid cut)
  if (gapped && strength === 'verb' && (s.deprels[lastWord] === 'compound' || s.deprels[lastWord] === 'amod') && s.heads[lastWord] > lastWord &&
    [/s$/, /es$/, /$/].some((end) => MARKET_OBJECTS.has(s.tokens[s.heads[lastWord]].form.toLowerCase().replace(end, ''))) && !isParty(s.heads[lastWord])) return { as: 'none', why: 'an amount' };
  // ("made the following supply and demand projections": a gapped pattern's noun paired with another commerce noun
  // is the market's, not a party's demand)
  // (by the words, whatever the parser made of them: it may read "demand" as a verb there)
  const word = (k: number) => s.tokens[k]?.form.toLowerCase() ?? '';
  if (gapped && strength === 'verb' && COMMERCE_NOUNS.has(word(lastWord)) &&
    ((word(lastWord - 1) === 'and' && COMMERCE_NOUNS.has(word(lastWord - 2))) || (word(lastWord + 1) === 'and' && COMMERCE_NOUNS.has(word(lastWord + 2))))) return { as: 'none', why: 'market pair' };
  // ("called the U.S. attacks on two platforms an escalation": a gapped pattern ending in a preposition of the
  // verb's object, "attacks on", is no phrasal verb: "called on")
  if (gapped && strength === 'verb' && firstWord >= 0 && s.upos[lastWord] === 'ADP' &&
    children(s, firstWord).some((c) => s.deprels[c] === 'obj' && c < lastWord && subtree(s, c)[1] > lastWord)) return { as: 'none', why: 'preposition of the object' };
  if (gapped && strength === 'verb' && firstWord >= 0 && /ing$/i.test(s.tokens[firstWord].form) && s.deprels[firstWord] === 'amod' && s.heads[firstWord] === firstWord + 1 && s.upos[firstWord + 1] === 'NOUN' && firstWord + 1 !== lastWord) return { as: 'none', why: 'modifier' };
  // ("making that call on Thursday": a phrasal verb's first word with a determiner of its own is a noun)
  if (!oneWord && strength === 'verb' && firstWord >= 0 && s.upos[firstWord] === 'NOUN' && children(s, firstWord).some((c) => s.deprels[c] === 'det' && c < firstWord)) return { as: 'none', why: 'noun, not the verb' };
  // "alleged trading abuses", "the disputed territory": a participle describing a noun reports no act.
  // (only right before its noun: "destroyed an oil station" misparsed as a modifier has a determiner between)
  const noun = s.heads[n];
  const prenominal = noun > n && s.tokens.slice(n + 1, noun).every((_, i) => ['ADJ', 'NOUN', 'PROPN', 'ADV'].includes(s.upos[n + 1 + i]));
  if (strength === 'verb' && oneWord && s.deprels[n] === 'amod' && prenominal) return { as: 'none', why: 'modifier' };
  // "the state of Scotland's jails", "prison camps": a verb whose noun is a thing (WordNet: an artifact) names
  // the thing when the tagger reads a noun, not an act.
  // (weapons excepted: "tanks fired shell bombs at targets" tells of an attack)
  if (strength === 'verb' && oneWord && tag === 'NOUN' && !/ing$/.test(form) && wordClasses(form).noun === NOUN.artifact && !WEAPONS.has(form)) return { as: 'none', why: 'a thing' };
  // "visiting U.S. Agriculture secretary Richard Lyng told ...": an -ing form standing as a subject describes
  // or names; it reports no act.
  // ("fierce fighting with guerrillas" as a subject is still a noun of fighting: only one with an object)
  if (strength === 'verb' && oneWord && /ing$/.test(form) && /^nsubj/.test(s.deprels[n]) && children(s, n).some((c) => s.deprels[c] === 'obj')) return { as: 'none', why: 'modifier' };
  // A one-word verb trigger the tagger calls a noun is read as a noun, except a bare present after a
  // plural subject ("The Palestinians reject ...", a frequent tagger slip); a phrase keeps its pattern's reading.
  const prev = n > 0 ? s.tokens[n - 1].form : '';
  // ("the Paris meeting" is no plural and no bare present)
  const presentAfterPlural = (s.upos[n - 1] === 'PROPN' || s.upos[n - 1] === 'NOUN') && /[^aiousy']s$/.test(prev) && !/(?:s|ing|ed)$/.test(form);
  const as: 'verb' | 'noun' = strength === 'noun' || (oneWord && (tag === 'NOUN' || tag === 'PROPN') && !presentAfterPlural) ? 'noun' : 'verb';
  // ("ADB lending had declined", "stepped up lending by banks": a gerund standing where a noun does, with no
  // subject, auxiliary or object of its own, names the business, as the noun would)
  const gerundAsNoun = /ing$/.test(form) && NOUN_SLOTS.has(s.deprels[n]) && !children(s, n).some((c) => ['aux', 'nsubj', 'obj', 'iobj'].includes(s.deprels[c]));
  // ("Any Iranian attack on shipping would be met with force": any act of a kind is none in particular)
  // ("there is no immediate threat to Russia", "no agreement was reached": an act named with "no" did not happen)
  const determiners = as === 'noun' ? children(s, n).filter((c) => s.deprels[c] === 'det').map((c) => s.tokens[c].form.toLowerCase()) : [];
  if (determiners.includes('any')) return { as: 'none', why: 'any' };
  if (determiners.includes('no')) return { as: 'none', why: 'negated' };
  // ("rejected claims that it had sold arms", "flatly dismissed suggestions that ..."): denying a report is a
  // statement, not a refusal (PLOVER)
  // (a suggestion is a proposal, refused: "rejected a U.K. suggestion that his country seek IMF help"; charges are
  // claims only with their "that": "dismissed charges of discrimination filed against it" is a ruling)
  const claimed = (c: number) => !/^suggestions?$/i.test(s.tokens[c].form) &&
    (!CLAIMS_WITH_THAT.has(s.tokens[c].form.toLowerCase()) || children(s, c).some((k) => (s.deprels[k] === 'acl' || s.deprels[k] === 'ccomp') && children(s, k).some((m) => s.deprels[m] === 'mark' && /^that$/i.test(s.tokens[m].form))));
  if (type === 'REJECT' && as === 'verb' && children(s, n).some((c) => s.deprels[c] === 'obj' && REPORT_NOUNS.has(s.tokens[c].form.toLowerCase()) && claimed(c))) return { as: 'none', why: 'denied' };
  if (as === 'noun' && children(s, n).some((c) => s.deprels[c] === 'amod' && HABITUAL_ADJECTIVES.has(s.tokens[c].form.toLowerCase()))) return { as: 'none', why: 'habitual' };
  if ((as === 'noun' || gerundAsNoun) && COMMERCE_NOUNS.has(form)) return { as: 'none', why: 'commerce noun' };
  // ("because of", "due to": the first word is the case marker, the rest hang on it as `fixed`)
  if (as === 'noun' && children(s, n).some((c) => s.deprels[c] === 'case' && BACKGROUND_CASES.has(s.tokens[c].form.toLowerCase()))) return { as: 'none', why: 'background' };
  // ("in the wake of Russia's invasion", "in response to the attack"; "joined after Russia's invasion of Ukraine"): the
  // act is the background of the news, unless its own phrase dates it ("after Monday's missile strike")
  if (as === 'noun') {
    const [lo, hi] = subtree(s, n);
    const dated = s.tokens.slice(lo, hi).some((t) => dating(t.form));
    const frame = s.heads[n];
    const framed = s.deprels[n] === 'nmod' && frame >= 0 && BACKGROUND_FRAMES.has(s.tokens[frame].form.toLowerCase()) && /^(?:of|to)$/i.test(caseOf(s, n));
    const after = LASTING_ACTS.has(form) && children(s, n).some((c) => s.deprels[c] === 'case' && /^(?:after|following)$/i.test(s.tokens[c].form));
    if ((framed || after) && !dated) return { as: 'none', why: 'background' };
  }
  // "the suspension of interest payments": a noun acting on a market is trade
  if (as === 'noun' && children(s, n).some((c) => s.deprels[c] === 'nmod' && MARKET_OBJECTS.has(s.tokens[c].form.toLowerCase()) && children(s, c).some((m) => s.tokens[m].form.toLowerCase() === 'of'))) return { as: 'none', why: 'market object' };
  // ("Britain providing defensive support should be on the table", "sending troops would be a mistake"): an act
  // that is the subject of a clause is weighed, proposed or judged, not reported
  // (a subject of a predicate, "should be on the table", "would be a mistake": not of whatever the parser misread)
  const predicate = s.heads[n];
  if (/^csubj/.test(s.deprels[n]) && predicate >= 0 && children(s, predicate).some((c) => s.deprels[c] === 'cop' || (s.deprels[c] === 'aux' && MODALS.test(s.tokens[c].form)))) return { as: 'none', why: 'subject clause' };
  // A question asks whether the act happened.
  if (s.tokens.at(-1)?.form === '?') return { as: 'none', why: 'question' };
  // "if it curbed the use ... by banning": an act inside a condition is imagined.
  // ("in case Russia threatens": however the parser hung the two words)
  // ("in the event of a Russian attack" likewise)
  for (let k = Math.max(1, n - 8); k < n; k++) if (/^in$/i.test(s.tokens[k - 1].form) && (/^case$/i.test(s.tokens[k].form) || (/^the$/i.test(s.tokens[k].form) && /^event$/i.test(s.tokens[k + 1]?.form ?? '')))) return { as: 'none', why: 'condition' };
  // "If Britain, France and the United States – three nuclear powers – provide guarantees, such an alliance would
  // be stronger": an act in a sentence-opening condition, before the main clause's modal, however the parser hung it.
  const opener = s.tokens.findIndex((t) => /\p{L}/u.test(t.form));
  if (opener >= 0 && opener < n && CONDITION.has(s.tokens[opener].form.toLowerCase())) {
    const comma = s.tokens.findIndex((t, k) => k > n && t.form === ',');
    if (comma > 0 && s.tokens.slice(comma).some((t) => MODALS.test(t.form))) return { as: 'none', why: 'condition' };
  }
  // "If I were in his position, I would be asking ...": "would" under a condition is imagined too.
  const conditional = children(s, n).some((c) => s.deprels[c] === 'aux' && /^(?:would|could|might|'d)$/i.test(s.tokens[c].form));
  const up = pathToRoot(s, n);
  for (const k of up) {
    if (children(s, k).some((c) => s.deprels[c] === 'mark' && CONDITION.has(s.tokens[c].form.toLowerCase()))) return { as: 'none', why: 'condition' };
    if (conditional && children(s, k).some((c) => s.deprels[c] === 'advcl' && c < n && children(s, c).some((m) => s.deprels[m] === 'mark' && CONDITION.has(s.tokens[m].form.toLowerCase())))) return { as: 'none', why: 'condition' };
    // "many expect the Fed to add reserves", "analysts predict that Iran will attack": someone else's forecast of
    // the act tells no act ("Iran expects to sign" is its own plan, "is expected to" a schedule: both stay)
    if (k !== n && FORECAST_VERBS.has(s.tokens[k].form.toLowerCase()) && (s.upos[k] === 'VERB')) {
      const kk = children(s, k);
      const below = up.find((x) => s.heads[x] === k);
      if (kk.some((c) => s.deprels[c] === 'nsubj') && (kk.some((c) => s.deprels[c] === 'obj') || (below !== undefined && children(s, below).some((c) => s.deprels[c] === 'nsubj')))) return { as: 'none', why: 'forecast' };
    }
    // "denied as baseless reports that it intended to threaten shipping": a report denied tells no act;
    // nor does "no evidence that any detainee was tortured", "little prospect of America agreeing".
    // ("Iran denied it had attacked the tanker": an act in the clause a denial takes did not happen, says its actor)
    if (k !== n && DENIAL_VERBS.has(s.tokens[k].form.toLowerCase()) && s.upos[k] === 'VERB' && up.some((x) => s.heads[x] === k && s.deprels[x] === 'ccomp')) return { as: 'none', why: 'denied' };
    // (a report word the tagger took for a verb is the noun: "denied reports that it attacked")
    if (k !== n && (s.upos[k] === 'NOUN' || (s.upos[k] === 'VERB' && REPORT_NOUNS.has(s.tokens[k].form.toLowerCase())))) {
      const noun = s.tokens[k].form.toLowerCase();
      const head = s.heads[k];
      if (REPORT_NOUNS.has(noun) && head >= 0 && (DENIAL_VERBS.has(s.tokens[head].form.toLowerCase()) || DENIAL_PREDICATES.has(s.tokens[head].form.toLowerCase()))) return { as: 'none', why: 'denied' };
      // ("the reports that Iran intended to attack ships were propaganda": however the parser hung the predicate)
      if (REPORT_NOUNS.has(noun) && s.tokens.some((t, j) => j > n && DENIAL_PREDICATES.has(t.form.toLowerCase()) && s.tokens.slice(Math.max(n + 1, j - 3), j).some((b) => BE_FORMS.has(b.form.toLowerCase())))) return { as: 'none', why: 'denied' };
      if (doubtedIn(s, k)) return { as: 'none', why: 'negated' };
    }
    // "the prospect of a Senate strike", "optimistic about reaching agreement": an act a prospect or a hope is of
    // has not happened
    // (the act itself, or the object of the verb that is: "the possibility of sending warplanes", not an act in a
    // clause hung below that one, nor one coordinated with the hope: "was eager to finance ... and was urging")
    const under = up.find((x) => s.heads[x] === k);
    // "dissuading Americans from fighting", "tried to deter Moscow from invading": kept from happening
    // ("was proposing immediate talks with Putin": put forward, not held)
    if (k !== n && under !== undefined && s.upos[k] === 'VERB') {
      const governor = s.tokens[k].form.toLowerCase();
      const rel = s.deprels[under];
      // (a "from" clause, not a "from" phrase: "ban Russia from Swift after repeated appeals from Kyiv")
      const fromClause = s.upos[under] === 'VERB' && children(s, under).some((c) => (s.deprels[c] === 'mark' || s.deprels[c] === 'case') && /^from$/i.test(s.tokens[c].form));
      if ((PREVENTION_VERBS.has(governor) || RESTRAINT_VERBS.has(governor)) && fromClause) return { as: 'none', why: 'prevented' };
      if (PREVENTION_VERBS.has(governor) && (['xcomp', 'ccomp'].includes(rel) || (rel === 'obj' && under === n))) return { as: 'none', why: 'prevented' };
      if (PROPOSAL_VERBS.has(governor) && ['obj', 'xcomp', 'ccomp'].includes(rel)) return { as: 'none', why: 'proposed' };
      // ("suggested talks", "suggested holding talks", "suggested that they should meet"; not "polls suggest most
      // Americans support Ukraine", "suggests a resistance movement against authorities occupying ...")
      if (SUGGESTION_VERBS.has(governor) && ((rel === 'obj' && under === n) || rel === 'xcomp' || (rel === 'ccomp' && shouldClause(s, under)))) return { as: 'none', why: 'proposed' };
    }
    const itself = under !== undefined && (under === n || (s.heads[n] === under && ['obj', 'xcomp', 'ccomp'].includes(s.deprels[n])));
    if (k !== n && itself && s.upos[k] === 'NOUN' && PROSPECT_NOUNS.has(s.tokens[k].form.toLowerCase()) && (s.deprels[under!] === 'nmod' || s.deprels[under!] === 'acl') && children(s, under!).some((m) => /^of$/i.test(s.tokens[m].form))) return { as: 'none', why: 'prospect' };
    if (k !== n && under !== undefined && s.upos[k] === 'ADJ' && HOPE_ADJECTIVES.has(s.tokens[k].form.toLowerCase()) &&
      !up.slice(0, up.indexOf(k)).some((x) => s.deprels[x] === 'conj' && children(s, x).some((c) => s.deprels[c] === 'nsubj')) && ['xcomp', 'ccomp', 'advcl', 'obl', 'acl'].includes(s.deprels[under])) return { as: 'none', why: 'hope' };
    // "there is no grain of truth to the Japanese imposing tariffs": the doubt is the clause's subject
    if (k !== n && children(s, k).some((c) => s.deprels[c] === 'expl') && children(s, k).some((c) => s.deprels[c] === 'nsubj' && doubtedIn(s, c))) return { as: 'none', why: 'negated' };
    if (k !== n && s.deprels[k] === 'root') break;
  }
  // "would require British jets shooting down Russian jets": what something requires is not done (the act, or
  // the party doing it, or an act coordinated with it, is what the requirement governs)
  for (let i = 0; i + 1 < up.length && i < 4; i++) {
    if (REQUIREMENT_VERBS.has(s.tokens[up[i + 1]].form.toLowerCase()) && ['obj', 'xcomp', 'ccomp', 'csubj'].includes(s.deprels[up[i]])) return { as: 'none', why: 'hypothetical' };
    if (!['acl', 'obj', 'xcomp', 'ccomp', 'conj'].includes(s.deprels[up[i]])) break;
  }
  // "an Iranian blockade of the Strait was unlikely": an act called unlikely or impossible did not happen
  if (/^nsubj/.test(s.deprels[n]) && s.heads[n] >= 0 && UNLIKELY.has(s.tokens[s.heads[n]].form.toLowerCase())) return { as: 'none', why: 'hypothetical' };
  if (as === 'verb') {
    const kids = children(s, n);
    // "recognized that some allies would not follow suit": acknowledging a fact recognises no one
    if (/^(?:recogni[sz]|acknowledg)/.test(form) && kids.some((c) => s.deprels[c] === 'ccomp')) return { as: 'none', why: 'acknowledged' };
    // "the Paris pact agreed between six nations", "the range agreed on in the Louvre talks", "action beyond
    // that pledged in the pact": a participle describing a noun is the news's background, not news (force
    // excepted: "a civilian killed by troops" is news). Only right after its noun: "allies today called on",
    // "Jaruzelski, at a meeting yesterday, criticised" are main verbs the parser hung on a noun.
    const head = s.heads[n];
    // (nor after a time word: "governors last night called on", "allies today called on")
    // ("the 1.55 billion originally agreed": an adverb may stand between)
    const adjacent = head === n - 1 || (head === n - 2 && s.upos[n - 1] === 'ADV');
    if (s.deprels[n] === 'acl' && /(?:ed|en)$/i.test(form) && !BACKGROUND_EXCEPT.has(type) && adjacent && s.deprels[head] !== 'root' &&
      !TIME_WORD.test(s.tokens[head].form) && !CALENDAR.test(s.tokens[head].form) &&
      ['NOUN', 'PROPN', 'PRON', 'NUM'].includes(s.upos[head]) && !kids.some((c) => /^(?:nsubj|aux|mark)/.test(s.deprels[c]))) return { as: 'none', why: 'background' };
    // "it could cause a collapse and destroy the industry": a verb shares the modal of the verb it is
    // coordinated with or complements.
    for (let k = n, hops = 0; k >= 0 && hops < 4; hops++) {
      if (children(s, k).some((c) => s.deprels[c] === 'aux' && HYPOTHETICAL_AUX.has(s.tokens[c].form.toLowerCase()))) return { as: 'none', why: 'hypothetical' };
      // "rocket systems that can strike into Russia": what a party can do it has not done ("cannot accept" is
      // a refusal, and stays)
      if (children(s, k).some((c) => s.deprels[c] === 'aux' && /^can$/i.test(s.tokens[c].form)) && !children(s, k).some((c) => s.deprels[c] === 'advmod' && /^(?:not|n't)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'hypothetical' };
      // "a safe haven for terrorists that would attack our homelands": "would" in a relative clause imagines
      // (in a reported clause it is the future of the past: "said it would withdraw")
      // (not a content clause: "his warning that he would reject ..." reports)
      if (s.deprels[k] === 'acl' && !children(s, k).some((c) => s.deprels[c] === 'mark') && children(s, k).some((c) => s.deprels[c] === 'aux' && /^(?:would|'d)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'hypothetical' };
      // ("may try to blunt the stance by offering to scrap the quota": the means of an imagined act is imagined;
      // so is a participle clause of one: "NATO should come to its defence, deploying its forces")
      const markers = children(s, k).filter((c) => s.deprels[c] === 'mark' || s.deprels[c] === 'case');
      const means = s.deprels[k] === 'advcl' && (markers.some((c) => /^by$/i.test(s.tokens[c].form)) || (!markers.length && /ing$/i.test(s.tokens[k].form)));
      if (s.deprels[k] !== 'conj' && s.deprels[k] !== 'xcomp' && !means) break;
      k = s.heads[k];
    }
    // "will enter into force when governments have ratified it": an act a future waits for has not happened
    if (s.deprels[n] === 'advcl' && kids.some((c) => (s.deprels[c] === 'mark' || s.deprels[c] === 'advmod') && c < n && /^(?:when|once|until)$/i.test(s.tokens[c].form)) && head >= 0 &&
      children(s, head).some((c) => s.deprels[c] === 'aux' && /^(?:will|shall|'ll)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'condition' };
    // "when asked about reports", "if asked": a reduced clause of asking is the speaker being asked.
    if (type === 'REQUEST' && /^asked$/i.test(form) && !kids.some((c) => /^(?:nsubj|aux)/.test(s.deprels[c])) && kids.some((c) => (s.deprels[c] === 'mark' || s.deprels[c] === 'advmod') && c < n && /^(?:when|if|as|while|after|before)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'asked' };
    // "as pledged in the accord", "as agreed in Paris": a participle after "as" without a subject recalls an
    // earlier act; it is not news.
    if (/ed$/.test(form) && kids.some((c) => s.deprels[c] === 'mark' && /^as$/i.test(s.tokens[c].form) && c === n - 1) && !kids.some((c) => /^nsubj/.test(s.deprels[c]) || s.deprels[c] === 'aux')) return { as: 'none', why: 'background' };
    // "ask the question", "asking whether they intended to": asking a question requests no act.
    const asked = kids.find((c) => c > n && (s.deprels[c] === 'obj' || s.deprels[c] === 'iobj'));
    if (type === 'REQUEST' && /^ask(?:s|ed|ing)?$/.test(form) &&
      (kids.some((c) => s.deprels[c] === 'obj' && /^questions?$/i.test(s.tokens[c].form)) ||
        kids.some((c) => (s.deprels[c] === 'ccomp' || s.deprels[c] === 'advcl') && children(s, c).some((m) => s.deprels[m] === 'mark' && /^(?:whether|if)$/i.test(s.tokens[m].form))) ||
        // ("asked how police were to interpret the rules", "ask which party they will vote for")
        kids.some((c) => s.deprels[c] === 'ccomp' && c > n && WH_WORD.test(s.tokens[subtree(s, c)[0]].form)) ||
        // (however the parser hung the question's phrase: "ask [which party] they will vote for")
        kids.some((c) => (s.deprels[c] === 'obj' || s.deprels[c] === 'iobj') && c > n && WH_WORD.test(s.tokens[subtree(s, c)[0]].form)) ||
        // ("was asked about industry reports", "asked why the department was not acting", "asked them why": a question
        // put, wherever the parser hung its word; not "asked about 30 trading houses to cut imports", "asked the UN
        // about aid and for troops", nor "asking the White House if it could guarantee ...", a request put politely)
        (!kids.some((c) => s.deprels[c] === 'xcomp' || (s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^for$/i.test(s.tokens[m].form)))) &&
          (kids.some((c) => c > n && s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^about$/i.test(s.tokens[m].form))) ||
            WH_WORD.test(s.tokens[asked === undefined ? n + 1 : subtree(s, asked)[1]]?.form ?? ''))))) return { as: 'none', why: 'a question' };
    // "the Iran-Iraq war, which threatens the emirate's oil lifeline", "the crisis threatens jobs": a state of affairs
    // endangers; it threatens no one (the relative pronoun's noun is its subject)
    if (type === 'THREATEN') {
      let threat = kids.find((c) => s.deprels[c] === 'nsubj');
      // (the noun right before ", which", however the parser hung the clause)
      if (threat !== undefined && /^(?:which|that)$/i.test(s.tokens[threat].form)) {
        threat = s.upos[threat - 1] === 'PUNCT' ? threat - 2 : threat - 1;
        // ("the Iran-Iraq war on Kuwait's doorstep, which threatens ...": up from a modifier to the noun it describes)
        for (let hops = 0; hops < 3 && threat >= 0 && s.deprels[threat] === 'nmod' && s.heads[threat] >= 0 && s.upos[s.heads[threat]] === 'NOUN'; hops++) threat = s.heads[threat];
      }
      if (threat !== undefined && threat >= 0 && s.upos[threat] === 'NOUN' && !isParty(threat) && ENDANGERS.has(wordClasses(s.tokens[threat].form.toLowerCase()).noun)) return { as: 'none', why: 'a state of affairs endangers' };
    }
    // "the U.S. currency retreated", "shares of ChemLawn shot up": a market moving is no party acting.
    const mover = kids.find((c) => s.deprels[c] === 'nsubj');
    const moverWord = mover === undefined ? '' : s.tokens[mover].form.toLowerCase();
    if (mover !== undefined && (MARKET_OBJECTS.has(moverWord) || MARKET_SUBJECTS.has(moverWord)) && !isParty(mover)) return { as: 'none', why: 'market subject' };
    // ("help fight Bolivia's cocaine trade", "vowed to fight inflation": fighting a crime or an ill attacks no one)
    if ((type === 'ASSAULT' || type === 'THREATEN') && /^(?:fight|fights|fighting|fought|combat|combats|combating|combatting|combated)$/.test(form)) {
      const fought = kids.find((c) => s.deprels[c] === 'obj' || (s.deprels[c] === 'obl' && /^against$/i.test(caseOf(s, c))));
      if (fought !== undefined && FOUGHT_ILLS.has(s.tokens[fought].form.toLowerCase())) return { as: 'none', why: 'an ill fought' };
    }
    // "production workers struck on April 6", "miners are striking": a labour strike is no attack.
    if (type === 'ASSAULT' && /^(?:strike|strikes|striking|struck)$/.test(form)) {
      // ("the agreement struck between traders", "struck a conciliatory note": a deal or a tone is struck, nobody is hit)
      // (its object, else the noun it describes or its subject: "the agreement struck" is often parsed as active)
      const struck = kids.find((c) => s.deprels[c] === 'obj') ?? (s.deprels[n] === 'acl' && s.heads[n] >= 0 ? s.heads[n] : kids.find((c) => /^nsubj/.test(s.deprels[c])));
      if (struck !== undefined && STRUCK_OBJECTS.has(s.tokens[struck].form.toLowerCase())) return { as: 'none', why: 'a deal struck' };
      // (its own subject, else the one of the verb it hangs on: "workers represented by X struck", misparsed)
      const subject = [n, s.heads[n]].map((k) => children(s, k).find((c) => s.deprels[c] === 'nsubj')).find((c) => c !== undefined);
      if (subject !== undefined && LABOUR.has(s.tokens[subject].form.toLowerCase())) return { as: 'none', why: 'labour strike' };
      // ("Strikes by Brazil's 40,000 seamen": the strikers after "by")
      const strikers = kids.find((c) => s.deprels[c] === 'obl' && c > n && children(s, c).some((m) => s.deprels[m] === 'case' && /^by$/i.test(s.tokens[m].form)));
      if (strikers !== undefined && LABOUR.has(s.tokens[strikers].form.toLowerCase())) return { as: 'none', why: 'labour strike' };
    }
    // "I will help, provided that both Greece and Turkey wish it": "provided" with a clause is a condition.
    if (/^provid(?:ed|ing)$/.test(form) && !kids.some((c) => s.deprels[c] === 'obj' || s.deprels[c] === 'iobj') &&
      (s.tokens[n + 1]?.form.toLowerCase() === 'that' || kids.some((c) => (s.deprels[c] === 'ccomp' || s.deprels[c] === 'advcl') && c > n && children(s, c).some((k) => s.deprels[k] === 'nsubj')))) return { as: 'none', why: 'condition' };
    // "It is generally agreed that ...": an impersonal verb reports a view, no party acts.
    if (kids.some((c) => s.deprels[c] === 'expl')) return { as: 'none', why: 'impersonal' };
    // "conceded that peer review would not end", "agreed that the package should cover": an opinion.
    // ("agreed that NATO will expand its mission" is an agreement to act: a future clause keeps it.)
    // (or the object of the verb it controls: "offered to buy government securities")
    const controlled = kids.find((c) => s.deprels[c] === 'xcomp' && c > n);
    const object = kids.find((c) => s.deprels[c] === 'obj') ?? (controlled === undefined ? undefined : children(s, controlled).find((c) => s.deprels[c] === 'obj'));
    const objectWord = object === undefined ? '' : s.tokens[object].form.toLowerCase();
    // "rejected bids", "invited offers", "was supporting the dollar", "welcomed the rise in the yen": an act
    // on a commodity, a price or a market is trade, not politics.
    if (object !== undefined) {
      // (with the "in"/"of" phrase right after it, wherever the parser hung it: "welcomed the rise in the yen")
      const objectEnd = subtree(s, object)[1];
      const after = kids.filter((c) => s.deprels[c] === 'obl' && children(s, c).some((m) => m === objectEnd && s.deprels[m] === 'case' && /^(?:in|of|at)$/i.test(s.tokens[m].form)));
      const words = [object, ...after, ...children(s, object).filter((c) => s.deprels[c] === 'nmod' || s.deprels[c] === 'compound')];
      if (words.some((k) => MARKET_OBJECTS.has(s.tokens[k].form.toLowerCase()))) return { as: 'none', why: 'market object' };
      if (type === 'RETREAT' && words.some((k) => MONEY_OBJECTS.has(s.tokens[k].form.toLowerCase()))) return { as: 'none', why: 'money moved' };
      if (type === 'AGREE' && ADMISSION_OBJECTS.has(objectWord)) return { as: 'none', why: 'admission' };
    }
    // ("the Air Force has called for new bids on the engine contract": a call for bids or tenders is procurement)
    if (type === 'REQUEST' && kids.some((c) => s.deprels[c] === 'obl' && caseOf(s, c) === 'for' && /^(?:bids?|tenders?)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'market object' };
    // "agreed to pay Japanese trading houses", "offered to buy bills", "is willing to lend two-week money": an act
    // of buying, selling or lending is trade, unless a party is on its other side ("agreed to sell arms to Iran").
    // ("is committed to buying 7.7 mln tonnes of corn": "to" + an -ing form is the act agreed to as well)
    // (right after the "to": "opposed to the U.S. selling a bond" is another's act)
    const toIng = controlled ?? kids.find((c) => c > n && s.deprels[c] === 'advcl' && /ing$/i.test(s.tokens[c].form) && /^to$/i.test(s.tokens[c - 1].form) && s.deprels[c - 1] === 'mark');
    const trades = (k: number) => {
      const f = s.tokens[k].form.toLowerCase();
      return COMMERCE_VERBS.has(f) || (k !== controlled && (COMMERCE_VERBS.has(f.slice(0, -3)) || COMMERCE_VERBS.has(`${f.slice(0, -3)}e`)));
    };
    // (a party it goes to, wherever the parser hung the "to": "sell F-16s to Pakistan")
    const [from, to] = toIng === undefined ? [0, 0] : subtree(s, toIng);
    const destination = s.tokens.some((_, k) => k >= from && k < to && s.deprels[k] === 'nmod' && isPoliticalParty(k) && children(s, k).some((m) => s.deprels[m] === 'case' && /^to$/i.test(s.tokens[m].form)));
    const goodsByMeasure = toIng !== undefined && s.tokens.some((t, k) => k >= from && k < to && QUANTITY_UNITS.has(t.form.toLowerCase())) &&
      !s.tokens.some((t, k) => k >= from && k < to && WEAPONS.has(t.form.toLowerCase()));
    if (toIng !== undefined && trades(toIng) && (goodsByMeasure || (!destination &&
      !children(s, toIng).some((c) => ['obj', 'iobj', 'obl'].includes(s.deprels[c]) && isPoliticalParty(c))))) return { as: 'none', why: 'commerce' };
    // "Speaking to the President's Export Council", "addressed the conference": speaking to an audience is no
    // consultation (PLOVER: a statement). ("spoke to Ghani", "talked to rebel leaders" stay meetings)
    if (type === 'CONSULT' && /^(?:speak|speaks|spoke|speaking|talk|talks|talked|talking|address|addressed|addresses|addressing)$/.test(form)) {
      const heard = kids.find((c) => (s.deprels[c] === 'obj' || (s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^to$/i.test(s.tokens[m].form)))) && c > n);
      // (a name's last word: "the Export Council" is "Export" with "Council" flat on it)
      const words = heard === undefined ? [] : [heard, ...children(s, heard).filter((c) => s.deprels[c] === 'flat' && c > heard)];
      if (words.some((k) => AUDIENCE.has(s.tokens[k].form.toLowerCase()))) return { as: 'none', why: 'an audience' };
    }
    // "allowed the indirect takeover of Holt ... by Harcourt", "approved the merger": a deal between companies.
    // ("approved the sale of F-16s to Pakistan" keeps its party)
    if (object !== undefined && COMMERCE_DEALS.has(objectWord) && !partyWithin(s, object, isPoliticalParty)) return { as: 'none', why: 'commerce' };
    // "Pakistan ordered 180 military trucks from AM General": ordering goods is buying them; an order with a
    // destination or a task ("ordered warships to the Gulf", "ordered troops to withdraw") is a command.
    if (/^order(?:s|ed|ing)?$/.test(form) && object !== undefined && s.upos[object] === 'NOUN' && GOODS.has(wordClasses(objectWord).noun) &&
      !kids.some((c) => s.deprels[c] === 'xcomp' || (s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^(?:to|into|in)$/i.test(s.tokens[m].form)))) &&
      // (wherever the parser hung the destination: "warships to the Gulf")
      !children(s, object).some((c) => s.deprels[c] === 'nmod' && children(s, c).some((m) => s.deprels[m] === 'case' && /^(?:to|into)$/i.test(s.tokens[m].form)))) return { as: 'none', why: 'purchase' };
    // "maliciously attacking and smearing China": an attack coordinated with words is words
    const coordinated = [...kids.filter((c) => s.deprels[c] === 'conj'), ...(s.deprels[n] === 'conj' && s.heads[n] >= 0 ? [s.heads[n]] : [])];
    if (type === 'ASSAULT' && coordinated.some((c) => SMEAR_VERBS.has(s.tokens[c].form.toLowerCase()))) return { as, figurative: 'topic' };
    // "destroyed wider trust", "hit morale", "attacked the plan": force used on an idea, a feeling, a state or a
    // relation is a figure of speech (WordNet's class of the object's first noun sense), not violence; the
    // caller codes it as words where the verb has a verbal sense ("attack": ACCUSE), else not at all.
    // ("fired tear gas at demonstrators": with a target after "at" or "on" the object is the weapon)
    const target = kids.some((c) => s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^(?:at|on|into|upon)$/i.test(s.tokens[m].form)));
    // (a party is no idea, whatever WordNet's first sense: "fighting the forces of President Habre";
    // nor are the words of literal-objects: "attacked targets")
    if (object !== undefined && type === 'ASSAULT' && !target && s.upos[object] === 'NOUN' && !isParty(object) && !LITERAL_OBJECTS.has(objectWord) && ABSTRACT.has(wordClasses(objectWord).noun)) return { as, figurative: 'idea' };
    // ("fought against money and bond market pressure", "battled against inflation": force against a state of
    // affairs is a figure of speech as well)
    const against = kids.find((c) => s.deprels[c] === 'obl' && c > n && children(s, c).some((m) => s.deprels[m] === 'case' && /^against$/i.test(s.tokens[m].form)));
    const affairs = (c: number) => s.upos[c] === 'NOUN' && !isParty(c) && !LITERAL_OBJECTS.has(s.tokens[c].form.toLowerCase()) && STATES_OF_AFFAIRS.has(wordClasses(s.tokens[c].form.toLowerCase()).noun);
    if (object === undefined && type === 'ASSAULT' && against !== undefined && [against, ...children(s, against).filter((c) => s.deprels[c] === 'conj')].every(affairs)) return { as, figurative: 'idea' };
    // ("What we want now is to kill it once and for all": a bill or a plan is killed, not a person, who is him or her)
    if (object !== undefined && type === 'ASSAULT' && /^kill/.test(form) && /^it$/i.test(s.tokens[object].form)) return { as, figurative: 'idea' };
    // "he had been struck by the widespread awareness of ...": force whose agent is an idea or a feeling moves
    // the mind; nobody was attacked.
    const agent = kids.find((c) => s.deprels[c] === 'obl' && c > n && children(s, c).some((m) => s.deprels[m] === 'case' && /^by$/i.test(s.tokens[m].form)));
    if (type === 'ASSAULT' && agent !== undefined && s.upos[agent] === 'NOUN' && !isParty(agent) && !LITERAL_OBJECTS.has(s.tokens[agent].form.toLowerCase()) && ABSTRACT.has(wordClasses(s.tokens[agent].form.toLowerCase()).noun) && kids.some((c) => s.deprels[c] === 'aux' && c < n && /^(?:be|been|being|was|were|is|are)$/i.test(s.tokens[c].form))) return { as: 'none', why: 'figure of speech' };
    // "Short attacks US over tsunami aid": an attack over a topic is a dispute; so is one for a reason ("attacked
    // China for its trade practices", "for being soft on crime"; not "for two hours").
    if (type === 'ASSAULT' && kids.some((c) => s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && s.tokens[m].form.toLowerCase() === 'over'))) return { as, figurative: 'topic' };
    const forWhat = (c: number) => children(s, c).some((m) => (s.deprels[m] === 'case' || s.deprels[m] === 'mark') && m < c && s.tokens[m].form.toLowerCase() === 'for');
    const reason = (c: number) => (s.deprels[c] === 'obl' && s.upos[c] === 'NOUN' && REASONS.has(wordClasses(s.tokens[c].form.toLowerCase()).noun)) || (s.deprels[c] === 'advcl' && /ing$/i.test(s.tokens[c].form));
    if (type === 'ASSAULT' && BLAME_FOR_VERBS.has(form) && kids.some((c) => c > n && forWhat(c) && reason(c))) return { as, figurative: 'topic' };
    // "denied the reports", "denied this": a denial is a statement (PLOVER), "denied the request" a refusal.
    if (type === 'REJECT' && /^den(?:y|ies|ied|ying)$/.test(form) && (object === undefined || DENIAL_OBJECTS.has(objectWord))) return { as: 'none', why: 'denial' };
    // ("dismissed the latest Tory attack": words waved away are a denial too; a suggestion only with what it
    // claims, "dismissed a suggestion that he had compromised", not "his suggestion of a rise in rates")
    const claimed = object !== undefined && (!/^suggestions?$/.test(objectWord) ||
      s.tokens[subtree(s, object)[1]]?.form.toLowerCase() === 'that' ||
      children(s, object).some((c) => /^(?:acl|ccomp)/.test(s.deprels[c]) && children(s, c).some((m) => s.deprels[m] === 'mark' && s.tokens[m].form.toLowerCase() === 'that')));
    if (type === 'REJECT' && /^dismiss(?:es|ed|ing)?$/.test(form) && DISMISSED_CLAIMS.has(objectWord) && claimed) return { as: 'none', why: 'denial' };
    // "rallying UN members", "rallied behind the leader", "sterling rallied back": to gather support, or a market
    // recovering; a rally is a protest only when people rally (somewhere, against something).
    if (type === 'PROTEST' && GATHER_VERBS.has(form) && (object !== undefined || /^(?:to|behind|around|round|back|up)$/i.test(s.tokens[n + 1]?.form ?? ''))) return { as: 'none', why: 'gathering support' };
    // "the equipment demonstrated the activities": to show, not to protest; so is a passive ("its weakness has been
    // demonstrated by the vote") or a "that" clause ("Japan has demonstrated that it wants to cooperate").
    if (type === 'PROTEST' && SHOW_VERBS.has(form) && (object !== undefined || kids.some((c) => s.deprels[c] === 'nsubj:pass' || s.deprels[c] === 'aux:pass' || (s.deprels[c] === 'ccomp' && c > n)) ||
      (kids.some((c) => (s.deprels[c] === 'aux' || s.deprels[c] === 'cop') && BE_FORMS.has(s.tokens[c].form.toLowerCase())) && kids.some((c) => s.deprels[c] === 'obl' && children(s, c).some((m) => s.deprels[m] === 'case' && /^by$/i.test(s.tokens[m].form)))))) return { as: 'none', why: 'show' };
    // Only a clause that says it is one: "that", or a finite auxiliary ("conceded peer review would not end");
    // a misparsed object ("rejected a US offer to host") is no clause.
    const clause = kids.find((c) => s.deprels[c] === 'ccomp' && c > n);
    // (an object before a finite clause with no subject of its own is that clause's subject: "conceded the accord
    // would have the positive effect")
    const ownObject = kids.find((c) => s.deprels[c] === 'obj');
    const clauseMarks = clause === undefined ? [] : children(s, clause).filter((c) => c < clause && (s.deprels[c] === 'mark' || s.deprels[c] === 'aux' || s.deprels[c] === 'cop'));
    const subjectAsObject = ownObject !== undefined && clause !== undefined && ownObject < clause && s.upos.slice(subtree(s, ownObject)[1], subtree(s, clause)[0]).every((u) => u === 'PUNCT') && !children(s, clause).some((c) => /^nsubj/.test(s.deprels[c])) &&
      clauseMarks.some((c) => s.deprels[c] !== 'mark');
    if (clause !== undefined && OPINION_TYPES.has(type) && (ownObject === undefined || subjectAsObject)) {
      const finite = clauseMarks.some((c) => s.tokens[c].form.toLowerCase() === 'that' || s.deprels[c] !== 'mark');
      // (only when a party is to act: "agreed that the aid package should cover all lenders" is a view)
      const doer = children(s, clause).find((c) => s.deprels[c] === 'nsubj') ?? (subjectAsObject ? ownObject : undefined);
      // ("their countries should cooperate": the parties' own)
      // (and only when those agreeing are parties: economists who "agreed the Fed will raise rates" forecast)
      const agreeing = kids.find((c) => s.deprels[c] === 'nsubj');
      const partyActs = doer !== undefined && (agreeing === undefined || isParty(agreeing) || s.upos[agreeing] === 'PRON') &&
        (isParty(doer) || s.upos[doer] === 'PRON' || children(s, doer).some((c) => s.upos[c] === 'PRON' && /^(?:their|its|our)$/i.test(s.tokens[c].form)));
      const toAct = type === 'AGREE' && partyActs && clauseMarks.some((c) => s.deprels[c] === 'aux' && FUTURE_AUX.has(s.tokens[c].form.toLowerCase()));
      if (finite && !toAct) return { as: 'none', why: 'opinion' };
    }
  }
  return { as };
}

/**
 * Is the country mention spanning [start, end) only where a company, a market or a commodity is from? A
 * country word inside a phrase that a company word heads ("Swedish drug firm", "British Petroleum Co Plc",
 * "the U.S. unit", "U.S. oil demand", "Japan Air Lines") is not the state acting. `partyAt(k)` is the actor
 * mention covering token k, if any ("U.S. Agriculture Department" stays the government).
 */
/** Lower-case words inside a company's name ("Minas de Almaden y Arrayanes S.A."). */
const NAME_JOINERS = list('name-joiners');

export function describesOther(s: Sentence, start: number, end: number, partyAt: (k: number) => Actor | undefined): boolean {
  const isCompany = (k: number) => COMPANY_HEADS.has(s.tokens[k].form.toLowerCase().replace(/\./g, ''));
  // the mention's last token is its head in English noun phrases
  let last = -1;
  for (let k = 0; k < s.tokens.length; k++) if (s.tokens[k].start < end && s.tokens[k].end > start) last = k;
  if (last < 0) return false;
  const next = partyAt(last + 1);
  if (next && next.sector === 'business' && next.kind !== 'country') return true;
  // "Harcourt Canada", "Alcan New Zealand": a name we do not know right before a country makes a company's name.
  let first = last;
  while (first > 0 && s.tokens[first - 1].end > start) first--;
  // "Lloyd's of London", "the United Steelworkers of America", "Orimedia of Paris": a place after "of" that
  // ends the name of something we do not know is where it is ("the Government of Afghanistan", "the
  // President of France" are parties: their first word is one).
  if (first >= 2 && /^of$/i.test(s.tokens[first - 1].form)) {
    let owner = first - 2;
    if (/^['’]s$/.test(s.tokens[owner].form) && owner > 0) owner--;
    const place = partyAt(first);
    // ("<Seylla Corp> of Hong Kong", "Nippon Steel Corp of Japan": a company's seat)
    if (place && place.kind === 'country' && (isCompany(owner) || s.tokens[owner].form === '>')) return true;
    // (names on both sides: "Thousands of Iraqi Kurds" is no name)
    if (place && (place.kind === 'country' || place.capital || place.locative) && s.upos[owner] === 'PROPN' && s.upos[first] === 'PROPN' && /^\p{Lu}/u.test(s.tokens[owner].form) && !partyAt(owner) &&
      !PLACE_PREFIXES.has(s.tokens[owner].form.toLowerCase()) && !STATE_BODIES_OF.has(s.tokens[owner].form.toLowerCase()) && !CALENDAR.test(s.tokens[owner].form)) return true;
  }
  // ("Henkel KGaA of Dusseldorf, West Germany": a name's seat given as city and country)
  const cap = (k: number) => k >= 0 && s.upos[k] === 'PROPN' && /^\p{Lu}/u.test(s.tokens[k].form) && !partyAt(k);
  if (first >= 4 && s.tokens[first - 1].form === ',' && cap(first - 2) && /^of$/i.test(s.tokens[first - 3].form) && (cap(first - 4) || s.tokens[first - 4].form === '>') && partyAt(first)?.kind === 'country' &&
    !STATE_BODIES_OF.has(s.tokens[first - 4].form.toLowerCase()) && !PLACE_PREFIXES.has(s.tokens[first - 4].form.toLowerCase())) return true;
  const before = first - 1;
  if (before >= 0 && partyAt(first)?.kind === 'country' && s.upos[before] === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(s.tokens[before].form) && !partyAt(before) && !CALENDAR.test(s.tokens[before].form) && !PLACE_PREFIXES.has(s.tokens[before].form.toLowerCase())) return true;
  // "American Midland has agreed", "Canadian Pacific said": a nationality before a name we do not know is
  // where a company or a person is from; the state is no party to it.
  // ("Iraqi Kurds", "Serbian Workers' Union": a people or a group of people are parties: WordNet says so)
  // (a capitalised common word heading the phrase is a name too, whatever the tagger made of it: "British Printing
  // withdrew"; one before a noun names a thing: "an Iranian Silkworm missile")
  const heads = (k: number) => s.upos[k] === 'PROPN' || (/^\p{Lu}\p{Ll}+$/u.test(s.tokens[k].form) && ['NOUN', 'VERB', 'ADJ'].includes(s.upos[k]) && !['NOUN', 'PROPN'].includes(s.upos[k + 1] ?? ''));
  if (s.upos[last] === 'ADJ' && last + 1 < s.tokens.length && !next && /^\p{Lu}/u.test(s.tokens[last + 1].form) && heads(last + 1)) {
    const { noun, mask } = wordClasses(s.tokens[last + 1].form.toLowerCase());
    // (an adjective ending the name names a company whatever WordNet's noun: "American International said")
    if ((noun !== NOUN.person && noun !== NOUN.group) || mask & POS_BIT.adjective) return true;
  }
  // "Nippon Shinpan", "Mexico Fondo": a country's name before a word no dictionary knows names a company, or a
  // weapon or a product ("US Abrams", "Polish MiG"): no party, but no company to code either (actors.ts makes one
  // only of words WordNet knows: "Japan Line")
  if (s.upos[last] === 'PROPN' && last + 1 < s.tokens.length && s.upos[last + 1] === 'PROPN' && !next && /^\p{Lu}\p{Ll}+$/u.test(s.tokens[last + 1].form) &&
    !CALENDAR.test(s.tokens[last + 1].form) && wordClasses(s.tokens[last + 1].form.toLowerCase()).mask === 0 && s.tokens[last + 1].start === s.tokens[last].end + 1) return true;
  // a company word within the next words ("Canadian bottling subsidiary"), whatever the parser made of them
  // (only after a demonym, over nouns and adjectives: "called on Japan to boost investment" is no company)
  if (s.upos[last] === 'ADJ') {
    for (let k = last + 1; k < s.tokens.length && k <= last + 3 && /^[\p{Ll}-]+$/u.test(s.tokens[k].form) && ['NOUN', 'ADJ', 'VERB'].includes(s.upos[k]) && !partyAt(k); k++) if (isCompany(k)) return true;
  }
  // a company or money word right after it ("17 U.S. dlrs an ounce", "a U.S. firm"), whatever the parser made of it
  if (last + 1 < s.tokens.length && /^[\p{Ll}.]+$/u.test(s.tokens[last + 1].form) && isCompany(last + 1)) return true;
  // a name running on after it ("Canadian Leduc Prairie Oil Ltd", "Spain's Minas de Almaden y Arrayanes S.A."),
  // whatever the parser made of it
  const from = /^['’]s$/.test(s.tokens[last + 1]?.form ?? '') ? last + 2 : last + 1;
  for (let k = from; k < s.tokens.length && k <= from + 7 && (/^\p{Lu}/u.test(s.tokens[k].form) || (k > from && NAME_JOINERS.has(s.tokens[k].form))) && !partyAt(k); k++) if (isCompany(k)) return true;
  // up to the head of the phrase the mention modifies (not a phrase it is the goal of: "37 mln dlrs to Tanzania and
  // Rwanda", "a loan for Bolivia" name the parties the money goes to; "a lease with Federated Stores" is a deal)
  // (a named party's: "spare parts for industry" still describes the parts)
  const goal = (k: number) => partyAt(k)?.kind !== 'sector' && s.deprels[k] === 'nmod' && children(s, k).some((c) => s.deprels[c] === 'case' && GOAL_CASES.has(s.tokens[c].form.toLowerCase()));
  let head = last;
  const climbs = !goal(last);
  for (let hops = 0; climbs && hops < 6 && MODIFIER.has(s.deprels[head]) && s.heads[head] >= 0; hops++) head = s.heads[head];
  if (head === last) return false;
  const owner = partyAt(head);
  if (owner && owner.kind !== 'country') return owner.sector === 'business';
  // (the mention's own head is no other thing it describes: "the licence of Japanese banks" names the banks)
  // (of a sector word with its country only: a company's own name still describes the company, "National Bank of
  // Brunei Bhd", and "the company" alone is no party)
  const self = partyAt(last);
  const own = (k: number) => self?.kind === 'sector' && !!self.country && s.tokens[k].start >= start && s.tokens[k].end <= end;
  return [head, ...children(s, head).filter((c) => MODIFIER.has(s.deprels[c]))].some((k) => !own(k) && isCompany(k));
}
const MODIFIER = new Set(['amod', 'compound', 'flat', 'nmod']);
const MODALS = /^(?:would|will|could|might|may|should|must|'d|'ll)$/i;
const NOUN_SLOTS = new Set(['nsubj', 'nsubj:pass', 'obj', 'obl', 'nmod', 'compound', 'appos']);
const GOAL_CASES = new Set(['to', 'for', 'against', 'on', 'into', 'toward', 'towards']);
/** Words that may stand before a country in a place's or a state's own name ("Northern Cyprus", "Greater Somalia"). */
const PLACE_PREFIXES = list('place-prefixes');
/** Words before "of" + country that name a body of that state ("the Bank of Japan", "the Embassy of Italy"). */
const STATE_BODIES_OF = list('state-bodies-of');
