/** The RAW folder itself: linked corpora, link loops, dangling links, a missing folder. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, rm, symlink, writeFile, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listFiles } from '../src/util/files.ts';
import { run as ingest } from '../pipeline/1-ingest.ts';
import { buildPaths, stageDir } from '../src/dataset/stage.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-raw-'));
  await mkdir(join(dir, 'corpus/sub'), { recursive: true });
  await writeFile(join(dir, 'corpus/sub/a.txt'), 'Headline\n\nThe minister said the talks would go on.\n');
  await mkdir(join(dir, 'raw'));
  await writeFile(join(dir, 'raw/own.txt'), 'Own story\n\nThe army said it left the base.\n');
  await symlink(join(dir, 'corpus'), join(dir, 'raw/linked'));
  await symlink(join(dir, 'raw'), join(dir, 'corpus/sub/loop'));
  await symlink(join(dir, 'nowhere.txt'), join(dir, 'raw/dangling.txt'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('RAW folder', () => {
  it('follows links to files and folders, stops at loops, lists dangling links', async () => {
    expect(await listFiles(join(dir, 'raw'))).toEqual(['dangling.txt', 'linked/sub/a.txt', 'own.txt']);
  });
  it('turns an unreadable file into a reject and reads the rest', async () => {
    const p = buildPaths(join(dir, 'raw'), join(dir, 'out'));
    const r = await ingest(p);
    expect(r.record.counts).toMatchObject({ files: 3, articles: 2, rejects: 1 });
    const rejects = (await readFile(join(stageDir(p, 'ingest'), 'rejects.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(rejects).toEqual([expect.objectContaining({ source_file: 'dangling.txt', reason: 'cannot read file (ENOENT)' })]);
  });
  it('says clearly when RAW does not exist', async () => {
    await expect(ingest(buildPaths(join(dir, 'missing'), join(dir, 'out2')))).rejects.toThrow(/RAW folder .*missing does not exist/);
  });
});
