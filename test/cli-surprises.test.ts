/** Issue 18 #6: the command line and make say what they do, and nothing more on stdout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from '../pipeline/index.ts';
import { buildPaths } from '../src/dataset/stage.ts';

const ROOT = join(__dirname, '..');
const CLI = join(ROOT, 'bin/newsledger');
const run = (args: string[], cwd = ROOT) => spawnSync(CLI, args, { encoding: 'utf8', cwd });
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'newsledger-cli18-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('CLI', () => {
  it('--version prints the program version', () => {
    const r = run(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^newsledger \d+\.\d+\.\d+/);
  });
  it('warns and exits 2 for a RAW folder with no readable input, and writes no version', async () => {
    await mkdir(join(dir, 'empty'));
    await mkdir(join(dir, 'bad'));
    await writeFile(join(dir, 'bad', 'blank.txt'), '  \n');
    for (const raw of ['empty', 'bad']) {
      const out = join(dir, `out-${raw}`);
      const r = run(['build', '--raw', join(dir, raw), '--out', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`warning: RAW folder ${join(dir, raw)} has no readable input`);
      expect((await readdir(out)).filter((f) => !f.startsWith('.'))).toEqual([]);
    }
  });
  it('lists in each stage\'s --help only the options that stage uses (the others are still accepted)', () => {
    const help = (cmd: string) => run([cmd, '--help']).stdout;
    expect(help('clean')).not.toMatch(/--raw|--statement-scope|--max-rejects-per-file/);
    const ingest = help('ingest');
    expect(ingest).toMatch(/--raw[\s\S]*--max-rejects-per-file/);
    expect(ingest).not.toContain('--statement-scope');
    const extract = help('extract');
    expect(extract).toContain('--statement-scope');
    expect(extract).toContain('--home-country');
    expect(extract).not.toContain('--raw');
  });
  it('refuses a --home-country that is no ISO 3166 alpha-3 code, naming it', () => {
    const r = run(['extract', '--out', join(dir, 'out-home'), '--home-country', 'UK']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--home-country must be an ISO 3166-1 alpha-3 code such as GBR or USA, not "UK"');
  });
});

describe('make', () => {
  it('make diff FORMAT=json prints JSON only, without make -s', async () => {
    const raw = join(dir, 'raw');
    await mkdir(raw);
    const out = join(dir, 'out');
    await writeFile(join(raw, 'a.txt'), 'Talks go on\n\nThe minister said the talks would go on.\n');
    await build(buildPaths(raw, out));
    await writeFile(join(raw, 'b.txt'), 'Army leaves\n\nThe army said it would withdraw from the town.\n');
    await build(buildPaths(raw, out));
    const r = spawnSync('make', ['--no-print-directory', 'diff', 'FORMAT=json', `OUT=${out}`], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).articles).toMatchObject({ added: 1 });
  }, 60_000);
});
