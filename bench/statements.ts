/**
 * Benchmark: statement extraction alone (the extract stage's statements half) on one core.
 * Corpus: BENCH_RAW if set, else ../shared/corpora/bbc-news-2225 when present, else the samples in raw/
 * copied 400 times. Articles are read, cleaned and segmented first (not timed); then extractStatements
 * runs over all of them, ROUNDS times, and the best round is reported.
 * Usage: node --import tsx bench/statements.ts [BENCH_RAW=dir] [ROUNDS=3]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { listFiles } from '../src/util/files.ts';
import { cleanArticle } from '../src/text/clean.ts';
import { segmentArticle } from '../src/text/segment.ts';
import { extractStatements } from '../src/statements/extract.ts';
import type { IngestedArticle, SegmentedArticle } from '../src/schema/records.ts';

async function corpus(): Promise<{ name: string; texts: string[] }> {
  const dir = process.env.BENCH_RAW ? resolve(process.env.BENCH_RAW) : resolve('..', 'shared', 'corpora', 'bbc-news-2225');
  if (existsSync(dir)) {
    const texts: string[] = [];
    for (const f of await listFiles(dir)) if (f.endsWith('.txt')) texts.push(await readFile(join(dir, f), 'utf8'));
    if (texts.length) return { name: dir, texts };
  }
  const samples = (await readdir('raw')).filter((f) => f.endsWith('.txt'));
  const texts: string[] = [];
  for (let i = 0; i < 400; i++) for (const f of samples) texts.push(`Copy ${i} of the sample\n\n` + (await readFile(join('raw', f), 'utf8')));
  return { name: 'raw/ samples x400', texts };
}

function prepare(text: string, i: number): SegmentedArticle {
  const ingested: IngestedArticle = {
    article_id: `art_${i.toString(16).padStart(16, '0')}`, source_file: `${i}.txt`, record: '', format: 'txt', title: '',
    published: '2020-11-18', published_source: 'metadata', publisher: '', url: '', language: 'en', dateline: '',
    titleInText: false, raw: text,
  };
  return segmentArticle(cleanArticle(ingested));
}

const { name, texts } = await corpus();
const articles = texts.map(prepare).filter((a) => !a.skip_reason);
const chars = articles.reduce((n, a) => n + a.text.length, 0);
const rounds = Number(process.env.ROUNDS ?? 3);
let best = Infinity;
let rows = 0;
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  rows = 0;
  for (const a of articles) rows += extractStatements(a).length;
  best = Math.min(best, (performance.now() - t0) / 1000);
}
console.log(`corpus: ${name}: ${articles.length} articles, ${(chars / 1e6).toFixed(2)} M chars`);
console.log(`statements extract: ${best.toFixed(2)} s, ${(articles.length / best).toFixed(0)} articles/s, ${(chars / 1e6 / best).toFixed(2)} M chars/s, ${rows} statements (best of ${rounds})`);
