import type { ReaderOutput } from '../../schema/records.ts';
import { decodeText, looksBinary } from './decode.ts';
import type { Source } from './source.ts';

/** A plain-text dump holds one article; its first line may be the title (decided in clean). */
export function* txtRecord(bytes: Uint8Array): Generator<ReaderOutput> {
  if (bytes.length === 0) return yield { kind: 'reject', record: '', reason: 'empty file' };
  const binary = looksBinary(bytes);
  if (binary) return yield { kind: 'reject', record: '', reason: binary };
  const decoded = decodeText(bytes);
  if (!decoded.ok) return yield { kind: 'reject', record: '', reason: decoded.reason };
  if (!decoded.text.trim()) return yield { kind: 'reject', record: '', reason: 'no text (only white space)' };
  yield { kind: 'record', record: '', format: 'txt', text: decoded.text, titleInText: true };
}

/** Kept for callers holding the bytes already. */
export const readTxt = txtRecord;

export async function* readTxtSource(src: Source): AsyncGenerator<ReaderOutput> {
  yield* txtRecord(await src.readAll());
}
