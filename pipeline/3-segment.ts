/** Stage 3, segment: paragraph and sentence spans with character offsets. */
import { join } from 'node:path';
import { JsonlWriter, readJsonl } from '../src/util/jsonl.ts';
import { segmentArticle } from '../src/text/segment.ts';
import type { CleanedArticle } from '../src/schema/records.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageResult } from '../src/dataset/stage.ts';

export async function run(p: BuildPaths, opts: { force?: boolean } = {}): Promise<StageResult> {
  const input = await requireStage(p, 'clean');
  return runStage(p, 'segment', outputFingerprint(input), async (dir) => {
    const articles = new JsonlWriter(join(dir, 'articles.jsonl'));
    let sentences = 0;
    for await (const a of readJsonl<CleanedArticle>(join(stageDir(p, 'clean'), 'articles.jsonl'))) {
      const s = segmentArticle(a);
      sentences += s.sentences.length;
      await articles.write(s);
    }
    await articles.close();
    return { articles: articles.count, sentences };
  }, opts);
}
