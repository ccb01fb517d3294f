import { describe, expect, it, vi } from 'vitest';
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { readOrigin, sniff } from '../src/formats/readers/index.ts';
import { bytesOrigin } from '../src/formats/readers/source.ts';
import { extractHtml, flattenDeepMarkup, htmlRecord, MAX_MARKUP_DEPTH, MAX_READABILITY_DEPTH, nestingDepth } from '../src/formats/readers/html.ts';
import { splitJsonValues } from '../src/formats/readers/json.ts';
import { parseCsv } from '../src/formats/readers/csv.ts';
import { decodeEntities, wireParagraphs } from '../src/formats/readers/sgml.ts';
import { metadataDate } from '../src/text/dates.ts';
import type { ReaderOutput } from '../src/schema/records.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/formats/${name}`, import.meta.url));
const enc = (s: string) => Buffer.from(s, 'utf8');

async function read(bytes: Uint8Array, path: string): Promise<ReaderOutput[]> {
  const out: ReaderOutput[] = [];
  for await (const o of readOrigin(bytesOrigin(bytes, path))) out.push(o);
  return out;
}
const records = (outs: ReaderOutput[]) => outs.filter((o) => o.kind === 'record');
const rejects = (outs: ReaderOutput[]) => outs.filter((o) => o.kind === 'reject');

async function* chunked(s: string, size: number) {
  for (let i = 0; i < s.length; i += size) yield Buffer.from(s.slice(i, i + size));
}

describe('txt', () => {
  it('reads plain and gzipped text, title left in the text', async () => {
    const text = 'Headline here\n\nBody text of the story.';
    for (const [bytes, path] of [[enc(text), 'a.txt'], [gzipSync(enc(text)), 'a.txt.gz'], [gzipSync(enc(text)), 'a.txt']] as const) {
      const [r] = await read(bytes, path);
      expect(r).toMatchObject({ kind: 'record', format: 'txt', text, titleInText: true });
    }
  });
});

const htmlOut = records(await read(fixture('article.html'), 'site/article.html'));

describe('html', () => {
  const [rec] = htmlOut;
  it('extracts the body as paragraphs without navigation, captions, asides or footer', () => {
    expect(rec).toMatchObject({ kind: 'record', format: 'html' });
    if (rec.kind !== 'record') return;
    const paragraphs = rec.text.split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Northport: The harbour bridge reopened/);
    expect(paragraphs[1]).toMatch(/^"We are proud/); // quotation marks as written
    expect(rec.text).not.toMatch(/Most read|Copyright|Photo: Gazette|Home|By Ana Lind/);
  });
  it('takes title and metadata from the tags, not the text', () => {
    expect(rec).toMatchObject({
      title: 'Harbour bridge reopens after repairs', published: '2023-05-14', publisher: 'The Example Gazette',
      url: 'https://gazette.example/news/harbour-bridge', language: 'en-GB', author: 'Ana Lind',
    });
    if (rec.kind === 'record') expect(rec.text).not.toContain('Harbour bridge reopens after repairs');
  });
  it('falls back to JSON-LD and page paragraphs when the page has little markup', () => {
    const a = extractHtml('<html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H","datePublished":"2020-02-03","articleBody":"One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two twenty-three twenty-four twenty-five twenty-six twenty-seven twenty-eight twenty-nine thirty thirty-one."}</script></head><body><div>short</div></body></html>');
    expect(a.title).toBe('H');
    expect(a.published).toBe('2020-02-03');
    expect(a.text).toMatch(/^One two three/);
  });
  it('drops short all-link blocks (navigation) but keeps prose with links', async () => {
    const { blockText } = await import('../src/formats/readers/html.ts');
    const { parseHTML } = await import('linkedom');
    const { document } = parseHTML('<div><ul><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ul><p><a href="#c">Skip to content</a></p><p>The mayor <a href="/m">said</a> the plan would go ahead next spring.</p></div>');
    expect(blockText(document.querySelector('div'))).toBe('The mayor said the plan would go ahead next spring.');
  });
  it('does not repeat the headline in the text', () => {
    const body = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story tells what happened at the harbour and why the bridge was closed for so long.</p>`).join('');
    const a = extractHtml(`<html><head><meta property="og:title" content="Bridge reopens at last"></head><body><article><p><strong>Bridge reopens at last!</strong></p>${body}</article></body></html>`);
    expect(a.title).toBe('Bridge reopens at last');
    expect(a.text.startsWith('Paragraph 1 of the story')).toBe(true);
  });
  it('decodes a legacy charset declared in the page', async () => {
    const html = Buffer.concat([enc('<html><head><meta charset="windows-1252"><title>T</title></head><body><p>'), Buffer.from([0x93]), enc('Caf'), Buffer.from([0xe9, 0x94]), enc(' is open all day and all night long for all the people who come to the town square to meet and talk.</p></body></html>')]);
    const [r] = await read(html, 'x.htm');
    expect(r.kind === 'record' && r.text).toMatch(/^“Café” is open/);
  });
});

describe('json and jsonl', () => {
  it('reads news-please records and the common alternatives, one reject per bad line', async () => {
    const outs = await read(fixture('news-please.jsonl'), 'dump.jsonl');
    const recs = records(outs);
    expect(recs.map((r) => r.record)).toEqual(['1', '2', '7']);
    expect(recs[0]).toMatchObject({ format: 'jsonl', title: 'Wind farm approved off the coast', published: '2022-03-08', url: 'https://news.example/wind', publisher: 'news.example', author: 'Kim Ode; Lee Park', language: 'en' });
    expect(recs[1]).toMatchObject({ title: 'Rail strike called off', published: '2022-03-15', url: 'https://news.example/rail' });
    expect(recs[2]).toMatchObject({ text: 'Shares rose on Monday.\n\nBond yields fell.', published: '2022-04-15' });
    const rej = rejects(outs);
    expect(rej.map((r) => r.record)).toEqual(['3', '4', '6']);
    expect(rej[0].kind === 'reject' && rej[0].reason).toMatch(/^malformed JSON/);
    expect(rej[1].kind === 'reject' && rej[1].reason).toMatch(/^no article text/);
    expect(rej[2].kind === 'reject' && rej[2].reason).toBe('not an object (array)');
  });
  it('reads a .json array or a single object, split across any chunk size', async () => {
    const arr = JSON.stringify([{ title: 'A', text: 'First {braces} and "quotes" \\ inside.' }, { title: 'B', body: 'Second.' }]);
    for (const size of [1, 3, 7, 1000]) {
      const values: string[] = [];
      for await (const v of splitJsonValues(chunked(arr, size))) values.push(v.bytes!.toString());
      expect(values.map((v) => JSON.parse(v).title)).toEqual(['A', 'B']);
    }
    const recs = records(await read(enc(arr), 'export.json'));
    expect(recs.map((r) => [r.record, r.kind === 'record' && r.text])).toEqual([['1', 'First {braces} and "quotes" \\ inside.'], ['2', 'Second.']]);
    expect(records(await read(enc('{"title":"Solo","text":"Only one."}'), 'one.json'))).toHaveLength(1);
  });
  it('reads the articles inside a wrapper object', async () => {
    const outs = await read(enc(JSON.stringify({ status: 'ok', data: { articles: [{ title: 'A', content: 'First.' }, { title: 'B' }] } })), 'api.json');
    expect(outs.map((o) => [o.kind, o.record])).toEqual([['record', 'data.articles[1]'], ['reject', 'data.articles[2]']]);
  });
  it('rejects a truncated .json array, keeping the records before it', async () => {
    const outs = await read(enc('[{"text":"Complete."},{"text":"Cut off'), 'cut.json');
    expect(records(outs)).toHaveLength(1);
    expect(rejects(outs)[0]).toMatchObject({ record: '2', reason: expect.stringMatching(/unexpected end of input/) });
  });
});

describe('csv', () => {
  it('reads quoted fields with newlines and doubled quotes; bad rows are rejects naming the line', async () => {
    const outs = await read(fixture('export.csv'), 'export.csv');
    const recs = records(outs);
    expect(recs.map((r) => r.record)).toEqual(['2', '5', '8']);
    expect(recs[0]).toMatchObject({ format: 'csv', title: 'Floods close roads', published: '2021-11-02', text: 'Heavy rain flooded the valley road.\n\nPolice said it would reopen "soon", perhaps on Friday.' });
    expect(recs[2]).toMatchObject({ text: 'The last row, with a comma.' });
    expect(rejects(outs)).toEqual([
      { kind: 'reject', record: '6', reason: "expected 4 fields (the header's), found 5" },
      { kind: 'reject', record: '7', reason: 'broken CSV quoting: stray quotation mark in field 1' },
    ]);
  });
  it('names a quote never closed, keeps the rows before it and reads the lines after it again', async () => {
    const outs = await read(fixture('broken-quote.csv'), 'broken-quote.csv');
    expect(outs.map((o) => [o.kind, o.record])).toEqual([['record', '2'], ['reject', '3'], ['reject', '4'], ['record', '5']]);
    expect(outs[1]).toMatchObject({ reason: expect.stringMatching(/^broken CSV quoting: quoted field opened on line 3 is never closed; the lines after it were read again as rows$/) });
    expect(outs[2]).toMatchObject({ reason: "expected 3 fields (the header's), found 1" });
    expect(outs[3]).toMatchObject({ title: 'Recovered row', text: 'Read again after the broken one.' });
  });
  it('parses the same rows whatever the chunk size', async () => {
    const csv = 'a,b\n"x ""y""",2\n"multi\nline",3\n';
    for (const size of [1, 2, 5, 100]) {
      const rows = [];
      for await (const r of parseCsv((async function* () { for (let i = 0; i < csv.length; i += size) yield csv.slice(i, i + size); })(), ',')) rows.push(r.fields);
      expect(rows).toEqual([['a', 'b'], ['x "y"', '2'], ['multi\nline', '3']]);
    }
  });
  it('rejects a file without a text column', async () => {
    expect(await read(enc('name,age\nA,3\n'), 'people.csv')).toEqual([{ kind: 'reject', record: '', reason: expect.stringMatching(/^no text column in the header/) }]);
  });
});

describe('sgml (Reuters-21578 layout)', () => {
  it('reads records with title, date, dateline and body; latin-1; entities; body-less and unclosed records rejected', async () => {
    const outs = await read(fixture('reut-sample.sgm'), 'reut-sample.sgm');
    expect(outs.map((o) => [o.kind, o.record])).toEqual([['record', 'NEWID=17'], ['reject', 'NEWID=18'], ['record', 'NEWID=19'], ['reject', 'NEWID=20']]);
    expect(outs[0]).toMatchObject({
      format: 'sgml', title: 'FARMERS EXPECT RECORD WHEAT CROP', published: '1987-03-03', dateline: 'KANSAS CITY',
      text: 'Farmers in the region expect a record wheat crop this year after heavy autumn rains, the state agriculture board said.\n\nThe board said yields could rise by a tenth <compared> with last year if the spring stays mild.',
    });
    expect(outs[1]).toMatchObject({ reason: 'no article body: headline only (TEXT TYPE="BRIEF")' });
    expect(outs[2]).toMatchObject({ title: 'CAFÉ OWNERS MEET', text: 'Café owners met ministers on Wednesday to discuss opening hours.' });
    expect(outs[3]).toMatchObject({ reason: expect.stringMatching(/^unclosed <REUTERS> record/) });
  });
  it('decodes entities and drops control characters; indented lines start paragraphs', () => {
    expect(decodeEntities('&#2;a &lt;b&gt; &amp; c&#3;')).toBe('a <b> & c');
    expect(wireParagraphs('One\ntwo.\n    Three\nfour.')).toBe('One two.\n\nThree four.');
  });
});

describe('warc', () => {
  const record = (type: string, id: string, uri: string, block: Buffer) =>
    Buffer.concat([enc(`WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Record-ID: <urn:uuid:${id}>\r\nWARC-Target-URI: ${uri}\r\nContent-Length: ${block.length}\r\n\r\n`), block, enc('\r\n\r\n')]);
  const http = (status: string, type: string, body: Buffer, extra = '') => Buffer.concat([enc(`HTTP/1.1 ${status}\r\nContent-Type: ${type}\r\n${extra}\r\n`), body]);
  const page = fixture('article.html');
  const warc = Buffer.concat([
    record('warcinfo', 'info-1', '', enc('software: test\r\n')),
    record('request', 'req-1', 'https://gazette.example/news/harbour-bridge', enc('GET / HTTP/1.1\r\n\r\n')),
    record('response', 'page-1', 'https://gazette.example/news/harbour-bridge', http('200 OK', 'text/html; charset=utf-8', page)),
    record('response', 'page-2', 'https://gazette.example/gz', http('200 OK', 'text/html', gzipSync(page), 'Content-Encoding: gzip\r\n')),
    record('response', 'img-1', 'https://gazette.example/logo.png', http('200 OK', 'image/png', Buffer.from([0x89, 0x50]))),
    record('response', 'gone-1', 'https://gazette.example/old', http('404 Not Found', 'text/html', enc('<p>gone</p>'))),
  ]);
  it('turns HTML responses into articles keyed by record ID; other responses are rejects saying why', async () => {
    for (const [bytes, path] of [[warc, 'crawl.warc'], [gzipSync(warc), 'crawl.warc.gz']] as const) {
      const outs = await read(bytes, path);
      expect(outs.map((o) => [o.kind, o.record])).toEqual([
        ['record', 'urn:uuid:page-1'], ['record', 'urn:uuid:page-2'], ['reject', 'urn:uuid:img-1'], ['reject', 'urn:uuid:gone-1'],
      ]);
      expect(outs[0]).toMatchObject({ format: 'warc', title: 'Harbour bridge reopens after repairs', url: 'https://gazette.example/news/harbour-bridge' });
      expect(outs[2]).toMatchObject({ reason: 'not an HTML page (image/png, https://gazette.example/logo.png)' });
      expect(outs[3]).toMatchObject({ reason: 'HTTP 404 response, not a page (https://gazette.example/old)' });
    }
  });
  it('reads resource records by their WARC Content-Type', async () => {
    const res = (id: string, type: string, block: Buffer) => Buffer.concat([enc(`WARC/1.1\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:${id}>\r\nContent-Type: ${type}\r\nContent-Length: ${block.length}\r\n\r\n`), block, enc('\r\n\r\n')]);
    const outs = await read(Buffer.concat([res('r1', 'text/html', page), res('r2', 'application/pdf', enc('%PDF-1.4'))]), 'res.warc');
    expect(outs.map((o) => [o.kind, o.record])).toEqual([['record', 'urn:uuid:r1'], ['reject', 'urn:uuid:r2']]);
  });
  it('reads a .warc.gz made of one gzip member per record', async () => {
    const members = Buffer.concat([warc.subarray(0, 200), warc.subarray(200)].map((b) => gzipSync(b)));
    expect((await read(members, 'multi.warc.gz')).map((o) => o.record)).toEqual(['urn:uuid:page-1', 'urn:uuid:page-2', 'urn:uuid:img-1', 'urn:uuid:gone-1']);
  });
  it('rejects a record cut short by the end of the file', async () => {
    const outs = await read(warc.subarray(0, warc.length - 20), 'cut.warc');
    expect(outs.at(-1)).toMatchObject({ kind: 'reject', record: 'urn:uuid:gone-1', reason: expect.stringMatching(/^record cut short/) });
    const inHeader = await read(warc.subarray(0, warc.length - 120), 'cut.warc');
    expect(inHeader.at(-1)).toMatchObject({ kind: 'reject', record: 'record 6', reason: expect.stringMatching(/^record header cut short/) });
  });
});

describe('dispatch by content', () => {
  it('recognises formats whatever the file is called', async () => {
    expect(sniff(enc('WARC/1.0\r\n'))?.name).toBe('warc');
    expect(sniff(enc('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n<REUTERS'))?.name).toBe('sgml');
    expect(sniff(enc('<!doctype html><html>'))?.name).toBe('html');
    expect(sniff(enc('{"a":1}\n{"a":2}\n'))?.name).toBe('jsonl');
    expect(sniff(enc('[{"a":1}]'))?.name).toBe('json');
    expect(sniff(enc('Just a story.'))?.name).toBe('txt');
    const [r] = await read(gzipSync(fixture('article.html')), 'download-1234');
    expect(r).toMatchObject({ kind: 'record', format: 'html' });
  });
  it('rejects XML feeds and corrupt gzip with what they are', async () => {
    expect((await read(enc('<?xml version="1.0"?><rss><channel></channel></rss>'), 'feed.xml'))[0]).toMatchObject({ kind: 'reject', reason: expect.stringMatching(/^unsupported file type \.xml \(XML or a feed\)/) });
    expect(await read(Buffer.concat([Buffer.from([0x1f, 0x8b, 8, 0]), enc('garbage garbage garbage')]), 'bad.txt.gz')).toEqual([{ kind: 'reject', record: '', reason: expect.stringMatching(/^txt reader stopped: corrupt gzip/) }]);
  });
  it('rejects an unknown binary type', async () => {
    expect(await read(Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 3]), 'paper.pdf')).toEqual([{ kind: 'reject', record: '', reason: expect.stringMatching(/^binary file/) }]);
  });
});

describe('metadata dates', () => {
  it('reads the forms dumps use', () => {
    expect(metadataDate('2021-07-27T23:30:00-05:00')).toBe('2021-07-27');
    expect(metadataDate('Tue, 27 Jul 2021 10:00:00 GMT')).toBe('2021-07-27');
    expect(metadataDate(' 26-FEB-1987 15:01:01.79')).toBe('1987-02-26');
    expect(metadataDate(1627380000)).toBe('2021-07-27');
    expect(metadataDate('1627380000000')).toBe('2021-07-27');
    expect(metadataDate('July 27, 2021')).toBe('2021-07-27');
    expect(metadataDate('soon')).toBeNull();
  });
});

describe('deeply nested HTML (issue 17: ingest was about quadratic in the depth)', () => {
  const nested = (n: number, inner = '<p>The minister said the talks would go on until the end of the month.</p>') =>
    `<html><head><title>A deep page</title></head><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

  it('keeps a page within the limits as it is', () => {
    const html = nested(20);
    expect(flattenDeepMarkup(html)).toBe(html);
  });

  it('flattens markup nested past the limit, keeping its text, with no recursion', () => {
    const flat = flattenDeepMarkup(nested(50_000));
    expect(nestingDepth(parseHTML(flat).document)).toBeLessThanOrEqual(MAX_MARKUP_DEPTH + 3);
    expect(flat).toContain('The minister said the talks would go on');
    expect(flattenDeepMarkup('<div><div><script>if (a<b) x="</div>"</script><div>x<br>y</div></div></div>', 2)).toBe('<div><div>x<br>y</div></div>');
  });

  it('reads a page nested deeper than Readability can bear without it, text and title intact', () => {
    const parse = vi.spyOn(Readability.prototype, 'parse');
    try {
      const r = htmlRecord(Buffer.from(nested(600)), '', 'html');
      expect(r).toMatchObject({ kind: 'record', title: 'A deep page', text: 'The minister said the talks would go on until the end of the month.' });
      expect(parse).not.toHaveBeenCalled();
      expect(MAX_READABILITY_DEPTH).toBeLessThan(600);
    } finally {
      parse.mockRestore();
    }
  });
});
