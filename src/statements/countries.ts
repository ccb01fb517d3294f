/** Country of a speaker: a country that speaks itself ("Pakistan said"), or one named in the office ("Russian President"). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));

function buildLexicon(): Map<string, string> {
  const lex = new Map<string, string>();
  const names = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [alpha2, list] of Object.entries(names)) {
    const iso3 = countries.alpha2ToAlpha3(alpha2);
    if (iso3) for (const n of list) lex.set(n, iso3);
  }
  for (const line of readFileSync(new URL('./lexicon/demonyms.tsv', import.meta.url), 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [word, iso3] = line.split('\t');
    if (word && /^[A-Z]{3}$/.test(iso3 ?? '')) lex.set(word, iso3);
  }
  return lex;
}

const LEXICON = buildLexicon();
const LONGEST = Math.max(...[...LEXICON.keys()].map((k) => k.split(' ').length));

/** The first country named in `words` (longest name first at each position), or ''. */
export function countryIn(text: string): string {
  const words = text.split(/\s+/).map((w) => w.replace(/[’']s$/, '').replace(/[,;:]$/, ''));
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(LONGEST, words.length - i); n >= 1; n--) {
      const hit = LEXICON.get(words.slice(i, i + n).join(' '));
      if (hit) return hit;
    }
  }
  return '';
}

/** Country of the speaker: the speaker's own name when it is a country, else the office's. */
export function speakerCountry(speaker: string, role: string): string {
  return LEXICON.get(speaker.replace(/^the\s+/i, '')) ?? countryIn(role);
}
