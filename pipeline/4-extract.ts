/**
 * Stage 4, extract: statements and events per article, and the published article rows. The work per
 * article is pipeline/extract-article.ts (loaded only when the stage runs: an up-to-date stage costs
 * no loading of the extractors and their models).
 */
import { join } from 'node:path';
import { LineWriter } from '../src/util/jsonl.ts';
import { perArticle } from '../src/dataset/per-article.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageOptions, type StageResult } from '../src/dataset/stage.ts';
import type { ExtractLines } from './extract-article.ts';

/** What extract's workers are handed once: the NLP models, loaded into shared memory (see perArticle's share). */
export async function shareWithWorkers(): Promise<Record<string, unknown>> {
  return { 'nlp-models': (await import('../src/nlp/index.ts')).shareNlpModels() };
}

export async function run(p: BuildPaths, opts: StageOptions = {}): Promise<StageResult> {
  const input = await requireStage(p, 'segment');
  const settings = `statement_scope=${p.settings.statement_scope}\nhome_country=${p.settings.home_country}`;
  return runStage(p, 'extract', `${outputFingerprint(input)}\n${settings}`, async (dir) => {
    const articles = new LineWriter(join(dir, 'articles.jsonl'));
    const statements = new LineWriter(join(dir, 'statements.jsonl'));
    const events = new LineWriter(join(dir, 'events.jsonl'));
    const rejects = new LineWriter(join(dir, 'rejects.jsonl'));
    // Per article, in workers, answered from the article cache where the segmented line and the
    // code are unchanged; written here in input order.
    // The extractors (and their dictionaries) load in this thread only when it extracts itself (no
    // workers); with workers it only shares the NLP models with them, loaded once into shared memory.
    let extractLine: typeof import('./extract-article.ts').extractLine | undefined;
    const counts = await perArticle<ExtractLines>(p, opts, {
      stage: 'extract',
      input: join(stageDir(p, 'segment'), 'articles.jsonl'),
      total: input.counts.articles ?? null,
      salt: settings,
      local: async (line, settings) => (extractLine ??= (await import('./extract-article.ts')).extractLine)(line, settings),
      share: shareWithWorkers,
      sink: async (out) => {
        if (out.reject !== undefined) await rejects.write(out.reject);
        await articles.write(out.article);
        for (const s of out.statements) await statements.write(s);
        for (const e of out.events) await events.write(e);
      },
    });
    await Promise.all([articles.close(), statements.close(), events.close(), rejects.close()]);
    return { articles: articles.count, statements: statements.count, events: events.count, ...counts };
  }, opts);
}
