/**
 * The one definition of every published table. CSV headers, Arrow types, row validation,
 * CODEBOOK.md and datapackage.json are all generated from what is written here.
 */

export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'partial_date';

export interface Column {
  name: string;
  type: ColumnType;
  description: string;
  /** Must be present and non-empty. */
  required?: boolean;
  /** Allowed values (empty is allowed too unless `required`). */
  enum?: readonly string[];
  /** Regular expression a non-empty string value must match. */
  pattern?: string;
  minimum?: number;
  example?: string | number | boolean;
}

export interface ForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

export interface Table {
  name: TableName;
  title: string;
  description: string;
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  columns: Column[];
}

/**
 * The one rule for missing values, in every format: null in Arrow, Parquet and JSONL, an empty field in
 * CSV. No published column holds an empty string (toRow turns '' into null; validate refuses ''), so
 * `IS NULL` / `isna()` give the same answer whichever file a user loads. CODEBOOK.md quotes this text.
 */
export const MISSING_VALUES =
  'A missing value is null in Arrow, Parquet and JSONL and an empty field in CSV. No column holds an empty string, so `IS NULL` (SQL), `isna()` (pandas), `is_null()` (polars) and `is.na()` (R) give the same answer for every format.';

/**
 * The unit of every offset: Unicode code points, what Python, R (`substr`), DuckDB (`substring`) and
 * polars slice by. The `*_utf16` columns keep UTF-16 code units for JavaScript's `slice`.
 */
export const OFFSETS =
  'Offsets (`start`, `end`, `cue_start`, `cue_end`, `speaker_mention_start`, `speaker_mention_end`, `sentence_start`, `sentence_end`) count Unicode code points of the article `text`: `text[start:end]` in Python, `substring(text, start + 1, end - start)` in SQL, `substr(text, start + 1, end)` in R. `start_utf16` and `end_utf16` give the same span in UTF-16 code units, for JavaScript\'s `text.slice(start_utf16, end_utf16)`.';

export const TABLE_NAMES = ['articles', 'statements', 'events', 'rejects'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** PLOVER's "quad category" of each type (PLOVER manual, chapter 3): the four classes of the event-data tradition. */
export const QUAD_CLASSES = ['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'] as const;
export type QuadClass = (typeof QUAD_CLASSES)[number];
export const PLOVER_QUAD: Record<PloverType, QuadClass> = {
  AGREE: 'verbal cooperation', CONSULT: 'verbal cooperation', SUPPORT: 'verbal cooperation', CONCEDE: 'verbal cooperation',
  COOPERATE: 'material cooperation', AID: 'material cooperation', RETREAT: 'material cooperation',
  REQUEST: 'verbal conflict', ACCUSE: 'verbal conflict', REJECT: 'verbal conflict', THREATEN: 'verbal conflict',
  PROTEST: 'material conflict', SANCTION: 'material conflict', MOBILIZE: 'material conflict', COERCE: 'material conflict', ASSAULT: 'material conflict',
};

export const STATEMENT_KINDS = ['direct', 'indirect', 'mixed'] as const;
export const SPEAKER_TYPES = ['person', 'organisation', 'country', 'group', 'anonymous source', 'unknown'] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const INPUT_FORMATS = ['txt', 'html', 'json', 'jsonl', 'csv', 'sgml', 'warc'] as const;
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;
export const SECTORS = [
  'government', 'military', 'police', 'judiciary', 'legislature', 'opposition', 'rebels',
  'party', 'business', 'media', 'civil_society', 'religious', 'education', 'health',
  'international', 'ngo', 'civilians', 'criminal', 'intelligence', 'diplomatic',
] as const;

const ISO3 = '^[A-Z]{3}$';
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const PARTIAL_DATE = '^\\d{4}(-\\d{2}(-\\d{2})?)?$';
const ID = (prefix: string) => `^${prefix}_[0-9a-f]{16}$`;

const articles: Table = {
  name: 'articles',
  title: 'Articles',
  description: 'One row per article read from the raw dumps, with its cleaned text. All offsets in the other tables index into `text`.',
  primaryKey: ['article_id'],
  foreignKeys: [],
  columns: [
    { name: 'article_id', type: 'string', required: true, pattern: ID('art'), description: 'Stable ID: hash of the record\'s stable key, its URL when the input gives one, else the source file and record key. A corrected article keeps its ID; `content_sha256` tells the versions apart.', example: 'art_3f2a9c0d1e4b5a67' },
    { name: 'source_file', type: 'string', required: true, description: 'Path of the raw input relative to RAW; a record inside a multi-record file adds `#key`.', example: 'reut2-000.sgm#NEWID=17' },
    { name: 'record', type: 'string', description: 'Key of the record inside a multi-record file (missing for one-article files).', example: 'NEWID=17' },
    { name: 'content_sha256', type: 'string', required: true, pattern: '^[0-9a-f]{64}$', description: 'sha256 of the raw record text (before cleaning): changes when the article is corrected, while `article_id` stays.', example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
    { name: 'format', type: 'string', required: true, enum: INPUT_FORMATS, description: 'Input format the record was read from.', example: 'txt' },
    { name: 'title', type: 'string', description: 'Headline, from metadata or the first line of a text dump.', example: 'Russia opposes US withdrawal from Afghanistan' },
    { name: 'published', type: 'date', pattern: ISO_DATE, description: 'Publication date (YYYY-MM-DD) from metadata or from the text; missing when unknown.', example: '2021-07-27' },
    { name: 'published_source', type: 'string', enum: ['metadata', 'text'], description: 'Where `published` came from (missing when `published` is).', example: 'text' },
    { name: 'publisher', type: 'string', description: 'Publisher or site name when the dump names it.', example: 'Business Standard' },
    { name: 'author', type: 'string', description: 'Byline (author names) when the page or record gives one.', example: 'Ana Lind' },
    { name: 'url', type: 'string', description: 'Canonical URL when the dump gives one.', example: 'https://example.org/news/1' },
    { name: 'language', type: 'string', description: 'ISO 639-1 language code, detected or from metadata.', example: 'en' },
    { name: 'dateline', type: 'string', description: 'Dateline place that opens the story ("Kabul:", "MOSCOW (Reuters) -").', example: 'Kabul' },
    { name: 'duplicate_of', type: 'string', pattern: ID('art'), description: 'article_id of an earlier article with the same (or nearly the same) story; such articles are not extracted.', example: '' },
    { name: 'extracted', type: 'boolean', required: true, description: 'Whether statements and events were extracted from this article.', example: true },
    { name: 'skip_reason', type: 'string', description: 'Why the article was not extracted (duplicate, non-English, ...).', example: '' },
    { name: 'chars', type: 'integer', required: true, minimum: 0, description: 'Length of `text` in Unicode code points (the unit of every offset).', example: 3120 },
    { name: 'paragraphs', type: 'integer', required: true, minimum: 0, description: 'Number of paragraphs in `text` (separated by blank lines).', example: 14 },
    { name: 'sentences', type: 'integer', required: true, minimum: 0, description: 'Number of sentences found by the segmenter.', example: 31 },
    { name: 'boilerplate_removed', type: 'integer', required: true, minimum: 0, description: 'Lines or blocks the clean stage removed as boilerplate.', example: 3 },
    { name: 'text', type: 'string', required: true, description: 'Cleaned article text; paragraphs are separated by one blank line.', example: 'Kabul: In a phone call, ...' },
  ],
};

const statements: Table = {
  name: 'statements',
  title: 'Statements',
  description: 'Who said what: one row per attributed quote or reported claim.',
  primaryKey: ['statement_id'],
  foreignKeys: [{ fields: ['article_id'], reference: { resource: 'articles', fields: ['article_id'] } }],
  columns: [
    { name: 'statement_id', type: 'string', required: true, pattern: ID('stm'), description: 'Stable ID from the article ID, the kind and the quoted words (never their position): a correction elsewhere in the article keeps it.', example: 'stm_0b1c2d3e4f5a6b7c' },
    { name: 'article_id', type: 'string', required: true, pattern: ID('art'), description: 'Article the statement was found in.', example: 'art_3f2a9c0d1e4b5a67' },
    { name: 'published', type: 'date', pattern: ISO_DATE, description: 'Publication date of the article (copied from `articles.published`, so no join is needed).', example: '2021-07-27' },
    { name: 'url', type: 'string', description: 'URL of the article (copied from `articles.url`).', example: 'https://example.org/news/1' },
    { name: 'speaker', type: 'string', description: 'Resolved speaker, one spelling across the dataset: a person\'s fullest name in the article, the dictionaries\' name of a country or organisation they know ("US", "U.S." -> "United States"). Empty when the speaker is unresolved: a pronoun or a description ("it", "the company") for which the article names no one.', example: 'Jens Stoltenberg' },
    { name: 'speaker_id', type: 'string', pattern: ID('spk'), description: 'Stable ID of the speaker from its canonical name and type only: the same in every article and version. Empty when the speaker is unresolved.', example: 'spk_4c1d2e3f4a5b6c7d' },
    { name: 'speaker_type', type: 'string', enum: SPEAKER_TYPES, description: 'person, organisation, country, group (many people together: "analysts", "Democrats"), anonymous source ("a senior official", "sources"), or unknown (unresolved, or no speaker).', example: 'person' },
    { name: 'speaker_mention', type: 'string', description: 'The speaker as written at the cue ("he", "the NATO chief").', example: 'the NATO chief' },
    { name: 'speaker_mention_start', type: 'integer', minimum: 0, description: 'Offset of `speaker_mention` in the article `text`, in code points (missing when there is no mention).', example: 371 },
    { name: 'speaker_mention_end', type: 'integer', minimum: 0, description: 'End offset (exclusive) of `speaker_mention`, in code points.', example: 385 },
    { name: 'speaker_role', type: 'string', description: 'Office or role given for the speaker in the article.', example: 'NATO Secretary-General' },
    { name: 'speaker_country', type: 'string', pattern: ISO3, description: 'Country of the speaker (ISO 3166-1 alpha-3) when known.', example: 'NOR' },
    { name: 'quote', type: 'string', required: true, description: 'The reported words exactly as in `text` (for indirect speech, the reported clause).', example: 'We support the Afghanistan peace process' },
    { name: 'kind', type: 'string', required: true, enum: STATEMENT_KINDS, description: 'direct (quotation marks around all of it), indirect (paraphrase), mixed (paraphrase with a quoted fragment).', example: 'direct' },
    { name: 'cue', type: 'string', description: 'The reporting verb or phrase ("said", "according to").', example: 'said' },
    { name: 'cue_start', type: 'integer', minimum: 0, description: 'Offset of the cue in `text`, in code points (missing when there is none).', example: 412 },
    { name: 'cue_end', type: 'integer', minimum: 0, description: 'End offset (exclusive) of the cue.', example: 416 },
    { name: 'channel', type: 'string', description: 'Where it was said when the text tells: twitter, press_conference, interview, statement, ...', example: 'twitter' },
    { name: 'date', type: 'date', pattern: ISO_DATE, description: 'Date of the statement, resolved against the publication date; empty when unknown.', example: '2020-11-12' },
    { name: 'start', type: 'integer', required: true, minimum: 0, description: 'Offset of the quote in the article `text`, in Unicode code points.', example: 398 },
    { name: 'end', type: 'integer', required: true, minimum: 0, description: 'End offset (exclusive), in code points: Python text[start:end] == quote, SQL substring(text, start + 1, end - start) == quote.', example: 520 },
    { name: 'start_utf16', type: 'integer', required: true, minimum: 0, description: 'Offset of the quote in UTF-16 code units (JavaScript).', example: 398 },
    { name: 'end_utf16', type: 'integer', required: true, minimum: 0, description: 'End offset in UTF-16 code units: text.slice(start_utf16, end_utf16) == quote in JavaScript.', example: 520 },
    { name: 'confidence', type: 'number', required: true, minimum: 0, description: 'Confidence between 0 and 1: 0.4-0.95 by rule, 0.3-0.5 for a statement only the learned tagger found.', example: 0.9 },
  ],
};

const events: Table = {
  name: 'events',
  title: 'Events',
  description: 'Who did what to whom: PLOVER-coded events, one row per event (compound actors in `actors`), the same event told twice in an article counted in `mentions`.',
  primaryKey: ['event_id'],
  foreignKeys: [
    { fields: ['article_id'], reference: { resource: 'articles', fields: ['article_id'] } },
  ],
  columns: [
    { name: 'event_id', type: 'string', required: true, pattern: ID('evt'), description: 'Stable ID from the article ID, the type, the trigger words and the actors and recipients of the first telling (never their position).', example: 'evt_9a8b7c6d5e4f3a2b' },
    { name: 'article_id', type: 'string', required: true, pattern: ID('art'), description: 'Article the event was found in.', example: 'art_3f2a9c0d1e4b5a67' },
    { name: 'published', type: 'date', pattern: ISO_DATE, description: 'Publication date of the article (copied from `articles.published`).', example: '2021-07-27' },
    { name: 'url', type: 'string', description: 'URL of the article (copied from `articles.url`).', example: 'https://example.org/news/1' },
    { name: 'statement_id', type: 'string', pattern: ID('stm'), description: 'Statement the event was reported in, when it was.', example: '' },
    { name: 'event_type', type: 'string', required: true, enum: PLOVER_TYPES, description: 'PLOVER event type.', example: 'RETREAT' },
    { name: 'quad_class', type: 'string', required: true, enum: QUAD_CLASSES, description: 'PLOVER quad category of the type (PLOVER manual, chapter 3): verbal cooperation (AGREE, CONSULT, SUPPORT, CONCEDE), material cooperation (COOPERATE, AID, RETREAT), verbal conflict (REQUEST, ACCUSE, REJECT, THREATEN) or material conflict (PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT).', example: 'material cooperation' },
    { name: 'cameo_code', type: 'string', pattern: '^[0-9]{2,4}$', description: 'CAMEO code that the PETRARCH2 verb dictionary (imported) gives the trigger verb, by its most specific pattern matching the sentence; empty when the trigger is a noun, the verb is not in it, or its CAMEO code maps (CAMEO2PLOVER) to another PLOVER type.', example: '036' },
    { name: 'mode', type: 'string', description: 'PLOVER mode refining the type (for RETREAT: withdraw, release, ...).', example: 'withdraw' },
    { name: 'context', type: 'string', description: 'PLOVER context (military, economic, political, ...).', example: 'military' },
    { name: 'actor', type: 'string', description: 'Who acts, as resolved (name of a person, organisation or country).', example: 'United States' },
    { name: 'actor_country', type: 'string', pattern: ISO3, description: 'Country of the actor (ISO 3166-1 alpha-3); missing for organisations without one.', example: 'USA' },
    { name: 'actor_sector', type: 'string', enum: SECTORS, description: 'Sector of the actor.', example: 'military' },
    { name: 'actor_office', type: 'string', description: 'Office the actor (a person) held on the event date, from the office dictionary.', example: 'secretary of state' },
    { name: 'actors', type: 'string', description: 'Every actor of a compound actor ("Pakistan, Iran and Russia"), "; "-separated; `actor` is the first.', example: 'Pakistan; Iran; Russia' },
    { name: 'actor_countries', type: 'string', description: 'Countries of `actors`, ";"-separated in the same order (empty items for organisations).', example: 'PAK;IRN;RUS' },
    { name: 'recipient', type: 'string', description: 'Who the action is aimed at.', example: 'Afghanistan' },
    { name: 'recipient_country', type: 'string', pattern: ISO3, description: 'Country of the recipient (ISO 3166-1 alpha-3).', example: 'AFG' },
    { name: 'recipient_sector', type: 'string', enum: SECTORS, description: 'Sector of the recipient.', example: '' },
    { name: 'recipient_office', type: 'string', description: 'Office the recipient (a person) held on the event date.', example: 'president' },
    { name: 'recipients', type: 'string', description: 'Every recipient of a compound recipient, "; "-separated; `recipient` is the first.', example: 'Afghanistan' },
    { name: 'recipient_countries', type: 'string', description: 'Countries of `recipients`, ";"-separated in the same order.', example: 'AFG' },
    { name: 'date', type: 'partial_date', pattern: PARTIAL_DATE, description: 'Date of the event: YYYY-MM-DD, YYYY-MM or YYYY as precise as the text allows.', example: '2021-01' },
    { name: 'date_precision', type: 'string', enum: DATE_PRECISIONS, description: 'Precision of `date`.', example: 'month' },
    { name: 'date_is_fallback', type: 'boolean', required: true, description: 'True when the text gives no date and `date` is the publication date.', example: false },
    { name: 'location', type: 'string', description: 'Place named in the sentence.', example: 'Kabul' },
    { name: 'location_country', type: 'string', pattern: ISO3, description: 'Country of the location.', example: 'AFG' },
    { name: 'latitude', type: 'number', description: 'Latitude of the location (WGS84).', example: 34.53 },
    { name: 'longitude', type: 'number', description: 'Longitude of the location (WGS84).', example: 69.17 },
    { name: 'planned', type: 'boolean', required: true, description: 'Announced, intended or future event ("plans to pull out").', example: true },
    { name: 'trigger', type: 'string', required: true, description: 'Words that signal the event, exactly as in `text`.', example: 'pull out' },
    { name: 'start', type: 'integer', required: true, minimum: 0, description: 'Offset of the trigger in `text`, in Unicode code points.', example: 1710 },
    { name: 'end', type: 'integer', required: true, minimum: 0, description: 'End offset (exclusive), in code points: Python text[start:end] == trigger.', example: 1718 },
    { name: 'start_utf16', type: 'integer', required: true, minimum: 0, description: 'Offset of the trigger in UTF-16 code units (JavaScript).', example: 1710 },
    { name: 'end_utf16', type: 'integer', required: true, minimum: 0, description: 'End offset in UTF-16 code units: text.slice(start_utf16, end_utf16) == trigger in JavaScript.', example: 1718 },
    { name: 'sentence_start', type: 'integer', required: true, minimum: 0, description: 'Offset of the sentence holding the trigger, in code points.', example: 1650 },
    { name: 'sentence_end', type: 'integer', required: true, minimum: 0, description: 'End offset of that sentence, in code points.', example: 1752 },
    { name: 'mentions', type: 'integer', required: true, minimum: 1, description: 'How many times the article tells this same event.', example: 1 },
    { name: 'confidence', type: 'number', required: true, minimum: 0, description: 'Rule confidence between 0 and 1.', example: 0.7 },
  ],
};

const rejects: Table = {
  name: 'rejects',
  title: 'Rejects',
  description: 'Input that could not become an article, with the reason. Nothing is dropped silently.',
  primaryKey: ['reject_id'],
  foreignKeys: [],
  columns: [
    { name: 'reject_id', type: 'string', required: true, pattern: ID('rej'), description: 'Stable ID from file, record and stage.', example: 'rej_1a2b3c4d5e6f7a8b' },
    { name: 'source_file', type: 'string', required: true, description: 'Path of the raw input relative to RAW.', example: 'broken.json' },
    { name: 'record', type: 'string', description: 'Where in the file (record key, line number), if it holds several.', example: 'line 42' },
    { name: 'stage', type: 'string', required: true, enum: ['ingest', 'clean', 'segment', 'extract'], description: 'Stage that rejected it.', example: 'ingest' },
    { name: 'reason', type: 'string', required: true, description: 'Why, in words.', example: 'binary file (NUL bytes in the first 8 KiB)' },
  ],
};

export const TABLES: Record<TableName, Table> = { articles, statements, events, rejects };

export type Row = Record<string, string | number | boolean | null>;

/** Column names of a table, in published order. */
export function columnNames(table: TableName): string[] {
  return TABLES[table].columns.map((c) => c.name);
}
