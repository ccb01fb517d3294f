import { describe, expect, it, vi } from 'vitest';
import { paragraphSpans, SEGMENT_CHUNK, sentenceSpans } from '../src/text/sentences.ts';
import { segmentArticle } from '../src/text/segment.ts';

const slices = (t: string) => sentenceSpans(t).map(([a, b]) => t.slice(a, b));

describe('sentences', () => {
  it('does not break after titles, initials, months or U.S. before a name', () => {
    expect(slices('Mr. Smith met Gen. Milley on Jan. 5. Then J. R. Smith left.')).toEqual(['Mr. Smith met Gen. Milley on Jan. 5.', 'Then J. R. Smith left.']);
    expect(slices('The U.S. Army said no. They left.')).toEqual(['The U.S. Army said no.', 'They left.']);
  });
  it('breaks after U.S. when a new sentence starts', () => {
    expect(slices('He flew to the U.S. The talks began.')).toEqual(['He flew to the U.S.', 'The talks began.']);
    // (but not before "And": some newswire capitalises every word after "U.S.")
    expect(slices('Ministers of Canada, the U.S. And Mexico met. They agreed.')).toEqual(['Ministers of Canada, the U.S. And Mexico met.', 'They agreed.']);
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

describe('sentences in a long paragraph (issue 17: splitting was quadratic)', () => {
  /** Lengths of the strings handed to Intl.Segmenter while `f` runs. */
  function segmenterInputs(f: () => void): number[] {
    const seen: number[] = [];
    const original = Intl.Segmenter.prototype.segment;
    const spy = vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, s: string) {
      seen.push(s.length);
      return original.call(this, s);
    });
    try {
      f();
    } finally {
      spy.mockRestore();
    }
    return seen;
  }

  it('hands the segmenter pieces of bounded size, and finds every sentence', () => {
    const text = 'He said. '.repeat(5000).trim();
    let spans: Array<[number, number]> = [];
    const inputs = segmenterInputs(() => (spans = sentenceSpans(text)));
    expect(Math.max(...inputs)).toBeLessThanOrEqual(SEGMENT_CHUNK);
    expect(spans).toHaveLength(5000);
    expect(spans.every(([a, b]) => text.slice(a, b) === 'He said.')).toBe(true);
  });

  it('keeps abbreviations and sentences whole across the pieces', () => {
    const text = 'Mr. Smith met Gen. J. R. Jones in the U.S. on Monday. '.repeat(400).trim();
    const got = slices(text);
    expect(got).toHaveLength(400);
    expect(new Set(got)).toEqual(new Set(['Mr. Smith met Gen. J. R. Jones in the U.S. on Monday.']));
    // No sentence mark at all: one sentence however long, cut nowhere.
    const run = 'word '.repeat(3000).trim();
    expect(sentenceSpans(run)).toEqual([[0, run.length]]);
    const solid = 'x'.repeat(3 * SEGMENT_CHUNK + 7);
    expect(sentenceSpans(solid)).toEqual([[0, solid.length]]);
  });
});
