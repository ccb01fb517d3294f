import { describe, expect, it } from 'vitest';
import { extractEvents, type EventRow } from '../src/events/extract.ts';
import { findActorGroups, findActors } from '../src/events/actors.ts';
import { holderAt, LEXICON, termAt } from '../src/events/lexicon.ts';
import { findPlaces, pickCity } from '../src/events/places.ts';
import { compile, findTriggers, verbForms } from '../src/events/triggers.ts';
import { tokenize } from '../src/events/tokens.ts';
import { resolveDates } from '../src/text/when.ts';
import { segmented } from './support/articles.ts';
import { extractStatements, type StatementRow } from '../src/statements/extract.ts';
import { SECTORS } from '../src/schema/tables.ts';

const article = segmented;

const events = (text: string, published?: string, statements: StatementRow[] = []) => {
  const a = article(text, published);
  const ev = extractEvents(a, statements);
  for (const e of ev) expect(a.text.slice(e.start, e.end)).toBe(e.trigger); // offsets slice the text
  return ev;
};
const only = (text: string, published?: string): EventRow => {
  const ev = events(text, published);
  expect(ev).toHaveLength(1);
  return ev[0];
};
const actorsIn = (text: string, date = '2021-02-18') =>
  findActors(text, 0, text.length, date).map((a) => ({ text: a.text, name: a.name, country: a.country, sector: a.sector, office: a.office }));

describe('actor dictionary', () => {
  it('knows every country by name, demonym, capital and seat of government', () => {
    expect(actorsIn('Afghanistan')[0]).toMatchObject({ name: 'Afghanistan', country: 'AFG' });
    expect(actorsIn('Kyrgyzstan')[0]).toMatchObject({ country: 'KGZ' }); // from the package, not from our files
    expect(actorsIn('Ivorians')[0]).toMatchObject({ country: 'CIV' }); // plural demonym
    expect(actorsIn('the Kremlin')[0]).toMatchObject({ name: 'Russia', country: 'RUS' });
    expect(actorsIn('Washington')[0]).toMatchObject({ country: 'USA' });
    expect(actorsIn('Americans')[0]).toMatchObject({ country: 'USA' }); // the sovereign state, not a territory
  });
  it('knows organisations and armed groups under their aliases', () => {
    expect(actorsIn('Daesh')[0]).toMatchObject({ name: 'Islamic State', country: '', sector: 'rebels' });
    expect(actorsIn('al-Qaeda')[0]).toMatchObject({ name: 'Al Qaeda' });
    expect(actorsIn('The North Atlantic Treaty Organization')[0]).toMatchObject({ name: 'NATO', sector: 'international' });
  });
  it('joins a country word and a sector word into one actor', () => {
    expect(actorsIn('Afghan troops')).toEqual([{ text: 'Afghan troops', name: 'Afghan troops', country: 'AFG', sector: 'military', office: '' }]);
    expect(actorsIn("Poland's parliament")[0]).toMatchObject({ country: 'POL', sector: 'legislature' });
    expect(actorsIn('rebels in Darfur')[0]).toMatchObject({ sector: 'rebels' });
    expect(actorsIn('Security forces in Guinea')[0]).toMatchObject({ country: 'GIN', sector: 'military' });
    // (several sector words after the country word keep its country: survey 16)
    expect(actorsIn('Chilean miners union leaders')[0]).toMatchObject({ text: 'Chilean miners union leaders', country: 'CHL' });
  });
  it('keeps a verb out of the noun phrase', () => {
    expect(actorsIn('Britain mobilized reservists').map((a) => a.text)).toEqual(['Britain', 'reservists']);
  });
  it('makes a list one compound group, and commas alone no list', () => {
    const text = 'Pakistan, Iran and Russia asked the United States.';
    const groups = findActorGroups(text, 0, text.length);
    expect(groups[0].actors.map((a) => a.country)).toEqual(['PAK', 'IRN', 'RUS']);
    const split = findActorGroups('On Iraq, defence ministers agreed.', 0, 34);
    expect(split.map((g) => g.actors.length)).toEqual([1, 1]);
  });
  it('reads a country word before capitalised common nouns as a company of that country (survey 16)', () => {
    expect(actorsIn('Kenya Line said')[0]).toMatchObject({ name: 'Kenya Line', country: 'KEN', sector: 'business' });
    expect(actorsIn('Chile Air said')[0]).toMatchObject({ name: 'Chile Air', country: 'CHL', sector: 'business' });
    // not a state's body, a region, a people or an animal, nor the word Reuters capitalises after "U.S."
    expect(actorsIn('U.S. Customs said')[0]).toMatchObject({ country: 'USA', sector: 'government' });
    expect(actorsIn('the Indian Ocean')).toEqual([expect.objectContaining({ name: 'India' })]);
    expect(actorsIn('the Uruguay Round')).toEqual([]);
    expect(actorsIn('Soviet Jews said')[0]).toMatchObject({ name: 'Russia' });
    expect(actorsIn('an Iranian Silkworm missile')[0]).toMatchObject({ name: 'Iran' });
    expect(actorsIn('the U.S. Proposal')[0]).toMatchObject({ name: 'United States', sector: 'government' });
    expect(actorsIn('a Japanese Trade and Industry official')[0]).toMatchObject({ country: 'JPN', sector: 'government' });
  });
  it('reads a capital or a country named before what was agreed, met or happened there as the place, not a party (survey 16)', () => {
    expect(actorsIn('the Rome accord')).toEqual([]);
    expect(actorsIn('the Uruguay trade round')).toEqual([]);
    expect(actorsIn('the London interbank offered rate')).toEqual([]);
    // (an author's plan, and a party's own people, stay parties)
    expect(actorsIn('the Soviet plan')[0]).toMatchObject({ country: 'RUS' });
    expect(actorsIn("Rome's accord")[0]).toMatchObject({ country: 'ITA' });
  });
  it('knows victims, survivors and migrants as civilians (survey 16)', () => {
    expect(actorsIn('drought victims in Ethiopia')[0]).toMatchObject({ country: 'ETH', sector: 'civilians' });
  });
  it('knows the names newswire of the 1980s used (Zaire, Kampuchea, Rhodesia)', () => {
    expect(actorsIn('Zairean officials')[0]).toMatchObject({ country: 'COD', sector: 'government' });
    expect(actorsIn('Kampuchean troops')[0]).toMatchObject({ country: 'KHM', sector: 'military' });
  });
  it('resolves titled names, known or not', () => {
    expect(actorsIn('President Ashraf Ghani', '2020-05-01')[0]).toMatchObject({ name: 'Ashraf Ghani', country: 'AFG', office: 'president' });
    expect(actorsIn('Algerian President Ahmed Ben Bella')[0]).toMatchObject({ name: 'Ahmed Ben Bella', country: 'DZA', office: 'president' });
  });
});

describe('dictionary data', () => {
  it('uses only sectors the schema allows', () => {
    const sectors = new Set<string>(SECTORS);
    for (const m of [LEXICON.names, LEXICON.common, LEXICON.titles]) for (const e of m.values()) if (e.sector) expect(sectors.has(e.sector), `${e.name}: ${e.sector}`).toBe(true);
    for (const s of LEXICON.orgHeads.values()) expect(sectors.has(s), s).toBe(true);
  });
  it('reads a hyphenated pair of parties as both of them', () => {
    const text = 'the US-Taliban agreement';
    expect(findActorGroups(text, 0, text.length)[0].actors.map((a) => a.country)).toEqual(['USA', 'AFG']);
  });
  it('reads "Vietnamese-led forces" as Vietnam\'s', () => {
    expect(actorsIn('Vietnamese-led forces')[0]).toMatchObject({ country: 'VNM', sector: 'military' });
  });
  it('keeps capitals that are first names as places only', () => {
    expect(actorsIn('Victoria said')).toEqual([]);
  });
});

describe('dated offices', () => {
  const ghani = LEXICON.names.get('Ashraf Ghani')!;
  it('gives the office a person held on the date', () => {
    expect(termAt(ghani, '2021-08-01')?.office).toBe('president');
    expect(termAt(ghani, '2021-09-01')).toBeUndefined(); // he left office in August 2021
    expect(termAt(LEXICON.names.get('Joe Biden')!, '2012')?.office).toBe('vice president');
  });
  it('finds who held an office on a date', () => {
    expect(holderAt('USA', 'president', '2020-06-01')?.person.name).toBe('Donald Trump');
    expect(holderAt('USA', 'president', '2021-06-01')?.person.name).toBe('Joe Biden');
    expect(holderAt('AFG', 'president', '2022-01-01')).toBeUndefined();
  });
  it('resolves "the Afghan president" to the holder at the event date', () => {
    expect(actorsIn('the Afghan president', '2020-11-18')[0]).toMatchObject({ name: 'Ashraf Ghani', country: 'AFG', office: 'president' });
    expect(actorsIn('the Afghan president', '2010-11-18')[0]).toMatchObject({ name: 'Hamid Karzai' });
  });
  it('keeps a person out of office with their country but no office', () => {
    expect(actorsIn('Ghani', '2023-01-01')[0]).toMatchObject({ country: 'AFG', office: '' });
  });
});

describe('triggers', () => {
  it('inflects verb lemmas, regular and irregular', () => {
    expect(verbForms('ban')).toEqual(expect.arrayContaining(['bans', 'banned', 'banning']));
    expect(verbForms('withdraw')).toEqual(expect.arrayContaining(['withdrew', 'withdrawn', 'withdrawing']));
    expect(verbForms('agree')).toEqual(expect.arrayContaining(['agreed', 'agreeing']));
  });
  it('matches gapped patterns and rejects unknown types', () => {
    const toks = tokenize('Pakistan returned 46 Afghan soldiers.');
    expect(findTriggers(toks).map((t) => t.pattern.type)).toEqual(['RETREAT']);
    expect(() => compile('attack\tFIGHTING')).toThrow(/unknown PLOVER type/);
  });
  it('lets a blocking pattern say that words are no event', () => {
    expect(findTriggers(tokenize('They failed to meet their obligations.'))).toEqual([]);
    expect(findTriggers(tokenize('They met the minister.'))).toHaveLength(1);
  });
  it('takes no capitalised word inside a sentence for a trigger', () => {
    expect(findTriggers(tokenize('Talks resumed in March.'))).toHaveLength(1);
    expect(findTriggers(tokenize('He spoke in March.'))).toHaveLength(0);
  });
});

describe('event coding', () => {
  it('codes type, mode, context, actor and recipient', () => {
    expect(only('The Taliban attacked Afghan troops in Kandahar.')).toMatchObject({
      event_type: 'ASSAULT', actor: 'Taliban', actor_country: 'AFG', actor_sector: 'rebels',
      recipient_country: 'AFG', recipient_sector: 'military', trigger: 'attacked',
    });
    expect(only('Russia withdrew its troops from Syria.')).toMatchObject({ event_type: 'RETREAT', mode: 'withdraw', context: 'military', recipient_country: 'SYR' });
  });
  it('codes joint exercises as cooperation and one country\'s as mobilisation', () => {
    expect(only('Japan and the United States held joint naval exercises.')).toMatchObject({ event_type: 'COOPERATE', actor_countries: 'JPN;USA' });
    expect(only('Russia held exercises near the Ukrainian border.')).toMatchObject({ event_type: 'MOBILIZE', mode: 'troops' });
  });
  it('keeps a party of the same country as the recipient of a domestic event', () => {
    expect(only('Kenyan police fired tear gas at demonstrators in Nairobi.')).toMatchObject({
      event_type: 'ASSAULT', mode: 'crowd-control', actor_country: 'KEN', actor_sector: 'police', recipient_country: 'KEN', recipient_sector: 'civilians', location: 'Nairobi',
    });
  });
  it('makes a list of actors one event', () => {
    const e = only('Pakistan, Iran and Russia asked the United States for a responsible withdrawal.');
    expect(e).toMatchObject({ event_type: 'REQUEST', actor_country: 'PAK', actors: 'Pakistan; Iran; Russia', actor_countries: 'PAK;IRN;RUS', recipient_country: 'USA' });
  });
  it('reads the passive: the agent acts, the subject receives', () => {
    expect(only('Two lecturers were killed by the Taliban.')).toMatchObject({ event_type: 'ASSAULT', actor: 'Taliban', recipient: 'lecturers' });
    expect(only('Two lecturers were killed.')).toMatchObject({ event_type: 'ASSAULT', actor: '', recipient: 'lecturers' });
  });
  it('maps a person to their country and office at the event date', () => {
    const e = only('Ashraf Ghani met Jens Stoltenberg on Monday.', '2020-11-18');
    expect(e).toMatchObject({ event_type: 'CONSULT', actor: 'Ashraf Ghani', actor_country: 'AFG', actor_office: 'president', recipient: 'Jens Stoltenberg', recipient_country: '', recipient_office: 'secretary general' });
  });
  it('codes "X said Y must ..." as a request from X to Y', () => {
    expect(only('Russia said on Tuesday that Sudan must return the helicopter.')).toMatchObject({ event_type: 'REQUEST', actor_country: 'RUS', recipient_country: 'SDN', trigger: 'must' });
  });
  it('finds organisations the dictionaries lack by their head word', () => {
    expect(only('The Kenya Anti-Corruption Commission accused the minister.')).toMatchObject({ event_type: 'ACCUSE', actor: 'Kenya Anti-Corruption Commission', actor_country: 'KEN', actor_sector: 'government' });
  });
  it('takes a noun trigger\'s actor from its own noun phrase only', () => {
    expect(only('Italy announced a suspension of air links with Serbia.')).toMatchObject({ event_type: 'SANCTION', actor_country: 'ITA' });
    expect(events('Stoltenberg said that the increase in attacks could not be ignored.')).toEqual([]);
    expect(only('Attacks by the Taliban on Afghan troops rose.')).toMatchObject({ event_type: 'ASSAULT', actor: 'Taliban' });
  });
  it('codes nothing without an actor outside violence and coercion', () => {
    expect(events('Talks were held in Doha.')).toEqual([]);
  });
  it('links an event told inside a statement and takes the state or body the speaker speaks for as "we"', () => {
    const text = '"We will impose sanctions on Iran," Joe Biden said.';
    const st = { statement_id: 'stm_00000000000000aa', start: 1, end: 33, speaker: 'Joe Biden' } as StatementRow;
    const [e] = events(text, '2021-06-01', [st]);
    expect(e).toMatchObject({ statement_id: 'stm_00000000000000aa', actor: 'United States', actor_country: 'USA', recipient_country: 'IRN' });
    const nato = '"We support the Afghan peace process," Jens Stoltenberg said.';
    const st2 = { statement_id: 'stm_00000000000000ab', start: 1, end: 36, speaker: 'Jens Stoltenberg' } as StatementRow;
    expect(events(nato, '2021-06-01', [st2])[0]).toMatchObject({ event_type: 'SUPPORT', actor: 'NATO' });
  });
});

describe('modality', () => {
  it('flags plans; codes no event for what did not or may not happen (PLOVER)', () => {
    expect(only('The US plans to pull out 2,000 troops from Afghanistan.')).toMatchObject({ event_type: 'RETREAT', planned: true });
    expect(events('Russia did not attack Ukraine.')).toEqual([]);
    expect(events('Iran could attack Israel.')).toEqual([]);
    expect(events('Israel has never met Hamas officials.')).toEqual([]);
    // (nor a purpose, a possibility, or an act weighed as the subject of a clause: survey 18)
    expect(events('Talks between Zambia and the IMF were aimed at rescuing the economy of Zambia.')).toEqual([]);
    expect(events('The plan would see the US potentially agreeing to replace the jets of Poland.')).toEqual([]);
    expect(events('Smith said France providing air cover to Ukraine should be on the table.')).toEqual([]);
    // (a vote decides and does: "voted to impose sanctions" is the sanction decided, no plan; survey 22 WT)
    expect(only('The Kenyan parliament voted to impose sanctions on Uganda.')).toMatchObject({ event_type: 'SANCTION', actor_country: 'KEN', planned: false });
  });
  it('codes future cooperation as AGREE and a refusal as REJECT', () => {
    expect(only('Hungary said it will support Romania.')).toMatchObject({ event_type: 'AGREE', planned: true });
    expect(only('Syria says it will not accept more refugees from Iraq.')).toMatchObject({ event_type: 'REJECT' });
    expect(only('Israel and Syria failed to reach agreement on the Golan.')).toMatchObject({ event_type: 'REJECT' });
    expect(only('Syria is willing to withdraw its troops from Lebanon.')).toMatchObject({ event_type: 'AGREE' });
  });
  it('gives requests and refusals the mode of what is asked or refused', () => {
    expect(only('The UN urged Russia to release the prisoners.')).toMatchObject({ event_type: 'REQUEST', mode: 'yield' });
    expect(only('Hamas called for talks with Egypt.')).toMatchObject({ event_type: 'REQUEST', mode: 'meet' });
    expect(only('Syria says it will not accept any more refugees from Iraq.')).toMatchObject({ event_type: 'REJECT' });
  });
  it('codes announced or conditional hostility as a threat', () => {
    expect(only('Palestinian leaders said they would boycott all contact with the United States.')).toMatchObject({ event_type: 'THREATEN', planned: true });
  });
});

describe('dates', () => {
  it('resolves expressions against the publication date, backwards for the past', () => {
    const [thu] = resolveDates('They met on Thursday.', '2020-11-18');
    expect(thu).toMatchObject({ date: '2020-11-12', precision: 'day' });
    expect(resolveDates('In December, a bomb killed him.', '2021-02-18')[0]).toMatchObject({ date: '2020-12', precision: 'month' });
    expect(resolveDates('The deal was signed in 2019.', '2021-02-18')[0]).toMatchObject({ date: '2019', precision: 'year' });
  });
  it('resolves only dates with a written year when the publication date is unknown', () => {
    expect(resolveDates('On Monday, in March 2003, troops crossed.', '').map((d) => d.date)).toEqual(['2003-03']);
  });
  it('resolves forward for deadlines and future tense', () => {
    expect(resolveDates('troops out by mid-January', '2020-11-18')[0]).toMatchObject({ date: '2021-01', precision: 'month', future: true });
    expect(resolveDates('He will visit on May 1.', '2020-11-18')[0]).toMatchObject({ date: '2021-05-01', precision: 'day' });
    expect(resolveDates('The talks will resume on Monday.', '2020-11-18')[0]).toMatchObject({ date: '2020-11-23' });
  });
  it('dates the event from its sentence, else marks the publication date as fallback', () => {
    expect(only('The US plans to pull out 2,000 troops from Afghanistan by mid-January.', '2020-11-18')).toMatchObject({ date: '2021-01', date_precision: 'month', date_is_fallback: false, planned: true });
    expect(only('Russia attacked Ukraine.', '2022-02-25')).toMatchObject({ date: '2022-02-25', date_precision: 'day', date_is_fallback: true });
    // (a dated meeting the act took place at dates the act: two months back, it is history; survey 23b)
    expect(events('Zaire accused the IMF at an October meeting of strangling its economy.', '1987-03-18')).toEqual([]);
    expect(only('Zaire accused the IMF at a March meeting of strangling its economy.', '1987-03-18')).toMatchObject({ event_type: 'ACCUSE', date: '1987-03' });
    // "the February 2020 agreement" dates the agreement, not the criticism
    expect(only('The United States criticised the February 2020 agreement with the Taliban.', '2021-01-29')).toMatchObject({ date_is_fallback: true });
  });
  it('codes no row for an act the text dates more than two months before the story (history it recalls)', () => {
    expect(events('In 2015 Norway expelled two Russian diplomats.', '2022-04-07')).toEqual([]);
    expect(events('Norway expelled two Russian diplomats in January 2021.', '2022-04-07')).toEqual([]);
    expect(events('Norway expelled two Russian diplomats last year.', '2022-04-07')).toEqual([]);
    // (last year may be last December, last month is news; a date that starts a span is no date of the act)
    expect(events('Norway expelled two Russian diplomats last year.', '2022-01-20')).toHaveLength(1);
    expect(events('Norway expelled two Russian diplomats last month.', '2022-04-07')).toHaveLength(1);
    expect(events('Russia has occupied Crimea since 2014.', '2022-04-07')).toHaveLength(1);
    // (a named period that ended is history too, with "during" no -ing form that breaks the clause)
    expect(events('Norway expelled two Russian diplomats during the cold war.', '2022-04-07')).toEqual([]);
    // (a bare day put a year back is a guess: the date may be ahead, and belongs to the act threatened)
    expect(events('Norway has threatened to expel Russian diplomats after April 20.', '2022-04-07')).toHaveLength(1);
    // (the tree hangs the date on the act across a phrase between them; not a relative clause's date)
    expect(events('In 2015, after three months of talks, Norway expelled two Russian diplomats.', '2022-04-07')).toEqual([]);
    expect(events('Norway expelled two Russian diplomats, who had arrived in 2015.', '2022-04-07')).toEqual([
      expect.objectContaining({ event_type: 'SANCTION', actor_country: 'NOR', date: '2022-04-07', date_is_fallback: true }),
    ]);
    // (a date set off before the act still dates it; one in another clause after it does not)
    expect(events('In 2015, Norway expelled two Russian diplomats.', '2022-04-07')).toEqual([]);
    // (nor a date after an -ing form: it dates what the reason or purpose tells, "for taking too hard a stance in 1979")
    expect(events('Swedish ministers criticized Norway for taking too hard a stance on fishing in 2015.', '2022-04-07')).toEqual([
      expect.objectContaining({ event_type: 'ACCUSE', actor_country: 'SWE', recipient_country: 'NOR' }),
    ]);
    expect(events('Norway accuses Russia of spying and objects to its decision in 2015 to close the consulate.', '2022-04-07')).toEqual([
      expect.objectContaining({ event_type: 'ACCUSE', actor_country: 'NOR', recipient_country: 'RUS' }),
    ]);
    // ("last September" fixes its year: no guess that might lie ahead)
    expect(events('Norway expelled two Russian diplomats last September.', '2022-04-07')).toEqual([]);
    // (nor does a possessive date: it dates the noun it qualifies)
    expect(events('Putting the deficit below last September\'s target, Norway criticised Russian spending.', '2022-04-07')).toEqual([
      expect.objectContaining({ event_type: 'ACCUSE', actor_country: 'NOR' }),
    ]);
    // (unless it tells when the act was, or the act is its noun)
    expect(events("Norway complained at last year's meeting that Russia had stopped loans.", '2022-04-07')).toEqual([]);
    expect(events("Shares rose from the low point of last year's Russian withdrawal.", '2022-04-07')).toEqual([]);
    // (an act in a "when" clause happens when the clause it modifies does, by the string or by the tree)
    expect(events('The pact was signed in principle last September when the Norwegian prime minister visited Russia.', '2022-04-07')).toEqual([]);
    expect(events('Last September, the consulate was closed when Norway expelled two Russian diplomats.', '2022-04-07')).toEqual([]);
    expect(events('The talks collapsed last week when Norway expelled two Russian diplomats.', '2022-04-07')).toHaveLength(1);
  });
  it('dates an act by no date another clause or event owns, and drops one the tree dates months back across nouns', () => {
    const fallback = { date: '1987-03-30', date_is_fallback: true };
    // (a date from months back in another clause, behind a comma: the act is dated by the story)
    expect(events("Japan threatened to impose tariffs on Korean exports, in retaliation for Korea's failure to keep a pact signed last September.", '1987-03-30')).toEqual([
      expect.objectContaining({ event_type: 'THREATEN', actor_country: 'JPN', ...fallback }),
    ]);
    // (a possessor's dated thing is that thing's date: "OPEC's December agreement")
    expect(events("Iraq criticized OPEC's December agreement on prices.", '1987-03-30')).toEqual([
      expect.objectContaining({ event_type: 'ACCUSE', actor_country: 'IRQ', ...fallback }),
    ]);
    // (the start of a span the act runs through dates nothing: the act goes on at publication)
    expect(events('Rebels have been fighting the Angolan government since 1976.', '1987-03-30')).toEqual([
      expect.objectContaining({ event_type: 'ASSAULT', recipient_country: 'AGO', ...fallback }),
    ]);
    // (a date on a noun of the act's clause is the act's: the offensive was January's, history in April)
    expect(events('Iran launched a major offensive, codenamed Dawn-8, towards the Iraqi port of Basra in January.', '1987-04-07')).toEqual([]);
  });
});

describe('places', () => {
  it('locates a city after a locative word, with its country and coordinates', () => {
    const e = only('A bomb killed two soldiers in Kandahar.');
    expect(e).toMatchObject({ location: 'Kandahar', location_country: 'AFG' });
    expect(e.latitude).toBeCloseTo(31.6, 0);
    expect(e.longitude).toBeCloseTo(65.7, 0);
  });
  it('makes the place attacked the recipient when no party is', () => {
    expect(only('Israeli troops shelled positions near Jericho.')).toMatchObject({ event_type: 'ASSAULT', actor_country: 'ISR', recipient: 'Jericho', recipient_country: 'PSE' });
  });
  it('falls back to a country named after a locative word', () => {
    expect(only('NATO will expand its training mission in Iraq.')).toMatchObject({ location: 'Iraq', location_country: 'IRQ' });
    // (past a compass word: the country is the place attacked, not a party)
    expect(only('Iran fired shells at a border post in northern Oman.')).toMatchObject({ event_type: 'ASSAULT', actor_country: 'IRN', recipient_country: 'OMN', location_country: 'OMN' });
    // (but a country's word starting a longer name is no country: "the northern Indian Ocean")
    expect(only('The Pentagon moved two warships into the northern Indian Ocean.')).toMatchObject({ event_type: 'MOBILIZE', actor_country: 'USA', recipient_country: '', location_country: '' });
  });
  it('chooses among homonyms by the countries of the article', () => {
    const list = [
      { name: 'Hyderabad', country: 'IND', population: 3_600_000, capital: false, lat: 17.4, lon: 78.5 },
      { name: 'Hyderabad', country: 'PAK', population: 1_400_000, capital: false, lat: 25.4, lon: 68.4 },
    ];
    expect(pickCity(list, new Set(['PAK'])).country).toBe('PAK');
    expect(pickCity(list, new Set()).country).toBe('IND');
    const toks = tokenize('Police arrested ten men in Hyderabad.');
    const [pk] = findPlaces(toks, new Set(['PAK']), () => '');
    expect(pk).toMatchObject({ name: 'Hyderabad', country: 'PAK' });
  });
  it('takes no person for a place and no common word for a town', () => {
    expect(only('Lloyd Austin met Jens Stoltenberg.', '2021-02-18').location).toBe('');
  });
});

describe('merging within an article', () => {
  it('counts the same event told twice as one row', () => {
    const ev = events('Russia attacked Ukraine on Monday. Russia attacked Ukraine again.', '2022-03-02');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ mentions: 2, date: '2022-02-28', date_is_fallback: false });
  });
  it('keeps events on different explicit dates apart', () => {
    expect(events('Russia attacked Ukraine on February 24. Russia attacked Ukraine on March 3.', '2022-03-05')).toHaveLength(2);
  });
  it('merges a later nominal mention into the told event, filling what it lacked', () => {
    const ev = events('The United States began to withdraw. The US withdrawal from Afghanistan was swift.', '2021-08-01');
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ event_type: 'RETREAT', mentions: 2, recipient_country: 'AFG' });
  });
  it('merges an office holder with the organisation the office belongs to', () => {
    const ev = events('NATO urged talks with the Taliban. Jens Stoltenberg urged talks with the Taliban.', '2021-07-27');
    expect(ev).toHaveLength(1);
    expect(ev[0].mentions).toBe(2);
  });
  it('counts a repeated sentence once more, whatever its parties resolve to', () => {
    const a = article('"We support the peace process in Afghanistan," Stoltenberg wrote. We support the peace process in Afghanistan.', '2020-11-18');
    const ev = extractEvents(a, extractStatements(a));
    expect(ev.filter((e) => e.event_type === 'SUPPORT')).toHaveLength(1);
  });
  it('resolves "the insurgents" to the armed group named before', () => {
    const ev = events('The Taliban seized the district of Musa Qala. Later the insurgents attacked Afghan troops.');
    expect(ev.at(-1)).toMatchObject({ event_type: 'ASSAULT', actor: 'Taliban' });
  });
});

describe('event IDs', () => {
  it('hash the words, so text added before an event keeps its ID', async () => {
    const make = (text: string) => segmented(text);
    const body = 'Russian troops attacked Ukrainian positions near Kharkiv on Monday.';
    const a = extractEvents(make(body), []);
    const b = extractEvents(make('An editor\u2019s note opens the page.\n\n' + body), []);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((e) => e.event_id)).toEqual(a.map((e) => e.event_id));
    expect(b[0].start).toBeGreaterThan(a[0].start);
  });
});
