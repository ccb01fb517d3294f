/**
 * Time-zone independence (issue 17 #5): the same fixtures built by real processes under several TZ
 * values give byte-identical data files and documents. "last night" in a story published 1987-02-26 is the 25th
 * everywhere (it was the 26th under TZ=Pacific/Honolulu).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSums } from '../src/dataset/version.ts';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');
const ZONES = ['UTC', 'Pacific/Honolulu', 'Pacific/Kiritimati'];
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-tz-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('time zones', () => {
  it('builds the same data under every TZ', async () => {
    const outs = ZONES.map((tz) => join(dir, tz.replace('/', '_')));
    await Promise.all(
      ZONES.map((tz, i) =>
        run(join(ROOT, 'bin/newsledger'), ['build', '--raw', join(ROOT, 'test/fixtures/tz'), '--out', outs[i], '--version-name', 'v'], { env: { ...process.env, TZ: tz } }),
      ),
    );
    const sums = await Promise.all(outs.map((o) => readFile(join(o, 'v', 'SHA256SUMS'), 'utf8')));
    expect(contentSums(sums[0]).trimEnd().split('\n')).toHaveLength(19); // 16 data files, CODEBOOK.md, datapackage.json, report.html
    for (let i = 1; i < sums.length; i++) expect({ tz: ZONES[i], sums: contentSums(sums[i]) }).toEqual({ tz: ZONES[i], sums: contentSums(sums[0]) });
    const events = (await readFile(join(outs[1], 'v', 'events.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    const shelled = events.find((e) => e.trigger === 'shelled');
    expect(shelled?.date).toBe('1987-02-25');
  });
});
