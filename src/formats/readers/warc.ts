/**
 * WARC files (`.warc`, `.warc.gz`, per-record gzip members included): each `response` (or
 * `resource`) record holding an HTML page becomes an article through the HTML extractor, keyed by
 * its WARC-Record-ID. `warcinfo`, `request`, `metadata` and `revisit` records describe the crawl,
 * not documents, and are passed over. A response that is not a successful HTML page is a reject
 * saying what it is. Streamed: one record in memory at a time, records over the size limit skipped.
 */
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ReaderOutput } from '../../schema/records.ts';
import { htmlRecord } from './html.ts';
import { MAX_ARTICLE_BYTES, type Source } from './source.ts';

const CRLF2 = Buffer.from('\r\n\r\n');
const DOCUMENT_TYPES = new Set(['response', 'resource']);

function parseHeaders(block: string): { first: string; headers: Map<string, string> } {
  const lines = block.split(/\r?\n/);
  const headers = new Map<string, string>();
  for (const l of lines.slice(1)) {
    const i = l.indexOf(':');
    if (i > 0) headers.set(l.slice(0, i).trim().toLowerCase(), l.slice(i + 1).trim());
  }
  return { first: lines[0] ?? '', headers };
}

function dechunk(b: Buffer): Buffer {
  const parts: Buffer[] = [];
  let i = 0;
  while (i < b.length) {
    const eol = b.indexOf('\r\n', i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString('latin1').split(';')[0], 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/** The HTTP payload of a response record, as an article or a reject. */
export function warcResponse(block: Buffer, record: string, url: string, warcType: string, warcContentType = ''): ReaderOutput {
  let body = block;
  let contentType = warcType === 'resource' ? warcContentType : '';
  if (warcType === 'response') {
    const end = block.indexOf(CRLF2);
    const headEnd = end >= 0 ? end : block.indexOf('\n\n');
    if (headEnd < 0) return { kind: 'reject', record, reason: 'response record without HTTP headers' };
    const { first, headers } = parseHeaders(block.subarray(0, headEnd).toString('latin1'));
    const status = /^HTTP\/[\d.]+\s+(\d{3})/.exec(first)?.[1];
    if (status && !status.startsWith('2')) return { kind: 'reject', record, reason: `HTTP ${status} response, not a page (${url})` };
    contentType = headers.get('content-type') ?? '';
    body = block.subarray(headEnd + (end >= 0 ? 4 : 2));
    if (/chunked/i.test(headers.get('transfer-encoding') ?? '')) body = dechunk(body);
    const encoding = (headers.get('content-encoding') ?? '').toLowerCase();
    try {
      const opts = { maxOutputLength: MAX_ARTICLE_BYTES };
      if (encoding.includes('gzip')) body = gunzipSync(body, opts);
      else if (encoding.includes('deflate')) body = inflateSync(body, opts);
      else if (encoding === 'br') body = brotliDecompressSync(body, opts);
    } catch (err) {
      return { kind: 'reject', record, reason: `cannot decode ${encoding} payload (${(err as Error).message})` };
    }
  }
  const mime = contentType.split(';')[0].trim().toLowerCase();
  if (mime && !/html|xml/.test(mime)) return { kind: 'reject', record, reason: `not an HTML page (${mime}, ${url})` };
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1];
  return htmlRecord(body, record, 'warc', charset, url || undefined);
}

export async function* readWarc(src: Source): AsyncGenerator<ReaderOutput> {
  let buf = Buffer.alloc(0);
  let skip = 0; // bytes of an oversized record still to pass over
  let ordinal = 0;
  let any = false;
  let pending: { length: number; key: string; type: string; url: string; contentType: string } | null = null;
  for await (const chunk of src.chunks()) {
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      buf = Buffer.concat([buf, chunk.subarray(n)]);
    } else buf = Buffer.concat([buf, chunk]);
    for (;;) {
      if (!pending) {
        // Blank lines between records.
        let s = 0;
        while (s < buf.length && (buf[s] === 0x0d || buf[s] === 0x0a)) s++;
        buf = buf.subarray(s);
        if (!buf.length) break;
        const end = buf.indexOf(CRLF2);
        if (end < 0) {
          if (buf.length > 1024 * 1024) throw new Error(`WARC header of record ${ordinal + 1} not terminated within 1 MiB`);
          break;
        }
        const head = buf.subarray(0, end).toString('latin1');
        if (!head.startsWith('WARC/')) throw new Error(`expected a WARC/ record header after record ${ordinal}, found ${JSON.stringify(head.slice(0, 20))}`);
        const { headers } = parseHeaders(head);
        ordinal++;
        any = true;
        const length = Number(headers.get('content-length'));
        const key = (headers.get('warc-record-id') ?? '').replace(/^<|>$/g, '') || `record ${ordinal}`;
        if (!Number.isFinite(length) || length < 0) throw new Error(`record ${key} has no valid Content-Length`);
        pending = { length, key, type: (headers.get('warc-type') ?? '').toLowerCase(), url: headers.get('warc-target-uri') ?? '', contentType: headers.get('content-type') ?? '' };
        buf = buf.subarray(end + 4);
        if (length > MAX_ARTICLE_BYTES) {
          if (DOCUMENT_TYPES.has(pending.type)) yield { kind: 'reject', record: key, reason: `record of ${length} bytes is over the ${MAX_ARTICLE_BYTES}-byte limit` };
          const n = Math.min(length, buf.length);
          skip = length - n;
          buf = buf.subarray(n);
          pending = null;
          if (skip > 0) break;
          continue;
        }
      }
      if (buf.length < pending.length) break;
      const block = buf.subarray(0, pending.length);
      buf = buf.subarray(pending.length);
      if (DOCUMENT_TYPES.has(pending.type)) yield warcResponse(Buffer.from(block), pending.key, pending.url, pending.type, pending.contentType);
      pending = null;
    }
  }
  if (pending) yield { kind: 'reject', record: pending.key, reason: `record cut short: ${buf.length} of ${pending.length} bytes (truncated file)` };
  else if (skip > 0) yield { kind: 'reject', record: `record ${ordinal}`, reason: 'oversized record cut short (truncated file)' };
  else if (buf.some((b) => b !== 0x0d && b !== 0x0a)) {
    any = true;
    yield { kind: 'reject', record: `record ${ordinal + 1}`, reason: `record header cut short at end of file (${buf.length} bytes; truncated file)` };
  }
  if (!any) yield { kind: 'reject', record: '', reason: 'no WARC records in the file' };
}
