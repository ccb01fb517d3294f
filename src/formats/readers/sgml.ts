/**
 * SGML multi-record dumps in the Reuters-21578 layout: `<REUTERS ... NEWID="17">` records holding
 * `<DATE>`, `<TEXT>` with `<TITLE>`, `<DATELINE>` and `<BODY>`. Latin-1 (UTF-8 where a record is
 * valid UTF-8 with non-ASCII bytes); character references like `&#3;` decoded and control
 * characters dropped. Streamed: one record in memory at a time. A record without a body (Reuters'
 * TYPE="BRIEF" headlines and TYPE="UNPROC" tables) and an unclosed record are rejects.
 */
import type { RawRecord, ReaderOutput } from '../../schema/records.ts';
import { decodeUtf8 } from './decode.ts';
import { metadataDate } from '../../text/dates.ts';
import { MAX_ARTICLE_BYTES, type Source } from './source.ts';

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

/** Decode character references; drop the control characters Reuters wraps records in (&#2; &#3; ...). */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);|&#x([0-9a-f]+);|&([a-z]+);/gi, (whole, dec, hex, name) => {
      if (name) return NAMED[name.toLowerCase()] ?? whole;
      const code = dec ? parseInt(dec, 10) : parseInt(hex, 16);
      if (code < 32 && code !== 9 && code !== 10 && code !== 13) return '';
      if (code === 127 || code > 0x10ffff) return '';
      return String.fromCodePoint(code);
    })
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

const tag = (rec: string, name: string) => {
  const m = new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`, 'i').exec(rec);
  return m ? m[1] : null;
};
const attr = (openTag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(openTag)?.[1] ?? '';

/**
 * Wire-copy body to paragraphs: a line indented by spaces starts a paragraph, wrapped lines join,
 * and paragraphs are separated by one blank line.
 */
export function wireParagraphs(body: string): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) {
      flush();
      continue;
    }
    if (/^\s{2,}\S/.test(raw) || /^\t/.test(raw)) flush();
    current.push(raw.trim());
  }
  flush();
  return paragraphs.join('\n\n');
}

/** One `<REUTERS>...</REUTERS>` record (latin-1 decoded) as an article or a reject. */
export function sgmlRecord(recordText: string, ordinal: number): ReaderOutput {
  const open = /<REUTERS\b[^>]*>/i.exec(recordText)?.[0] ?? '';
  const newid = attr(open, 'NEWID');
  const record = newid ? `NEWID=${newid}` : `record ${ordinal}`;
  // A record that is valid UTF-8 with non-ASCII bytes was written in UTF-8, not latin-1.
  let text = recordText;
  if (/[\u0080-\u00ff]/.test(text)) {
    const asUtf8 = decodeUtf8(Buffer.from(text, 'latin1'));
    if (asUtf8.ok) text = asUtf8.text;
  }
  const textBlock = tag(text, 'TEXT');
  const type = /<TEXT\b[^>]*\bTYPE="([^"]*)"/i.exec(text)?.[1] ?? '';
  const body = tag(text, 'BODY');
  if (body === null || !decodeEntities(body).replace(/\bReuter\b/g, '').trim()) {
    const why = type === 'BRIEF' ? 'headline only (TEXT TYPE="BRIEF")' : type === 'UNPROC' ? 'unprocessed text without a <BODY> (TEXT TYPE="UNPROC")' : textBlock === null ? 'no <TEXT>' : 'no <BODY> text';
    return { kind: 'reject', record, reason: `no article body: ${why}` };
  }
  const title = decodeEntities(tag(text, 'TITLE') ?? '').replace(/\s+/g, ' ').trim();
  const dateline = decodeEntities(tag(text, 'DATELINE') ?? '').trim();
  const place = dateline.split(',')[0].replace(/\s+-\s*$/, '').trim();
  const out: RawRecord = {
    kind: 'record', record, format: 'sgml', text: wireParagraphs(decodeEntities(body).replace(/\s*\bReuter\s*$/, '')), title,
    publisher: 'Reuters',
  };
  const published = metadataDate(decodeEntities(tag(text, 'DATE') ?? ''));
  if (published) out.published = published;
  if (place && place.length <= 40) out.dateline = place;
  return out;
}

const OPEN = /<REUTERS\b/gi;

export async function* readSgml(src: Source): AsyncGenerator<ReaderOutput> {
  const latin1 = new TextDecoder('latin1');
  let buffer = '';
  let ordinal = 0;
  let any = false;
  for await (const chunk of src.chunks()) {
    buffer += latin1.decode(chunk, { stream: true });
    for (;;) {
      const start = buffer.search(/<REUTERS\b/i);
      if (start < 0) {
        buffer = buffer.slice(-16); // keep a possible partial "<REUTERS" at the edge
        break;
      }
      const end = buffer.indexOf('</REUTERS>', start);
      OPEN.lastIndex = start + 8;
      const nextStart = OPEN.exec(buffer)?.index ?? -1;
      if (nextStart >= 0 && (end < 0 || nextStart < end)) {
        // A new record opens before this one closes: this one is unclosed.
        ordinal++;
        any = true;
        const cut = nextStart;
        const key = /NEWID="([^"]*)"/i.exec(buffer.slice(start, cut))?.[1];
        yield { kind: 'reject', record: key ? `NEWID=${key}` : `record ${ordinal}`, reason: 'unclosed <REUTERS> record (no </REUTERS> before the next record)' };
        buffer = buffer.slice(cut);
        continue;
      }
      if (end < 0) {
        if (buffer.length - start > MAX_ARTICLE_BYTES) {
          ordinal++;
          any = true;
          yield { kind: 'reject', record: `record ${ordinal}`, reason: `record longer than ${MAX_ARTICLE_BYTES} bytes without </REUTERS>` };
          buffer = '';
        } else buffer = buffer.slice(start);
        break;
      }
      ordinal++;
      any = true;
      yield sgmlRecord(buffer.slice(start, end + '</REUTERS>'.length), ordinal);
      buffer = buffer.slice(end + '</REUTERS>'.length);
    }
  }
  const rest = buffer.search(/<REUTERS\b/i);
  if (rest >= 0) {
    ordinal++;
    any = true;
    const key = /NEWID="([^"]*)"/i.exec(buffer.slice(rest))?.[1];
    yield { kind: 'reject', record: key ? `NEWID=${key}` : `record ${ordinal}`, reason: 'unclosed <REUTERS> record at end of file (truncated?)' };
  }
  if (!any) yield { kind: 'reject', record: '', reason: 'no <REUTERS> records in the file' };
}
