import { describe, expect, it } from 'vitest';
import { extractStatements } from '../src/statements/extract.ts';
import { segmentArticle } from '../src/text/segment.ts';
import type { CleanedArticle } from '../src/schema/records.ts';

const article = (text: string, published = '2021-02-18') =>
  segmentArticle({ article_id: 'art_00000000000000aa', source_file: 'f.txt', record: '', format: 'txt', title: '', published,
    published_source: 'text', publisher: '', url: '', language: 'en', dateline: '', titleInText: false, text,
    boilerplate_removed: 0, duplicate_of: '', skip_reason: '' } as CleanedArticle);

describe('statements', () => {
  it('finds a direct quote with a cue after it and resolves the surname', () => {
    const a = article('NATO chief Jens Stoltenberg spoke on Monday.\n\n"We have made no final decision on our presence," Stoltenberg said at a news conference.');
    const [s] = extractStatements(a);
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Jens Stoltenberg', speaker_mention: 'Stoltenberg', cue: 'said' });
    expect(a.text.slice(s.start, s.end)).toBe(s.quote);
    expect(a.text.slice(s.cue_start!, s.cue_end!)).toBe('said');
  });
  it('finds indirect speech', () => {
    const a = article('Pakistan said it had returned Afghan soldiers who had sought refuge in the country.');
    const [s] = extractStatements(a);
    expect(s).toMatchObject({ kind: 'indirect', speaker: 'Pakistan', quote: 'it had returned Afghan soldiers who had sought refuge in the country' });
  });
  it('ignores scare quotes', () => {
    expect(extractStatements(article('The so-called "peace dividend" never came.'))).toEqual([]);
  });
});
