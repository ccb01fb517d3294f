import { describe, expect, it } from 'vitest';
import { paragraphSpans, sentenceSpans } from '../src/text/sentences.ts';
import { segmentArticle } from '../src/text/segment.ts';

const slices = (t: string) => sentenceSpans(t).map(([a, b]) => t.slice(a, b));

describe('sentences', () => {
  it('does not break after titles, initials, months or U.S. before a name', () => {
    expect(slices('Mr. Smith met Gen. Milley on Jan. 5. Then J. R. Smith left.')).toEqual(['Mr. Smith met Gen. Milley on Jan. 5.', 'Then J. R. Smith left.']);
    expect(slices('The U.S. Army said no. They left.')).toEqual(['The U.S. Army said no.', 'They left.']);
  });
  it('breaks after U.S. when a new sentence starts', () => {
    expect(slices('He flew to the U.S. The talks began.')).toEqual(['He flew to the U.S.', 'The talks began.']);
  });
  it('gives offsets into the whole text', () => {
    const text = 'First para. Two.\n\nSecond para here.';
    const paras = paragraphSpans(text);
    expect(paras).toEqual([[0, 16], [18, 35]]);
    expect(sentenceSpans(text, 18, 35)).toEqual([[18, 35]]);
    const seg = segmentArticle({ text } as never);
    expect(seg.sentences.map(([a, b]) => text.slice(a, b))).toEqual(['First para.', 'Two.', 'Second para here.']);
  });
});
