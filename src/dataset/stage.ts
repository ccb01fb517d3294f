/**
 * Stage runner (OWID etl style): each stage reads the previous stage's files under OUT/.stages and
 * writes its own, with a stage.json recording the fingerprint of its inputs and of the code. A stage
 * whose fingerprint is unchanged and whose outputs are intact is not run again.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exists, fileDigest, listFiles } from '../util/files.ts';
import { sha256 } from '../util/ids.ts';

export const STAGES = ['ingest', 'clean', 'segment', 'extract', 'validate'] as const;
export type StageName = (typeof STAGES)[number];

export interface BuildPaths {
  raw: string;
  out: string;
  stages: string;
  settings: BuildSettings;
}

/** Choices that change the data besides the inputs and the code; recorded in the manifest. */
export interface BuildSettings {
  /** speech: statements proper; attribution: also positions and intentions attributed to someone (PolNeAR's scope). */
  statement_scope: 'speech' | 'attribution';
  /** Rejects listed one by one per input file; the rest of a file's rejects become one summarising reject. */
  max_rejects_per_file: number;
  /**
   * The country whose press the corpus is (ISO 3166-1 alpha-3, '' for none): a state's organ or office named
   * without its country in an article without a dateline is this country's ("the Home Secretary" in the BBC).
   */
  home_country: string;
}
export const DEFAULT_SETTINGS: BuildSettings = { statement_scope: 'speech', max_rejects_per_file: 100_000, home_country: '' };

export function buildPaths(raw: string, out: string, settings: Partial<BuildSettings> = DEFAULT_SETTINGS): BuildPaths {
  return { raw: resolve(raw), out: resolve(out), stages: join(resolve(out), '.stages'), settings: { ...DEFAULT_SETTINGS, ...settings } };
}

export const stageDir = (p: BuildPaths, stage: StageName) => join(p.stages, stage);

export interface StageRecord {
  stage: StageName;
  fingerprint: string;
  outputs: Record<string, { sha256: string; bytes: number }>;
  counts: Record<string, number>;
}

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let codeFingerprintCache: string | null = null;

/** Hash of the code and dictionaries that produce the data (src/, pipeline/, package-lock.json). */
export async function codeFingerprint(): Promise<string> {
  if (codeFingerprintCache) return codeFingerprintCache;
  const parts: string[] = [];
  for (const dir of ['src', 'pipeline']) {
    const root = join(PROJECT_ROOT, dir);
    if (!(await exists(root))) continue;
    for (const f of await listFiles(root)) parts.push(`${dir}/${f}:${(await fileDigest(join(root, f))).sha256}`);
  }
  const lock = join(PROJECT_ROOT, 'package-lock.json');
  if (await exists(lock)) parts.push(`lock:${(await fileDigest(lock)).sha256}`);
  codeFingerprintCache = sha256(parts.join('\n'));
  return codeFingerprintCache;
}

/** Files of data the code reads (dictionaries, word lists, models): what a data-only change looks like. */
export const DICTIONARY_FILE = /\.(?:tsv|txt|csv|json)(?:\.gz)?$|\.bin\.gz$/;
let dictionaryCache: Record<string, string> | null = null;

/** sha256 of every dictionary, word list and model under src/, by path: the manifest records them so a diff can name each change. */
export async function dictionaryDigests(): Promise<Record<string, string>> {
  if (dictionaryCache) return dictionaryCache;
  const out: Record<string, string> = {};
  const root = join(PROJECT_ROOT, 'src');
  if (await exists(root)) for (const f of await listFiles(root)) if (DICTIONARY_FILE.test(f)) out[`src/${f}`] = (await fileDigest(join(root, f))).sha256;
  dictionaryCache = out;
  return out;
}

/** RAW holds nothing that became an article: a warning and exit code 2, and no (empty) version. */
export class NoInputError extends Error {
  readonly exitCode = 2;
  constructor(raw: string, counts: Record<string, number>) {
    const files = counts.files ?? 0;
    super(
      `warning: RAW folder ${raw} has no readable input (${files} file${files === 1 ? '' : 's'}` +
        `${counts.rejects ? `, ${counts.rejects} rejected: see ${'OUT/.stages/ingest/rejects.jsonl'}` : ''}); no version written`,
    );
  }
}

/** Throws NoInputError when ingest found no article. */
export function requireArticles(raw: string, counts: Record<string, number>): void {
  if (!counts.articles) throw new NoInputError(raw, counts);
}

export async function readStageRecord(p: BuildPaths, stage: StageName): Promise<StageRecord | null> {
  try {
    return JSON.parse(await readFile(join(stageDir(p, stage), 'stage.json'), 'utf8')) as StageRecord;
  } catch {
    return null;
  }
}

async function outputsIntact(dir: string, rec: StageRecord): Promise<boolean> {
  for (const [name, want] of Object.entries(rec.outputs)) {
    const path = join(dir, name);
    if (!(await exists(path))) return false;
    if ((await fileDigest(path)).sha256 !== want.sha256) return false;
  }
  return true;
}

/** How a stage runs; none of it changes the data files. */
export interface StageOptions {
  /** rerun even when inputs and code are unchanged (the article cache is still used) */
  force?: boolean;
  /** worker threads for the per-article stages (default: JOBS, else one per core) */
  jobs?: number;
  /** no progress lines */
  quiet?: boolean;
  /** use and fill the article cache in OUT/.cache (default true) */
  cache?: boolean;
  /** worker threads (or remote workers) shared by the per-article stages of one build (see per-article.ts); null: none */
  pool?: import('./pool.ts').ArticlePool | null;
  /**
   * Ingest calls this after each input file with the articles read so far: a build starts its workers
   * (and their loading) then, while ingest still runs alone, rather than at the first per-article stage.
   */
  articlesRead?: (articles: number) => void;
  /** Called when the stage is not up to date and starts its work. */
  running?: () => void;
}

export interface StageResult {
  record: StageRecord;
  skipped: boolean;
}

/**
 * Run `work` into a fresh temporary folder unless the stage is up to date; then swap it into place.
 * `inputFingerprint` names everything the stage reads besides the code.
 */
export async function runStage(
  p: BuildPaths,
  stage: StageName,
  inputFingerprint: string,
  work: (dir: string) => Promise<Record<string, number>>,
  opts: StageOptions = {},
): Promise<StageResult> {
  const dir = stageDir(p, stage);
  const fingerprint = sha256([stage, await codeFingerprint(), inputFingerprint].join('\n'));
  const previous = await readStageRecord(p, stage);
  if (!opts.force && previous?.fingerprint === fingerprint && (await outputsIntact(dir, previous))) {
    return { record: previous, skipped: true };
  }
  const tmp = `${dir}.tmp`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  let counts: Record<string, number>;
  opts.running?.();
  try {
    counts = await work(tmp);
  } catch (err) {
    // Never leave an older, passing result in place of a failed run; keep the failed output to inspect.
    await rm(dir, { recursive: true, force: true });
    await rm(`${dir}.failed`, { recursive: true, force: true });
    await rename(tmp, `${dir}.failed`);
    throw err;
  }
  const outputs: StageRecord['outputs'] = {};
  for (const f of await listFiles(tmp)) outputs[f] = await fileDigest(join(tmp, f));
  const record: StageRecord = { stage, fingerprint, outputs, counts };
  await writeFile(join(tmp, 'stage.json'), JSON.stringify(record, null, 2) + '\n');
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
  return { record, skipped: false };
}

/** The fingerprint a stage hands to the next: the checksums of its outputs. */
export function outputFingerprint(rec: StageRecord): string {
  return sha256(Object.entries(rec.outputs).map(([k, v]) => `${k}:${v.sha256}`).join('\n'));
}

/** Read the previous stage's record or explain how to produce it. */
export async function requireStage(p: BuildPaths, stage: StageName): Promise<StageRecord> {
  const rec = await readStageRecord(p, stage);
  if (!rec) throw new Error(`stage "${stage}" has not run into ${p.out} yet: run it first (make ${stage === 'clean' ? 'clean-text' : stage} OUT=${p.out})`);
  return rec;
}
