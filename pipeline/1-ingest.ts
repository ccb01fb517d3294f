/** Stage 1, ingest: every file under RAW becomes articles (or rejects), with the inputs' checksums. */
import { join } from 'node:path';
import { stat } from 'node:fs/promises';
import pLimit from 'p-limit';
import { listFiles, fileDigest, specialKind } from '../src/util/files.ts';
import { JsonlWriter, LineWriter } from '../src/util/jsonl.ts';
import { ArticleCache, cacheSalt } from '../src/dataset/cache.ts';
import { sha256 } from '../src/util/ids.ts';
import { runStage, type BuildPaths, type StageOptions, type StageResult } from '../src/dataset/stage.ts';
import { Progress } from '../src/dataset/progress.ts';

/** What one input file gave, as cached: its lines, records read, rejects not listed, the stable keys it took and whether one had been taken. */
interface CachedFile {
  records: number;
  over: number;
  articles: string[];
  rejects: string[];
  keys: string[];
  collided: boolean;
}

/** The stable keys taken so far (toIngestedArticle's `taken`), noting what the current file adds and whether it met one taken before. */
class KeyLog extends Set<string> {
  added: string[] = [];
  collided = false;
  startFile() {
    this.added = [];
    this.collided = false;
  }
  override has(k: string): boolean {
    const h = super.has(k);
    if (h) this.collided = true;
    return h;
  }
  override add(k: string): this {
    this.added?.push(k);
    return super.add(k);
  }
}

/** Output of one file up to which it is cached (its lines are held in memory while it is read). */
export const CACHE_FILE_BYTES = 16 * 1024 * 1024;

export async function run(p: BuildPaths, opts: StageOptions = {}): Promise<StageResult> {
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
    // The readers (HTML, WARC, ...) load only when the stage runs: an up-to-date ingest stays light.
    const [{ readRecords }, { RejectBudget, rejectRow, toIngestedArticle }] = await Promise.all([import('../src/formats/readers/index.ts'), import('../src/formats/ingest.ts')]);
    const articles = new LineWriter(join(dir, 'articles.jsonl'));
    const rejects = new LineWriter(join(dir, 'rejects.jsonl'));
    const inputLog = new JsonlWriter(join(dir, 'inputs.jsonl'));
    let records = 0;
    let unlisted = 0;
    let cached = 0;
    const taken = new KeyLog(); // stable keys used so far: IDs stay unique
    const progress = new Progress('ingest', inputs.length, 'files', { quiet: opts.quiet });
    // The file cache (src/dataset/cache.ts): a file whose path and checksum are unchanged, read by the
    // same code with the same reject budget, gives the same lines; only files under CACHE_FILE_BYTES of
    // output are kept (a bigger one is read again: memory stays bounded).
    const cache = opts.cache === false ? null : new ArticleCache(p.out, 'ingest', await cacheSalt('ingest', `max_rejects_per_file=${maxRejects}`));
    await cache?.open();
    try {
      for (const input of inputs) {
        await inputLog.write(input);
        const problem = unreadable.get(input.path);
        if (problem) {
          records++;
          await rejects.write(JSON.stringify(rejectRow(input.path, '', 'ingest', problem)));
          progress.tick();
          continue;
        }
        const key = cache?.key(`${input.path}\n${input.sha256}`) ?? '';
        const hit = cache ? await cache.get(key) : undefined;
        let file: CachedFile;
        // A file's IDs depend on the keys earlier files took (a URL seen before falls back to the file
        // key): its cached lines stand only when none of its keys collided then, nor collide now.
        const entry = hit === undefined ? undefined : (JSON.parse(hit) as CachedFile);
        if (entry && !entry.collided && entry.keys.every((k) => !taken.has(k))) {
          for (const k of entry.keys) taken.add(k);
          file = entry;
          cached++;
          // The new pack holds every file still cached, not only those read again: else the next run finds none.
          await cache!.put(key, hit!);
        } else {
          file = { records: 0, over: 0, articles: [], rejects: [], keys: [], collided: false };
          taken.startFile();
          let bytes = 0;
          let keep = true;
          const add = async (list: string[], writer: LineWriter, line: string) => {
            await writer.write(line);
            bytes += line.length;
            if (bytes > CACHE_FILE_BYTES) keep = false;
            if (keep) list.push(line);
            else list.length = 0;
          };
          const keys = new Map<string, number>();
          // A file's rejects past the budget are counted, not listed: one summarising reject says how many.
          const budget = new RejectBudget(maxRejects);
          for await (const read of readRecords(join(p.raw, input.path), input.path)) {
            file.records++;
            if (read.kind === 'reject' && !budget.take(read.record, read.reason)) continue;
            // A key seen twice in one file (a repeated NEWID or WARC-Record-ID) gets a suffix, so IDs stay unique.
            const seen = keys.get(read.record) ?? 0;
            keys.set(read.record, seen + 1);
            const out = seen ? { ...read, record: `${read.record}~${seen + 1}` } : read;
            if (out.kind === 'reject') await add(file.rejects, rejects, JSON.stringify(rejectRow(input.path, out.record, 'ingest', out.reason)));
            else await add(file.articles, articles, JSON.stringify(toIngestedArticle(input.path, out, taken)));
          }
          const summary = budget.summary();
          if (summary) {
            file.over = budget.over;
            await add(file.rejects, rejects, JSON.stringify(rejectRow(input.path, summary.record, 'ingest', summary.reason)));
          }
          file.keys = taken.added;
          file.collided = taken.collided;
          if (cache && keep) await cache.put(key, JSON.stringify(file));
          records += file.records;
          unlisted += file.over;
          progress.tick();
          opts.articlesRead?.(articles.count);
          continue;
        }
        for (const l of file.articles) await articles.write(l);
        for (const l of file.rejects) await rejects.write(l);
        records += file.records;
        unlisted += file.over;
        progress.tick();
        opts.articlesRead?.(articles.count);
      }
      await cache?.commit();
    } catch (err) {
      await cache?.abandon();
      throw err;
    }
    progress.end();
    await Promise.all([articles.close(), rejects.close(), inputLog.close()]);
    return { files: inputs.length, records, articles: articles.count, rejects: rejects.count, ...(unlisted ? { rejects_not_listed: unlisted } : {}), ...(cache ? { cached_files: cached } : {}) };
  }, opts);
}
