/** Loose date parsing for dates written in article text ("Jul 27, 2021", "Jan 29 2021", "27 July 2021"). */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
/** A date written out in one of the common English forms; used inside larger patterns. */
export const DATE_PATTERN = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH},?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2})`;

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || y < 1800 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null; // 31 February and friends
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Parse one written date to YYYY-MM-DD, or null. */
export function parseLooseDate(s: string): string | null {
  const t = s.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})/.exec(t);
  if (m && MONTHS[m[1].toLowerCase()]) return isoDate(+m[3], MONTHS[m[1].toLowerCase()], +m[2]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})/.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return isoDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  return null;
}

const PUBLISHED_MARK = new RegExp(`(first\\s+published|published|posted|last\\s+updated|updated)(?:\\s+on)?\\s*:?\\s*(${DATE_PATTERN})`, 'gi');
const POST_SIGNATURE = new RegExp(`\\(@\\w+\\)\\s+(${DATE_PATTERN})`, 'g');

/** A line that is only a date ("2022-05-04", "4 May 2022", "Wednesday, May 4, 2022 10:31 BST"). */
export const DATE_LINE = new RegExp(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?(${DATE_PATTERN})(?:,?\\s+(?:at\\s+)?\\d{1,2}[.:]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s*[A-Z]{2,4})?)?$`, 'i');
/** How many non-blank lines at the top of a text may hold its date line (title, byline, date). */
const DATE_LINE_WITHIN = 5;

/** The date of a line that is only a date among the first lines of a text (a .txt dump's title, then its date). */
export function dateLineNearTop(text: string): string | null {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, DATE_LINE_WITHIN);
  for (const l of lines) {
    const m = DATE_LINE.exec(l);
    const d = m ? parseLooseDate(m[1]) : null;
    if (d) return d;
  }
  return null;
}

/**
 * Publication date from the text itself: an explicit "Published:"/"Updated:" line wins (published
 * before updated); then a line that is only a date near the top; otherwise the newest embedded post
 * (a story is never older than what it embeds).
 */
export function publishedFromText(text: string): string | null {
  let published: string | null = null;
  let updated: string | null = null;
  for (const m of text.matchAll(PUBLISHED_MARK)) {
    const d = parseLooseDate(m[2]);
    if (!d) continue;
    if (/updated/i.test(m[1])) updated ??= d;
    else published ??= d;
  }
  if (published || updated) return published ?? updated;
  const top = dateLineNearTop(text);
  if (top) return top;
  let newest: string | null = null;
  for (const m of text.matchAll(POST_SIGNATURE)) {
    const d = parseLooseDate(m[1]);
    if (d && (!newest || d > newest)) newest = d;
  }
  return newest;
}

const RFC_2822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3,9})\.?\s+(\d{4})/;
const REUTERS_DATE = /^(\d{1,2})-([A-Za-z]{3})-(\d{4})/;

/**
 * A publication date as metadata writes it, to YYYY-MM-DD: ISO 8601 (the date as written, not
 * shifted to UTC: the publisher's calendar day), RFC 2822, Reuters' "26-FEB-1987 15:01:01.79",
 * Unix seconds or milliseconds, and the loose written forms. Null when it is none of these.
 */
export function metadataDate(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const ms = value > 1e11 ? value : value * 1000; // milliseconds vs seconds
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  if (typeof value !== 'string') return null;
  const t = value.trim();
  if (!t) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(t) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})/.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  m = /^(\d{4})(\d{2})(\d{2})(?:T|$)/.exec(t);
  if (m) return isoDate(+m[1], +m[2], +m[3]);
  if (/^\d{9,13}$/.test(t)) return metadataDate(Number(t));
  m = REUTERS_DATE.exec(t) ?? RFC_2822.exec(t);
  if (m && MONTHS[m[2].toLowerCase()]) return isoDate(+m[3], MONTHS[m[2].toLowerCase()], +m[1]);
  return parseLooseDate(t.replace(/^[A-Za-z]+day,?\s+/, ''));
}
