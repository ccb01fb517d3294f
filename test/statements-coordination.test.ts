import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';

const statements = statementsOf;

describe('verbs joined by "and"', () => {
  it('ends an object where the speaker\'s next verb starts, and reads that verb as a statement of its own', () => {
    const rows = statements('Governor Ann Miller criticized the new tax plan and said the state would sue over it.');
    expect(rows.map((r) => [r.cue, r.quote, r.speaker])).toEqual([
      ['criticized', 'the new tax plan', 'Ann Miller'],
      ['said', 'the state would sue over it', 'Ann Miller'],
    ]);
  });
  it('takes a reporting verb in the same tense as a second statement ("defended X and mocked Y")', () => {
    const rows = statements('Senator Tom Reed defended the old rules in the debate and mocked the party leaders for their plan.');
    expect(rows.map((r) => r.cue)).toEqual(['defended', 'mocked']);
    expect(rows[1].speaker).toBe('Tom Reed');
  });
  it('stops at "and" with an auxiliary: "endorsed X last week and has appeared ..."', () => {
    const rows = statements('Mayor Jim Cole endorsed the senator last week and has appeared at two rallies since.');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('the senator last week');
  });
  it('leaves a reported clause with a subject of its own whole', () => {
    const rows = statements('Mayor Jim Cole said the plan was late and cost far more than promised.');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('the plan was late and cost far more than promised');
  });
});

describe('noun-phrase objects and refusals', () => {
  it('ends the words of an object verb at the first comma when they hold no clause', () => {
    const rows = statements('Mayor Jim Cole endorsed Senator Ruth Park for governor, a choice that surprised many.');
    expect(rows).toHaveLength(1);
    expect(rows[0].quote).toBe('Senator Ruth Park for governor');
  });
  it('keeps a clause after an object verb whole ("described how he ...")', () => {
    const rows = statements('Mayor Jim Cole described how he had met the governor, and why he left.');
    expect(rows[0].quote).toBe('how he had met the governor, and why he left');
  });
  it('reads "declined to comment" as a statement of the subject, and "sales declined" as none', () => {
    const rows = statements('A spokesman for Mayor Jim Cole declined to comment on the report.');
    expect(rows.map((r) => [r.cue, r.quote])).toEqual([['declined', 'to comment on the report']]);
    expect(statements('Sales at the big store declined sharply in the last quarter of the year.')).toHaveLength(0);
  });
});

describe('speakers counted with a number word', () => {
  it('reads "one employee", "One senior official" as speakers, not "No one"', () => {
    expect(statements('The town was quiet.\n\n“We are shocked by all of this,” one employee told the newspaper.').map((r) => r.speaker)).toEqual(['one employee']);
    expect(statements('The town was quiet.\n\nOne senior official said the talks had failed.').map((r) => r.speaker)).toEqual(['One senior official']);
    expect(statements('The town was quiet.\n\nNo one said the talks had failed.')).toHaveLength(0);
  });
});

describe('a quotation that runs past the sentence', () => {
  it('ends a mixed clause with the quotation it opens, over the sentence end', () => {
    const rows = statements('The town was quiet.\n\nCarson told the crowd that “our nation is in horrible trouble. Why sit there and talk about each other?”\n\nHe left.');
    expect(rows.map((r) => [r.kind, r.quote])).toEqual([['mixed', 'that “our nation is in horrible trouble. Why sit there and talk about each other?”']]);
  });
  it('leaves a quotation closed inside the sentence alone', () => {
    const rows = statements('The town was quiet.\n\nCarson told the crowd that “our nation is in trouble” and left. Then he spoke again.');
    expect(rows[0].quote).toBe('that “our nation is in trouble” and left');
  });
});

describe('speaker phrases and adjuncts', () => {
  it('finds the speaker before a long relative clause and across "No. 2"', () => {
    expect(statements('The town was quiet.\n\nAnn Lee, who took over as head of the office after the last director quit because of a long dispute, said the budget is fine.')
      .map((r) => [r.speaker, r.quote])).toEqual([['Ann Lee', 'the budget is fine']]);
    expect(statements('The town was quiet.\n\nSenator Tom Reed, the No. 2 man in the party, said the vote will be on Monday.').map((r) => r.speaker)).toEqual(['Tom Reed']);
  });
  it('reads a time or place before a participle as an adjunct: "X, Hollande said Tuesday in Paris, noting ..."', () => {
    const rows = statements('The town was quiet.\n\nThe plan is a failure, Mayor Ann Lee said Tuesday in Paris, noting the cost of the whole thing.');
    expect(rows.map((r) => [r.cue, r.quote])).toEqual([['said', 'The plan is a failure'], ['noting', 'the cost of the whole thing']]);
  });
});

describe('verbs with a preposition', () => {
  it('reads "called for X" as words, not a phrase of place', () => {
    expect(statements('The town was quiet.\n\nSenator Tom Reed called for new elections.').map((r) => r.quote)).toEqual(['for new elections']);
    expect(statements('The town was quiet.\n\nSenator Tom Reed said in the morning.')).toHaveLength(0);
  });
});

describe('questions put', () => {
  it('reads a sentence opening with "Asked if ..." and "asked whom ..." as questions put', () => {
    expect(statements('The town was quiet.\n\nAsked if he was ever bullied, the candidate said he was not.').map((r) => [r.cue, r.quote])).toEqual([['Asked', 'if he was ever bullied'], ['said', 'he was not']]);
    expect(statements('The town was quiet.\n\nWhen asked whom she supported, Ms. Sherry smiled.').map((r) => r.quote)).toEqual(['whom she supported']);
  });
});

describe('direct quotes with an office before the name', () => {
  it('takes "Senate minority leader Harry Reid told reporters" after a quote as its speaker', () => {
    const rows = statements('The town was quiet.\n\n“We should all go home early today,” Senate minority leader Harry Reid told reporters.\n\nEnd.');
    expect(rows.map((r) => [r.kind, r.speaker, r.speaker_role])).toEqual([['direct', 'Harry Reid', 'Senate minority leader']]);
  });
});
