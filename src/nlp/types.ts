/**
 * The analysed sentence: what the linguistic core computes once and every extractor reads. Token
 * indices are 0-based within the sentence; heads are 0-based token indices, -1 for the root.
 */
import type { Span } from '../schema/records.ts';

export type EntityType = 'PERSON' | 'ORGANIZATION' | 'PLACE';
export const ENTITY_TYPES: readonly EntityType[] = ['PERSON', 'ORGANIZATION', 'PLACE'];

/** A token with its offsets into the article text ([start, end), UTF-16 code units). */
export interface NlpToken {
  form: string;
  start: number;
  end: number;
}

/** A named mention: tokens [from, to) of its sentence, and its offsets into the article text. */
export interface EntitySpan {
  type: EntityType;
  from: number;
  to: number;
  start: number;
  end: number;
  text: string;
}

/** What the models predict for one sentence's words. */
export interface WordAnalysis {
  /** Universal part-of-speech tags (UPOS). */
  upos: string[];
  /** Head of each token: a 0-based token index, or -1 for the sentence's root. */
  heads: Int32Array;
  /** Universal Dependencies relation to the head (the universal part: "nsubj", not "nsubj:pass"). */
  deprels: string[];
  /** Entity tag of each token: "O", "B-PERSON", "I-PERSON", ... */
  ner: string[];
}

export interface AnalysedSentence extends WordAnalysis {
  /** The sentence's span in the article text. */
  span: Span;
  tokens: NlpToken[];
  entities: EntitySpan[];
}
