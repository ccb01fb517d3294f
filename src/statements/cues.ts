/** Cue-verb lexicon loaded from cues.txt. */
import { readFileSync } from 'node:fs';

function inflect(base: string): string[] {
  const forms = [base];
  if (base.endsWith('e')) forms.push(base + 's', base + 'd', base.slice(0, -1) + 'ing');
  else if (/[^aeiou]y$/.test(base)) forms.push(base.slice(0, -1) + 'ies', base.slice(0, -1) + 'ied', base + 'ing');
  else forms.push(base + 's', base + 'ed', base + 'ing');
  return forms;
}

export function parseCueList(text: string): Map<string, string> {
  const forms = new Map<string, string>(); // form -> base
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const words = line.trim().split(/\s+/);
    const base = words[0];
    for (const f of words.length > 1 ? words : inflect(base)) forms.set(f.toLowerCase(), base);
  }
  return forms;
}

export const CUE_FORMS = parseCueList(readFileSync(new URL('./cues.txt', import.meta.url), 'utf8'));
