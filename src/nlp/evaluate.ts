/**
 * Scoring the linguistic core against UD gold. UPOS, UAS and LAS over every word, punctuation included
 * (the CoNLL 2018 shared task's convention; LAS compares the universal part of the relation, "nsubj" for
 * "nsubj:pass"), from gold tokenization, so the predicted words align one to one with the gold ones.
 * Entities: exact-span precision, recall and F1 over PERSON, ORGANIZATION and PLACE, predicted NER=
 * tags in MISC against the gold BIO tags that the entity module derives from GUM's Entity= annotation.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { goldSentence, readConllu, universalRelation, type ConlluSentence, type GoldSentence } from './conllu.ts';
import { ENTITY_TYPES } from './types.ts';
import { scoreEntityTags, type EntityScore } from './entities.ts';
import { annotateSentence, type Analyser } from './parse-command.ts';

export interface ParseScore {
  /** Words scored. */
  tokens: number;
  /** Fractions of words (0..1) with the right UPOS, head, and head and universal relation. */
  upos: number;
  uas: number;
  las: number;
}

const sentName = (s: ConlluSentence, i: number) => {
  for (const l of s.lines) if ('raw' in l) {
    const m = /^#\s*sent_id\s*=\s*(.*)$/.exec(l.raw);
    if (m) return `sentence ${i + 1} (sent_id ${m[1].trim()})`;
  }
  return `sentence ${i + 1}${s.line ? ` (line ${s.line})` : ''}`;
};

/** Throws unless the two files have the same sentences with the same words. */
export function checkAligned(gold: ConlluSentence[], predicted: ConlluSentence[]): void {
  if (gold.length !== predicted.length) throw new Error(`gold has ${gold.length} sentences, predicted ${predicted.length}`);
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i].words;
    const p = predicted[i].words;
    if (g.length !== p.length) throw new Error(`${sentName(gold[i], i)}: gold has ${g.length} words, predicted ${p.length}`);
    for (let k = 0; k < g.length; k++) {
      if (g[k].form !== p[k].form) throw new Error(`${sentName(gold[i], i)}: word ${k + 1} is "${g[k].form}" in gold, "${p[k].form}" in predicted`);
    }
  }
}

export function scoreParse(gold: ConlluSentence[], predicted: ConlluSentence[]): ParseScore {
  checkAligned(gold, predicted);
  let tokens = 0;
  let upos = 0;
  let uas = 0;
  let las = 0;
  for (let i = 0; i < gold.length; i++) {
    const p = predicted[i].words;
    gold[i].words.forEach((g, k) => {
      tokens++;
      if (g.upos === p[k].upos) upos++;
      if (Number(g.head) === Number(p[k].head)) {
        uas++;
        if (universalRelation(g.deprel) === universalRelation(p[k].deprel)) las++;
      }
    });
  }
  const f = (n: number) => (tokens ? n / tokens : 0);
  return { tokens, upos: f(upos), uas: f(uas), las: f(las) };
}

/** The NER= tag of each word's MISC ("O" when there is none). */
export function nerTags(s: ConlluSentence): string[] {
  return s.words.map((w) => {
    const item = w.misc.split('|').find((i) => i.startsWith('NER='));
    return item ? item.slice(4) : 'O';
  });
}

/** Gold BIO tags of each sentence (the entity module's reading of MISC), against the predicted NER= tags. */
export function scoreEntities(gold: ConlluSentence[], predicted: ConlluSentence[], goldTags: (s: GoldSentence) => string[]): EntityScore {
  checkAligned(gold, predicted);
  return scoreEntityTags(gold.map((s) => goldTags(goldSentence(s))), predicted.map(nerTags));
}

/** The treebank files eval-nlp scores: EWT and GUM, test or dev. */
export function udFiles(udDir: string, split: 'test' | 'dev'): { name: string; path: string; entities: boolean }[] {
  return [
    { name: `EWT ${split}`, path: join(udDir, 'ewt', `en_ewt-ud-${split}.conllu`), entities: false },
    { name: `GUM ${split}`, path: join(udDir, 'gum', `en_gum-cc-by-${split}.conllu`), entities: true },
  ];
}

export interface EvalRow {
  name: string;
  parse: ParseScore;
  entities: EntityScore | null;
  /** Seconds in the analyser alone (reading and scoring left out). */
  seconds: number;
}

/** Parses each file from its gold tokens and scores the result. */
export async function evaluateUd(
  udDir: string,
  split: 'test' | 'dev',
  analyse: Analyser,
  goldTags: (s: GoldSentence) => string[],
  log: (line: string) => void = () => {},
): Promise<EvalRow[]> {
  const rows: EvalRow[] = [];
  for (const f of udFiles(udDir, split)) {
    if (!existsSync(f.path)) throw new Error(`${f.path}: no such file (is --ud the folder holding ewt/ and gum/?)`);
    const gold = readConllu(await readFile(f.path, 'utf8'), f.path);
    const t0 = performance.now();
    const predicted = gold.map((s) => annotateSentence(s, analyse));
    const seconds = (performance.now() - t0) / 1000;
    const row = { name: f.name, parse: scoreParse(gold, predicted), entities: f.entities ? scoreEntities(gold, predicted, goldTags) : null, seconds };
    log(`${f.name}: ${row.parse.tokens} tokens in ${seconds.toFixed(2)} s`);
    rows.push(row);
  }
  return rows;
}

/** The table eval-nlp prints (percentages). */
export function evalTable(rows: EvalRow[]): string {
  const pct = (x: number) => (100 * x).toFixed(2);
  const head = ['treebank', 'tokens', 'UPOS', 'UAS', 'LAS', 'ent P', 'ent R', 'ent F1', 'tokens/s'];
  const body = rows.map((r) => [
    r.name,
    String(r.parse.tokens),
    pct(r.parse.upos),
    pct(r.parse.uas),
    pct(r.parse.las),
    r.entities ? pct(r.entities.precision) : '-',
    r.entities ? pct(r.entities.recall) : '-',
    r.entities ? pct(r.entities.f1) : '-',
    r.seconds > 0 ? (r.parse.tokens / r.seconds).toFixed(0) : '-',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  let out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n') + '\n';
  for (const r of rows) {
    if (!r.entities) continue;
    out += `\n${r.name} entities by type (exact spans):\n`;
    for (const t of ENTITY_TYPES) {
      const s = r.entities.byType[t];
      out += `  ${t.padEnd(12)}  P ${pct(s.precision)}  R ${pct(s.recall)}  F1 ${pct(s.f1)}  (gold ${s.tp + s.fn}, predicted ${s.tp + s.fp})\n`;
    }
  }
  return out;
}
