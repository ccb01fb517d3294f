/**
 * The parse command: CoNLL-U (gold tokens) or plain text in, CoNLL-U with predicted UPOS, HEAD, DEPREL and
 * entity tags out. The input is read and checked whole before the models load (a bad file fails fast and
 * names its line); output is written a batch of sentences at a time, waiting for the stream to drain.
 *
 * Predicted columns: UPOS (4), HEAD (7, 1-based, 0 for the root), DEPREL (8, universal relations), and
 * NER=<tag> in MISC (9): the input's MISC items are kept except a previous NER=. LEMMA, XPOS, FEATS and
 * DEPS become "_" so that no gold annotation of the input passes as a prediction. Comment lines,
 * multiword-token ranges (1-2) and empty nodes (8.1) pass through untouched.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { ConlluError, readConllu, writeConllu, type ConlluLine, type ConlluSentence, type ConlluWord } from './conllu.ts';
import type { NlpToken, WordAnalysis } from './types.ts';
import { paragraphSpans, sentenceSpans } from '../text/sentences.ts';
import { normaliseText, toParagraphs } from '../text/normalise.ts';

/** What the shipped models compute for one sentence's words (src/nlp/index.ts: analyseWords). */
import type { Analyser } from './document.ts';
export type { Analyser };
export type Tokenizer = (text: string, start: number, end: number) => NlpToken[];

/** Sentences written per batch. */
export const BATCH = 200;

export async function loadAnalyser(): Promise<Analyser> {
  return (await import('./index.ts')).analyseWords;
}

export async function loadTokenizer(): Promise<Tokenizer> {
  return (await import('./tokenize.ts')).tokenizeSentence;
}

/** The file's text; "-" reads standard input. Errors name the file. */
export async function readInput(file: string): Promise<string> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a folder, not a file' : (e.message ?? String(err));
    throw new Error(`${file}: ${why}`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\0')) throw new Error(`${nameOf(file)}: binary file (NUL bytes), not text`);
  return text;
}

const nameOf = (file: string) => (file === '-' ? 'stdin' : file);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Reads CoNLL-U; a text file given as CoNLL-U gets a hint. */
export function readConlluInput(text: string, file: string): ConlluSentence[] {
  try {
    return readConllu(text, nameOf(file));
  } catch (err) {
    if (err instanceof ConlluError && text.trim() !== '' && !text.includes('\t')) {
      throw new Error(`${err.message} (this is not CoNLL-U: no tab-separated lines; for plain text run "newsledger parse ${file}" without --conllu)`);
    }
    throw err;
  }
}

/** MISC with the entity tag: the other items kept, a previous NER= replaced. */
export function withNer(misc: string, tag: string): string {
  const items = misc === '_' || misc === '' ? [] : misc.split('|').filter((i) => !i.startsWith('NER='));
  items.push(`NER=${tag}`);
  return items.join('|');
}

function checkAnalysis(a: WordAnalysis, n: number): void {
  if (a.upos.length !== n || a.heads.length !== n || a.deprels.length !== n || a.ner.length !== n) {
    throw new Error(`analyser returned ${a.upos.length}/${a.heads.length}/${a.deprels.length}/${a.ner.length} tags/heads/relations/entity tags for ${n} words`);
  }
  for (let i = 0; i < n; i++) if (a.heads[i] < -1 || a.heads[i] >= n || a.heads[i] === i) throw new Error(`analyser returned head ${a.heads[i]} for word ${i} of ${n}`);
}

/** The sentence with predicted columns (a new object; the input is not changed). */
export function annotateSentence(s: ConlluSentence, analyse: Analyser): ConlluSentence {
  const a = analyse(s.words.map((w) => w.form));
  checkAnalysis(a, s.words.length);
  const words: ConlluWord[] = s.words.map((w, i) => ({
    id: w.id,
    form: w.form,
    lemma: '_',
    upos: a.upos[i],
    xpos: '_',
    feats: '_',
    head: String(a.heads[i] + 1),
    deprel: a.deprels[i],
    deps: '_',
    misc: withNer(w.misc, a.ner[i]),
  }));
  let k = 0;
  const lines: ConlluLine[] = s.lines.map((l) => ('raw' in l ? l : { word: words[k++] }));
  return { line: s.line, lines, words };
}

/** Writes text, waiting when the stream's buffer is full. */
async function emit(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve, reject) => {
    const done = (err?: Error) => {
      out.off('drain', done);
      out.off('error', done);
      if (err) reject(err);
      else resolve();
    };
    out.once('drain', done);
    out.once('error', done);
  });
}

export interface ParseResult {
  sentences: number;
  words: number;
}

/** Annotates sentences a batch at a time and writes them as CoNLL-U. */
export async function writeAnnotated(sentences: Iterable<ConlluSentence>, analyse: Analyser, out: Writable): Promise<ParseResult> {
  let batch: ConlluSentence[] = [];
  const r: ParseResult = { sentences: 0, words: 0 };
  const flush = async () => {
    if (batch.length) await emit(out, writeConllu(batch));
    batch = [];
  };
  for (const s of sentences) {
    batch.push(annotateSentence(s, analyse));
    r.sentences++;
    r.words += s.words.length;
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return r;
}

const oneLine = (s: string) => s.replace(/[\t\r\n\u2028\u2029]+/g, ' ');

/**
 * Plain text as CoNLL-U sentences (no annotation yet). The text is normalised and its paragraphs rebuilt
 * as the clean stage does it (white space, hard-wrapped lines joined; blank lines separate paragraphs);
 * then sentences as the segment stage finds them, and tokens from the tokenizer. Comments: # newdoc id (the file's name), # newpar at each
 * paragraph, # sent_id (1, 2, ...) and # text; MISC has SpaceAfter=No where no space follows a token.
 */
export function* textSentences(raw: string, tokenize: Tokenizer, docId: string): Generator<ConlluSentence> {
  const text = toParagraphs(normaliseText(raw).split('\n')).join('\n\n');
  let n = 0;
  let par = 0;
  for (const [pa, pb] of paragraphSpans(text)) {
    let first = true;
    for (const [sa, sb] of sentenceSpans(text, pa, pb)) {
      const tokens = tokenize(text, sa, sb).filter((t) => t.end > t.start && t.form.trim() !== '');
      if (!tokens.length) continue;
      n++;
      const lines: ConlluLine[] = [];
      if (n === 1) lines.push({ raw: `# newdoc id = ${oneLine(docId)}` });
      if (first) lines.push({ raw: `# newpar id = ${oneLine(docId)}-p${++par}` });
      first = false;
      lines.push({ raw: `# sent_id = ${n}` }, { raw: `# text = ${oneLine(text.slice(sa, sb))}` });
      const words: ConlluWord[] = tokens.map((t, i) => {
        const next = i + 1 < tokens.length ? tokens[i + 1].start : t.end < text.length && !/\s/.test(text[t.end]) ? t.end : -1;
        return {
          id: i + 1, form: oneLine(t.form), lemma: '_', upos: '_', xpos: '_', feats: '_', head: '_', deprel: '_', deps: '_',
          misc: next === t.end ? 'SpaceAfter=No' : '_',
        };
      });
      for (const word of words) lines.push({ word });
      yield { line: 0, lines, words };
    }
  }
}

export interface ParseOptions {
  /** Read CoNLL-U (gold tokens) rather than plain text. */
  conllu: boolean;
  out: Writable;
  analyser?: () => Promise<Analyser>;
  tokenizer?: () => Promise<Tokenizer>;
}

/** The parse command: checks the input, loads the models, writes CoNLL-U. */
export async function parseCommand(file: string, o: ParseOptions): Promise<ParseResult> {
  const text = await readInput(file);
  if (o.conllu) {
    const sentences = readConlluInput(text, file);
    const analyse = await (o.analyser ?? loadAnalyser)();
    return writeAnnotated(sentences, analyse, o.out);
  }
  if (text.trim() === '') throw new Error(`${nameOf(file)}: empty file (no text to parse)`);
  const [tokenize, analyse] = await Promise.all([(o.tokenizer ?? loadTokenizer)(), (o.analyser ?? loadAnalyser)()]);
  const docId = file === '-' ? 'stdin' : basename(file).replace(/\.[^.]*$/, '') || 'doc';
  return writeAnnotated(textSentences(text, tokenize, docId), analyse, o.out);
}
