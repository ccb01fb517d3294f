/**
 * Row and dataset checks generated from the schema: types, required values, enums, patterns, minimums,
 * unique primary keys, foreign keys to articles, and offsets that slice the article text to the quote
 * or trigger they claim.
 */
import { TABLES, type Column, type Row, type TableName } from './tables.ts';

const compiled = new Map<string, RegExp>();
const pattern = (p: string) => compiled.get(p) ?? compiled.set(p, new RegExp(p)).get(p)!;

export function checkValue(c: Column, v: unknown): string | null {
  // One meaning of missing (MISSING_VALUES): null, never an empty string.
  if (v === '') return c.required ? `${c.name} is required` : `${c.name} is an empty string: a missing value is null`;
  if (v === null || v === undefined) return c.required ? `${c.name} is required` : null;
  switch (c.type) {
    case 'integer':
      if (typeof v !== 'number' || !Number.isInteger(v)) return `${c.name} must be an integer (got ${JSON.stringify(v)})`;
      break;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v)) return `${c.name} must be a number (got ${JSON.stringify(v)})`;
      break;
    case 'boolean':
      if (typeof v !== 'boolean') return `${c.name} must be true or false (got ${JSON.stringify(v)})`;
      break;
    default:
      if (typeof v !== 'string') return `${c.name} must be a string (got ${JSON.stringify(v)})`;
  }
  if (c.enum && !c.enum.includes(v as string)) return `${c.name} must be one of ${c.enum.filter(Boolean).join(', ')} (got ${JSON.stringify(v)})`;
  if (c.pattern && typeof v === 'string' && !pattern(c.pattern).test(v)) return `${c.name} ${JSON.stringify(v)} does not match ${c.pattern}`;
  if (c.minimum !== undefined && typeof v === 'number' && v < c.minimum) return `${c.name} must be at least ${c.minimum} (got ${v})`;
  if (c.type === 'date' && typeof v === 'string' && Number.isNaN(Date.parse(v))) return `${c.name} ${v} is not a real date`;
  return null;
}

/** Problems with one row against its table's columns (unknown and missing columns included). */
export function checkRow(table: TableName, row: Row): string[] {
  const problems: string[] = [];
  const cols = TABLES[table].columns;
  for (const c of cols) {
    if (!(c.name in row)) {
      problems.push(`column ${c.name} is missing`);
      continue;
    }
    const p = checkValue(c, row[c.name]);
    if (p) problems.push(p);
  }
  for (const k of Object.keys(row)) if (!cols.some((c) => c.name === k)) problems.push(`unknown column ${k}`);
  return problems;
}

/** Text that offsets slice: a string (UTF-16 code units) or its code points (codePointText). */
export interface Sliceable {
  length: number;
  slice(a: number, b: number): string;
}

/** The article text indexed by Unicode code points, the unit of `start`/`end` (OFFSETS in tables.ts). */
export function codePointText(text: string): Sliceable {
  const cps = Array.from(text);
  return { length: cps.length, slice: (a, b) => cps.slice(a, b).join('') };
}

/** Offsets of a statement or event must slice the article text to its quote or trigger. */
export function checkSpan(text: Sliceable, row: Row, startKey: string, endKey: string, expected: string | null, label: string): string | null {
  const a = row[startKey];
  const b = row[endKey];
  if (a === null && b === null) return null;
  if (typeof a !== 'number' || typeof b !== 'number') return `${label}: ${startKey}/${endKey} must both be set`;
  if (a > b || b > text.length) return `${label}: ${startKey}..${endKey} = ${a}..${b} is outside the article text (length ${text.length})`;
  if (expected !== null && text.slice(a, b) !== expected) return `${label}: text[${a}:${b}] is ${JSON.stringify(text.slice(a, b).slice(0, 60))}, not ${JSON.stringify(expected.slice(0, 60))}`;
  return null;
}

/**
 * What is wrong with a statement row's offsets: the quote's (code points and UTF-16), the cue's and the speaker
 * mention's must slice the article text to the words the row gives.
 */
export function statementSpanProblems(text: string, cps: Sliceable, s: Row): string[] {
  const words = typeof s.quote === 'string' ? s.quote : '';
  return [
    checkSpan(cps, s, 'start', 'end', words, 'quote (code points)'),
    checkSpan(text, s, 'start_utf16', 'end_utf16', words, 'quote (UTF-16)'),
    checkSpan(cps, s, 'cue_start', 'cue_end', typeof s.cue === 'string' ? s.cue : null, 'cue'),
    checkSpan(cps, s, 'speaker_mention_start', 'speaker_mention_end', typeof s.speaker_mention === 'string' ? s.speaker_mention : null, 'speaker_mention'),
  ].filter((p): p is string => p !== null);
}

export interface ValidationReport {
  ok: boolean;
  rows: Record<TableName, number>;
  errors: Array<{ table: TableName; key: string; problem: string }>;
  /** Errors beyond the ones listed. */
  more: number;
}

/** Collects problems, keeping the first N for the report. */
export class Checker {
  report: ValidationReport = { ok: true, rows: { articles: 0, statements: 0, events: 0, rejects: 0 }, errors: [], more: 0 };
  private seen: Record<TableName, Set<string>> = { articles: new Set(), statements: new Set(), events: new Set(), rejects: new Set() };
  constructor(private readonly limit = 50) {}

  fail(table: TableName, key: string, problem: string): void {
    this.report.ok = false;
    if (this.report.errors.length < this.limit) this.report.errors.push({ table, key, problem });
    else this.report.more++;
  }

  /** Schema checks and primary-key uniqueness; returns the row's key. */
  row(table: TableName, row: Row, where: string): string {
    this.report.rows[table]++;
    const pk = TABLES[table].primaryKey.map((k) => String(row[k] ?? '')).join('|');
    const key = pk || where;
    for (const p of checkRow(table, row)) this.fail(table, key, p);
    if (pk) {
      if (this.seen[table].has(pk)) this.fail(table, key, `duplicate ${TABLES[table].primaryKey.join(', ')} ${pk}`);
      this.seen[table].add(pk);
    }
    return key;
  }

  hasArticle(id: string): boolean {
    return this.seen.articles.has(id);
  }
}

export function formatReport(r: ValidationReport): string {
  const lines = [`validation ${r.ok ? 'passed' : 'FAILED'}: ` + Object.entries(r.rows).map(([t, n]) => `${n} ${t}`).join(', ')];
  for (const e of r.errors) lines.push(`  ${e.table} ${e.key}: ${e.problem}`);
  if (r.more) lines.push(`  ... and ${r.more} more problems`);
  return lines.join('\n');
}
