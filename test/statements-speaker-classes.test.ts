/** Issue 14: classes of speaker errors read on PolNeAR dev and BBC/Reuters builds, each on sentences of our own. */
import { describe, expect, it } from 'vitest';
import { statementsOf } from './support/articles.ts';

const who = (text: string) => statementsOf(text).map((r) => [r.speaker, r.kind, r.quote]);

describe('a quotation with its own cue after it is not the previous speaker\'s', () => {
  it('reads the cue after a nested quotation\'s closing mark (\',’” Norris said\')', () => {
    const text = '“Why is this not proof that the firm is too big?” Lamb demanded.\n\nThe bank sold accounts to clients it never met.\n\n' +
      '“You say you ‘accept responsibility, and it was the fault of those workers,’” Norris said. “That is not accepting responsibility.”';
    const rows = who(text);
    expect(rows.filter((r) => r[2].startsWith('You say'))).toEqual([['Norris', 'direct', expect.stringContaining('That is not accepting responsibility.')]]);
    expect(rows.map((r) => r[0])).toEqual(['Lamb', 'Norris']);
  });
  it('reads a name with its party and state in brackets after "said" ("said Rep. Ann Lee (D-Ohio), ...")', () => {
    const text = '“It was like pushing on an open door,” said Victor Hale, who served under the president.\n\nBut the leader also helped.\n\n' +
      '“They were very much engaged in the talks,” said Rep. Joseph Crane (D-N.Y.), a leading advocate for the prisoners.';
    expect(who(text).map((r) => r[0])).toEqual(['Victor Hale', 'Joseph Crane']);
  });
  it('reads a name with its party and state between commas before "said" ("Tom Brock, R-Ky., said")', () => {
    const text = '“Nobody should make us wait,” she said.\n\nThe veto is expected to come before the deadline.\n\n' +
      '“Our assumption is that the veto will be overridden,” Senate Majority Leader Tom Brock, R-Ky., said Tuesday.';
    const rows = who(text).filter((r) => r[2].startsWith('Our assumption'));
    expect(rows).toEqual([['Tom Brock', 'direct', 'Our assumption is that the veto will be overridden,']]);
  });
  it('does not give the previous speaker a quotation followed by a cue whose speaker is not read', () => {
    const text = '“We have done all we could for them,” Mayor Lina Ross said.\n\nThe families were not convinced.\n\n' +
      '“The rationale for the veto does not hold at all,” said 9/11 widow Ann Pell.';
    expect(who(text).filter((r) => r[2].includes('rationale')).map((r) => r[0])).not.toContain('Lina Ross');
  });
});
