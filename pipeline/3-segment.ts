/** Stage 3, segment: paragraph and sentence spans with character offsets. */
import { join } from 'node:path';
import { LineWriter } from '../src/util/jsonl.ts';
import { outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type StageOptions, type StageResult } from '../src/dataset/stage.ts';
import { perArticle } from '../src/dataset/per-article.ts';
import { segmentLine } from './tasks.ts';

export async function run(p: BuildPaths, opts: StageOptions = {}): Promise<StageResult> {
  const input = await requireStage(p, 'clean');
  return runStage(p, 'segment', outputFingerprint(input), async (dir) => {
    const articles = new LineWriter(join(dir, 'articles.jsonl'));
    let sentences = 0;
    const counts = await perArticle<ReturnType<typeof segmentLine>>(p, opts, {
      stage: 'segment',
      input: join(stageDir(p, 'clean'), 'articles.jsonl'),
      total: input.counts.articles ?? null,
      salt: '',
      local: segmentLine,
      sink: async (r) => {
        sentences += r.sentences;
        await articles.write(r.line);
      },
    });
    await articles.close();
    return { articles: articles.count, sentences, ...counts };
  }, opts);
}
