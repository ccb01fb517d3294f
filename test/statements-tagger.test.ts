/** The attribution tagger: gold from brat files, training, the model file, and what it adds to the rules. */
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../src/text/segment.ts';
import { Doc } from '../src/statements/doc.ts';
import { findQuotes } from '../src/statements/quotes.ts';
import { goldTags, parseAnn, type GoldArticle, type GoldRegion } from '../src/statements/tagger/polnear.ts';
import { sequencesOf } from '../src/statements/tagger/features.ts';
import { TAGS, TaggerModel, allowed, shippedModel } from '../src/statements/tagger/model.ts';
import { runsOf, taggedStatements } from '../src/statements/tagger/learned.ts';
import { train, DEFAULT_TRAIN } from '../src/statements/tagger/train.ts';
import { extractStatements } from '../src/statements/extract.ts';
import { segmented } from './support/articles.ts';

function docOf(text: string): Doc {
  const a = segmentArticle({ article_id: 'art_00000000000000aa', text } as Parameters<typeof segmentArticle>[0]);
  return new Doc(text, a, findQuotes(text, a.paragraphs));
}

/** Regions by the words they cover: [role, words] in order of appearance. */
function regions(text: string, parts: Array<['SRC' | 'CUE' | 'CON', string]>): GoldRegion[] {
  let from = 0;
  return parts.map(([role, words]) => {
    const at = text.indexOf(words, role === 'CON' ? 0 : from);
    if (at < 0) throw new Error(`fixture: "${words}" not in "${text}"`);
    if (role !== 'CON') from = at + words.length;
    return { role, span: [at, at + words.length] };
  });
}

const tagNames = (doc: Doc, tags: Uint8Array) => doc.tokens.map((t, k) => `${t.t}/${TAGS[tags[k]]}`);

describe('gold from brat standoff', () => {
  const text = 'The senator said the bill would pass. Critics, he added, disagree.';
  const ann = [
    'T1\tSource 0 11\tThe senator',
    'T2\tCue 12 16\tsaid',
    'T3\tContent 17 36\tthe bill would pass',
    'E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1',
    'T4\tContent 38 45;57 65\tCritics disagree',
    'T5\tSource 47 49\the',
    'T6\tCue 50 55\tadded',
    'E2\tAttribution:T6 Content:T4 Cue:T6 Source:T5',
    'T7\tSource oops\tbroken line',
  ].join('\n');

  it('reads Source, Cue and Content spans, discontinuous ones in parts, and reports an unreadable line', () => {
    const warnings: string[] = [];
    const r = parseAnn(ann, 'x.ann', (m) => warnings.push(m));
    expect(r.map((g) => [g.role, text.slice(...g.span)])).toEqual([
      ['CON', 'the bill would pass'], ['CUE', 'said'], ['SRC', 'The senator'],
      ['CON', 'Critics'], ['CON', 'disagree'], ['CUE', 'added'], ['SRC', 'he'],
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^x\.ann: line 9: cannot read span/)]);
  });

  it('tags each token with its innermost role, B- where a span starts', () => {
    const doc = docOf('Smith said Jones denied the report.');
    const tags = goldTags(doc, regions(doc.text, [
      ['SRC', 'Smith'], ['CUE', 'said'], ['CON', 'Jones denied the report'], ['SRC', 'Jones'], ['CUE', 'denied'], ['CON', 'the report'],
    ]));
    expect(tagNames(doc, tags)).toEqual([
      'Smith/B-SRC', 'said/B-CUE', 'Jones/B-SRC', 'denied/B-CUE', 'the/B-CON', 'report/I-CON', './O',
    ]);
  });
});

describe('the tagger', () => {
  // A small corpus of our own: who said what, in a few shapes.
  const corpus: Array<[string, Array<['SRC' | 'CUE' | 'CON', string]>]> = [
    ['The minister said that the talks had failed.', [['SRC', 'The minister'], ['CUE', 'said'], ['CON', 'that the talks had failed']]],
    ['The mayor said that the bridge would reopen.', [['SRC', 'The mayor'], ['CUE', 'said'], ['CON', 'that the bridge would reopen']]],
    ['The talks had stalled, the envoy said.', [['CON', 'The talks had stalled'], ['SRC', 'the envoy'], ['CUE', 'said']]],
    ['Prices will rise, the bank warned.', [['CON', 'Prices will rise'], ['SRC', 'the bank'], ['CUE', 'warned']]],
    ['The governor warned that taxes would rise.', [['SRC', 'The governor'], ['CUE', 'warned'], ['CON', 'that taxes would rise']]],
    ['The coach said that the team was tired.', [['SRC', 'The coach'], ['CUE', 'said'], ['CON', 'that the team was tired']]],
    ['The river flooded the valley in May.', []],
    ['Farmers planted wheat and barley this year.', []],
  ];
  const articles: GoldArticle[] = corpus.map(([text, parts], i) => {
    const doc = docOf(text);
    return { name: `a${i}`, doc, tags: goldTags(doc, regions(text, parts)) };
  });
  const opts = { ...DEFAULT_TRAIN, epochs: 6, minCount: 1, cueMinCount: 2, cueMinShare: 0.5, minWeight: 0 };
  const model = train(articles, opts);

  it('learns its cue words from the gold cues', () => {
    expect([...model.cues].sort()).toEqual(['said', 'warned']);
  });

  it('tags a sentence it has not seen: source, cue and content', () => {
    const doc = docOf('The judge said that the trial would resume.');
    const [seq] = sequencesOf(doc);
    const runs = runsOf(model.tag(doc, seq), seq.from).map((r) => [r.role, doc.text.slice(doc.tokens[r.from].a, doc.tokens[r.to - 1].b)]);
    expect(runs).toContainEqual(['CUE', 'said']);
    expect(runs).toContainEqual(['CON', 'that the trial would resume']);
  });

  it('tags nothing in a sentence without attribution', () => {
    const doc = docOf('The farmers harvested the wheat in May.');
    const [seq] = sequencesOf(doc);
    expect([...model.tag(doc, seq)].every((t) => TAGS[t] === 'O')).toBe(true);
  });

  it('trains deterministically and writes a model that reads back to the same tags', () => {
    const text = model.serialize();
    expect(train(articles, opts).serialize()).toBe(text);
    const again = TaggerModel.parse(text);
    expect(again.serialize()).toBe(text);
    const doc = docOf('The judge said that the trial would resume. The river flooded.');
    for (const seq of sequencesOf(doc)) expect([...again.tag(doc, seq)]).toEqual([...model.tag(doc, seq)]);
  });

  it('rejects a damaged model file with the line that is wrong', () => {
    const lines = model.serialize().split('\n');
    const i = lines.findIndex((l) => l.startsWith('w\t'));
    lines[i] = lines[i].replace(/\t[^\t]*$/, '\t1 2 x');
    expect(() => TaggerModel.parse(lines.join('\n'), 'm.tsv')).toThrow(new RegExp(`^m\\.tsv: line ${i + 1}: expected 7 numbers`));
    expect(() => TaggerModel.parse('nonsense\t1 2 3 4 5 6 7\n', 'm.tsv')).toThrow(/unknown feature template "nonsense"/);
  });

  it('never decodes an inside tag without its beginning', () => {
    const iCon = TAGS.indexOf('I-CON');
    expect(allowed(-1, iCon)).toBe(false);
    expect(allowed(TAGS.indexOf('O'), iCon)).toBe(false);
    expect(allowed(TAGS.indexOf('B-CON'), iCon)).toBe(true);
    expect(allowed(TAGS.indexOf('I-SRC'), iCon)).toBe(false);
  });
});

describe('statements the shipped tagger adds', () => {
  it('ships a model', () => {
    expect(shippedModel()).not.toBeNull();
    expect(shippedModel()!.cues.has('said')).toBe(true);
  });

  const text = 'The city council met on Monday.\n\nThe governor plans to veto the budget bill next week.';

  it('keeps an intention out of the speech scope and in the attribution scope', () => {
    const speech = extractStatements(segmented(text));
    const attribution = extractStatements(segmented(text), { scope: 'attribution' });
    expect(speech.some((r) => r.quote.includes('veto the budget bill') && r.cue === 'plans')).toBe(false);
    const plan = attribution.find((r) => r.cue === 'plans');
    // The article names no governor: the speaker is unresolved, not the bare word (issue 14).
    expect(plan).toMatchObject({ speaker: '', speaker_type: 'unknown', speaker_mention: 'The governor', kind: 'indirect' });
    expect(plan!.quote).toMatch(/^to veto the budget bill/);
    expect(plan!.confidence).toBeLessThan(0.6);
  });

  it('gives each tagged statement offsets that slice the text, and the rules keep their own words', () => {
    const a = segmented(text);
    const doc = new Doc(a.text, a, findQuotes(a.text, a.paragraphs));
    for (const c of taggedStatements(doc, shippedModel()!, 'attribution')) {
      expect(c.quote[1]).toBeGreaterThan(c.quote[0]);
      expect(a.text.slice(c.quote[0], c.quote[1]).trim()).toBe(a.text.slice(c.quote[0], c.quote[1]));
    }
    const rows = extractStatements(a, { scope: 'attribution' });
    for (let i = 1; i < rows.length; i++) expect(rows[i].start >= rows[i - 1].end || rows[i].start === rows[i - 1].start || rows[i].end <= rows[i - 1].end).toBe(true);
  });

  it('keeps a topic ("ideas about ...") in the speech scope, as words said or thought about it', () => {
    const rows = extractStatements(segmented('The city council met on Monday.\n\nResidents have long-standing ideas about the damaging effects of the new stadium.'));
    expect(rows.find((r) => r.cue.endsWith('about'))).toMatchObject({ speaker: 'Residents', quote: 'the damaging effects of the new stadium' });
  });

  it('keeps what a source refers to in the speech scope ("referenced ...", "referencing ...")', () => {
    const rows = extractStatements(segmented('The council met on Monday.\n\nThe fund\'s report referenced "political tensions" in rich economies that are raising uncertainty.'));
    expect(rows.find((r) => r.cue === 'referenced')).toMatchObject({ quote: '"political tensions" in rich economies that are raising uncertainty' });
  });

  it('keeps "calls are mounting for" (a plural noun) out of the speech scope', () => {
    const text = 'The city council met on Monday.\n\nCalls are mounting for the mayor to delay the vote on the new stadium budget.';
    expect(extractStatements(segmented(text), { scope: 'attribution' }).some((r) => r.cue.startsWith('are mounting'))).toBe(true);
    expect(extractStatements(segmented(text)).some((r) => r.cue.startsWith('are mounting'))).toBe(false);
  });

  it('says nothing for "No one said ..."', () => {
    expect(extractStatements(segmented('The hall was empty.\n\nNo one said the vote had been fair.'), { scope: 'attribution' }).filter((r) => r.speaker)).toHaveLength(0);
  });
});

describe('the source of a tagged statement (content7)', () => {
  const attributed = (text: string) => extractStatements(segmented(text), { scope: 'attribution' });
  it('takes the phrase before a list of members ("some growers, including ..."), not a member', () => {
    const text = 'The farm bill stalled in the spring.\n\nSome growers, including Senator Hal Brandt of Iowa, were willing to accept a smaller subsidy for corn.';
    const row = attributed(text).find((r) => r.quote.includes('smaller subsidy'));
    expect(row?.speaker_mention).toBe('Some growers');
  });
  it('takes no object pronoun for a source ("comparing him favorably to ...": "him" is no speaker)', () => {
    const text = 'The candidate openly admires Hungarian Prime Minister Ott Bela as a “real leader,” comparing him favorably to Chancellor Merz.';
    const rows = attributed(text);
    expect(rows.map((r) => r.speaker_mention)).not.toContain('him');
    expect(rows.map((r) => r.speaker)).not.toContain('Ott Bela');
  });
});
