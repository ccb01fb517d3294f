import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { goldSentence, readConllu } from '../src/nlp/conllu.ts';
import { DependencyParser, followOracle, isProjective, PARSER_MODEL_PATH, projectivize, pruneParser, RELATION_GROUPS, RELATIONS, trainParser, type TreeSentence } from '../src/nlp/parser.ts';
import { POS_MODEL_PATH, PosTagger, trainTagger, wordShape } from '../src/nlp/tagger.ts';
import { AveragedPerceptron, FeatureVector, pruneModelBytes, SparseModel } from '../src/nlp/perceptron.ts';
import { analyseWords } from '../src/nlp/index.ts';

// Sentences written for these tests, annotated by hand in the Universal Dependencies style.
const FIXTURE = `# text = The minister said the talks failed.
1	The	the	DET	DT	_	2	det	_	_
2	minister	minister	NOUN	NN	_	3	nsubj	_	_
3	said	say	VERB	VBD	_	0	root	_	_
4	the	the	DET	DT	_	5	det	_	_
5	talks	talk	NOUN	NNS	_	6	nsubj	_	_
6	failed	fail	VERB	VBD	_	3	ccomp	_	SpaceAfter=No
7	.	.	PUNCT	.	_	3	punct	_	_

# text = Rebels attacked a convoy near the border on Monday.
1	Rebels	rebel	NOUN	NNS	_	2	nsubj	_	_
2	attacked	attack	VERB	VBD	_	0	root	_	_
3	a	a	DET	DT	_	4	det	_	_
4	convoy	convoy	NOUN	NN	_	2	obj	_	_
5	near	near	ADP	IN	_	7	case	_	_
6	the	the	DET	DT	_	7	det	_	_
7	border	border	NOUN	NN	_	4	nmod	_	_
8	on	on	ADP	IN	_	9	case	_	_
9	Monday	Monday	PROPN	NNP	_	2	obl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	2	punct	_	_

# text = Paris and Berlin signed a deal that Moscow rejected.
1	Paris	Paris	PROPN	NNP	_	4	nsubj	_	_
2	and	and	CCONJ	CC	_	3	cc	_	_
3	Berlin	Berlin	PROPN	NNP	_	1	conj	_	_
4	signed	sign	VERB	VBD	_	0	root	_	_
5	a	a	DET	DT	_	6	det	_	_
6	deal	deal	NOUN	NN	_	4	obj	_	_
7	that	that	PRON	WDT	_	9	obj	_	_
8	Moscow	Moscow	PROPN	NNP	_	9	nsubj	_	_
9	rejected	reject	VERB	VBD	_	6	acl	_	SpaceAfter=No
10	.	.	PUNCT	.	_	4	punct	_	_

# text = She has not visited Kenya.
1	She	she	PRON	PRP	_	4	nsubj	_	_
2	has	have	AUX	VBZ	_	4	aux	_	_
3	not	not	PART	RB	_	4	advmod	_	_
4	visited	visit	VERB	VBN	_	0	root	_	_
5	Kenya	Kenya	PROPN	NNP	_	4	obj	_	SpaceAfter=No
6	.	.	PUNCT	.	_	4	punct	_	_
`;

const trees: TreeSentence[] = readConllu(FIXTURE, 'fixture').map(goldSentence).map((s) => ({ ...s, heads: s.heads.map((h) => h - 1) }));

describe('transition system and dynamic oracle', () => {
  it('rebuilds every gold tree of the fixture by following zero-cost moves', () => {
    for (const s of trees) {
      const p = followOracle(s);
      expect(Array.from(p.heads)).toEqual(s.heads);
      expect(p.deprels).toEqual(s.deprels);
    }
  });

  it('lifts crossing arcs until the tree is projective, and leaves projective trees alone', () => {
    // "A hearing is scheduled on the issue today": "on the issue" (4-6) hangs on "hearing" (1) across "scheduled".
    const heads = [1, 3, 3, -1, 5, 1, 3];
    expect(isProjective(heads)).toBe(false);
    const lifted = projectivize(heads);
    expect(isProjective(lifted)).toBe(true);
    expect(lifted[5]).toBe(3);
    for (const s of trees) expect(projectivize(s.heads)).toEqual(s.heads);
  });
});

describe('training', () => {
  it('is deterministic: the same data gives the same model bytes', () => {
    const a = trainParser(trees, { epochs: 3, seed: 3, exploreFrom: 2, explore: 0.9 });
    const b = trainParser(trees, { epochs: 3, seed: 3, exploreFrom: 2, explore: 0.9 });
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const t1 = trainTagger(trees, { epochs: 3, seed: 1 });
    const t2 = trainTagger(trees, { epochs: 3, seed: 1 });
    expect(t1.bytes.equals(t2.bytes)).toBe(true);
  });

  it('learns its training sentences, and the model survives its binary form', () => {
    const parser = trainParser(trees, { epochs: 10, seed: 3, exploreFrom: 2, explore: 0.9 });
    const reloaded = DependencyParser.deserialize(parser.bytes, 'memory');
    for (const s of trees) {
      const p = reloaded.parse(s.forms, s.upos);
      expect(Array.from(p.heads)).toEqual(s.heads);
    }
    const tagger = PosTagger.deserialize(trainTagger(trees, { epochs: 10, seed: 1 }).bytes, 'memory');
    for (const s of trees) expect(tagger.tag(s.forms)).toEqual(s.upos);
  });

  it('averages: a feature updated early and then never again keeps a share of its weight', () => {
    const p = new AveragedPerceptron(2);
    const fv = new FeatureVector();
    fv.add(1, 42);
    p.update(fv, 1, 0);
    p.tick();
    p.tick();
    p.tick();
    p.average();
    const model = SparseModel.deserialize(p.serialize({}), 'memory').model;
    const scores = model.score(fv, new Float32Array(2));
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[0]).toBeLessThan(0);
  });

  it('prunes single small weights and keeps the large ones of the same feature', () => {
    const p = new AveragedPerceptron(3);
    const fv = new FeatureVector();
    fv.add(1, 42);
    p.update(fv, 1, 0, 4);
    p.update(fv, 2, 0, 1);
    for (let i = 0; i < 3; i++) p.tick();
    p.average();
    const bytes = p.serialize({});
    const model = SparseModel.deserialize(pruneModelBytes(bytes, 2, 2), 'memory').model;
    expect(Array.from(model.score(fv, new Float32Array(3))).map((x) => Math.sign(x))).toEqual([-1, 1, 0]);
    expect(SparseModel.deserialize(pruneModelBytes(bytes, 6, 0), 'memory').model.size).toBe(0);
  });

  it('puts every relation in exactly one group of the move model, and parses after pruning', () => {
    expect(RELATION_GROUPS.flat().slice().sort()).toEqual([...RELATIONS].sort());
    const parser = DependencyParser.deserialize(pruneParser(trainParser(trees, { epochs: 10, seed: 3, exploreFrom: 2, explore: 0.9 }).bytes, 0.5, 0.5), 'pruned');
    for (const s of trees) {
      const p = parser.parse(s.forms, s.upos);
      expect(p.heads.filter((h) => h === -1)).toHaveLength(1);
      expect(p.deprels.every((r) => (RELATIONS as readonly string[]).includes(r))).toBe(true);
    }
  });

  it('rejects a file that is not a model', () => {
    expect(() => DependencyParser.deserialize(Buffer.from('hello\n'), 'x.bin')).toThrow(/x.bin: not a model file/);
    expect(() => PosTagger.deserialize(trainParser(trees, { epochs: 1, seed: 3, exploreFrom: 2, explore: 0.9 }).bytes, 'p.bin')).toThrow(/p.bin: (not a part-of-speech model|truncated or malformed model file)/);
  });
});

describe('word shapes', () => {
  it('collapses runs of one kind of character', () => {
    expect(wordShape('Obama')).toBe('Xx');
    expect(wordShape('U.S.')).toBe('X.X.');
    expect(wordShape('1987')).toBe('d');
    expect(wordShape('e-mail')).toBe('x-x');
  });
});

describe.runIf(existsSync(POS_MODEL_PATH) && existsSync(PARSER_MODEL_PATH))('the shipped models', () => {
  it('tag and parse a news sentence into one tree', () => {
    const forms = 'The minister said on Monday that the rebels had attacked a convoy .'.split(' ');
    const a = analyseWords(forms);
    expect(a.upos).toEqual(['DET', 'NOUN', 'VERB', 'ADP', 'PROPN', 'SCONJ', 'DET', 'NOUN', 'AUX', 'VERB', 'DET', 'NOUN', 'PUNCT']);
    expect(a.heads.filter((h) => h === -1)).toHaveLength(1);
    const word = (i: number) => (a.heads[i] < 0 ? 'ROOT' : forms[a.heads[i]]);
    expect(word(2)).toBe('ROOT');
    expect(a.deprels[2]).toBe('root');
    expect([word(1), a.deprels[1]]).toEqual(['said', 'nsubj']);
    expect([word(9), a.deprels[9]]).toEqual(['said', 'ccomp']);
    expect([word(7), a.deprels[7]]).toEqual(['attacked', 'nsubj']);
    expect([word(11), a.deprels[11]]).toEqual(['attacked', 'obj']);
    expect([word(4), a.deprels[4]]).toEqual(['said', 'obl']);
  });

  it('finds people and places', () => {
    const a = analyseWords('Barack Obama visited Paris on Tuesday .'.split(' '));
    expect(a.ner).toEqual(['B-PERSON', 'I-PERSON', 'O', 'B-PLACE', 'O', 'O', 'O']);
  });
});
