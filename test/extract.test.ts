import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/events/extract.ts';
import { segmentArticle } from '../src/text/segment.ts';
import type { CleanedArticle } from '../src/schema/records.ts';

const article = (text: string, published = '2021-02-18') =>
  segmentArticle({ article_id: 'art_00000000000000aa', source_file: 'f.txt', record: '', format: 'txt', title: '', published,
    published_source: 'text', publisher: '', url: '', language: 'en', dateline: '', titleInText: false, text,
    boilerplate_removed: 0, duplicate_of: '', skip_reason: '' } as CleanedArticle);

describe('events', () => {
  it('codes a withdrawal with actor and recipient countries', () => {
    const a = article('The US plans to pull out 2,000 troops from Afghanistan by mid-January.');
    const [e] = extractEvents(a);
    expect(e).toMatchObject({ event_type: 'RETREAT', actor_country: 'USA', recipient_country: 'AFG', trigger: 'pull out', planned: true });
    expect(a.text.slice(e.start, e.end)).toBe('pull out');
  });
  it('merges the same event told twice', () => {
    const a = article('Russia attacked Ukraine on Monday. Russia attacked Ukraine again.');
    const ev = extractEvents(a);
    expect(ev).toHaveLength(1);
    expect(ev[0].mentions).toBe(2);
  });
});
