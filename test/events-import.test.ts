import { describe, expect, it } from 'vitest';
import { extractEvents } from '../src/events/extract.ts';
import { segmented } from './support/articles.ts';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DictionaryFormatError,
  analysePattern,
  parseActors,
  parseAgents,
  parseCameo2Plover,
  parseDiscards,
  parseVerbs,
  petrarchDate,
  ploverOf,
} from '../src/events/import/parse.ts';
import { codeInfo } from '../src/events/import/codes.ts';
import { buildImport, summaryRole } from '../src/events/import/build.ts';
import { importDictionaries } from '../src/events/import/write.ts';
import {
  loadImportedActors,
  loadVerbPatterns,
  loadVerbs,
  loadImportedAgents,
  loadDiscards,
  mergeActors,
  roleAt,
  type ImportedActor,
} from '../src/events/import/load.ts';

// Small fixtures written for these tests in the CAMEO / Phoenix formats.
const ACTORS = [
  '# a comment line',
  'FREEDONIA_  [FRE]',
  '+FREEDONIAN_ ',
  '+FREEDONIA_CITY',
  '',
  'RUFUS_T_FIREFLY_  # CountryInfo.txt',
  '\t[GBRELI 620101-070627]',
  '\t[GBRGOV 070627-100511]',
  '\t[GBRELI]',
  'ANN_EXAMPLE_\t[USAGOV 010120-050120] [IGOUNOKID >050501]# two codes on one line',
  'OLD_TIMER_',
  '+O._TIMER_',
  '\t[USAELI 18970101-450703]',
  '\t[USAGOV <470121]',
  'NO_CODE_AT_ALL_',
  'ACME_WIDGETS_ [MNCUSA]',
].join('\n');

const VERBS = [
  '&CEASEFIRE',
  '+TRUCE',
  '+CEASE_FIRE',
  '',
  '&AUXVERB1_',
  '+WAS',
  '',
  '--- ACCUSE [112] ---',
  'ACCUSE',
  'CHARGE [1121]',
  'SAY {SAYS SAID SAYING}',
  '+CLEAR_UP',
  'WIRE_+TAP {WIRE_+TAPS WIRE_+TAPPED WIRE_+TAPPING}',
  '- * + OF CORRUPTION [1121]  # ACCUSE <xx 01 Jan 2005>',
  '- $ * AGAINST + [112]',
  '- % * BREACH OF &CEASEFIRE [196:196]',
  '- * PLAN [---]',
  '- SAID + MUST * POLICY [100]',
  '',
  '--- STATEMENT [010] ---',
  'COMMENT',
  '- * ON + [0256]',
].join('\n');

const AGENTS = [
  '!PERSON! = MAN, MEN, WOMAN',
  'POLICE {} [~COP] # same singular and plural',
  'TROOP [~MIL]',
  'ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]',
  'CATTLE!PERSON! [~AGR]',
  'HUMAN_RIGHTS_BODY  [NGO~]',
  'MILITARY_SPOKESPARTY [~MILSPY]',
].join('\n');

const DISCARDS = ['+ACADEMY AWARD   # LRP', 'BASEBALL', 'WORLD_CUP_', '# comment'].join('\n');

const PLOVER = [
  '# CAMEO to PLOVER conversion table',
  '10: REQUEST',
  '100: REQUEST,  ,  # Demand',
  '11: ACCUSE',
  '112: ACCUSE, disapprove,    # Accuse',
  '1121: ACCUSE, allege, crime; corruption # Accuse of crime, corruption',
  '19: ASSAULT',
  '196: ASSAULT, , legal; military # Violate ceasefire',
  '087: RETREAT, disarm,   military # De-escalate',
  '~~~~~',
].join('\n');

describe('dates', () => {
  it('reads YYMMDD with the PETRARCH century rule and YYYYMMDD as written', () => {
    expect(petrarchDate('070627')).toBe('2007-06-27');
    expect(petrarchDate('300101')).toBe('2030-01-01');
    expect(petrarchDate('310101')).toBe('1931-01-01');
    expect(petrarchDate('18970101')).toBe('1897-01-01');
    expect(petrarchDate('2004017')).toBeNull();
    expect(petrarchDate('070231')).toBeNull();
  });
});

describe('actor dictionary', () => {
  const r = parseActors(ACTORS, 'fixture.actors.txt');
  const by = (n: string) => r.entries.find((e) => e.name === n)!;
  it('reads primary phrases, synonyms and codes', () => {
    expect(r.problems).toEqual([]);
    expect(by('FREEDONIA').synonyms).toEqual(['FREEDONIAN', 'FREEDONIA CITY']);
    expect(by('FREEDONIA').roles).toEqual([{ code: 'FRE', from: '', to: '' }]);
    expect(by('ACME WIDGETS').roles[0].code).toBe('MNCUSA');
  });
  it('keeps every dated role, with open sides and the default', () => {
    expect(by('RUFUS T FIREFLY').roles).toEqual([
      { code: 'GBRELI', from: '1962-01-01', to: '2007-06-27' },
      { code: 'GBRGOV', from: '2007-06-27', to: '2010-05-11' },
      { code: 'GBRELI', from: '', to: '' },
    ]);
    expect(by('ANN EXAMPLE').roles).toEqual([
      { code: 'USAGOV', from: '2001-01-20', to: '2005-01-20' },
      { code: 'IGOUNOKID', from: '2005-05-01', to: '' },
    ]);
    expect(by('OLD TIMER').synonyms).toEqual(['O. TIMER']);
    expect(by('OLD TIMER').roles[1]).toEqual({ code: 'USAGOV', from: '', to: '1947-01-21' });
  });
  it('sets aside entries without a code', () => {
    expect(r.uncoded.map((u) => u.name)).toEqual(['NO CODE AT ALL']);
  });
  it('names file and line of a malformed line, strictly or in problems', () => {
    const bad = 'GOOD_ [USA]\n\t[USAGOV 9908223-000101]\n';
    expect(() => parseActors(bad, 'mine.actors.txt', { strict: true })).toThrow(DictionaryFormatError);
    expect(() => parseActors(bad, 'mine.actors.txt', { strict: true })).toThrow(/^mine\.actors\.txt:2: bad date "9908223"/);
    const lenient = parseActors(bad, 'mine.actors.txt');
    expect(lenient.problems).toEqual([{ file: 'mine.actors.txt', line: 2, message: expect.stringContaining('bad date') }]);
    expect(lenient.entries[0].roles).toEqual([{ code: 'USA', from: '', to: '' }]);
    expect(() => parseActors('\t[USA]\n', 'x.txt', { strict: true })).toThrow(/x\.txt:1: code line before any actor/);
    expect(() => parseActors('FOO_ [US A]\n', 'x.txt', { strict: true })).toThrow(/x\.txt:1: /);
  });
});

describe('agents, discards', () => {
  it('reads plurals, substitution markers and the side of the code', () => {
    const r = parseAgents(AGENTS, 'a.txt');
    expect(r.problems).toEqual([]);
    const by = (p: string) => r.entries.find((e) => e.phrase === p)!;
    expect(by('POLICE')).toMatchObject({ forms: ['POLICE'], code: 'COP', attach: 'suffix' });
    expect(by('TROOP').forms).toEqual(['TROOP', 'TROOPS']);
    expect(by('ATTORNEY GENERAL').forms).toEqual(['ATTORNEY GENERAL', 'ATTORNEYS GENERAL']);
    expect(by('CATTLEMAN').forms).toEqual(['CATTLEMAN', 'CATTLEMEN', 'CATTLEWOMAN']);
    expect(by('HUMAN RIGHTS BODY')).toMatchObject({ code: 'NGO', attach: 'prefix' });
    expect(() => parseAgents('FOO [~GOV}\n', 'a.txt', { strict: true })).toThrow(/a\.txt:1: expected "PHRASE/);
    expect(() => parseAgents('BAR!X! [~GOV]\n', 'a.txt', { strict: true })).toThrow(/a\.txt:1: substitution marker !X!/);
  });
  it('reads discards with their scope and match', () => {
    const r = parseDiscards(DISCARDS, 'd.txt');
    expect(r.entries.map(({ phrase, scope, match }) => [phrase, scope, match])).toEqual([
      ['ACADEMY AWARD', 'story', 'stem'],
      ['BASEBALL', 'sentence', 'stem'],
      ['WORLD CUP', 'sentence', 'word'],
    ]);
  });
});

describe('verb dictionary', () => {
  const r = parseVerbs(VERBS, 'v.txt');
  it('reads synsets, blocks, forms and codes', () => {
    expect(r.problems).toEqual([]);
    expect(r.synsets).toEqual([
      { name: '&CEASEFIRE', noPlural: false, phrases: ['TRUCE', 'CEASE FIRE'], line: 1 },
      { name: '&AUXVERB1', noPlural: true, phrases: ['WAS'], line: 5 },
    ]);
    const v = (l: string) => r.verbs.find((x) => x.lemma === l)!;
    expect(v('accuse')).toMatchObject({ head: 'accuse', forms: ['accuses', 'accused', 'accusing'], irregular: false, code: '112', block: 'accuse' });
    expect(v('charge')).toMatchObject({ code: '1121', block: 'accuse' });
    expect(v('say')).toMatchObject({ forms: ['says', 'said', 'saying'], irregular: true, code: '112' });
    expect(v('clear up')).toMatchObject({ head: 'clear', forms: ['clears up', 'cleared up', 'clearing up'] });
    expect(v('wire tap')).toMatchObject({ head: 'tap', forms: ['wire taps', 'wire tapped', 'wire tapping'] });
    expect(v('comment')).toMatchObject({ code: '010', block: 'comment' });
    expect(parseVerbs('--- X [010] ---\nBAN\nVISIT\n', 'v.txt').verbs.map((x) => x.forms)).toEqual([
      ['bans', 'banned', 'banning'],
      ['visits', 'visited', 'visiting'],
    ]);
  });
  it('finds where source and target sit in a pattern', () => {
    const p = (s: string) => r.patterns.find((x) => x.pattern === s)!;
    expect(p('* + OF CORRUPTION')).toMatchObject({ verb: 'accuse', after: ['of', 'corruption'], prep: 'of', source: '', target: 'obj', code: '1121' });
    expect(p('$ * AGAINST +')).toMatchObject({ prep: 'against', source: 'subj', target: 'pobj:against', code: '112' });
    expect(p('% * BREACH OF &CEASEFIRE')).toMatchObject({ after: ['breach', 'of', '&CEASEFIRE'], source: 'compound', target: 'compound', code: '196', code2: '196' });
    expect(p('* PLAN')).toMatchObject({ code: '---' });
    expect(p('SAID + MUST * POLICY')).toMatchObject({ before: ['said', 'must'], target: 'subj' });
    expect(analysePattern('* WITH_+ TO_BUILD')).toMatchObject({ target: 'pobj:with', after: ['with', 'to', 'build'] });
    expect(analysePattern('* ^ + ARRESTED')).toMatchObject({ target: 'obj' });
    expect(analysePattern('* DEAL WITH +')).toMatchObject({ target: 'pobj:with', prep: 'with' });
    expect(analysePattern('* CONVINCED + KILLED')).toMatchObject({ target: 'after', prep: '' });
  });
  it('names file and line of malformed lines', () => {
    expect(() => parseVerbs('--- X [010] ---\nSAY\n- * THING\n', 'v.txt', { strict: true })).toThrow(/v\.txt:3: pattern without a \[CODE\]/);
    expect(() => parseVerbs('--- X [010] ---\nSAY\n- THING [010]\n', 'v.txt', { strict: true })).toThrow(/v\.txt:3: pattern without the verb marker/);
    expect(() => parseVerbs('- * THING [010]\n', 'v.txt', { strict: true })).toThrow(/v\.txt:1: pattern before any verb/);
    expect(() => parseVerbs('--- X [abc] ---\n', 'v.txt', { strict: true })).toThrow(/v\.txt:1: malformed code/);
  });
});

describe('code mapping', () => {
  it('maps CAMEO codes to ISO3 and sector', () => {
    expect(codeInfo('GBRGOV')).toMatchObject({ country: 'GBR', sector: 'government', unmapped: false });
    expect(codeInfo('AFGMILSPY')).toMatchObject({ country: 'AFG', sector: 'military' });
    expect(codeInfo('USR')).toMatchObject({ country: 'RUS', sector: '' });
    expect(codeInfo('KSVGOV')).toMatchObject({ country: 'XKX' });
    expect(codeInfo('IGOWSTNAT')).toMatchObject({ country: '', sector: 'international' });
    expect(codeInfo('MNCUSAHLH')).toMatchObject({ country: 'USA', sector: 'business' });
    expect(codeInfo('NGOUSAHRI')).toMatchObject({ country: 'USA', sector: 'ngo' });
    expect(codeInfo('IMGMUS')).toMatchObject({ country: '', sector: 'rebels' });
    expect(codeInfo('MUS')).toMatchObject({ country: 'MUS' }); // first: Mauritius; later: Muslim
    expect(codeInfo('SYRREBMUS')).toMatchObject({ country: 'SYR', sector: 'rebels' });
    expect(codeInfo('IRQMUS')).toMatchObject({ country: 'IRQ', sector: 'religious' });
    expect(codeInfo('MEAREB')).toMatchObject({ country: '', sector: 'rebels' });
    expect(codeInfo('ELI')).toMatchObject({ country: '', sector: 'elite' });
    expect(codeInfo('QQQGOV')).toMatchObject({ unmapped: true });
    expect(codeInfo('USAXYZ').unknownParts).toEqual(['XYZ']);
  });
  it('maps CAMEO codes to PLOVER through the table, falling back to parents', () => {
    const { table } = parseCameo2Plover(PLOVER, 'p.txt');
    expect(ploverOf(table, '1121')).toEqual({ type: 'ACCUSE', mode: 'allege', context: 'crime;corruption', description: 'Accuse of crime, corruption' });
    expect(ploverOf(table, '0874')?.type).toBe('RETREAT');
    expect(ploverOf(table, '12')).toBeUndefined();
    expect(ploverOf(table, '10')?.type).toBe('REQUEST');
    expect(ploverOf(table, '0256')).toBeUndefined();
    expect(() => parseCameo2Plover('100 REQUEST\n', 'p.txt', { strict: true })).toThrow(/p\.txt:1: expected "CODE:/);
  });
  it('sums an entry up by its open role, else its default, else the last', () => {
    expect(summaryRole([{ code: 'A', from: '', to: '' }, { code: 'B', from: '2005-11-22', to: '' }])?.code).toBe('B');
    expect(summaryRole([{ code: 'A', from: '2001-01-01', to: '2002-01-01' }, { code: 'C', from: '', to: '' }])?.code).toBe('C');
    expect(summaryRole([{ code: 'A', from: '2001-01-01', to: '2002-01-01' }, { code: 'B', from: '1990-01-01', to: '2003-01-01' }])?.code).toBe('B');
  });
});

describe('import and load', () => {
  const input = {
    actors: [{ file: 'Mine.actors.txt', text: ACTORS }],
    agents: { file: 'Mine.agents.txt', text: AGENTS },
    verbs: { file: 'Mine.verbpatterns.txt', text: VERBS },
    discards: { file: 'Mine.discards.txt', text: DISCARDS },
    plover: { file: 'P.txt', text: PLOVER },
    origin: 'test fixtures',
    licence: 'The MIT License (MIT)\nCopyright (c) test',
  };
  it('writes sorted, documented files, the same bytes each run', () => {
    const a = buildImport(input);
    const b = buildImport(input);
    expect([...a.files]).toEqual([...b.files]);
    const actors = a.files.get('actors.tsv')!;
    expect(actors).toMatch(/^# Actors imported/);
    expect(actors).toContain('# Source: Mine.actors.txt');
    expect(actors).toContain('# The MIT License (MIT)');
    const rows = actors.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(rows.map((r) => r.split('\t')[0])).toEqual(['ACME WIDGETS', 'ANN EXAMPLE', 'FREEDONIA', 'OLD TIMER', 'RUFUS T FIREFLY']);
    expect(rows).toContain('RUFUS T FIREFLY\t\tGBRELI[1962-01-01..2007-06-27]|GBRGOV[2007-06-27..2010-05-11]|GBRELI\tGBR\telite\tmine');
    expect(a.unmappedActorCodes).toEqual(new Map([['FRE', 1]]));
    expect(a.unmappedVerbCodes).toEqual(new Map([['010', 1], ['0256', 1]]));
    expect(a.uncodedActors).toBe(1);
    const pats = a.files.get('verb-patterns.tsv')!.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(pats).toContain('accuse\t$ * AGAINST +\t\tagainst\tagainst\tsubj\tpobj:against\t112\t\tACCUSE\tdisapprove\t');
  });
  it('writes files the loaders read back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nl-import-'));
    const src = join(dir, 'src');
    mkdirSync(src);
    writeFileSync(join(src, 'Mine.actors.txt'), ACTORS);
    writeFileSync(join(src, 'Mine.agents.txt'), AGENTS);
    writeFileSync(join(src, 'Mine.verbpatterns.txt'), VERBS);
    writeFileSync(join(src, 'Mine.discards.txt'), DISCARDS);
    writeFileSync(join(src, 'P.txt'), PLOVER);
    const out = join(dir, 'out');
    const s = importDictionaries({ from: src, plover: join(src, 'P.txt'), out });
    expect(s.counts.get('actors.tsv')).toBe(5);
    const first = readFileSync(join(out, 'actors.tsv'));
    importDictionaries({ from: src, plover: join(src, 'P.txt'), out });
    expect(readFileSync(join(out, 'actors.tsv')).equals(first)).toBe(true);
    const actors = loadImportedActors(out);
    const rufus = actors.find((x) => x.name === 'RUFUS T FIREFLY')!;
    expect(roleAt(rufus, '2008-01-01')).toMatchObject({ code: 'GBRGOV', country: 'GBR', sector: 'government' });
    expect(roleAt(rufus, '2012-01-01')).toMatchObject({ code: 'GBRELI', sector: 'elite' });
    expect(loadVerbPatterns(out).find((p) => p.pattern === '* + OF CORRUPTION')).toMatchObject({ plover: 'ACCUSE', mode: 'allege', context: ['crime', 'corruption'] });
    expect(loadVerbs(out).find((v) => v.lemma === 'say')).toMatchObject({ irregular: true, plover: 'ACCUSE' });
    expect(loadImportedAgents(out).find((g) => g.phrase === 'POLICE')).toMatchObject({ sector: 'police', attach: 'suffix' });
    expect(loadDiscards(out)).toHaveLength(3);
    // a user's verb file alone rewrites the verb files only
    const only = importDictionaries({ verbs: join(src, 'Mine.verbpatterns.txt'), plover: join(src, 'P.txt'), out });
    expect([...only.files.keys()].sort()).toEqual(['verb-patterns.tsv', 'verb-synsets.tsv', 'verbs.tsv']);
    expect(readFileSync(join(out, 'actors.tsv')).equals(first)).toBe(true);
  });
});

describe('override merge', () => {
  const actor = (name: string, phrases: string[]): ImportedActor => ({ name, phrases, roles: [], country: '', sector: '', file: 'x' });
  it('drops imported entries named like a hand-made one and takes hand-made aliases out of the others', () => {
    const { actors, overrides } = mergeActors(
      [actor('NATO', ['NORTH ATLANTIC TREATY ORGANIZATION']), actor('JENS STOLTENBERG', []), actor('NORWAY', ['NORWEGIAN', 'STOLTENBERG']), actor('PERU', ['LIMA'])],
      [
        { name: 'NATO', aliases: ['North Atlantic Treaty Organization'], file: 'actors.tsv' },
        { name: 'Jens Stoltenberg', aliases: ['Stoltenberg'], file: 'offices.tsv' },
      ],
    );
    expect(actors.map((a) => [a.name, a.phrases])).toEqual([
      ['NORWAY', ['NORWEGIAN']],
      ['PERU', ['LIMA']],
    ]);
    expect(overrides).toEqual([
      { imported: 'NATO', by: 'NATO', phrases: ['*'] },
      { imported: 'JENS STOLTENBERG', by: 'Jens Stoltenberg', phrases: ['*'] },
      { imported: 'NORWAY', by: 'Jens Stoltenberg', phrases: ['STOLTENBERG'] },
    ]);
  });
});

describe('shipped imported dictionaries', () => {
  it('load, with dated roles kept', () => {
    const actors = loadImportedActors();
    expect(actors.length).toBeGreaterThan(20000);
    const merkel = actors.find((a) => a.name === 'ANGELA MERKEL')!;
    expect(roleAt(merkel, '2010-06-01')).toMatchObject({ code: 'DEUGOV', country: 'DEU', sector: 'government' });
    expect(loadVerbPatterns().length).toBeGreaterThan(10000);
  });
});

describe('cameo_code: the imported CAMEO verb dictionary, where it agrees with the row type', () => {
  const rows = (text: string) => extractEvents(segmented(text, '2021-03-02'), []);
  it('gives the code of the most specific matching pattern, else of the verb', () => {
    expect(rows('Kenya held talks with Uganda.')[0]).toMatchObject({ event_type: 'CONSULT', cameo_code: '046' });
    expect(rows('Israeli jets attacked Hamas positions in Gaza.')[0]).toMatchObject({ event_type: 'ASSAULT', cameo_code: '190' });
    expect(rows('The Taliban criticised the United States.')[0]).toMatchObject({ event_type: 'ACCUSE', cameo_code: '111' });
  });
  it('leaves it empty for a noun trigger and where CAMEO maps to no PLOVER type (02, appeals)', () => {
    expect(rows('Israeli air strikes hit Gaza on Monday.')[0]).toMatchObject({ event_type: 'ASSAULT', cameo_code: '' });
    expect(rows('Iran asked Iraq for talks.')[0]).toMatchObject({ event_type: 'REQUEST', cameo_code: '' });
  });
});
