/**
 * What WordNet knows of a word: the parts of speech its lemmas take (noun, verb, adjective, adverb) and the
 * lexicographer file of its first noun and verb sense (noun.person, noun.location, verb.communication...).
 * Features from it let the models generalise to words rare in the treebanks. The data file
 * (lexicon/wordnet.tsv.gz: lemma, POS bit mask, noun and verb lexicographer file numbers) is derived
 * from WordNet 3.1 (Princeton University; WordNet licence, see the README).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export interface WordClasses {
  /** 1 noun, 2 verb, 4 adjective, 8 adverb. */
  mask: number;
  /** Lexicographer file number of the first noun sense, -1 when none (18 noun.person, 15 noun.location, 14 noun.group). */
  noun: number;
  verb: number;
}

/** The bits of `WordClasses.mask`. */
export const POS_BIT = { noun: 1, verb: 2, adjective: 4, adverb: 8 } as const;

/** WordNet's lexicographer file numbers of the noun classes the extractors read (WordNet's lexnames file). */
export const NOUN = {
  act: 4, animal: 5, artifact: 6, attribute: 7, cognition: 9, communication: 10, feeling: 12, food: 13, group: 14,
  location: 15, object: 17, person: 18, phenomenon: 19, plant: 20, possession: 21, process: 22, relation: 24, state: 26, substance: 27, time: 28,
} as const;

const NONE: WordClasses = { mask: 0, noun: -1, verb: -1 };
/** Lemma -> its classes packed in one small integer (see pack): a third less memory than an object per lemma. */
let lexicon: Map<string, number> | undefined;

const pack = (mask: number, noun: number, verb: number) => mask | ((noun + 1) << 4) | ((verb + 1) << 12);
const maskOf = (p: number) => p & 15;
const nounOf = (p: number) => ((p >> 4) & 255) - 1;
const verbOf = (p: number) => ((p >> 12) & 255) - 1;

function load(): Map<string, number> {
  const path = process.env.NEWSLEDGER_WORDNET ?? new URL('./lexicon/wordnet.tsv.gz', import.meta.url);
  const bytes = readFileSync(path);
  const text = (bytes[0] === 0x1f ? gunzipSync(bytes) : bytes).toString('utf8');
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const [lemma, mask, noun, verb] = line.split('\t');
    map.set(lemma, pack(Number(mask), Number(noun), Number(verb)));
  }
  return map;
}

/** Lemma candidates of a lower-case form for one part of speech (WordNet's Morphy suffix rules). */
const RULES: Array<[bit: number, suffix: string, ending: string]> = [
  [1, 's', ''], [1, 'ses', 's'], [1, 'xes', 'x'], [1, 'zes', 'z'], [1, 'ches', 'ch'], [1, 'shes', 'sh'], [1, 'men', 'man'], [1, 'ies', 'y'],
  [2, 's', ''], [2, 'ies', 'y'], [2, 'es', 'e'], [2, 'es', ''], [2, 'ed', 'e'], [2, 'ed', ''], [2, 'ing', 'e'], [2, 'ing', ''],
  [4, 'er', ''], [4, 'est', ''], [4, 'er', 'e'], [4, 'est', 'e'],
];

/** Forms already looked up (news is Zipfian: most lookups hit); emptied when full so memory stays bounded. */
const seen = new Map<string, WordClasses>();
const SEEN_MAX = 200_000;

/** The classes of a lower-case word form: its own entry, plus those of the lemmas its endings point to. */
export function wordClasses(lower: string): WordClasses {
  let c = seen.get(lower);
  if (c === undefined) {
    if (seen.size >= SEEN_MAX) seen.clear();
    c = lookUp(lower);
    seen.set(lower, c);
  }
  return c;
}

function lookUp(lower: string): WordClasses {
  lexicon ??= load();
  const own = lexicon.get(lower);
  let mask = own === undefined ? 0 : maskOf(own);
  let noun = own === undefined ? -1 : nounOf(own);
  let verb = own === undefined ? -1 : verbOf(own);
  for (const [bit, suffix, ending] of RULES) {
    if (lower.length <= suffix.length + 1 || !lower.endsWith(suffix)) continue;
    const e = lexicon.get(lower.slice(0, lower.length - suffix.length) + ending);
    if (e === undefined || !(maskOf(e) & bit)) continue;
    mask |= bit;
    if (bit === 1 && noun < 0) noun = nounOf(e);
    if (bit === 2 && verb < 0) verb = verbOf(e);
  }
  return mask ? { mask, noun, verb } : NONE;
}
