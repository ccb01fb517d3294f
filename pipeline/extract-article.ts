/** What the extract stage makes of one article (its pure core, run in the worker threads; see 4-extract.ts). */
import { spanRow, toRow } from '../src/schema/rows.ts';
import { CodePoints } from '../src/util/offsets.ts';
import { rejectRow } from '../src/formats/ingest.ts';
import type { SegmentedArticle } from '../src/schema/records.ts';
import { extractStatements } from '../src/statements/extract.ts';
import { extractEvents } from '../src/events/extract.ts';
import { AnalysedDocument } from '../src/nlp/document.ts';
import { DEFAULT_SETTINGS, type BuildSettings } from '../src/dataset/stage.ts';

export function articleRow(a: SegmentedArticle) {
  return toRow('articles', {
    ...a,
    extracted: !a.skip_reason,
    chars: new CodePoints(a.text).length,
    paragraphs: a.paragraphs.length,
    sentences: a.sentences.length,
  });
}

/**
 * Longest article text the extractors are given (characters). News articles run to tens of thousands;
 * the statements extractor's time grows faster than the length of one article (1.7 MB of text: 30 s and
 * climbing) and its memory with it, so a longer text is published without statements and events, and
 * says why: one file can never stall a build.
 */
export const MAX_EXTRACT_CHARS = 500_000;

/** Everything extract publishes for one article. */
export function extractArticle(a: SegmentedArticle, settings: BuildSettings = DEFAULT_SETTINGS) {
  if (!a.skip_reason && a.text.length > MAX_EXTRACT_CHARS) {
    a = { ...a, skip_reason: `too long to extract from (${a.text.length} characters, over ${MAX_EXTRACT_CHARS}); statements and events are not extracted` };
  }
  if (a.skip_reason) return { article: articleRow(a), statements: [], events: [] };
  // One analysis of the article (tokens, tags, trees, entities) read by both extractors.
  const analysis = new AnalysedDocument(a.text, a.sentences);
  const statements = extractStatements(a, { scope: settings.statement_scope, analysis });
  const events = extractEvents(a, statements, analysis, { homeCountry: settings.home_country });
  const cp = new CodePoints(a.text);
  return {
    article: articleRow(a),
    statements: statements.map((s) => spanRow('statements', s as unknown as Record<string, unknown>, a, cp)),
    events: events.map((e) => spanRow('events', e as unknown as Record<string, unknown>, a, cp)),
  };
}

/** The lines extract writes for one article: its article row, statements, events and any reject. */
export interface ExtractLines {
  article: string;
  statements: string[];
  events: string[];
  reject?: string;
}

export function extractLine(line: string, settings: BuildSettings): ExtractLines {
  const a = JSON.parse(line) as SegmentedArticle;
  try {
    return serialise(extractArticle(a, settings));
  } catch (err) {
    // An extractor bug costs this article its rows, not the build: publish it unextracted, say why.
    return unextracted(a, settings, `extraction failed: ${(err as Error).message}`);
  }
}

/** The article published without statements and events, with a reject saying why (an extractor that threw, or one that crashed every worker it ran on). */
export function unextractedLine(line: string, settings: BuildSettings, reason: string): ExtractLines {
  return unextracted(JSON.parse(line) as SegmentedArticle, settings, reason);
}

function unextracted(a: SegmentedArticle, settings: BuildSettings, reason: string): ExtractLines {
  const reject = JSON.stringify(rejectRow(a.source_file.split('#')[0], a.record, 'extract', reason));
  return { ...serialise(extractArticle({ ...a, skip_reason: reason }, settings)), reject };
}

function serialise(out: ReturnType<typeof extractArticle>): ExtractLines {
  return {
    article: JSON.stringify(out.article),
    statements: out.statements.map((s) => JSON.stringify(s)),
    events: out.events.map((e) => JSON.stringify(e)),
  };
}
