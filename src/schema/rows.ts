/**
 * Shape an object into a published row: exactly the table's columns, in order, with every missing value
 * (undefined, null, NaN, '') as null: the one rule of MISSING_VALUES (src/schema/tables.ts).
 */
import { TABLES, type Row, type TableName } from './tables.ts';
import { CodePoints } from '../util/offsets.ts';

export const isMissing = (v: unknown): boolean => v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v));

export function toRow(table: TableName, obj: Record<string, unknown>): Row {
  const row: Row = {};
  for (const c of TABLES[table].columns) {
    const v = obj[c.name];
    row[c.name] = isMissing(v) ? null : (v as string | number | boolean);
  }
  return row;
}

/** The article fields a statement or event row repeats, so a reader needs no join. */
export interface ArticleContext {
  text: string;
  published?: string | null;
  url?: string | null;
}

/**
 * A statement or event as published: offsets converted from the extractors' UTF-16 code units to code
 * points (OFFSETS in tables.ts), the UTF-16 span kept in start_utf16/end_utf16, and the article's
 * publication date and URL copied in.
 */
export function spanRow(table: 'statements' | 'events', obj: Record<string, unknown>, article: ArticleContext, cp: CodePoints): Row {
  const at = (k: string) => (typeof obj[k] === 'number' ? cp.of(obj[k] as number) : null);
  const offsets = table === 'statements' ? ['start', 'end', 'cue_start', 'cue_end', 'speaker_mention_start', 'speaker_mention_end'] : ['start', 'end', 'sentence_start', 'sentence_end'];
  return toRow(table, {
    ...obj,
    ...Object.fromEntries(offsets.map((k) => [k, at(k)])),
    start_utf16: obj.start,
    end_utf16: obj.end,
    published: article.published,
    url: article.url,
  });
}
