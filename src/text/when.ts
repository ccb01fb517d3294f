/**
 * Date expressions resolved against the article's publication date ("on Thursday", "by mid-January",
 * "in December", "May 1"), with the precision the words allow. chrono-node does the parsing; the
 * reference is the publication date so that weekdays resolve to the past week (news reports the past).
 */
import * as chrono from 'chrono-node';

export type Precision = 'day' | 'month' | 'year';
export interface ResolvedDate {
  date: string;
  precision: Precision;
  /** Offsets of the expression inside the text given. */
  start: number;
  end: number;
  text: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Every date expression in `text`, resolved against `published` (YYYY-MM-DD). */
export function resolveDates(text: string, published: string): ResolvedDate[] {
  if (!published) return [];
  const [y, m, d] = published.split('-').map(Number);
  const ref = new Date(Date.UTC(y, m - 1, d, 12));
  const out: ResolvedDate[] = [];
  for (const r of chrono.en.casual.parse(text, { instant: ref, timezone: 0 }, { forwardDate: false })) {
    const c = r.start;
    if (!c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('year')) continue; // "now", "today" alone
    if (/^\d{1,2}(:\d{2})?\s*(am|pm)?$/i.test(r.text.trim())) continue; // clock times
    const year = c.get('year')!;
    const month = c.get('month')!;
    const day = c.get('day')!;
    const precision: Precision = c.isCertain('day') || c.isCertain('weekday') || /\b(yesterday|today|tomorrow)\b/i.test(r.text) ? 'day' : c.isCertain('month') ? 'month' : 'year';
    const date = precision === 'day' ? `${year}-${pad(month)}-${pad(day)}` : precision === 'month' ? `${year}-${pad(month)}` : String(year);
    out.push({ date, precision, start: r.index, end: r.index + r.text.length, text: r.text });
  }
  return out;
}
