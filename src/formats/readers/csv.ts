/**
 * CSV and TSV exports: a header row naming a text column (text, content, body, maintext, ...) and
 * optionally title, date, url, source; one article per row. A streaming RFC 4180 parser (quoted
 * fields may hold delimiters, doubled quotes and newlines) that holds one row at a time and says
 * exactly what is wrong with a bad row: a stray quote, a wrong field count, a quote never closed.
 */
import type { ReaderOutput } from '../../schema/records.ts';
import { recordFromObject } from './json.ts';
import { MAX_ARTICLE_BYTES, type Source } from './source.ts';

export interface CsvRow {
  /** 1-based line on which the row starts. */
  line: number;
  fields: string[];
  /** What is wrong with the row's quoting, if anything. */
  problem?: string;
}

/** Rows of a CSV text stream. */
export async function* parseCsv(chunks: AsyncIterable<string>, delimiter: string, max = MAX_ARTICLE_BYTES): AsyncGenerator<CsvRow> {
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  let quoteClosed = false; // just after a closing quote: only a delimiter, line end or "" may follow
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let problem: string | undefined;
  let rowSize = 0;
  let pendingCR = false;
  const endRow = (): CsvRow => {
    fields.push(field);
    const row: CsvRow = { line: rowLine, fields, problem: rowSize > max ? `row longer than ${max} characters` : problem };
    fields = [];
    field = '';
    problem = undefined;
    quoteClosed = false;
    rowSize = 0;
    rowLine = line;
    return row;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') continue; // CRLF: the row already ended at CR
      }
      rowSize++;
      if (inQuotes) {
        if (c === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else if (i + 1 === chunk.length) {
            // Cannot see past the chunk: decide at the next character.
            inQuotes = false;
            quoteClosed = true;
          } else {
            inQuotes = false;
            quoteClosed = true;
          }
        } else {
          if (c === '\n') line++;
          if (rowSize <= max) field += c;
        }
        continue;
      }
      if (quoteClosed && c === '"') {
        // a doubled quote split across chunks ("" at a chunk edge): still inside the quoted field
        field += '"';
        inQuotes = true;
        quoteClosed = false;
        continue;
      }
      if (c === delimiter) {
        fields.push(field);
        field = '';
        quoteClosed = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCR = true;
        line++;
        const row = endRow();
        rowLine = line;
        if (!(row.fields.length === 1 && row.fields[0] === '' && !row.problem)) yield row; // skip blank lines
      } else if (c === '"' && field === '' && !quoteClosed) {
        inQuotes = true;
        quoteLine = line;
      } else {
        if (quoteClosed || c === '"') problem ??= `stray quotation mark in field ${fields.length + 1}`;
        quoteClosed = false;
        if (rowSize <= max) field += c;
      }
    }
  }
  if (inQuotes) {
    // Reject the row with the stray opening quote, then read the lines after it again as rows.
    const rest = field.includes('\n') ? field.slice(field.indexOf('\n') + 1) : '';
    const truncated = rowSize > max;
    problem = `quoted field opened on line ${quoteLine} is never closed; the lines after it were read again as rows${truncated ? ` (up to ${max} characters of them)` : ''}`;
    yield endRow();
    if (rest) {
      for await (const row of parseCsv((async function* () { yield rest; })(), delimiter, max)) yield { ...row, line: row.line + quoteLine };
    }
  } else if (field !== '' || fields.length) yield endRow();
}

async function* decodeChunks(chunks: AsyncIterable<Buffer>, onBad: () => void): AsyncGenerator<string> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  const lenient = new TextDecoder('utf-8');
  let bad = false;
  for await (const c of chunks) {
    if (!bad) {
      try {
        yield strict.decode(c, { stream: true });
        continue;
      } catch {
        bad = true;
        onBad();
      }
    }
    yield lenient.decode(c, { stream: true });
  }
  yield bad ? lenient.decode() : strict.decode();
}

function delimiterOf(path: string, head: Uint8Array): string {
  if (/\.tsv(\.gz)?$/i.test(path)) return '\t';
  const first = new TextDecoder('latin1').decode(head.subarray(0, 4096)).split('\n')[0];
  const count = (d: string) => first.split(d).length - 1;
  const best = [',', ';', '\t'].sort((a, b) => count(b) - count(a))[0];
  return count(best) > 0 ? best : ',';
}

export async function* readCsv(src: Source): AsyncGenerator<ReaderOutput> {
  let header: string[] | null = null;
  let badUtf8 = false;
  const rows = parseCsv(decodeChunks(src.chunks(), () => (badUtf8 = true)), delimiterOf(src.path, src.head));
  for await (const row of rows) {
    const key = String(row.line);
    if (!header) {
      header = row.fields.map((h, i) => (i === 0 ? h.replace(/^\ufeff/, '') : h).trim());
      const names = header.map((h) => h.toLowerCase());
      if (!names.some((h) => ['maintext', 'text', 'content', 'body', 'article', 'article_text', 'articlebody', 'full_text', 'story', 'description'].includes(h))) {
        const short = (h: string) => (h.length > 40 ? `${h.slice(0, 40)}...` : h);
        let found = header.slice(0, 12).map(short).join(', ');
        if (found.length > 200) found = `${found.slice(0, 200)}...`;
        yield { kind: 'reject', record: '', reason: `no text column in the header (want text, content, body or maintext; found: ${found}${header.length > 12 ? `, and ${header.length - 12} more` : ''}); is the header row missing?` };
        return;
      }
      continue;
    }
    if (badUtf8 && row.fields.some((f) => f.includes('\ufffd'))) {
      yield { kind: 'reject', record: key, reason: 'not valid UTF-8 (undecodable bytes in this row)' };
      continue;
    }
    if (row.problem) {
      yield { kind: 'reject', record: key, reason: `broken CSV quoting: ${row.problem}` };
      continue;
    }
    if (row.fields.length !== header.length) {
      yield { kind: 'reject', record: key, reason: `expected ${header.length} fields (the header's), found ${row.fields.length}` };
      continue;
    }
    const obj: Record<string, string> = {};
    header.forEach((h, i) => (obj[h] = row.fields[i]));
    yield recordFromObject(obj, key, 'csv');
  }
  if (!header) yield { kind: 'reject', record: '', reason: 'empty file' };
}
