/**
 * Format dispatch: which reader handles a file, decided by extension and, where the extension
 * says nothing, by content. Every reader yields records or rejects and never throws on bad input.
 */
import { readFile } from 'node:fs/promises';
import type { ReaderOutput } from '../../schema/records.ts';
import { readTxt } from './txt.ts';

export type Reader = (bytes: Uint8Array, path: string) => Iterable<ReaderOutput> | AsyncIterable<ReaderOutput>;

interface ReaderEntry {
  name: string;
  /** Lower-case extensions this reader takes (with the dot). */
  extensions: string[];
  read: Reader;
}

export const READERS: ReaderEntry[] = [{ name: 'txt', extensions: ['.txt', '.text', ''], read: readTxt }];

export function readerFor(path: string): ReaderEntry | null {
  const lower = path.toLowerCase();
  const base = lower.split('/').pop() ?? lower;
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
  return READERS.find((r) => r.extensions.includes(ext)) ?? null;
}

/** Read one file into records and rejects. */
export async function* readRecords(fullPath: string, relPath: string): AsyncGenerator<ReaderOutput> {
  const reader = readerFor(relPath);
  if (!reader) {
    yield { kind: 'reject', record: '', reason: `unsupported file type (${relPath.split('.').pop()}); supported: ${READERS.flatMap((r) => r.extensions).filter(Boolean).join(' ')}` };
    return;
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(fullPath);
  } catch (err) {
    yield { kind: 'reject', record: '', reason: `cannot read file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
    return;
  }
  try {
    yield* reader.read(bytes, relPath);
  } catch (err) {
    // A reader bug must not take the build down: the file becomes a reject with the reason.
    yield { kind: 'reject', record: '', reason: `${reader.name} reader failed: ${(err as Error).message}` };
  }
}
