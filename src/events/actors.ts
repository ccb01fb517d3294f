/**
 * Actor mentions in a sentence, resolved against the lexicon (lexicon.ts):
 * 1. dictionary names, sector words and titled people ("President Ashraf Ghani", "General X Y");
 * 2. a country word modifying a sector word or title becomes one actor ("Afghan troops" = AFG military,
 *    "Poland's parliament" = POL legislature, "rebels in Darfur", "the Afghan president" = the holder
 *    of that office on the event's date);
 * 3. coordinated mentions ("Pakistan, Iran and Russia", "Hungarian and Romanian officials") form one
 *    group: a compound actor.
 */
import { COUNTRY_NAME, LEXICON, MONONYMS, holderAt, termAt, type LexEntry } from './lexicon.ts';
import { CALENDAR, COMPASS, keyOf, tokenize, type Token } from './tokens.ts';
import { startsTrigger } from './triggers.ts';
import { AFFAIR_DOMAINS, GROUP_ADJECTIVES, NAMED_AFFAIRS, RELATIONAL_NOUNS } from './sense.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';


export interface Actor {
  /** Resolved name: a person's or organisation's full name, a country's short name, or the phrase. */
  name: string;
  country: string;
  sector: string;
  /** The office a person held on the event's date. */
  office: string;
  /** The organisation that office belongs to (NATO, United Nations), when not a country's. */
  body?: string;
  /** The countries whose party bears this name, when several do ("Labour"): the article's decides. */
  homes?: string[];
  kind: LexEntry['kind'];
  /** A capital or country named after a locative preposition: a place rather than an actor. */
  locative: boolean;
  capital: boolean;
  start: number;
  end: number;
  text: string;
}

/** Coordinated actors with their combined span. */
export interface ActorGroup {
  actors: Actor[];
  start: number;
  end: number;
}

const LOCATIVE = new Set(['in', 'at', 'near', 'inside', 'outside', 'across', 'throughout', 'around', 'into', 'within']);
/** Words that may stand between a country word and the sector word it modifies ("French paper workers"). */
const FILLER_STOP = new Set([
  'and', 'or', 'but', 'the', 'a', 'an', 'of', 'to', 'in', 'on', 'at', 'by', 'for', 'with', 'from', 'that', 'which', 'who',
  'said', 'says', 'say', 'has', 'have', 'had', 'is', 'are', 'was', 'were', 'be', 'been', 'will', 'would', 'it', 'its',
  'they', 'their', 'he', 'his', 'she', 'her', 'we', 'our', 'not', 'as', 'than', 'after', 'before', 'since', 'while',
]);
/** What may join the members of a list: "Pakistan, Iran and Russia", "the Taliban, IS and other groups". */
// (a possessive may end each conjunct: "Uganda's and Mozambique's debts")
const COORDINATION = /^(?:-|(?:['’]s)?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s+)(?:(?:other|the|its|their|several|some|various)\s+)?)$/;
const isCap = (t: Token) => /^\p{Lu}/u.test(t.text);
const NAME_PARTICLES = new Set(['bin', 'al', 'ibn', 'de', 'van', 'von', 'der', 'la', 'le', 'du', 'da', 'el']);

function fromEntry(e: LexEntry, toks: Token[], i: number, n: number, date: string): Actor {
  const term = e.kind === 'person' ? termAt(e, date) : undefined;
  return {
    // Sector words and bare titles keep the words of the text ("MPs", "the president" unresolved).
    name: e.kind === 'sector' || e.kind === 'title' ? toks.slice(i, i + n).map((t) => t.text).join(' ') : e.name,
    country: term?.country ?? e.country,
    // A person with dated roles and none on the date holds no public role then ("Donald Trump" in 1987 is a
    // developer, not the government); the country stays.
    sector: term?.sector ?? (e.kind === 'person' && e.terms?.length && date ? '' : e.sector),
    office: term?.office ?? e.office ?? '',
    body: term?.body ?? '',
    ...(e.homes && { homes: e.homes }),
    kind: e.kind,
    locative: false,
    capital: !!e.capital,
    start: toks[i].start,
    end: toks[i + n - 1].end,
    text: '',
  };
}

/** Unit mentions, longest match first, left to right. */
function unitMentions(text: string, toks: Token[], date: string): Actor[] {
  const out: Actor[] = [];
  const { names, common, titles, maxTokens, firstWords } = LEXICON;
  /** Keys of the token sequences starting at i, by length (built once per position, only when needed). */
  const keysAt = (i: number, lower: boolean) => {
    const keys: string[] = [];
    let k = '';
    for (let n = 1; n <= maxTokens && i + n <= toks.length; n++) {
      const t = lower ? toks[i + n - 1].lower : toks[i + n - 1].text;
      k = n === 1 ? t : `${k} ${t}`;
      keys.push(k);
    }
    return keys;
  };
  for (let i = 0; i < toks.length; ) {
    let found: Actor | undefined;
    let used = 0;
    const inNames = firstWords.names.has(toks[i].text);
    const inTitles = firstWords.titles.has(toks[i].text);
    const inCommon = firstWords.common.has(toks[i].lower);
    if (!inNames && !inTitles && !inCommon && !(isCap(toks[i]) && orgName(toks, i))) {
      // "US-Taliban agreement", "US-Afghan partnership": a hyphenated pair of parties is both of them.
      if (toks[i].text.includes('-')) out.push(...hyphenated(toks[i], date));
      i++;
      continue;
    }
    // "a general strike", "general cargo": "general" before a common word is an adjective; "Supermarkets
    // General", "RKO General": after a capitalised word it ends a company's name.
    if (toks[i].lower === 'general' && !names.has(toks[i].text) &&
      (toks[i].text === 'general' ? /^\p{Ll}/u.test(toks[i + 1]?.text ?? '') : i > 0 && isCap(toks[i - 1]) && !NOT_NAME_START.has(toks[i - 1].lower) && !titles.has(toks[i - 1].text))) {
      i++;
      continue;
    }
    const keys = inNames || inTitles ? keysAt(i, false) : [];
    // An organisation name longer than any dictionary match here ("Kenya Anti-Corruption Commission" over "Kenya").
    const org = isCap(toks[i]) ? orgName(toks, i) : undefined;
    if (org && !names.has(keyOf(toks, i, org.used)) && !keys.slice(org.used).some((k) => names.has(k))) (found = org.actor), (used = org.used);
    // A title followed by capitalised words is a person ("President Ashraf Ghani", "Gen. Kenneth McKenzie").
    let company = false;
    // ("Justice Department" is a name of the dictionaries, not Justice X)
    const longName = keys.some((k, idx) => idx >= 1 && names.has(k));
    for (let n = inTitles && !found && !longName ? keys.length : 0; n >= 1 && !found; n--) {
      const title = titles.get(keys[n - 1]);
      if (!title) continue;
      let j = i + n;
      // (a name runs over spaces only: "Sen. Richard Lugar (R-Ind.)", "Rep. Jerry Huckaby, D-La.")
      while (j < toks.length && j - (i + n) < 4 && !CALENDAR.test(toks[j].text) && (isCap(toks[j]) || (NAME_PARTICLES.has(toks[j].text) && j + 1 < toks.length && isCap(toks[j + 1]))) &&
        (j === i + n || /^\s+$/.test(text.slice(toks[j - 1].end, toks[j].start)))) {
        if (names.get(toks[j].text)?.kind === 'country' || names.get(toks[j].text)?.kind === 'org') break;
        j++;
      }
      if (j === i + n) continue;
      // "General Motors", "General Acquisition": "General" before one word that is a common noun or an
      // adjective (WordNet, not a person) names a company, not an officer.
      if (n === 1 && toks[i].text === 'General' && j === i + 2) {
        const w = wordClasses(toks[i + 1].lower);
        if (w.mask & 5 && w.noun !== NOUN.person) {
          company = true;
          break;
        }
      }
      // The name may itself be known ("President Joe Biden", "President Biden").
      let known: LexEntry | undefined;
      for (let m = j - (i + n); m >= 1 && !known; m--) {
        const e = names.get(keyOf(toks, i + n, m));
        if (e?.kind === 'person') known = e;
      }
      // ... or known with the title ("President Reagan" is one of Ronald Reagan's names in the Phoenix dictionary)
      if (!known) {
        const e = names.get(keyOf(toks, i, j - i));
        if (e?.kind === 'person') known = e;
      }
      // ... or known by one word ("King Fahd", "President Suharto": rulers of one name in the Phoenix dictionary)
      if (!known && j === i + n + 1) known = MONONYMS.get(toks[i + n].lower) ?? undefined;
      const name = toks.slice(i + n, j).map((t) => t.text).join(' ');
      // A known person whose dictionary entry names no office (imported roles do not) takes the title's.
      const withTitle = (a: Actor): Actor => (a.office ? a : { ...a, office: title.office ?? '' });
      // "Time-Life Video president William Ambrose": a lower-case title after a name we do not know is an
      // office in that company, not in a state.
      const prev = toks[i - 1];
      const companyOfficer = !known && toks[i].text === toks[i].lower && !!prev && isCap(prev) && !names.has(prev.text) && !NOT_NAME_START.has(prev.lower);
      // "Triton Energy Corp said president Thomas Goff resigned": a president written in lower case before a
      // name we do not know heads a company as often as a state; only a country ("Kenyan president ...") says which.
      const anyPresident = !known && toks[i].text === toks[i].lower && title.office === 'president';
      found = known
        ? withTitle(fromEntry(known, toks, i, j - i, date))
        : { name, country: '', sector: companyOfficer ? 'business' : anyPresident ? '' : title.sector, office: companyOfficer ? '' : title.office ?? '', kind: 'person', locative: false, capital: false, start: toks[i].start, end: toks[j - 1].end, text: '' };
      used = j - i;
    }
    for (let n = inNames ? keys.length : 0; n >= 1 && !found; n--) {
      const e = names.get(keys[n - 1]);
      if (e) (found = fromEntry(e, toks, i, n, date)), (used = n);
      // ("President Vladimir Putin" is one of Putin's names in the Phoenix dictionary, without an office: the title
      // in it gives the office; so does one after a country's word: "Russian President Vladimir Putin")
      for (let p = 0; e?.kind === 'person' && p < n - 1 && !found!.office; p++) {
        const office = keysAt(i + p, false).slice(0, n - 1 - p).map((k) => titles.get(k)?.office).filter(Boolean).at(-1);
        if (office) found = { ...found!, office };
      }
    }
    if (company) {
      i += 2;
      continue;
    }
    const lowerKeys = !found && inCommon ? keysAt(i, true) : [];
    for (let n = lowerKeys.length; n >= 1 && !found; n--) {
      const e = common.get(lowerKeys[n - 1]);
      // Sector words ("troops", "rebels") and titles used as heads ("the president").
      if (e) (found = fromEntry(e, toks, i, n, date)), (used = n);
    }
    // ("U.S.-based Northwest Airlines" comes as "U.S." and "based")
    const next = toks[i + used];
    if (found && next && text[next.start - 1] === '-' && next.start === toks[i + used - 1].end + 1 && LOCATED.test(next.lower)) found = undefined;
    // "ethnic Albanians" (in Kosovo, in Macedonia) are a people, not the state their name recalls.
    // "Sen. Richard Lugar (R-Ind.)", "Rep. Jerry Huckaby, D-La.,": a member of the U.S. Congress.
    if (found?.kind === 'person' && !found.country && US_MEMBER.test(text.slice(toks[i + used - 1].end, toks[i + used - 1].end + 10))) {
      found = { ...found, country: 'USA', sector: found.sector || 'legislature' };
    }
    // "New Mexico", "New Jersey", "New England": a place named after a country is not that country.
    if ((found?.kind === 'country') && toks[i - 1]?.text === 'New' && toks[i - 1].end + 1 === toks[i].start) found = undefined;
    // "Latin American governments", "South American exporters", "lent to Latin America": a region of the Americas, not the United States.
    if (found?.kind === 'country' && /^America/.test(toks[i].text) && /^(?:Latin|South|North|Central)$/.test(toks[i - 1]?.text ?? '')) found = undefined;
    if (found?.kind === 'country' && toks[i - 1]?.lower === 'ethnic') {
      const words = toks.slice(i - 1, i + used);
      found = { ...found, kind: 'sector', name: words.map((t) => t.text).join(' '), country: '', sector: 'civilians', office: '', start: words[0].start };
    }
    // "the Paris accord", "the Uruguay trade round", "the London interbank offered rate": a capital or a country's name
    // before what was agreed or met there, or what happened about it, names the place, not a party.
    if (found?.kind === 'country' && (found.capital || toks[i].text === COUNTRY_NAME.get(found.country)) && used === 1 && namesAffair(toks, i + 1)) {
      i += used;
      continue;
    }
    // "Japan Line", "Iran Air", "British Airways": a country's word before capitalised words that name no
    // state body is a company of that country, not its state.
    // (not after an abbreviation: Reuters capitalises the word after "U.S." and "U.K.", as in "the U.S. Proposal")
    const rest = found?.kind === 'country' && !found.capital && !toks[i + used - 1].text.endsWith('.') ? companyNameAfter(toks, i + used, keysAt) : 0;
    if (rest) {
      const words = toks.slice(i, i + used + rest);
      found = { ...found!, kind: 'org', name: words.map((t) => t.text).join(' '), sector: 'business', office: '', end: words.at(-1)!.end };
      used += rest;
    }
    // "Nine U.S. bondholders sued China", "American tourists": people of a country named by a word for people
    // that no sector list holds are its civilians, not its state.
    const follower = toks[i + used];
    if (found?.kind === 'country' && !found.capital && follower && /^\p{Ll}+$/u.test(follower.text) && follower.start - toks[i + used - 1].end === 1 &&
      !common.has(keyOf(toks, i + used, 1, true)) && /(?:s|men)$/.test(follower.lower) && wordClasses(follower.lower).noun === NOUN.person) {
      found = { ...found, kind: 'sector', name: text.slice(found.start, follower.end), sector: 'civilians', office: '', end: follower.end };
      used++;
    }
    if (found) {
      // (past a compass word: "in northern Kuwait")
      const back = COMPASS.test(toks[i - 1]?.lower ?? '') ? 1 : 0;
      const prev = toks[i - 1 - back]?.lower;
      const prev2 = toks[i - 2 - back]?.lower;
      found.locative = LOCATIVE.has(prev ?? '') || (prev === 'the' && LOCATIVE.has(prev2 ?? ''));
      out.push(found);
      i += used;
    } else i++;
  }
  return out;
}

/** A noun of an affair named after a place at j (`named-affairs`), or after a word of its domain ("trade round": `affair-domains`). */
const namesAffair = (toks: Token[], j: number): boolean =>
  NAMED_AFFAIRS.has(toks[j]?.lower ?? '') || (AFFAIR_DOMAINS.has(toks[j]?.text ?? '') && NAMED_AFFAIRS.has(toks[j + 1]?.lower ?? ''));

/** WordNet's noun classes of words that continue a place's or a people's name: "Persian Gulf", "Soviet Jews", "Chinese New Year". */
const NOT_COMPANY_WORD = new Set<number>([NOUN.person, NOUN.location, NOUN.animal, NOUN.object, NOUN.time]);

/**
 * How many tokens from j continue a country's word into a company's name ("Japan Line", "Iran Air"): one to three
 * capitalised words in running text (not a headline's capitals), each a common English noun that no dictionary,
 * title or organisation head knows, and none a person, place, time or affair (named-affairs). 0 when they do not.
 * (A word WordNet lacks is left to describesOther in sense.ts, which makes the country no party without coding a
 * company: after a country it names a weapon or a product as often as a firm, "US Abrams", "Polish MiG".)
 */
function companyNameAfter(toks: Token[], j: number, keysAt: (i: number, lower: boolean) => string[]): number {
  const { names, common, titles, orgHeads } = LEXICON;
  let n = 0;
  for (; j + n < toks.length; n++) {
    const t = toks[j + n];
    if (!isCap(t) || toks[j + n - 1].end + 1 !== t.start) break;
    if (n === 3 || !/\p{Ll}/u.test(t.text) || CALENDAR.test(t.text) || orgHeads.has(t.text) || NOT_NAME_START.has(t.lower) || NAMED_AFFAIRS.has(t.lower)) return 0;
    if (keysAt(j + n, false).some((k) => names.has(k) || titles.has(k)) || keysAt(j + n, true).some((k) => common.has(k))) return 0;
    const w = wordClasses(t.lower);
    if (!(w.mask & 1) || NOT_COMPANY_WORD.has(w.noun)) return 0;
  }
  // ("British Trade and Industry Secretary Paul Channon": a longer name we cannot read goes on)
  if (ORG_INNER.has(toks[j + n]?.text ?? '') && toks[j + n + 1] && isCap(toks[j + n + 1])) return 0;
  return n;
}

/** A party and state after a name: "(R-Ind.)", ", D-La.," mark a member of the U.S. Congress. */
const US_MEMBER = /^\s*[(,]\s*[RDI]-[A-Z][a-z]{0,3}\.?/;

/** Capitalised at the start of a sentence, but no part of a name. */
const NOT_NAME_START = new Set(['the', 'but', 'and', 'or', 'a', 'an', 'in', 'on', 'at', 'as', 'for', 'with', 'by', 'from', 'to', 'of', 'after', 'before', 'when', 'while', 'if', 'this', 'that', 'these', 'those', 'meanwhile', 'however', 'earlier', 'later', 'yesterday', 'today', 'last', 'next',
  'despite', 'although', 'though', 'since', 'until', 'under', 'over', 'during', 'among', 'amid', 'against', 'without', 'within', 'following', 'according', 'because', 'so', 'then', 'now', 'yet', 'also', 'still',
  'all', 'both', 'each', 'every', 'some', 'many', 'most', 'such', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'we', 'they', 'he', 'she', 'it', 'i', 'there', 'here', 'what', 'which', 'who', 'why', 'how', 'where', 'mr', 'mrs', 'ms', 'dr']);
const ORG_INNER = new Set(['of', 'for', 'and', 'the', 'on', 'de']);

/**
 * An organisation the dictionaries do not know: capitalised words ending in a head word ("Kenya
 * Anti-Corruption Commission", "Third World Water Forum"), with the country of a country word inside.
 */
function orgName(toks: Token[], i: number): { actor: Actor; used: number } | undefined {
  let j = i;
  let head = -1;
  while (j < toks.length && j - i < 7) {
    const t = toks[j];
    // (a name runs over spaces only: "OPEC, the Group of Seven" is two)
    if (j > i && t.start - toks[j - 1].end > 1) break;
    if (isCap(t)) {
      if (LEXICON.orgHeads.has(t.text)) head = j;
      j++;
    } else if (ORG_INNER.has(t.text) && j + 1 < toks.length && isCap(toks[j + 1])) j++;
    else break;
  }
  if (head < i + 1) return undefined; // a head word alone ("Police", "Court") is a sector word, not a name
  const words = toks.slice(i, head + 1);
  if (NOT_NAME_START.has(words[0].lower) || LEXICON.common.has(keyOf(toks, i, head + 1 - i, true))) return undefined;
  const country = words.map((w) => LEXICON.names.get(w.text)).find((e) => e?.kind === 'country')?.country ?? '';
  const name = words.map((w) => w.text).join(' ');
  const sector = LEXICON.orgHeads.get(toks[head].text)!;
  return {
    actor: { name, country, sector, office: '', kind: 'org', locative: false, capital: false, start: words[0].start, end: words.at(-1)!.end, text: '' },
    used: head + 1 - i,
  };
}

/**
 * After a hyphen, words that make a country a company's seat or owner, or a body's sponsor ("Iranian-backed
 * militias"), not a party. ("Vietnamese-led forces" are Vietnam's.)
 */
const LOCATED = /^(?:based|owned|registered|listed|headquartered|made|built|backed|sponsored|funded|supported|armed)$/;

function hyphenated(t: Token, date: string): Actor[] {
  const parts = t.text.split('-');
  // "a Japan-based firm", "a Saudi-owned bank": where a company sits or who owns it is no party to its acts.
  if (parts.length === 2 && LOCATED.test(parts[1])) return [];
  // "Vietnamese-led forces", "Iranian-backed militias": the party is the first half.
  if (parts.length === 2 && /^(?:led|backed|sponsored|allied|controlled|run)$/.test(parts[1])) {
    const e = LEXICON.names.get(parts[0]);
    if (e && (e.kind === 'country' || e.kind === 'org')) return [fromEntry(e, [{ text: parts[0], lower: parts[0].toLowerCase(), start: t.start, end: t.start + parts[0].length }], 0, 1, date)];
    return [];
  }
  const entries = parts.map((p) => LEXICON.names.get(p));
  if (parts.length !== 2 || !entries.every((e) => e && (e.kind === 'country' || e.kind === 'org'))) return [];
  let at = t.start;
  return parts.map((p, k) => {
    const piece: Token = { text: p, lower: p.toLowerCase(), start: at, end: at + p.length };
    at += p.length + 1;
    return fromEntry(entries[k]!, [piece], 0, 1, date);
  });
}

/** Tokens strictly between two mentions. */
const between = (toks: Token[], a: Actor, b: Actor) => toks.filter((t) => t.start >= a.end && t.end <= b.start);

const STATE_ORGAN_WORD = /^(?:government|administration|regime|cabinet|parliament|legislature|junta)$/i;
/** Words between a country's word and the title ending an office's name: capitalised, or a central bank's. */
const OFFICE_NAME_GAP = /^(?:['’]s)?\s+(?:(?:\p{Lu}[\p{L}.-]*|central|bank|of|and|for)\s+){1,4}$/u;
/** WordNet's mask of a word that is only an adjective ("naval" begins "naval strike", but "naval forces" are forces). */
const ADJECTIVE_ONLY = 4;
const isModifier = (a: Actor) => a.kind === 'country' || a.kind === 'org';
const isHead = (a: Actor) => a.kind === 'sector' || a.kind === 'title' || (a.kind === 'person' && !a.country);

/** "Afghan troops", "Poland's parliament", "the Afghan president": country word + head. */
function attach(mod: Actor, head: Actor, text: string, date: string): Actor {
  const merged: Actor = { ...head, country: mod.country, start: mod.start, end: head.end, locative: mod.locative, capital: false };
  // ("Labour MPs", "Tory leader Michael Howard": of the party's country, which the article decides)
  if (mod.homes) merged.homes = mod.homes;
  if (head.kind === 'title' && head.office) {
    const h = holderAt(mod.country, head.office, date);
    // (an office of no country is a body's: "NATO Secretary-General" is NATO's, "Labour leader" no al-Qaeda's)
    if (h && (mod.country || h.term.body === mod.name)) return { ...merged, kind: 'person', name: h.person.name, sector: h.term.sector, office: h.term.office };
  }
  // ("European Community farm commissioner Frans Andriessen": the officer of a body, of its sector)
  if (head.kind === 'person' && mod.kind === 'org' && !head.office) return { ...merged, sector: head.sector || mod.sector, body: head.body || mod.name };
  if (head.kind === 'sector' || head.kind === 'title') {
    // Organisations keep their own sector ("NATO troops" act for NATO; "UN officials" for the UN).
    if (mod.kind === 'org') return { ...merged, name: mod.name, sector: mod.sector || head.sector, kind: 'org' };
    merged.name = text.slice(mod.start, head.end);
    merged.kind = 'sector';
    // ("U.S. allies", "Mexico's creditors": a relation's other side is not of the country named)
    if (RELATIONAL_NOUNS.has(head.name.toLowerCase())) merged.country = '';
  }
  return merged;
}

/**
 * Coordinated and modified mentions grouped into actors; `date` resolves office holders.
 * Callers that already tokenized text[from, to) pass the tokens so the hot path does it once.
 */
export function findActorGroups(text: string, from: number, to: number, date = '', toks: Token[] = tokenize(text, from, to)): ActorGroup[] {
  const units: Actor[] = [];
  // "rebel leaders", "intelligence officials", "military police": adjacent sector words are one party, of the
  // more specific sector (government is the least specific).
  for (const u of unitMentions(text, toks, date)) {
    const prev = units.at(-1);
    if (prev && prev.kind === 'sector' && (u.kind === 'sector' || u.kind === 'title') && /^\s+$/.test(text.slice(prev.end, u.start))) {
      // (the country of the first words stays, "Bolivian miners union leaders", but is no state organ's: "Swedish
      // members government" in a list of Finland's coalition parties)
      const ofFirst = !u.country && !STATE_ORGAN_WORD.test(u.name);
      units[units.length - 1] = { ...u, start: prev.start, sector: prev.sector !== 'government' ? prev.sector : u.sector, kind: 'sector', ...(ofFirst && { country: prev.country, ...(prev.homes && { homes: prev.homes }) }) };
      continue;
    }
    units.push(u);
  }
  const merged: Actor[] = [];
  for (let k = 0; k < units.length; k++) {
    const a = units[k];
    const b = units[k + 1];
    // "Afghan President Ashraf Ghani", "NATO Secretary-General Jens Stoltenberg", "US defence secretary Lloyd Austin":
    // the modifier or title only describes the person named right after it.
    if (b && b.kind === 'person' && (isModifier(a) || a.kind === 'title' || a.kind === 'sector') && !a.locative) {
      const gap = text.slice(a.end, b.start);
      // ("Lebanese central bank Vice Governor Meguerditch Bouldikian", "Indonesia's Mining and Energy Minister
      // Subroto": a country's word before the rest of the office's name the title ends)
      const officeName = a.kind === 'country' && !!b.office && !b.country && OFFICE_NAME_GAP.test(gap);
      if (/^(?:\s+|['’]s\s+)$/.test(gap) || officeName) {
        // (a namesake the dictionaries know, holding no office of theirs on the date, is of the country named here:
        // "Deputy U.S. Trade Representative Michael Smith" is no Irish Michael Smith)
        merged.push({ ...b, country: a.country && b.sector === '' ? a.country : b.country || a.country, ...(a.kind === 'org' && !b.office && { sector: b.sector || a.sector, body: b.body || a.name }), ...(!b.country && a.homes && { homes: a.homes }), start: a.start, locative: a.locative });
        k++;
        continue;
      }
    }
    // "Labour's Ken Livingstone", "the SNP's Nicola Sturgeon": the party's politician, of its country.
    if (b && a.kind === 'org' && a.sector === 'party' && b.kind === 'person' && /^['’]s\s+$/.test(text.slice(a.end, b.start))) {
      merged.push({ ...b, start: a.start, sector: b.sector || a.sector, ...(!b.country && { country: a.country, homes: a.homes }) });
      k++;
      continue;
    }
    // "Biden's administration": a person's possessive gives the country.
    if (b && a.kind === 'person' && a.country && b.kind === 'sector' && /^['’]s\s+$/.test(text.slice(a.end, b.start))) {
      merged.push({ ...b, country: a.country, start: a.start, name: text.slice(a.start, b.end) });
      k++;
      continue;
    }
    // "Japan's Finance Ministry": a country's organ named after it is that country's; so is a party the
    // country's adjective names ("the Israeli Labour Party").
    if (b && a.kind === 'country' && !a.locative && b.kind === 'org' && !b.country && b.sector !== 'international' && (/^['’]s\s+$/.test(text.slice(a.end, b.start)) || (!!b.homes && /^\s+$/.test(text.slice(a.end, b.start))))) {
      merged.push({ ...b, country: a.country, start: a.start });
      k++;
      continue;
    }
    if (b && isModifier(a) && isHead(b)) {
      const gap = between(toks, a, b);
      const possessive = /^['’]s\s+(?:[\p{L}-]+\s+){0,2}$/u.test(text.slice(a.end, b.start));
      const adjectives = gap.length <= 2 && /^[\s\p{L}\p{N}-]*$/u.test(text.slice(a.end, b.start)) && gap.every((t) => !FILLER_STOP.has(t.lower) && !/['’]s$/.test(t.text) && (!startsTrigger(t.lower) || wordClasses(t.lower).mask === ADJECTIVE_ONLY) && !/(?:ed|ing)$/.test(t.lower));
      if (possessive || adjectives) {
        merged.push(attach(a, b, text, date));
        k++;
        continue;
      }
    }
    if (b && isHead(a) && isModifier(b) && !a.country) {
      // "rebels in Darfur", "the government of Afghanistan", "Security forces in Guinea" (not "troops from
      // Afghanistan", where the country is where they leave, usually the recipient)
      const gap = between(toks, a, b).map((t) => t.lower);
      if (gap.length >= 1 && gap.length <= 2 && ['in', 'of'].includes(gap[0]) && (gap.length === 1 || gap[1] === 'the')) {
        merged.push({ ...a, country: b.country, end: b.end, name: a.kind === 'sector' ? text.slice(a.start, b.end) : a.name });
        k++;
        continue;
      }
    }
    merged.push(a);
  }
  // "European leaders", "non-OPEC producers": a group of countries before a sector word names the party, which has
  // no one country (a bare "leaders" would say nothing of whose)
  for (const [k, m] of merged.entries()) {
    if (m.kind !== 'sector' || m.country) continue;
    const at = toks.findIndex((t) => t.start === m.start);
    for (let n = 3; n >= 1 && at >= 0; n--) {
      const from = at - n;
      if (from < 0 || (k > 0 && merged[k - 1].end > toks[from].start)) continue;
      const words = text.slice(toks[from].start, m.start);
      if (!/^[^\s].*\s$/u.test(words) || /[,;:]/.test(words)) continue;
      // (with one lower-case word between: "Arab foreign ministers")
      const phrase = words.trim().replace(/\s+\p{Ll}+$/u, '');
      if (!(isCap(toks[from]) && GROUP_ADJECTIVES.has(phrase.toLowerCase())) && !/^non-\p{Lu}[\p{L}.-]*$/u.test(phrase)) continue;
      merged[k] = { ...m, start: toks[from].start, name: text.slice(toks[from].start, m.end) };
      break;
    }
  }
  for (const m of merged) m.text = text.slice(m.start, m.end);
  // Coordination: "Hungarian and Romanian officials" gives the head to both modifiers.
  const groups: Array<ActorGroup & { listed: boolean }> = [];
  for (let k = 0; k < merged.length; k++) {
    const m = merged[k];
    const last = groups[groups.length - 1];
    const prev = last?.actors[last.actors.length - 1];
    const gap = prev ? text.slice(prev.end, m.start) : '';
    if (prev && COORDINATION.test(gap) && !m.locative) {
      last.actors.push(m);
      last.end = m.end;
      if (/\b(?:and|or)\b|&|^-$/.test(gap)) last.listed = true;
      // A bare country word coordinated with a country+head takes the same head.
      if (m.kind === 'sector' && m.country) {
        for (const [i, p] of last.actors.entries()) {
          if (p.kind === 'country' && p !== m) last.actors[i] = { ...p, kind: 'sector', sector: m.sector, name: `${p.text} ${m.text.split(/\s+/).pop()}` };
        }
      }
      continue;
    }
    groups.push({ actors: [m], start: m.start, end: m.end, listed: false });
  }
  // "On Iraq, defence ministers agreed": commas alone, without an "and", make no list.
  return groups.flatMap((g) => (g.actors.length > 1 && !g.listed ? g.actors.map((a) => ({ actors: [a], start: a.start, end: a.end })) : [{ actors: g.actors, start: g.start, end: g.end }]));
}

/** Flat list of actor mentions in text[from, to) (kept for callers that need no grouping). */
export function findActors(text: string, from: number, to: number, date = ''): Actor[] {
  return findActorGroups(text, from, to, date).flatMap((g) => g.actors);
}
