/** Test fixtures shared by the extractor suites: a segmented article from a few sentences of our own. */
import { expect } from 'vitest';
import { segmentArticle } from '../../src/text/segment.ts';
import { extractStatements, type StatementRow } from '../../src/statements/extract.ts';
import type { CleanedArticle, SegmentedArticle } from '../../src/schema/records.ts';

export function segmented(text: string, published = '2021-02-18', dateline = ''): SegmentedArticle {
  return segmentArticle({
    article_id: 'art_00000000000000aa', source_file: 'f.txt', record: '', format: 'txt', title: '', published,
    published_source: 'text', publisher: '', url: '', language: 'en', dateline, titleInText: false, text,
    boilerplate_removed: 0, duplicate_of: '', skip_reason: '',
  } as CleanedArticle);
}

/** Statements of a text, with every row's quote and cue offsets checked against the text. */
export function statementsOf(text: string, published?: string): StatementRow[] {
  const a = segmented(text, published);
  const rows = extractStatements(a);
  for (const r of rows) {
    expect(a.text.slice(r.start, r.end)).toBe(r.quote);
    if (r.cue_start !== null) expect(a.text.slice(r.cue_start, r.cue_end!)).toBe(r.cue);
  }
  return rows;
}
