/** Records that flow between stages (the intermediate files under OUT/.stages/). */
import type { Row } from './tables.ts';

export type Span = [start: number, end: number];

/** What a format reader yields for each record it finds. */
export interface RawRecord {
  kind: 'record';
  /** Key of the record inside a multi-record file; '' for a one-article file. */
  record: string;
  format: 'txt' | 'html' | 'json' | 'jsonl' | 'csv' | 'sgml' | 'warc';
  text: string;
  title?: string;
  published?: string;
  publisher?: string;
  author?: string;
  url?: string;
  language?: string;
  dateline?: string;
  /** Title is the first line of `text` (text dumps) rather than separate metadata. */
  titleInText?: boolean;
}

export interface RawReject {
  kind: 'reject';
  record: string;
  reason: string;
}

export type ReaderOutput = RawRecord | RawReject;

export interface RejectRow extends Row {
  reject_id: string;
  source_file: string;
  record: string | null;
  stage: 'ingest' | 'clean' | 'segment' | 'extract';
  reason: string;
}

/** ingest output: one per article. */
export interface IngestedArticle {
  article_id: string;
  /** sha256 of the raw record text (optional so records written before the column existed still read). */
  content_sha256?: string;
  source_file: string;
  record: string;
  format: RawRecord['format'];
  title: string;
  published: string;
  published_source: 'metadata' | 'text' | '';
  publisher: string;
  /** Optional so records written before the column existed still read. */
  author?: string;
  url: string;
  language: string;
  dateline: string;
  titleInText: boolean;
  raw: string;
}

/** clean output. */
export interface CleanedArticle extends Omit<IngestedArticle, 'raw'> {
  text: string;
  boilerplate_removed: number;
  duplicate_of: string;
  skip_reason: string;
}

/** segment output. */
export interface SegmentedArticle extends CleanedArticle {
  paragraphs: Span[];
  sentences: Span[];
}
