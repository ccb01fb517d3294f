/**
 * CoNLL-U (https://universaldependencies.org/format.html): reading and writing sentences. Comment lines,
 * multiword-token range lines (1-2) and empty nodes (1.1) are kept verbatim so that a file written back
 * differs from its input only in the columns a tool filled in.
 */

/** One word line (integer ID): the ten columns, as strings. */
export interface ConlluWord {
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  head: string;
  deprel: string;
  deps: string;
  misc: string;
}

/** A line of a sentence block: a word, or a line passed through untouched (comment, range, empty node). */
export type ConlluLine = { word: ConlluWord } | { raw: string };

export interface ConlluSentence {
  /** Line number (1-based) of the block's first line in its file, for error messages. */
  line: number;
  lines: ConlluLine[];
  /** The word lines alone, in order: words[i].id === i + 1. */
  words: ConlluWord[];
}

export class ConlluError extends Error {
  constructor(source: string, line: number, reason: string) {
    super(`${source}: line ${line}: ${reason}`);
  }
}

/** Parses CoNLL-U text; throws a ConlluError naming the first bad line. */
export function readConllu(text: string, source = 'input'): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let current: ConlluSentence | null = null;
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  const close = (line: number) => {
    if (!current) return;
    if (!current.words.length) throw new ConlluError(source, current.line, 'sentence has no word lines');
    sentences.push(current);
    current = null;
    void line;
  };
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    if (line.trim() === '') {
      close(n);
      continue;
    }
    current ??= { line: n, lines: [], words: [] };
    if (line.startsWith('#')) {
      current.lines.push({ raw: line });
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(source, n, `expected 10 tab-separated columns, found ${cols.length}`);
    const id = cols[0];
    if (/^\d+-\d+$/.test(id) || /^\d+\.\d+$/.test(id)) {
      current.lines.push({ raw: line });
      continue;
    }
    if (!/^\d+$/.test(id)) throw new ConlluError(source, n, `ID "${id}" is not a word number, a range (1-2) or an empty node (1.1)`);
    const expected = current.words.length + 1;
    if (Number(id) !== expected) throw new ConlluError(source, n, `word ID ${id} where ${expected} was expected`);
    if (cols[1] === '') throw new ConlluError(source, n, 'empty FORM');
    const word: ConlluWord = {
      id: expected,
      form: cols[1],
      lemma: cols[2],
      upos: cols[3],
      xpos: cols[4],
      feats: cols[5],
      head: cols[6],
      deprel: cols[7],
      deps: cols[8],
      misc: cols[9],
    };
    current.lines.push({ word });
    current.words.push(word);
  }
  close(lines.length + 1);
  if (!sentences.length) throw new ConlluError(source, 1, 'no sentences (empty input)');
  return sentences;
}

export function writeConllu(sentences: ConlluSentence[]): string {
  let out = '';
  for (const s of sentences) {
    for (const l of s.lines) {
      if ('raw' in l) out += l.raw + '\n';
      else {
        const w = l.word;
        out += [w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.deps, w.misc].join('\t') + '\n';
      }
    }
    out += '\n';
  }
  return out;
}

/** The universal part of a relation: "nsubj:pass" -> "nsubj". */
export const universalRelation = (deprel: string) => {
  const i = deprel.indexOf(':');
  return i < 0 ? deprel : deprel.slice(0, i);
};

/** A sentence with gold annotation for training and scoring: heads are 1-based, 0 for the root. */
export interface GoldSentence {
  forms: string[];
  upos: string[];
  heads: number[];
  deprels: string[];
  /** Per word MISC column, for the entity annotation. */
  misc: string[];
}

export function goldSentence(s: ConlluSentence): GoldSentence {
  return {
    forms: s.words.map((w) => w.form),
    upos: s.words.map((w) => w.upos),
    heads: s.words.map((w) => Number(w.head)),
    deprels: s.words.map((w) => universalRelation(w.deprel)),
    misc: s.words.map((w) => w.misc),
  };
}
