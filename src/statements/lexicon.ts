/**
 * The statement rules' vocabularies, loaded once from data files beside this module:
 * cues.txt (reporting verbs: speech, thought, or quote-only), titles.txt (offices and honorifics before a name),
 * organisations.txt (head words of organisation names), cue-nouns.txt ("his claim that ..."),
 * judgements.txt ("seemed to ...", "is expected to ..."), object-verbs.txt ("endorsed Ted Cruz, ..."),
 * refusals.txt ("declined to comment"), particle-verbs.txt ("called for a ban"), noun-first-forms.txt ("press reports"),
 * topic-verbs.txt ("spoke of"), clause-only-verbs.txt ("maintained that").
 */
import { readFileSync } from 'node:fs';

export type CueKind = 'speech' | 'thought' | 'quote';
export interface CueForm {
  base: string;
  kind: CueKind;
}

function inflect(base: string): string[] {
  const forms = [base];
  if (base.endsWith('e')) forms.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  else if (/(s|sh|ch|x|z)$/.test(base)) forms.push(base + 'es', base + 'ed', base + 'ing');
  else forms.push(base + 's', base + 'ed', base + 'ing');
  return forms;
}

/** Parses cues.txt: `@speech` / `@thought` sections, one base form (or an explicit form list) a line. */
export function parseCueList(text: string): Map<string, CueForm> {
  const forms = new Map<string, CueForm>();
  let kind: CueKind = 'speech';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('@')) {
      const section = line.slice(1);
      if (section !== 'speech' && section !== 'thought' && section !== 'quote') throw new Error(`cues.txt: unknown section ${line}`);
      kind = section;
      continue;
    }
    const words = line.toLowerCase().split(/\s+/);
    const base = words[0];
    // The first section that lists a form wins: speech verbs listed again under thought stay speech.
    for (const f of words.length > 1 ? words : inflect(base)) if (!forms.has(f)) forms.set(f, { base, kind });
  }
  return forms;
}

/** One lower-case word a line, `#` comments; trailing dots dropped so "Sen." and "Sen" match alike. */
export function parseWordList(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.split('\n')) {
    const line = raw.trim().toLowerCase();
    if (line && !line.startsWith('#')) out.add(line.replace(/\.$/, ''));
  }
  return out;
}

/** A word list whose lines may be phrases ("news conference"), white space made single. */
export function parsePhraseList(text: string): Set<string> {
  return new Set([...parseWordList(text)].map((l) => l.split(/\s+/).join(' ')));
}

const read = (name: string) => readFileSync(new URL(`./lexicon/${name}`, import.meta.url), 'utf8');

export const CUE_FORMS = parseCueList(read('cues.txt'));
export const TITLE_WORDS = parseWordList(read('titles.txt'));
export const ORG_HEADS = parseWordList(read('organisations.txt'));
/** place-heads.txt: "Broad Street", "Yankee Stadium": names of places, which no pronoun stands for. */
export const PLACE_HEADS = parseWordList(read('place-heads.txt'));
export const CUE_NOUNS = parseWordList(read('cue-nouns.txt'));
/** object-verbs.txt: reporting verbs whose words are a noun phrase ("endorsed Ted Cruz"), as base forms. */
export const OBJECT_VERBS = parseWordList(read('object-verbs.txt'));
/** particle-verbs.txt: "call for", as "base preposition". */
export const PARTICLE_VERBS = parsePhraseList(read('particle-verbs.txt'));
/** combative-verbs.txt: reporting verbs that also name force ("attacked a checkpoint"), as base forms. */
export const COMBATIVE_VERBS = parseWordList(read('combative-verbs.txt'));
/** venues.txt: occasions of speech ("in an interview", "news conference"), which end a noun-phrase report. */
export const VENUES = parsePhraseList(read('venues.txt'));
/** speaker-nouns.txt: lower-case heads of a speaker phrase besides offices and organisations ("voters", "a report"). */
export const SPEAKER_NOUNS = parseWordList(read('speaker-nouns.txt'));
/** new-entity-words.txt: qualifiers of a description that point away from the entity named before ("the new company"). */
export const NEW_ENTITY_WORDS = parseWordList(read('new-entity-words.txt'));
/** unnamed-offices.txt: offices that name no one in particular ("the spokesman"), which no earlier speaker's office is. */
export const UNNAMED_OFFICES = parseWordList(read('unnamed-offices.txt'));
/** noun-first-forms.txt: cue forms read as verbs only before "that" or after a named source ("reports"). */
export const NOUN_FIRST_FORMS = parseWordList(read('noun-first-forms.txt'));
/** topic-verbs.txt: "spoke of", "talked about": cues only before "about" or "of". */
export const TOPIC_FORMS = parseCueList(read('topic-verbs.txt'));
/** clause-only-verbs.txt: "maintained that", a cue only before "that" or after the words. */
export const CLAUSE_ONLY_VERBS = parseWordList(read('clause-only-verbs.txt'));
/** object-control-verbs.txt: "forced Stumpf to admit": the object speaks the infinitive's words. */
export const OBJECT_CONTROL_VERBS = parseWordList(read('object-control-verbs.txt'));
/** refusals.txt: "declined to comment", a cue only before "to". */
export const REFUSAL_FORMS = parseWordList(read('refusals.txt'));
/** own-treatment-verbs.txt: "asked not to be identified", "declined to be named": a request for the speaker, no words. */
export const OWN_TREATMENT_VERBS = parseWordList(read('own-treatment-verbs.txt'));
/** phrase-edge-words.txt: conjunctions and prepositions that, opening a clause, are no part of the speaker phrase after them. */
export const PHRASE_EDGE_WORDS = parseWordList(read('phrase-edge-words.txt'));
/** opening-prepositions.txt: prepositions and participles that open a sentence before a name ("Unlike Patriot, ..."), never part of it. */
export const OPENING_PREPOSITIONS = parseWordList(read('opening-prepositions.txt'));
/** verb-only-cues.txt: "said", "told": cue forms no noun shares, whose sentences the noun-cue check never parses. */
export const VERB_ONLY_CUES = parseWordList(read('verb-only-cues.txt'));
/** line-labels.txt: "NOTE:", "Source:": labels of a line, never a name. */
export const LINE_LABELS = parseWordList(read('line-labels.txt'));
/** survey-participles.txt: "polled", "quizzed": a poll's participle ending a speaker phrase, no part of the speaker. */
export const SURVEY_PARTICIPLES = parseWordList(read('survey-participles.txt'));
/** document-nouns.txt: "data", "figures", "study": a named body's document, whose body speaks. */
export const DOCUMENT_NOUNS = parseWordList(read('document-nouns.txt'));
/** name-opening-titles.txt: "General": a title that opens a company's name before a common word ("General Motors"). */
export const NAME_OPENING_TITLES = parseWordList(read('name-opening-titles.txt'));
/** name-or-preposition.txt: "Under", "Beyond": prepositions that open names too, dropped before "EU" or "French". */
export const NAME_OR_PREPOSITION = parseWordList(read('name-or-preposition.txt'));
/** quantity-words.txt: "many", "some": words that pick out a group, kept at the head of a speaker phrase. */
export const QUANTITY_WORDS = parseWordList(read('quantity-words.txt'));
/** headline-labels.txt: labels before a headline's colon that name no source ("The Latest:", "EXCLUSIVE:"). */
export const HEADLINE_LABELS = parsePhraseList(read('headline-labels.txt'));
/**
 * The past tenses and participles of irregular verbs ("rose", "said", "withdrew"): the second column of the one
 * irregular-verbs.tsv the events read too (src/events/dictionaries/).
 */
export const IRREGULAR_VERB_FORMS = new Set(
  readFileSync(new URL('../events/dictionaries/irregular-verbs.tsv', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .flatMap((l) => l.replace(/\r$/, '').split('\t')[1]?.split('|') ?? []),
);
/** judgements.txt: "seemed to", "is expected to"; forms listed after "be " need a form of be before them. */
export const JUDGEMENT_FORMS = parseJudgements(read('judgements.txt'));

export function parseJudgements(text: string): Map<string, { afterBe: boolean }> {
  const out = new Map<string, { afterBe: boolean }>();
  for (const line of parseWordList(text)) {
    const words = line.split(/\s+/);
    if (words.length === 2 && words[0] === 'be') out.set(words[1], { afterBe: true });
    else if (words.length === 1) out.set(words[0], { afterBe: false });
    else throw new Error(`judgements.txt: cannot read line "${line}"`);
  }
  return out;
}
