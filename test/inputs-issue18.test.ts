/**
 * Issue 18 #5: inputs as users have them. Title fields by other names (the Guardian's `heading`), a date
 * line under a .txt file's title, title lines kept out of the statements, newsletter and live-blog residue.
 */
import { describe, expect, it } from 'vitest';
import { readRecords } from '../src/formats/readers/index.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toIngestedArticle } from '../src/formats/ingest.ts';
import { cleanArticle } from '../src/text/clean.ts';
import { segmentArticle } from '../src/text/segment.ts';
import { extractStatements } from '../src/statements/extract.ts';
import { dateLineNearTop } from '../src/text/dates.ts';
import type { RawRecord } from '../src/schema/records.ts';

async function recordsOf(name: string, content: string): Promise<RawRecord[]> {
  const dir = await mkdtemp(join(tmpdir(), 'newsledger-in18-'));
  try {
    await writeFile(join(dir, name), content);
    const out: RawRecord[] = [];
    for await (const r of readRecords(join(dir, name), name)) if (r.kind === 'record') out.push(r);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const txtArticle = (raw: string) => segmentArticle(cleanArticle(toIngestedArticle('story.txt', { kind: 'record', record: '', format: 'txt', text: raw, titleInText: true })));

describe('title fields', () => {
  it('reads the Guardian CSV heading column and the usual variants as the title', async () => {
    const csv = 'id,heading,body,date\r\n1,Nato leaders meet in Madrid,"The alliance met on Tuesday, officials said.",2022-06-28\r\n';
    expect((await recordsOf('guardian.csv', csv))[0]).toMatchObject({ title: 'Nato leaders meet in Madrid', published: '2022-06-28' });
    for (const field of ['Headline', 'webTitle', 'article_title']) {
      const [r] = await recordsOf('x.jsonl', JSON.stringify({ [field]: 'A title', text: 'The minister said so.' }) + '\n');
      expect(r.title).toBe('A title');
    }
  });
});

describe('a date line near the top of a .txt file', () => {
  it('is the publication date, and leaves the text', () => {
    for (const line of ['2022-05-04', '4 May 2022', 'Wednesday, May 4, 2022 10.31 BST']) {
      const a = txtArticle(`Nato leaders meet in Madrid\n\n${line}\n\nThe alliance met on Tuesday, officials said.\n`);
      expect(a).toMatchObject({ published: '2022-05-04', published_source: 'text', title: 'Nato leaders meet in Madrid' });
      expect(a.text).toBe('Nato leaders meet in Madrid\n\nThe alliance met on Tuesday, officials said.');
    }
    expect(dateLineNearTop('Title\n\nThe talks of 4 May 2022 failed.')).toBeNull(); // a date inside a sentence is no date line
  });
});

describe('title lines', () => {
  it('give no statement, in capitals or as the title of a .txt file', () => {
    const a = txtArticle('BAGHDAD SAYS OFFENSIVE OVER\n\nIraq said on Monday its forces had ended a major offensive in the Gulf war.\n');
    const rows = extractStatements(a);
    expect(rows.map((r) => r.quote)).not.toContain('OFFENSIVE OVER');
    expect(rows.some((r) => r.quote.includes('ended a major offensive'))).toBe(true);
    const b = txtArticle('Minister says talks will go on\n\nThe minister said on Monday that the talks would go on.\n');
    expect(extractStatements(b).every((r) => r.start >= b.paragraphs[1][0])).toBe(true);
  });
});

describe('newsletter and live-blog residue', () => {
  it('is removed by boilerplate rules', () => {
    const a = txtArticle(
      'Zelensky speaks to parliament\n\n' +
        '4d ago00.28\nThe Ukrainian president said the army would hold the line.\n\n' +
        'Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST\n\n' +
        'Privacy Notice: Newsletters may contain info about charities, online ads, and content funded by outside parties. For more information see our Privacy Policy. We use Google reCaptcha to protect our website and the Google Privacy Policy and Terms of Service apply.\n\n' +
        'after newsletter promotion\n\n12h ago 09.15 BST\nKey events\n\nThe talks went on into the night.\n',
    );
    expect(a.text).toBe('Zelensky speaks to parliament\n\nThe Ukrainian president said the army would hold the line.\n\nThe talks went on into the night.');
  });
  it('is removed where the scraper glued it into a paragraph', () => {
    const a = txtArticle(
      'Sweden weighs Nato bid\n\n' +
        'Russia would seek to target them. Sign up to First Edition, our free daily newsletter – every weekday morning at 7am BST Western countries deny it.\n\n' +
        'Have a pleasant evening. Updated at 09.08 BST 6d ago08.35The minister said the talks would go on.Updated at 08.39 BST\n\n' +
        'Psaki said of Putin. Updated at 23.37 GMT 24 Feb 202223.23Asked in reply, she declined. Sign up to receive the top stories from Guardian Australia every morning The talks ended.\n',
    );
    expect(a.text).toBe(
      'Sweden weighs Nato bid\n\nRussia would seek to target them. Western countries deny it.\n\nHave a pleasant evening.\n\nThe minister said the talks would go on.\n\n' +
        'Psaki said of Putin.\n\nAsked in reply, she declined. The talks ended.',
    );
  });
});
