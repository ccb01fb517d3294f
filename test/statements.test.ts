import { describe, expect, it } from 'vitest';
import { findQuotes } from '../src/statements/quotes.ts';
import { parseCueList } from '../src/statements/lexicon.ts';
import { findEntities } from '../src/statements/speakers.ts';
import { statementsOf } from './support/articles.ts';
import type { Span } from '../src/schema/records.ts';

const statements = statementsOf;

const paragraphs = (text: string): Span[] => {
  const out: Span[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    out.push([at, at + p.length]);
    at += p.length + 2;
  }
  return out;
};

describe('quotation marks', () => {
  const quoted = (text: string) => findQuotes(text, paragraphs(text)).map((q) => text.slice(q.start, q.end));
  it('finds straight and curly, double and single quotes', () => {
    expect(quoted('"One two three," a said. “Four five six,” b said. \'Seven eight,\' c said. ‘Nine ten’ d said.'))
      .toEqual(['One two three,', 'Four five six,', 'Seven eight,', 'Nine ten']);
  });
  it('does not take apostrophes for quotation marks', () => {
    expect(quoted("We don't know Afghanistan's plans, Jones' book or the '90s.")).toEqual([]);
    expect(quoted("‘We don’t know Afghanistan’s plans,’ he said.")).toEqual(['We don’t know Afghanistan’s plans,']);
  });
  it('reads typewriter double quotes made of two apostrophes', () => {
    expect(quoted("''It's hard,'' he said.")).toEqual(["It's hard,"]);
  });
  it('keeps one quote over paragraphs that reopen it, closed only by the last', () => {
    const text = '“First paragraph of the quote.\n\n“Second paragraph ends it,” she said.';
    expect(quoted(text)).toEqual(['First paragraph of the quote.\n\n“Second paragraph ends it,']);
  });
  it('is not turned inside out by one stray straight mark', () => {
    expect(quoted('He is 6\'2" tall. "This is the quote," he said.')).toEqual(['This is the quote,']);
  });
});

describe('direct quotes', () => {
  it('gives a quotation the speaker of the next sentence\'s verb, with less confidence, and the verb its own words', () => {
    const rows = statements('"We can get things of a more filmic quality." Gerhard Florin, head of the studio, said gamers should expect new titles.');
    expect(rows.map((r) => [r.kind, r.speaker, r.quote])).toEqual([
      ['direct', 'Gerhard Florin', 'We can get things of a more filmic quality.'],
      ['indirect', 'Gerhard Florin', 'gamers should expect new titles'],
    ]);
    expect(rows[0].confidence).toBeLessThan(rows[1].confidence);
  });
  it('keeps a one-word answer closed by its own punctuation beside its cue, not a one-word scare quote', () => {
    expect(statements('Sanders spoke of the race. "Absolutely," he said when asked by a reporter.').filter((r) => r.kind === 'direct').map((r) => r.quote)).toEqual(['Absolutely,']);
    expect(statements('Asked whether he would fire the writer, Priebus said, "Probably."').filter((r) => r.kind === 'direct').map((r) => r.quote)).toEqual(['Probably.']);
    expect(statements('The chief explained that the tellers were “well-paid,” earning more than most.').filter((r) => r.kind === 'direct')).toHaveLength(0);
  });
  it('joins a one-word first part to the rest of a quotation split around its cue', () => {
    expect(statements('"Hopefully," the president said, "this museum can help us talk to each other."').map((r) => r.quote)).toEqual([
      'Hopefully," the president said, "this museum can help us talk to each other.',
    ]);
  });
  it('reads the name of a show in quotation marks as no one\'s words, even with the sentence\'s comma inside', () => {
    expect(statements('Paul Ryan said on “Face the Nation.”').filter((r) => r.kind === 'direct')).toHaveLength(0);
    expect(statements('The senator, speaking on “Fox News Sunday,” said the bill was dead.').filter((r) => r.kind === 'direct')).toHaveLength(0);
  });
  it('leaves a cue with words of its own in the next sentence to that sentence', () => {
    expect(statements('Cross said he "may vote for her." The speechwriter said the deal was off.').map((r) => [r.speaker, r.cue, r.quote])).toEqual([
      ['Cross', 'said', 'he "may vote for her."'],
      ['speechwriter', 'said', 'the deal was off'],
    ]);
  });
  it('attributes a quote with the cue after it and resolves the surname', () => {
    const [s] = statements('NATO chief Jens Stoltenberg spoke on Monday.\n\n"We have made no final decision on our presence," Stoltenberg said at a news conference.');
    expect(s).toMatchObject({ kind: 'direct', speaker: 'Jens Stoltenberg', speaker_mention: 'Stoltenberg', speaker_role: 'NATO chief', cue: 'said', quote: 'We have made no final decision on our presence,' });
  });
  it('attributes curly and single quotes, and an inverted cue', () => {
    const rows = statements('“The talks are fragile but offer the best chance,” said Ashraf Ghani.\n\n‘We will continue to adjust our presence,’ Stoltenberg said.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([
      ['Ashraf Ghani', 'The talks are fragile but offer the best chance,'],
      ['Stoltenberg', 'We will continue to adjust our presence,'],
    ]);
  });
  it('takes a quote introduced by a colon, with and without marks', () => {
    const marked = statements('Stoltenberg after speaking to Afghan President Ashraf Ghani said: "The security situation remains deeply challenging."');
    expect(marked[0]).toMatchObject({ kind: 'direct', speaker: 'Stoltenberg', quote: 'The security situation remains deeply challenging.' });
    const bare = statements('NATO Secretary-General Jens Stoltenberg met Ashraf Ghani.\n\nTaking to Twitter, the NATO chief on November 12 said: Spoke with Ashraf Ghani on the situation. They are fragile but offer the best chance for peace.');
    expect(bare).toHaveLength(1);
    expect(bare[0]).toMatchObject({ speaker: 'Jens Stoltenberg', speaker_mention: 'the NATO chief', quote: 'Spoke with Ashraf Ghani on the situation. They are fragile but offer the best chance for peace', date: '2020-11-12' });
  });
  it('joins a quote split around its cue into one statement', () => {
    const rows = statements("'We support the peace process,' he said. 'But we will adjust our presence in the coming weeks.'");
    expect(rows).toHaveLength(1);
    expect(rows[0].quote.startsWith('We support the peace process')).toBe(true);
    expect(rows[0].quote.endsWith('in the coming weeks.')).toBe(true);
  });
  it('joins a second part that opens the sentence after the cue\'s, past the writer\'s note on when, where or how', () => {
    const after = statements('"The levy is fair," Mayor Ann Miller said on Tuesday after the council met for a third time in a week. "Nobody who looks at the roads can say otherwise."');
    expect(after).toHaveLength(1);
    expect(after[0].quote.startsWith('The levy is fair')).toBe(true);
    expect(after[0].quote.endsWith('can say otherwise.')).toBe(true);
    // A title in quotation marks and a participle with a clause of its own are the writer's too.
    const show = statements('"We have the votes," Miller, a former teacher, told “Good Morning Ohio.” "The council knows it and so do the voters."');
    expect(show.map((r) => r.quote.endsWith('so do the voters.'))).toEqual([true]);
    const summing = statements('"The roads come first," said Mayor Ann Miller, summing up talks that ran late into the night. "Everything else can wait a year."');
    expect(summing.map((r) => r.quote.endsWith('can wait a year.'))).toEqual([true]);
    // Not where the cue's sentence reports words of its own.
    const adding = statements('"The roads come first," said Mayor Ann Miller, adding that the schools would wait. "Everything else can wait a year."');
    expect(adding[0].quote).toBe('The roads come first,');
  });
  it('joins a quotation going on in the same paragraph after the sentence its cue closes', () => {
    const rows = statements('Mayor Ann Lee spoke on Monday. "I do not think the vote is close," she said outside the hall. But "the council has never been so divided over a bridge."');
    expect(rows.map((r) => r.quote)).toEqual(['I do not think the vote is close," she said outside the hall. But "the council has never been so divided over a bridge.']);
    // Not past a reporting verb of another statement ('said, adding that "..."').
    const adding = statements('Mayor Ann Lee spoke on Monday. "I do not think the vote is close," she said, adding that "the council has never been so divided."');
    expect(adding[0].quote).toBe('I do not think the vote is close,');
    // Nor one inside the cue's own words.
    const own = statements('Mayor Ann Lee spoke on Monday. The plan would "ruin the old town," Lee said the new bridge "would cost far too much for a city this size."');
    expect(own.some((r) => r.quote.startsWith('ruin the old town') && r.quote.includes('far too much'))).toBe(false);
  });
  it('joins a quotation without a cue to the reported words in the sentence before it', () => {
    const rows = statements('Representative Adam Lee spoke on Monday. The delay may be political, Lee said. "Nobody in the administration wants to be seen tipping the scales."');
    expect(rows.map((r) => [r.kind, r.speaker, r.quote])).toEqual([
      ['mixed', 'Adam Lee', 'The delay may be political, Lee said. "Nobody in the administration wants to be seen tipping the scales.'],
    ]);
    // Past a long description of the speaker too.
    const described = statements('The council met on Monday. The bridge is far too old, said Ann Lee, a senator who has made the roads the centre of her long campaign for governor this year. "Nobody should expect the new bridge to open this year."');
    expect(described.map((r) => r.quote.endsWith('to open this year.'))).toEqual([true]);
    // Not a quotation with a cue of its own, nor one in the next paragraph.
    const own = statements('Representative Adam Lee spoke on Monday. The delay may be political, Lee said. "Nobody wants to tip the scales," Ann Park said.');
    expect(own.map((r) => r.quote)).toEqual(['The delay may be political', 'Nobody wants to tip the scales,']);
  });
  it('does not join a second part that a participle of speech after the cue introduces ("said, adding later, ...")', () => {
    const rows = statements('"We cannot pay for this anymore," Mayor Ann Miller said, adding later, "The city spends far too much on roads."');
    expect(rows.map((r) => [r.cue, r.quote])).toEqual([
      ['said', 'We cannot pay for this anymore,'],
      ['adding', 'later, "The city spends far too much on roads."'],
    ]);
    // A participle with words of its own leaves the quotation whole: '"...," he said, referring to ... "..."'.
    const whole = statements('"We need a bankruptcy law," said Ms. Acosta, referring to the law for cities. "Give us the tool and we will finish the job."');
    expect(whole[0].quote.endsWith('we will finish the job.')).toBe(true);
  });
  it('gives a quoted paragraph without a cue to the speaker of the quote before it', () => {
    const rows = statements('"We are faced with many dilemmas," Stoltenberg said.\n\n"If we stay beyond the first of May, we risk more violence against our own troops."');
    expect(rows.map((r) => r.speaker)).toEqual(['Stoltenberg', 'Stoltenberg']);
    expect(rows[1].confidence).toBeLessThan(rows[0].confidence);
  });
  it('takes quote-only verbs next to a quotation and nowhere else', () => {
    const rows = statements('"We will win this state by a wide margin," Sanders continued.\n\nThe rally continued until late that night in the park.');
    expect(rows.map((r) => [r.speaker, r.cue])).toEqual([['Sanders', 'continued']]);
  });
  it('ignores scare quotes and titles in quotation marks', () => {
    expect(statements('The so-called "peace dividend" never came.')).toEqual([]);
    expect(statements("'Deeply challenging': a 'negotiated settlement' with the Taliban")).toEqual([]);
    expect(statements('She read "The Old Man and the Sea" twice last summer.')).toEqual([]);
  });
});

describe('reported speech', () => {
  it('finds "X said (that) ..."', () => {
    const [s] = statements('Pakistan said it had returned Afghan soldiers who had sought refuge in the country.');
    expect(s).toMatchObject({ kind: 'indirect', speaker: 'Pakistan', quote: 'it had returned Afghan soldiers who had sought refuge in the country' });
    const [t] = statements('Blinken also said that agreements reached a year ago are being studied.');
    expect(t).toMatchObject({ speaker: 'Blinken', cue: 'said' });
    expect(t.quote).toMatch(/agreements reached a year ago are being studied$/);
  });
  it('skips the listener after "told"', () => {
    const [s] = statements('Blinken told Ghani that the United States is committed to a peace deal.');
    expect(s).toMatchObject({ speaker: 'Blinken', cue: 'told' });
    expect(s.quote).toMatch(/^(that )?the United States is committed to a peace deal$/);
  });
  it('reads "according to X" before and after the clause', () => {
    const [a] = statements('According to the State Department, the review will take several weeks.');
    expect(a).toMatchObject({ speaker: 'State Department', cue: 'According to', quote: 'the review will take several weeks' });
    const [b] = statements('The review will take several weeks, according to two officials.');
    expect(b).toMatchObject({ speaker: 'two officials', quote: 'The review will take several weeks' });
  });
  it('knows many reporting verbs', () => {
    for (const verb of ['warned', 'insisted', 'reiterated', 'clarified', 'stated', 'announced', 'urged', 'reminded', 'indicated']) {
      const [s] = statements(`Russian President Vladimir Putin ${verb} that the withdrawal would create risks for the region.`);
      expect(s, verb).toMatchObject({ speaker: 'Vladimir Putin', speaker_role: 'Russian President', speaker_country: 'RUS', cue: verb });
    }
  });
  it('takes the clause before ", X said."', () => {
    const [s] = statements('The deal allowed the United States to reduce its presence to 2,500 troops, Sputnik reported.');
    expect(s).toMatchObject({ speaker: 'Sputnik', cue: 'reported', quote: 'The deal allowed the United States to reduce its presence to 2,500 troops' });
  });
  it('calls reported speech with a quoted fragment mixed', () => {
    const [s] = statements('Stoltenberg insisted that the mission was being carried out "at the request of the Iraqi government."');
    expect(s).toMatchObject({ kind: 'mixed', speaker: 'Stoltenberg', cue: 'insisted' });
    expect(s.quote).toContain('at the request of the Iraqi government');
  });
  it('splits two speakers in one sentence', () => {
    const rows = statements('Trump said the plan was dead, but Clinton said it would pass next year.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([
      ['Trump', 'the plan was dead'],
      ['Clinton', 'it would pass next year'],
    ]);
  });
  it('reads a question asked by someone not named', () => {
    const rows = statements('When asked whether he would run again next year, Trump said he had not decided.');
    expect(rows.map((r) => [r.speaker, r.cue, r.quote])).toEqual([
      ['', 'asked', 'whether he would run again next year'],
      ['Trump', 'said', 'he had not decided'],
    ]);
  });
  it('reads a reporting noun after a possessive', () => {
    const rows = statements('Senator Ted Cruz spoke in Iowa. His claim that the deal was dead surprised the delegates.');
    expect(rows.map((r) => [r.speaker, r.cue, r.quote])).toEqual([['Ted Cruz', 'claim', 'that the deal was dead surprised the delegates']]);
  });
  it('gives a second verb the sentence speaker', () => {
    const [s] = statements('Clinton smiled and said the campaign would go on until June.');
    expect(s).toMatchObject({ speaker: 'Clinton', cue: 'said', quote: 'the campaign would go on until June' });
  });
  it('lets a poll or a document opening the sentence speak', () => {
    const [s] = statements('In a new CNN poll, Clinton leads Sanders by 24 points among black voters.');
    expect(s).toMatchObject({ speaker: 'CNN', speaker_mention: 'a new CNN poll', cue: 'In', quote: 'Clinton leads Sanders by 24 points among black voters' });
    expect(statements('In a statement, Trump said the deal was dead.').map((r) => r.speaker)).toEqual(['Trump']);
  });
  it('does not take nouns for verbs', () => {
    expect(statements('In a phone call, the two leaders discussed the troop levels.')).toEqual([]);
    expect(statements('The report on the plans came out in the spring of that year.')).toEqual([]);
    expect(statements('These classic TV shows and films look new again.')).toEqual([]);
  });
});

describe('speakers', () => {
  it('splits the office from the name', () => {
    const [e] = findEntities('NATO Secretary-General Jens Stoltenberg spoke.');
    expect(e).toMatchObject({ name: 'Jens Stoltenberg', role: 'NATO Secretary-General', person: true });
    expect(findEntities('US Secretary of State Antony Blinken spoke.')[0]).toMatchObject({ name: 'Antony Blinken', role: 'US Secretary of State' });
  });
  it('resolves names, pronouns and descriptions to the person named earlier', () => {
    const rows = statements([
      'NATO Secretary-General Jens Stoltenberg said the alliance had made no final decision on Afghanistan.',
      'US Secretary of State Antony Blinken spoke with Afghan President Ashraf Ghani on Thursday.',
      'The newly appointed Secretary of State said the agreement was under review.',
      '"We have asked him to continue the vital work," he said.',
      'The NATO chief said allies would consult closely in the coming weeks.',
    ].join('\n\n'));
    expect(rows.map((r) => [r.speaker_mention, r.speaker, r.speaker_role])).toEqual([
      ['NATO Secretary-General Jens Stoltenberg', 'Jens Stoltenberg', 'NATO Secretary-General'],
      ['The newly appointed Secretary of State', 'Antony Blinken', 'US Secretary of State'],
      ['he', 'Antony Blinken', 'US Secretary of State'],
      ['The NATO chief', 'Jens Stoltenberg', 'NATO Secretary-General'],
    ]);
  });
  it('keeps an organisation or an unnamed person apart from people named before', () => {
    const rows = statements([
      'State Department spokesman Ned Price spoke on Monday.',
      'The State Department said the talks would resume in Doha next month.',
      'A State Department official said the delegation would travel on Friday.',
    ].join('\n\n'));
    expect(rows.map((r) => r.speaker)).toEqual(['State Department', 'State Department official']);
  });
  it('does not give a description to someone whose office differs', () => {
    const rows = statements('President Barack Obama spoke in Paris.\n\nThe French president said the summit would open on Monday.');
    expect(rows.map((r) => r.speaker)).toEqual(['French president']);
  });
  it('lets organisations and countries speak', () => {
    const rows = statements('The State Department said the talks would resume in Doha next month.\n\nPakistan said it had reopened the border crossing.');
    expect(rows.map((r) => [r.speaker, r.speaker_country])).toEqual([['State Department', ''], ['Pakistan', 'PAK']]);
  });
});

describe('dates and posts', () => {
  it('resolves the day of the statement against the publication date', () => {
    const [s] = statements('Blinken said on Wednesday that the review would take several weeks.', '2021-01-29');
    expect(s.date).toBe('2021-01-27');
    const [t] = statements('Blinken said the review would take several weeks.', '2021-01-29');
    expect(t.date).toBe('');
  });
  it('reads an embedded tweet as one statement of its author, once', () => {
    const post = 'Discussed the mission with @ashrafghani. We support the #Afghanistan peace process. pic.twitter.com/aY5HnxLCRL';
    const sig = '— Jens Stoltenberg (@jensstoltenberg) November 18, 2020';
    const rows = statements(`NATO Secretary-General Jens Stoltenberg spoke with Ashraf Ghani.\n\n${post}\n\n${sig}\n\n"We support the Afghanistan peace process," Stoltenberg tweeted.`, '2020-11-19');
    const tweets = rows.filter((r) => r.channel === 'twitter');
    expect(tweets).toHaveLength(1);
    expect(tweets[0]).toMatchObject({ speaker: 'Jens Stoltenberg', date: '2020-11-18', kind: 'direct', quote: 'Discussed the mission with @ashrafghani. We support the #Afghanistan peace process.' });
  });
  it('reads quotations signed after a dash, several in one paragraph, as statements of the signers', () => {
    const rows = statements('Readers told us what they thought of the debate.\n\n”The schools need more money and fewer tests.” ― Ana Cruz, Phoenix “He has “no idea’ what we live through.” ― Jorge M. Falcon.');
    expect(rows.filter((r) => r.cue === '―').map((r) => [r.kind, r.cue, r.speaker, r.quote])).toEqual([
      ['direct', '―', 'Ana Cruz', 'The schools need more money and fewer tests.'],
      ['direct', '―', 'Jorge M. Falcon', 'He has “no idea’ what we live through.'],
    ]);
  });
  it('reads no statement from a short title signed after a dash, or a quotation the paragraph does not open with', () => {
    const signed = (text: string) => statements(text).filter((r) => r.cue === '—');
    expect(signed('“Hope and Change” — Barack Obama')).toHaveLength(0);
    expect(signed('The show opened with “a night to remember for the whole town” — Ana Cruz')).toHaveLength(0);
  });
});

describe('cue list', () => {
  it('inflects base forms, keeps listed forms and sections', () => {
    const cues = parseCueList('# comment\n@speech\nwarn\ntell tells told telling\n@thought\nbelieve\nworry worries worried worrying\n@quote\nsigh\n');
    expect(cues.get('warned')).toEqual({ base: 'warn', kind: 'speech' });
    expect(cues.get('told')).toEqual({ base: 'tell', kind: 'speech' });
    expect(cues.has('telled')).toBe(false);
    expect(cues.get('believes')).toEqual({ base: 'believe', kind: 'thought' });
    expect(cues.get('worried')?.kind).toBe('thought');
    expect(cues.get('sighed')).toEqual({ base: 'sigh', kind: 'quote' });
  });
  it('names an unknown section', () => {
    expect(() => parseCueList('@feelings\nlove\n')).toThrow(/cues.txt: unknown section @feelings/);
  });
});
