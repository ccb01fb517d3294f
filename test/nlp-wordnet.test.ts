import { describe, expect, it } from 'vitest';
import { wordClasses } from '../src/nlp/wordnet.ts';

describe('WordNet word classes', () => {
  it('gives the parts of speech of a form through its lemma, and the class of its first noun sense', () => {
    const ministers = wordClasses('ministers');
    expect(ministers.mask & 1).toBe(1); // noun (minister)
    expect(ministers.mask & 2).toBe(2); // verb (to minister)
    expect(ministers.noun).toBe(18); // noun.person
    expect(wordClasses('attacked').mask & 2).toBe(2);
    expect(wordClasses('paris').noun).toBe(15); // noun.location
    expect(wordClasses('quickly').mask).toBe(8);
  });

  it('knows nothing of a word it does not have', () => {
    expect(wordClasses('zxqvbnm')).toEqual({ mask: 0, noun: -1, verb: -1 });
  });
});
