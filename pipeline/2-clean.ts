/** Stage 2, clean: normalise text, remove boilerplate, find title and dateline, language, duplicates. */
import { join } from 'node:path';
import { JsonlWriter, readJsonl } from '../src/util/jsonl.ts';
import { cleanArticle, markDuplicate } from '../src/text/clean.ts';
import { DuplicateIndex } from '../src/text/duplicates.ts';
import { rejectRow } from '../src/formats/ingest.ts';
import type { IngestedArticle } from '../src/schema/records.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageResult } from '../src/dataset/stage.ts';

export async function run(p: BuildPaths, opts: { force?: boolean } = {}): Promise<StageResult> {
  const input = await requireStage(p, 'ingest');
  return runStage(p, 'clean', outputFingerprint(input), async (dir) => {
    const articles = new JsonlWriter(join(dir, 'articles.jsonl'));
    const rejects = new JsonlWriter(join(dir, 'rejects.jsonl'));
    const duplicates = new DuplicateIndex();
    let duplicateCount = 0;
    let nonEnglish = 0;
    for await (const a of readJsonl<IngestedArticle>(join(stageDir(p, 'ingest'), 'articles.jsonl'))) {
      const cleaned = cleanArticle(a);
      if (!cleaned.text.trim()) {
        await rejects.write(rejectRow(a.source_file.split('#')[0], a.record, 'clean', 'no article text left after removing boilerplate'));
        continue;
      }
      if (cleaned.skip_reason) nonEnglish++;
      const marked = markDuplicate(cleaned, duplicates);
      if (marked.duplicate_of) duplicateCount++;
      await articles.write(marked);
    }
    await Promise.all([articles.close(), rejects.close()]);
    return { articles: articles.count, rejects: rejects.count, duplicates: duplicateCount, non_english: nonEnglish };
  }, opts);
}
