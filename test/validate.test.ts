import { describe, expect, it } from 'vitest';
import { checkRow, checkSpan, Checker, codePointText } from '../src/schema/validate.ts';
import { toRow } from '../src/schema/rows.ts';

const stmt = (over: Record<string, unknown> = {}) =>
  toRow('statements', { statement_id: 'stm_0123456789abcdef', article_id: 'art_0123456789abcdef', quote: 'hello world', kind: 'direct', start: 6, end: 17, start_utf16: 6, end_utf16: 17, confidence: 0.9, ...over });

describe('row checks', () => {
  it('accepts a good row', () => {
    expect(checkRow('statements', stmt())).toEqual([]);
  });
  it('names the column and the problem', () => {
    expect(checkRow('statements', stmt({ kind: 'shouted' }))).toEqual(['kind must be one of direct, indirect, mixed (got "shouted")']);
    expect(checkRow('statements', stmt({ quote: '' }))).toEqual(['quote is required']);
    expect(checkRow('statements', stmt({ start: 1.5 }))).toEqual(['start must be an integer (got 1.5)']);
    expect(checkRow('statements', stmt({ statement_id: 'x' }))[0]).toContain('does not match');
    expect(checkRow('statements', { ...stmt(), extra: 1 })).toContain('unknown column extra');
  });
  it('checks that offsets slice the text to the quote', () => {
    const text = 'They: hello world.';
    expect(checkSpan(text, stmt(), 'start', 'end', 'hello world', 'quote')).toBeNull();
    expect(checkSpan(text, stmt({ start: 5 }), 'start', 'end', 'hello world', 'quote')).toContain('not "hello world"');
    expect(checkSpan(text, stmt({ end: 99 }), 'start', 'end', 'hello world', 'quote')).toContain('outside the article text');
  });
  it('refuses an empty string: a missing value is null (issue 18 #1)', () => {
    expect(toRow('statements', { speaker: '' }).speaker).toBeNull();
    expect(checkRow('statements', { ...stmt(), speaker: '' })).toEqual(['speaker is an empty string: a missing value is null']);
    expect(checkRow('statements', { ...stmt(), speaker: null })).toEqual([]);
  });
  it('checks offsets in code points and in UTF-16 code units (issue 18 #2)', () => {
    const text = '🇺🇦 They: hello world.'; // a flag: 2 code points, 4 UTF-16 units
    const row = stmt({ start: 9, end: 20, start_utf16: 11, end_utf16: 22 });
    expect(checkSpan(codePointText(text), row, 'start', 'end', 'hello world', 'quote')).toBeNull();
    expect(checkSpan(text, row, 'start_utf16', 'end_utf16', 'hello world', 'quote')).toBeNull();
    // UTF-16 offsets in start/end no longer pass: Python, R and SQL would slice the wrong words.
    expect(checkSpan(codePointText(text), stmt({ start: 10, end: 21 }), 'start', 'end', 'hello world', 'quote')).toContain('not "hello world"');
  });
  it('finds duplicate keys', () => {
    const c = new Checker();
    c.row('statements', stmt(), 'a');
    c.row('statements', stmt(), 'b');
    expect(c.report.ok).toBe(false);
    expect(c.report.errors[0].problem).toContain('duplicate statement_id');
  });
});
