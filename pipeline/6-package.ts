/** Stage 6, package: write the validated tables as a new immutable version (CSV, JSONL, Arrow, Parquet, CODEBOOK.md, datapackage.json, SHA256SUMS, manifest). */
import { readFile, readlink, rename, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../src/util/jsonl.ts';
import { tableRows } from '../src/dataset/sources.ts';
import type { WriteResult, Manifest } from '../src/dataset/version.ts';
import { codeFingerprint, dictionaryDigests, outputFingerprint, readStageRecord, stageDir, type BuildPaths } from '../src/dataset/stage.ts';
import { exists } from '../src/util/files.ts';
import { sha256 } from '../src/util/ids.ts';
import { run as validate } from './5-validate.ts';
import type { WorkerPool } from '../src/dataset/pool.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function codeVersion(): Promise<Manifest['code']> {
  const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim() || null;
  } catch {
    commit = null; // not a git checkout: the code fingerprint still identifies the code
  }
  return { package_version: pkg.version, fingerprint: `sha256:${await codeFingerprint()}`, git_commit: commit };
}

/**
 * What decides the version's files: the code, the settings and the stage outputs package reads. When
 * it equals the key recorded for OUT/latest, the version would be identical: package answers from
 * the record without writing every format again (a no-op rebuild costs no pass over the data).
 */
async function packageKey(p: BuildPaths): Promise<string> {
  const records = await Promise.all((['ingest', 'clean', 'segment', 'extract', 'validate'] as const).map((s) => readStageRecord(p, s)));
  return sha256([await codeFingerprint(), JSON.stringify(p.settings), ...records.map((r) => (r ? outputFingerprint(r) : '-'))].join('\n'));
}

const packageRecordPath = (p: BuildPaths) => join(p.stages, 'package.json');

/**
 * The largest table, written on a worker thread when the build has them while this thread writes the
 * others (reuters21578: statements 44 MB of JSONL, the other three 30 MB together).
 */
const WRITTEN_ON_A_WORKER = ['statements'] as const;

export interface PackageOptions {
  name?: string;
  quiet?: boolean;
  validating?: Promise<unknown>;
  /** the build's worker threads (see WRITTEN_ON_A_WORKER) */
  pool?: WorkerPool<unknown, unknown>;
}

/**
 * `validating`: the validate stage, running meanwhile on a worker thread (pipeline/index.ts). The files
 * are then written while it runs, and put in place only once it passed: a validation that fails leaves
 * no version. (Without it, package validates first; when validation is running the stage files are new,
 * so there is no early answer from the record to give.)
 */
export async function run(p: BuildPaths, opts: PackageOptions = {}): Promise<WriteResult> {
  const validating = opts.validating;
  validating?.catch(() => {}); // awaited before the version is put in place, after the writing
  if (!validating) {
    await validate(p); // no-op when the validation on record is current; throws when it fails
    const key = await packageKey(p);
    const rec = (await readFile(packageRecordPath(p), 'utf8').then((t) => JSON.parse(t) as { key: string; version: string }).catch(() => null));
    const latest = await readlink(join(p.out, 'latest')).catch(() => null); // version.ts's latestVersion, without loading the writers
    if (rec && latest && rec.key === key && latest === rec.version && (await exists(join(p.out, latest, 'SHA256SUMS')))) {
      const manifest = JSON.parse(await readFile(join(p.out, latest, 'manifest.json'), 'utf8')) as Manifest;
      return { created: false, version: latest, dir: join(p.out, latest), manifest };
    }
  }
  const result = await write(p, { ...opts, beforeCommit: validating && (async () => void (await validating)) });
  const key = await packageKey(p); // after validation: its record is part of the key
  await writeFile(`${packageRecordPath(p)}.tmp`, JSON.stringify({ key, version: result.version }) + '\n');
  await rename(`${packageRecordPath(p)}.tmp`, packageRecordPath(p));
  return result;
}

async function write(p: BuildPaths, opts: PackageOptions & { beforeCommit?: () => Promise<void> }): Promise<WriteResult> {
  const pool = opts.pool;
  const { writeVersion } = await import('../src/dataset/version.ts');
  const inputs: Manifest['inputs'] = [];
  for await (const i of readJsonl<Manifest['inputs'][number]>(join(stageDir(p, 'ingest'), 'inputs.jsonl'))) inputs.push(i);
  const ingest = await readStageRecord(p, 'ingest');
  return writeVersion(p.out, {
    rows: tableRows(p),
    elsewhere: pool
      ? Object.fromEntries(WRITTEN_ON_A_WORKER.map((table) => [table, (tmp: string, rowsTmp: string) => pool.run({ task: 'package-table', paths: p, table, tmp, rowsTmp }) as Promise<{ rows: number; figures: unknown }>]))
      : undefined,
    inputs,
    counts: { input_files: ingest?.counts.files ?? inputs.length, records_in: ingest?.counts.records ?? 0 },
    code: await codeVersion(),
    settings: Object.fromEntries(Object.entries(p.settings).map(([k, v]) => [k, String(v)])),
    dictionaries: await dictionaryDigests(),
  }, { name: opts.name, quiet: opts.quiet, beforeCommit: opts.beforeCommit });
}
