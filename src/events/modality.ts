/**
 * Modality PLOVER leaves open: negated, planned (future, announced, intended), hypothetical.
 * Cues are data (dictionaries/modality.tsv) looked for among the words of the trigger's own clause
 * before the trigger; conditions ("unless", "if") are looked for in the whole sentence.
 */
import { readFileSync } from 'node:fs';
import type { Token } from './tokens.ts';

export type ModalityKind = 'negated' | 'refusal' | 'planned' | 'future' | 'hypothetical' | 'habitual' | 'standing' | 'promise' | 'conditional';
export interface Modality {
  negated: boolean;
  /** The negation is the actor's will ("will not accept", "failed to agree"), not a report that nothing happened. */
  refusal: boolean;
  planned: boolean;
  hypothetical: boolean;
  /** A standing stance ("had historically declined to", "has always supported"): no one occurrence. */
  habitual: boolean;
  /** A stance held up to now ("has so far refused"): no one occurrence of words, while acts done so far are counted. */
  standing: boolean;
  promise: boolean;
  future: boolean;
  conditional: boolean;
}

function load(): Map<ModalityKind, string[][]> {
  const out = new Map<ModalityKind, string[][]>();
  const lines = readFileSync(new URL('./dictionaries/modality.tsv', import.meta.url), 'utf8').split('\n');
  for (const line of lines) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [kind, cues] = line.replace(/\r$/, '').split('\t');
    if (!['negated', 'refusal', 'planned', 'future', 'hypothetical', 'habitual', 'standing', 'promise', 'conditional'].includes(kind)) throw new Error(`modality.tsv: unknown kind "${kind}"`);
    out.set(kind as ModalityKind, cues.split('|').map((c) => c.trim().split(/\s+/)));
  }
  return out;
}
const CUES = load();

/** Words that open a new clause: cues before them belong to another verb ("and" does not: "will train and assist"). */
const CLAUSE_BREAK = new Set(['said', 'says', 'say', 'told', 'that', 'but', 'while', 'after', 'before', 'because', 'when', 'which', 'who', 'although', 'as', 'since']);
/** How far back a cue may stand from the trigger ("will not immediately withdraw"). */
const WINDOW = 6;

const has = (words: string[], cue: string[]) => {
  outer: for (let i = 0; i + cue.length <= words.length; i++) {
    for (let j = 0; j < cue.length; j++) if (words[i + j] !== cue[j]) continue outer;
    return true;
  }
  return false;
};

/** Modality of the trigger starting at token `first` among the sentence's tokens. */
export function modalityOf(toks: Token[], first: number, last: number): Modality {
  let from = Math.max(0, first - WINDOW);
  for (let i = first - 1; i >= from; i--) if (CLAUSE_BREAK.has(toks[i].lower)) { from = i + 1; break; }
  // Case matters for "May" (the month) against "may" (the modal). (Reuters' wire capitalises the word after
  // "U.S.": "the U.S. May be able to lift", "the U.S. Would demand" are the modals.)
  const word = (t: Token, k: number) => (k === 0 || t.text === t.lower || /^(?:\p{Lu}\.){2,}$/u.test(toks[k - 1].text) ? t.lower : `#${t.text}`);
  const before = toks.slice(from, first).map((t, k) => word(t, from + k));
  const all = toks.map(word);
  const any = (kind: ModalityKind, words: string[]) => (CUES.get(kind) ?? []).some((c) => has(words, c));
  const after = all.slice(last + 1);
  const stop = after.findIndex((w) => CLAUSE_BREAK.has(w));
  const clauseAfter = after.slice(0, Math.min(WINDOW, stop < 0 ? after.length : stop));
  return {
    negated: any('negated', before),
    refusal: any('refusal', before),
    planned: any('planned', before),
    hypothetical: any('hypothetical', before),
    // (a habit may follow the act too: "meet every year", "attacked shipping repeatedly")
    habitual: any('habitual', before) || any('habitual', clauseAfter),
    standing: any('standing', before),
    promise: any('promise', before),
    future: any('future', before),
    conditional: any('conditional', after) || any('conditional', before),
  };
}
