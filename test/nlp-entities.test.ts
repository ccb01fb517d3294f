import { describe, expect, it } from 'vitest';
import { readConllu, goldSentence, type GoldSentence } from '../src/nlp/conllu.ts';
import { EntityTagger, entitySpans, goldEntityTags, goldMentions, scoreEntityTags, trainEntityTagger } from '../src/nlp/entities.ts';

// Hand-written fixture in GUM's style: nested and multi-word mentions, a description holding a name.
const row = (id: number, form: string, upos: string, head: number, rel: string, misc = '_') =>
  [id, form, form, upos, '_', '_', head, rel, '_', misc].join('\t');
const FIXTURE = [
  '# global.Entity = GRP-etype-infstat-salience-centering-minspan-link-identity',
  '# text = President Ada Lovelace of the University of Toronto met the mayor of Oslo in Oslo City Hall .',
  row(1, 'President', 'PROPN', 3, 'compound', 'Entity=(1-person-new-sssss-cf1-3-coref-Ada_Lovelace'),
  row(2, 'Ada', 'PROPN', 3, 'flat'),
  row(3, 'Lovelace', 'PROPN', 9, 'nsubj'),
  row(4, 'of', 'ADP', 6, 'case'),
  row(5, 'the', 'DET', 6, 'det', 'Entity=(2-organization-new-nnnnn-cf2-2-sgl'),
  row(6, 'University', 'PROPN', 3, 'nmod'),
  row(7, 'of', 'ADP', 8, 'case'),
  row(8, 'Toronto', 'PROPN', 6, 'nmod', 'Entity=(3-place-new-nnnnn-cf3-1-sgl-Toronto)2)1)'),
  row(9, 'met', 'VERB', 0, 'root'),
  row(10, 'the', 'DET', 11, 'det', 'Entity=(4-person-new-nnnnn-cf4-1-sgl'),
  row(11, 'mayor', 'NOUN', 9, 'obj'),
  row(12, 'of', 'ADP', 13, 'case'),
  row(13, 'Oslo', 'PROPN', 11, 'nmod', 'Entity=(5-place-new-nnnnn-cf5-1-coref-Oslo)4)'),
  row(14, 'in', 'ADP', 17, 'case'),
  row(15, 'Oslo', 'PROPN', 17, 'compound', 'Entity=(6-place-new-nnnnn-cf6-3-sgl(5-place-giv-nnnnn-cf5-1-coref-Oslo)'),
  row(16, 'City', 'PROPN', 17, 'compound'),
  row(17, 'Hall', 'PROPN', 9, 'obl', 'Entity=6)'),
  row(18, '.', 'PUNCT', 9, 'punct'),
  '',
  '# text = She thanked the Council .',
  row(1, 'She', 'PRON', 2, 'nsubj', 'Entity=(1-person-giv-sssss-cf1-1-ana-Ada_Lovelace)'),
  row(2, 'thanked', 'VERB', 0, 'root'),
  row(3, 'the', 'DET', 4, 'det', 'Entity=(7-organization-new-nnnnn-cf2-1-sgl'),
  row(4, 'Council', 'PROPN', 2, 'obj', 'Entity=7)'),
  row(5, '.', 'PUNCT', 2, 'punct'),
  '',
].join('\n');

const gold = (): GoldSentence[] => readConllu(FIXTURE, 'fixture').map(goldSentence);

const validBio = (tags: string[]) =>
  tags.every((t, i) => !t.startsWith('I-') || (i > 0 && tags[i - 1] !== 'O' && tags[i - 1].slice(2) === t.slice(2)));

describe('gold entity tags from GUM brackets', () => {
  it('reads nested, one-word and multi-word mentions', () => {
    const [s] = gold();
    const m = goldMentions(s.misc).map((x) => `${x.etype}:${x.from}-${x.to}`);
    expect(m).toEqual(expect.arrayContaining(['person:0-7', 'organization:4-7', 'place:7-7', 'person:9-12', 'place:12-12', 'place:14-16', 'place:14-14']));
    expect(m).toHaveLength(7);
  });

  it('keeps the outermost named span, trims titles and determiners, drops descriptions', () => {
    const [s, t] = gold();
    // The person mention covers "President ... Toronto" but its name is "Ada Lovelace"; the university
    // stays whole ("of Toronto" inside), "the mayor of Oslo" is no name but its "Oslo" is.
    expect(goldEntityTags(s)).toEqual([
      'O', 'B-PERSON', 'I-PERSON', 'O', 'O', 'B-ORGANIZATION', 'I-ORGANIZATION', 'I-ORGANIZATION', 'O', 'O', 'O', 'O',
      'B-PLACE', 'O', 'B-PLACE', 'I-PLACE', 'I-PLACE', 'O',
    ]);
    expect(goldEntityTags(t)).toEqual(['O', 'O', 'O', 'B-ORGANIZATION', 'O']);
  });
});

describe('entitySpans and scoring', () => {
  it('turns BIO into spans, with offsets when given', () => {
    const forms = ['Barack', 'Obama', 'visited', 'Paris', '.'];
    const text = 'Barack Obama visited Paris.';
    const offsets = [
      { start: 0, end: 6 },
      { start: 7, end: 12 },
      { start: 13, end: 20 },
      { start: 21, end: 26 },
      { start: 26, end: 27 },
    ];
    const spans = entitySpans(forms, ['B-PERSON', 'I-PERSON', 'O', 'B-PLACE', 'O'], offsets, text);
    expect(spans).toEqual([
      { type: 'PERSON', from: 0, to: 2, start: 0, end: 12, text: 'Barack Obama' },
      { type: 'PLACE', from: 3, to: 4, start: 21, end: 26, text: 'Paris' },
    ]);
    expect(entitySpans(forms, ['B-PERSON', 'I-PERSON', 'O', 'B-PLACE', 'O'])).toEqual([
      { type: 'PERSON', from: 0, to: 2 },
      { type: 'PLACE', from: 3, to: 4 },
    ]);
    // A stray I- starts a span of its own.
    expect(entitySpans(['a', 'b'], ['I-PLACE', 'B-PLACE']).map((x) => [x.from, x.to])).toEqual([[0, 1], [1, 2]]);
  });

  it('scores exact span matches', () => {
    const g = [['B-PERSON', 'I-PERSON', 'O', 'B-PLACE']];
    const p = [['B-PERSON', 'O', 'O', 'B-PLACE']];
    const s = scoreEntityTags(g, p);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBe(0.5);
    expect(s.byType.PLACE.f1).toBe(1);
    expect(s.byType.PERSON.f1).toBe(0);
  });
});

describe('EntityTagger', () => {
  it('trains deterministically and never emits an invalid BIO sequence', () => {
    const data = gold();
    const a = trainEntityTagger(data, { epochs: 3, seed: 7 });
    const b = trainEntityTagger(data, { epochs: 3, seed: 7 });
    expect(Buffer.compare(a.serialize(), b.serialize())).toBe(0);
    const again = EntityTagger.fromBytes(a.serialize());
    // A model of other features (version 1: no run-context features) is refused, not silently misread.
    expect(() => EntityTagger.fromBytes(a.serialize({ version: 1 }))).toThrow(/version/);
    for (const s of data) {
      const tags = a.tag(s.forms, s.upos);
      expect(validBio(tags)).toBe(true);
      expect(again.tag(s.forms, s.upos)).toEqual(tags);
    }
  });

  it('loads the shipped model and tags a news sentence', () => {
    const tagger = EntityTagger.load();
    const forms = ['Barack', 'Obama', 'visited', 'Paris', '.'];
    const tags = tagger.tag(forms, ['PROPN', 'PROPN', 'VERB', 'PROPN', 'PUNCT']);
    expect(entitySpans(forms, tags).map((s) => `${s.type}:${forms.slice(s.from, s.to).join(' ')}`)).toEqual(['PERSON:Barack Obama', 'PLACE:Paris']);
    const long = 'The United Nations said on Monday that Angela Merkel and officials from Germany , France and the World Bank met in New York'.split(' ');
    const upos = long.map((w, i) => (/^[A-Z]/.test(w) && i > 0 && w !== 'Monday' ? 'PROPN' : i === 0 ? 'DET' : 'X'));
    expect(validBio(tagger.tag(long, upos))).toBe(true);
    expect(tagger.tag([], [])).toEqual([]);
  });
});
