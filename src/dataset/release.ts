/**
 * Release: copy a verified version into a publishing folder (RELEASE/<version>/) and maintain
 * RELEASE/index.json, the list of released versions with every file's size, sha256, rows and URL
 * relative to the index (like GDELT's file list or OpenSanctions' index). Serve RELEASE from any
 * static web server (or a folder); `pull` reads it back.
 */
import { copyFile, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diffVersions } from './diff.ts';
import { exists, fileDigest } from '../util/files.ts';
import { verifyVersion } from './verify.ts';
import type { Manifest } from './version.ts';

export interface IndexFile {
  path: string;
  /** Relative to index.json. */
  url: string;
  sha256: string;
  bytes: number;
  rows?: number;
}

export interface IndexVersion {
  version: string;
  previous_version: string | null;
  created: string;
  fingerprint: string;
  code: Manifest['code'];
  counts: Record<string, number>;
  bytes: number;
  files: IndexFile[];
  /** What changed since the release before this one: counts per table and a readable CHANGES.md. */
  changes?: {
    since: string;
    url: string;
    sha256: string;
    bytes: number;
    tables: Record<string, { added: number; removed: number; changed: number; unchanged: number }>;
  };
}

export interface ReleaseIndex {
  dataset: string;
  latest: string | null;
  /** Newest first. */
  versions: IndexVersion[];
}

export const INDEX_FILE = 'index.json';

export async function readIndex(releaseDir: string): Promise<ReleaseIndex | null> {
  const path = join(releaseDir, INDEX_FILE);
  if (!(await exists(path))) return null;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ReleaseIndex;
  } catch (err) {
    throw new Error(`${path}: not valid JSON (${(err as Error).message}); fix or remove it`);
  }
}

/** Every file of a version, as the index lists it: data and documents from the manifest, then the manifest and SHA256SUMS. */
export async function versionFiles(dir: string, manifest: Manifest): Promise<IndexFile[]> {
  const files: IndexFile[] = [
    ...manifest.outputs.map((o) => ({ path: o.path, sha256: o.sha256, bytes: o.bytes, rows: o.rows })),
    ...(manifest.documents ?? []).map((d) => ({ path: d.path, sha256: d.sha256, bytes: d.bytes })),
  ]
    .sort((a, b) => (a.path < b.path ? -1 : 1))
    .map((f) => ({ ...f, url: `${manifest.version}/${f.path}` }));
  for (const path of ['SHA256SUMS', 'manifest.json']) files.push({ path, url: `${manifest.version}/${path}`, ...(await fileDigest(join(dir, path))) });
  return files;
}

/** Diff against the release before, kept as RELEASE/changes/<version>.md (outside the immutable version folder). */
async function changesSince(releaseDir: string, before: string, version: string): Promise<IndexVersion['changes']> {
  const work = await mkdtemp(join(releaseDir, '.diff-'));
  try {
    const d = await diffVersions(join(releaseDir, before), join(releaseDir, version), { outDir: work });
    await mkdir(join(releaseDir, 'changes'), { recursive: true });
    const rel = `changes/${version}.md`;
    await rename(join(work, 'CHANGES.md'), join(releaseDir, rel));
    const tables = Object.fromEntries(Object.entries(d.tables).map(([t, x]) => [t, { added: x.added, removed: x.removed, changed: x.changed, unchanged: x.unchanged }]));
    return { since: before, url: rel, ...(await fileDigest(join(releaseDir, rel))), tables };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export interface ReleaseResult {
  version: string;
  /** False when this version was already released (nothing copied; the index is rewritten the same). */
  added: boolean;
  dir: string;
  index: ReleaseIndex;
}

export async function release(versionDir: string, releaseDir: string): Promise<ReleaseResult> {
  const check = await verifyVersion(versionDir);
  if (!check.ok) throw new Error(`${versionDir} does not verify (${check.problems[0].file}: ${check.problems[0].reason}); refusing to release it`);
  const manifest = JSON.parse(await readFile(join(versionDir, 'manifest.json'), 'utf8')) as Manifest;
  const version = manifest.version;
  await mkdir(releaseDir, { recursive: true });
  const target = join(releaseDir, version);
  let added = false;
  if (await exists(target)) {
    const again = await verifyVersion(target);
    if (!again.ok) throw new Error(`${target} is already released but does not verify (${again.problems[0].file}: ${again.problems[0].reason})`);
  } else {
    const tmp = join(releaseDir, `.tmp-${version}-${process.pid}`);
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp);
    for (const f of await versionFiles(versionDir, manifest)) await copyFile(join(versionDir, f.path), join(tmp, f.path));
    await rename(tmp, target);
    added = true;
  }

  const files = await versionFiles(target, manifest);
  const old = await readIndex(releaseDir);
  const before = (old?.versions ?? []).map((x) => x.version).filter((x) => x < version).sort().pop() ?? null;
  const changes = before ? await changesSince(releaseDir, before, version) : undefined;
  const entry: IndexVersion = {
    version,
    previous_version: manifest.previous_version,
    created: manifest.created,
    fingerprint: manifest.fingerprint,
    code: manifest.code,
    counts: manifest.counts,
    bytes: files.reduce((n, f) => n + f.bytes, 0),
    files,
    ...(changes ? { changes } : {}),
  };
  const versions = [entry, ...(old?.versions ?? []).filter((v) => v.version !== version)].sort((a, b) => (a.version < b.version ? 1 : -1));
  const index: ReleaseIndex = { dataset: manifest.dataset, latest: versions[0]?.version ?? null, versions };
  const tmpIndex = join(releaseDir, `.${INDEX_FILE}.${process.pid}`);
  await writeFile(tmpIndex, JSON.stringify(index, null, 2) + '\n');
  await rename(tmpIndex, join(releaseDir, INDEX_FILE));
  return { version, added, dir: target, index };
}
