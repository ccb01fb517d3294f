/**
 * The benchmark corpus, shared by every bench script: BENCH_RAW if set, else
 * ../shared/corpora/bbc-news-2225 when present, else the samples in raw/ copied 400 times
 * (a varying first line keeps their IDs and duplicate checks honest) into `work`.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

export async function benchCorpus(work: string): Promise<{ dir: string; name: string }> {
  if (process.env.BENCH_RAW) return { dir: resolve(process.env.BENCH_RAW), name: process.env.BENCH_RAW };
  const bbc = resolve('..', 'shared', 'corpora', 'bbc-news-2225');
  if (existsSync(bbc)) return { dir: bbc, name: 'bbc-news-2225' };
  const dir = join(work, 'raw');
  await mkdir(dir, { recursive: true });
  const samples = (await readdir('raw')).filter((f) => f.endsWith('.txt'));
  for (let i = 0; i < 400; i++)
    for (const f of samples) await writeFile(join(dir, `${i}-${f}`), `Copy ${i} of the sample\n\n` + (await readFile(join('raw', f), 'utf8')));
  return { dir, name: 'raw/ samples x400' };
}
