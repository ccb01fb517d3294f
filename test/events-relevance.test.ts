/** An event needs a political party on one side at least (PLOVER); sentences of our own. */
import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/events/extract.ts';
import { isCompanyStory, isShowStory, isSportStory } from '../src/events/sense.ts';
import { segmented } from './support/articles.ts';

const events = (text: string) => extractEvents(segmented(text, '1987-03-02'), []);

describe('relevance: a political party on one side', () => {
  it('codes no event between companies, whatever the verb', () => {
    expect(events('Acme Holdings Inc said it agreed to sell its bakery division to Borden Foods Corp.')).toEqual([]);
    expect(events('The company rejected the takeover offer from a rival bidder.')).toEqual([]);
  });
  it('takes a bare word of office without a country for no political party ("a spokeswoman", "the president")', () => {
    expect(events('A Rolm spokeswoman said the president decided to step down for personal reasons.')).toEqual([]);
    expect(events('Kenyan officials accused Uganda of smuggling.')[0]).toMatchObject({ event_type: 'ACCUSE', actor_country: 'KEN' });
  });
  it('takes a lower-case title after a company name for a company office ("Time-Life Video president X")', () => {
    expect(events('Norda Inc agreed to sell its video unit to Time-Life Video president William Ambrose.')).toEqual([]);
  });
  it('codes no event for companies acting in a country ("a joint venture in Japan")', () => {
    expect(events('Matsushita Electric Industrial Co Ltd and Ford Motor Co have signed an agreement to set up a joint venture to make car air conditioners in Japan.')).toEqual([]);
  });
  it('takes a lower-case "president" before a name we do not know for no political party, unless a country says whose', () => {
    expect(events('Triton Energy Corp said president Thomas Goff resigned.')).toEqual([]);
    expect(events('Kenyan president Daniel Kamau met Ugandan officials.')[0]).toMatchObject({ event_type: 'CONSULT', actor_country: 'KEN', recipient_country: 'UGA' });
  });
  it("takes a company's seat or owner for no party to its acts (\"U.S.-based\", \"a Japan-based firm\")", () => {
    expect(events('U.S.-based Northwest Airlines has ordered 20 jets from Airbus.')).toEqual([]);
    expect(events('A Japan-based trading firm rejected the offer.')).toEqual([]);
  });
  it('reads "it" after a company whose name holds a nationality as the company ("American Motors said it ...")', () => {
    expect(events('American Motors earlier said it broke off talks with the union on a new labor contract.')).toEqual([]);
    expect(events('Iran said it would attack Kuwaiti tankers.')[0]).toMatchObject({ actor_country: 'IRN' });
  });
  it('takes no country before a money or company word for a party ("17 U.S. dlrs an ounce")', () => {
    expect(events('Galactic Resources Ltd said it signed an agreement to reschedule royalty payments, reducing costs by 17 U.S. dlrs an ounce.')).toEqual([]);
  });
  it('takes a surname alone for the person the article named in full, else for the office holder of the date', () => {
    const text = 'West German Finance Minister Gerhard Stoltenberg met French officials on Monday. Stoltenberg criticised the United States for its trade policy.';
    expect(events(text).find((e) => e.event_type === 'ACCUSE')).toMatchObject({ actor: 'Gerhard Stoltenberg', actor_country: 'DEU', recipient_country: 'USA' });
    expect(events('Stoltenberg criticised Russia for its policy.')[0]).toMatchObject({ actor: 'Stoltenberg', actor_country: '' });
    expect(extractEvents(segmented('Stoltenberg criticised Russia for its policy.', '2019-03-02'), [])[0]).toMatchObject({ actor: 'Jens Stoltenberg' });
  });
  it('codes the same verbs between states', () => {
    expect(events('Japan agreed to sell rice to South Korea.').map((e) => e.event_type)).toEqual(['AGREE']);
  });
  it('keeps violence by unnamed perpetrators against people without a public role', () => {
    expect(events('Two lecturers were killed in Lagos on Sunday.').map((e) => e.event_type)).toEqual(['ASSAULT']);
  });
});

describe('declining to comment', () => {
  it('is no refusal (no event), while declining an offer is', () => {
    expect(events('The Japanese foreign ministry declined to comment on the report.')).toEqual([]);
    expect(events('A Chinese government spokesman declined to say whether Beijing would respond.')).toEqual([]);
    expect(events('Japan declined to join the Chinese boycott.').map((e) => e.event_type)).toEqual(['REJECT']);
  });
});

describe('natural causes', () => {
  it('are no perpetrators: harm done by them is no event', () => {
    expect(events('An earthquake killed 30 people in eastern Turkey on Sunday.')).toEqual([]);
    expect(events('Floods destroyed hundreds of homes in Bangladesh.')).toEqual([]);
  });
  it('while violence by unnamed people still is', () => {
    expect(events('Gunmen killed 30 people in eastern Turkey on Sunday.').map((e) => e.event_type)).toEqual(['ASSAULT']);
  });
  it('nor are accidents or things named anywhere in the sentence, unless a weapon or fighting is (survey 22)', () => {
    expect(events('Two workers were killed in an explosion and fire at the Turkish refinery on Sunday.')).toEqual([]);
    expect(events('The Turkish steel industry was injured by cheap imports.')).toEqual([]);
    expect(events('Two workers were killed in an explosion at the Turkish embassy, believed to be a bomb.').map((e) => e.event_type)).toEqual(['ASSAULT']);
    expect(events('Fourteen Turkish workers were injured in clashes during a strike called after the earthquake.').map((e) => e.event_type)).toEqual(['ASSAULT']);
    // (an explosion alone, after the act, may be an attack's)
    expect(events('The Turkish mayor of Van has been wounded in an explosion.').map((e) => e.event_type)).toEqual(['ASSAULT']);
  });
});

describe('quad_class', () => {
  it("is the PLOVER manual's quad category of the type", () => {
    expect(events('Japan agreed to sell rice to South Korea.')[0]).toMatchObject({ event_type: 'AGREE', quad_class: 'verbal cooperation' });
    expect(events('Gunmen killed 30 people in eastern Turkey on Sunday.')[0]).toMatchObject({ event_type: 'ASSAULT', quad_class: 'material conflict' });
  });
});

describe("the field's dictionaries (imported PETRARCH2 Phoenix people)", () => {
  it('give a named politician the country of the role held on the day', () => {
    expect(events('Margaret Thatcher criticised the Soviet Union on Monday.')[0]).toMatchObject({ actor: 'Margaret Thatcher', actor_country: 'GBR', recipient_country: 'RUS' });
  });
});

describe('peoples', () => {
  it('takes "ethnic Albanians" and "Iraqi Kurds" for peoples, not for the states their names recall', () => {
    expect(events('Ethnic Albanians have sworn to fight until they gain control of villages near the border.').map((e) => e.actor_country)).not.toContain('ALB');
    expect(events('Thousands of Iraqi Kurds demonstrated in Kirkuk calling for independence from Iraq.')[0]).toMatchObject({ event_type: 'PROTEST', actor: 'Iraqi Kurds', actor_sector: 'civilians', recipient_country: 'IRQ' });
  });
});

describe('"general"', () => {
  it('reads "general" before a common word as an adjective and after a company word as part of its name, not as an officer', () => {
    expect(events('The union voted against a general strike next month to oppose the Spanish government.').map((e) => e.actor)).not.toContain('general');
    expect(events("Gencorp's RKO General said it asked the Federal Communications Commission to act.").map((e) => e.actor)).not.toContain('General');
    expect(events('General Abdul Rashid Dostum attacked Taliban positions.')[0]).toMatchObject({ event_type: 'ASSAULT', actor: 'Abdul Rashid Dostum', actor_sector: 'military' });
  });
});

describe('bodies of states', () => {
  it('reads the Paris Club, OPEC and the Group of Seven as international bodies, not the states their names recall', () => {
    expect(events('Morocco reached an agreement with the Paris Club of western creditor governments to reschedule its debt.')[0]).toMatchObject({ event_type: 'AGREE', actor_country: 'MAR', recipient: 'Paris Club', recipient_country: '' });
    expect(events('OPEC, the Group of Seven and GATT criticised Japan.')[0]).toMatchObject({ actors: 'OPEC; Group of Seven; GATT', recipient_country: 'JPN' });
  });
});

describe('given names', () => {
  it('finds a person of the imported dictionaries under the familiar or the formal form of the given name', () => {
    // the Phoenix dictionary has "Bob Dole"
    expect(events('Robert Dole criticised Japan for its trade surplus.')[0]).toMatchObject({ event_type: 'ACCUSE', actor: 'Bob Dole', actor_country: 'USA', recipient_country: 'JPN' });
  });
});

describe('house styles of names', () => {
  it('reads "Nato" (the Guardian\'s spelling) as NATO', () => {
    expect(events('Russia accused Nato of provoking the war.')[0]).toMatchObject({ event_type: 'ACCUSE', actor_country: 'RUS', recipient: 'NATO' });
  });
});

describe("national parties: named in the party dictionary, of the article's country", () => {
  it('codes a party as a political actor of its country ("the Tories", "Lib Dems", "Republicans")', () => {
    expect(events('The Tories accused Egypt of ignoring the treaty.')[0]).toMatchObject({ event_type: 'ACCUSE', actor: 'Conservative Party', actor_country: 'GBR', actor_sector: 'party', recipient_country: 'EGY' });
    expect(events('Republicans in Congress criticised Mexico for its trade policy.')[0]).toMatchObject({ actor: 'Republican Party', actor_country: 'USA' });
  });
  it('gives a name several countries use the country the article names most, else its usual one', () => {
    const israeli = 'Israeli Prime Minister Yitzhak Shamir met Egyptian officials on Monday. Israel will hold talks with Jordan, an aide said. The Labour Party accused Syria of arming guerrillas.';
    expect(events(israeli).find((e) => e.event_type === 'ACCUSE')).toMatchObject({ actor: 'Labour Party', actor_country: 'ISR' });
    expect(events('The Labour Party accused Syria of arming guerrillas.')[0]).toMatchObject({ actor: 'Labour Party', actor_country: 'GBR' });
    expect(events("Israel's Labour Party accused Syria of arming guerrillas.")[0]).toMatchObject({ actor_country: 'ISR' });
  });
  it('reads an attack on a party by someone unnamed as words, not force ("He attacked the Tories")', () => {
    expect(events('Mr Blair said the plan was fair. He attacked the Tories over their plans for the railways.')[0]).toMatchObject({ event_type: 'ACCUSE', recipient: 'Conservative Party' });
  });
});

describe('people of a country, and rulers of one name', () => {
  it("takes a country's people named by a word for people for its civilians or its business, not its state", () => {
    expect(events('American tourists were attacked by Libyan gunmen.')[0]).toMatchObject({ actor_sector: 'rebels', recipient: 'American tourists', recipient_country: 'USA', recipient_sector: 'civilians' });
    expect(events('Nine U.S. bondholders sued China for payment.')[0]).toMatchObject({ actor: 'U.S. bondholders', actor_country: 'USA', actor_sector: 'business' });
    // (a plural in -men too, unless a sector names it: "Burundian militiamen" are armed)
    expect(events('U.S. cattlemen bitterly opposed the scheme.')).toEqual([]);
    expect(events('A camp for Congolese refugees was attacked by Burundian militiamen.')[0]).toMatchObject({ event_type: 'ASSAULT', actor_country: 'BDI', recipient_country: 'COD' });
  });
  it('codes no cooperation by companies with a state ("suppliers agreed to supply Taiwan")', () => {
    expect(events('Norwegian exporters have agreed to supply Taiwan with salmon.')).toEqual([]);
  });
  it('knows a ruler of one name after a title ("King Fahd", "President Suharto")', () => {
    expect(events('King Fahd criticised Iran for the attacks.')[0]).toMatchObject({ actor: 'Fahd', actor_country: 'SAU' });
    expect(events('President Suharto met Japanese officials.')[0]).toMatchObject({ actor: 'Suharto', actor_country: 'IDN' });
  });
  it('takes a person or group the parser hung a past verb on for its subject ("after an armed man killed")', () => {
    expect(events('Malaysian police denied rumours of unrest after an armed man killed one person.')).toEqual([]);
  });
});

describe('offices of a party or a body', () => {
  it("takes a party's leader for no holder of another body's office ('the Labour leader')", () => {
    const [e] = events('However, the Labour leader has called on Egypt to release the prisoners.');
    expect(e.actor_country).toBe('GBR');
    expect(e.actor).not.toMatch(/Zawahiri/);
  });
});

describe('members of the U.S. Congress', () => {
  it('reads "(R-Ind.)", ", D-La.," after a name as a U.S. legislator, and ends the name there', () => {
    expect(events('Sen. Richard Lugar (R-Ind.) urged Japan to open its markets.')[0]).toMatchObject({ actor: 'Richard Lugar', actor_country: 'USA', actor_sector: 'legislature', recipient_country: 'JPN' });
  });
});

describe("a country's name before a word no dictionary knows", () => {
  it('names a company ("Nippon Shinpan"), not the state', () => {
    expect(events('Nippon Shinpan reached a similar agreement with Visa International.')).toEqual([]);
  });
});

describe('market supervision and tenders', () => {
  it('codes no event between a market regulator and a company, nor a regulator alone', () => {
    expect(events('The Securities and Exchange Commission charged Acme Lamp Co with overstating its income.')).toEqual([]);
    expect(events('Acme Telephone Corp also asked the FCC to ease restrictions on its rivals.')).toEqual([]);
    expect(events('The Federal Aviation Administration ordered the airline to close its maintenance hangar.')).toEqual([]);
  });
  it('keeps a regulator dealing with a state or a legislature', () => {
    expect(events('The SEC asked Congress to pass the disclosure bill.')).toEqual([expect.objectContaining({ event_type: 'REQUEST', recipient: 'US Congress' })]);
  });
  it('codes no request for proposals or bids', () => {
    expect(events('The Energy Department issued a request for proposals to buy the hydroelectric project.')).toEqual([]);
    expect(events('Iran issued a request to the UN for help.')).toEqual([expect.objectContaining({ event_type: 'REQUEST', actor_country: 'IRN' })]);
  });
});

describe('a noun naming violence without its doer', () => {
  it('codes no event for a noun of violence whose doer the text does not name', () => {
    expect(extractEvents(segmented('Opposition to the invasion also spilled over into the UK’s Premier League football programme.', '2022-03-01'), [])).toEqual([]);
    expect(extractEvents(segmented('An attack on NATO would mean war, the minister said.', '2022-03-01'), [])).toEqual([]);
  });
  it('keeps a victim of violence the text tells without naming the doer', () => {
    expect(extractEvents(segmented('Two Chadian soldiers were killed near the border.', '2022-03-01'), [])).toEqual([expect.objectContaining({ event_type: 'ASSAULT', actor: '', recipient_country: 'TCD' })]);
  });
});

describe("courts in companies' cases", () => {
  it("codes no act of a court in a company's case with no other political party; a court jailing an opposition leader stays", () => {
    expect(extractEvents(segmented("NEC Electronics Inc said a U.S. District Court judge denied NEC's motion to disqualify Judge William Ingram from presiding over its lawsuit against Intel Corp.", '1987-03-02'), [])).toEqual([]);
    expect(extractEvents(segmented('A Moscow court jailed opposition leader Alexei Navalny.', '2022-01-01'), [])).toEqual([expect.objectContaining({ event_type: 'COERCE', actor_country: 'RUS' })]);
  });
});

describe('newspapers', () => {
  it('reads a newspaper named after its city as media, whose "must" is an opinion and whom talking to is no meeting', () => {
    expect(extractEvents(segmented('In an editorial, the Jakarta Post said the government must press ahead with deregulation.', '1987-03-02'), [])).toEqual([]);
    expect(extractEvents(segmented('US officials spoke with the Wall Street Journal about Syria.', '2022-03-01'), [])).toEqual([]);
  });
});

describe("a company's seat", () => {
  it('is no party: "<Company> of Hong Kong" is a company, not the state', () => {
    expect(events('<Kowloon Trading Corp> of Hong Kong and <Banda Steel Co> of Indonesia signed an agreement to borrow five billion yen.')).toEqual([]);
    expect(events('The government of Afghanistan and the President of France signed an agreement.').map((e) => e.actor_country)).toContain('AFG');
  });
});

describe('business gerunds', () => {
  it('reads a commerce gerund standing as a noun as the business, and one with its own object as the act', () => {
    expect(events('He said ADB lending had declined, but the amount is not the only thing that counts.')).toEqual([]);
    expect(events('The International Development Association is lending 18.6 mln dlrs to Sri Lanka for agricultural research.')[0]).toMatchObject({ event_type: 'AID', recipient_country: 'LKA' });
  });
});

describe('protests against a state\'s measures', () => {
  it('keep the state of the measures protested as recipient', () => {
    expect(events('About 8,000 people marched through the Ghanaian capital Tuesday in protest against price increases and devaluation of the Ghanaian cedi.')[0]).toMatchObject({ event_type: 'PROTEST', recipient_country: 'GHA' });
  });
});

describe('a goal phrase of a bare sector word', () => {
  it('still describes the thing it is for: no recipient', () => {
    expect(events('Austria recently agreed to release a total of 12 mln dlrs to ease payments difficulties and finance imports of machine tools for industry.')[0]).toMatchObject({ actor_country: 'AUT', recipient: '' });
  });
});

describe('sport stories (survey 22)', () => {
  it('knows a sport story by its words, in lower case, and a company named like a sport by none', () => {
    expect(isSportStory('The fly-half scored two tries in the Six Nations and the coach praised the squad.')).toBe(true);
    expect(isSportStory('US Sprint said it would Match the offer for Marathon Petroleum.')).toBe(false);
    expect(isSportStory('Norway attacked Russia in a speech about the economy, the budget and the penalty of sanctions.')).toBe(false);
  });
  it("takes a country's name for its team and a sports body for no party; a state's organs still act", () => {
    const sport = 'Wales beat Italy in the Six Nations. The fly-half scored two tries as Wales attacked Italy from the kick-off, and the squad celebrated.';
    expect(events(sport)).toEqual([]);
    expect(events('Wales attacked Italy on Monday.')).toHaveLength(1);
    expect(events('Greek prosecutors charged the two sprinters over the missed doping test before the Olympics. The athletes face a ban from the IAAF.')).toEqual([
      expect.objectContaining({ event_type: 'ACCUSE', actor_country: 'GRC', actor_sector: 'judiciary' }),
    ]);
  });
});

describe('stories of films, music and television (survey 24)', () => {
  it('knows such a story by its words, and reads its countries as describing stars and markets, not as states', () => {
    const show = 'The US actor thanked his British fans at the film festival. His new album and the song from the film topped the UK chart.';
    expect(isShowStory(show)).toBe(true);
    expect(isShowStory('Norway attacked Russia in a speech about the economy and its film of the budget.')).toBe(false);
    expect(events(show)).toEqual([]);
    expect(events('US actor Will Smith thanked the British government on Monday.')).toHaveLength(1);
  });
  it("keeps a state's organs acting in such a story", () => {
    const show = 'The singer was arrested by Norwegian police after the concert. His band, his album and his song topped the charts, and the film of the tour is in cinemas.';
    expect(events(show)).toEqual([expect.objectContaining({ event_type: 'COERCE', actor_country: 'NOR', actor_sector: 'police' })]);
  });
});

describe("a company's story (survey 22 COM)", () => {
  const titled = (title: string, text: string) => extractEvents({ ...segmented(text, '1987-03-02'), title }, []);
  it('knows one by the wire ticker in its title', () => {
    expect(isCompanyStory('USAIR <U> SEEKS ORDER AGAINST TWA <TWA>')).toBe(true);
    expect(isCompanyStory('Acme Corp (NYSE: ACM) wins contract')).toBe(true);
    expect(isCompanyStory('JAPAN ASKS U.S. TO DELAY TARIFFS')).toBe(false);
  });
  it("codes only states on both sides in it: a regulator's order or a state organ's suit is the company's business", () => {
    const text = 'The U.S. Department of Transportation rejected a request by Kenya Airways for new routes. The British government reached an agreement on traffic rights with the Japanese government.';
    expect(titled('BRITISH AIRWAYS <BAB> TO FLY TO TOKYO', text).map((e) => [e.event_type, e.actor_country, e.recipient_country])).toEqual([['AGREE', 'GBR', 'JPN']]);
    expect(titled('AIRLINES SEEK NEW ROUTES', text)).toHaveLength(2);
  });
});
