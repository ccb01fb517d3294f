/** The pure core of ingest: a reader's record becomes an article with a content-derived ID. */
import type { IngestedArticle, RawRecord, RejectRow } from '../schema/records.ts';
import { makeId, sha256 } from '../util/ids.ts';
import { publishedFromText } from '../text/dates.ts';

/** `source_file` as published: the path, plus `#key` for a record inside a multi-record file. */
export const sourceKey = (file: string, record: string) => (record ? `${file}#${record}` : file);

/**
 * The stable key of a record: its URL when the input gives one (the same story re-crawled or corrected
 * keeps it), else the source file and record key. Never the text: a corrected article keeps its ID, and
 * `content_sha256` tells the two texts apart.
 */
export function stableKey(file: string, rec: Pick<RawRecord, 'record' | 'url'>): string {
  const url = rec.url?.trim();
  return url ? `url:${url}` : `file:${sourceKey(file, rec.record)}`;
}

/**
 * `taken`: stable keys already used in this build (ingest reads files in sorted order, so the same inputs
 * give the same IDs). A URL that a second record also carries falls back to that record's file key, so
 * IDs stay unique.
 */
export function toIngestedArticle(file: string, rec: RawRecord, taken?: Set<string>): IngestedArticle {
  const fromText = rec.published ? null : publishedFromText(rec.text);
  let key = stableKey(file, rec);
  if (taken?.has(key)) key = stableKey(file, { record: rec.record });
  taken?.add(key);
  return {
    article_id: makeId('art', key),
    content_sha256: sha256(rec.text),
    source_file: sourceKey(file, rec.record),
    record: rec.record,
    format: rec.format,
    title: rec.title?.trim() ?? '',
    published: rec.published ?? fromText ?? '',
    published_source: rec.published ? 'metadata' : fromText ? 'text' : '',
    publisher: rec.publisher ?? '',
    author: rec.author ?? '',
    url: rec.url ?? '',
    language: rec.language ?? '',
    dateline: rec.dateline ?? '',
    titleInText: rec.titleInText ?? false,
    raw: rec.text,
  };
}

export function rejectRow(file: string, record: string, stage: RejectRow['stage'], reason: string): RejectRow {
  // A missing record key is null, like every missing value (MISSING_VALUES in src/schema/tables.ts).
  return { reject_id: makeId('rej', file, record, stage), source_file: file, record: record || null, stage, reason };
}

/**
 * The rejects of one file: the first `limit` are listed; the others are counted and become one
 * summarising reject (a million-line file of `{}` makes limit + 1 rejects, not a million).
 */
export class RejectBudget {
  listed = 0;
  over = 0;
  private first: { record: string; reason: string } | null = null;
  private last = '';
  constructor(readonly limit: number) {}
  /** True when this reject is to be listed. */
  take(record: string, reason: string): boolean {
    if (this.listed < this.limit) {
      this.listed++;
      return true;
    }
    this.over++;
    this.first ??= { record, reason };
    this.last = record;
    return false;
  }
  summary(): { record: string; reason: string } | null {
    if (!this.over || !this.first) return null;
    const where = (r: string) => r || '(whole file)';
    return {
      record: `rejects after the first ${this.limit}`,
      reason:
        `${this.over} more rejects in this file, records ${where(this.first.record)} to ${where(this.last)}, are not listed one by one ` +
        `(limit ${this.limit} per file, --max-rejects-per-file); the first of them: ${this.first.reason}`,
    };
  }
}
