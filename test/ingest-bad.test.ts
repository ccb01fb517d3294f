/** Bad input of every kind: each becomes a reject naming file, record and reason, and the rest goes on. */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readRecords } from '../src/formats/readers/index.ts';
import { MAX_ARTICLE_BYTES } from '../src/formats/readers/source.ts';
import { buildPaths } from '../src/dataset/stage.ts';
import { run as ingest } from '../pipeline/1-ingest.ts';
import type { ReaderOutput } from '../src/schema/records.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-bad-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFileRecords(name: string, bytes: Uint8Array | string): Promise<ReaderOutput[]> {
  await writeFile(join(dir, name), bytes);
  const out: ReaderOutput[] = [];
  for await (const o of readRecords(join(dir, name), name)) out.push(o);
  return out;
}

const jsonl = (n: number) => Array.from({ length: n }, (_, i) => JSON.stringify({ title: `Story ${i + 1}`, text: `Body of story number ${i + 1}, long enough to be an article ${'x'.repeat(i % 50)}.` })).join('\n') + '\n';

describe('bad input', () => {
  it('binary file', async () => {
    expect(await readFileRecords('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]))).toEqual([{ kind: 'reject', record: '', reason: 'binary file (NUL bytes in the first 8 KiB)' }]);
  });
  it('undecodable text', async () => {
    expect(await readFileRecords('latin.txt', Buffer.from('Caf\xe9 society', 'latin1'))).toEqual([{ kind: 'reject', record: '', reason: 'not valid UTF-8 (first bad byte at offset 3)' }]);
    const rows = await readFileRecords('mixed.jsonl', Buffer.concat([Buffer.from('{"text":"good"}\n{"text":"bad \xff byte"}\n'.replace('\xff', '@')), Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d, 0x0a])]));
    expect(rows.at(-1)).toEqual({ kind: 'reject', record: '3', reason: 'not valid UTF-8 (first bad byte at offset 6)' });
  });
  it('empty files and empty records', async () => {
    expect(await readFileRecords('empty.txt', '')).toEqual([{ kind: 'reject', record: '', reason: 'empty file' }]);
    expect(await readFileRecords('empty.jsonl', '')).toEqual([{ kind: 'reject', record: '', reason: 'empty file' }]);
    const outs = await readFileRecords('blank-record.jsonl', '{"title":"T","text":"   "}\n');
    expect(outs).toEqual([{ kind: 'reject', record: '1', reason: expect.stringMatching(/^no article text/) }]);
  });
  it('truncated gzip: the records before the cut are kept, the cut is one reject', async () => {
    const gz = gzipSync(Buffer.from(jsonl(3000)));
    const outs = await readFileRecords('cut.jsonl.gz', gz.subarray(0, Math.floor(gz.length * 0.6)));
    const recs = outs.filter((o) => o.kind === 'record');
    expect(recs.length).toBeGreaterThan(100);
    expect(outs.at(-1)).toEqual({ kind: 'reject', record: `after ${recs.at(-1)!.record}`, reason: expect.stringMatching(/truncated gzip \(unexpected end of file\); records after \d+ are lost$/) });
    expect(await readFileRecords('cut.txt.gz', gzipSync(Buffer.from('A story.\n'.repeat(50))).subarray(0, 20))).toEqual([{ kind: 'reject', record: '', reason: 'txt reader stopped: truncated gzip (unexpected end of file)' }]);
  });
  it('malformed JSON lines', async () => {
    const outs = await readFileRecords('bad.jsonl', '{"text":"ok"}\n{"text": "unterminated\n{"text":"ok again"}\n');
    expect(outs.map((o) => [o.kind, o.record])).toEqual([['record', '1'], ['reject', '2'], ['record', '3']]);
  });
  it('a file too large for one article, and an oversized record among good ones, stay out of memory', async () => {
    const big = 'word '.repeat(Math.ceil((MAX_ARTICLE_BYTES + 1024) / 5));
    expect(await readFileRecords('huge.txt', big)).toEqual([{ kind: 'reject', record: '', reason: 'too large for one article (over 16 MiB)' }]);
    const outs = await readFileRecords('huge.jsonl', `{"text":"before"}\n{"text":"${big}"}\n{"text":"after"}\n`);
    expect(outs).toEqual([
      expect.objectContaining({ kind: 'record', record: '1' }),
      { kind: 'reject', record: '2', reason: `line longer than ${MAX_ARTICLE_BYTES} bytes` },
      expect.objectContaining({ kind: 'record', record: '3', text: 'after' }),
    ]);
  });
  it('an unsupported type and an unreadable path', async () => {
    expect((await readFileRecords('notes.xyz', Buffer.from([1, 2, 3, 0])))[0]).toMatchObject({ reason: expect.stringMatching(/^binary file/) });
    const outs: ReaderOutput[] = [];
    for await (const o of readRecords(join(dir, 'missing.txt'), 'missing.txt')) outs.push(o);
    expect(outs).toEqual([{ kind: 'reject', record: '', reason: 'cannot read file (ENOENT)' }]);
  });
});

describe('ingest stage over a mixed folder', () => {
  it('every record ends as an article or a reject, and the counts say so', async () => {
    const raw = join(dir, 'mixed');
    await mkdir(join(raw, 'sub'), { recursive: true });
    const fixtures = new URL('./fixtures/formats/', import.meta.url);
    for (const f of ['article.html', 'news-please.jsonl', 'export.csv', 'reut-sample.sgm']) await writeFile(join(raw, f), await readFile(new URL(f, fixtures)));
    await writeFile(join(raw, 'sub', 'story.txt.gz'), gzipSync(Buffer.from('A headline\n\nThe story itself.')));
    await writeFile(join(raw, 'sub', 'blob.bin'), Buffer.from([0, 1, 2, 3]));
    const twice = '<REUTERS NEWID="5"><TEXT><TITLE>SAME KEY</TITLE><BODY>The same record twice in one file.</BODY></TEXT></REUTERS>\n';
    await writeFile(join(raw, 'sub', 'dup-keys.sgm'), twice + twice);
    const r = await ingest(buildPaths(raw, join(dir, 'mixed-out')), { force: true });
    // html 1 + jsonl 3/3 + csv 3/2 + sgml 2/2 + txt.gz 1 + bin 0/1 + dup-keys 2
    expect(r.record.counts).toMatchObject({ files: 7, records: 20, articles: 12, rejects: 8 });
    const arts = (await readFile(join(dir, 'mixed-out', '.stages', 'ingest', 'articles.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(arts.filter((a) => a.source_file.startsWith('sub/dup-keys.sgm')).map((a) => a.source_file)).toEqual(['sub/dup-keys.sgm#NEWID=5', 'sub/dup-keys.sgm#NEWID=5~2']);
    expect(new Set(arts.map((a) => a.article_id)).size).toBe(arts.length);
    const lines = (await readFile(join(dir, 'mixed-out', '.stages', 'ingest', 'rejects.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => `${l.source_file}#${l.record}`)).toContain('reut-sample.sgm#NEWID=18');
    const ids = lines.map((l) => l.reject_id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('reject budget per file (issue 17 #9)', () => {
  it('lists a file\'s first rejects and sums up the rest in one reject; its articles all stay', async () => {
    const raw = join(dir, 'budget');
    await mkdir(raw, { recursive: true });
    const good = JSON.stringify({ title: 'Kept', text: 'The one real story in the file, after all the empty records.' });
    await writeFile(join(raw, 'empties.jsonl.gz'), gzipSync(Buffer.from('{}\n'.repeat(2000) + good + '\n')));
    await writeFile(join(raw, 'few.jsonl'), '{}\n{}\n');
    const p = buildPaths(raw, join(dir, 'budget-out'), { max_rejects_per_file: 5 });
    const r = await ingest(p, { force: true });
    expect(r.record.counts).toMatchObject({ files: 2, records: 2003, articles: 1, rejects: 8, rejects_not_listed: 1995 });
    const rejects = (await readFile(join(dir, 'budget-out', '.stages', 'ingest', 'rejects.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects.filter((x) => x.source_file === 'empties.jsonl.gz').map((x) => x.record)).toEqual(['1', '2', '3', '4', '5', 'rejects after the first 5']);
    expect(rejects[5].reason).toBe('1995 more rejects in this file, records 6 to 2000, are not listed one by one (limit 5 per file, --max-rejects-per-file); the first of them: no article text (none of maintext/text/content/body/article/article_text; fields: none)');
    expect(rejects.filter((x) => x.source_file === 'few.jsonl')).toHaveLength(2);
    expect(buildPaths(raw, dir).settings.max_rejects_per_file).toBe(100_000);
  });
});
