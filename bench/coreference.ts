/**
 * Benchmark: the article-level coreference resolver (src/nlp/coreference.ts) on GUM's coreference annotation
 * (the CorefUD `Entity=` column of UD English-GUM, CC BY 4.0 parts, test split by default).
 *
 * Gold mention spans and gold tokens are given; the resolver sees what the product sees of them: our entity
 * tagger's class for a name (PERSON / ORGANIZATION / PLACE on the name's head word, predicted on the gold
 * words with our own tagger's parts of speech), gender from honorifics and given names (first-names.tsv), the
 * subject relation of the gold tree. Scored: each third-person pronoun ("he", "it", "they", ...) and each
 * definite description whose head is in description-heads.tsv ("the company", "the minister"), whose gold entity
 * has been named before it in the document: right when the resolver links it to the entity of that name.
 * A mention the resolver leaves unresolved counts as wrong.
 *
 * Usage: node --import tsx bench/coreference.ts [GUM=file.conllu]
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readConllu, type ConlluSentence } from '../src/nlp/conllu.ts';
import { goldMentions } from '../src/nlp/entities.ts';
import { analyseWords } from '../src/nlp/index.ts';
import { CoreferenceResolver, DESCRIPTION_HEADS, isThirdPersonPronoun, type Entity, type EntityClass, type Mention } from '../src/nlp/coreference.ts';
import { genderOfWords } from '../src/statements/gender.ts';

const file = resolve(process.env.GUM ?? join('..', 'shared', 'corpora', 'ud-english', 'gum', 'en_gum-cc-by-test.conllu'));
const sentences = readConllu(readFileSync(file, 'utf8'), file);

const documents: ConlluSentence[][] = [];
for (const s of sentences) {
  if (!documents.length || s.lines.some((l) => 'raw' in l && l.raw.startsWith('# newdoc'))) documents.push([]);
  documents[documents.length - 1].push(s);
}

const CLASS: Record<string, EntityClass> = { PERSON: 'person', ORGANIZATION: 'organisation', PLACE: 'place' };
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those']);
const counts = { pronoun: { n: 0, right: 0, unresolved: 0 }, nominal: { n: 0, right: 0, unresolved: 0 } };

for (const doc of documents) {
  const resolver = new CoreferenceResolver();
  /** Gold entity of each resolver entity: the gold id of the name that made it. */
  const goldOf = new Map<Entity, string>();
  const named = new Set<string>();
  let position = 0;
  doc.forEach((s, si) => {
    const forms = s.words.map((w) => w.form);
    const upos = s.words.map((w) => w.upos);
    const heads = s.words.map((w) => Number(w.head) - 1);
    const ner = analyseWords(forms).ner;
    const mentions = goldMentions(s.words.map((w) => w.misc)).sort((a, b) => a.from - b.from || b.to - a.to);
    for (const g of mentions) {
      // The head: the word of the span whose head lies outside it.
      let head = g.from;
      for (let k = g.from; k <= g.to; k++) if (heads[k] < g.from || heads[k] > g.to) { head = k; break; }
      const words = forms.slice(g.from, g.to + 1);
      const m: Mention = { at: position + g.from, sentence: si, kind: 'name', words, subject: s.words[head].deprel.startsWith('nsubj') };
      if (upos[head] === 'PROPN') {
        // The name itself: the proper nouns around the head ("Mr. Antonín Dvořák" without the title).
        let a = head;
        let b = head;
        while (a > g.from && (upos[a - 1] === 'PROPN' || /^(?:Mr|Mrs|Ms|Dr)\.?$/.test(forms[a - 1]))) a--;
        while (b < g.to && upos[b + 1] === 'PROPN') b++;
        m.words = forms.slice(a, b + 1);
        const tag = ner[head];
        m.cls = tag === 'O' ? 'other' : CLASS[tag.slice(2)];
        const gender = m.cls === 'person' ? genderOfWords(forms.slice(Math.max(g.from, a - 1), a), m.words.length >= 2 ? m.words[0] : undefined) : undefined;
        if (gender) m.gender = gender;
        m.plural = s.words[head].feats.includes('Number=Plur');
        const e = resolver.addName(m);
        if (!goldOf.has(e)) goldOf.set(e, g.id);
        named.add(g.id);
        continue;
      }
      let kind: 'pronoun' | 'nominal' | undefined;
      if (g.from === g.to && upos[head] === 'PRON' && isThirdPersonPronoun(forms[head])) kind = 'pronoun';
      else if (upos[head] === 'NOUN' && DEFINITE.has(forms[g.from].toLowerCase()) && DESCRIPTION_HEADS.has(forms[head].toLowerCase()) && head === g.to) kind = 'nominal';
      if (!kind) continue;
      m.kind = kind;
      m.words = kind === 'pronoun' ? [forms[head]] : words;
      if (kind === 'nominal') m.cls = DESCRIPTION_HEADS.get(forms[head].toLowerCase())!.cls;
      const e = resolver.resolve(m);
      if (e) resolver.link(m, e);
      if (!named.has(g.id)) continue; // no name to link to: not scored
      const c = counts[kind];
      c.n++;
      if (!e) c.unresolved++;
      else if (goldOf.get(e) === g.id) c.right++;
      if (process.env.DEBUG && (!e || goldOf.get(e) !== g.id)) console.log('WRONG', kind, words.join(' '), '->', e?.name ?? '-', e?.cls ?? '', '| gold', [...goldOf].find(([, id]) => id === g.id)?.[0].name, '|', forms.join(' ').slice(0, 120));
    }
    position += forms.length + 1;
  });
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
console.log(`GUM coreference, ${file.split('/').pop()}: ${documents.length} documents, gold mentions and tokens`);
for (const [kind, c] of Object.entries(counts)) {
  console.log(`${kind.padEnd(8)} mentions whose entity is named before: ${c.n}  accuracy ${pct(c.right, c.n)}%  (unresolved ${pct(c.unresolved, c.n)}%, of resolved right ${pct(c.right, c.n - c.unresolved)}%)`);
}
const all = { n: counts.pronoun.n + counts.nominal.n, right: counts.pronoun.right + counts.nominal.right };
console.log(`all      ${all.n}  accuracy ${pct(all.right, all.n)}%`);
