import { describe, expect, it } from 'vitest';
import { readTxt } from '../src/formats/readers/txt.ts';
import { toIngestedArticle } from '../src/formats/ingest.ts';
import { publishedFromText, parseLooseDate } from '../src/text/dates.ts';
import type { RawRecord } from '../src/schema/records.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('txt reader', () => {
  it('reads a UTF-8 article', () => {
    const out = [...readTxt(enc('Headline here\n\nBody text.'))];
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ kind: 'record', format: 'txt', text: 'Headline here\n\nBody text.' });
  });
  it('rejects empty, blank, binary and undecodable files with a reason', () => {
    expect([...readTxt(new Uint8Array())][0]).toMatchObject({ kind: 'reject', reason: 'empty file' });
    expect([...readTxt(enc('  \n\n'))][0]).toMatchObject({ kind: 'reject', reason: expect.stringContaining('white space') });
    expect([...readTxt(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]))][0]).toMatchObject({ kind: 'reject', reason: expect.stringContaining('binary') });
    expect([...readTxt(new Uint8Array([0x61, 0x62, 0xff, 0x63]))][0]).toMatchObject({ kind: 'reject', reason: 'not valid UTF-8 (first bad byte at offset 2)' });
  });
});

describe('article IDs', () => {
  const rec: RawRecord = { kind: 'record', record: '', format: 'txt', text: 'Some story.\nMore.', titleInText: true };
  it('derive from the stable key (source file and record key), not content, order or time', () => {
    const a = toIngestedArticle('a/one.txt', rec);
    expect(a.article_id).toMatch(/^art_[0-9a-f]{16}$/);
    expect(toIngestedArticle('a/one.txt', { ...rec }).article_id).toBe(a.article_id);
    expect(toIngestedArticle('a/two.txt', rec).article_id).not.toBe(a.article_id);
    // A corrected text keeps the ID; content_sha256 tells the two apart.
    const corrected = toIngestedArticle('a/one.txt', { ...rec, text: 'Some story.\nMore!' });
    expect(corrected.article_id).toBe(a.article_id);
    expect(corrected.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(corrected.content_sha256).not.toBe(a.content_sha256);
  });
  it('derive from the URL when the record has one, wherever the file lies', () => {
    const withUrl = { ...rec, url: 'https://example.org/news/1' };
    const a = toIngestedArticle('2022/dump.jsonl', { ...withUrl, record: '7' });
    expect(toIngestedArticle('2023/other.jsonl', { ...withUrl, record: '1', text: 'Changed.' }).article_id).toBe(a.article_id);
    // A URL two records carry: the second falls back to its file key, so IDs stay unique.
    const taken = new Set<string>();
    const first = toIngestedArticle('x.jsonl', { ...withUrl, record: '1' }, taken);
    const second = toIngestedArticle('x.jsonl', { ...withUrl, record: '2' }, taken);
    expect(second.article_id).not.toBe(first.article_id);
  });
  it('keeps a record key in source_file', () => {
    expect(toIngestedArticle('dump.jsonl', { ...rec, record: '42' }).source_file).toBe('dump.jsonl#42');
  });
});

describe('publication date from text', () => {
  it('parses the common written forms', () => {
    expect(parseLooseDate('Jul 27, 2021')).toBe('2021-07-27');
    expect(parseLooseDate('Jan 29 2021')).toBe('2021-01-29');
    expect(parseLooseDate('27 July 2021')).toBe('2021-07-27');
    expect(parseLooseDate('Feb 30, 2021')).toBeNull();
  });
  it('prefers a published line, then an updated line, then the newest embedded post', () => {
    expect(publishedFromText('AsiaUpdated: Jul 27, 2021, 04:08 PM IST\nBody')).toBe('2021-07-27');
    expect(publishedFromText('Last Updated : Jan 30 2021\nFirst Published: Jan 29 2021')).toBe('2021-01-29');
    expect(publishedFromText('— A B (@ab) November 12, 2020\n— A B (@ab) November 18, 2020')).toBe('2020-11-18');
    expect(publishedFromText('Nothing dated here.')).toBeNull();
  });
});
