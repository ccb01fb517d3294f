import { describe, expect, it } from 'vitest';
import { detectLanguage, languageCode } from '../src/text/language.ts';
import { DuplicateIndex, signature, similarity } from '../src/text/duplicates.ts';
import { cleanArticle, markDuplicate } from '../src/text/clean.ts';
import type { IngestedArticle } from '../src/schema/records.ts';

const article = (raw: string, over: Partial<IngestedArticle> = {}): IngestedArticle => ({
  article_id: 'art_0000000000000001', source_file: 'x.txt', record: '', format: 'txt', title: '', published: '',
  published_source: '', publisher: '', author: '', url: '', language: '', dateline: '', titleInText: true, raw, ...over,
});

const ENGLISH = 'The minister said on Monday that the government would not raise taxes this year, and that the budget would be published after the elections in the spring.';
const GERMAN = 'Der Minister sagte am Montag, dass die Regierung in diesem Jahr die Steuern nicht erhöhen werde und dass der Haushalt nach den Wahlen im Frühjahr veröffentlicht wird.';
const SPANISH = 'El ministro dijo el lunes que el gobierno no subirá los impuestos este año y que el presupuesto se publicará después de las elecciones de la primavera.';

describe('language', () => {
  it('tells English from other languages by function words, and other scripts by script', () => {
    expect(detectLanguage(ENGLISH).language).toBe('en');
    expect(detectLanguage(GERMAN)).toMatchObject({ language: 'de', evidence: expect.stringMatching(/^\d+% German function words, \d+% English$/) });
    expect(detectLanguage(SPANISH).language).toBe('es');
    expect(detectLanguage('Министр заявил в понедельник, что правительство не будет повышать налоги в этом году.').language).toBe('ru');
    expect(detectLanguage('部长周一表示，政府今年不会提高税收，预算将在春季选举后公布。').language).toBe('zh');
  });
  it('says nothing about short texts or tables of repeated words', () => {
    expect(detectLanguage('Shr 10 cts vs 12 cts').language).toBe('');
    expect(detectLanguage('May/Jul 1 under 1 under Jul/Aug even even Sep/Nov 2 under 2 under May/Nov 2 over 2 over Jul/Nov 3 over 3 over').language).toBe('');
  });
  it('keeps a non-English article but says why it is not extracted', () => {
    const c = cleanArticle(article(`Steuern bleiben gleich\n\n${GERMAN}`));
    expect(c.language).toBe('de');
    expect(c.text).toContain('Der Minister');
    expect(c.skip_reason).toMatch(/^not English \(de: /);
    expect(cleanArticle(article(`Taxes stay the same\n\n${ENGLISH}`))).toMatchObject({ language: 'en', skip_reason: '' });
  });
  it('uses the metadata language only when the text cannot tell', () => {
    expect(languageCode('en-US')).toBe('en');
    expect(cleanArticle(article('Kurz.', { language: 'de-DE', titleInText: false })).language).toBe('de');
    expect(cleanArticle(article(ENGLISH, { language: 'fr' })).language).toBe('en');
  });
});

const STORY = [
  'Rescue teams searched through the night for survivors after a landslide buried part of a mountain village on Sunday, officials said.',
  'The regional governor said at least twelve homes were destroyed and that more than forty people had been moved to a school in the valley below.',
  'Heavy rain had soaked the slopes above the village for a week, and residents said they had heard the ground crack hours before the slide.',
  'The national weather service warned that more rain was expected on Tuesday and urged people living on steep ground to leave their homes.',
].join('\n\n');

describe('duplicates', () => {
  it('finds exact copies and near copies, and leaves different stories alone', () => {
    const index = new DuplicateIndex();
    expect(index.check('art_a', 'Landslide buries village', STORY)).toBeNull();
    expect(index.check('art_b', 'Other headline, same text', STORY)).toEqual({ of: 'art_a', similarity: 1, exact: true });
    // Syndicated copy: a credit line added and one word changed.
    const near = STORY.replace('on Sunday', 'late on Sunday') + '\n\n(Reporting by A. Writer; editing by B. Editor)';
    const hit = index.check('art_c', 'Landslide buries village', near);
    expect(hit).toMatchObject({ of: 'art_a', exact: false });
    expect(hit!.similarity).toBeGreaterThanOrEqual(0.8);
    expect(index.check('art_d', 'Different story', STORY.split('\n\n').reverse().map((p) => p.split(' ').reverse().join(' ')).join('\n\n'))).toBeNull();
  });
  it('estimates shingle similarity from signatures', () => {
    const words = STORY.toLowerCase().match(/\w+/g)!;
    expect(similarity(signature(words), signature(words))).toBe(1);
    expect(similarity(signature(words), signature(words.slice(0, 20)))).toBeLessThan(0.5);
  });
  it('short items count as copies only with the same title', () => {
    const index = new DuplicateIndex();
    expect(index.check('art_1', 'ACME QTR NET', 'Shr 10 cts vs 12 cts Net 1.2 mln vs 1.4 mln')).toBeNull();
    expect(index.check('art_2', 'OTHER CO QTR NET', 'Shr 10 cts vs 12 cts Net 1.2 mln vs 1.4 mln')).toBeNull();
    expect(index.check('art_3', 'ACME QTR NET', 'Shr 10 cts vs 12 cts Net 1.2 mln vs 1.4 mln')).toMatchObject({ of: 'art_1' });
  });
  it('forgets the oldest articles beyond its window', () => {
    const index = new DuplicateIndex(2);
    const story = (n: number) => `${STORY} Story number ${n} ends with its own unique words ${'abcdefghij'[n]} ${n * 7}.`;
    index.check('art_1', '', STORY);
    index.check('art_x', '', ENGLISH.repeat(2));
    index.check('art_y', '', GERMAN.repeat(2));
    expect(index.check('art_2', '', story(2))).toBeNull(); // art_1 left the near-duplicate window
  });
  it('marks the later copy with duplicate_of and a reason; the text stays', () => {
    const index = new DuplicateIndex();
    const first = cleanArticle(article(`Landslide buries village\n\n${STORY}`, { article_id: 'art_1111111111111111' }));
    const second = cleanArticle(article(`Village buried by landslide\n\n${STORY}`, { article_id: 'art_2222222222222222' }));
    expect(markDuplicate(first, index).duplicate_of).toBe('');
    const marked = markDuplicate(second, index);
    expect(marked).toMatchObject({ duplicate_of: 'art_1111111111111111', skip_reason: 'duplicate of art_1111111111111111 (same text)', text: second.text });
  });
});
