/**
 * The CAMEO code of an event, from the imported PETRARCH2 verb dictionary (dictionaries/imported/verbs.tsv
 * and verb-patterns.tsv): the trigger verb's most specific pattern whose words stand around it in the
 * sentence ("agree * to pull out ... from" -> 0356), else the verb's own code. Published only when CAMEO's
 * PLOVER type (CAMEO2PLOVER) is the row's type: where our coder and the field's dictionary disagree, the
 * row carries no CAMEO code rather than one that contradicts it.
 * Patterns with synsets (&MILITARY) or markers inside the phrase are matched on their plain words only.
 */
import { loadVerbPatterns, loadVerbs, type ImportedVerb, type VerbPattern } from './import/load.ts';
import type { Token } from './tokens.ts';

interface VerbEntry {
  verb: ImportedVerb;
  /** Words of a multi-word verb after its first ("pull out": ["out"]). */
  rest: string[];
}

let index: { byForm: Map<string, VerbEntry[]>; patterns: Map<string, VerbPattern[]> } | undefined;

function build() {
  const byForm = new Map<string, VerbEntry[]>();
  for (const verb of loadVerbs()) {
    const words = verb.lemma.split(' ');
    // inflected forms are of the whole phrase; the first word is what a token shows
    const firsts = new Set([words[0], ...verb.forms.map((f) => f.split(' ')[0])]);
    for (const f of firsts) byForm.set(f, [...(byForm.get(f) ?? []), { verb, rest: words.slice(1) }]);
  }
  const patterns = new Map<string, VerbPattern[]>();
  for (const p of loadVerbPatterns()) patterns.set(p.verb, [...(patterns.get(p.verb) ?? []), p]);
  return { byForm, patterns };
}

/** Whether `words` (plain words only) occur in this order in `among`. */
function inOrder(words: string[], among: string[]): boolean {
  let k = 0;
  for (const w of among) if (k < words.length && w === words[k]) k++;
  return k === words.length;
}
const plain = (words: string[]) => words.filter((w) => /^[a-z'-]+$/.test(w));

/** CAMEO code for the verb at token `at` coding an event of PLOVER type `type`, or ''. */
export function cameoCode(toks: Token[], at: number, type: string): string {
  index ??= build();
  const lower = toks.map((t) => t.lower);
  let best: { code: string; plover: string; score: number } | undefined;
  for (const { verb, rest } of index.byForm.get(lower[at]) ?? []) {
    if (rest.length && !rest.every((w, k) => lower[at + 1 + k] === w)) continue;
    const before = lower.slice(0, at);
    const after = lower.slice(at + 1 + rest.length);
    if (!best && verb.code !== '---') best = { code: verb.code, plover: verb.plover, score: 0 };
    for (const p of index.patterns.get(verb.block) ?? []) {
      const b = plain(p.before);
      const a = plain(p.after);
      const score = b.length + a.length;
      if (!score || (best && score <= best.score) || !inOrder(b, before) || !inOrder(a, after)) continue;
      best = { code: p.code, plover: p.plover, score };
    }
  }
  return best && best.code !== '---' && best.plover === type ? best.code : '';
}
