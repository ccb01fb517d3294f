/** Stage 4, extract: statements and events per article, and the published article rows. */
import { join } from 'node:path';
import { JsonlWriter, readJsonl } from '../src/util/jsonl.ts';
import { spanRow, toRow } from '../src/schema/rows.ts';
import { CodePoints } from '../src/util/offsets.ts';
import { rejectRow } from '../src/formats/ingest.ts';
import type { SegmentedArticle } from '../src/schema/records.ts';
import { extractStatements } from '../src/statements/extract.ts';
import { extractEvents } from '../src/events/extract.ts';
import { DEFAULT_SETTINGS, outputFingerprint, requireStage, runStage, stageDir, type BuildPaths, type BuildSettings, type StageResult } from '../src/dataset/stage.ts';

export function articleRow(a: SegmentedArticle) {
  return toRow('articles', {
    ...a,
    extracted: !a.skip_reason,
    chars: new CodePoints(a.text).length,
    paragraphs: a.paragraphs.length,
    sentences: a.sentences.length,
  });
}

/**
 * Longest article text the extractors are given (characters). News articles run to tens of thousands;
 * the statements extractor's time grows faster than the length of one article (1.7 MB of text: 30 s and
 * climbing) and its memory with it, so a longer text is published without statements and events, and
 * says why: one file can never stall a build.
 */
export const MAX_EXTRACT_CHARS = 500_000;

/** Everything extract publishes for one article. */
export function extractArticle(a: SegmentedArticle, settings: BuildSettings = DEFAULT_SETTINGS) {
  if (!a.skip_reason && a.text.length > MAX_EXTRACT_CHARS) {
    a = { ...a, skip_reason: `too long to extract from (${a.text.length} characters, over ${MAX_EXTRACT_CHARS}); statements and events are not extracted` };
  }
  if (a.skip_reason) return { article: articleRow(a), statements: [], events: [] };
  const statements = extractStatements(a, { scope: settings.statement_scope });
  const events = extractEvents(a, statements);
  const cp = new CodePoints(a.text);
  return {
    article: articleRow(a),
    statements: statements.map((s) => spanRow('statements', s as unknown as Record<string, unknown>, a, cp)),
    events: events.map((e) => spanRow('events', e as unknown as Record<string, unknown>, a, cp)),
  };
}

export async function run(p: BuildPaths, opts: { force?: boolean } = {}): Promise<StageResult> {
  const input = await requireStage(p, 'segment');
  return runStage(p, 'extract', `${outputFingerprint(input)}\nstatement_scope=${p.settings.statement_scope}`, async (dir) => {
    const articles = new JsonlWriter(join(dir, 'articles.jsonl'));
    const statements = new JsonlWriter(join(dir, 'statements.jsonl'));
    const events = new JsonlWriter(join(dir, 'events.jsonl'));
    const rejects = new JsonlWriter(join(dir, 'rejects.jsonl'));
    for await (const a of readJsonl<SegmentedArticle>(join(stageDir(p, 'segment'), 'articles.jsonl'))) {
      let out: ReturnType<typeof extractArticle>;
      try {
        out = extractArticle(a, p.settings);
      } catch (err) {
        // An extractor bug costs this article its rows, not the build: publish it unextracted, say why.
        const reason = `extraction failed: ${(err as Error).message}`;
        await rejects.write(rejectRow(a.source_file.split('#')[0], a.record, 'extract', reason));
        out = extractArticle({ ...a, skip_reason: reason }, p.settings);
      }
      await articles.write(out.article);
      for (const s of out.statements) await statements.write(s);
      for (const e of out.events) await events.write(e);
    }
    await Promise.all([articles.close(), statements.close(), events.close(), rejects.close()]);
    return { articles: articles.count, statements: statements.count, events: events.count };
  }, opts);
}
