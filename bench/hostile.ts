/**
 * Pathological-input benchmark (issue 17): builds a folder of hostile files in a temporary folder, then
 * builds each file alone in a fresh process (time, time per MB and peak RSS per file) and the whole
 * folder at once (total time and peak RSS). Every file must take time proportional to its size.
 * Usage: make bench-hostile [HOSTILE_SCALE=0.1] (sizes as in the issue at 1; nothing is kept).
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';

const SCALE = Number(process.env.HOSTILE_SCALE ?? 1);
const n = (x: number) => Math.max(1, Math.round(x * SCALE));

/** Write `count` copies of `piece` (gzipped when asked) without holding them all. */
async function repeatTo(path: string, piece: string, count: number, opts: { gzip?: boolean; head?: string; tail?: string } = {}): Promise<void> {
  const file = createWriteStream(path);
  const sink = opts.gzip ? createGzip() : file;
  if (opts.gzip) sink.pipe(file);
  const block = piece.repeat(Math.max(1, Math.floor(65536 / piece.length)));
  const per = block.length / piece.length;
  const put = async (s: string) => {
    if (!sink.write(s)) await once(sink, 'drain');
  };
  if (opts.head) await put(opts.head);
  let left = count;
  for (; left >= per; left -= per) await put(block);
  if (left > 0) await put(piece.repeat(left));
  if (opts.tail) await put(opts.tail);
  sink.end();
  await once(file, 'close');
}

const SENTENCES = [
  'The minister said the talks would go on until the end of the month.',
  'Rebels shelled the northern town overnight, the army said on Tuesday.',
  '"We will not give up," Mr. Smith told reporters in Washington.',
  'Police arrested 12 people after protests in the capital, officials said.',
];

const FILES: Array<[string, (path: string) => Promise<void>]> = [
  ['he-said.txt', (p) => repeatTo(p, 'He said. ', n(1_000_000))], // 9 MB, one paragraph of a million sentences
  ['one-paragraph.txt', (p) => repeatTo(p, SENTENCES.join(' ') + ' ', n(6_200))], // 1.7 MB, one paragraph
  ['nested-divs.html', (p) => repeatTo(p, '<div>', n(50_000), { head: '<html><head><title>Deep</title></head><body>', tail: `<p>${SENTENCES[0]}</p>` + '</div>'.repeat(n(50_000)) + '</body></html>' })],
  ['million-empty.jsonl.gz', (p) => repeatTo(p, '{}\n', n(1_000_000), { gzip: true })],
  ['deep.json', (p) => repeatTo(p, '[', n(1_000_000), { tail: ']'.repeat(n(1_000_000)) })],
  ['deep-lines.jsonl', (p) => repeatTo(p, '['.repeat(5000) + ']'.repeat(5000) + '\n', n(500))],
  ['bomb.txt.gz', async (p) => repeatTo(p, 'a', n(256 * 1024 * 1024), { gzip: true })], // 256 MiB decompressed
  ['long-line.jsonl', (p) => repeatTo(p, 'x', n(20 * 1024 * 1024), { head: '{"text":"', tail: '"}\n' })],
  ['unclosed-quote.csv', (p) => repeatTo(p, `row,${SENTENCES[1]}\n`, n(60_000), { head: 'title,text\n"never closed,' })],
  ['spaces.txt', (p) => repeatTo(p, ' \t \u00a0 ', n(1_000_000), { head: 'Title\n\n', tail: 'end.' })],
  ['no-stops.txt', (p) => repeatTo(p, 'word ', n(1_000_000))], // 5 MB, no sentence end at all
  ['many-lines.txt', (p) => repeatTo(p, 'a\n', n(2_000_000))],
  ['mr-mr.txt', (p) => repeatTo(p, 'Mr. ', n(500_000))], // abbreviations that merge every split
  ['utf16.txt', (p) => writeFile(p, Buffer.from('\ufeffUTF-16 title\n\n' + SENTENCES.join(' '), 'utf16le'))],
  ['bidi.txt', (p) => writeFile(p, 'A \u202etitle\u202c\n\n' + SENTENCES.join(' ').replace(/ /g, ' \u2066'))],
  ['headerless.csv', (p) => repeatTo(p, `"Title","${SENTENCES.join(' ').repeat(50)}",2021-01-01\n`, n(1000))],
  ['pipe.txt', async (p) => void execFileSync('mkfifo', [p])],
];

function buildIn(raw: string, out: string): { seconds: number; counts: Record<string, number>; peakRssMB: number } {
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', 'bench/hostile-one.ts', raw, out], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(stdout.trim().split('\n').pop()!);
}

const work = await mkdtemp(join(tmpdir(), 'newsledger-hostile-'));
try {
  const all = join(work, 'all');
  await mkdir(all);
  const rows: Array<{ file: string; mb: number }> = [];
  for (const [file, make] of FILES) {
    await make(join(all, file));
    const s = await stat(join(all, file));
    rows.push({ file, mb: s.isFile() ? s.size / 1e6 : 0 });
  }
  console.log(`hostile folder (scale ${SCALE}): ${FILES.length} files, ${rows.reduce((a, r) => a + r.mb, 0).toFixed(1)} MB on disk`);
  console.log('file                       MB    seconds   s/MB  peak RSS MB  result');
  let slowest = { file: '', perMB: 0 };
  for (const { file, mb } of rows) {
    const raw = join(work, `one-${file}`);
    await mkdir(raw);
    if (file === 'pipe.txt') execFileSync('mkfifo', [join(raw, file)]);
    else execFileSync('cp', [join(all, file), join(raw, file)]);
    const r = buildIn(raw, join(work, `out-${file}`));
    const perMB = mb > 0 ? r.seconds / mb : 0;
    if (mb >= 0.1 && perMB > slowest.perMB) slowest = { file, perMB };
    const result = `${r.counts.articles} articles, ${r.counts.rejects} rejects${r.counts.rejects_not_listed ? ` (+${r.counts.rejects_not_listed} summarised)` : ''}, ${r.counts.statements} statements, ${r.counts.events} events`;
    console.log(`${file.padEnd(24)} ${mb.toFixed(2).padStart(6)} ${r.seconds.toFixed(2).padStart(9)} ${(mb > 0 ? perMB.toFixed(2) : '-').padStart(6)} ${r.peakRssMB.toFixed(0).padStart(12)}  ${result}`);
    await rm(raw, { recursive: true, force: true });
    await rm(join(work, `out-${file}`), { recursive: true, force: true });
  }
  const total = buildIn(all, join(work, 'out-all'));
  console.log(`whole folder: ${total.seconds.toFixed(2)} s, peak RSS ${total.peakRssMB.toFixed(0)} MB; slowest file per MB (of those over 0.1 MB): ${slowest.file}, ${slowest.perMB.toFixed(2)} s/MB`);
} finally {
  await rm(work, { recursive: true, force: true });
}
