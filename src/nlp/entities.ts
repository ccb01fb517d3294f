/**
 * The entity tagger: names of people, organisations and places as BIO tags over a sentence's words.
 *
 * Gold comes from GUM's coreference annotation (the CorefUD `Entity=` brackets of the MISC column), of
 * which only *named* mentions of the types person, organization and place are kept (see
 * `goldEntityTags`). The model is a greedy left-to-right averaged perceptron (perceptron.ts) over word,
 * shape, affix, part-of-speech and previous-tag features, name-lexicon classes (lexicon/names.tsv), and
 * features of each run of capitalised words: its first and last word, its surroundings (the words
 * before and after it: "Mr.", "in", "at", "said", "'s") and the run as a whole. Trained on GUM train, tuned on
 * GUM dev, reported on GUM test (GUM, CC BY 4.0 parts: Zeldes 2017).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { readConllu, goldSentence, type GoldSentence } from './conllu.ts';
import { AveragedPerceptron, FeatureVector, SparseModel, argmax, hashString, rng, shuffle, type Scorer } from './perceptron.ts';
import { ENTITY_TYPES, type EntityType } from './types.ts';
import { wordClasses } from './wordnet.ts';
import { FNV_OFFSET, fmix32, fnvStep, hash32Range } from '../util/hash.ts';

// ---------------------------------------------------------------------------------------------------
// Gold BIO tags from GUM

const GUM_TYPES: Record<string, EntityType> = { person: 'PERSON', organization: 'ORGANIZATION', place: 'PLACE' };

/** One mention of the Entity= annotation: tokens [from, to] (inclusive, 0-based) and its GUM type. */
export interface GoldMention {
  id: string;
  etype: string;
  from: number;
  to: number;
}

/**
 * The mentions of a sentence, from the bracket notation: `(id-etype-...` opens a mention on a word,
 * `id)` closes the innermost open mention of that id, `(id-etype-...)` is a one-word mention. A mention
 * left open at the end of the sentence is closed at its last word.
 */
export function goldMentions(misc: string[]): GoldMention[] {
  const out: GoldMention[] = [];
  const open: { id: string; etype: string; from: number }[] = [];
  for (let i = 0; i < misc.length; i++) {
    const m = /(?:^|\|)Entity=([^|]*)/.exec(misc[i]);
    if (!m) continue;
    const v = m[1];
    let p = 0;
    while (p < v.length) {
      if (v[p] === '(') {
        let q = p + 1;
        while (q < v.length && v[q] !== '(' && v[q] !== ')') q++;
        const fields = v.slice(p + 1, q).split('-');
        const id = fields[0];
        const etype = fields[1] ?? '';
        if (v[q] === ')') {
          out.push({ id, etype, from: i, to: i });
          q++;
        } else open.push({ id, etype, from: i });
        p = q;
      } else {
        let q = p;
        while (q < v.length && v[q] !== ')' && v[q] !== '(') q++;
        const id = v.slice(p, q);
        for (let k = open.length - 1; k >= 0; k--) {
          if (open[k].id === id) {
            out.push({ id, etype: open[k].etype, from: open[k].from, to: i });
            open.splice(k, 1);
            break;
          }
        }
        p = v[q] === ')' ? q + 1 : q;
      }
    }
  }
  for (const o of open) out.push({ id: o.id, etype: o.etype, from: o.from, to: misc.length - 1 });
  return out;
}

/** Relations by which a word belongs to the name of its head ("Barack" flat "Obama", "of Toronto"). */
const NAME_RELATIONS = new Set(['flat', 'compound', 'nmod', 'case', 'det', 'amod', 'nummod', 'fixed', 'goeswith', 'punct', 'cc']);
/** Prepositions of a proper-noun nmod inside one name: "Bank of America", "Centre for Disease Control". */
const NAME_PREPOSITIONS = new Set(['of', 'for', 'de', 'du', 'des', 'del', 'di', 'da', 'von', 'van']);
/** Words that may stand inside a name between two name words: "Museum of the City", "Procter & Gamble". */
const NAME_LINKS = new Set(['of', 'for', 'the', 'de', 'du', 'des', 'del', 'la', 'le', 'van', 'von', 'der', 'al', 'el', 'y', 'da', 'di', '&', '-', '.', 'and']);
/**
 * Titles and roles: a person mention headed by one ("the President", "Emperor of the United States") is
 * a description, not a name, and leading ones are left out of a person's name ("President [Barack Obama]",
 * "Dr. [Bailey]"), as news-style annotation (OntoNotes) does.
 */
const TITLES = new Set(
  ('president vice prime minister senator sen. rep. representative congressman congresswoman governor gov. mayor king queen ' +
    'emperor empress prince princess pope general gen. major colonel col. captain capt. lieutenant lt. sergeant sgt. admiral ' +
    'dr. dr doctor mr. mr mrs. mrs ms. ms miss sir dame professor prof. judge justice chancellor chairman chairwoman chair ' +
    'secretary ambassador commissioner director ceo chief bishop archbishop cardinal rev. reverend father sheikh fellow whip ' +
    'speaker leader deputy senior researcher interviewee coach officer inspector detective agent premier president-elect ' +
    'attorney minister-president duke duchess earl count countess baron lady saint st. - mp qc sc').split(' '),
);

/** A word that can be part of a name: a proper noun, or a capitalised adjective / participle / noun ("United States", "Western Australia", "Medical Journal"). */
function nameWord(sentence: GoldSentence, i: number): boolean {
  const u = sentence.upos[i];
  if (u === 'PROPN') return true;
  return (u === 'ADJ' || u === 'VERB' || u === 'NOUN') && /^\p{Lu}/u.test(sentence.forms[i]);
}

/**
 * The named part of a mention of type `etype`, or null when the mention is not a name.
 *
 * "Named" is decided on the mention's syntactic head (its word whose head lies outside the mention): the
 * mention is a name when that head is a proper noun (PROPN). This keeps "Barack Obama", "the United
 * Nations" and "Aberdeen Grammar School", and drops descriptions that merely contain a name ("the school
 * of Dr. William Glennie", "the city of Paris", "his mother", "a developed country like Australia"),
 * whose inner names are mentions of their own. The named span is then the run of words around the head
 * that hang from it by name-internal relations (flat, compound, amod, nmod with "of"/"for", ...; never
 * conj, appos or clauses), trimmed so that it starts and ends on a name word (a proper noun, or a
 * capitalised word that GUM tags otherwise, as "United" in "United States"): the determiner of "the
 * United Nations" and a relative clause or apposition fall outside, "University of Toronto" stays whole.
 * Person mentions headed by a title ("the President") are dropped and leading titles trimmed
 * ("President Barack Obama" -> "Barack Obama"). That is what a reader of the news expects to see marked:
 * the name as written, without the description around it.
 */
export function namedSpan(sentence: GoldSentence, from: number, to: number, etype = ''): [number, number] | null {
  const { upos, heads, deprels, forms } = sentence;
  let head = -1;
  for (let i = from; i <= to; i++) {
    const h = heads[i] - 1;
    if (h < from || h > to) {
      head = i;
      break;
    }
  }
  if (head < 0) head = to;
  if (upos[head] !== 'PROPN') return null;
  const isPerson = etype === 'person';
  if (isPerson && TITLES.has(forms[head].toLowerCase())) return null;
  // Groups named by nationality or party ("all Americans", "the Democrats") are not a person's name.
  if (isPerson && /^\p{Lu}\p{Ll}+(?:ans|ese|ites|ists|ats)$/u.test(forms[head])) return null;
  // Is word i attached to the head by name-internal relations only (within the mention)?
  const inName = (i: number): boolean => {
    let j = i;
    for (let steps = 0; steps < 50; steps++) {
      if (j === head) return true;
      if (j < from || j > to) return false;
      const rel = deprels[j];
      if (!NAME_RELATIONS.has(rel)) return false;
      if (rel === 'nmod') {
        // "University of Toronto" is one name, "Trinity College in Cambridge" and "Britain 's Labour Party" two
        // and a person's name has no "of" part: "Ada Lovelace of the University of Toronto"
        if (upos[j] !== 'PROPN' || isPerson) return false;
        for (let k = from; k <= to; k++) {
          if (heads[k] - 1 === j && deprels[k] === 'case' && !NAME_PREPOSITIONS.has(forms[k].toLowerCase())) return false;
        }
      }
      j = heads[j] - 1;
    }
    return false;
  };
  const fits = (i: number) => inName(i) && (nameWord(sentence, i) || NAME_LINKS.has(forms[i].toLowerCase()) || upos[i] === 'NUM' || upos[i] === 'DET');
  let s = head;
  while (s - 1 >= from && fits(s - 1)) s--;
  let e = head;
  while (e + 1 <= to && fits(e + 1)) e++;
  // Trim to name words at both ends (a trailing number stays: "Apollo 11"), and titles off a person.
  while (s < head && (!nameWord(sentence, s) || (isPerson && TITLES.has(forms[s].toLowerCase())))) s++;
  while (e > head && !nameWord(sentence, e) && !(upos[e] === 'NUM' && upos[e - 1] === 'PROPN')) e--;
  return [s, e];
}

/**
 * BIO tags of the named person / organisation / place mentions of a GUM sentence ("O", "B-PERSON",
 * "I-PERSON", ...). Where named spans overlap (a name nested in a name: "University of Toronto" holding
 * "Toronto"), the longer, outermost one wins.
 */
export function goldEntityTags(sentence: GoldSentence): string[] {
  const tags = sentence.forms.map(() => 'O');
  const spans: { type: EntityType; s: number; e: number }[] = [];
  for (const m of goldMentions(sentence.misc)) {
    const type = GUM_TYPES[m.etype];
    if (!type) continue;
    const span = namedSpan(sentence, m.from, m.to, m.etype);
    if (span) spans.push({ type, s: span[0], e: span[1] });
  }
  spans.sort((a, b) => b.e - b.s - (a.e - a.s) || a.s - b.s);
  for (const { type, s, e } of spans) {
    let free = true;
    for (let i = s; i <= e; i++) if (tags[i] !== 'O') free = false;
    if (!free) continue;
    for (let i = s; i <= e; i++) tags[i] = (i === s ? 'B-' : 'I-') + type;
  }
  return tags;
}

// ---------------------------------------------------------------------------------------------------
// Spans and scoring

export interface TokenOffsets {
  start: number;
  end: number;
}

export interface TaggedSpan {
  type: EntityType;
  /** Tokens [from, to) of the sentence. */
  from: number;
  to: number;
  /** Offsets into the text ([start, end)) and the text between, when token offsets were given. */
  start?: number;
  end?: number;
  text?: string;
}

/**
 * The spans of a BIO sequence. An I- that does not continue a span of its type starts one (as the
 * conlleval script reads it), so that any sequence has a reading. With token offsets (and the text, for
 * `text`), each span also carries its offsets; without the text, `text` is the forms joined by spaces.
 */
export function entitySpans(forms: string[], bio: string[], offsets?: TokenOffsets[], source?: string): TaggedSpan[] {
  const spans: TaggedSpan[] = [];
  let cur: TaggedSpan | null = null;
  const finish = () => {
    if (!cur) return;
    if (offsets) {
      cur.start = offsets[cur.from].start;
      cur.end = offsets[cur.to - 1].end;
      cur.text = source !== undefined ? source.slice(cur.start, cur.end) : forms.slice(cur.from, cur.to).join(' ');
    }
    spans.push(cur);
    cur = null;
  };
  for (let i = 0; i < bio.length; i++) {
    const tag = bio[i];
    if (tag === 'O' || tag.length < 3) {
      finish();
      continue;
    }
    const type = tag.slice(2) as EntityType;
    if (tag[0] === 'I' && cur && cur.type === type) {
      cur.to = i + 1;
      continue;
    }
    finish();
    cur = { type, from: i, to: i + 1 };
  }
  finish();
  return spans;
}

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EntityScore extends Prf {
  byType: Record<EntityType, Prf>;
}

const prf = (tp: number, fp: number, fn: number): Prf => {
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Exact-span scores (type and both ends) of predicted BIO sequences against gold ones, one array of tags per sentence. */
export function scoreEntityTags(gold: string[][], predicted: string[][]): EntityScore {
  if (gold.length !== predicted.length) throw new Error(`gold has ${gold.length} sentences, predicted ${predicted.length}`);
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, { tp: number; fp: number; fn: number }>;
  const known = (x: TaggedSpan) => x.type in counts;
  const key = (x: TaggedSpan) => `${x.from}:${x.to}:${x.type}`;
  for (let i = 0; i < gold.length; i++) {
    if (gold[i].length !== predicted[i].length) throw new Error(`sentence ${i + 1}: ${gold[i].length} gold entity tags, ${predicted[i].length} predicted`);
    const g = entitySpans(gold[i], gold[i]).filter(known);
    const p = entitySpans(predicted[i], predicted[i]).filter(known);
    const goldKeys = new Set(g.map(key));
    const predKeys = new Set(p.map(key));
    for (const x of p) counts[x.type][goldKeys.has(key(x)) ? 'tp' : 'fp']++;
    for (const x of g) if (!predKeys.has(key(x))) counts[x.type].fn++;
  }
  const sum = (k: 'tp' | 'fp' | 'fn') => ENTITY_TYPES.reduce((n, t) => n + counts[t][k], 0);
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, prf(counts[t].tp, counts[t].fp, counts[t].fn)])) as Record<EntityType, Prf>;
  return { ...prf(sum('tp'), sum('fp'), sum('fn')), byType };
}

// ---------------------------------------------------------------------------------------------------
// The tagger

export const ENTITY_CLASSES = ['O', 'B-PERSON', 'I-PERSON', 'B-ORGANIZATION', 'I-ORGANIZATION', 'B-PLACE', 'I-PLACE'];
const CLASS_INDEX = new Map(ENTITY_CLASSES.map((c, i) => [c, i]));
/** valid[prev][c]: may class c follow class prev (prev = 0 at the start)? I-X only after B-X or I-X. */
const VALID: Uint8Array[] = ENTITY_CLASSES.map((prev) =>
  Uint8Array.from(ENTITY_CLASSES, (c) => (c.startsWith('I-') ? (prev !== 'O' && prev.slice(2) === c.slice(2) ? 1 : 0) : 1)),
);

/** The word's shape: "Xxxx", "XX", "dd", "Xx-Xx" (runs of one kind collapsed after two). */
function shape(w: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    let k: string;
    if (code >= 65 && code <= 90) k = 'X';
    else if (code >= 97 && code <= 122) k = 'x';
    else if (code >= 48 && code <= 57) k = 'd';
    else if (code < 128) k = w[i];
    else {
      const ch = w[i];
      k = ch !== ch.toLowerCase() ? 'X' : ch !== ch.toUpperCase() ? 'x' : ch;
    }
    if (k === last) {
      if (++run > 2) continue;
    } else run = 1;
    last = k;
    out += k;
  }
  return out;
}

/** Starts with an upper-case letter. */
const upperInitial = (w: string) => {
  const ch = w[0];
  return ch !== ch.toLowerCase();
};

const H = (s: string) => hashString(s);

/**
 * The name lexicon (lexicon/names.tsv): phrases of the classes place and first (given names), and single
 * words of the classes org-word and place-word. Features only, keyed by exact form.
 */
interface Lexicon {
  /** phrase (forms joined by a space) -> class hash; phrases of up to `maxLen` words. */
  phrases: Map<string, number>;
  /** Every proper prefix of a phrase (forms joined by a space). */
  prefixes: Set<string>;
  maxLen: number;
}
let lexicon: Lexicon | null = null;
function getLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const classes = new Map<string, string[]>();
  let maxLen = 1;
  const text = readFileSync(new URL('./lexicon/names.tsv', import.meta.url), 'utf8');
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const cls = line.slice(0, tab);
    const phrase = line.slice(tab + 1).trim();
    if (!phrase) continue;
    const key = phrase.split(/\s+/).join(' ');
    const list = classes.get(key) ?? [];
    if (!list.includes(cls)) list.push(cls);
    classes.set(key, list);
    maxLen = Math.max(maxLen, key.split(' ').length);
  }
  // A phrase of several classes ("Jordan": place, first, surname) is its own feature value.
  const phrases = new Map<string, number>();
  const prefixes = new Set<string>();
  for (const [key, list] of classes) {
    phrases.set(key, H('lex:' + list.sort().join('+')));
    const words = key.split(' ');
    for (let k = 1; k < words.length; k++) prefixes.add(words.slice(0, k).join(' '));
  }
  return (lexicon = { phrases, prefixes, maxLen });
}
/**
 * Measured on GUM dev (8 epochs): span F1 64.3 without the lexicon, 76.0 with it. The run-context features
 * (46-51) added 1.7 points on GUM dev (gold UPOS), averaged over three training seeds (74.8 -> 78.7, 76.3 -> 77.1, 77.0 -> 77.2).
 */
const USE_LEXICON = true;
const BOS = H('<s>');
const EOS = H('</s>');

/** Per-sentence precomputed atoms (hashes; typed arrays, so that a sentence costs a few allocations, not a few per word). */
interface Context {
  n: number;
  w: Int32Array;
  lw: Int32Array;
  sh: Int32Array;
  p: Int32Array;
  /** Hashes of the lower-cased word's first and last 2, 3 and 4 letters. */
  pre2: Int32Array;
  pre3: Int32Array;
  pre4: Int32Array;
  suf2: Int32Array;
  suf3: Int32Array;
  suf4: Int32Array;
  cap: Int32Array;
  /** For a word in a run of capitalised words / proper nouns: the run's first and last word, and its length. */
  runFirst: Int32Array;
  runLast: Int32Array;
  runPos: Int32Array;
  /** Lexicon class of the longest lexicon phrase covering the word, with its position (B/I), or 0. */
  lex: Int32Array;
  /** Lexicon class of the word alone, or 0. */
  lex1: Int32Array;
  lex1First: Int32Array;
  lex1Last: Int32Array;
  /** For a word in a run: the words just before the run's first word and just after its last word, and the last word's suffix. */
  runPrev: Int32Array;
  runPrev2: Int32Array;
  runNext: Int32Array;
  runSuf: Int32Array;
  runAll: Int32Array;
  wn: Int32Array;
}

/**
 * H(shape(w)) without building the shape for ASCII words (almost all); others take shape() itself.
 */
function shapeHash(w: string): number {
  let h = FNV_OFFSET;
  let last = -1;
  let run = 0;
  for (let i = 0; i < w.length; i++) {
    const code = w.charCodeAt(i);
    if (code >= 128) return H(shape(w));
    const k = code >= 65 && code <= 90 ? 88 : code >= 97 && code <= 122 ? 120 : code >= 48 && code <= 57 ? 100 : code;
    if (k === last) {
      if (++run > 2) continue;
    } else run = 1;
    last = k;
    h = fnvStep(h, k);
  }
  return fmix32(h);
}

/** H(forms.slice(from, to).join(' ')) without joining. */
function joinedHash(forms: string[], from: number, to: number): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) {
    if (k > from) h = fnvStep(h, 32);
    const f = forms[k];
    for (let i = 0; i < f.length; i++) h = fnvStep(h, f.charCodeAt(i));
  }
  return fmix32(h);
}

const LINK_WORD = /^(of|&|for|de)$/i;
const OF = /^of$/i;
const THE = /^the$/i;

/** A word of a run of names: a proper noun, or a capitalised word that is not a determiner or pronoun (not first in the sentence). */
function nameLike(forms: string[], upos: string[], i: number): boolean {
  return upos[i] === 'PROPN' || (i > 0 && upperInitial(forms[i]) && upos[i] !== 'DET' && upos[i] !== 'PRON');
}

/** `wnNoun`: each word's WordNet noun class + 100 when the caller has them (tagger.ts's wordAtoms), else looked up here. */
function context(forms: string[], upos: string[], wnNoun?: Int32Array): Context {
  const n = forms.length;
  const int32s = () => new Int32Array(n);
  const ctx: Context = {
    n, w: int32s(), lw: int32s(), sh: int32s(), p: int32s(), pre2: int32s(), pre3: int32s(), pre4: int32s(), suf2: int32s(), suf3: int32s(), suf4: int32s(),
    cap: int32s(), runFirst: int32s(), runLast: int32s(), runPos: int32s(), lex: int32s(), lex1: int32s(), lex1First: int32s(), lex1Last: int32s(),
    runPrev: int32s(), runPrev2: int32s(), runNext: int32s(), runSuf: int32s(), runAll: int32s(), wn: int32s(),
  };
  if (USE_LEXICON) {
    const { phrases, prefixes, maxLen } = getLexicon();
    for (let i = 0; i < n; ) {
      // The longest phrase starting at i, growing the key while it is a prefix of some phrase.
      let found = 0;
      let cls = 0;
      let key = forms[i];
      for (let len = 1; len <= maxLen && i + len <= n; len++) {
        if (len > 1) key += ' ' + forms[i + len - 1];
        const c = phrases.get(key);
        if (c !== undefined) {
          found = len;
          cls = c;
        }
        if (!prefixes.has(key)) break;
      }
      if (!found) {
        i++;
        continue;
      }
      for (let k = i; k < i + found; k++) ctx.lex[k] = cls + (k === i ? 1 : 2);
      i += found;
    }
    for (let i = 0; i < n; i++) ctx.lex1[i] = phrases.get(forms[i]) ?? 0;
  }
  for (let i = 0; i < n; i++) {
    const f = forms[i];
    const l = f.toLowerCase();
    const L = l.length;
    ctx.w[i] = H(f);
    ctx.lw[i] = H(l);
    ctx.sh[i] = shapeHash(f);
    ctx.p[i] = H(upos[i] ?? '_');
    // H(l.slice(0, k)) and H(l.slice(-k)), hashed in place.
    ctx.pre2[i] = hash32Range(l, 0, L < 2 ? L : 2);
    ctx.pre3[i] = hash32Range(l, 0, L < 3 ? L : 3);
    ctx.pre4[i] = hash32Range(l, 0, L < 4 ? L : 4);
    ctx.suf2[i] = hash32Range(l, L > 2 ? L - 2 : 0, L);
    ctx.suf3[i] = hash32Range(l, L > 3 ? L - 3 : 0, L);
    ctx.suf4[i] = hash32Range(l, L > 4 ? L - 4 : 0, L);
    const upper = upperInitial(f);
    const allUpper = upper && f.length > 1 && f === f.toUpperCase() && f !== l;
    ctx.cap[i] = allUpper ? 3 : upper ? (i === 0 ? 2 : 1) : 0;
    ctx.wn[i] = wnNoun ? wnNoun[i] : wordClasses(l).noun + 100;
  }
  // Runs of name-like words, bridged by "of" / "the" / "&" ("Bank of America"): their last word names the
  // kind of thing ("... College", "... Bay", "... Party"), their first often a first name or a place.
  // Words outside a run keep 0 in every run array.
  let i = 0;
  while (i < n) {
    if (!nameLike(forms, upos, i)) {
      i++;
      continue;
    }
    let j = i;
    for (;;) {
      if (j + 1 < n && nameLike(forms, upos, j + 1)) j++;
      else if (j + 2 < n && LINK_WORD.test(forms[j + 1]) && nameLike(forms, upos, j + 2)) j += 2;
      else if (j + 3 < n && OF.test(forms[j + 1]) && THE.test(forms[j + 2]) && nameLike(forms, upos, j + 3)) j += 3;
      else break;
    }
    const runSuf = H(forms[j].toLowerCase().slice(-3));
    const runAll = joinedHash(forms, i, j + 1);
    for (let k = i; k <= j; k++) {
      ctx.runFirst[k] = ctx.lw[i];
      ctx.runLast[k] = ctx.lw[j];
      ctx.runPos[k] = (k === i ? 1 : 2) + (k === j ? 2 : 0) + 4 * Math.min(j - i + 1, 4);
      ctx.lex1First[k] = ctx.lex1[i];
      ctx.lex1Last[k] = ctx.lex1[j];
      ctx.runPrev[k] = i > 0 ? ctx.lw[i - 1] : BOS;
      ctx.runPrev2[k] = i > 1 ? ctx.lw[i - 2] : BOS;
      ctx.runNext[k] = j + 1 < n ? ctx.lw[j + 1] : EOS;
      ctx.runSuf[k] = runSuf;
      ctx.runAll[k] = runAll;
    }
    i = j + 1;
  }
  return ctx;
}

/** arr[k] of a sentence of n words, or the padding before its start and after its end. */
function at(arr: Int32Array, k: number, n: number): number {
  return k < 0 ? BOS : k >= n ? EOS : arr[k];
}

function features(fv: FeatureVector, c: Context, i: number, prev: number, prev2: number): void {
  fv.clear();
  const n = c.n;
  fv.add(1, 1);
  fv.add(2, c.w[i]);
  fv.add(3, c.lw[i]);
  fv.add(4, c.sh[i]);
  fv.add(5, c.p[i]);
  fv.add(6, c.pre2[i]);
  fv.add(9, c.suf2[i]);
  fv.add(7, c.pre3[i]);
  fv.add(10, c.suf3[i]);
  fv.add(8, c.pre4[i]);
  fv.add(11, c.suf4[i]);
  fv.add(12, c.cap[i]);
  fv.add(13, at(c.lw, i - 1, n));
  fv.add(14, at(c.lw, i + 1, n));
  fv.add(15, at(c.lw, i - 2, n));
  fv.add(16, at(c.lw, i + 2, n));
  fv.add(17, at(c.p, i - 1, n));
  fv.add(18, at(c.p, i + 1, n));
  fv.add(19, at(c.p, i - 2, n));
  fv.add(20, at(c.p, i + 2, n));
  fv.add(21, at(c.p, i - 1, n), c.p[i], at(c.p, i + 1, n));
  fv.add(22, at(c.sh, i - 1, n), c.sh[i]);
  fv.add(23, c.sh[i], at(c.sh, i + 1, n));
  fv.add(24, prev + 1);
  fv.add(25, prev + 1, prev2 + 1);
  fv.add(26, prev + 1, c.lw[i]);
  fv.add(27, prev + 1, c.p[i]);
  fv.add(28, c.lw[i], at(c.lw, i + 1, n));
  fv.add(29, at(c.lw, i - 1, n), c.lw[i]);
  fv.add(30, prev + 1, c.sh[i]);
  fv.add(31, c.p[i], c.cap[i]);
  fv.add(32, at(c.sh, i - 1, n), at(c.sh, i + 1, n));
  if (c.runPos[i]) {
    fv.add(33, c.runLast[i]);
    fv.add(34, c.runFirst[i]);
    fv.add(35, c.runPos[i]);
    fv.add(36, c.runLast[i], c.runPos[i]);
    fv.add(37, prev + 1, c.runLast[i]);
    // The run's surroundings name its type: "Mr." / "in" / "at" / "of the" before, "said" / "'s" / "Inc" after.
    fv.add(46, c.runPrev[i]);
    fv.add(47, c.runNext[i]);
    fv.add(48, c.runPrev2[i], c.runPrev[i]);
    fv.add(49, c.runSuf[i]);
    fv.add(50, c.runAll[i]);
    fv.add(51, c.runPrev[i], c.runNext[i]);
  }
  if (USE_LEXICON) {
    fv.add(38, c.lex[i]);
    fv.add(39, at(c.lex, i - 1, n), c.lex[i]);
    fv.add(40, c.lex[i], at(c.lex, i + 1, n));
    fv.add(41, c.lex1[i], c.p[i]);
    fv.add(44, c.lex[i], at(c.lw, i - 1, n));
    fv.add(45, c.lex[i], at(c.lw, i + 1, n));
    // WordNet's first noun sense class: person, location, group (organisation)...
    fv.add(60, c.wn[i]);
    fv.add(61, c.wn[i], c.cap[i]);
    fv.add(62, at(c.wn, i - 1, n), c.wn[i]);
    fv.add(63, c.wn[i], at(c.wn, i + 1, n));
    if (c.runPos[i]) {
      fv.add(42, c.lex1Last[i]);
      fv.add(43, c.lex1First[i]);
    }
  }
}

export const DEFAULT_ENTITY_MODEL = new URL('./models/entities.bin.gz', import.meta.url);

const MODEL_META = { kind: 'newsledger-entities', version: 3, labels: ENTITY_CLASSES, lexicon: USE_LEXICON ? 'lexicon/names.tsv' : null };

export class EntityTagger {
  private fv = new FeatureVector();
  private scores: Float32Array;

  /**
   * `model` scores the classes; `source` is what serialize() writes: the trained perceptron (its
   * averaged weights, with meta) or the bytes the model was read from.
   */
  constructor(
    readonly model: Scorer,
    private readonly source: AveragedPerceptron | Buffer | (() => Buffer),
  ) {
    this.scores = new Float32Array(model.nClasses);
  }

  /**
   * BIO tags of a sentence's words given their UPOS tags (predicted ones at run time). `wnNoun`: the
   * words' WordNet noun classes as tagger.ts's wordAtoms has them, when the caller has those.
   */
  tag(forms: string[], upos: string[], wnNoun?: Int32Array): string[] {
    const c = context(forms, upos, wnNoun);
    const out: string[] = [];
    let prev = 0;
    let prev2 = 0;
    for (let i = 0; i < c.n; i++) {
      features(this.fv, c, i, prev, prev2);
      this.model.score(this.fv, this.scores);
      const guess = argmax(this.scores, ENTITY_CLASSES.length, VALID[prev]);
      out.push(ENTITY_CLASSES[guess]);
      prev2 = prev;
      prev = guess;
    }
    return out;
  }

  /** The model's binary form (uncompressed; the shipped file is its gzip). Extra meta only for a trained tagger. */
  serialize(meta: Record<string, unknown> = {}): Buffer {
    if (typeof this.source === 'function') return this.source();
    if (Buffer.isBuffer(this.source)) return this.source;
    return this.source.serialize({ ...MODEL_META, ...meta });
  }

  /** `shared`: the model's tables on SharedArrayBuffers (see SparseTables). */
  static fromBytes(bytes: Buffer, source = 'entity model', shared = false): EntityTagger {
    const raw = bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    const { model, meta } = SparseModel.deserialize(raw, source, shared);
    const labels = meta.labels as string[] | undefined;
    if (meta.kind !== MODEL_META.kind || meta.version !== MODEL_META.version || !labels || labels.join(' ') !== ENTITY_CLASSES.join(' ') || meta.lexicon !== MODEL_META.lexicon) {
      throw new Error(`${source}: not an entity model of this version (kind ${JSON.stringify(meta.kind)}, version ${JSON.stringify(meta.version)}, labels ${JSON.stringify(labels)})`);
    }
    return new EntityTagger(model, raw);
  }

  /** Reads a model (gzipped or not); by default the one shipped in src/nlp/models/entities.bin.gz. */
  static load(path: string | URL = DEFAULT_ENTITY_MODEL, shared = false): EntityTagger {
    // The file's bytes are read again by serialize() rather than kept.
    const read = () => {
      const bytes = readFileSync(path);
      return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
    };
    return new EntityTagger(EntityTagger.fromBytes(read(), String(path), shared).model, read);
  }
}

export interface TrainEntityOptions {
  epochs?: number;
  seed?: number;
  log?: (s: string) => void;
  /** UPOS tags to train on, one array per sentence (predicted tags); the gold UPOS by default. */
  upos?: string[][];
}

/** Trains the tagger on GUM-style gold sentences (deterministic: a fixed-seed shuffle per epoch). */
export function trainEntityTagger(sentences: GoldSentence[], options: TrainEntityOptions = {}): EntityTagger {
  const epochs = options.epochs ?? 8;
  const random = rng(options.seed ?? 1);
  const data = sentences.map((s, k) => ({
    ctx: context(s.forms, options.upos?.[k] ?? s.upos),
    gold: goldEntityTags(s).map((t) => CLASS_INDEX.get(t)!),
  }));
  const model = new AveragedPerceptron(ENTITY_CLASSES.length);
  const fv = new FeatureVector();
  const scores = new Float32Array(ENTITY_CLASSES.length);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    let wrong = 0;
    let total = 0;
    for (const k of order) {
      const { ctx, gold } = data[k];
      let prev = 0;
      let prev2 = 0;
      for (let i = 0; i < ctx.n; i++) {
        features(fv, ctx, i, prev, prev2);
        model.score(fv, scores);
        const guess = argmax(scores, ENTITY_CLASSES.length, VALID[prev]);
        model.update(fv, gold[i], guess);
        model.tick();
        if (guess !== gold[i]) wrong++;
        total++;
        // Condition on the predicted history, as at run time; the valid-transition mask keeps BIO sound.
        prev2 = prev;
        prev = guess;
      }
    }
    options.log?.(`entities: epoch ${epoch + 1}/${epochs}: ${((100 * wrong) / Math.max(1, total)).toFixed(2)}% tokens wrong`);
  }
  model.average();
  // Tag with the compact (int16) form, so that scores measured here are those of the shipped file.
  return new EntityTagger(model.compact(MODEL_META).model, model);
}

/** Gold sentences of a CoNLL-U file. */
export function readGold(path: string): GoldSentence[] {
  return readConllu(readFileSync(path, 'utf8'), path).map(goldSentence);
}

/** Tags every sentence (gold UPOS unless `upos` is given) and scores against the gold names. */
export function evaluateEntities(tagger: EntityTagger, sentences: GoldSentence[], upos?: string[][]): EntityScore {
  const gold = sentences.map(goldEntityTags);
  const pred = sentences.map((s, k) => tagger.tag(s.forms, upos?.[k] ?? s.upos));
  return scoreEntityTags(gold, pred);
}

const pct = (x: number) => (100 * x).toFixed(1);
export function formatScores(s: EntityScore): string {
  const parts = Object.entries(s.byType).map(([t, v]) => `${t} ${pct(v.f1)} (${v.tp + v.fn})`);
  return `P ${pct(s.precision)} R ${pct(s.recall)} F1 ${pct(s.f1)}; ${parts.join(', ')}`;
}

/**
 * Trains on GUM train (from the shared UD folder, `<udDir>/gum/en_gum-cc-by-*.conllu`), reports span F1
 * on GUM dev and test with gold UPOS, and writes the gzipped model (level 9) to `out` when given.
 */
export async function trainEntitiesFromShared(
  udDir: string,
  log: (s: string) => void = console.log,
  options: { epochs?: number; seed?: number; out?: string | URL } = {},
): Promise<{ tagger: EntityTagger; dev: EntityScore; test: EntityScore; bytes: Buffer }> {
  const { gzipSync } = await import('node:zlib');
  const { writeFileSync } = await import('node:fs');
  const file = (split: string) => `${udDir}/gum/en_gum-cc-by-${split}.conllu`;
  const train = readGold(file('train'));
  const dev = readGold(file('dev'));
  const test = readGold(file('test'));
  const t0 = performance.now();
  const epochs = options.epochs ?? 8;
  const seed = options.seed ?? 1;
  const tagger = trainEntityTagger(train, { epochs, seed, log });
  log(`entities: trained on ${train.length} GUM sentences in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const devScores = evaluateEntities(tagger, dev);
  const testScores = evaluateEntities(tagger, test);
  log(`entities: GUM dev  ${formatScores(devScores)}`);
  log(`entities: GUM test ${formatScores(testScores)}`);
  const bytes = gzipSync(
    tagger.serialize({ source: 'UD English-GUM (CC BY 4.0 parts), train split', epochs, seed, devF1: +devScores.f1.toFixed(4), testF1: +testScores.f1.toFixed(4) }),
    { level: 9 },
  );
  if (options.out) {
    writeFileSync(options.out, bytes);
    log(`entities: wrote ${options.out} (${(bytes.length / 1e6).toFixed(2)} MB)`);
  }
  return { tagger, dev: devScores, test: testScores, bytes };
}
