/**
 * Token agreement of src/nlp/tokenize.ts with UD gold words: for each sentence of a CoNLL-U file, the
 * gold words are aligned to its `# text` (a multiword token's words are aligned inside its surface
 * form); precision and recall of the predicted token spans against the aligned gold word spans.
 * Stretches of text where the gold forms cannot be aligned (typo-corrected multiword tokens such as
 * "its" -> it s) are left out of both sides.
 *
 *   npx tsx bench/nlp-tokenize.ts [file.conllu ...]    (default: EWT dev and GUM dev)
 *   SHOW=40 npx tsx bench/nlp-tokenize.ts ...           (print that many disagreements)
 */
import { readFileSync } from 'node:fs';
import { readConllu } from '../src/nlp/conllu.ts';
import { tokenizeSentence } from '../src/nlp/tokenize.ts';

const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : ['../shared/corpora/ud-english/ewt/en_ewt-ud-dev.conllu', '../shared/corpora/ud-english/gum/en_gum-cc-by-dev.conllu'];
const show = Number(process.env.SHOW ?? 0);

for (const file of files) {
  const sentences = readConllu(readFileSync(file, 'utf8'), file);
  let tp = 0;
  let nPred = 0;
  let nGold = 0;
  let skippedWords = 0;
  let ms = 0;
  const shown: string[] = [];
  for (const s of sentences) {
    const textLine = s.lines.find((l) => 'raw' in l && l.raw.startsWith('# text = '));
    if (!textLine || !('raw' in textLine)) continue;
    const text = textLine.raw.slice('# text = '.length);
    const gold = new Set<string>();
    const unaligned: [number, number][] = [];
    let cursor = 0;
    const skipSpace = () => {
      while (cursor < text.length && /\s/.test(text[cursor])) cursor++;
    };
    let w = 0; // index into s.words
    let failed = false;
    const goldSpans: string[] = [];
    for (const line of s.lines) {
      if (failed) break;
      if ('word' in line) {
        if (line.word.id <= w) continue; // inside a multiword token already handled
        skipSpace();
        const f = line.word.form;
        if (text.startsWith(f, cursor)) {
          gold.add(`${cursor}:${cursor + f.length}`);
          goldSpans.push(f);
          cursor += f.length;
        } else {
          const at = text.indexOf(f, cursor);
          if (at < 0 || at - cursor > 10) failed = true;
          else {
            unaligned.push([cursor, at]);
            gold.add(`${at}:${at + f.length}`);
            cursor = at + f.length;
          }
        }
        w = line.word.id;
        continue;
      }
      const m = /^(\d+)-(\d+)\t([^\t]+)/.exec(line.raw);
      if (!m) continue;
      const [from, to, surface] = [Number(m[1]), Number(m[2]), m[3]];
      skipSpace();
      if (!text.startsWith(surface, cursor)) {
        failed = true;
        break;
      }
      const parts = s.words.slice(from - 1, to).map((x) => x.form);
      let sub = cursor;
      const spans: string[] = [];
      let ok = true;
      for (const p of parts) {
        if (text.startsWith(p, sub)) {
          spans.push(`${sub}:${sub + p.length}`);
          sub += p.length;
        } else ok = false;
      }
      if (ok && sub === cursor + surface.length) for (const x of spans) gold.add(x);
      else {
        unaligned.push([cursor, cursor + surface.length]);
        skippedWords += parts.length;
      }
      cursor += surface.length;
      w = to;
    }
    if (failed) {
      skippedWords += s.words.length;
      continue;
    }
    const t0 = performance.now();
    const pred = tokenizeSentence(text, 0, text.length);
    ms += performance.now() - t0;
    const inUnaligned = (a: number, b: number) => unaligned.some(([x, y]) => a < y && b > x);
    let sentOk = true;
    let predHere = 0;
    for (const t of pred) {
      if (t.form !== text.slice(t.start, t.end)) throw new Error(`form/offset mismatch in ${text}`);
      if (inUnaligned(t.start, t.end)) continue;
      predHere++;
      if (gold.has(`${t.start}:${t.end}`)) tp++;
      else sentOk = false;
    }
    nPred += predHere;
    nGold += gold.size;
    if (predHere !== gold.size) sentOk = false;
    if (!sentOk && shown.length < show) {
      const goldForms = [...gold].map((k) => k.split(':').map(Number)).sort((a, b) => a[0] - b[0]).map(([a, b]) => text.slice(a, b));
      shown.push(`TEXT ${text}\n  gold ${goldForms.join(' | ')}\n  pred ${pred.map((t) => t.form).join(' | ')}`);
    }
  }
  const p = tp / nPred;
  const r = tp / nGold;
  const f = (2 * p * r) / (p + r);
  if (shown.length) console.log(shown.join('\n'));
  console.log(
    `${file}: ${sentences.length} sentences, ${nGold} gold words scored (${skippedWords} left out, unalignable); ` +
      `precision ${(100 * p).toFixed(2)}% recall ${(100 * r).toFixed(2)}% F1 ${(100 * f).toFixed(2)}%; tokenizer ${ms.toFixed(0)} ms`,
  );
}
