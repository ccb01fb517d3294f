import { describe, expect, it } from 'vitest';
import { parseJudgements } from '../src/statements/lexicon.ts';
import { statementsOf } from './support/articles.ts';

const statements = statementsOf;

describe('judgements without a speaker', () => {
  it('reads "X seemed to ..." as a statement of the subject and what follows, with no speaker', () => {
    const rows = statements('The mayor of the small town seemed to enjoy the long debate with his rivals.');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('The mayor of the small town seemed to enjoy the long debate with his rivals');
    expect(rows[0].cue).toBe('seemed');
    expect(rows[0].speaker).toBe('');
  });
  it('needs a form of be before a passive form, and takes the adverb with it', () => {
    const rows = statements('Ms. Jones is widely expected to win the vote in the northern county.');
    expect(rows.map((r) => r.cue)).toEqual(['is widely expected']);
    expect(rows[0].quote.startsWith('Ms. Jones')).toBe(true);
    expect(statements('The expected to be announced results were late again this week.')).toHaveLength(0);
  });
  it('starts the subject after a clause boundary and leaves leading conjunctions out', () => {
    const rows = statements('But when the vote came, the party appeared to split into two camps over the plan.');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('the party appeared to split into two camps over the plan');
  });
  it('is not a judgement before "to" and a place or a listener', () => {
    expect(statements('The senator appeared to the crowd at the rally in the evening.')).toHaveLength(0);
  });
  it('gives the subject the words when a reporting verb follows: "appeared to suggest"', () => {
    const rows = statements('Senator Maria Lopez appeared to suggest that the bill would fail in the house.');
    expect(rows).toHaveLength(1);
    expect(rows[0].speaker).toBe('Maria Lopez');
    expect(rows[0].quote).toBe('the bill would fail in the house');
  });
  it('rejects a line it cannot read', () => {
    expect(() => parseJudgements('seem\nbe widely expected\n')).toThrow(/judgements.txt/);
    expect(parseJudgements('seem\nbe expected\n').get('expected')).toEqual({ afterBe: true });
  });
});
