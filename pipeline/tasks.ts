/**
 * The per-article work of clean, segment and extract, as run by a worker thread (src/dataset/pool.ts)
 * or in the main thread with --jobs 1. Each takes the previous stage's JSONL line and answers with what
 * the stage writes for it, already serialised where the main thread has nothing more to do with it,
 * so that parsing and serialising run in the workers too.
 */
import { bodyOf, cleanArticle } from '../src/text/clean.ts';
import { duplicatePrint, type DuplicatePrint } from '../src/text/duplicates.ts';
import { segmentArticle } from '../src/text/segment.ts';
import { rejectRow } from '../src/formats/ingest.ts';
import type { CleanedArticle, IngestedArticle } from '../src/schema/records.ts';
import type { BuildSettings } from '../src/dataset/stage.ts';

/** A cleaned article with its duplicate print (the global duplicate marking then needs no pass over its text). */
export type CleanResult = { article: CleanedArticle; print: DuplicatePrint; reject?: undefined } | { article?: undefined; reject: string };

export function cleanLine(line: string): CleanResult {
  const a = JSON.parse(line) as IngestedArticle;
  const cleaned = cleanArticle(a);
  if (!cleaned.text.trim()) return { reject: JSON.stringify(rejectRow(a.source_file.split('#')[0], a.record, 'clean', 'no article text left after removing boilerplate')) };
  return { article: cleaned, print: duplicatePrint(cleaned.title, bodyOf(cleaned)) };
}

export function segmentLine(line: string): { line: string; sentences: number } {
  const s = segmentArticle(JSON.parse(line) as CleanedArticle);
  return { line: JSON.stringify(s), sentences: s.sentences.length };
}

export type Task = { task: 'clean'; line: string } | { task: 'segment'; line: string } | { task: 'extract'; line: string } | { task: 'validate'; paths: import('../src/dataset/stage.ts').BuildPaths }
  | { task: 'package-table'; paths: import('../src/dataset/stage.ts').BuildPaths; table: import('../src/schema/tables.ts').TableName; tmp: string; rowsTmp: string };

/**
 * The extractors' module, imported at the first extract task and kept: an import() per task went through
 * tsx's resolve hook on the loader thread each time (issue 15: about 0.6 ms of that thread's CPU per
 * article, 11 s of a reuters21578 build, with the worker waiting meanwhile).
 */
let extractModule: Promise<typeof import('./extract-article.ts')> | undefined;
const extractor = () => (extractModule ??= import('./extract-article.ts'));

/** WorkerPool.warm: the extractors' modules (their dictionaries, lexicons and gazetteer), loaded before the first task. */
export async function preload(): Promise<void> {
  await extractor();
}

/** The worker's entry point (see src/dataset/pool-worker.mjs); the extractors load at the first extract task. */
export async function handle(input: Task, settings: BuildSettings): Promise<unknown> {
  switch (input.task) {
    case 'clean':
      return cleanLine(input.line);
    case 'segment':
      return segmentLine(input.line);
    case 'extract':
      return (await extractor()).extractLine(input.line, settings);
    case 'validate':
      // Not per article: the whole validation, on a worker while the main thread packages (pipeline/index.ts).
      return (await import('./5-validate.ts')).validateTables(input.paths);
    case 'package-table':
      // One table of a version, on a worker while the main thread writes the others (pipeline/6-package.ts).
      return (await import('../src/dataset/version.ts')).writeTableOfStages(input.paths, input.table, input.tmp, input.rowsTmp);
  }
}

/**
 * Read-only data the main thread shares with its workers (src/dataset/pool.ts, WorkerPool.share):
 * 'nlp-models', the tagger's, parser's and entity tagger's tables in shared memory (one copy for all
 * the workers; see shareNlpModels in src/nlp/index.ts).
 */
export async function share(key: string, value: unknown): Promise<void> {
  if (key === 'nlp-models') (await import('../src/nlp/index.ts')).useSharedNlpModels(value as import('../src/nlp/index.ts').SharedNlpModels);
}

/**
 * What a task gives for an article that crashed or hung every worker it was sent to (src/cluster/):
 * clean and extract turn it into a reject, as they do for an article they cannot handle; segment has
 * no reject to give, so the build stops naming the article.
 */
export async function failedTask(input: Task, settings: BuildSettings, reason: string): Promise<unknown> {
  switch (input.task) {
    case 'clean': {
      const a = JSON.parse(input.line) as IngestedArticle;
      return { reject: JSON.stringify(rejectRow(a.source_file.split('#')[0], a.record, 'clean', reason)) } satisfies CleanResult;
    }
    case 'segment': {
      const a = JSON.parse(input.line) as CleanedArticle;
      throw new Error(`segmenting article ${a.article_id} (${a.source_file}) failed on every worker: ${reason}`);
    }
    case 'extract':
      return (await extractor()).unextractedLine(input.line, settings, reason);
    case 'validate':
    case 'package-table':
      throw new Error(`${input.task} failed on every worker: ${reason}`);
  }
}
