import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';
import { findEntities, SpeakerResolver } from '../src/statements/speakers.ts';
import { genderOfWords, parseFirstNames, pronounVotes } from '../src/statements/gender.ts';

const speakers = (text: string) => statementsOf(text).map((r) => [r.speaker_mention, r.speaker]);

describe('gender of the people an article names', () => {
  it('reads honorifics and offices before given names', () => {
    expect(genderOfWords(['Mrs.'])).toBe('f');
    expect(genderOfWords(['spokeswoman'])).toBe('f');
    expect(genderOfWords(['congressman'])).toBe('m');
    expect(genderOfWords(['Sen.'], 'Margaret')).toBe('f');
    expect(genderOfWords(['Sen.'], 'Thomas')).toBe('m');
    expect(genderOfWords(['Sen.'], 'Zorblat')).toBeUndefined();
  });
  it('reads the pronoun right after a name, not past the next name or the sentence end', () => {
    const text = 'Ostrova said she would run. Brandt said nothing.';
    expect(pronounVotes(text, 'Ostrova'.length, text.indexOf('Brandt'))).toBe('f');
    expect(pronounVotes(text, text.indexOf('Brandt') + 6, text.length)).toBeUndefined();
  });
  it('rejects a names file line without a gender, naming the line', () => {
    expect(() => parseFirstNames('Anna\tf\nBoris\n', 'names.tsv')).toThrow(/names.tsv:2/);
  });
});

describe('"she said" goes to a woman, "he said" to a man', () => {
  it('skips the last man quoted for "she"', () => {
    const text = 'Senator Margaret Olsen met Governor Thomas Reed on Monday. “The budget is late,” Reed said. She said the talks would resume next week.';
    const rows = statementsOf(text);
    expect(rows.find((r) => r.speaker_mention === 'She')?.speaker).toBe('Margaret Olsen');
  });
  it('skips the last woman quoted for "he"', () => {
    const text = 'Mayor Daniel Ruiz and Councilwoman Helen Park spoke after the vote. “We lost this round,” Park said. He said the city would appeal.';
    const rows = statementsOf(text);
    expect(rows.find((r) => r.speaker_mention === 'He')?.speaker).toBe('Daniel Ruiz');
  });
  it('learns a gender from the pronoun the article uses when the given name is unknown', () => {
    const text = 'Quillon Marr chaired the hearing. Zorblat Kavanagh said she had not been consulted. “It was rushed,” he said.';
    const rows = statementsOf(text);
    expect(rows.find((r) => r.kind === 'direct')?.speaker).toBe('Quillon Marr');
  });
  it('still gives "he" to the last man quoted when the genders are unknown', () => {
    const text = 'Zorblat Kavanagh spoke first. “We will win,” Kavanagh said. He said the count would take a week.';
    expect(statementsOf(text).find((r) => r.speaker_mention === 'He')?.speaker).toBe('Zorblat Kavanagh');
  });
  it('resolves "Mrs. Clinton" to the woman when two people share the last name', () => {
    const r = new SpeakerResolver(findEntities('Bill Vance and Hillary Vance arrived. Mrs. Vance said it was late.'));
    expect(r.resolve('Mrs. Vance', 40).speaker).toBe('Hillary Vance');
    expect(r.resolve('Mr. Vance', 40).speaker).toBe('Bill Vance');
  });
});

describe('a party and state after a name ("Sen. Ted Cruz (R-Tex.)")', () => {
  it('is no sentence end between the name and the cue after a quote', () => {
    const text = '“We are ready,” Rep. Alan Moss said.\n\n“There is real energy in these races,” Rep. Earl Banner (D-Ore.) said.';
    expect(speakers(text)).toEqual([['Rep. Alan Moss', 'Alan Moss'], ['Rep. Earl Banner', 'Earl Banner']]);
  });
});
