/**
 * Date expressions resolved against the article's publication date ("on Thursday", "by mid-January",
 * "in December", "May 1"), with the precision the words allow. chrono-node does the parsing; we decide
 * the direction: news reports the past, so an expression without a year or with a bare weekday
 * resolves to the latest such date on or before publication, unless its words look forward ("by",
 * "until", "next", "will", "plans to" ...), in which case it resolves to the first such date on or after.
 */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { escapeRegExp } from '../util/regexp.ts';

export type Precision = 'day' | 'month' | 'year';
export interface ResolvedDate {
  date: string;
  precision: Precision;
  /** Offsets of the expression inside the text given. */
  start: number;
  end: number;
  text: string;
  /** A named period ("the second world war"), dated by the year it ended. */
  period?: boolean;
  /** The expression was read as pointing after the publication date. */
  future: boolean;
  /** The year is written out ("May 2003"), not inferred from the publication date. */
  certainYear?: boolean;
}

export interface ResolveOptions {
  /** The caller knows the clause is about the future (a planned event). */
  future?: boolean;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Words right before an expression that point forward: "by mid-January", "until May", "from next week". */
const FORWARD_BEFORE = /\b(?:by|until|till|before|starting|from|through|next|coming|upcoming|ahead of|no later than|deadline of)\s+(?:the\s+)?(?:(?:end|middle|start|beginning) of\s+|mid-?|early\s+|late\s+)?$/i;
/** Future tense or plans earlier in the same sentence. */
const FUTURE_CLAUSE = /\b(?:will|'ll|shall|would|plans?(?:ned)? to|planning to|intends? to|set to|going to|expected to|scheduled|due to|aims? to|is to|are to|deadline)\b/i;
const PAST_CLAUSE = /\b(?:was|were|had|did|last|ago|earlier|previously|\w+ed)\s*$/i;

const HALF_YEAR_MS = 183 * 86400e3;

const YEAR = /\b(?:in|since|during|by|until|of|early|late|mid-?)\s+((?:19|20)\d{2})\b(?![-\/]\d)/gi;

function absoluteOnly(text: string): ResolvedDate[] {
  // Any reference will do: only expressions whose year is certain are kept.
  return resolveDates(text, '2000-01-01').filter((r) => r.certainYear && /\b(?:1[89]|20)\d{2}\b/.test(r.text)).map((r) => ({ ...r, future: false }));
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

/**
 * Every date expression in `text`, resolved against `published` (YYYY-MM-DD). Without a publication date
 * only expressions that name their year ("5 January 2004", "in 2003") can be resolved, and are.
 */
// ("after three months of negotiations", "after two weeks in jail": counted from another event, not from publication)
const DURATION = /^(?:for|over|during|after|within)\s+(?:the\s+)?(?:past\s+|last\s+|next\s+)?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|many|a few|few|a couple of|couple of)\s+(?:years?|months?|weeks?|days?|decades?|hours?)$/i;
const DURATION_UNIT = /^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|many|a few|few)\s+(?:years?|months?|weeks?|days?|decades?|hours?)$/i;

/** Named periods and the year each ended (periods.tsv). */
const PERIODS = new Map<string, number>();
for (const line of readFileSync(new URL('./periods.tsv', import.meta.url), 'utf8').split('\n')) {
  if (!line.trim() || line.startsWith('#')) continue;
  const [names, year] = line.replace(/\r$/, '').split('\t');
  if (!/^\d{4}$/.test(year ?? '')) throw new Error(`periods.tsv: line "${line}" needs NAMES <TAB> YEAR`);
  for (const n of names.split('|')) PERIODS.set(n.trim().toLowerCase(), Number(year));
}
const PERIOD = new RegExp(`\\b(${[...PERIODS.keys()].sort((a, b) => b.length - a.length).map((k) => escapeRegExp(k).replace(/ /g, '\\s+')).join('|')})\\b`, 'gi');
const YEAR_AFTER = /^,?\s+(this|next|last)\s+year\b/i;
const AFTER_ANOTHER = /^(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|twenty|several|many|a few|few)\s+(?:years?|months?|weeks?|days?|decades?|hours?)\s+(?:after|before|later|earlier)$/i;

export function resolveDates(text: string, published: string, opts: ResolveOptions = {}): ResolvedDate[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(published)) return absoluteOnly(text);
  const [y, m, d] = published.split('-').map(Number);
  const ref = utc(y, m, d);
  const out: ResolvedDate[] = [];
  // chrono reads its reference with local-time functions ("last night": the day before when the
  // reference is past 6 am there). Noon of the publication day on the local clock, in the local zone,
  // makes its calendar the publication's whatever TZ is; the results are calendar fields, never instants.
  for (const r of chrono.en.casual.parse(text, { instant: new Date(y, m - 1, d, 12), timezone: -new Date(y, m - 1, d, 12).getTimezoneOffset() })) {
    const c = r.start;
    if (!c.isCertain('month') && !c.isCertain('weekday') && !c.isCertain('day') && !c.isCertain('year')) continue; // "now", "today" alone
    if (/^\d{1,2}(:\d{2})?\s*(am|pm)?$/i.test(r.text.trim())) continue; // clock times
    // "7/8 pct", "a 1/4 point drop": without a year, two numbers and a slash are a fraction in news copy
    if (/^\d{1,2}\/\d{1,2}$/.test(r.text.trim())) continue;
    // "for 20 years", "over several months": a duration, never a date (chrono counts it forward from now).
    // ("three days after his arrest", "two weeks later": counted from another event too)
    if (DURATION.test(r.text.trim()) || AFTER_ANOTHER.test(r.text.trim()) || (DURATION_UNIT.test(r.text.trim()) && /\b(?:for|over|during|after|within)\s+$/i.test(text.slice(Math.max(0, r.index - 8), r.index)))) continue;
    const relative = /\b(?:yesterday|today|tonight|tomorrow|ago|last|next|this|coming|past)\b/i.test(r.text);
    const before = text.slice(Math.max(0, r.index - 40), r.index);
    const clause = text.slice(0, r.index).split(/[.;!?]\s/).pop() ?? '';
    const forward = FORWARD_BEFORE.test(before) || /\bnext\b/i.test(r.text) || ((opts.future || FUTURE_CLAUSE.test(clause)) && !PAST_CLAUSE.test(before));
    let year = c.get('year')!;
    let month = c.get('month')!;
    let day = c.get('day')!;
    const precision: Precision = c.isCertain('day') || c.isCertain('weekday') || /\b(yesterday|today|tonight|tomorrow)\b/i.test(r.text) ? 'day' : c.isCertain('month') ? 'month' : 'year';
    if (!relative) {
      if (c.isCertain('weekday') && !c.isCertain('day')) {
        // A bare weekday: the one in the week before publication, or after it when the words look forward.
        let t = utc(year, month, day);
        while (!forward && t > ref) t = new Date(t.getTime() - 7 * 86400e3);
        while (forward && t < ref) t = new Date(t.getTime() + 7 * 86400e3);
        [year, month, day] = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
      } else if (c.isCertain('month') && !c.isCertain('year') && YEAR_AFTER.test(text.slice(r.index + r.text.length))) {
        // "for July this year", "in March next year": chrono leaves the year words to a date of their own
        const which = YEAR_AFTER.exec(text.slice(r.index + r.text.length))![1].toLowerCase();
        year = y + (which === 'next' ? 1 : which === 'last' ? -1 : 0);
      } else if (c.isCertain('month') && !c.isCertain('year')) {
        // "in December", "May 1": the year that puts it on the right side of publication.
        const key = (yy: number) => (precision === 'day' ? utc(yy, month, day) : utc(yy, month, 1));
        const pubKey = precision === 'day' ? ref : utc(y, m, 1);
        year = y;
        if (forward && key(year) < pubKey) year++;
        if (!forward && key(year) > pubKey) year--;
        // A day named without a year more than half a year back is the coming one: "proposed a meeting on April
        // 23" in March (a writer names the year, or "last", of a day that long past).
        if (!forward && precision === 'day' && !PAST_CLAUSE.test(before) && !/\b(?:was|were|had)\b/i.test(before) && ref.getTime() - key(year).getTime() > HALF_YEAR_MS) year++;
      }
    }
    const date = precision === 'day' ? `${year}-${pad(month)}-${pad(day)}` : precision === 'month' ? `${year}-${pad(month)}` : String(year);
    out.push({ date, precision, start: r.index, end: r.index + r.text.length, text: r.text, future: date > published.slice(0, date.length), certainYear: c.isCertain('year') && !relative });
  }
  // A bare year ("in 2019", "since 2001"), which chrono leaves alone.
  for (const mm of text.matchAll(YEAR)) {
    const start = mm.index! + mm[0].length - 4;
    if (out.some((o) => o.start <= start && start < o.end)) continue;
    out.push({ date: mm[1], precision: 'year', start, end: start + 4, text: mm[1], future: mm[1] > published.slice(0, 4), certainYear: true });
  }
  // A named period that ended before publication ("during the second world war", "in the Kosovo conflict").
  for (const mm of text.matchAll(PERIOD)) {
    const end = PERIODS.get(mm[1].toLowerCase().replace(/\s+/g, ' '))!;
    // (only what happened in it: "since the second world war", "a world war memorial" date nothing)
    if (end >= y || !/\b(?:during|in|throughout)\s+the\s+$/i.test(text.slice(Math.max(0, mm.index! - 16), mm.index!)) || out.some((o) => o.start <= mm.index! && mm.index! < o.end)) continue;
    out.push({ date: String(end), precision: 'year', start: mm.index!, end: mm.index! + mm[0].length, text: mm[0], future: false, certainYear: true, period: true });
  }
  return out.sort((a, b) => a.start - b.start);
}
