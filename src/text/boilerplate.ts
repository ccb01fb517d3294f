/** Boilerplate removal driven by the rules in boilerplate.tsv (data, not code). */
import { readFileSync } from 'node:fs';

export interface BoilerplateRules {
  replace: Array<{ pattern: RegExp; replacement: string }>;
  dropLine: RegExp[];
  cutFrom: RegExp[];
}

export function parseRules(tsv: string, origin = 'boilerplate rules'): BoilerplateRules {
  const rules: BoilerplateRules = { replace: [], dropLine: [], cutFrom: [] };
  tsv.split('\n').forEach((line, i) => {
    if (!line.trim() || line.startsWith('#')) return;
    const [action, pattern, replacement = ''] = line.split('\t');
    const where = `${origin}:${i + 1}`;
    if (!pattern) throw new Error(`${where}: a rule needs ACTION<TAB>PATTERN`);
    try {
      if (action === 'replace' || action === 'replace-case') {
        rules.replace.push({ pattern: new RegExp(pattern, action === 'replace' ? 'gi' : 'gu'), replacement: replacement.replace(/\\n/g, '\n') });
      }
      else if (action === 'drop-line') rules.dropLine.push(new RegExp(`^(?:${pattern})$`, 'i'));
      else if (action === 'cut-from') rules.cutFrom.push(new RegExp(`^(?:${pattern})$`, 'i'));
      else throw new Error(`unknown action "${action}"`);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`);
    }
  });
  return rules;
}

export const DEFAULT_RULES = parseRules(
  readFileSync(new URL('./boilerplate.tsv', import.meta.url), 'utf8'),
  'src/text/boilerplate.tsv',
);

/** Lines shorter than this are never dropped as repeats: short lines repeat legitimately ("US military withdrawal"). */
const MIN_REPEATED_LINE = 25;
/**
 * A repeat is residue (an embed copied twice by the scraper, a pasted block) when it comes soon
 * after the first copy or is a long paragraph; a mid-length line recurring far away is structure
 * (the same "Eat 60-90 minutes before your workout" heading in two meal plans) and stays.
 */
const NEAR_REPEAT_LINES = 8;
const LONG_REPEAT = 150;

/**
 * Remove boilerplate. Returns the kept lines (blank lines kept as paragraph breaks) and how many
 * lines or blocks were removed.
 */
export function removeBoilerplate(text: string, rules: BoilerplateRules = DEFAULT_RULES): { lines: string[]; removed: number } {
  let t = text;
  for (const r of rules.replace) t = t.replace(r.pattern, r.replacement);
  const lines = t.split('\n');
  const kept: string[] = [];
  const seen = new Map<string, number>(); // line key -> index among non-blank lines
  let removed = 0;
  let offset = 0;
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    const position = offset / Math.max(1, t.length);
    offset += lines[i].length + 1;
    if (!line) {
      kept.push('');
      continue;
    }
    if (line.length <= 200 && position > 0.3 && rules.cutFrom.some((re) => re.test(line))) {
      removed++;
      break;
    }
    if (line.length <= 200 && rules.dropLine.some((re) => re.test(line))) {
      removed++;
      continue;
    }
    const key = line.replace(/[\s"“”]+/g, ' ').toLowerCase();
    const nth = nonBlank++;
    const first = seen.get(key);
    if (line.length >= MIN_REPEATED_LINE && first !== undefined && (line.length >= LONG_REPEAT || nth - first <= NEAR_REPEAT_LINES)) {
      removed++; // a block repeated verbatim: keep the first copy
      continue;
    }
    seen.set(key, nth);
    kept.push(line);
  }
  return { lines: kept, removed };
}
