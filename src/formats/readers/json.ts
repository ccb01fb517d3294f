/**
 * JSON and JSON Lines: one article per object. news-please field names first (`title`, `maintext`,
 * `date_publish`, `url`, `source_domain`, `language`), then the common alternatives. `.jsonl` is
 * split by line (a malformed line is one reject); `.json` (an object, an array of objects, or
 * objects one after another) is split by a streaming scanner that holds one record at a time.
 */
import type { RawRecord, ReaderOutput } from '../../schema/records.ts';
import { decodeUtf8 } from './decode.ts';
import { htmlToPlain } from './html.ts';
import { metadataDate } from '../../text/dates.ts';
import { MAX_ARTICLE_BYTES, splitLines, type Source } from './source.ts';

const TEXT_FIELDS = ['maintext', 'text', 'content', 'body', 'article', 'article_text', 'articleBody', 'full_text', 'story', 'description'];
/** Title fields, case-insensitive: news-please, schema.org, the Guardian's `heading` and `webTitle`, common exports. */
const TITLE_FIELDS = ['title', 'headline', 'heading', 'webtitle', 'headlines', 'article_title', 'story_title', 'news_title', 'hed', 'head', 'title_page', 'name'];
const DATE_FIELDS = ['date_publish', 'date', 'published', 'publish_date', 'published_at', 'pubDate', 'datePublished', 'date_published', 'publication_date', 'created_at', 'timestamp', 'date_modify'];
const URL_FIELDS = ['url', 'link', 'source_url', 'uri'];
const PUBLISHER_FIELDS = ['source_domain', 'publisher', 'source', 'site_name', 'domain', 'outlet'];
const LANGUAGE_FIELDS = ['language', 'lang', 'locale'];
const AUTHOR_FIELDS = ['authors', 'author', 'byline', 'creator'];

/** First non-empty string among the fields (a `{name: ...}` object counts by its name). */
function pick(o: Record<string, unknown>, fields: string[]): string {
  for (const f of fields) {
    let v = o[f.toLowerCase()];
    if (v && typeof v === 'object' && !Array.isArray(v)) v = (v as Record<string, unknown>).name ?? (v as Record<string, unknown>).text;
    if (Array.isArray(v)) v = v.filter((x) => typeof x === 'string').join('\n\n');
    if (typeof v === 'string' && v.trim()) return v;
  }
  return '';
}

/** news-please keeps `authors` as a list; others a string or {name}. */
function pickAuthors(o: Record<string, unknown>): string {
  for (const f of AUTHOR_FIELDS) {
    const v = o[f];
    if (Array.isArray(v)) {
      const names = v.map((x) => (typeof x === 'string' ? x : x && typeof x === 'object' ? String((x as Record<string, unknown>).name ?? '') : '')).filter((x) => x.trim());
      if (names.length) return names.join('; ');
    }
  }
  return pick(o, AUTHOR_FIELDS);
}

/** A parsed JSON value as an article record, or a reject saying what is missing. */
export function recordFromObject(value: unknown, record: string, format: RawRecord['format']): ReaderOutput {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { kind: 'reject', record, reason: `not an object (${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value})` };
  // Field names match case-insensitively ("Title", "Body" in spreadsheet exports).
  const o: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!(k.toLowerCase() in o)) o[k.toLowerCase()] = v;
  let text = pick(o, TEXT_FIELDS);
  if (!text.trim()) {
    const keys = Object.keys(value).slice(0, 12).join(', ');
    return { kind: 'reject', record, reason: `no article text (none of ${TEXT_FIELDS.slice(0, 6).join('/')}; fields: ${keys || 'none'})` };
  }
  // Some exports keep the page markup in the text field.
  if (/<(p|div|br)\b[^>]*>/i.test(text)) text = htmlToPlain(text);
  let dateValue: unknown = '';
  for (const f of DATE_FIELDS.map((k) => k.toLowerCase())) if (o[f] !== undefined && o[f] !== null && o[f] !== '') { dateValue = o[f]; break; }
  const rec: RawRecord = { kind: 'record', record, format, text, title: pick(o, TITLE_FIELDS) };
  const published = metadataDate(dateValue);
  if (published) rec.published = published;
  const url = pick(o, URL_FIELDS);
  if (url) rec.url = url;
  const publisher = pick(o, PUBLISHER_FIELDS);
  if (publisher) rec.publisher = publisher;
  const author = pickAuthors(o);
  if (author) rec.author = author;
  const language = pick(o, LANGUAGE_FIELDS);
  if (language) rec.language = language;
  return rec;
}

/** Deepest nesting of arrays and objects a record may have: JSON.parse recurses, and a deeper value would overflow the stack. */
export const MAX_JSON_DEPTH = 512;

/** Nesting depth of a JSON text (strings skipped), counted in one pass; stops past `limit`. */
export function jsonDepth(bytes: Uint8Array, limit = Infinity): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c) i++;
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > deepest && (deepest = depth) > limit) return deepest;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return deepest;
}

function parseRecord(bytes: Buffer, record: string, format: 'json' | 'jsonl'): ReaderOutput {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { kind: 'reject', record, reason: decoded.reason };
  if (jsonDepth(bytes, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) return { kind: 'reject', record, reason: `JSON nested more than ${MAX_JSON_DEPTH} levels deep; not read` };
  try {
    return recordFromObject(JSON.parse(decoded.text), record, format);
  } catch (err) {
    return { kind: 'reject', record, reason: `malformed JSON (${(err as Error).message})` };
  }
}

export async function* readJsonl(src: Source): AsyncGenerator<ReaderOutput> {
  let any = false;
  for await (const { line, bytes } of splitLines(src.chunks())) {
    any = true;
    const key = String(line);
    if (bytes === null) {
      yield { kind: 'reject', record: key, reason: `line longer than ${MAX_ARTICLE_BYTES} bytes` };
      continue;
    }
    if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue; // blank lines separate nothing
    yield parseRecord(line === 1 && bytes[0] === 0xef ? bytes.subarray(3) : bytes, key, 'jsonl');
  }
  if (!any) yield { kind: 'reject', record: '', reason: 'empty file' };
}

/**
 * Top-level JSON values in a byte stream; the elements of a top-level array count as values.
 * Tracks strings and nesting only, so it never holds more than one record; JSON.parse judges each.
 */
export async function* splitJsonValues(chunks: AsyncIterable<Buffer>, max = MAX_ARTICLE_BYTES): AsyncGenerator<{ index: number; bytes: Buffer | null; truncated?: boolean }> {
  let depth = 0;
  let inString = false;
  let escape = false;
  let inArray = false; // inside a top-level array
  let started = false; // seen the first non-blank byte
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let index = 0;
  let valueStart = -1;
  for await (const chunk of chunks) {
    let i = 0;
    const keep = (end: number) => {
      if (valueStart < 0) return;
      const piece = chunk.subarray(valueStart, end);
      size += piece.length;
      if (size > max) tooLong = true;
      if (!tooLong) parts.push(Buffer.from(piece));
    };
    const emit = function* (end: number) {
      keep(end);
      valueStart = -1;
      index++;
      yield { index, bytes: tooLong ? null : Buffer.concat(parts) };
      parts = [];
      size = 0;
      tooLong = false;
    };
    for (; i < chunk.length; i++) {
      const b = chunk[i];
      if (inString) {
        if (escape) escape = false;
        else if (b === 0x5c) escape = true;
        else if (b === 0x22) {
          inString = false;
          if (depth === 0) yield* emit(i + 1); // a bare string at top level
        }
        continue;
      }
      if (b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09 || (b === 0x2c && depth === 0)) continue;
      if (!started) {
        started = true;
        if (b === 0xef) { i += 2; continue; } // BOM
        if (b === 0x5b) { inArray = true; continue; }
      }
      if (inArray && depth === 0 && b === 0x5d) { inArray = false; continue; }
      if (valueStart < 0 && depth === 0) valueStart = i;
      if (b === 0x22) inString = true;
      else if (b === 0x7b || b === 0x5b) depth++;
      else if (b === 0x7d || b === 0x5d) {
        depth--;
        if (depth === 0) yield* emit(i + 1);
      } else if (depth === 0) {
        // a bare scalar at top level (number, true, null): runs to the next separator
        let j = i;
        while (j < chunk.length && ![0x2c, 0x0a, 0x0d, 0x20, 0x5d, 0x09].includes(chunk[j])) j++;
        i = j - 1;
        yield* emit(j);
      }
    }
    keep(chunk.length);
    if (valueStart >= 0) valueStart = 0; // the value continues at the start of the next chunk
  }
  if (parts.length || tooLong || depth > 0 || inString || inArray) {
    index++;
    yield { index, bytes: null, truncated: true };
  }
}

/** Keys under which API dumps wrap their list of articles: `{"articles": [...]}`. */
const WRAPPER_KEYS = ['articles', 'items', 'data', 'results', 'records', 'docs', 'documents', 'entries', 'posts', 'news', 'response'];

/** The article list inside a wrapper object, with its path, or null. */
function wrappedList(value: unknown, path = ''): { path: string; list: unknown[] } | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  if (TEXT_FIELDS.some((f) => typeof o[f] === 'string')) return null; // an article itself
  for (const k of WRAPPER_KEYS) {
    const v = o[k];
    if (Array.isArray(v) && v.some((x) => x && typeof x === 'object')) return { path: path + k, list: v };
    const inner = wrappedList(v, `${path}${k}.`);
    if (inner) return inner;
  }
  return null;
}

export async function* readJson(src: Source): AsyncGenerator<ReaderOutput> {
  let any = false;
  for await (const { index, bytes, truncated } of splitJsonValues(src.chunks())) {
    any = true;
    const key = String(index);
    if (truncated) yield { kind: 'reject', record: key, reason: 'malformed JSON (unexpected end of input: unclosed object, array or string)' };
    else if (bytes === null) yield { kind: 'reject', record: key, reason: `record longer than ${MAX_ARTICLE_BYTES} bytes` };
    else {
      const one = parseRecord(bytes, key, 'json');
      if (one.kind === 'reject' && one.reason.startsWith('no article text')) {
        // Maybe a wrapper ({"articles": [...]}): one record per element, keyed by its path.
        const wrapped = wrappedList(JSON.parse(bytes.toString('utf8')));
        if (wrapped) {
          for (let i = 0; i < wrapped.list.length; i++) yield recordFromObject(wrapped.list[i], `${index > 1 ? `${index}.` : ''}${wrapped.path}[${i + 1}]`, 'json');
          continue;
        }
      }
      yield one;
    }
  }
  if (!any) yield { kind: 'reject', record: '', reason: 'empty file' };
}
