/**
 * Language of an article: by script where the letters are mostly not Latin, else by the share of
 * words that are a language's function words (src/text/stopwords.tsv, data). Small, fast, and good
 * at the one question the pipeline asks: is this English?
 */
import { readFileSync } from 'node:fs';

export interface Detected {
  /** ISO 639-1 code, or '' when the text is too short or too mixed to tell. */
  language: string;
  /** Why, in words ("41% German function words, 3% English"). */
  evidence: string;
}

interface Profile {
  code: string;
  name: string;
  words: Set<string>;
}

export function parseStopwords(tsv: string): Profile[] {
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [code, name, words] = l.split('\t');
      return { code, name, words: new Set((words ?? '').split(/\s+/).filter(Boolean)) };
    });
}

const PROFILES = parseStopwords(readFileSync(new URL('./stopwords.tsv', import.meta.url), 'utf8'));
/** word -> the profiles listing it: one lookup per word instead of one per word and language. */
const WORD_INDEX = new Map<string, number[]>();
PROFILES.forEach((p, l) => p.words.forEach((w) => WORD_INDEX.set(w, [...(WORD_INDEX.get(w) ?? []), l])));

/** Scripts that name a language on their own (the most used language of the script). */
const SCRIPTS: Array<{ re: RegExp; code: string; name: string }> = [
  { re: /[\u3040-\u30ff]/gu, code: 'ja', name: 'Japanese kana' },
  { re: /[\uac00-\ud7af]/gu, code: 'ko', name: 'Hangul' },
  { re: /\p{Script=Han}/gu, code: 'zh', name: 'Chinese characters' },
  { re: /\p{Script=Cyrillic}/gu, code: 'ru', name: 'Cyrillic' },
  { re: /\p{Script=Arabic}/gu, code: 'ar', name: 'Arabic script' },
  { re: /\p{Script=Greek}/gu, code: 'el', name: 'Greek' },
  { re: /\p{Script=Hebrew}/gu, code: 'he', name: 'Hebrew' },
  { re: /\p{Script=Devanagari}/gu, code: 'hi', name: 'Devanagari' },
  { re: /\p{Script=Bengali}/gu, code: 'bn', name: 'Bengali' },
  { re: /\p{Script=Thai}/gu, code: 'th', name: 'Thai' },
];

const MIN_WORDS = 15;
const MIN_DISTINCT = 5;
const SAMPLE_CHARS = 6000; // about a thousand words: plenty for function-word shares
const pct = (x: number) => `${Math.round(100 * x)}%`;

export function detectLanguage(text: string): Detected {
  const sample = text.slice(0, SAMPLE_CHARS);
  // One cheap pass: ASCII and Latin-1/Extended-A/B letters are Latin; the script regexes run only when needed.
  let latin = 0;
  let other = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0xc0 && c < 0x250 && c !== 0xd7 && c !== 0xf7)) latin++;
    else if (c >= 0x370 && !(c >= 0x2000 && c < 0x2c00) && !(c >= 0xd800 && c < 0xe000) && !(c >= 0xfe00 && c < 0xff00)) other++;
  }
  const letters = latin + other;
  if (letters === 0) return { language: '', evidence: 'no letters' };
  if (latin / letters < 0.5) {
    // Japanese mixes kana into Han; test kana first, then the others by count.
    let best = { code: '', name: '', n: 0 };
    for (const s of SCRIPTS) {
      const n = (sample.match(s.re) ?? []).length;
      if (s.code === 'ja' && n / letters > 0.1) return { language: 'ja', evidence: `${pct(n / letters)} ${s.name}` };
      if (n > best.n) best = { code: s.code, name: s.name, n };
    }
    if (best.code === 'ru' && /[іїєґ]/i.test(sample)) best = { ...best, code: 'uk' };
    if (best.code === 'ar' && /[پچژگ]/.test(sample)) best = { ...best, code: 'fa' };
    return best.code ? { language: best.code, evidence: `${pct(best.n / letters)} of letters ${best.name}` } : { language: '', evidence: 'unknown script' };
  }
  const words = sample.toLowerCase().match(/\p{L}+(?:['’]\p{L}+)?/gu) ?? [];
  if (words.length < MIN_WORDS) return { language: '', evidence: `only ${words.length} words` };
  const hits = new Array<number>(PROFILES.length).fill(0);
  const distinct = PROFILES.map(() => new Set<string>());
  for (const w of words) {
    const langs = WORD_INDEX.get(w);
    if (langs) for (const l of langs) {
      hits[l]++;
      distinct[l].add(w);
    }
  }
  const shares = PROFILES.map((p, l) => ({ p, share: hits[l] / words.length, distinct: distinct[l].size })).sort((a, b) => b.share - a.share);
  const best = shares[0];
  const en = shares.find((s) => s.p.code === 'en')?.share ?? 0;
  const evidence = `${pct(best.share)} ${best.p.name} function words${best.p.code === 'en' ? '' : `, ${pct(en)} English`}`;
  // Clear winner, or too little of anything to say.
  // Prose uses many different function words; a table repeating "under", "over", "no" does not.
  if (best.distinct < MIN_DISTINCT) return { language: '', evidence: `only ${best.distinct} different ${best.p.name} function words` };
  if (best.share < 0.08) return { language: '', evidence: `no language's function words reach 8% (best ${best.p.name} ${pct(best.share)})` };
  if (best.p.code !== 'en' && best.share < 1.5 * en) return { language: 'en', evidence: `${pct(en)} English function words, ${pct(best.share)} ${best.p.name}` };
  return { language: best.p.code, evidence };
}

/** ISO 639-1 primary subtag of a metadata language value ("en-US", "en_GB", "English"). */
export function languageCode(value: string): string {
  const v = value.trim().toLowerCase();
  if (!v) return '';
  const m = /^([a-z]{2})(?:[-_]|$)/.exec(v);
  if (m) return m[1];
  const byName = PROFILES.find((p) => p.name.toLowerCase() === v);
  return byName ? byName.code : '';
}
