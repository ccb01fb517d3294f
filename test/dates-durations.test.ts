/** Dates from text: durations are not dates (sentences of our own). */
import { describe, expect, it } from 'vitest';
import { resolveDates } from '../src/text/when.ts';

const dates = (text: string) => resolveDates(text, '2022-03-10').map((d) => d.date);

describe('durations', () => {
  it('are never dates', () => {
    expect(dates('Britain fought in Afghanistan for 20 years.')).toEqual([]);
    expect(dates('The two sides talked for several years.')).toEqual([]);
    expect(dates('The ceasefire will last for two weeks.')).toEqual([]);
    expect(dates('Fighting went on over three days.')).toEqual([]);
  });
  it('nor is a span counted from another event', () => {
    expect(dates('In 2019, after three months of talks, the two sides agreed.')).toEqual(['2019']);
    expect(dates('He was freed after two weeks in jail, three days after his trial.')).toEqual([]);
    expect(dates('Two days later the rebels withdrew.')).toEqual([]);
  });
  it('dates what happened in a named period by the year it ended, once it has ended', () => {
    expect(dates('The army fought off Soviet forces during the second world war.')).toEqual(['1945']);
    expect(dates('It was the worst attack since the second world war, at a world war memorial.')).toEqual([]);
    expect(resolveDates('Troops died in the Iraq war.', '2004-06-10')).toEqual([]);
  });
  it('while dates beside them still are', () => {
    expect(dates('Rebels attacked the town on 3 March.')).toEqual(['2022-03-03']);
    expect(dates('The envoy will return in two weeks.')).toEqual(['2022-03-24']);
  });
});
describe('numbers and days without a year', () => {
  it('reads two numbers and a slash without a year as a fraction, not a date', () => {
    expect(resolveDates('Argentina pays 7/8 pct over Libor, a 1/4 point drop.', '1987-03-30')).toEqual([]);
    expect(resolveDates('The loan was signed on 3/4/87.', '1987-03-30').map((d) => d.date)).toEqual(['1987-03-04']);
  });
  it('reads a day named without a year more than half a year back as the coming one, unless the clause is past', () => {
    const days = (text: string) => resolveDates(text, '1987-03-30').map((d) => d.date);
    expect(days('North Korea proposed a preliminary meeting on April 23.')).toEqual(['1987-04-23']);
    expect(days('The accord was signed on April 23.')).toEqual(['1986-04-23']);
    // (within half a year back, the day is past)
    expect(days('North Korea proposed a meeting on January 23.')).toEqual(['1987-01-23']);
  });
});
