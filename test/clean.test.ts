import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../src/text/clean.ts';
import { normaliseText, repairGluedSentences, repairQuoteApostrophes, toParagraphs } from '../src/text/normalise.ts';
import { segmentArticle } from '../src/text/segment.ts';
import { extractStatements } from '../src/statements/extract.ts';
import { parseRules, removeBoilerplate } from '../src/text/boilerplate.ts';
import { datelineOf } from '../src/text/metadata.ts';
import type { IngestedArticle } from '../src/schema/records.ts';

const article = (raw: string): IngestedArticle => ({
  article_id: 'art_0000000000000000', source_file: 'x.txt', record: '', format: 'txt', title: '', published: '',
  published_source: '', publisher: '', author: '', url: '', language: '', dateline: '', titleInText: true, raw,
});

describe('normalise', () => {
  it('folds odd spaces and line ends, keeps quotation marks', () => {
    expect(normaliseText('a\u00a0b\r\n“c”\u200b  d \n')).toBe('a b\n“c” d');
  });
  it('joins hard-wrapped lines and keeps short lines apart', () => {
    const lines = ['The company said on Tuesday that it expected profits to rise sharply in', 'the coming year.', '', 'Short heading', 'Next paragraph.'];
    expect(toParagraphs(lines)).toEqual(['The company said on Tuesday that it expected profits to rise sharply in the coming year.', 'Short heading', 'Next paragraph.']);
  });
});

describe('boilerplate', () => {
  it('drops cross-links, prompts and repeated blocks; cuts paywalls', () => {
    const text = [
      'Troops leave the base', '', 'The army said troops would leave the base by Friday.',
      'READ MORE: Something else entirely', 'Read:| Another link', 'Watch:',
      'The army said troops would leave the base by Friday.', 'It was the last base.',
      'Leave a Reply', 'Your email address will not be published.',
    ].join('\n');
    const { lines, removed } = removeBoilerplate(text);
    expect(lines.filter(Boolean)).toEqual(['Troops leave the base', 'The army said troops would leave the base by Friday.', 'It was the last base.']);
    expect(removed).toBe(5);
  });
  it('removes a link teaser glued into the text ("... todayRead more"), not the words "read more"', () => {
    const raw = 'It was the end of that dream. Why the alliance matters todayRead more For the minister, the signing was a blow. What could the west do?Read moreHe spoke. Residents leave in a ceasefire Read more “We go,” she said. They spread more rumours. Read more about it later.';
    expect(cleanArticle(article(raw)).text).toBe('It was the end of that dream. For the minister, the signing was a blow. He spoke. “We go,” she said. They spread more rumours. Read more about it later.');
  });
  it('strips tweet-embed residue so the repeated copies collapse to one', () => {
    const tweet = 'We met today and agreed on the plan. pic.twitter.com/abc\n— Jane Doe (@janedoe) May 3, 2021';
    const raw = `Intro line of the article here.\n-\n${tweet} " class="align-text-top noRightClick twitterSection" data="\n">${tweet}${tweet.split('\n')[0]}\n${tweet.split('\n')[1]}`;
    const cleaned = cleanArticle(article(raw));
    expect(cleaned.text).toBe(`Intro line of the article here.\n\n${tweet.replace('\n', '\n\n')}`);
  });
  it('drops share bars, bylines, credits, date lines and breadcrumbs; cuts paywalls and related lists', () => {
    const text = [
      'News » World » Europe', 'By Jane Smith - 11/18/19 11:04 PM EST', 'Updated Nov 19, 6:55 AM', '© Example Photo Agency',
      'Whatsapp Facebook Twitter Email',
      'The council approved the plan on Monday after a long debate about costs.', 'By then, most members had already left the chamber.',
      'It will take effect next year, officials said in a statement.',
      'Image copyright Getty Images', 'Work starts in May and should take two years.',
      'Subscribe to continue reading this article and get unlimited access.', 'Hidden paywalled paragraph.',
    ].join('\n');
    expect(removeBoilerplate(text).lines.filter(Boolean)).toEqual([
      'The council approved the plan on Monday after a long debate about costs.', 'By then, most members had already left the chamber.',
      'It will take effect next year, officials said in a statement.', 'Work starts in May and should take two years.',
    ]);
    const related = ['First paragraph of the story, long enough.', 'Second paragraph of it.', 'Third paragraph.', 'You may also like...', 'Another story headline'].join('\n');
    expect(removeBoilerplate(related).lines.filter(Boolean)).toEqual(['First paragraph of the story, long enough.', 'Second paragraph of it.', 'Third paragraph.']);
  });
  it('drops ad labels, reading times, date-only lines and agency photo credits', () => {
    const text = ['Advert', 'Reading time: 3 min', '18 Nov 2019', 'Tuesday, November 19, 2019 at 6:55 PM EST', 'Sakib Ali/Hindustan Times/Getty Images',
      'The river rose two metres overnight.', 'On 18 Nov 2019 the river rose again.'].join('\n');
    expect(removeBoilerplate(text).lines.filter(Boolean)).toEqual(['The river rose two metres overnight.', 'On 18 Nov 2019 the river rose again.']);
  });
  it('keeps a mid-length line that recurs far away (structure), drops one repeated close by (residue)', () => {
    const step = 'Eat 60 to 90 minutes before your workout';
    const lines = [step, 'Eggs and toast', ...Array.from({ length: 10 }, (_, i) => `Filler line number ${i}`), step, 'Porridge', step];
    const kept = removeBoilerplate(lines.join('\n')).lines.filter(Boolean);
    expect(kept.filter((l) => l === step)).toHaveLength(2);
  });
  it("removes an editor's note paragraph, hard-wrapped or not, and keeps the lines after it", () => {
    const text = [
      'The mayor said the bridge would reopen in May.', '',
      'Editor’s note: The mayor', 'has said before that', 'the bridge would reopen, and it never has.',
      'The council meets on Tuesday.', '',
      "Editor's note: This story was updated after the mayor's office replied to questions.", 'She declined to comment further.',
    ].join('\n');
    expect(removeBoilerplate(text).lines.filter(Boolean)).toEqual([
      'The mayor said the bridge would reopen in May.', 'The council meets on Tuesday.', 'She declined to comment further.',
    ]);
  });
  it('reports rule errors with file and line', () => {
    expect(() => parseRules('bogus\tx', 'rules.tsv')).toThrow('rules.tsv:1: unknown action "bogus"');
  });
});

describe('title and dateline', () => {
  it('takes a headline-like first line as title and finds the dateline', () => {
    const c = cleanArticle(article('Russia opposes US withdrawal\n\nMoscow: Russian President Vladimir Putin warned on Monday.'));
    expect(c.title).toBe('Russia opposes US withdrawal');
    expect(c.dateline).toBe('Moscow');
    expect(c.text).toBe('Russia opposes US withdrawal\n\nMoscow: Russian President Vladimir Putin warned on Monday.');
  });
  it('does not take a sentence for a title', () => {
    expect(cleanArticle(article('Kabul: The talks went on.\nMore text.')).title).toBe('');
  });
  it('reads wire datelines', () => {
    expect(datelineOf('WASHINGTON (Reuters) - The U.S. said')).toBe('WASHINGTON');
    expect(datelineOf('Read: more')).toBe('');
  });
});

describe('glued page furniture', () => {
  it('drops a date line glued to a section label and takes no dateline from it', async () => {
    const { cleanArticle } = await import('../src/text/clean.ts');
    const c = cleanArticle({
      article_id: 'art_0000000000000000', source_file: 'x.txt', record: '', format: 'txt', title: '', published: '',
      published_source: '', publisher: '', url: '', language: '', dateline: '', titleInText: true,
      raw: 'Talks resume in Doha\n\nAsiaUpdated: Jul 27, 2021, 04:08 PM IST\n\nThe talks resumed on Monday, officials said.',
    } as never);
    expect(c.text).toBe('Talks resume in Doha\n\nThe talks resumed on Monday, officials said.');
    expect(c.dateline).toBe('');
    expect(datelineOf('AfghanistanUpdated: Jul 27, 2021')).toBe('');
  });
});

describe('sentences glued in the input (issue 14)', () => {
  it('puts the space back after a sentence mark between a lower-case word and a capitalised one', () => {
    expect(repairGluedSentences('the sources said.The Russian president')).toBe('the sources said. The Russian president');
    expect(repairGluedSentences('he added."If we go')).toBe('he added." If we go');
    expect(repairGluedSentences('it was normal.Russian troops left')).toBe('it was normal. Russian troops left');
    // (a video's running time glued to its title on a live page; not a clock time or a ratio)
    expect(repairGluedSentences('so far. 01:56Moldova closes its airspace – video')).toBe('so far. 01:56 Moldova closes its airspace – video');
    expect(repairGluedSentences('at 10:30 GMT, a 3:1 vote, 12:30pm')).toBe('at 10:30 GMT, a 3:1 vote, 12:30pm');
  });
  it('reads a straight double quote before a possessive s as the apostrophe it stands for', () => {
    expect(repairQuoteApostrophes('Ecuador"s deputy minister met OPEC"s committee.')).toBe("Ecuador's deputy minister met OPEC's committee.");
    expect(repairQuoteApostrophes('called it "nonsense" several times')).toBe('called it "nonsense" several times');
    expect(repairQuoteApostrophes('the "Reagan"so-called')).toBe('the "Reagan"so-called');
  });
  it('leaves addresses, abbreviations and names alone', () => {
    for (const s of ['visit www.DearAbby.com today', 'Halo.Bungie.Org is', 'the U.S.The', 'Swiss.Bank. rose', 'an iPhone.', 'mail john.Smith@x.org', 'e.g.The', 'see example.com/Path.Here'])
      expect(repairGluedSentences(s)).toBe(s);
  });
  it('is part of clean, so the speaker after the glue is found and offsets slice the published text', () => {
    const cleaned = cleanArticle(article('Moscow denied it, sources said.The Russian president said the talks would go on.'));
    expect(cleaned.text).toBe('Moscow denied it, sources said. The Russian president said the talks would go on.');
    const rows = extractStatements(segmentArticle(cleaned));
    const row = rows.find((r) => r.quote === 'the talks would go on')!;
    expect(row.speaker_mention).toBe('The Russian president');
    expect(cleaned.text.slice(row.speaker_mention_start!, row.speaker_mention_end!)).toBe('The Russian president');
  });
});
