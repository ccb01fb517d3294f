/**
 * Format dispatch: which reader handles a file, decided by extension (after any `.gz`) and, where
 * the extension says nothing, by content. Gzip is recognised by its magic bytes. Every reader
 * streams its file and yields records or rejects; an error mid-file (a truncated gzip, a reader
 * bug) ends that file with a reject naming the last good record, and the build goes on.
 */
import type { ReaderOutput } from '../../schema/records.ts';
import { looksBinary, utf16Bom } from './decode.ts';
import { fileOrigin, openSource, TooLarge, type ByteOrigin, type Source } from './source.ts';
import { readTxtSource } from './txt.ts';
import { readHtml } from './html.ts';
import { readJson, readJsonl } from './json.ts';
import { readCsv } from './csv.ts';
import { readSgml } from './sgml.ts';
import { readWarc } from './warc.ts';

export type Reader = (src: Source) => AsyncIterable<ReaderOutput>;

interface ReaderEntry {
  name: string;
  /** Lower-case extensions this reader takes (with the dot), after a `.gz` is stripped. */
  extensions: string[];
  read: Reader;
}

export const READERS: ReaderEntry[] = [
  { name: 'txt', extensions: ['.txt', '.text'], read: readTxtSource },
  { name: 'html', extensions: ['.html', '.htm', '.xhtml', '.shtml'], read: readHtml },
  { name: 'json', extensions: ['.json'], read: readJson },
  { name: 'jsonl', extensions: ['.jsonl', '.ndjson'], read: readJsonl },
  { name: 'csv', extensions: ['.csv', '.tsv'], read: readCsv },
  { name: 'sgml', extensions: ['.sgm', '.sgml'], read: readSgml },
  { name: 'warc', extensions: ['.warc'], read: readWarc },
];

const byName = (name: string) => READERS.find((r) => r.name === name)!;

/** Extension of the file name, ignoring a trailing `.gz`. */
export function extensionOf(path: string): string {
  const base = (path.toLowerCase().split('/').pop() ?? '').replace(/\.gz$/, '');
  return base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
}

export function readerFor(path: string): ReaderEntry | null {
  const ext = extensionOf(path);
  return READERS.find((r) => r.extensions.includes(ext)) ?? null;
}

/** The reader the first bytes call for, when the extension names none. */
export function sniff(head: Uint8Array): ReaderEntry | null {
  const bom = utf16Bom(head);
  const t = new TextDecoder(bom ?? 'latin1').decode(head.subarray(0, 4096)).replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').trimStart();
  if (t.startsWith('WARC/')) return byName('warc');
  if (/^(<!DOCTYPE lewis|<REUTERS\b)/i.test(t)) return byName('sgml');
  if (/^(<!doctype html|<html\b|<head\b|<body\b)/i.test(t) || /<(p|div|article)\b[^>]*>/i.test(t.slice(0, 2000))) return byName('html');
  if (t.startsWith('<')) return null; // other markup (an RSS feed, some XML): no article reader for it
  if (t.startsWith('[')) return byName('json');
  if (t.startsWith('{')) return /^\{.*\}\s*\n\s*\{/.test(t) ? byName('jsonl') : byName('json');
  if (bom) return t.trim() ? byName('txt') : null; // UTF-16 text: only the text reader decodes it
  if (t && !looksBinary(head)) return byName('txt');
  return null;
}

/** Read one file into records and rejects. */
export async function* readRecords(fullPath: string, relPath: string): AsyncGenerator<ReaderOutput> {
  let origin: ByteOrigin;
  try {
    origin = await fileOrigin(fullPath, relPath);
  } catch (err) {
    yield { kind: 'reject', record: '', reason: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    return;
  }
  yield* readOrigin(origin);
}

export async function* readOrigin(origin: ByteOrigin): AsyncGenerator<ReaderOutput> {
  const relPath = origin.path;
  const src = await openSource(origin);
  let reader = readerFor(relPath);
  if (!reader && src.head.length === 0) {
    // Nothing to sniff: an empty file, or a gzip that breaks at once. Let txt say which.
    reader = byName('txt');
  }
  if (!reader) {
    const binary = looksBinary(src.head);
    if (binary) return yield { kind: 'reject', record: '', reason: binary };
    reader = sniff(src.head);
  }
  if (!reader) {
    const ext = extensionOf(relPath) || '(none)';
    const what = /^\s*<(\?xml|rss|feed)\b/i.test(new TextDecoder('latin1').decode(src.head.subarray(0, 200))) ? ' (XML or a feed)' : '';
    yield { kind: 'reject', record: '', reason: `unsupported file type ${ext}${what}; supported: ${READERS.flatMap((r) => r.extensions).join(' ')} (and .gz of each)` };
    return;
  }
  let last = '';
  let wholeFileRejected = false;
  try {
    for await (const out of reader.read(src)) {
      last = out.record;
      if (out.kind === 'reject' && out.record === '') wholeFileRejected = true;
      yield out;
    }
  } catch (err) {
    // Mid-file failure: what was read stays; the rest of the file becomes this one reject.
    const msg = err instanceof TooLarge ? err.message : `${reader.name} reader stopped: ${(err as Error).message}`;
    if (last) yield { kind: 'reject', record: `after ${last}`, reason: `${msg}; records after ${last} are lost` };
    else if (!wholeFileRejected) yield { kind: 'reject', record: '', reason: msg };
  }
}
