/** The pure core of the segment stage. */
import type { CleanedArticle, SegmentedArticle } from '../schema/records.ts';
import { paragraphSpans, sentenceSpans } from './sentences.ts';

export function segmentArticle(a: CleanedArticle): SegmentedArticle {
  const paragraphs = paragraphSpans(a.text);
  const sentences = paragraphs.flatMap(([s, e]) => sentenceSpans(a.text, s, e));
  return { ...a, paragraphs, sentences };
}
