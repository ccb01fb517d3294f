#!/usr/bin/env node
/** newsledger command line: what `make` calls. Every command has --help. */
import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { basename, dirname, join, resolve } from 'node:path';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
// Start-up stays fast: only light modules are imported here; each command imports what it needs when
// it runs (the pipeline, DuckDB and Arrow writers, the models, the report's libraries).
import { buildPaths, DEFAULT_SETTINGS, NoInputError, requireArticles, type BuildSettings } from './dataset/stage.ts';
import { DEFAULT_LIMITS, type PullProgress } from './dataset/pull-limits.ts';
import { LockedError, withLock, withOutLock } from './dataset/lock.ts';
import { parseJobs } from './dataset/pool.ts';
import { DEFAULT_QUEUE, parseRedisUrl, RedisUnavailableError } from './cluster/protocol.ts';

// train-tagger's option defaults come from the tagger's modules: loaded only for that command.
const tagger =
  process.argv[2] === 'train-tagger'
    ? await Promise.all([import('./statements/tagger/model.ts'), import('./statements/tagger/polnear.ts'), import('./statements/tagger/train.ts')]).then(([m, p, t]) => ({ ...m, ...p, ...t }))
    : null;

const log = (line: string) => process.stderr.write(line + '\n');

/** A version given as a folder, or by name inside OUT. */
function versionDir(arg: string, out: string): string {
  if (existsSync(join(arg, 'manifest.json')) || arg.includes('/')) return arg;
  return existsSync(join(out, arg)) ? join(out, arg) : arg;
}

const waitOption = { type: 'boolean', default: false, describe: 'when another process is writing OUT, wait for it instead of exiting with code 75' } as const;

/** Which of the build options a command uses; the others are still accepted (make passes one set to every stage) but not listed in its --help. */
type Uses = { raw?: boolean; rejects?: boolean; scope?: boolean };
const ALL: Uses = { raw: true, rejects: true, scope: true };
/** What each stage reads: ingest reads RAW; extract applies the statement scope; package records every setting in the manifest. */
const STAGE_USES: Record<string, Uses> = { ingest: { raw: true, rejects: true }, clean: {}, segment: {}, extract: { scope: true }, validate: {} };

const io = (y: Argv, uses: Uses = ALL) =>
  y
    .option('raw', { type: 'string', default: 'raw', describe: 'folder of raw dumps to read', hidden: !uses.raw })
    .option('out', { type: 'string', default: 'out', describe: 'folder for stage files and versions' })
    .option('force', { type: 'boolean', default: false, describe: 'rerun even when inputs and code are unchanged (the article cache still answers unchanged articles; add --no-cache to redo them)' })
    .option('jobs', { type: 'number', describe: 'worker threads for clean, segment and extract [default: JOBS, else one per core]' })
    .option('cache', { type: 'boolean', default: true, describe: 'use and fill the article cache in OUT/.cache (--no-cache: redo every article)' })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress lines; one summary line per stage stays' })
    .option('wait', waitOption)
    .option('max-rejects-per-file', { type: 'number', default: DEFAULT_SETTINGS.max_rejects_per_file, describe: 'rejects listed one by one per input file; the rest become one summarising reject', hidden: !uses.rejects })
    .option('statement-scope', {
      choices: ['speech', 'attribution'] as const,
      default: DEFAULT_SETTINGS.statement_scope,
      describe: 'speech: statements proper; attribution: also positions and intentions attributed to someone (PolNeAR)',
      hidden: !uses.scope,
    })
    .option('home-country', {
      type: 'string',
      default: DEFAULT_SETTINGS.home_country,
      describe: "the country whose press the corpus is (ISO 3166 alpha-3, e.g. GBR): the country of 'the Home Secretary', 'parliament' in articles without a dateline",
      hidden: !uses.scope,
    });

/** The stages `newsledger <stage>` runs (pipeline/index.ts's STAGE_RUNNERS, whose modules load on use). */
const STAGE_NAMES = ['ingest', 'clean', 'segment', 'extract', 'validate'] as const;

const runOpts = (a: { force: boolean; jobs?: number; cache: boolean; quiet: boolean }) => ({
  force: a.force,
  jobs: a.jobs === undefined ? undefined : parseJobs(a.jobs),
  cache: a.cache,
  quiet: a.quiet,
});

/** An ISO 3166-1 alpha-3 code (the country list loads only when a code is given). */
const isAlpha3 = (code: string): boolean => /^[A-Z]{3}$/.test(code) && (createRequire(import.meta.url)('i18n-iso-countries') as { isValid: (c: string) => boolean }).isValid(code);

const pathsOf = (a: { raw: string; out: string; 'statement-scope': BuildSettings['statement_scope']; 'max-rejects-per-file': number; 'home-country'?: string }) => {
  const max = a['max-rejects-per-file'];
  if (!Number.isInteger(max) || max < 0) throw new Error(`--max-rejects-per-file must be a whole number of at least 0, not ${max}`);
  const home = (a['home-country'] ?? '').trim().toUpperCase();
  if (home && !isAlpha3(home)) throw new Error(`--home-country must be an ISO 3166-1 alpha-3 code such as GBR or USA, not ${JSON.stringify(a['home-country'])}`);
  return buildPaths(a.raw, a.out, { statement_scope: a['statement-scope'], max_rejects_per_file: max, home_country: home });
};

/** `newsledger --version`: the program's version, its commit and code fingerprint (not a dataset version). */
async function printVersion(): Promise<void> {
  const { codeVersion } = await import('../pipeline/6-package.ts');
  const c = await codeVersion();
  process.stdout.write(`newsledger ${c.package_version}${c.git_commit ? ` (commit ${c.git_commit.slice(0, 12)})` : ''} code ${c.fingerprint.replace('sha256:', '').slice(0, 12)}\n`);
}

async function main(): Promise<void> {
  // Before any command, --version is the program's; after release or pull it names a dataset version.
  const args = hideBin(process.argv);
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) return printVersion();
  let cli = yargs(hideBin(process.argv))
    .scriptName('newsledger')
    .version(false) // --version names a dataset version (verify, release, pull)
    .usage('$0 <command> [options]')
    .epilogue('newsledger --version prints the program\'s version (package, git commit, code fingerprint).')
    .command(
      'build',
      'run every stage and write a new version of the dataset into OUT',
      (y) =>
        io(y)
          .option('version-name', { type: 'string', describe: 'name the version folder (default: UTC time and data fingerprint)' })
          .option('redis', { type: 'string', describe: 'run clean, segment and extract on `newsledger worker` processes through this Redis (redis://HOST:PORT); --jobs is then theirs to choose' })
          .option('queue', { type: 'string', default: DEFAULT_QUEUE, describe: 'with --redis: the BullMQ queue (one build at a time per queue)' })
          .option('batch-size', { type: 'number', default: 32, describe: 'with --redis: articles per job' })
          .option('batches-in-flight', { type: 'number', default: 16, describe: 'with --redis: jobs queued or running at a time (at least twice the workers\' threads, or some wait)' })
          .option('idle-timeout', { type: 'number', default: 600, describe: 'with --redis: seconds without a result from any worker before the build stops' }),
      async (a) => {
        const t0 = performance.now();
        if (a.redis !== undefined) parseRedisUrl(a.redis);
        const batchSize = a['batch-size'];
        if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch-size must be a whole number of at least 1, not ${batchSize}`);
        const inFlight = a['batches-in-flight'];
        if (!Number.isInteger(inFlight) || inFlight < 1) throw new Error(`--batches-in-flight must be a whole number of at least 1, not ${inFlight}`);
        if (!(a['idle-timeout'] > 0)) throw new Error(`--idle-timeout must be a number of seconds above 0, not ${a['idle-timeout']}`);
        const remote = a.redis === undefined ? undefined : { redis: a.redis, queue: a.queue, batchSize, batchesInFlight: inFlight, idleTimeoutMs: a['idle-timeout'] * 1000 };
        const { build } = await import('../pipeline/index.ts');
        try {
          await build(pathsOf(a), { ...runOpts(a), name: a['version-name'], wait: a.wait, log, remote });
        } finally {
          // A connection BullMQ keeps retrying (Redis gone) must not keep a finished build alive.
          if (remote) setTimeout(() => process.exit(), 10_000).unref();
        }
        log(`built in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      },
    );
  for (const name of STAGE_NAMES) {
    cli = cli.command(name, `run the ${name} stage alone (reads the previous stage's output in OUT/.stages)`, (y) => io(y, STAGE_USES[name] ?? ALL), async (a) => {
      const { STAGE_RUNNERS } = await import('../pipeline/index.ts');
      const runStage = STAGE_RUNNERS.find(([n]) => n === name)![1];
      const r = await withOutLock(a.out, { wait: a.wait, command: name, log }, () => runStage(pathsOf(a), runOpts(a)));
      log(`${name}: ${r.skipped ? 'up to date' : 'done'}; ` + Object.entries(r.record.counts).map(([k, v]) => `${v} ${k}`).join(', '));
      if (name === 'ingest') requireArticles(a.raw, r.record.counts);
    });
  }
  cli = cli.command(
    'worker',
    'run clean, segment and extract for cluster builds (`newsledger build --redis`): takes jobs from a BullMQ queue until stopped (Ctrl-C, SIGTERM)',
    (y) =>
      y
        .option('redis', { type: 'string', demandOption: true, describe: 'the Redis the coordinator uses (redis://HOST:PORT)' })
        .option('queue', { type: 'string', default: DEFAULT_QUEUE, describe: 'the BullMQ queue to take jobs from' })
        .option('jobs', { type: 'number', describe: 'worker threads (articles at a time) [default: JOBS, else one per core]' })
        .epilogue('The worker needs a checkout of the same code as the coordinator (same commit, npm ci): a job of other code is refused, saying why. RAW and OUT stay with the coordinator.'),
    async (a) => {
      parseRedisUrl(a.redis);
      const { runWorker } = await import('./cluster/worker.ts');
      const w = await runWorker({ redis: a.redis, queue: a.queue, jobs: parseJobs(a.jobs), log });
      let signals = 0;
      const onSignal = (sig: string) => {
        if (++signals > 1) process.exit(130); // a second Ctrl-C: now (its jobs run again elsewhere)
        log(`worker: ${sig}: finishing the jobs in hand, then stopping (again to stop now)`);
        // Closing waits on Redis (to hand the jobs back done); with Redis gone it would wait for ever.
        setTimeout(() => {
          log('worker: could not finish and close within 90 s (is Redis reachable?); stopping now: its jobs run again elsewhere');
          process.exit(1);
        }, 90_000).unref();
        void w.stop();
      };
      process.on('SIGINT', () => onSignal('SIGINT'));
      process.on('SIGTERM', () => onSignal('SIGTERM'));
      await w.closed;
    },
  );
  cli = cli.command('package', 'write a version from the validated stage files', (y) => io(y).option('version-name', { type: 'string' }), async (a) => {
    const { packageStage } = await import('../pipeline/index.ts');
    const v = await withOutLock(a.out, { wait: a.wait, command: 'package', log }, () => packageStage.run(pathsOf(a), { name: a['version-name'], quiet: a.quiet }));
    log(v.created ? `version ${v.version} written to ${v.dir}` : `no new version: identical to ${v.version}`);
  });
  cli = cli.command(
    'verify [dir]',
    'check every checksum, byte size and row count of a version folder against its manifest',
    (y) =>
      y
        .positional('dir', { type: 'string', describe: 'version folder, or a version name in OUT (default: OUT/latest)' })
        .option('out', { type: 'string', default: 'out', describe: 'folder of versions' })
        .option('quiet', { type: 'boolean', default: false, describe: 'print only problems' }),
    async (a) => {
      // `latest` is resolved once, here: a build swapping it meanwhile cannot mix two versions' files.
      const named = a.dir ? versionDir(a.dir, a.out) : join(a.out, 'latest');
      const dir = existsSync(named) ? realpathSync(named) : named;
      const { verifyVersion } = await import('./dataset/verify.ts');
      const r = await verifyVersion(dir, { onFile: (path, problem) => (problem ? log(`FAILED  ${path}: ${problem}`) : a.quiet || log(`OK      ${path}`)) });
      if (!r.ok) throw new Error(`${dir} does not verify: first bad file ${r.problems[0].file} (${r.problems[0].reason})${r.problems.length > 1 ? `; ${r.problems.length} problems` : ''}`);
      log(`${dir}: all ${r.files.length} files verify`);
    },
  );
  cli = cli.command(
    'diff [a] [b]',
    'compare two versions keyed by ID: added, removed, changed and unchanged rows per table; writes delta.jsonl and CHANGES.md',
    (y) =>
      y
        .positional('a', { type: 'string', describe: 'old version folder (default: the previous version of b)' })
        .positional('b', { type: 'string', describe: 'new version folder (default: OUT/latest)' })
        .option('out', { type: 'string', default: 'out', describe: 'folder of versions, for the defaults' })
        .option('format', { choices: ['text', 'json'] as const, default: 'text' as const, describe: 'what to print on stdout' })
        .option('out-dir', { type: 'string', describe: 'where delta.jsonl, CHANGES.md and diff.json go (default: OUT/diffs/<a>..<b>)' })
        .option('examples', { type: 'number', default: 3, describe: 'examples per table and kind of change' }),
    async (a) => {
      const named = resolve(a.b ? versionDir(a.b, a.out) : join(a.out, 'latest'));
      const b = existsSync(named) ? realpathSync(named) : named; // resolved once: a swap of latest meanwhile changes nothing here
      if (!existsSync(join(b, 'manifest.json'))) throw new Error(`${b}: not a version folder (no manifest.json)${a.b ? '' : '; build first or name B'}`);
      let old = a.a ? versionDir(a.a, a.out) : undefined;
      if (!old) {
        const prev = (JSON.parse(await readFile(join(b, 'manifest.json'), 'utf8')) as { previous_version: string | null }).previous_version;
        if (!prev) throw new Error(`${b} has no previous version: name A`);
        old = join(dirname(realpathSync(b)), prev);
      }
      for (const d of [old, b]) if (!existsSync(join(d, 'manifest.json'))) throw new Error(`${d}: not a version folder (no manifest.json)`);
      const nameOf = (d: string) => basename(realpathSync(d));
      const outDir = a['out-dir'] ?? join(a.out, 'diffs', `${nameOf(old)}..${nameOf(b)}`);
      const { buildLines, changesMarkdown, codeLine, diffJson, diffVersions } = await import('./dataset/diff.ts');
      const r = await diffVersions(resolve(old), b, { outDir, examples: a.examples });
      if (a.format === 'json') process.stdout.write(JSON.stringify(diffJson(r), null, 2) + '\n');
      else process.stdout.write(changesMarkdown(r));
      log(codeLine(r));
      for (const l of buildLines(r)) log(l);
      log(`delta.jsonl, CHANGES.md and diff.json written to ${outDir}`);
    },
  );
  cli = cli.command(
    'report [version]',
    'make report.html again for a version (a version folder is immutable: a page that differs from the listed one goes to OUT/reports/)',
    (y) =>
      y
        .positional('version', { type: 'string', describe: 'version folder, or a version name in OUT (default: OUT/latest)' })
        .option('out', { type: 'string', default: 'out', describe: 'folder of versions' })
        .option('output', { type: 'string', describe: 'write the page here (default: into the version when it matches its manifest, else OUT/reports/<version>.html)' })
        .option('wait', waitOption),
    async (a) => {
      const dir = a.version ? versionDir(a.version, a.out) : join(a.out, 'latest');
      if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}: not a version folder (no manifest.json)${a.version ? '' : '; build first or name VERSION'}`);
      // It may write into OUT (a restored page, OUT/reports/): a writer like any other, so it takes OUT's lock.
      const { rebuildReport } = await import('./report/index.ts');
      const r = await withOutLock(a.out, { wait: a.wait, command: 'report', log }, () => rebuildReport(realpathSync(dir), { output: a.output, reportsDir: join(a.out, 'reports') }));
      log(r.written ? `${r.written} (${r.bytes} bytes): ${r.note}` : `${join(dir, 'report.html')} (${r.bytes} bytes): ${r.note}`);
    },
  );
  cli = cli.command(
    'release',
    'copy a verified version into the release folder and update its index.json',
    (y) =>
      y
        .option('out', { type: 'string', default: 'out', describe: 'folder of versions' })
        .option('version', { type: 'string', describe: 'version folder name or path (default: OUT/latest)' })
        .option('release-dir', { type: 'string', describe: 'publishing folder (default: OUT/release)' })
        .option('wait', waitOption),
    async (a) => {
      const v = a.version ? versionDir(a.version, a.out) : join(a.out, 'latest');
      const dir = a['release-dir'] ?? join(a.out, 'release');
      const { release } = await import('./dataset/release.ts');
      const r = await withLock(dir, { wait: a.wait, command: 'release', log }, () => release(realpathSync(v), dir));
      log(r.added ? `released ${r.version} into ${r.dir}` : `${r.version} was already released; index checked`);
      log(`${join(dir, 'index.json')}: ${r.index.versions.length} version(s), latest ${r.index.latest}`);
    },
  );
  cli = cli.command(
    'pull <base>',
    'download a released version (http, https or a folder holding index.json), resuming and verifying every file',
    (y) =>
      y
        .positional('base', { type: 'string', demandOption: true, describe: 'URL or folder of the release (where index.json is)' })
        .option('out', { type: 'string', default: 'out', describe: 'folder to put the version in' })
        .option('version', { type: 'string', describe: 'version to pull (default: the index\'s latest)' })
        .option('attempts', { type: 'number', default: 5, describe: 'tries per file; each resumes where the last stopped' })
        .option('deadline', { type: 'number', default: DEFAULT_LIMITS.deadlineMs / 1000, describe: 'seconds the whole pull may take' })
        .option('idle-timeout', { type: 'number', default: DEFAULT_LIMITS.idleTimeoutMs / 1000, describe: 'seconds of silence from the server before a try is given up' })
        .option('connect-timeout', { type: 'number', default: DEFAULT_LIMITS.connectTimeoutMs / 1000, describe: 'seconds to connect to the server' })
        .option('index-max-bytes', { type: 'number', default: DEFAULT_LIMITS.indexMaxBytes, describe: 'largest index.json accepted' })
        .option('allow-other-hosts', { type: 'boolean', default: false, describe: 'follow index URLs and redirects to hosts other than the release\'s' })
        .option('wait', waitOption),
    async (a) => {
      const limits = { deadlineMs: a.deadline * 1000, idleTimeoutMs: a['idle-timeout'] * 1000, connectTimeoutMs: a['connect-timeout'] * 1000, indexMaxBytes: a['index-max-bytes'], allowOtherHosts: a['allow-other-hosts'] };
      const { pull } = await import('./dataset/pull.ts');
      const r = await withOutLock(a.out, { wait: a.wait, command: 'pull', log }, () => pull(a.base!, a.out, { version: a.version, attempts: a.attempts, log, progress: progressPrinter(), limits }));
      log(`${r.version}: ${r.fetched.length} file(s) fetched${r.resumed.length ? `, ${r.resumed.length} resumed` : ''}${r.restarted.length ? `, ${r.restarted.length} downloaded again from the start (the server ignored the Range request)` : ''}; verified into ${r.dir}`);
    },
  );
  cli = cli.command(
    'train-tagger <polnear>',
    'train the statements tagger on a PolNeAR split (text/ and attributions/ folders) and write its model file',
    (y) =>
      y
        .positional('polnear', { type: 'string', demandOption: true, describe: 'PolNeAR split folder, e.g. ../shared/eval/polnear/train' })
        .option('model', { type: 'string', default: tagger?.MODEL_PATH, describe: 'model file to write (.tsv.gz)' })
        .option('epochs', { type: 'number', default: tagger?.DEFAULT_TRAIN.epochs, describe: 'passes over the training data' })
        .option('min-weight', { type: 'number', default: tagger?.DEFAULT_TRAIN.minWeight, describe: 'leave out features whose weights all stay below this (a smaller, faster model)' }),
    async (a) => {
      const t0 = performance.now();
      const { readPolnear, train, DEFAULT_TRAIN } = tagger!;
      const articles = readPolnear(a.polnear!, (m) => log(`warning: ${m}`));
      if (!articles.length) throw new Error(`${a.polnear}: no annotated articles (expected text/*.txt and attributions/*.ann)`);
      log(`${articles.length} annotated articles from ${a.polnear}`);
      const model = train(articles, { ...DEFAULT_TRAIN, epochs: a.epochs!, minWeight: a['min-weight']!, log });
      await writeFile(a.model!, gzipSync(model.serialize(), { level: 9 }));
      log(`wrote ${a.model} (${model.table.size} features) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    },
  );
  // --- nlp: parse, eval-nlp, train-nlp (modules loaded on use, so other commands never load the models) ---
  cli = cli.command(
    'parse [file]',
    'tag, parse and find entities: plain text or CoNLL-U in, CoNLL-U on stdout',
    (y) =>
      y
        .positional('file', { type: 'string', describe: 'plain text file ("-" for stdin): normalised and split into paragraphs as the clean stage does (blank lines; hard-wrapped lines joined), then sentences and tokens as the segment stage finds them' })
        .option('conllu', { type: 'string', describe: 'read this CoNLL-U file instead ("-" for stdin), keeping its sentences, tokens and comments' })
        .check((a) => {
          const { file, conllu } = parseInputs(a);
          if (file === undefined && conllu === undefined) throw new Error('name a text file, or a CoNLL-U file with --conllu');
          if (file !== undefined && conllu !== undefined) throw new Error('name either a text file or --conllu FILE, not both');
          return true;
        })
        .epilogue(
          'Output columns: UPOS (4), HEAD (7: 1-based, 0 for the root), DEPREL (8: universal relations) and MISC (10) with the ' +
            'entity tag NER=B-PERSON, I-PERSON, B-ORGANIZATION, ..., B-PLACE, ... or O. LEMMA, XPOS, FEATS and DEPS are "_" ' +
            '(nothing of the input\'s annotation passes as a prediction). From CoNLL-U: comments, multiword-token ranges (1-2) ' +
            'and empty nodes (1.1) pass through untouched, and MISC keeps its other items (a previous NER= is replaced). From ' +
            'text: comments # newdoc id, # newpar id, # sent_id and # text, and SpaceAfter=No in MISC where no space follows a token.',
        ),
    async (a) => {
      const { parseCommand } = await import('./nlp/parse-command.ts');
      const t0 = performance.now();
      const { file, conllu } = parseInputs(a);
      const r = await parseCommand((conllu ?? file)!, { conllu: conllu !== undefined, out: process.stdout });
      log(`parse: ${r.sentences} sentences, ${r.words} words in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
    },
  );
  cli = cli.command(
    'eval-nlp',
    'score the tagger, parser and entity tagger on UD English (EWT and GUM) from gold tokens: UPOS, UAS, LAS, entity P/R/F1',
    (y) =>
      y
        .option('ud', { type: 'string', default: '../shared/corpora/ud-english', describe: 'folder holding ewt/ and gum/' })
        .option('split', { choices: ['test', 'dev'] as const, default: 'test' as const, describe: 'which split to score' })
        .epilogue('UAS and LAS count every word, punctuation included (CoNLL 2018); LAS compares universal relations (before ":"). Entities: exact spans of PERSON, ORGANIZATION and PLACE against GUM\'s annotation. tokens/s times the models alone.'),
    async (a) => {
      const [{ evaluateUd, evalTable }, { loadAnalyser }, { goldEntityTags }] = await Promise.all([
        import('./nlp/evaluate.ts'),
        import('./nlp/parse-command.ts'),
        import('./nlp/entities.ts'),
      ]);
      const rows = await evaluateUd(a.ud, a.split, await loadAnalyser(), goldEntityTags, log);
      process.stdout.write(evalTable(rows));
    },
  );
  cli = cli.command(
    'train-nlp',
    'train the tagger, parser and entity tagger on UD English and write src/nlp/models/*.bin.gz',
    (y) => y.option('ud', { type: 'string', default: '../shared/corpora/ud-english', describe: 'folder holding ewt/ and gum/' }),
    async (a) => {
      const { trainNlp } = await import('./nlp/train.ts');
      const t0 = performance.now();
      await trainNlp(a.ud, { log });
      log(`train-nlp: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    },
  );
  // --- end nlp ---
  // --- events dictionaries: import-dictionaries (module loaded on use) ---
  cli = cli.command(
    'import-dictionaries',
    'import CAMEO-format dictionaries (PETRARCH2 / Phoenix actors, agents, verb patterns, discards) into src/events/dictionaries/imported/*.tsv, codes mapped to ISO3, sectors and PLOVER',
    (y) =>
      y
        .option('from', { type: 'string', describe: 'folder of CAMEO-format dictionaries, files named like PETRARCH2\'s: *.actors.txt (all of them), *agents*.txt, *verbpatterns*.txt or *.verbs*.txt, *discards*.txt; ORIGIN.commit and LICENSE there are cited in the headers [default: ../shared/reference/petrarch2-dictionaries, unless files are named]' })
        .option('actors', { type: 'string', array: true, describe: 'actor dictionary files (instead of the folder\'s *.actors.txt)' })
        .option('agents', { type: 'string', describe: 'agent dictionary file' })
        .option('verbs', { type: 'string', describe: 'verb pattern dictionary file' })
        .option('discards', { type: 'string', describe: 'discard list file' })
        .option('plover', { type: 'string', default: '../shared/reference/CAMEO2PLOVER-2021.txt', describe: 'CAMEO to PLOVER table' })
        .option('out', { type: 'string', describe: 'folder to write actors.tsv, agents.tsv, codes.tsv, verbs.tsv, verb-patterns.tsv, verb-synsets.tsv, discards.tsv [default: src/events/dictionaries/imported]' })
        .option('strict', { type: 'boolean', default: false, describe: 'stop at the first malformed line (default: skip it and list it in the summary)' })
        .epilogue(
          'Each file\'s header comment gives its columns, its sources, their commit and licence. Our hand-made src/events/dictionaries/actors.tsv ' +
            'and offices.tsv override imported entries with the same name or alias (src/events/import/load.ts, mergeActors). ' +
            'Only the kinds of dictionary given are rewritten (--verbs alone leaves actors.tsv as it is). ' +
            'Output is sorted and undated: the same input gives the same bytes. Files over 3 MB are written gzipped (.tsv.gz).',
        ),
    async (a) => {
      const { importDictionaries, summaryText } = await import('./events/import/write.ts');
      const s = importDictionaries({ from: a.from, actors: a.actors, agents: a.agents, verbs: a.verbs, discards: a.discards, plover: a.plover, out: a.out, strict: a.strict });
      process.stdout.write(summaryText(s));
    },
  );
  // --- end events dictionaries ---
  await cli.demandCommand(1, 'name a command (see --help)').strict().help().fail((msg, err) => {
    throw err ?? new Error(msg);
  }).parseAsync();
}

/**
 * yargs reads "-" (standard input) as an empty string, and then also fills the [file] positional with one:
 * an empty value here is "-", and a file beside --conllu that is empty is that artefact.
 */
function parseInputs(a: { file?: string; conllu?: string }): { file?: string; conllu?: string } {
  const conllu = a.conllu === '' ? '-' : a.conllu;
  const file = a.file === '' ? (conllu === undefined ? '-' : undefined) : a.file;
  return { file, conllu };
}

/** One line per file on a pipe; a live line on a terminal. */
function progressPrinter(): (p: PullProgress) => void {
  const tty = process.stderr.isTTY;
  let last = { file: '', step: -1 };
  return ({ file, done, total }) => {
    const pct = total ? Math.floor((100 * done) / total) : 100;
    const step = tty ? pct : Math.floor(pct / 25);
    if (file === last.file && step === last.step) return;
    last = { file, step };
    const line = `${file}  ${(done / 1e6).toFixed(2)} / ${(total / 1e6).toFixed(2)} MB  ${pct}%`;
    if (tty) process.stderr.write(`\r${line}\x1b[K${done >= total ? '\n' : ''}`);
    else if (step > 0 || done >= total) log(line);
  };
}

main().catch(async (err: unknown) => {
  const { ValidationError } = await import('../pipeline/5-validate.ts');
  if (err instanceof ValidationError) log(err.message);
  else log(`newsledger: ${(err as Error)?.message ?? String(err)}`);
  process.exitCode = err instanceof LockedError || err instanceof NoInputError || err instanceof RedisUnavailableError ? err.exitCode : 1;
});
