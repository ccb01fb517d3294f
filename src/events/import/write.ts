/**
 * The importer's file side: finds the CAMEO-format dictionaries (a folder named like PETRARCH2's, or
 * explicit files), runs buildImport, writes the .tsv files (gzipped when over 3 MB) and returns a summary.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { buildImport, type ImportResult, type SourceText } from './build.ts';

export const IMPORTED_DIR = fileURLToPath(new URL('../dictionaries/imported/', import.meta.url));
export const DEFAULT_FROM = '../shared/reference/petrarch2-dictionaries';
export const DEFAULT_PLOVER = '../shared/reference/CAMEO2PLOVER-2021.txt';
const GZIP_OVER = 1_000_000; // bytes: larger dictionary files ship gzipped (readable with zcat; the loader reads both)

export interface ImportOptions {
  /** Folder of CAMEO-format dictionaries: *.actors.txt, *agents*.txt, *verbpatterns*.txt or *.verbs.txt, *discards*.txt. */
  from?: string;
  /** Explicit files (override what --from finds). */
  actors?: string[];
  agents?: string;
  verbs?: string;
  discards?: string;
  plover?: string;
  out?: string;
  strict?: boolean;
}

export interface ImportSummary extends ImportResult {
  written: string[];
  ms: number;
}

function find(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(dir)
    .filter((f) => test(f))
    .sort()
    .map((f) => join(dir, f));
}

const read = (path: string): SourceText => ({ file: basename(path), text: readFileSync(path, 'utf8') });

export function importDictionaries(opts: ImportOptions): ImportSummary {
  const t0 = performance.now();
  const from = opts.from ?? (opts.actors || opts.agents || opts.verbs || opts.discards ? undefined : DEFAULT_FROM);
  if (from && !existsSync(from)) throw new Error(`import-dictionaries: no folder ${from}`);
  const inDir = (test: (f: string) => boolean) => (from ? find(from, test) : []);
  const actors = opts.actors ?? inDir((f) => /\.actors?\.txt$/i.test(f));
  const agents = opts.agents ?? inDir((f) => /agents.*\.txt$/i.test(f))[0];
  const verbs = opts.verbs ?? inDir((f) => /(verbpatterns|\.verbs).*\.txt$/i.test(f))[0];
  const discards = opts.discards ?? inDir((f) => /discards.*\.txt$/i.test(f))[0];
  const plover = opts.plover ?? DEFAULT_PLOVER;
  if (!actors.length && !agents && !verbs && !discards) throw new Error(`import-dictionaries: no dictionaries found${from ? ` in ${from}` : ''}`);
  for (const f of [...actors, agents, verbs, discards, plover]) if (f && !existsSync(f)) throw new Error(`import-dictionaries: no file ${f}`);

  const originFile = from ? join(from, 'ORIGIN.commit') : '';
  const licenceFile = from ? join(from, 'LICENSE') : '';
  const origin =
    originFile && existsSync(originFile)
      ? `${readFileSync(originFile, 'utf8').trim()}; CAMEO to PLOVER: ${basename(plover)}`
      : `user dictionaries${from ? ` in ${basename(from)}` : ''}; CAMEO to PLOVER: ${basename(plover)}`;
  const licence = licenceFile && existsSync(licenceFile) ? readFileSync(licenceFile, 'utf8') : '';

  const result = buildImport(
    {
      actors: actors.map(read),
      agents: agents ? read(agents) : undefined,
      verbs: verbs ? read(verbs) : undefined,
      discards: discards ? read(discards) : undefined,
      plover: read(plover),
      origin,
      licence,
    },
    { strict: opts.strict },
  );

  const out = opts.out ?? IMPORTED_DIR;
  mkdirSync(out, { recursive: true });
  const written: string[] = [];
  for (const [name, text] of result.files) {
    const buf = Buffer.from(text, 'utf8');
    const plain = join(out, name);
    const gz = plain + '.gz';
    if (buf.length > GZIP_OVER) {
      writeFileSync(gz, gzipSync(buf, { level: 9 }));
      rmSync(plain, { force: true });
      written.push(gz);
    } else {
      writeFileSync(plain, buf);
      rmSync(gz, { force: true });
      written.push(plain);
    }
  }
  return { ...result, written, ms: performance.now() - t0 };
}

const top = (m: Map<string, number>, n = Infinity) =>
  [...m]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, n)
    .map(([k, v]) => `${k} (${v})`)
    .join(', ');

/** The summary the command prints. */
export function summaryText(s: ImportSummary): string {
  const lines: string[] = [];
  for (const f of s.written) lines.push(`  ${f.replace(/^.*\/(?=[^/]+$)/, '')}: ${s.counts.get(basename(f).replace(/\.gz$/, ''))} rows`);
  lines.unshift(`import-dictionaries: wrote ${s.written.length} files to ${s.written[0]?.replace(/\/[^/]+$/, '') ?? '-'}`);
  lines.push(`  actor entries without any code (skipped): ${s.uncodedActors}`);
  lines.push(`  TABARI-era verb patterns with {...} (skipped, as PETRARCH2 does): ${s.skippedPatterns}`);
  lines.push(`  unmapped actor codes: ${s.unmappedActorCodes.size ? top(s.unmappedActorCodes) : 'none'}`);
  lines.push(`  unknown role parts after a country (${s.unknownRoleParts.size}): ${s.unknownRoleParts.size ? top(s.unknownRoleParts, 30) : 'none'}`);
  const stat = new Map([...s.unmappedVerbCodes].filter(([c]) => /^0[12]/.test(c)));
  const other = new Map([...s.unmappedVerbCodes].filter(([c]) => !/^0[12]/.test(c)));
  lines.push(`  verb codes with no PLOVER type: CAMEO 01/02 (statements, appeals; not in CAMEO2PLOVER): ${stat.size} codes, ${[...stat.values()].reduce((a, b) => a + b, 0)} uses`);
  lines.push(`  other verb codes with no PLOVER type: ${other.size ? top(other) : 'none'}`);
  lines.push(`  malformed lines skipped: ${s.problems.length}`);
  for (const p of s.problems) lines.push(`    ${p.file}:${p.line}: ${p.message}`);
  lines.push(`  time: ${(s.ms / 1000).toFixed(2)} s`);
  return lines.join('\n') + '\n';
}
