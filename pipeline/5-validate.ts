/**
 * Stage 5, validate: every row against the schema, unique IDs, every statement and event pointing
 * to an article, every offset pair slicing the article text to its quote, cue or trigger.
 * A failure stops the build: package refuses to write a version without a passing report.
 */
import { join } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { Checker, checkSpan, codePointText, formatReport, statementSpanProblems, type ValidationReport } from '../src/schema/validate.ts';
import type { Row } from '../src/schema/tables.ts';
import { tableRows } from '../src/dataset/sources.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageOptions, type StageResult } from '../src/dataset/stage.ts';
import { sha256 } from '../src/util/ids.ts';
import { WorkerPool } from '../src/dataset/pool.ts';

export class ValidationError extends Error {
  constructor(readonly report: ValidationReport) {
    super(formatReport(report));
  }
}

/** A peekable async iterator: statements and events are read in lockstep with their articles. */
class Peek<T> {
  private it: AsyncIterator<T>;
  private head: IteratorResult<T> | null = null;
  constructor(src: AsyncIterable<T>) {
    this.it = src[Symbol.asyncIterator]();
  }
  async peek(): Promise<T | undefined> {
    this.head ??= await this.it.next();
    return this.head.done ? undefined : this.head.value;
  }
  async take(): Promise<T | undefined> {
    const v = await this.peek();
    this.head = null;
    return v;
  }
}

export async function validateTables(p: BuildPaths): Promise<ValidationReport> {
  const rows = tableRows(p);
  const check = new Checker();
  const statements = new Peek(rows.statements());
  const events = new Peek(rows.events());
  let n = 0;
  for await (const article of rows.articles()) {
    const id = check.row('articles', article, `articles row ${++n}`);
    const text = typeof article.text === 'string' ? article.text : '';
    // Offsets count code points (OFFSETS in src/schema/tables.ts); the *_utf16 columns UTF-16 code units.
    const cps = codePointText(text);
    if (typeof article.chars === 'number' && article.chars !== cps.length) check.fail('articles', id, `chars ${article.chars} differs from the text length ${cps.length} (code points)`);
    // published and url are copied from the article: they must agree with it.
    const sameAsArticle = (table: 'statements' | 'events', key: string, r: Row) => {
      for (const c of ['published', 'url']) if ((r[c] ?? null) !== (article[c] ?? null)) check.fail(table, key, `${c} ${JSON.stringify(r[c])} differs from the article's ${JSON.stringify(article[c])}`);
    };
    while ((await statements.peek())?.article_id === article.article_id) {
      const s = (await statements.take()) as Row;
      const key = check.row('statements', s, 'statement');
      for (const problem of statementSpanProblems(text, cps, s)) check.fail('statements', key, problem);
      sameAsArticle('statements', key, s);
    }
    while ((await events.peek())?.article_id === article.article_id) {
      const e = (await events.take()) as Row;
      const key = check.row('events', e, 'event');
      const words = typeof e.trigger === 'string' ? e.trigger : '';
      const trig = checkSpan(cps, e, 'start', 'end', words, 'trigger (code points)');
      if (trig) check.fail('events', key, trig);
      const trig16 = checkSpan(text, e, 'start_utf16', 'end_utf16', words, 'trigger (UTF-16)');
      if (trig16) check.fail('events', key, trig16);
      const sent = checkSpan(cps, e, 'sentence_start', 'sentence_end', null, 'sentence');
      if (sent) check.fail('events', key, sent);
      sameAsArticle('events', key, e);
    }
  }
  // Whatever is left points to no article (or is out of article order).
  for (const [table, rest] of [['statements', statements], ['events', events]] as const) {
    for (let r = await rest.take(); r; r = await rest.take()) {
      const key = check.row(table, r, table);
      check.fail(table, key, check.hasArticle(String(r.article_id)) ? `rows of article ${r.article_id} are out of article order` : `article_id ${r.article_id} is not in articles`);
    }
  }
  for await (const r of rows.rejects()) check.row('rejects', r, 'reject');
  return check.report;
}

export async function run(p: BuildPaths, opts: StageOptions = {}): Promise<StageResult> {
  const inputs = await Promise.all((['ingest', 'clean', 'extract'] as const).map((s) => requireStage(p, s)));
  const fingerprint = sha256(inputs.map(outputFingerprint).join('\n'));
  const result = await runStage(p, 'validate', fingerprint, async (dir) => {
    // On a worker thread when the build has them (this thread packages meanwhile: pipeline/index.ts).
    const report = opts.pool instanceof WorkerPool ? ((await opts.pool.run({ task: 'validate', paths: p })) as ValidationReport) : await validateTables(p);
    await writeFile(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n');
    if (!report.ok) throw new ValidationError(report);
    return report.rows;
  }, opts);
  return result;
}

export const reportPath = (p: BuildPaths) => join(stageDir(p, 'validate'), 'report.json');
