import { describe, expect, it } from 'vitest';
import { checkRow, checkSpan, Checker } from '../src/schema/validate.ts';
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
  it('finds duplicate keys', () => {
    const c = new Checker();
    c.row('statements', stmt(), 'a');
    c.row('statements', stmt(), 'b');
    expect(c.report.ok).toBe(false);
    expect(c.report.errors[0].problem).toContain('duplicate statement_id');
  });
});
