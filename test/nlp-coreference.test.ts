import { describe, expect, it } from 'vitest';
import { CoreferenceResolver, DESCRIPTION_HEADS, parseDescriptionHeads, type Mention } from '../src/nlp/coreference.ts';

const name = (at: number, sentence: number, words: string, over: Partial<Mention> = {}): Mention => ({ at, sentence, kind: 'name', words: words.split(' '), ...over });
const pronoun = (at: number, sentence: number, w: string, over: Partial<Mention> = {}): Mention => ({ at, sentence, kind: 'pronoun', words: [w], ...over });

describe('coreference resolver', () => {
  it('joins a surname and a fuller name to one entity, named by the fullest spelling', () => {
    const r = new CoreferenceResolver();
    const a = r.addName(name(0, 0, 'Le Pen', { cls: 'person' }));
    const b = r.addName(name(10, 1, 'Marine Le Pen', { cls: 'person', gender: 'f' }));
    expect(b).toBe(a);
    expect(a.name).toBe('Marine Le Pen');
  });
  it('keeps two people who share a surname apart by gender', () => {
    const r = new CoreferenceResolver();
    const bill = r.addName(name(0, 0, 'Bill Clinton', { cls: 'person', gender: 'm' }));
    const hillary = r.addName(name(5, 0, 'Hillary Clinton', { cls: 'person', gender: 'f' }));
    expect(r.resolve(name(20, 2, 'Clinton', { cls: 'person', gender: 'f' }))).toBe(hillary);
    expect(r.resolve(name(21, 2, 'Clinton', { cls: 'person', gender: 'm' }))).toBe(bill);
  });
  it('gives "he" and "she" to the person of their gender, "it" to no person', () => {
    const r = new CoreferenceResolver();
    const anna = r.addName(name(0, 0, 'Anna Berg', { cls: 'person', gender: 'f', subject: true }));
    const tom = r.addName(name(3, 0, 'Tom Hale', { cls: 'person', gender: 'm' }));
    const acme = r.addName(name(6, 0, 'Acme', { cls: 'organisation' }));
    expect(r.resolve(pronoun(10, 1, 'she'))).toBe(anna);
    expect(r.resolve(pronoun(11, 1, 'he'))).toBe(tom);
    expect(r.resolve(pronoun(12, 1, 'it'))).toBe(acme);
  });
  it('prefers the salient entity (a subject mentioned often) over the one named last', () => {
    const r = new CoreferenceResolver();
    const byron = r.addName(name(0, 0, 'Byron', { cls: 'person', gender: 'm', subject: true }));
    for (let k = 1; k <= 3; k++) r.link(pronoun(k * 10, k, 'he', { subject: true }), byron);
    r.addName(name(45, 4, 'Bailey', { cls: 'person', gender: 'm' }));
    expect(r.resolve(pronoun(50, 4, 'he', { subject: true }))).toBe(byron);
  });
  it('leaves a pronoun unresolved when nothing agrees within reach', () => {
    const r = new CoreferenceResolver();
    r.addName(name(0, 0, 'Acme', { cls: 'organisation' }));
    expect(r.resolve(pronoun(5, 0, 'she'))).toBeUndefined();
    expect(r.resolve(pronoun(500, 40, 'it'))).toBeUndefined();
  });
  it('gives "the ministry" only to a ministry, "the company" to the nearest organisation', () => {
    const r = new CoreferenceResolver();
    const ministry = r.addName(name(0, 0, 'Finance Ministry', { cls: 'organisation' }));
    const acme = r.addName(name(5, 1, 'Acme Corp', { cls: 'organisation' }));
    const nominal = (at: number, w: string): Mention => ({ at, sentence: 2, kind: 'nominal', words: ['the', w], cls: DESCRIPTION_HEADS.get(w)!.cls });
    expect(r.resolve(nominal(10, 'ministry'))).toBe(ministry);
    expect(r.resolve(nominal(11, 'company'))).toBe(acme);
    expect(r.resolve(nominal(12, 'court'))).toBeUndefined();
  });
  it('gives "the government" to the country named when no government is', () => {
    const r = new CoreferenceResolver();
    const bolivia = r.addName(name(0, 0, 'Bolivia', { cls: 'place', subject: true }));
    r.addName(name(5, 1, 'Acme Corp', { cls: 'organisation' }));
    expect(r.resolve({ at: 10, sentence: 2, kind: 'nominal', words: ['the', 'government'], cls: 'organisation' })).toBe(bolivia);
  });
  it('reads the description lexicon strictly', () => {
    expect(parseDescriptionHeads('# c\ncompany\torganisation\tany\n').get('company')).toEqual({ cls: 'organisation', any: true, country: false, generic: false });
    expect(parseDescriptionHeads('agency\torganisation\tgeneric\n').get('agency')).toEqual({ cls: 'organisation', any: true, country: false, generic: true });
    expect(() => parseDescriptionHeads('company\tthing\tany')).toThrow(/description-heads.tsv:1/);
  });
});
