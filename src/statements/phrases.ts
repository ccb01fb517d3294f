/** Speaker phrases next to a reporting verb, and the verb itself: the grammar the statement rules share. */
import { FIRST_NAMES } from './gender.ts';
import { NOUN, wordClasses } from '../nlp/wordnet.ts';
import { CUE_FORMS, ORG_HEADS, SPEAKER_NOUNS, TITLE_WORDS, type CueForm } from './lexicon.ts';
import {
  AUX_ADVERBS, DETERMINERS, FINITE_AUXILIARIES, LEADING_JUNK, NOT_SPEAKER_END, PREPOSITIONS, SPEAKER_PRONOUNS, TIME_WORDS, isNumber, type Token,
} from './tokens.ts';

export const DASHES = new Set(['—', '–', '-', '--']);
export const QUOTE_CHARS = new Set(['"', '“', '”', "'", '‘', '’', '„', "''"]);
export const CLAUSE_PUNCT = new Set(['.', '!', '?', ';']);

export const TITLE_MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'nor', 'but', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'from', 'as']);

export const isSpeakerEnd = (tok: Token | undefined): boolean =>
  !!tok && tok.word && !NOT_SPEAKER_END.has(tok.lo) && (!TIME_WORDS.has(tok.lo) || tok.t === 'Times') && (!isNumber(tok) || AGED.test(tok.lo)) && (tok.cap || !CUE_FORMS.has(tok.lo)) && !(tok.lo.endsWith('ly') && !tok.cap);
/** "said the 46-year-old": an age names a person. */
const AGED = /^\d+-year-olds?$/;

/** Start of the noun phrase ending at token e (the speaker before a cue), not before `lo`. */
export function phraseStart(t: Token[], e: number, lo: number): number {
  if (SPEAKER_PRONOUNS.has(t[e].lo)) return e;
  let s = e;
  const hasAnd = () => { for (let k = s; k <= e; k++) if (t[k].lo === 'and') return true; return false; };
  while (s - 1 >= lo) {
    const p = t[s - 1];
    // "... and Malcolm X. Ann Shabazz, the daughter of ...": after a name's closing initial, a name of two words or more
    // opens a new sentence the input did not split ("John F. Kennedy" has one word after it).
    // (Only after a given name: "Chairman J. Hugh Liedtke" opens with the initial; nor before a firm's words: "Frank B.
    // Hall and Co Inc".)
    if (p.cap && /^\p{Lu}\.$/u.test(p.t) && s < e && s - 2 >= lo && t[s - 2].cap && FIRST_NAMES.has(t[s - 2].lo) && t.slice(s, e + 1).every((x) => x.cap && !ORG_HEADS.has(x.lo)) && t.slice(s, e + 1).filter((x) => !/^(?:Jr|Sr|II|III|IV)\.?$/.test(x.t)).length >= 2) break;
    if (p.cap && p.word && !LEADING_JUNK.has(p.lo) && !NOT_SPEAKER_END.has(p.lo) && !PREPOSITIONS.has(p.lo) && !NOT_SPEAKER.has(p.lo)) { s--; continue; }
    // "Reporters Without Borders", "Physicians For Human Rights": a capitalised preposition between the words of a name.
    if (p.cap && NAME_PREPOSITIONS.has(p.lo) && t[s].cap && s - 2 >= lo && t[s - 2].cap && t[s - 2].word && !NOT_SPEAKER.has(t[s - 2].lo)) { s--; continue; }
    if ((p.lo === 'of' || p.lo === 'and' || p.lo === '&' || p.lo === 'de' || p.lo === 'al') && s - 2 >= lo && t[s - 2].cap && t[s].cap) { s--; continue; }
    if (p.t === ',' && s - 2 >= lo && t[s - 2].cap && t[s].cap && hasAnd()) { s--; continue; }
    // "the federal department of energy", "the ministry of finance": a body written in lower case keeps its "of".
    if (p.lo === 'of' && s === e && s - 2 >= lo && t[s].word && !t[s - 2].cap && OF_BODIES.has(t[s - 2].lo)) { s -= 2; continue; }
    if (DETERMINERS.has(p.lo) || isNumber(p) || (COUNT_WORDS.has(p.lo) && !t[s].cap)) { s--; break; }
    if (p.word && !p.cap && !NOT_SPEAKER_END.has(p.lo)) {
      // Lower-case modifiers belong to the phrase only under a determiner ("the newly appointed Secretary").
      let k = s - 1;
      while (k >= lo && k >= s - 4 && t[k].word && !t[k].cap && !DETERMINERS.has(t[k].lo) && !COUNT_WORDS.has(t[k].lo) && !NOT_SPEAKER_END.has(t[k].lo)) k--;
      if (k >= lo && (DETERMINERS.has(t[k].lo) || COUNT_WORDS.has(t[k].lo))) { s = k; break; } // "one senior official"
      break;
    }
    break;
  }
  // "Stock brokers and bankers polled by Reuters": nouns for people in lower case joined by "and" are one phrase.
  if (s === e && s - 2 >= lo && t[s - 1].lo === 'and' && !t[s].cap && t[s - 2].word && !t[s - 2].cap && /s$/.test(t[s].lo) && /s$/.test(t[s - 2].lo) && peopleNoun(t[s].lo) && peopleNoun(t[s - 2].lo)) s = phraseStart(t, s - 2, lo);
  // "The Afghan government and other international groups": the phrase takes in the conjunct it adds to.
  if (t[s].lo === 'other' && s - 2 >= lo && t[s - 1].lo === 'and' && isSpeakerEnd(t[s - 2])) s = phraseStart(t, s - 2, lo);
  while (s < e && (LEADING_JUNK.has(t[s].lo) || t[s].t === ',' || (t[s].cap && (PREPOSITIONS.has(t[s].lo) || (NOT_SPEAKER.has(t[s].lo) && !COUNT_WORDS.has(t[s].lo)))))) s++;
  return s;
}

/** A noun for people: a speaking noun or an office, else one WordNet files under persons ("brokers", "dealers"). */
const peopleNoun = (w: string): boolean => isPersonNoun(w) || wordClasses(w).noun === NOUN.person;

/** Bodies named by what they deal with after "of": "department of energy", "ministry of finance". */
const OF_BODIES = new Set(['department', 'ministry', 'bureau', 'office', 'agency', 'commission', 'council', 'institute', 'board', 'chamber', 'secretariat', 'directorate']);

/** Prepositions written with a capital inside an organisation's name. */
const NAME_PREPOSITIONS = new Set(['without', 'for', 'against']);

/** Words of number that open a speaker phrase like a determiner: "one employee", "another friend", "two officials". */
const COUNT_WORDS = new Set(['one', 'another', 'two', 'three', 'four', 'five', 'several']);

export const IRREGULAR_PAST = new Set(['went', 'came', 'made', 'took', 'gave', 'got', 'put', 'ran', 'won', 'lost', 'left', 'began', 'brought', 'bought', 'kept', 'met', 'paid', 'sent', 'set', 'spent', 'stood', 'wrote', 'said', 'told', 'thought', 'knew', 'saw', 'felt', 'held', 'led', 'face', 'faces']);
/** Words that head no speaker phrase even when capitalised at the start of a sentence. */
export const NOT_SPEAKER = new Set(['according', 'earlier', 'later', 'meanwhile', 'however', 'much', 'enough', 'twice', 'half', 'more', 'less', 'respective', 'having', 'speaking', 'asked', 'instead', 'still', 'yes', 'no', 'well', 'despite', 'amid', 'among', 'let', 'let’s', "let's", 'one', 'if', 'when', 'while', 'because', 'although', 'though', 'since', 'unlike', 'like', 'even']);

/**
 * A speaker phrase names someone or something that can speak: not a lone capitalised adverb ("Reluctantly")
 * or participle ("Speaking"), nor a word of quantity ("much", "half").
 */
export function plausibleSpeaker(t: Token[], s: number, e: number): boolean {
  const head = t[s];
  if ((NOT_SPEAKER.has(head.lo) && !(COUNT_WORDS.has(head.lo) && s < e)) || NOT_SPEAKER.has(t[e].lo)) return false;
  if (s === e) {
    const w = t[e];
    if (SPEAKER_PRONOUNS.has(w.lo)) return true;
    if (w.cap) return (!/(ly|ing)$/.test(w.lo) || w.lo.length <= 4) && !PREPOSITIONS.has(w.lo) && !NOT_SPEAKER_END.has(w.lo);
    // A lone lower-case verb or adjective ("raised", "provocative") is the end of a clause, not a speaker.
    return !/(ed|ing|ive|ous|ful|able|ible)$/.test(w.lo) && !IRREGULAR_PAST.has(w.lo);
  }
  return true;
}

export interface Subject {
  s: number;
  e: number;
}

/** The speaker phrase before the cue at i (skipping auxiliaries, a time or place phrase, an apposition). */
export function subjectBefore(t: Token[], i: number, lo: number): Subject | null {
  let j = i - 1;
  while (j >= lo && t[j].word && !t[j].cap && (AUX_ADVERBS.has(t[j].lo) || t[j].lo.endsWith('ly') || /n[’']t$/.test(t[j].lo))) j--;
  // "NATO's secretary general, meanwhile, called on ...": an adverb between commas.
  if (j - 2 >= lo && t[j].t === ',' && ASIDE_ADVERBS.has(t[j - 1].lo) && t[j - 2].t === ',') {
    j -= 3;
    while (j >= lo && t[j].word && !t[j].cap && (AUX_ADVERBS.has(t[j].lo) || t[j].lo.endsWith('ly'))) j--;
    if (j < lo) return null;
  }
  if (j < lo) return null;
  // "X, president of the Japan Federation of Employers' Associations, (Nikkeiren), told": a name in brackets set off
  // by commas after an apposition is an aside; the apposition goes on before it.
  if (t[j].t === ',' && t[j - 1]?.t === ')') {
    let p = j - 2;
    while (p > lo && t[p].t !== '(' && j - p < 7) p--;
    if (t[p]?.t === '(' && t[p - 1]?.t === ',' && p > lo + 1 && t.slice(p + 1, j - 1).every((x) => x.cap || !x.word)) j = p - 1;
  }
  // "people close to Clinton say", "those close to him say": whom they are close to is part of the phrase.
  for (let k = j; k >= Math.max(lo + 2, j - 5) && t[k].word; k--) {
    if (t[k].lo !== 'to') continue;
    if (t[k - 1].lo === 'close' && k < j && (isSpeakerEnd(t[k - 2]) || t[k - 2].lo === 'those')) return { s: t[k - 2].lo === 'those' ? k - 2 : phraseStart(t, k - 2, lo), e: j };
    break;
  }
  let e = -1;
  if (isSpeakerEnd(t[j])) e = j;
  else if (t[j].t === ',' || t[j].t === ')') {
    // Apposition: "Stoltenberg, the NATO chief, said"
    // A relative clause may be long ("Ferre, who took over as head of ... after ..., said"); "No. 2" is no sentence end.
    for (let k = j - 1; k >= Math.max(lo, j - 40); k--) {
      if (t[k].t === ',' || t[k].t === '(') {
        // "..., and the meeting soured, said ...": a clause joined by "and" or "but" is no apposition.
        if (/^(and|but)$/.test(t[k + 1]?.lo ?? '') && t.slice(k + 2, j).some((x) => x.word && !x.cap && (FINITE_AUXILIARIES.has(x.lo) || x.lo === 'did' || x.lo === 'does' || isPastForm(x)))) break;
        const relative = t[k + 1]?.lo === 'who' || t[k + 1]?.lo === 'which';
        // "Sen. Rand Paul, R-Ky., told", "Cummings (D-Md.), chair of ..., said": a party tag before the apposition.
        let n = k - 1;
        if (t[n]?.t === ')') { while (n > lo && t[n].t !== '(') n--; n--; }
        // "<Tennex Industries Inc>, a Japanese supplier of ..., said": a wire's brackets round the name.
        // ("Intel Corp <INTC>, the leading maker ..., said": the name before its ticker.)
        else if (t[n]?.t === '>' && t[n - 1]?.cap) {
          let m = n - 1;
          while (m > lo && t[m].t !== '<' && n - m < 8) m--;
          n = t[m]?.t === '<' && m - 1 >= lo && t[m - 1].cap && t[m - 1].word ? m - 1 : n - 1;
        }
        else if (t[n]?.t === '.' && /^[RDI]-/.test(t[n - 1]?.t ?? '') && t[n - 2]?.t === ',') n -= 3;
        // An apposition opened by an article or a possessive may be long ("Cross, a former staff member for ..., wrote").
        const long = (DETERMINERS.has(t[k + 1]?.lo ?? '') || /’s$|'s$/.test(t[k + 2]?.t ?? '')) && j - k <= 30;
        // "The bank, the main subsidiary of Eastland Holdings, said": a description opening the sentence is the
        // head and what follows it between commas its apposition.
        // Not before a name in apposition ("The charity's director, Barbara Stocking, said"), which speaks.
        const opening = n >= lo && !t[n].cap && t[lo].lo === 'the' && n - lo <= 3 && phraseStart(t, n, lo) === lo && !allCaps(t, k + 1, j);
        // After "the" a word that is also a verb is the noun ("The report, dated March 25, said").
        const head = isSpeakerEnd(t[n]) || (opening && n > lo && t[n].word && !isNumber(t[n]) && DETERMINERS.has(t[n - 1].lo));
        // "The Shadow Secretary of State for the Family, Theresa May, said": a name in apposition to a description
        // in capitals speaks, not the description's last word.
        // "The companies, Acme Health and Borel Care, said": the names a plural description opening the sentence
        // stands for, in apposition, speak.
        if (n >= lo && !t[n].cap && /[^s]s$/.test(t[n].lo) && j - k >= 4 && j - k <= 10 && namesJoined(t, k + 1, j) && opensWithThe(t, k, lo)) return { s: k + 1, e: j - 1 };
        if (j - k >= 3 && j - k <= 5 && allCaps(t, k + 1, j) && opensWithThe(t, k, lo) && !t.slice(k + 1, j).some((x) => ORG_HEADS.has(x.lo) || ORG_HEADS.has(x.lo.replace(/s$/, '')) || x.lo === 'branch')) return { s: k + 1, e: j - 1 };
        if (n >= lo && head && (t[n].cap || opening) && (relative || long || j - k <= 15)) {
          e = n;
          // "Thor Bang, chief economist at Norbank A/S, Norway's biggest bank, said": the apposition describes the
          // firm of an office that is itself in apposition to a name; the name speaks.
          if ((long || /[’']s$/.test(t[k + 1]?.t ?? '')) && t[n].cap) e = apposedOfficeName(t, n, lo) ?? n;
        }
        // "a Kremlin spokesperson, in reference to another ruling, said": a phrase of place, time or topic aside.
        else if (n >= lo && isSpeakerEnd(t[n]) && PREPOSITIONS.has(t[k + 1]?.lo ?? '') && j - k <= 12) e = n;
        // "The author of the book, Mitchell Zuckoff, said": a name in apposition is the speaker.
        else if (j - k >= 2 && j - k <= 5 && allCaps(t, k + 1, j)) return { s: k + 1, e: j - 1 };
        break;
      }
      // A dot on a word inside the sentence ends an abbreviation ("No. 2", "R-Ky."), not a sentence.
      // Nor is the apostrophe of a plural's possessive a quotation mark ("the Federation of Employers' Associations").
      const possessive = /^['’]$/.test(t[k].t) && t[k].a === t[k - 1]?.b && /s$/i.test(t[k - 1].t) && t[k + 1]?.cap && t[k + 1].a > t[k].b;
      if ((CLAUSE_PUNCT.has(t[k].t) && !(t[k].t === '.' && t[k].a === t[k - 1]?.b)) || (QUOTE_CHARS.has(t[k].t) && !possessive)) break;
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
  // "A spokeswoman for the ministry said": whom an office serves belongs to the speaker, it is no place.
  if (s - 2 >= lo && officeFor(t, s - 1) && forObjectEnd(t, s, e + 1) === e) s = phraseStart(t, s - 2, lo);
  // "Stoltenberg after speaking to Afghan President Ashraf Ghani said": a name after a preposition is not the speaker.
  if (s - 1 > lo && PREPOSITIONS.has(t[s - 1].lo) && t[s - 1].lo !== 'of') {
    let found = -1;
    for (let k = s - 1; k >= Math.max(lo + 1, s - 14); k--) {
      if (t[k].t === ',' || CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t)) break;
      if (((PREPOSITIONS.has(t[k].lo) && t[k].lo !== 'of') || t[k].lo === 'speaking') && isSpeakerEnd(t[k - 1]) && !PREPOSITIONS.has(t[k - 1].lo) && t[k - 1].lo !== 'speaking' && !officeFor(t, k)) found = k - 1;
    }
    if (found >= 0) {
      e = found;
      s = phraseStart(t, e, lo);
    }
  }
  // "Brierley Group, which is owned by Brierley Investments Ltd, a New Zealand firm, said": a phrase inside a
  // relative clause set off after the subject is no subject of the verb; the phrase before ", which" is.
  for (let k = s - 1; t[j].t === ',' && k - 2 >= lo && k >= s - 25; k--) {
    if (CLAUSE_PUNCT.has(t[k].t) || QUOTE_CHARS.has(t[k].t) || cueAt(t[k])) break;
    if (/^(who|which)$/.test(t[k].lo) && t[k - 1].t === ',' && isSpeakerEnd(t[k - 2]) && t[k - 2].cap) return { s: phraseStart(t, k - 2, lo), e: k - 2 };
  }
  // "X, who ... said": the relative pronoun stands for the phrase before the comma.
  if ((t[s].lo === 'who' || t[s].lo === 'which') && s - 2 >= lo && t[s - 1].t === ',' && isSpeakerEnd(t[s - 2])) {
    const e2 = s - 2;
    return { s: phraseStart(t, e2, lo), e: e2 };
  }
  // "Caucus-goers who said ...": without a comma too.
  if (t[s].lo === 'who' && s - 1 >= lo && isSpeakerEnd(t[s - 1])) return { s: phraseStart(t, s - 1, lo), e: s - 1 };
  // "An official who spoke on condition of anonymity said": the phrase ends a relative clause; its head speaks.
  for (let k = s - 1; k > lo && k >= s - 12; k--) {
    if (!t[k].word) break;
    if (t[k].lo === 'who' && isSpeakerEnd(t[k - 1]) && !cueAt(t[k - 1])) return { s: phraseStart(t, k - 1, lo), e: k - 1 };
  }
  // "Jolly said", "Boreing said": a lone capitalised word right before the verb is a name, not an adverb.
  if (!plausibleSpeaker(t, s, e) && !(s === e && e === i - 1 && t[e].cap && /(ly|ing)$/.test(t[e].lo))) return null;
  return { s, e };
}

/** Prepositions that tie an office to its organisation: "economist at", "director of", "analyst with". */
const OFFICE_PREPOSITIONS = new Set(['at', 'of', 'for', 'with', 'from', 'in']);

/**
 * The name before an office in apposition that ends in the capitalised name at n: "Thor Bang, chief economist at
 * Norbank A/S" (n on "S") gives "Bang". The office: an optional determiner, at most four lower-case words ending
 * in an office or a speaking noun, a preposition of belonging, then capitalised words up to n.
 */
function apposedOfficeName(t: Token[], n: number, lo: number): number | undefined {
  let k = n;
  // The organisation: capitalised words, "of"/"and"/"&", and the marks inside a name ("A/S", "AT&T").
  while (k - 1 > lo && (t[k - 1].cap || (/^(?:of|and|&|\/|-|de)$/.test(t[k - 1].lo) && t[k - 2]?.cap))) k--;
  if (!t[k].cap || !OFFICE_PREPOSITIONS.has(t[k - 1]?.lo ?? '')) return undefined;
  let w = k - 2;
  if (w < lo || !t[w].word || t[w].cap || !(TITLE_WORDS.has(t[w].lo) || SPEAKER_NOUNS.has(t[w].lo))) return undefined;
  let words = 0;
  while (w - 1 >= lo && t[w - 1].word && !t[w - 1].cap && !DETERMINERS.has(t[w - 1].lo) && words < 3) { w--; words++; }
  if (w - 1 >= lo && DETERMINERS.has(t[w - 1].lo)) w--;
  const comma = w - 1;
  if (comma - 1 < lo || t[comma].t !== ',' || !t[comma - 1].cap || !isSpeakerEnd(t[comma - 1])) return undefined;
  return comma - 1;
}

/** Whether the words before the comma at k, back to a comma or the start, open with "the": a description. */
function opensWithThe(t: Token[], k: number, lo: number): boolean {
  let m = k - 1;
  while (m - 1 >= lo && t[m - 1].t !== ',' && !CLAUSE_PUNCT.has(t[m - 1].t) && !QUOTE_CHARS.has(t[m - 1].t)) m--;
  return m < k - 1 && t[m].lo === 'the';
}

/** Adverbs set off by commas between a speaker and the verb. */
const ASIDE_ADVERBS = new Set(['meanwhile', 'however', 'too', 'though', 'also', 'instead', 'likewise', 'separately', 'similarly', 'moreover', 'nonetheless', 'nevertheless', 'meantime']);
/** Names joined by "and" (or "&" inside one) from a to b (exclusive): "Acme Health and Borel Care". */
const namesJoined = (t: Token[], a: number, b: number): boolean => {
  let and = 0;
  for (let k = a; k < b; k++) if (t[k].lo === 'and') and++;
  return and === 1 && t[a].cap && t[b - 1].cap && t.slice(a, b).every((x) => (x.word && x.cap) || x.lo === 'and' || x.t === '&');
};
/** Every token from a to b (exclusive) a capitalised word: a name. */
const allCaps = (t: Token[], a: number, b: number): boolean => {
  for (let k = a; k < b; k++) if (!t[k].word || !t[k].cap) return false;
  return true;
};

/** The speaker phrase right after an inverted cue ("..., said Sen. Cruz"). */
export function subjectAfter(t: Token[], i: number, hi: number): Subject | null {
  let k = i + 1;
  if (k >= hi) return null;
  if (SPEAKER_PRONOUNS.has(t[k].lo) && t[k].lo !== 'which') {
    // "..., said it sold options": a pronoun followed by its own verb is the subject of the words, not the speaker
    // ("..., said he.", "..., said she on Tuesday" are inverted).
    const after = t[k + 1];
    if (k + 1 < hi && after.word && !PREPOSITIONS.has(after.lo) && !TIME_WORDS.has(after.lo)) return null;
    return { s: k, e: k };
  }
  const s = k;
  if (DETERMINERS.has(t[k].lo)) k++;
  while (k < hi && t[k].word && !t[k].cap && !NOT_SPEAKER_END.has(t[k].lo) && k - s < 4) k++;
  let e = -1;
  for (;;) {
    while (k < hi && (t[k].cap || ((t[k].lo === 'of' || t[k].lo === 'and' || t[k].t === '&') && k + 1 < hi && t[k + 1].cap))) e = k++;
    // "S&P credit analyst Helena Hessel": lower-case words ending in an office, then the name.
    let m = k;
    while (m < hi && m - k < 3 && t[m].word && !t[m].cap) m++;
    if (e >= 0 && m > k && m < hi && t[m].cap && isOfficeWord(t[m - 1])) { k = m; continue; }
    break;
  }
  if (e < 0) {
    e = k - 1;
    if (e < s || !isSpeakerEnd(t[e])) return null;
  } else if (k < hi && k === e + 1 && t[k].word && !t[k].cap && isPersonNoun(t[k].lo)) {
    // "said one GOP source", "said a White House official": the capitalised words modify a noun for people.
    e = k;
  }
  // "..., said a spokesman for the company": the office and whom it serves.
  if (e + 2 < hi && officeFor(t, e + 1)) e = forObjectEnd(t, e + 2, hi) ?? e;
  const after = t[e + 1];
  // "said Rep. Ann Lee (D-Ohio)": a party and state in brackets after the name.
  if (e + 1 < hi && !(after.t === ',' || after.t === '(' || CLAUSE_PUNCT.has(after.t) || PREPOSITIONS.has(after.lo) || QUOTE_CHARS.has(after.t) || after.t === ':')) return null;
  return { s, e };
}

/** A noun for people or an office, singular or plural: "source", "officials", "aide". */
const isPersonNoun = (w: string): boolean => [w, w.replace(/s$/, '')].some((x) => SPEAKER_NOUNS.has(x) || TITLE_WORDS.has(x));
const isOfficeWord = (tok: Token | undefined): boolean => !!tok && tok.word && TITLE_WORDS.has(tok.lo);
/** "spokesman for", "aide for": the "for" at k names whom the office before it serves. */
const officeFor = (t: Token[], k: number): boolean => t[k]?.lo === 'for' && isOfficeWord(t[k - 1]);

/** The last token of "the company" or "the House Armed Services Committee" from k, after an office's "for". */
function forObjectEnd(t: Token[], k: number, hi: number): number | undefined {
  const det = DETERMINERS.has(t[k].lo);
  if (det) k++;
  let e = -1;
  while (k < hi && (t[k].cap || ((t[k].lo === 'of' || t[k].lo === 'and') && k + 1 < hi && t[k + 1].cap))) e = k++;
  // One lower-case noun only after a determiner and before punctuation: "the buyer.", not "the first time".
  // So after a capitalised qualifier: "a London broker,".
  if (det && k < hi && t[k].word && !t[k].cap && (k + 1 >= hi || !t[k + 1].word)) e = k;
  return e >= 0 ? e : undefined;
}

export const cueAt = (tok: Token): CueForm | undefined => (tok.word && !tok.cap ? CUE_FORMS.get(tok.lo) : undefined);
/** In a headline in title case ("Clinton Says Crash Seems Like Terrorism") a cue is capitalised too. */
export const headlineCueAt = (t: Token[], i: number, lo: number, hi: number): CueForm | undefined => {
  const tok = t[i];
  if (!tok.cap || i === lo || !t[i - 1].cap) return undefined;
  const form = CUE_FORMS.get(tok.lo);
  if (!form || form.kind !== 'speech') return undefined;
  let words = 0;
  let caps = 0;
  for (let k = lo; k < hi; k++) if (t[k].word && !TITLE_MINOR_WORDS.has(t[k].lo)) { words++; if (t[k].cap) caps++; }
  return words >= 4 && caps === words ? form : undefined;
};

export function wordsIn(t: Token[], a: number, b: number): number {
  let n = 0;
  for (let k = a; k < b; k++) if (t[k].word) n++;
  return n;
}

export function speechCue(tok: Token | undefined): boolean {
  const c = tok && cueAt(tok);
  return !!c && (c.kind === 'speech' || c.kind === 'quote');
}

/**
 * A speaker phrase [s, e] that ends in a lower-case verb in the past tense after a name ("Mr. Hale scrutinized",
 * "Ford studied"): the cue after it is that verb's object ("reports", "claims"), no one speaks.
 */
export function endsInPastVerb(t: Token[], s: number, e: number): boolean {
  const v = t[e];
  return e > s && !!v && v.word && !v.cap && isPastForm(v) && (t[e - 1].cap || SPEAKER_PRONOUNS.has(t[e - 1].lo));
}

/** A past-tense form: "-ed" after a letter other than "e" ("need", "proceed" are none) or an irregular past. */
const isPastForm = (x: Token): boolean => /[^e]ed$/.test(x.lo) || IRREGULAR_PAST.has(x.lo);
