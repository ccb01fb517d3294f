import { describe, expect, it } from 'vitest';
import { tokenizeSentence } from '../src/nlp/tokenize.ts';

const forms = (s: string, options = {}) => tokenizeSentence(s, 0, s.length, options).map((t) => t.form);

function expectOffsets(text: string, start = 0, end = text.length) {
  const toks = tokenizeSentence(text, start, end);
  let prev = start;
  for (const t of toks) {
    expect(t.form).toBe(text.slice(t.start, t.end));
    expect(t.start).toBeGreaterThanOrEqual(prev);
    expect(t.end).toBeGreaterThan(t.start);
    expect(t.end).toBeLessThanOrEqual(end);
    prev = t.end;
  }
  return toks;
}

describe('tokenizeSentence', () => {
  it('gives offsets into the whole text, for a sentence in its middle', () => {
    const text = 'First one. He said: "It\'s done." Last one.';
    const a = text.indexOf('He');
    const b = text.indexOf(' Last');
    const toks = expectOffsets(text, a, b);
    expect(toks.map((t) => t.form)).toEqual(['He', 'said', ':', '"', 'It', "'s", 'done', '.', '"']);
    expect(toks[0]).toEqual({ form: 'He', start: a, end: a + 2 });
  });

  it('splits punctuation off words', () => {
    expect(forms('He said.')).toEqual(['He', 'said', '.']);
    expect(forms('Wait, what?! Really...')).toEqual(['Wait', ',', 'what', '?!', 'Really', '...']);
    expect(forms('(see below); [ok]')).toEqual(['(', 'see', 'below', ')', ';', '[', 'ok', ']']);
  });

  it('splits clitics as UD does, with either apostrophe', () => {
    expect(forms("don't can't won't it's John's")).toEqual(['do', "n't", 'ca', "n't", 'wo', "n't", 'it', "'s", 'John', "'s"]);
    expect(forms("they're I'll we've I'd I'm")).toEqual(['they', "'re", 'I', "'ll", 'we', "'ve", 'I', "'d", 'I', "'m"]);
    expect(forms('don’t it’s they’re DON’T')).toEqual(['do', 'n’t', 'it', '’s', 'they', '’re', 'DO', 'N’T']);
    expect(forms("the companies' boss")).toEqual(['the', 'companies', "'", 'boss']);
    expect(forms('I cannot, I am gonna')).toEqual(['I', 'can', 'not', ',', 'I', 'am', 'gon', 'na']);
    expect(forms("O'Brien's rock'n'roll")).toEqual(["O'Brien", "'s", "rock'n'roll"]);
  });

  it('keeps quotes and brackets separate', () => {
    expect(forms('"Yes," she said (quietly).')).toEqual(['"', 'Yes', ',', '"', 'she', 'said', '(', 'quietly', ')', '.']);
    expect(forms('“We’ll see,” he said.')).toEqual(['“', 'We', '’ll', 'see', ',', '”', 'he', 'said', '.']);
    expect(forms("'Hello,' he said")).toEqual(["'", 'Hello', ',', "'", 'he', 'said']);
  });

  it('splits hyphenated compounds as UD does, keeping bound prefixes and numbers', () => {
    expect(forms('a well-known e-mail from a non-profit co-founder')).toEqual(
      ['a', 'well', '-', 'known', 'e-mail', 'from', 'a', 'non-profit', 'co-founder'],
    );
    expect(forms('call 713-853-3989 or a 15-year deal')).toEqual(['call', '713-853-3989', 'or', 'a', '15', '-', 'year', 'deal']);
    expect(forms('a well-known man', { keepHyphenated: true })).toEqual(['a', 'well-known', 'man']);
  });

  it('keeps numbers whole and splits $ and %', () => {
    expect(forms('4,000 people paid $5 or 3.5% at 10:30 on 08/16/2000')).toEqual(
      ['4,000', 'people', 'paid', '$', '5', 'or', '3.5', '%', 'at', '10:30', 'on', '08/16/2000'],
    );
    expect(forms('$1,250,000.')).toEqual(['$', '1,250,000', '.']);
    expect(forms('1,2 and 3,')).toEqual(['1', ',', '2', 'and', '3', ',']);
  });

  it('keeps the dot of abbreviations and initials', () => {
    expect(forms('Mr. Smith and Dr. Jones of the U.S. Army, e.g. J. K. Rowling, met at 4 p.m. today.')).toEqual(
      ['Mr.', 'Smith', 'and', 'Dr.', 'Jones', 'of', 'the', 'U.S.', 'Army', ',', 'e.g.', 'J.', 'K.', 'Rowling', ',', 'met', 'at', '4', 'p.m.', 'today', '.'],
    );
    expect(forms('Acme Inc. said so.')).toEqual(['Acme', 'Inc.', 'said', 'so', '.']);
  });

  it('splits the dot of a sentence-final abbreviation, as the EWT training data does', () => {
    expect(forms('They live in the U.S.')).toEqual(['They', 'live', 'in', 'the', 'U.S', '.']);
    expect(forms('"They live in the U.S."')).toEqual(['"', 'They', 'live', 'in', 'the', 'U.S', '.', '"']);
    expect(forms('They live in the U.S.', { keepFinalAbbreviationDot: true })).toEqual(['They', 'live', 'in', 'the', 'U.S.']);
    expect(forms('It is Acme Inc..')).toEqual(['It', 'is', 'Acme', 'Inc.', '.']);
  });

  it('keeps URLs, e-mail addresses, handles and file names whole', () => {
    expect(forms('See https://example.com/a-b?x=1&y=2, or www.bbc.co.uk.')).toEqual(
      ['See', 'https://example.com/a-b?x=1&y=2', ',', 'or', 'www.bbc.co.uk', '.'],
    );
    expect(forms('Mail jane.doe@example.org (or @newsdesk), see report.pdf.')).toEqual(
      ['Mail', 'jane.doe@example.org', '(', 'or', '@newsdesk', ')', ',', 'see', 'report.pdf', '.'],
    );
    expect(forms('(http://x.org/wiki/Foo_(bar))')).toEqual(['(', 'http://x.org/wiki/Foo_(bar)', ')']);
  });

  it('makes ellipses and dashes tokens of their own', () => {
    expect(forms('Well... maybe—or not – or -- no…')).toEqual(['Well', '...', 'maybe', '—', 'or', 'not', '–', 'or', '--', 'no', '…']);
    expect(forms('AT&T and R&D')).toEqual(['AT&T', 'and', 'R&D']);
  });

  it('handles the empty and the white-space-only sentence, and bad bounds', () => {
    expect(tokenizeSentence('', 0, 0)).toEqual([]);
    expect(tokenizeSentence('   \n\t  ', 0, 7)).toEqual([]);
    expect(tokenizeSentence('abc', 2, 1)).toEqual([]);
    expect(tokenizeSentence('abc', -5, 99).map((t) => t.form)).toEqual(['abc']);
    expect(tokenizeSentence('abc', NaN, NaN)).toEqual([{ form: 'abc', start: 0, end: 3 }]);
  });

  it('keeps offsets exact on odd input (surrogates, marks, control characters)', () => {
    for (const s of ['café 😀😀 naïve\u0301 x\u200bY', '\uD800 lone \uDC00 surrogates', "''''", 'a-b-c-', '5\'10" tall', '#1 #tag @a.b', ':) :-( ;D']) {
      const toks = expectOffsets(s);
      expect(toks.map((t) => t.form).join('').replace(/\s/g, '')).toBe(s.replace(/[\s\u200b]/g, ''));
    }
  });

  it('is linear: 5 MB of one repeated character in well under a second', () => {
    for (const ch of ['a', '.', "'", ',', '-', ' ', '(', '😀']) {
      const s = ch.repeat(5_000_000 / ch.length);
      const t0 = performance.now();
      const toks = tokenizeSentence(s, 0, s.length);
      expect(performance.now() - t0).toBeLessThan(1500); // generous: the test machine is shared
      expect(toks.length).toBeLessThanOrEqual(1);
    }
  });
});
