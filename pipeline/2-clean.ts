/** Stage 2, clean: normalise text, remove boilerplate, find title and dateline, language, duplicates. */
import { join } from 'node:path';
import { JsonlWriter, LineWriter } from '../src/util/jsonl.ts';
import { markDuplicate } from '../src/text/clean.ts';
import { DuplicateIndex } from '../src/text/duplicates.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageOptions, type StageResult } from '../src/dataset/stage.ts';
import { perArticle } from '../src/dataset/per-article.ts';
import type { CleanResult } from './tasks.ts';
import { cleanLine } from './tasks.ts';

export async function run(p: BuildPaths, opts: StageOptions = {}): Promise<StageResult> {
  const input = await requireStage(p, 'ingest');
  return runStage(p, 'clean', outputFingerprint(input), async (dir) => {
    const articles = new JsonlWriter(join(dir, 'articles.jsonl'));
    const rejects = new LineWriter(join(dir, 'rejects.jsonl'));
    // Cleaning runs per article (workers, cache); duplicate marking is global and runs here, in order.
    const duplicates = new DuplicateIndex();
    let duplicateCount = 0;
    let nonEnglish = 0;
    const counts = await perArticle<CleanResult>(p, opts, {
      stage: 'clean',
      input: join(stageDir(p, 'ingest'), 'articles.jsonl'),
      total: input.counts.articles ?? null,
      salt: '',
      local: cleanLine,
      sink: async (r) => {
        if (r.reject !== undefined) return rejects.write(r.reject);
        if (r.article.skip_reason) nonEnglish++;
        const marked = markDuplicate(r.article, duplicates, r.print);
        if (marked.duplicate_of) duplicateCount++;
        await articles.write(marked);
      },
    });
    await Promise.all([articles.close(), rejects.close()]);
    return { articles: articles.count, rejects: rejects.count, duplicates: duplicateCount, non_english: nonEnglish, ...counts };
  }, opts);
}
