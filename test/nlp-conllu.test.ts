/** CoNLL-U reading and writing, bad input, and the scorer (UPOS / UAS / LAS, entity spans) on hand-made sentences. */
import { describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConlluError, readConllu, writeConllu, type ConlluSentence } from '../src/nlp/conllu.ts';
import { checkAligned, evalTable, evaluateUd, nerTags, scoreEntities, scoreParse } from '../src/nlp/evaluate.ts';
import { entitySpans, scoreEntityTags } from '../src/nlp/entities.ts';

const bioSpans = (tags: string[]) => entitySpans(tags, tags).filter((s) => ['PERSON', 'ORGANIZATION', 'PLACE'].includes(s.type)).map((s) => `${s.from}:${s.to}:${s.type}`);
import type { Analyser } from '../src/nlp/parse-command.ts';
import { GOLD } from './support/conllu-fixture.ts';

const row = (...cols: (string | number)[]) => cols.join('\t');



const clone = (s: ConlluSentence[]) => readConllu(writeConllu(s));

describe('CoNLL-U reader and writer', () => {
  it('round trip keeps comments, multiword ranges and empty nodes byte for byte', () => {
    const sentences = readConllu(GOLD, 'gold.conllu');
    expect(sentences).toHaveLength(2);
    expect(sentences[0].words.map((w) => w.form)).toEqual(['Maria', 'Lopez', 'did', "n't", 'visit', 'Oslo', '.']);
    expect(sentences[1].words).toHaveLength(7);
    expect(sentences[1].line).toBe(13);
    expect(sentences[0].lines.filter((l) => 'raw' in l)).toHaveLength(4);
    expect(writeConllu(sentences)).toBe(GOLD);
  });
  it('reads CRLF line ends and a missing final blank line', () => {
    const crlf = GOLD.trimEnd().replace(/\n/g, '\r\n');
    expect(writeConllu(readConllu(crlf))).toBe(GOLD);
  });
  it('wrong number of columns: an error naming the file and line', () => {
    const bad = GOLD.replace(row(3, 'apples', 'apple', 'NOUN', 'NNS', '_', 2, 'obj', '2:obj', '_'), row(3, 'apples', 'apple', 'NOUN', 'NNS', '_', 2, 'obj', '2:obj'));
    expect(() => readConllu(bad, 'bad.conllu')).toThrow(ConlluError);
    expect(() => readConllu(bad, 'bad.conllu')).toThrow('bad.conllu: line 17: expected 10 tab-separated columns, found 9');
  });
  it('word IDs out of order', () => {
    const bad = GOLD.replace(row(7, '.', '.', 'PUNCT', '.', '_', 2, 'punct', '2:punct', '_'), row(8, '.', '.', 'PUNCT', '.', '_', 2, 'punct', '2:punct', '_'));
    expect(() => readConllu(bad, 'ids.conllu')).toThrow('ids.conllu: line 22: word ID 8 where 7 was expected');
  });
  it('empty file', () => {
    expect(() => readConllu('', 'empty.conllu')).toThrow('empty.conllu: line 1: no sentences (empty input)');
    expect(() => readConllu('\n\n', 'blank.conllu')).toThrow(/no sentences/);
  });
  it('text that is not CoNLL-U', () => {
    expect(() => readConllu('The mayor said the bridge would reopen.\nIt did not.\n', 'story.txt')).toThrow('story.txt: line 1: expected 10 tab-separated columns, found 1');
    expect(() => readConllu('# only a comment\n', 'c.conllu')).toThrow('c.conllu: line 1: sentence has no word lines');
  });
});

/** The gold with known errors: 14 words; 1 UPOS, 1 head and 1 more relation wrong. */
function predicted(): ConlluSentence[] {
  const p = clone(readConllu(GOLD));
  p[0].words[5].upos = 'NOUN'; // Oslo: UPOS wrong
  p[0].words[1].head = '5'; // Lopez: head wrong (UAS and LAS)
  p[0].words[3].deprel = 'advmod:neg'; // same universal relation: right
  p[1].words[5].deprel = 'obj'; // pears: head right, relation wrong (LAS)
  p[1].words[2].deprel = 'obj:dir'; // universal part right
  return p;
}

describe('scoreParse', () => {
  it('counts every word, punctuation included, and compares universal relations', () => {
    const gold = readConllu(GOLD);
    expect(scoreParse(gold, clone(gold))).toEqual({ tokens: 14, upos: 1, uas: 1, las: 1 });
    const s = scoreParse(gold, predicted());
    expect(s.tokens).toBe(14);
    expect(s.upos).toBeCloseTo(13 / 14, 12);
    expect(s.uas).toBeCloseTo(13 / 14, 12);
    expect(s.las).toBeCloseTo(12 / 14, 12);
  });
  it('gold relations with subtypes count as their universal part', () => {
    const gold = readConllu(GOLD);
    gold[0].words[2].deprel = 'aux:pass';
    const p = clone(readConllu(GOLD));
    p[0].words[2].deprel = 'aux';
    expect(scoreParse(gold, p).las).toBe(1);
  });
  it('misaligned input throws naming the sentence', () => {
    const gold = readConllu(GOLD);
    const p = predicted();
    p[1].words[3].form = 'or';
    expect(() => scoreParse(gold, p)).toThrow('sentence 2 (sent_id fx-2): word 4 is "and" in gold, "or" in predicted');
    expect(() => checkAligned(gold, p.slice(0, 1))).toThrow('gold has 2 sentences, predicted 1');
    const short = predicted();
    short[0].words.pop();
    expect(() => scoreParse(gold, short)).toThrow('sentence 1 (sent_id fx-1): gold has 7 words, predicted 6');
  });
});

describe('entity scores', () => {
  it('BIO spans, conlleval reading of a stray I-', () => {
    expect(bioSpans(['B-PERSON', 'I-PERSON', 'O', 'B-PLACE', 'B-PLACE', 'I-ORGANIZATION', 'I-ORGANIZATION'])).toEqual([
      '0:2:PERSON', '3:4:PLACE', '4:5:PLACE', '5:7:ORGANIZATION',
    ]);
    expect(bioSpans(['O', 'I-PLACE', 'I-PLACE', 'B-EVENT'])).toEqual(['1:3:PLACE']);
  });
  it('exact spans: a partial match is a false positive and a miss', () => {
    const gold = [['B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PLACE', 'O'], ['O', 'B-ORGANIZATION']];
    const pred = [['B-PERSON', 'O', 'O', 'O', 'O', 'B-PLACE', 'O'], ['O', 'O']];
    const s = scoreEntityTags(gold, pred);
    expect([s.tp, s.fp, s.fn]).toEqual([1, 1, 2]);
    expect(s.precision).toBe(0.5);
    expect(s.recall).toBeCloseTo(1 / 3, 12);
    expect(s.f1).toBeCloseTo(0.4, 12);
    expect(s.byType.PLACE).toMatchObject({ tp: 1, fp: 0, fn: 0, f1: 1 });
    expect(s.byType.ORGANIZATION).toMatchObject({ tp: 0, fp: 0, fn: 1, f1: 0 });
  });
  it('predicted NER= in MISC against gold tags from the entity reading', () => {
    const gold = readConllu(GOLD);
    const p = clone(gold);
    const tags = [['B-PERSON', 'I-PERSON', 'O', 'O', 'O', 'B-PLACE', 'O'], ['B-PERSON', 'O', 'O', 'O', 'B-PERSON', 'O', 'O']];
    p.forEach((s, i) => s.words.forEach((w, k) => (w.misc = `NER=${tags[i][k]}`)));
    p[1].words[4].misc = '_'; // no NER= item reads as O
    expect(nerTags(p[1])).toEqual(['B-PERSON', 'O', 'O', 'O', 'O', 'O', 'O']);
    const goldTags = (g: { misc: string[] }) => g.misc.map((m) => (m.includes('person') ? 'B-PERSON' : m.startsWith('Entity=p1)') ? 'I-PERSON' : m.includes('place') ? 'B-PLACE' : 'O'));
    const s = scoreEntities(gold, p, (g) => (g.forms[0] === 'Tom' ? ['B-PERSON', 'O', 'O', 'O', 'B-PERSON', 'O', 'O'] : goldTags(g)));
    expect([s.tp, s.fp, s.fn]).toEqual([3, 0, 1]);
  });
  it('table', () => {
    const gold = readConllu(GOLD);
    const rows = [
      { name: 'EWT test', parse: scoreParse(gold, predicted()), entities: null, seconds: 0.5 },
      { name: 'GUM test', parse: scoreParse(gold, gold), entities: scoreEntityTags([['B-PLACE']], [['B-PLACE']]), seconds: 1 },
    ];
    const t = evalTable(rows);
    expect(t.split('\n')[0]).toMatch(/^treebank\s+tokens\s+UPOS\s+UAS\s+LAS\s+ent P\s+ent R\s+ent F1\s+tokens\/s$/);
    expect(t).toMatch(/EWT test\s+14\s+92\.86\s+92\.86\s+85\.71\s+-\s+-\s+-\s+28\n/);
    expect(t).toMatch(/GUM test\s+14\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+100\.00\s+14\n/);
    expect(t).toContain('PLACE         P 100.00  R 100.00  F1 100.00  (gold 1, predicted 1)');
  });
});

describe('evaluateUd', () => {
  it('scores both treebanks of a split from gold tokens; a missing file is named', async () => {
    const ud = await mkdtemp(join(tmpdir(), 'newsledger-ud-'));
    try {
      await mkdir(join(ud, 'ewt'));
      await mkdir(join(ud, 'gum'));
      await writeFile(join(ud, 'ewt', 'en_ewt-ud-dev.conllu'), GOLD);
      await writeFile(join(ud, 'gum', 'en_gum-cc-by-dev.conllu'), GOLD);
      // An oracle: the gold analysis of each sentence, except every entity tag O.
      const gold = new Map(readConllu(GOLD).map((s) => [s.words.map((w) => w.form).join(' '), s]));
      const oracle: Analyser = (forms) => {
        const s = gold.get(forms.join(' '))!;
        return {
          upos: s.words.map((w) => w.upos),
          heads: Int32Array.from(s.words, (w) => Number(w.head) - 1),
          deprels: s.words.map((w) => w.deprel.split(':')[0]),
          ner: s.words.map(() => 'O'),
        };
      };
      const goldTags = (g: { forms: string[] }) => g.forms.map((f) => (f === 'Oslo' ? 'B-PLACE' : 'O'));
      const rows = await evaluateUd(ud, 'dev', oracle, goldTags);
      expect(rows.map((r) => r.name)).toEqual(['EWT dev', 'GUM dev']);
      expect(rows[0].parse).toEqual({ tokens: 14, upos: 1, uas: 1, las: 1 });
      expect(rows[0].entities).toBeNull();
      expect(rows[1].entities).toMatchObject({ tp: 0, fp: 0, fn: 1, recall: 0 });
      await expect(evaluateUd(ud, 'test', oracle, goldTags)).rejects.toThrow(`${join(ud, 'ewt', 'en_ewt-ud-test.conllu')}: no such file`);
    } finally {
      await rm(ud, { recursive: true, force: true });
    }
  });
});
