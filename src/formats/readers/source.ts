/**
 * A raw input file as a byte source: transparent gunzip (by magic bytes, whatever the name says),
 * a peek at the first bytes for content sniffing, streamed chunks for multi-record readers and a
 * bounded read-all for one-article files. Memory stays flat: nothing holds more than one chunk,
 * one record, or (for one-article files) MAX_ARTICLE_BYTES.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Largest single article (or single record) accepted, decompressed. Larger is a reject, not an out-of-memory crash. */
export const MAX_ARTICLE_BYTES = 16 * 1024 * 1024;
const PEEK_BYTES = 64 * 1024;

export class TooLarge extends Error {}

export interface Source {
  /** Relative path, for messages. */
  path: string;
  /** Compressed with gzip (by magic bytes). */
  gzip: boolean;
  /** First bytes of the (decompressed) content, for sniffing. */
  head: Uint8Array;
  /** The (decompressed) content as a stream of chunks; a truncated gzip throws when reached. */
  chunks(): AsyncIterable<Buffer>;
  /** All of it, or TooLarge beyond `limit` bytes. */
  readAll(limit?: number): Promise<Buffer>;
}

export interface ByteOrigin {
  path: string;
  open(): AsyncIterable<Buffer>;
}

const isGzip = (b: Uint8Array) => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;

export async function fileOrigin(fullPath: string, relPath: string): Promise<ByteOrigin> {
  // Open once now so a missing or unreadable file fails here, with its errno, not mid-stream.
  const fh = await open(fullPath, 'r');
  await fh.close();
  return { path: relPath, open: () => createReadStream(fullPath, { highWaterMark: 256 * 1024 }) };
}

/** In-memory bytes as an origin (tests, WARC payloads). */
export function bytesOrigin(bytes: Uint8Array, path: string): ByteOrigin {
  return {
    path,
    async *open() {
      const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < b.length; i += 256 * 1024) yield b.subarray(i, i + 256 * 1024);
    },
  };
}

async function* gunzip(raw: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const z = createGunzip();
  // pipeline wires backpressure and tears both ends down when either fails or the consumer stops early.
  const done = pipeline(Readable.from(raw), z).catch((err: NodeJS.ErrnoException) => err);
  try {
    for await (const c of z) yield c as Buffer;
  } catch (err) {
    const msg = (err as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'truncated gzip (unexpected end of file)' : `corrupt gzip (${(err as Error).message})`;
    throw new Error(msg);
  } finally {
    z.destroy();
    await done;
  }
}

export async function openSource(origin: ByteOrigin): Promise<Source> {
  const first = await peek(origin.open(), 2);
  const gzip = isGzip(first);
  const chunks = () => (gzip ? gunzip(origin.open()) : origin.open());
  let head: Uint8Array;
  try {
    head = await peek(chunks(), PEEK_BYTES);
  } catch {
    head = new Uint8Array(); // a gzip too broken to give even a first chunk: the reader will hit the error and say so
  }
  return {
    path: origin.path,
    gzip,
    head,
    chunks,
    async readAll(limit = MAX_ARTICLE_BYTES) {
      const parts: Buffer[] = [];
      let n = 0;
      for await (const c of chunks()) {
        n += c.length;
        if (n > limit) throw new TooLarge(`too large for one article (over ${(limit / 1048576).toFixed(0)} MiB${gzip ? ' decompressed' : ''})`);
        parts.push(c);
      }
      return Buffer.concat(parts, n);
    },
  };
}

async function peek(chunks: AsyncIterable<Buffer>, n: number): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  let got = 0;
  for await (const c of chunks) {
    parts.push(c);
    got += c.length;
    if (got >= n) break; // leaving the loop closes the stream
  }
  return Buffer.concat(parts).subarray(0, n);
}

/**
 * Split a byte stream into lines (LF, CRLF tolerated), with 1-based line numbers. A line longer
 * than `max` bytes is yielded as `null` (its bytes are skipped, not held) so the caller can reject it.
 */
export async function* splitLines(chunks: AsyncIterable<Buffer>, max = MAX_ARTICLE_BYTES): AsyncGenerator<{ line: number; bytes: Buffer | null }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (tail: Buffer) => {
    line++;
    let b: Buffer | null = null;
    if (!tooLong) {
      b = parts.length ? Buffer.concat([...parts, tail]) : tail;
      if (b.length && b[b.length - 1] === 0x0d) b = b.subarray(0, b.length - 1);
    }
    parts = [];
    size = 0;
    tooLong = false;
    return { line, bytes: b };
  };
  for await (const chunk of chunks) {
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const tail = chunk.subarray(start, nl);
      if (size + tail.length > max) tooLong = true;
      yield finish(tail);
      start = nl + 1;
    }
    const rest = chunk.subarray(start);
    if (rest.length) {
      size += rest.length;
      if (size > max) tooLong = true;
      if (tooLong) parts = [];
      else parts.push(Buffer.from(rest)); // copy: the stream may reuse its chunk
    }
  }
  if (size > 0 || tooLong) yield finish(Buffer.alloc(0));
}
