import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';

const statements = statementsOf;

describe('an office and whom it serves ("a spokeswoman for the ministry")', () => {
  it('keeps the "for" phrase in a speaker before the cue', () => {
    const rows = statements('Mayor Jim Cole spoke on Monday. A spokeswoman for the Harbor Authority said the pier would reopen in May.');
    expect(rows.map((r) => [r.speaker_mention, r.quote])).toEqual([['A spokeswoman for the Harbor Authority', 'the pier would reopen in May']]);
  });
  it('keeps a lower-case one after a determiner ("a spokesman for the buyer")', () => {
    const rows = statements('A spokesman for the buyer said the deal was final.');
    expect(rows.map((r) => r.speaker_mention)).toEqual(['A spokesman for the buyer']);
  });
  it('keeps it in a speaker after an inverted cue', () => {
    const rows = statements('“We will appeal the ruling,” said a spokesman for Northwind Shipping.');
    expect(rows.map((r) => r.speaker_mention)).toEqual(['a spokesman for Northwind Shipping']);
  });
  it('still reads a phrase of place after a name as no part of the speaker', () => {
    const rows = statements('Senator Ruth Park for her part said the bill was dead.');
    expect(rows.map((r) => r.speaker)).toEqual(['Ruth Park']);
  });
});

describe('a participle whose sentence opens with an adverb or a dateline', () => {
  it('takes the phrase after the opening comma, not the opening word', () => {
    const rows = statements('Shortly after, Democrats gathered outside the hall, saying the vote had been rigged.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Democrats', 'the vote had been rigged']]);
  });
  it('takes the phrase after a dateline dash', () => {
    const rows = statements('OSLO — Protesters marched through the city, demanding new elections.');
    expect(rows.map((r) => r.speaker)).toEqual(['Protesters']);
  });
});
