/** Stage 1, ingest: every file under RAW becomes articles (or rejects), with the inputs' checksums. */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { listFiles, fileDigest, specialKind } from '../src/util/files.ts';
import { JsonlWriter } from '../src/util/jsonl.ts';
import { sha256 } from '../src/util/ids.ts';
import { readRecords } from '../src/formats/readers/index.ts';
import { RejectBudget, rejectRow, toIngestedArticle } from '../src/formats/ingest.ts';
import { runStage, type BuildPaths, type StageResult } from '../src/dataset/stage.ts';

export async function run(p: BuildPaths, opts: { force?: boolean } = {}): Promise<StageResult> {
  const rawInfo = await stat(p.raw).catch(() => null);
  if (!rawInfo?.isDirectory()) throw new Error(`RAW folder ${p.raw} ${rawInfo ? 'is not a folder' : 'does not exist'}`);
  const files = await listFiles(p.raw);
  const unreadable = new Map<string, string>();
  // Checksums of the inputs, a few files at a time so disk reads overlap hashing; order stays sorted.
  const limit = pLimit(8);
  const inputs = await Promise.all(
    files.map((f) =>
      limit(async () => {
        try {
          // Never open a FIFO, socket or device: reading one can block for ever.
          const special = await specialKind(join(p.raw, f));
          if (special) {
            unreadable.set(f, `not a regular file (${special}); not read`);
            return { path: f, sha256: '', bytes: 0 };
          }
          return { path: f, ...(await fileDigest(join(p.raw, f))) };
        } catch (err) {
          // Unreadable (permissions, dangling link): a reject below, not a crash.
          unreadable.set(f, `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
          return { path: f, sha256: '', bytes: 0 };
        }
      }),
    ),
  );
  const maxRejects = p.settings.max_rejects_per_file;
  const fingerprint = sha256(inputs.map((i) => `${i.path}:${i.sha256}`).join('\n') + `\nmax_rejects_per_file=${maxRejects}`);

  return runStage(p, 'ingest', fingerprint, async (dir) => {
    const articles = new JsonlWriter(join(dir, 'articles.jsonl'));
    const rejects = new JsonlWriter(join(dir, 'rejects.jsonl'));
    const inputLog = new JsonlWriter(join(dir, 'inputs.jsonl'));
    let records = 0;
    let unlisted = 0;
    const taken = new Set<string>(); // stable keys used so far: IDs stay unique
    for (const input of inputs) {
      await inputLog.write(input);
      const problem = unreadable.get(input.path);
      if (problem) {
        records++;
        await rejects.write(rejectRow(input.path, '', 'ingest', problem));
        continue;
      }
      const keys = new Map<string, number>();
      // A file's rejects past the budget are counted, not listed: one summarising reject says how many.
      const budget = new RejectBudget(maxRejects);
      for await (const read of readRecords(join(p.raw, input.path), input.path)) {
        records++;
        if (read.kind === 'reject' && !budget.take(read.record, read.reason)) continue;
        // A key seen twice in one file (a repeated NEWID or WARC-Record-ID) gets a suffix, so IDs stay unique.
        const seen = keys.get(read.record) ?? 0;
        keys.set(read.record, seen + 1);
        const out = seen ? { ...read, record: `${read.record}~${seen + 1}` } : read;
        if (out.kind === 'reject') await rejects.write(rejectRow(input.path, out.record, 'ingest', out.reason));
        else await articles.write(toIngestedArticle(input.path, out, taken));
      }
      const summary = budget.summary();
      if (summary) {
        unlisted += budget.over;
        await rejects.write(rejectRow(input.path, summary.record, 'ingest', summary.reason));
      }
    }
    await Promise.all([articles.close(), rejects.close(), inputLog.close()]);
    return { files: inputs.length, records, articles: articles.count, rejects: rejects.count, ...(unlisted ? { rejects_not_listed: unlisted } : {}) };
  }, opts);
}
