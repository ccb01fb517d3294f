/**
 * The minor hostile inputs of issue 17 (#10): a FIFO in RAW, UTF-16 text with a byte-order mark, bidi
 * controls, lone surrogates, deeply nested JSON and a CSV without its header row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { readRecords } from '../src/formats/readers/index.ts';
import { buildPaths, stageDir } from '../src/dataset/stage.ts';
import { run as ingest } from '../pipeline/1-ingest.ts';
import { build } from '../pipeline/index.ts';
import { cleanArticle } from '../src/text/clean.ts';
import type { IngestedArticle, ReaderOutput } from '../src/schema/records.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-minor-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function read(name: string, bytes: Uint8Array | string): Promise<ReaderOutput[]> {
  await writeFile(join(dir, name), bytes);
  const out: ReaderOutput[] = [];
  for await (const o of readRecords(join(dir, name), name)) out.push(o);
  return out;
}

const utf16 = (text: string, order: 'le' | 'be') => {
  const le = Buffer.from('\ufeff' + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
};

describe('minor hostile inputs', () => {
  it('a FIFO in RAW is a reject, never opened', async () => {
    const raw = join(dir, 'fifo-raw');
    await mkdir(raw);
    await writeFile(join(raw, 'story.txt'), 'Headline\n\nThe minister said the talks would go on.\n');
    execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
    const p = buildPaths(raw, join(dir, 'fifo-out'));
    const r = await ingest(p, { force: true });
    expect(r.record.counts).toMatchObject({ files: 2, articles: 1, rejects: 1 });
    const rejects = (await readFile(join(stageDir(p, 'ingest'), 'rejects.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects).toEqual([expect.objectContaining({ source_file: 'pipe.txt', record: null, reason: 'not a regular file (a FIFO (named pipe)); not read' })]);
  });

  it('UTF-16 text with a byte-order mark is decoded, with or without an extension', async () => {
    const text = 'Café talks\n\nThe minister said the talks would go on — “for now”.';
    for (const order of ['le', 'be'] as const) {
      expect(await read(`utf16${order}.txt`, utf16(text, order))).toEqual([expect.objectContaining({ kind: 'record', text })]);
      expect(await read(`utf16${order}-noext`, utf16(text, order))).toEqual([expect.objectContaining({ kind: 'record', text })]);
    }
    // A lone surrogate in UTF-16 is not text.
    expect(await read('bad16.txt', Buffer.concat([utf16('ab', 'le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]))).toEqual([{ kind: 'reject', record: '', reason: 'not valid UTF-16LE (it starts with that byte-order mark)' }]);
  });

  it('bidi controls leave titles and text', () => {
    const a = cleanArticle({
      article_id: 'art_1', source_file: 'f.txt', record: '', format: 'txt', title: 'Bank \u202egnissim\u202c funds', published: '', published_source: '',
      publisher: '', author: '', url: '', language: '', dateline: '', titleInText: false,
      raw: 'The \u2066minister\u2069 said \u200fthe\u200e talks \u202ewould\u202c go on.',
    } as IngestedArticle);
    expect(a.title).toBe('Bank gnissim funds');
    expect(a.text).toBe('The minister said the talks would go on.');
  });

  it('deeply nested JSON is a clear reject, in JSON Lines and in JSON', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const reason = 'JSON nested more than 512 levels deep; not read';
    const lines = await read('deep.jsonl', `{"text":"A story the minister told."}\n${deep}\n{"text":${'['.repeat(600)}"x"${']'.repeat(600)}}\n`);
    expect(lines).toEqual([expect.objectContaining({ kind: 'record', record: '1' }), { kind: 'reject', record: '2', reason }, { kind: 'reject', record: '3', reason }]);
    expect(await read('deep.json', deep)).toEqual([{ kind: 'reject', record: '1', reason }]);
  });

  it('a CSV without a header row gets a short reason', async () => {
    const body = 'The minister said the talks would go on. '.repeat(200);
    const outs = await read('noheader.csv', `"Talks go on","${body}",2021-01-05\n"Second","${body}",2021-01-06\n`);
    expect(outs).toHaveLength(1);
    expect(outs[0]).toMatchObject({ kind: 'reject', record: '' });
    const reason = (outs[0] as { reason: string }).reason;
    expect(reason.length).toBeLessThan(400);
    expect(reason).toBe('no text column in the header (want text, content, body or maintext; found: Talks go on, The minister said the talks would go on...., 2021-01-05); is the header row missing?');
  });

  it('a lone surrogate is written the same in JSONL and CSV', async () => {
    const raw = join(dir, 'surrogate-raw');
    await mkdir(raw);
    await writeFile(join(raw, 'lone.jsonl'), '{"title":"Lone \\ud800 title","author":"A \\udc00 writer","text":"The minister said the \\ud800 talks would go on."}\n');
    const v = await build(buildPaths(raw, join(dir, 'surrogate-out')));
    const jsonl = JSON.parse((await readFile(join(v.dir, 'articles.jsonl'), 'utf8')).trim());
    const csv = Papa.parse<Record<string, string>>(await readFile(join(v.dir, 'articles.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data[0];
    for (const k of ['title', 'author', 'text']) expect({ k, csv: csv[k] }).toEqual({ k, csv: jsonl[k] });
    expect(jsonl.title).toBe('Lone \ufffd title');
    expect(jsonl.author).toBe('A \ufffd writer');
  });
});
