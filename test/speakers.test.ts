import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';
import { findEntities, nameSegments, SpeakerResolver } from '../src/statements/speakers.ts';
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
  it('gives "he" to a man named earlier in the same sentence over the last man quoted', () => {
    const text = '“The vote was close,” said Mayor Daniel Ruiz.\n\nAnalyst Thomas Reed said he expected a recount.';
    const r = new SpeakerResolver(findEntities(text), text);
    r.record(text.indexOf('Daniel Ruiz'), 'Daniel Ruiz');
    expect(r.resolve('he', text.indexOf(' he ') + 1).speaker).toBe('Thomas Reed');
  });
  it('gives "his" to the man who is the subject of its own sentence, named by his last name only', () => {
    const text = 'Governor Thomas Reed spoke first. “We are ready,” said Mayor Daniel Ruiz.\n\nLater, Reed pushed his plan for the port.';
    const r = new SpeakerResolver(findEntities(text), text);
    r.record(text.indexOf('Daniel Ruiz'), 'Daniel Ruiz');
    expect(r.resolve('his', text.indexOf('his plan')).speaker).toBe('Thomas Reed');
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

describe('a mention no one can be falls back to the person the sentence names', () => {
  const resolveIn = (text: string, mention: string, cue: string) => {
    const at = text.indexOf(mention);
    const sentenceStart = Math.max(0, text.lastIndexOf('. ', at) + 2 * Number(text.lastIndexOf('. ', at) >= 0));
    return new SpeakerResolver(findEntities(text), text).resolve(mention, at, { sentenceStart, cueAt: text.indexOf(cue, at) }).speaker;
  };
  it('takes the named subject for a lower-case phrase without a speaking head ("a sign", "quick")', () => {
    expect(resolveIn('Senator Ruth Park was quick to say the bill was dead.', 'quick', 'say')).toBe('Ruth Park');
    expect(resolveIn('The crowd cheered when Governor Tom Hale spotted a sign and said he liked it.', 'a sign', 'said')).toBe('Tom Hale');
  });
  it('keeps a lower-case phrase headed by people, an office or a document', () => {
    expect(resolveIn('Senator Ruth Park left early, and officials said the bill was dead.', 'officials', 'said')).toBe('officials');
    expect(resolveIn('Senator Ruth Park left early; a spokesman for the company said the bill was dead.', 'a spokesman for the company', 'said')).toBe('spokesman for the company');
    expect(resolveIn('Senator Ruth Park left early, and the report said the bill was dead.', 'the report', 'said')).toBe('report');
  });
  it('takes the name after an opening word written in lower case elsewhere ("Hours later, ...")', () => {
    const text = 'The hours were long. Hours later, Governor Tom Hale returned, saying the deal was done.';
    expect(resolveIn(text, 'Hours', 'saying')).toBe('Tom Hale');
  });
  it('takes the name after an opening time phrase or adverb ("Minutes later", "Well, ...")', () => {
    expect(resolveIn('Minutes later, Governor Tom Hale left, saying the deal was done.', 'Minutes', 'saying')).toBe('Tom Hale');
  });
  it('reads a phrase opening with a preposition as no speaker ("In Portland, ...")', () => {
    expect(resolveIn('In Portland, Governor Tom Hale signed the bill, saying it was overdue.', 'In Portland', 'saying')).toBe('Tom Hale');
  });
  it('reads a place set off by commas after "in" as no speaker, before or after the subject', () => {
    expect(resolveIn('Senator Ruth Park, facing a hard race in Ohio, a swing state, said she would win.', 'Ohio', 'said')).toBe('Ruth Park');
    expect(resolveIn('Here in Dayton, Senator Ruth Park spoke on jobs, saying the plant would stay.', 'Dayton', 'saying')).toBe('Ruth Park');
  });
  it('keeps a name after a town and a comma ("in Las Vegas, Trump said")', () => {
    expect(resolveIn('At a rally in Dayton, Hale said the plant would stay. Governor Tom Hale left.', 'Hale', 'said')).toBe('Tom Hale');
  });
  it('reads a day or a month as no speaker', () => {
    expect(resolveIn('Governor Tom Hale, in a statement released Friday, said the bill was overdue.', 'Friday', 'said')).toBe('Tom Hale');
  });
  it('gives "his early-morning tweets" to their owner, but keeps "his aides"', () => {
    const text = 'Governor Tom Hale lost the vote. In his early-morning tweets he called it rigged. His aides said little.';
    const r = new SpeakerResolver(findEntities(text), text);
    expect(r.resolve('his early-morning', text.indexOf('his early'), { sentenceStart: text.indexOf('In his'), cueAt: text.indexOf('tweets') }).speaker).toBe('Tom Hale');
    expect(r.resolve('His aides', text.indexOf('His aides')).speaker).toBe('aides');
  });
  it('gives a clause inside someone\'s words ("accusations that Park recites ...") to the one whose words they are', () => {
    expect(resolveIn('Governor Chris Hale repeated accusations that Ruth Park recites the same lines.', 'that Ruth Park', 'recites')).toBe('Chris Hale');
  });
  it('reads no quantifier as part of a name ("Another Hale aide")', () => {
    expect(findEntities('Another Hale aide spoke.').map((e) => e.name)).toEqual(['Hale']);
  });
  it('takes the name after a dateline', () => {
    const text = 'PORTLAND (AP) — Governor Tom Hale signed the bill on Monday, saying it was overdue.';
    expect(resolveIn(text, 'PORTLAND', 'saying')).toBe('Tom Hale');
  });
  it('keeps a name that opens the sentence, and a dateline with no one named after it', () => {
    expect(resolveIn('Hale spoke first. Senator Ruth Park said the bill was dead.', 'Senator Ruth Park', 'said')).toBe('Ruth Park');
    expect(resolveIn('PORTLAND (AP) — Protesters marched, saying the vote was rigged.', 'PORTLAND', 'saying')).toBe('PORTLAND');
  });
});

describe('what opens a mention is no part of the name', () => {
  const text = 'Governor Chris Hale and Senator Ruth Park met on Monday.';
  const r = () => new SpeakerResolver(findEntities(text), text);
  it('drops a conjunction before a name or a pronoun ("But Chris Hale", "And then he")', () => {
    expect(r().resolve('But Chris Hale', 60).speaker).toBe('Chris Hale');
    expect(r().resolve('And then he', 60).speaker).toBe('Chris Hale');
  });
  it('drops an age before a name ("62-year-old Ruth Park")', () => {
    expect(r().resolve('62-year-old Ruth Park', 60).speaker).toBe('Ruth Park');
  });
  it('reads a pronoun with its verb as the pronoun ("She went", "He’s open"), but keeps "She and her aides"', () => {
    expect(r().resolve('She went', 60).speaker).toBe('Ruth Park');
    expect(r().resolve('He’s open', 60).speaker).toBe('Chris Hale');
    expect(r().resolve('She and her aides', 60).speaker).toBe('She and her aides');
  });
});

describe('a question put by someone named after "asked by"', () => {
  it('gives the question to the one who asked it', () => {
    const rows = statementsOf('Asked by Matt Grover whether she had practised the speech, Ms. Lane said she read it once.');
    expect(rows.find((r) => r.cue === 'Asked')?.speaker).toBe('Matt Grover');
  });
  it('keeps a question put by no one named without a speaker', () => {
    const rows = statementsOf('When asked whether he would run again, Mr. Hale said he had not decided.');
    expect(rows.find((r) => r.cue === 'asked')?.speaker).toBe('');
  });
});

describe('an office word that is a surname', () => {
  it('reads "Larry King" and "Mr. King" as a name, "Mr. President" and "King Abdullah" as offices', () => {
    const text = "Larry King hosts ''Larry King Now''. Mr. King said the show would go on. King Abdullah spoke.";
    expect(findEntities(text).map((e) => [e.name, e.role])).toEqual([
      ['Larry King', ''], ['Larry King Now', ''], ['King', ''], ['Abdullah', 'King'],
    ]);
    expect(new SpeakerResolver(findEntities(text), text).resolve('Mr. King', text.indexOf('Mr. King')).speaker).toBe('Larry King');
  });
});

describe('an organisation named before and then by its head word', () => {
  it('gives "the ministry" to the Foreign Ministry named earlier, and leaves it when none was', () => {
    const text = 'The Foreign Ministry summoned the ambassador. The ministry said the talks were over.';
    const r = new SpeakerResolver(findEntities(text), text);
    expect(r.resolve('The ministry', text.indexOf('The ministry')).speaker).toBe('Foreign Ministry');
    expect(r.resolve('the committee', text.length).speaker).toBe('committee');
  });
});

describe('a number read as a speaker', () => {
  it('is no speaker ("5 billion shares"), unless it counts people ("313 people")', () => {
    const text = 'Governor Tom Hale said 5 billion shares will come to the market.';
    const r = new SpeakerResolver(findEntities(text), text);
    const context = { sentenceStart: 0, cueAt: text.indexOf('shares') };
    expect(r.resolve('5 billion', text.indexOf('5 billion'), context).speaker).toBe('Tom Hale');
    expect(r.resolve('313 people', text.indexOf('5 billion'), context).speaker).toBe('313 people');
  });
});

describe('the names in one run of capitalised words', () => {
  it('splits a title-case headline at the words the article writes in lower case and at its verbs', () => {
    const text = 'Rosa Vint Slams Tom Hale Over Budget Plan.\n\nThe budget was late and over plan.';
    expect(findEntities(text).map((e) => e.name)).toEqual(['Rosa Vint', 'Tom Hale']);
  });
  it('splits after a possessive ("Harbor Review’s Ian Tull") and before a place after a person ("Ann Voss of Dayton")', () => {
    expect(nameSegments(['Harbor', 'Review’s', 'Ian', 'Tull'], new Set())).toEqual([['Harbor', 'Review’s'], ['Ian', 'Tull']]);
    expect(nameSegments(['Ann', 'Voss', 'of', 'Dayton'], new Set())).toEqual([['Ann', 'Voss'], ['Dayton']]);
  });
  it('keeps an organisation with "of" and a short name whole', () => {
    expect(nameSegments(['Federal', 'Bureau', 'of', 'Investigation'], new Set(['federal']))).toEqual([['Federal', 'Bureau', 'of', 'Investigation']]);
    expect(nameSegments(['Bill', 'Vance'], new Set(['bill']))).toEqual([['Bill', 'Vance']]);
  });
  it('keeps "Virginia Gov. Terry Lane" an office and a name: a place is no given name before an office', () => {
    expect(findEntities('Later Virginia Gov. Terry Lane spoke.').map((e) => [e.name, e.role])).toEqual([['Terry Lane', 'Virginia Gov.']]);
  });
});

describe('descriptions of a group and coordinated speakers', () => {
  it('gives "the insurgents" to the armed group named before, by the actor dictionary', () => {
    const text = 'The Taliban attacked a checkpoint on Monday. The insurgents say they will fight on until the foreign troops leave.';
    expect(speakers(text)).toEqual([['The insurgents', 'Taliban']]);
  });
  it('leaves "the insurgents" as written when no group of that kind was named', () => {
    const text = 'Troops came under fire on Monday. The insurgents say they will fight on until the foreign troops leave.';
    expect(speakers(text).map(([, s]) => s)).toEqual(['insurgents']);
  });
  it('gives "X and other groups" to X', () => {
    const text = 'The Afghan government and other international groups are expressing concerns that attacks are rising in the provinces.';
    expect(speakers(text).map(([, s]) => s)).toEqual(['Afghan government']);
  });
});

describe('an inverted cue after the words ("..., says the boss")', () => {
  it('keeps the speaker after the cue, never a name inside the words, and makes no statement of the speaker', () => {
    const rows = statementsOf('The careers of sprinters Tom Lane and Ann Kerr are over, says the boss.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['boss', 'The careers of sprinters Tom Lane and Ann Kerr are over']]);
  });
});

describe('speakers after a quotation', () => {
  it('reads an organisation with "&" and a lower-case office before the name ("S&P credit analyst Helena Hessel")', () => {
    const rows = statementsOf('"These improvements are so significant that they outweigh the risk," wrote S&P credit analyst Helena Hessel.');
    expect(rows.map((r) => [r.speaker, r.speaker_role])).toEqual([['Helena Hessel', 'S&P credit analyst']]);
  });
  it('gives the second part of a split quote to the first speaker, not to the next sentence\'s subject', () => {
    const rows = statementsOf('"People want portability," she said, "and with peer-to-peer they have full portability." Cory Doctorow, a campaigner for the foundation, expressed concern about the plan.');
    expect(rows.filter((r) => r.quote.includes('peer-to-peer')).map((r) => r.speaker_mention)).toEqual(['she']);
  });
  it('keeps a second quote with its own cue and a lower-case office ("union leader Jones said") apart', () => {
    const rows = statementsOf('"We are ready," Smith said. "But the talks must go on," union leader Jones said.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Smith', 'We are ready,'], ['Jones', 'But the talks must go on,']]);
  });
});

describe('a quote split around its cue, the second part opened by the same cue', () => {
  it('is one statement: \'"A," Mr. Obama said, "and B."\'', () => {
    const rows = statementsOf('"What we owe the people is to be honest with them," Mr. Obama said, "and to say that the economy is shifting."');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote.startsWith('What we owe')).toBe(true);
    expect(rows[0].quote.endsWith('the economy is shifting.')).toBe(true);
  });
});

describe('a split quote around a speaker with a description of their own', () => {
  it('is one statement when the description holds a verb ("said Ann Lee, a lawyer who has been challenging ...")', () => {
    const rows = statementsOf('"These are strange days," said Ann Lee, a lawyer who has been challenging the industry for years. "I am skeptical he can pull it off."');
    const direct = rows.filter((r) => r.kind === 'direct');
    expect(direct).toHaveLength(1);
    expect(direct[0].speaker).toBe('Ann Lee');
    expect(direct[0].quote.endsWith('pull it off.')).toBe(true);
  });
  it('keeps "adding that ..." apart', () => {
    const rows = statementsOf('"These are strange days," said Ann Lee, adding that she was worried. "I am skeptical he can pull it off."');
    expect(rows.filter((r) => r.kind === 'direct').map((r) => r.quote)).toEqual(['These are strange days,', 'I am skeptical he can pull it off.']);
  });
});

describe('"it" stands for one organisation, not a plural group', () => {
  it('skips "Creditors" and goes back to the company quoted before', () => {
    const rows = statementsOf('Yukos said on Monday that it would appeal. Creditors said they would meet on Friday. It estimated that it needs almost 30m euros until June.');
    expect(rows.find((r) => r.cue === 'estimated')?.speaker).toBe('Yukos');
  });
});

describe('a sentence adverb before the speaker', () => {
  it('is no part of the name ("Perhaps Vladimir Putin believed", "Ironically Smith said")', () => {
    expect(speakers('Vladimir Putin spoke on Monday. Perhaps Vladimir Putin believed that Ukrainians lacked that sort of mettle.').map(([, s]) => s)).toContain('Vladimir Putin');
    expect(speakers('Ironically Tom Smith said the plan was fine.').map(([, s]) => s)).toEqual(['Tom Smith']);
  });
});

describe('a phrase aside between the speaker and the verb', () => {
  it('reads "a Kremlin spokesperson, in reference to another ruling, said"', () => {
    const rows = statementsOf('Two weeks ago a Kremlin spokesperson, in reference to another court ruling, said Moscow no longer implemented its decisions.');
    expect(rows.map((r) => [r.speaker_mention, r.quote])).toEqual([['a Kremlin spokesperson', 'Moscow no longer implemented its decisions']]);
  });
});

describe('places, organisations and events are not people', () => {
  it('never resolves "he" or "I" to "Sri Lanka", "the World Bank" or "the Champions League"', () => {
    const rows = statementsOf('Sri Lanka and the World Bank met before the Champions League final. I tell him to stop, he said.');
    expect(rows.map((r) => r.speaker)).not.toContain('Sri Lanka');
    expect(rows.map((r) => r.speaker)).not.toContain('Champions League');
    expect(rows.map((r) => r.speaker)).not.toContain('World Bank');
  });
  it('never resolves "he" to a street ("Broad Street"), and a participle of manner after the cue is no words', () => {
    const rows = statementsOf('He sold water on Broad Street. Sales were great, he said, wiping sweat off his face.');
    expect(rows.map((r) => [r.speaker_mention, r.quote])).toEqual([['he', 'Sales were great']]);
    expect(rows[0].speaker).not.toBe('Broad Street');
  });
});
