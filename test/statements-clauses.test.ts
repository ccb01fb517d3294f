import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';

const statements = statementsOf;
const cueQuote = (text: string) => statements(text).map((r) => [r.cue, r.quote]);
/** Each text, on its own, yields no statement. */
const noStatements = (...texts: string[]) => {
  for (const text of texts) expect(statements(text), text).toHaveLength(0);
};

describe('where a reported clause ends', () => {
  it('stops before ", but" and a clause of the writer\'s own', () => {
    expect(cueQuote('Mayor Jim Cole said the budget was balanced, but the council voted against it a week later.')).toEqual([
      ['said', 'the budget was balanced'],
    ]);
  });
  it('stops before ", but" when the comma stands inside a closing quotation mark', () => {
    expect(cueQuote('Mayor Jim Cole said the levy was “fair, simple and overdue,” but the council voted it down a week later.')[0]).toEqual([
      'said', 'the levy was “fair, simple and overdue,”',
    ]);
    expect(cueQuote('Mayor Jim Cole called the levy “harsh,” but “the only way out.”')[0]).toEqual(['called', 'the levy “harsh,” but “the only way out.”']);
  });
  it('keeps ", but that ..." as a second part of the same words', () => {
    expect(cueQuote('Mayor Jim Cole said the budget was tight, but that the schools would be spared.')).toEqual([
      ['said', 'the budget was tight, but that the schools would be spared'],
    ]);
  });
  it('stops before ", while" and ", although"', () => {
    expect(cueQuote('Senator Ruth Park said the bill would pass, while her rivals prepared a filibuster.')[0]).toEqual(['said', 'the bill would pass']);
    expect(cueQuote('Senator Ruth Park said the bill would pass, although nobody had counted the votes yet.')[0]).toEqual(['said', 'the bill would pass']);
  });
  it('stops before "but" and the speaker\'s next reporting verb: "conceded X but insisted Y" is two statements', () => {
    expect(cueQuote('Governor Ann Miller conceded that the tax was unpopular but insisted that it was needed.')).toEqual([
      ['conceded', 'that the tax was unpopular'],
      ['insisted', 'that it was needed'],
    ]);
  });
  it('stops before ", and" with a reporting verb', () => {
    expect(cueQuote('Governor Ann Miller noted that she had taught law for years, and added that the ruling was wrong.')[0]).toEqual([
      'noted', 'that she had taught law for years',
    ]);
  });
  it('reads a "that" after a verb\'s own particle as a relative clause inside the words ("called for ... that")', () => {
    expect(cueQuote('Mayor Jim Cole has called for closing the tax breaks that favor downtown developers.')).toEqual([
      ['called', 'for closing the tax breaks that favor downtown developers'],
    ]);
    expect(cueQuote('Mayor Jim Cole said in a radio interview that the tax breaks would end.')).toEqual([['said', 'that the tax breaks would end']]);
  });
  it('stops before ", according to"', () => {
    expect(cueQuote('The mayor told aides the plan was dead, according to two people in the room.')[0]).toEqual(['told', 'the plan was dead']);
  });
  it('gives the words after a colon whole', () => {
    expect(cueQuote('Mayor Jim Cole said: the budget is tight, but the schools will be spared.')).toEqual([
      ['said', 'the budget is tight, but the schools will be spared'],
    ]);
  });
});

describe('speakers the cue verb used to miss', () => {
  it('reads a name with a party tag and an apposition ("Sen. Rand Paul, R-Ky., told")', () => {
    const rows = statements('Sen. Ruth Park, R-Ky., told reporters that the polls could be way off.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Ruth Park', 'that the polls could be way off']]);
  });
  it('reads a name with a party tag in brackets before an apposition', () => {
    const rows = statements('Rep. Tom Reed (D-Md.), chair of the Platform Committee, said that the process was open.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Tom Reed', 'that the process was open']]);
  });
  it('takes the name in apposition after a description ("The author of the book, Ann Miller, said")', () => {
    const rows = statements('The author of the book, Ann Miller, said in an interview that she stands by the account.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Ann Miller', 'that she stands by the account']]);
  });
  it('reads a long apposition opened by an article', () => {
    const rows = statements('Jim Cole, a former staff member for several state lawmakers in Maryland and two of their campaigns, wrote that he penned the remarks.');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Jim Cole', 'that he penned the remarks']]);
  });
  it('reads a lone surname ending in -ly or -ing right before the verb as a name', () => {
    expect(statements('Jolly said he would be cautious with the budget.').map((r) => r.speaker_mention)).toEqual(['Jolly']);
  });
  it('reads "The New York Times" as a speaker, though "times" is a word of time', () => {
    expect(statements('The New York Times reported that the deal had collapsed.').map((r) => r.speaker_mention)).toEqual(['The New York Times']);
  });
  it('skips a negated auxiliary between speaker and verb ("won\'t reveal")', () => {
    expect(cueQuote("Roffman won't reveal the terms of the settlement he reached.")).toEqual([['reveal', 'the terms of the settlement he reached']]);
  });
  it('reads plural nouns without -s and numbers before a present-tense verb ("police say", "59 percent say")', () => {
    expect(statements('Cologne police say they have not yet identified the attackers.').map((r) => r.speaker_mention)).toEqual(['Cologne police']);
    expect(statements('Asked about the plan, 59 percent say it is a mistake.').map((r) => r.quote)).toContain('it is a mistake');
  });
  it('reads a quantifier standing alone as the speaker ("Some say", "Several said"), but not "many calls"', () => {
    expect(cueQuote('Some say this is just a rough patch for the party.')).toEqual([['say', 'this is just a rough patch for the party']]);
    expect(cueQuote('Several said they would rather cut the budget.')).toEqual([['said', 'they would rather cut the budget']]);
    expect(statements('There were many calls for his resignation last year.')).toHaveLength(0);
  });
  it('reads a relative "that" as the noun before it ("a group that endorsed Sanders")', () => {
    const rows = statements('Democracy Now, a group that endorsed Senator Ruth Park in the primary, launched a petition.');
    expect(rows.map((r) => [r.cue, r.quote])).toEqual([['endorsed', 'Senator Ruth Park in the primary']]);
  });
  it('reads a progressive verb as spoken by its subject ("Clinton is calling for ...")', () => {
    expect(cueQuote('Governor Ann Miller is calling for the state to ban the sale of the drug.')).toEqual([
      ['calling', 'for the state to ban the sale of the drug'],
    ]);
  });
  it('still skips a passive ("it is claimed")', () => {
    expect(statements('It is claimed that the budget is balanced.')).toHaveLength(0);
  });
  it('reads "by saying" as the subject\'s words', () => {
    expect(cueQuote('Bolton distanced himself from the group by saying he would serve in the administration.')).toEqual([
      ['saying', 'he would serve in the administration'],
    ]);
  });
  it('gives a participle the subject after an opening phrase or an article ("In an interview, Trump ..., saying")', () => {
    expect(statements('In an interview with CNN, Trump went after the senator again, saying he could not make deals.').map((r) => [r.speaker_mention, r.quote])).toEqual([
      ['Trump', 'he could not make deals'],
    ]);
    expect(statements('The nurse later sued, claiming the quarantine violated her rights.').map((r) => [r.speaker_mention, r.quote])).toEqual([
      ['The nurse', 'the quarantine violated her rights'],
    ]);
  });
  it('takes lower-case words before the speaker of a closing cue ("..., federal officials said.")', () => {
    const rows = statements('The agency has not been using the references for months, federal officials said.');
    expect(rows.map((r) => [r.speaker_mention, r.quote])).toEqual([['federal officials', 'The agency has not been using the references for months']]);
  });
  it('does not take the clause\'s subject as the listener ("told POLITICO she was ...")', () => {
    expect(cueQuote('One delegate, Kelly Smith, told POLITICO she was leaning toward the senator.')).toEqual([
      ['told', 'she was leaning toward the senator'],
    ]);
  });
  it('reads "said this is ..." as words, "said this week" as time', () => {
    expect(cueQuote('Others said this is just a rough patch.')).toEqual([['said', 'this is just a rough patch']]);
    expect(statements('Mayor Jim Cole said this week.')).toHaveLength(0);
  });
});

describe('aims and decisions before "to"', () => {
  it('reports an aim ("sought to", "wants to") as a statement', () => {
    expect(cueQuote('Senator Ruth Park sought to convey that she was taking the news in stride.')).toEqual([
      ['sought', 'to convey that she was taking the news in stride'],
    ]);
    expect(cueQuote('Governor Ann Miller wants to raise the minimum wage.')).toEqual([['wants', 'to raise the minimum wage']]);
  });
  it('does not report a decision or agreement ("agreed to", "decided to")', () => {
    expect(statements('The ministers agreed to expand the training mission.')).toHaveLength(0);
    expect(statements('The ministers decided to expand the training mission.')).toHaveLength(0);
  });
});

describe('a second reporting verb after "and"', () => {
  it('ends the clause where "and" brings the speaker\'s next reporting verb in the same tense, even after a clause', () => {
    expect(cueQuote('Senator Ruth Park said the mayor was ignorant of the law and criticized him for his remarks.')).toEqual([
      ['said', 'the mayor was ignorant of the law'],
      ['criticized', 'him for his remarks'],
    ]);
  });
  it('gives the verb after "and" the sentence\'s subject, not a phrase before the "and"', () => {
    const rows = statements('Governor Ann Miller ranked the mayor as the most capable official ever to run the city and said she would endorse her.');
    expect(rows.find((r) => r.cue === 'said')).toMatchObject({ speaker_mention: 'Governor Ann Miller', quote: 'she would endorse her' });
  });
  it('gives a verb with a listener its object when "and" brings the next reporting verb ("thanked X and said Y")', () => {
    expect(cueQuote('Mayor Ann Miller thanked the volunteers and said the park would reopen next week.')).toEqual([
      ['thanked', 'the volunteers'],
      ['said', 'the park would reopen next week'],
    ]);
  });
  it('ends a bare present cue\'s object before "and" and the bare form of another reporting verb ("call X Y and describe Z")', () => {
    expect(cueQuote('Local farmers call the new levy "a tax on bread" and describe the council as out of touch.')).toEqual([
      ['call', 'the new levy "a tax on bread"'],
      ['describe', 'the council as out of touch'],
    ]);
  });
  it('keeps a clause whose second verb is no reporting verb ("said the plan was late and cost more")', () => {
    expect(cueQuote('Senator Ruth Park said the plan was late and cost far more than promised.')).toEqual([
      ['said', 'the plan was late and cost far more than promised'],
    ]);
  });
});

describe('cue verbs added from PolNeAR', () => {
  it('reads "attacked" as a reporting verb with a noun-phrase object', () => {
    expect(cueQuote('Governor Ann Miller attacked the senator over the budget vote.')).toEqual([['attacked', 'the senator over the budget vote']]);
  });
});

describe('a reporting verb after "to" or "and"', () => {
  it('gives a verb after "went on to", "was quick to", "tried to" the subject of the verb before "to"', () => {
    expect(statements('Mayor Jim Cole later went on to call the senator the worst politician in the state.').map((r) => [r.speaker_mention, r.quote])).toEqual([
      ['Mayor Jim Cole', 'the senator the worst politician in the state'],
    ]);
    expect(statements('Senator Ruth Park was quick to point out that the bill had failed twice.').map((r) => [r.speaker_mention, r.quote])).toEqual([
      ['Senator Ruth Park', 'that the bill had failed twice'],
    ]);
  });
  it('still skips an infinitive with no such verb before it ("a chance to say")', () => {
    expect(statements('The debate gave the mayor a chance to say more about the budget.')).toHaveLength(0);
  });
  it('gives any reporting verb after "but" or "and" the sentence\'s speaker', () => {
    const rows = statements('Senator Ruth Park said after a lunch on Tuesday that she had not read the plan, but called it a starting point.');
    expect(rows.map((r) => [r.speaker, r.cue, r.quote])).toEqual([
      ['Ruth Park', 'said', 'that she had not read the plan'],
      ['Ruth Park', 'called', 'it a starting point'],
    ]);
  });
  it('reads the speaker past an adverb between commas ("the secretary general, meanwhile, called on")', () => {
    expect(statements("NATO's secretary general, meanwhile, called on the regime to abandon its weapons.").map((r) => [r.cue, r.quote])).toEqual([
      ['called', 'on the regime to abandon its weapons'],
    ]);
  });
});

describe('verbs of force are verbs of speech only when the words say what for', () => {
  it('reads no statement in an attack, a strike or a slammed door', () => {
    noStatements(
      'The Taliban attacked a checkpoint on Monday.',
      'Gunmen attacked the convoy near Kabul, killing four.',
      'Rebels fired rockets at the base for three hours.',
      'Rebels fired rockets at the base for a second night.',
      'Police slammed the door shut.',
    );
  });
  it('reads criticism: "as", "for" or "over" what, or a quotation inside', () => {
    expect(cueQuote('The senator slammed the bill as a giveaway.')).toEqual([['slammed', 'the bill as a giveaway']]);
    expect(cueQuote('Mayor Jim Cole attacked the council over its budget.')).toEqual([['attacked', 'the council over its budget']]);
    expect(cueQuote('Senator Ruth Park blasted the "reckless" plan.')).toEqual([['blasted', 'the "reckless" plan']]);
  });
});

describe('the occasion of the words is not part of them', () => {
  it('ends a noun-phrase report before "in an interview", "in a statement" (venues.txt)', () => {
    expect(cueQuote('Senator Ruth Park denounced the annexation in an on-air diatribe.')).toEqual([['denounced', 'the annexation']]);
    expect(cueQuote('Mayor Jim Cole called for more school investment in a statement on Thursday.')).toEqual([['called', 'for more school investment']]);
    expect(cueQuote('Mayor Jim Cole said as much in an interview earlier Thursday morning.')).toEqual([['said', 'as much']]);
  });
  it('keeps a quotation after a phrase of time in an object\'s words ("called X on Monday \'a disgrace\'")', () => {
    expect(cueQuote('Mayor Jim Cole called the council vote on Monday "a betrayal of every renter" in the city.')).toEqual([
      ['called', 'the council vote on Monday "a betrayal of every renter" in the city'],
    ]);
  });
  it('keeps a list of objects whole ("attacked X, Y, and Z for ..."), not an apposition or the writer\'s next clause', () => {
    expect(cueQuote('Senator Ruth Park attacked local landlords, developers, and bankers for opposing the rent law.')).toEqual([
      ['attacked', 'local landlords, developers, and bankers for opposing the rent law'],
    ]);
    expect(cueQuote('Senator Ruth Park endorsed Tom Reyes, a lawyer who has worked in the city and the state.')).toEqual([['endorsed', 'Tom Reyes']]);
    expect(cueQuote('Senator Ruth Park criticized the plan, and the council voted against it.')).toEqual([['criticized', 'the plan']]);
  });
  it('keeps a phrase of place that is part of what was praised', () => {
    expect(cueQuote('Mayor Jim Cole praised the work of nurses in the city.')).toEqual([['praised', 'the work of nurses in the city']]);
  });
});

describe('a word after a possessive is a noun', () => {
  it('reads no statement in "Tuesday\'s figures represent", "Saturday\'s show was beaten", "his report"', () => {
    noStatements(
      "Tuesday's figures represent the first fall in two years.",
      "Last Saturday's show was beaten in the ratings by a rival channel.",
      'Officials studied his report on the crash for weeks.',
    );
  });
  it('keeps "he\'s said" and a possessive speaker before the verb ("Smith\'s spokesman said")', () => {
    expect(cueQuote("He's said the plan works.")).toEqual([['said', 'the plan works']]);
    expect(statements("Smith's spokesman said the plan works.").map((r) => r.speaker_mention)).toEqual(["Smith's spokesman"]);
  });
});

describe('a closing cue followed by a participle', () => {
  it('gives the cue the words before it and the participle the words after ("..., Marin said, adding that ...")', () => {
    expect(cueQuote('Sweden would be vulnerable, Marin said, adding that Stockholm hoped to apply with Helsinki.')).toEqual([
      ['said', 'Sweden would be vulnerable'],
      ['adding', 'that Stockholm hoped to apply with Helsinki'],
    ]);
  });
  it('reads a bare form after "a" as a noun ("Himself a longtime Nato advocate, Stubb argued ...")', () => {
    expect(cueQuote('Himself a longtime Nato advocate, Stubb argued it was only natural that Finns had changed their stance.')).toEqual([
      ['argued', 'it was only natural that Finns had changed their stance'],
    ]);
  });
});

describe('a quotation inside reported words', () => {
  it('is part of the mixed statement, not a second row', () => {
    const rows = statements('Senator Ruth Park called the treaty a "good news story in an era of bad news" on Monday.');
    expect(rows.map((r) => [r.kind, r.cue])).toEqual([['mixed', 'called']]);
  });
  it('is not a second statement of a word inside the clause ("anybody who complains ... \"is not ...\"")', () => {
    const rows = statements('Mayor Jim Cole mocked the complaint, saying anybody who complains about the buses "is not paying attention to the city."');
    expect(rows.map((r) => r.cue)).toEqual(['mocked', 'saying']);
  });
});

describe('an -s form after a lower-case word that names no one is a plural noun', () => {
  it('reads no statement in "development projects", "mass protests", "medical claims"', () => {
    for (const text of [
      'Critics say the development projects are being debated again in Congress this month.',
      'The mass protests in Charlotte broke out after the shooting.',
      'The doctor was criticized for his medical claims on television last year.',
    ]) expect(statements(text).filter((r) => ['projects', 'protests', 'claims'].includes(r.cue)), text).toHaveLength(0);
  });
  it('still reads a speaking noun before the verb ("police say", "the spokesman says")', () => {
    expect(cueQuote('Local police say the crowd was peaceful.')).toEqual([['say', 'the crowd was peaceful']]);
    expect(cueQuote('The spokesman says the plan is ready.')).toEqual([['says', 'the plan is ready']]);
  });
});

describe('more ends of reported words', () => {
  it('ends at a semicolon that opens a clause of the writer\'s', () => {
    expect(cueQuote('Senator Ruth Park said the timing was not intentional; they only learned of it on Friday.')).toEqual([
      ['said', 'the timing was not intentional'],
    ]);
  });
  it('ends a noun-phrase object before a clause of time or reason ("condemned the launch as Pyongyang fired ...")', () => {
    expect(cueQuote('The Security Council condemned the latest missile launch as Pyongyang fired three missiles into the sea.')).toEqual([
      ['condemned', 'the latest missile launch'],
    ]);
    expect(cueQuote('Mayor Jim Cole dismissed the criticism as the voice of a rival.')).toEqual([['dismissed', 'the criticism as the voice of a rival']]);
  });
  it('ends before "in a ruling"', () => {
    expect(cueQuote('Judge Frank Nervo rejected the argument in a ruling released Thursday.')).toEqual([['rejected', 'the argument']]);
  });
});

describe('"but (also)" and the speaker\'s next verb', () => {
  it('ends an object where "but also had to" brings the speaker\'s next verb', () => {
    expect(cueQuote("Some state officials praised Mr. Clarke's work preserving the property but also had to give him more time.")).toEqual([
      ['praised', "Mr. Clarke's work preserving the property"],
    ]);
  });
});

describe('a decision after a phrase of place or time', () => {
  it('reads "agreed in the deal to reduce violence" as a decision, not words', () => {
    expect(statements('The Taliban agreed in the February 2020 deal to reduce violence and to stop hosting fighters.')).toHaveLength(0);
  });
  it('still reads "agreed in a statement that ..." as words', () => {
    expect(cueQuote('The ministers agreed in a statement that the talks had failed.').map(([c]) => c)).toEqual(['agreed']);
  });
});

describe('a noun of speech after a possessive, before "and" and a reporting verb', () => {
  it('ends before the owner\'s next reporting verb, which keeps its own words', () => {
    expect(cueQuote('The senator stood by her remarks about the new airport and said the project would go ahead.')).toEqual([
      ['remarks', 'the new airport'],
      ['said', 'the project would go ahead'],
    ]);
  });
});

describe('a noun of speech after a possessive', () => {
  it('is a subject, not a cue, when a verb follows ("the candidate\'s call came after ...")', () => {
    expect(statements("The candidate's call came after his rival attacked the plan as a fraud.").filter((r) => r.cue === 'call')).toHaveLength(0);
  });
});

describe('"reports": more often a noun than a verb', () => {
  it('is a verb after a source the text names, or before "that"', () => {
    expect(cueQuote('The Post reports the council will vote on the budget next week.')).toEqual([
      ['reports', 'the council will vote on the budget next week'],
    ]);
    expect(cueQuote('The newspaper reports that the team avoided the hospital on Sunday.')).toEqual([
      ['reports', 'that the team avoided the hospital on Sunday'],
    ]);
  });
  it('is a noun after a word that names no source, after "if", or before a verb of its own', () => {
    const reportsAsCue = (text: string) => statements(text).filter((r) => r.cue === 'reports');
    expect(reportsAsCue('Initial reports suggested the fire had started in the kitchen.')).toHaveLength(0);
    expect(reportsAsCue('Press reports say the talks collapsed overnight.')).toHaveLength(0);
    expect(reportsAsCue('The board threatened the runner with a ban if reports that she faked an injury are true.')).toHaveLength(0);
    expect(reportsAsCue('Official reports of more casualties are still coming in from the valley.')).toHaveLength(0);
  });
  it('reads "posts", "broadcasts", "projects", "remarks", "shares", "answers", "appeals" and "term" the same way (noun-first-forms.txt)', () => {
    noStatements(
      'Some deeply offensive posts in the forum were removed within hours.',
      'The court begins its new term next week with a crowded docket.',
      'Her remarks on Saturday drew a standing ovation from the crowd.',
      'Some of the most ambitious projects for the valley have stalled for lack of money.',
      'A federal appeals court ruled on Friday against the county\'s voting rules.',
    );
    expect(cueQuote('The Tribune posts that the council will vote on the budget next week.')).toEqual([
      ['posts', 'that the council will vote on the budget next week'],
    ]);
  });
});

describe('an -s form followed by a verb of its own is a noun', () => {
  it('"the minister claims were denied" reads no statement from the noun', () => {
    expect(statements('The minister claims were denied by everyone in the cabinet.').filter((r) => r.cue === 'claims')).toHaveLength(0);
  });
});

describe('a cue word after a preposition before a quotation', () => {
  it('"in order to “...”" is no cue', () => {
    expect(statements('The aides drove to the emergency room in order to “keep the details of her treatment under wraps.”').filter((r) => r.cue === 'order')).toHaveLength(0);
  });
});

describe('verbs of speech with a topic', () => {
  it('"spoke of", "talked about", "talks about" report the topic', () => {
    expect(cueQuote('Justice Ann Roberts spoke of the legacy of the old laws in her speech.')).toEqual([['spoke', 'of the legacy of the old laws in her speech']]);
    expect(cueQuote('Mayor Jim Cole talked about the budget for the new schools.')).toEqual([['talked', 'about the budget for the new schools']]);
    expect(cueQuote('She talks about the border in every speech.')).toEqual([['talks', 'about the border in every speech']]);
  });
  it('without "about" or "of" they report nothing, and "peace talks" is a noun', () => {
    noStatements(
      'The minister spoke to reporters in Kabul on Monday after the meeting with the elders.',
      'The peace talks about the border ended without a deal.',
    );
  });
});

describe('a speaker phrase inside a relative clause', () => {
  it('"An official who spoke on condition of anonymity said": the official speaks', () => {
    expect(statements('An official who spoke on condition of anonymity said the plan was dead.').map((r) => r.speaker_mention)).toEqual(['An official']);
  });
});

describe('numbers with thousands separators', () => {
  it('"4,000 residents" is one phrase: the comma ends no clause', () => {
    expect(statements('Officials said 4,000 residents would leave the valley by Friday.').map((r) => [r.speaker_mention, r.quote])).toEqual([
      ['Officials', '4,000 residents would leave the valley by Friday'],
    ]);
    expect(statements('A minimum of 4,000 residents oppose the new stadium.').map((r) => r.speaker_mention)).toEqual(['4,000 residents']);
  });
});

describe('where the object of a verb like "praise" or "reject" ends', () => {
  it('before a phrase of time', () => {
    expect(cueQuote('The governor praised the rescue crews during her visit to the valley.')).toEqual([['praised', 'the rescue crews']]);
    expect(cueQuote('The mayor criticized the new budget plan on Friday at a meeting of the board.')).toEqual([['criticized', 'the new budget plan']]);
  });
  it('"that" before a plain noun is a determiner', () => {
    expect(cueQuote('The judge rejected that argument in a ruling released Thursday.')).toEqual([['rejected', 'that argument']]);
    expect(cueQuote('The judge rejected that the law was unfair to the tenants.')).toEqual([['rejected', 'that the law was unfair to the tenants']]);
  });
  it('an infinitive after the noun belongs to it, and the object ends at the comma', () => {
    expect(cueQuote("The experts praised the mayor's proposals to help small shops, which include a tax break on rents.")).toEqual([
      ['praised', "the mayor's proposals to help small shops"],
    ]);
  });
});

describe('a new speaker after ", and" or "— and"', () => {
  it('ends the words before it: two statements', () => {
    expect(cueQuote('Fowler said the campaign would be more intense — and he noted that any change would take weeks.')).toEqual([
      ['said', 'the campaign would be more intense'],
      ['noted', 'that any change would take weeks'],
    ]);
  });
});

describe('verbs that report only before "that"', () => {
  it('"maintained that", "found that" report; "maintained a lead", "found a way" do not', () => {
    expect(cueQuote('Senator Ruth Park maintained that the vote had been fair to every district.')).toEqual([['maintained', 'that the vote had been fair to every district']]);
    expect(cueQuote('The inspectors found that the dam had been poorly maintained.')).toEqual([['found', 'that the dam had been poorly maintained']]);
    noStatements('Senator Ruth Park maintained a double-digit lead over her rival in the polls.', 'The refugees found a home in a small town near the border.');
  });
});

describe('answers, ages and circles of sources', () => {
  it('"said yes", "said no": a one-word answer is the words', () => {
    expect(cueQuote('Asked about the plan, 75 percent of Democrats said yes, but 55 percent of all voters said no.').filter(([c]) => c === 'said')).toEqual([
      ['said', 'yes'],
      ['said', 'no'],
    ]);
  });
  it('"said the 46-year-old": an age names a person', () => {
    expect(statements('“He is, and always has been, an amazing leader,” said the 46-year-old.').map((r) => r.speaker_mention)).toEqual(['the 46-year-old']);
  });
  it('"people close to Clinton say", "those close to him say": the circle speaks', () => {
    expect(statements('People close to the mayor say she will run again next year.').map((r) => r.speaker_mention)).toEqual(['People close to the mayor']);
    expect(statements('Those close to him say he will run again next year.').map((r) => [r.cue, r.quote])).toEqual([['say', 'he will run again next year']]);
  });
  it('", political analysts say; in 2012 ...": the words are before the verb, not after the semicolon', () => {
    expect(cueQuote('Candidates need about 40 percent of the Hispanic vote to win, political analysts say; in 2012, Mitt Romney won 27 percent.')).toEqual([
      ['say', 'Candidates need about 40 percent of the Hispanic vote to win'],
    ]);
  });
});

describe('a verb with a listener after the words', () => {
  it('"This is not about me, Obama told his closest aides on Monday": the words are before the verb', () => {
    expect(cueQuote('This is not about me, President Obama told his closest aides on Monday.')).toEqual([['told', 'This is not about me']]);
  });
});

describe('"according to X" inside the words', () => {
  it('an aside between commas leaves the whole sentence as the words; an initial does not end the name', () => {
    const [row] = statements('At the heart of the trouble, according to Dennis B. Ross, a former envoy, was a decision to keep a distance from the allies.');
    expect(row).toMatchObject({ cue: 'according to', speaker: 'Dennis B. Ross' });
    expect(row.quote).toBe('At the heart of the trouble, according to Dennis B. Ross, a former envoy, was a decision to keep a distance from the allies');
  });
  it('at the end of the sentence the words are before it', () => {
    expect(cueQuote('Security forces have killed more than 400 protesters, according to Human Rights Watch.')).toEqual([
      ['according to', 'Security forces have killed more than 400 protesters'],
    ]);
  });
});

describe('"said this week"', () => {
  it('is a phrase of time, not the words; the words may follow it', () => {
    noStatements('Mayor Jim Cole said this week.');
    expect(cueQuote('Mayor Jim Cole said this week the budget was balanced.')).toEqual([['said', 'the budget was balanced']]);
  });
});

describe('a quotation mark never closed at the end of the text', () => {
  it('ends the words at the text\'s end instead of failing the article', () => {
    const text = 'And Newsweek said 52 per cent of those questioned believed the administration"s accomplishments outweighed its failures. REUTER';
    expect(statements(text).map((r) => r.cue)).toEqual(['said']);
  });
});

describe('", as <someone named> <verb>" after the words', () => {
  it('is the writer\'s clause, not the speaker\'s words', () => {
    expect(cueQuote('The NATO chief said the alliance had made no final decision, as new US President Joe Biden weighs pulling out troops.')).toEqual([
      ['said', 'the alliance had made no final decision'],
    ]);
    expect(cueQuote('The minister said the talks would go on, as agreed in March.')).toEqual([['said', 'the talks would go on, as agreed in March']]);
  });
});

describe('", which is ..." after reported words', () => {
  it('is the writer\'s note on the last noun', () => {
    expect(cueQuote('The ministry said the envoy would stay in the new administration, which is conducting a review of the old agreements.')).toEqual([
      ['said', 'the envoy would stay in the new administration'],
    ]);
  });
});

describe('", according to" after a comma inside the closing mark', () => {
  it('ends the words after the mark', () => {
    expect(cueQuote('Blinken told Ghani that the plan includes "a just and durable settlement," according to the statement from the spokesman.')).toEqual([
      ['told', 'that the plan includes "a just and durable settlement,"'],
    ]);
  });
});

describe('a comma inside the reported clause before a speaker of its own', () => {
  it('keeps the clause whole when the comma closes its subject\'s apposition', () => {
    expect(cueQuote('The Herald reported that the paper\'s owner, Tom Briggs, told editors that the strike was over.')).toEqual([
      ['reported', 'that the paper\'s owner, Tom Briggs, told editors that the strike was over'],
    ]);
  });
  it('keeps the clause whole when the comma closes the phrase it opens with', () => {
    expect(cueQuote('Ms. Ortiz noted that at her first council meeting, in 2009, she opposed a plan to sell the library.')).toEqual([
      ['noted', 'that at her first council meeting, in 2009, she opposed a plan to sell the library'],
    ]);
  });
});

describe('a participle set off after the subject', () => {
  it('ends at the comma before the subject\'s own reporting verb, which keeps its words', () => {
    expect(cueQuote('Lopez, noting the deficit, warned that taxes would rise.')).toEqual([
      ['noting', 'the deficit'],
      ['warned', 'that taxes would rise'],
    ]);
  });
});

describe('clauses that "and" or a passive "by" end (issue #14)', () => {
  it('stops before "and", a pronoun and a verb of speech: a clause of its own', () => {
    expect(cueQuote('Mayor Jim Cole said thieves had broken into the depot and he warned that the guards were unpaid.')).toEqual([
      ['said', 'thieves had broken into the depot'],
      ['warned', 'that the guards were unpaid'],
    ]);
  });
  it('keeps pronouns joined inside the words ("that he and she agreed")', () => {
    expect(cueQuote('Mayor Jim Cole said that he and she agreed on the budget for the schools.')).toEqual([
      ['said', 'that he and she agreed on the budget for the schools'],
    ]);
  });
  it('ends a participle\'s words where "and" brings a finite reporting verb of another tense', () => {
    expect(cueQuote('Governor Ann Miller called the ruling a disgrace, saying it had no place in the state and said the legislature would act.')).toEqual([
      ['called', 'the ruling a disgrace'],
      ['saying', 'it had no place in the state'],
      ['said', 'the legislature would act'],
    ]);
  });
  it('reads a past participle before "by" and its agent as a passive, not the noun before it speaking', () => {
    const cues = cueQuote('The union released a video of the mayor making remarks viewed by many as hostile to nurses.').map(([c]) => c);
    expect(cues).not.toContain('viewed');
    expect(statements('The plan, criticized by economists, was dropped.')).toHaveLength(0);
  });
});

describe('content classes of PolNeAR dev and train (issue #14, content9)', () => {
  it('reads the bare form of an object verb before a preposition or punctuation as a noun', () => {
    noStatements(
      'Mayor Jim Cole reached 45 percent support among county voters in a new poll released Thursday.',
      'They are neighbours who have lent support to her and her family in the past.',
    );
    expect(cueQuote('Local unions support the new wage rules.')).toEqual([['support', 'the new wage rules']]);
  });
  it('ends the words of a cue in a clause that opens the sentence ("While X said Y, Z ...") at its comma', () => {
    expect(cueQuote('While his aides have suggested the plan is dead, Mayor Jim Cole is still determined to pass it.')[0]).toEqual([
      'suggested', 'the plan is dead',
    ]);
    expect(cueQuote('Although the judge found that rule unlawful, his ruling was overturned by a higher court.')[0]).toEqual([
      'found', 'that rule unlawful',
    ]);
  });
  it('ends the words of a cue in a relative clause set off by commas at the comma before the main verb', () => {
    expect(cueQuote('Mayor Jim Cole, who understood that a vote would be lost, told his aides to find another way.')).toEqual([
      ['understood', 'that a vote would be lost'],
      ['told', 'to find another way'],
    ]);
  });
  it('reads the words before a closing cue followed only by a phrase of time, with the lower-case words of its speaker', () => {
    expect(statements('The plan is an insult to every taxpayer, union leaders said Friday.').map((r) => [r.speaker, r.quote])).toEqual([
      ['union leaders', 'The plan is an insult to every taxpayer'],
    ]);
    expect(cueQuote('The plan is an insult to every taxpayer in the state, local union leaders said Friday afternoon, as they prepared a protest against the rules at the state capitol.')).toEqual([
      ['said', 'The plan is an insult to every taxpayer in the state'],
    ]);
  });
  it('reads the words before a closing cue followed by ", and" as its words, not the clause after it', () => {
    expect(cueQuote('Mayor Jim Cole spoke last. It would take three weeks to convene the committee, he said, and the fighting could be paralyzing.')).toEqual([
      ['said', 'It would take three weeks to convene the committee'],
    ]);
  });
  it('takes a capitalised phrase and the noun for people after it as the speaker after a closing cue ("said one GOP source")', () => {
    expect(statements('The board was angry, said one GOP source in the room.').map((r) => [r.speaker, r.quote])).toEqual([
      ['one GOP source', 'The board was angry'],
    ]);
  });
  it('reads no apposition in a clause after ", and" before a closing cue', () => {
    expect(cueQuote('The board was angry with Republicans, and the meeting soured, said one aide in the room.')).toEqual([
      ['said', 'The board was angry with Republicans, and the meeting soured'],
    ]);
    expect(statements('Mayors Ann Lee and Jim Cole, and Governor Ray Fox, tweeted their approval of the vote.')[0].speaker).toBe('Mayors Ann Lee and Jim Cole');
  });
  it('joins a quotation\'s second part after the cue and ", but" or ", and" into one statement', () => {
    const rows = statements('Mayor Jim Cole spoke on Monday. "I like the governor a lot," he said, but "when it comes to roads, she has a long record of bad choices."');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('I like the governor a lot," he said, but "when it comes to roads, she has a long record of bad choices.');
  });
  it('keeps ", including ..." in the object of a verb like "cite"', () => {
    expect(cueQuote('Mayor Jim Cole cited several causes for the deficit, including cuts to state grants.')).toEqual([
      ['cited', 'several causes for the deficit, including cuts to state grants'],
    ]);
  });
  it('gives a quotation split around a long description of its speaker the longer part alone', () => {
    const rows = statements('"It is a tax cut," said Ann Lee, a lawyer who worked for the state budget office for ten years and now runs a small consulting firm in the capital city. "It will not pay for itself."');
    expect(rows.map((r) => [r.speaker, r.quote])).toEqual([['Ann Lee', 'It will not pay for itself.']]);
  });
  it('reads no words in ", called X," after a noun, nor in "called in to", "called off"', () => {
    noStatements(
      'The program, called GreenStart, has drawn fraud complaints for years.',
      'Ann Lee called in to a radio show about the budget on Monday.',
    );
  });
  it('reads a long clause of time after the cue ("said after the board sold ...") as when, not what', () => {
    expect(cueQuote('The budget is broken, Ann Lee said after the board sold the paper to a rival group in 2014.')).toEqual([
      ['said', 'The budget is broken'],
    ]);
  });
  it('reads a teaser label before a headline\'s colon ("Revealed: ...", "BOOM: ...") as no source', () => {
    noStatements('Revealed: The Ten Towns Where Rents Rose Fastest This Year\n\nRents rose in every county last year.');
  });
  it('reads "his support for X" as a stance, not a statement', () => {
    noStatements('His support for the stadium plan is not shared by most of the council.');
  });
});

describe('"thanks to" is a preposition', () => {
  it('reads no statement in "thanks to", "thanks in part to"', () => {
    noStatements(
      'The governor holds a commanding lead thanks in part to her wins in the southern counties.',
      'The union gained members thanks to a long strike at the port.',
    );
  });
});

describe('words around a cue set off by commas', () => {
  it('opens the words with the subject before the cue when they go on with its verb', () => {
    expect(cueQuote('The new bridge, Mayor Ann Lee said, would carry twice the traffic of the old one.')).toEqual([
      ['said', 'The new bridge, Mayor Ann Lee said, would carry twice the traffic of the old one'],
    ]);
    expect(cueQuote('All of these delays, she added, could have been avoided with a bigger budget.')[0]).toEqual([
      'added', 'All of these delays, she added, could have been avoided with a bigger budget',
    ]);
  });
  it('leaves the words after the cue alone when they have a subject of their own or the front has commas', () => {
    expect(cueQuote('In the morning, Mayor Ann Lee said, the traffic on the bridge was heavy.')[0]).toEqual(['said', 'the traffic on the bridge was heavy']);
    expect(cueQuote('The old bridge, which opened in 1950, Mayor Ann Lee said, was far too narrow.')[0]).toEqual(['said', 'was far too narrow']);
  });
});

describe('a block of words after a colon', () => {
  it('takes the paragraph after "X added:" as the words', () => {
    const rows = statements('Governor Ann Lee spoke to a radio host on Monday.\n\nThe governor added:\n\nThe bridge is too old. It carries more trucks than it was built for, and we will replace it next year.\n\nThe host did not reply.');
    expect(rows.map((r) => [r.cue, r.speaker, r.quote])).toEqual([
      ['added', 'Ann Lee', 'The bridge is too old. It carries more trucks than it was built for, and we will replace it next year'],
    ]);
  });
  it('does not take a paragraph of markup or one of a few words', () => {
    expect(statements('Governor Ann Lee spoke on Monday.\n\nThe governor added:\n\nNo comment.')).toHaveLength(0);
  });
});

describe('"according to" before a quotation', () => {
  it('runs the words to the end of a quotation that goes past the sentence', () => {
    expect(cueQuote('Mayor Ann Lee spoke on Monday. According to Lee, “The bridge is far too old. It was built for carts, not trucks.” The council will vote in May.')).toEqual([
      ['According to', '“The bridge is far too old. It was built for carts, not trucks.”'],
    ]);
  });
});
