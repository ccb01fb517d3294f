import { describe, expect, it } from 'vitest';
import {
  AnalysedDocument,
  children,
  entitySpans,
  headOf,
  parseUnits,
  pathToRoot,
  subtree,
  tokenSpan,
  type Analyser,
} from '../src/nlp/document.ts';
import type { AnalysedSentence, NlpToken, WordAnalysis } from '../src/nlp/types.ts';
import type { Span } from '../src/schema/records.ts';

/** A fake analyser: every word hangs on the first; capitalised words after the first are PERSON mentions. */
function fake(): { analyse: Analyser; calls: string[][] } {
  const calls: string[][] = [];
  const analyse: Analyser = (forms) => {
    calls.push(forms);
    const ner = forms.map((f, k) => {
      if (k === 0 || !/^[A-Z]/.test(f)) return 'O';
      return /^[A-Z]/.test(forms[k - 1]) && k > 1 ? 'I-PERSON' : 'B-PERSON';
    });
    return {
      upos: forms.map(() => 'X'),
      heads: Int32Array.from(forms, (_, k) => (k === 0 ? -1 : 0)),
      deprels: forms.map((_, k) => (k === 0 ? 'root' : 'dep')),
      ner,
    } satisfies WordAnalysis;
  };
  return { analyse, calls };
}

const TEXT = 'One sentence here.\n\nThen met Anna Berg today. A third one.   ';
const SPANS: Span[] = [
  [0, 18],
  [20, 45],
  [46, 58],
  [58, 61], // white space only
];

describe('AnalysedDocument', () => {
  it('tokenizes without analysing, with offsets into the text', () => {
    const { analyse, calls } = fake();
    const doc = new AnalysedDocument(TEXT, SPANS, analyse);
    expect(doc.sentenceCount).toBe(4);
    const toks = doc.tokens(1);
    expect(toks.map((t) => t.form)).toEqual(['Then', 'met', 'Anna', 'Berg', 'today', '.']);
    for (const t of toks) expect(TEXT.slice(t.start, t.end)).toBe(t.form);
    expect(doc.tokens(3)).toEqual([]);
    expect(calls).toEqual([]);
    expect(() => doc.tokens(4)).toThrow(RangeError);
  });

  it('analyses only the sentences asked for, once each', () => {
    const { analyse, calls } = fake();
    const doc = new AnalysedDocument(TEXT, SPANS, analyse);
    const s = doc.sentence(2);
    expect(calls).toEqual([['A', 'third', 'one', '.']]);
    expect(doc.sentence(2)).toBe(s);
    expect(calls.length).toBe(1);
    expect(doc.isAnalysed(2)).toBe(true);
    expect(doc.isAnalysed(0)).toBe(false);
    expect(s.span).toEqual([46, 58]);
    expect(s.tokens).toBe(doc.tokens(2));
    expect(Array.from(s.heads)).toEqual([-1, 0, 0, 0]);
  });

  it('analyses an empty sentence without calling the analyser', () => {
    const { analyse, calls } = fake();
    const doc = new AnalysedDocument(TEXT, SPANS, analyse);
    const s = doc.sentence(3);
    expect(s.tokens).toEqual([]);
    expect(s.heads.length).toBe(0);
    expect(s.entities).toEqual([]);
    expect(calls).toEqual([]);
  });

  it('finds the sentence containing an offset', () => {
    const doc = new AnalysedDocument(TEXT, SPANS, fake().analyse);
    expect(doc.sentenceAt(0)).toBe(0);
    expect(doc.sentenceAt(17)).toBe(0);
    expect(doc.sentenceAt(18)).toBe(-1); // between sentences
    expect(doc.sentenceAt(20)).toBe(1);
    expect(doc.sentenceAt(TEXT.indexOf('Berg'))).toBe(1);
    expect(doc.sentenceAt(46)).toBe(2);
    expect(doc.sentenceAt(-1)).toBe(-1);
    expect(doc.sentenceAt(1000)).toBe(-1);
    expect(new AnalysedDocument('', [], fake().analyse).sentenceAt(0)).toBe(-1);
    const unordered = new AnalysedDocument(TEXT, [SPANS[2], SPANS[0]], fake().analyse);
    expect(unordered.sentenceAt(TEXT.indexOf('third'))).toBe(0);
    expect(unordered.sentenceAt(3)).toBe(1);
  });

  it('builds entity spans from the BIO tags', () => {
    const doc = new AnalysedDocument(TEXT, SPANS, fake().analyse);
    const start = TEXT.indexOf('Anna');
    expect(doc.entities(1)).toEqual([{ type: 'PERSON', from: 2, to: 4, start, end: start + 'Anna Berg'.length, text: 'Anna Berg' }]);
  });

  it('cuts a very long sentence into parse units, each with its own root', () => {
    const { analyse, calls } = fake();
    const text = Array.from({ length: 1000 }, (_, k) => (k % 150 === 149 ? 'w,' : 'w')).join(' ');
    const doc = new AnalysedDocument(text, [[0, text.length]], analyse);
    const s = doc.sentence(0);
    expect(s.tokens.length).toBe(1006);
    expect(calls.length).toBe(4); // cut after the commas at tokens 301, 603, 905
    for (const c of calls) expect(c.length).toBeLessThanOrEqual(400);
    expect(calls.map((c) => c.length).reduce((x, y) => x + y)).toBe(1006);
    expect(calls[0][calls[0].length - 1]).toBe(','); // cut after punctuation
    expect(Array.from(s.heads).filter((h) => h === -1).length).toBe(4);
    expect(s.heads[calls[0].length + 1]).toBe(calls[0].length); // heads shifted into the sentence
    expect(parseUnits(['a', 'b', 'c'], 2)).toEqual([[0, 2], [2, 3]]);
  });
});

describe('entitySpans', () => {
  const text = 'Ann Lee of Acme Corp in Paris';
  const tokens: NlpToken[] = [];
  for (const m of text.matchAll(/\S+/g)) tokens.push({ form: m[0], start: m.index!, end: m.index! + m[0].length });

  it('starts at B-, continues with I- of the same type only; a stray I- starts a mention (conlleval reading)', () => {
    const ner = ['B-PERSON', 'I-PERSON', 'O', 'B-ORGANIZATION', 'I-PERSON', 'O', 'B-PLACE'];
    expect(entitySpans(text, tokens, ner)).toEqual([
      { type: 'PERSON', from: 0, to: 2, start: 0, end: 7, text: 'Ann Lee' },
      { type: 'ORGANIZATION', from: 3, to: 4, start: 11, end: 15, text: 'Acme' },
      { type: 'PERSON', from: 4, to: 5, start: 16, end: 20, text: 'Corp' },
      { type: 'PLACE', from: 6, to: 7, start: 24, end: 29, text: 'Paris' },
    ]);
  });

  it('makes adjacent B- tags separate mentions and ignores unknown types', () => {
    const ner = ['B-PERSON', 'B-PERSON', 'O', 'B-MISC', 'I-MISC', 'O', 'B-PLACE'];
    expect(entitySpans(text, tokens, ner).map((e) => e.text)).toEqual(['Ann', 'Lee', 'Paris']);
  });
});

describe('tree helpers', () => {
  // "The old man saw a dog ." : saw <- man (nsubj) <- The, old; saw -> dog (obj) -> a; saw -> .
  const forms = ['The', 'old', 'man', 'saw', 'a', 'dog', '.'];
  const base = 100;
  let at = base;
  const tokens: NlpToken[] = forms.map((form) => {
    const t = { form, start: at, end: at + form.length };
    at += form.length + 1;
    return t;
  });
  const s: AnalysedSentence = {
    span: [base, at - 1],
    tokens,
    upos: ['DET', 'ADJ', 'NOUN', 'VERB', 'DET', 'NOUN', 'PUNCT'],
    heads: Int32Array.from([2, 2, 3, -1, 5, 3, 3]),
    deprels: ['det', 'amod', 'nsubj', 'root', 'det', 'obj', 'punct'],
    ner: forms.map(() => 'O'),
    entities: [],
  };

  it('children, in order', () => {
    expect(children(s, 3)).toEqual([2, 5, 6]);
    expect(children(s, 2)).toEqual([0, 1]);
    expect(children(s, 0)).toEqual([]);
    expect(children(s, 99)).toEqual([]);
  });

  it('subtree as a token range', () => {
    expect(subtree(s, 2)).toEqual([0, 3]);
    expect(subtree(s, 5)).toEqual([4, 6]);
    expect(subtree(s, 3)).toEqual([0, 7]);
    expect(subtree(s, 6)).toEqual([6, 7]);
  });

  it('headOf and pathToRoot', () => {
    expect(headOf(s, 0)).toBe(2);
    expect(headOf(s, 3)).toBe(-1);
    expect(pathToRoot(s, 0)).toEqual([0, 2, 3]);
    expect(pathToRoot(s, 3)).toEqual([3]);
    const cyclic = { heads: Int32Array.from([1, 0]) };
    expect(pathToRoot(cyclic, 0)).toEqual([0, 1]);
    expect(subtree(cyclic, 0)).toEqual([0, 2]);
  });

  it('tokenSpan gives article offsets', () => {
    const [a, b] = tokenSpan(s, ...subtree(s, 2));
    expect([a, b]).toEqual([100, 100 + 'The old man'.length]);
    expect(tokenSpan(s, 5, 6)).toEqual([tokens[5].start, tokens[5].end]);
    expect(tokenSpan(s, 3, 3)).toEqual([tokens[3].start, tokens[3].start]);
  });
});
