/** Stage 6, package: write the validated tables as a new immutable version (CSV, JSONL, Arrow, Parquet, CODEBOOK.md, datapackage.json, SHA256SUMS, manifest). */
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readJsonl } from '../src/util/jsonl.ts';
import { tableRows } from '../src/dataset/sources.ts';
import { writeVersion, type WriteResult, type Manifest } from '../src/dataset/version.ts';
import { codeFingerprint, dictionaryDigests, readStageRecord, stageDir, type BuildPaths } from '../src/dataset/stage.ts';
import { run as validate } from './5-validate.ts';

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

export async function run(p: BuildPaths, opts: { name?: string } = {}): Promise<WriteResult> {
  await validate(p); // no-op when the validation on record is current; throws when it fails
  const inputs: Manifest['inputs'] = [];
  for await (const i of readJsonl<Manifest['inputs'][number]>(join(stageDir(p, 'ingest'), 'inputs.jsonl'))) inputs.push(i);
  const ingest = await readStageRecord(p, 'ingest');
  return writeVersion(p.out, {
    rows: tableRows(p),
    inputs,
    counts: { input_files: ingest?.counts.files ?? inputs.length, records_in: ingest?.counts.records ?? 0 },
    code: await codeVersion(),
    settings: Object.fromEntries(Object.entries(p.settings).map(([k, v]) => [k, String(v)])),
    dictionaries: await dictionaryDigests(),
  }, { name: opts.name });
}
