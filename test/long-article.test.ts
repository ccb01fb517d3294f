/** One file must never stall a build (issue 17 #2): a text too long for the extractors is published unextracted, saying why. */
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_EXTRACT_CHARS } from '../pipeline/extract-article.ts';
import { segmented } from './support/articles.ts';

describe('an article too long to extract from', () => {
  it('keeps its text and sentences, extracts nothing and says why', () => {
    const text = '"We will not leave," the minister said. '.repeat(Math.ceil(MAX_EXTRACT_CHARS / 40) + 10).trim();
    const out = extractArticle(segmented(text));
    expect(out.statements).toEqual([]);
    expect(out.events).toEqual([]);
    expect(out.article).toMatchObject({ extracted: false, chars: text.length, skip_reason: `too long to extract from (${text.length} characters, over ${MAX_EXTRACT_CHARS}); statements and events are not extracted` });
    expect(out.article.sentences).toBeGreaterThan(12_000);
    // A short one is extracted as any other.
    const short = '"We will not leave," the minister said. '.repeat(3).trim();
    expect(extractArticle(segmented(short)).statements.length).toBeGreaterThan(0);
  });
});
