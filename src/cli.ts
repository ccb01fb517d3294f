#!/usr/bin/env node
/** newsledger command line: what `make` calls. Every command has --help. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildPaths } from './dataset/stage.ts';
import { build, packageStage, STAGE_RUNNERS } from '../pipeline/index.ts';
import { ValidationError } from '../pipeline/5-validate.ts';

const log = (line: string) => process.stderr.write(line + '\n');

const io = (y: Argv) =>
  y
    .option('raw', { type: 'string', default: 'raw', describe: 'folder of raw dumps to read' })
    .option('out', { type: 'string', default: 'out', describe: 'folder for stage files and versions' })
    .option('force', { type: 'boolean', default: false, describe: 'rerun even when inputs and code are unchanged' });

async function main(): Promise<void> {
  let cli = yargs(hideBin(process.argv))
    .scriptName('newsledger')
    .usage('$0 <command> [options]')
    .command(
      'build',
      'run every stage and write a new version of the dataset into OUT',
      (y) => io(y).option('version-name', { type: 'string', describe: 'name the version folder (default: UTC time and data fingerprint)' }),
      async (a) => {
        const t0 = performance.now();
        await build(buildPaths(a.raw, a.out), { force: a.force, name: a['version-name'], log });
        log(`built in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      },
    );
  for (const [name, runStage] of STAGE_RUNNERS) {
    cli = cli.command(name, `run the ${name} stage alone (reads the previous stage's output in OUT/.stages)`, io, async (a) => {
      const r = await runStage(buildPaths(a.raw, a.out), { force: a.force });
      log(`${name}: ${r.skipped ? 'up to date' : 'done'}; ` + Object.entries(r.record.counts).map(([k, v]) => `${v} ${k}`).join(', '));
    });
  }
  cli = cli.command('package', 'write a version from the validated stage files', (y) => io(y).option('version-name', { type: 'string' }), async (a) => {
    const v = await packageStage.run(buildPaths(a.raw, a.out), { name: a['version-name'] });
    log(v.created ? `version ${v.version} written to ${v.dir}` : `no new version: identical to ${v.version}`);
  });
  await cli.demandCommand(1, 'name a command (see --help)').strict().help().fail((msg, err) => {
    throw err ?? new Error(msg);
  }).parseAsync();
}

main().catch((err: unknown) => {
  if (err instanceof ValidationError) log(err.message);
  else log(`newsledger: ${(err as Error)?.message ?? String(err)}`);
  process.exitCode = 1;
});
