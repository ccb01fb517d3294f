/**
 * Training data for the attribution tagger: PolNeAR (brat standoff: Source, Cue and Content spans tied
 * by Attribution events) turned into one gold tag per token of our own tokenisation. A token inside
 * several spans (an attribution nested in another's content) takes the innermost span's role, so the
 * tagger learns the inner attribution; the rules find the outer one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../schema/records.ts';
import { segmentArticle } from '../../text/segment.ts';
import { Doc } from '../doc.ts';
import { findQuotes } from '../quotes.ts';
import { TAGS } from './model.ts';

export type Role = 'SRC' | 'CUE' | 'CON';
export interface GoldRegion {
  role: Role;
  span: Span;
}
export interface GoldArticle {
  name: string;
  doc: Doc;
  /** One tag index (into TAGS) per token. */
  tags: Uint8Array;
}

const ROLE: Record<string, Role> = { Source: 'SRC', Cue: 'CUE', Content: 'CON' };

/** Source, Cue and Content regions of one .ann file; lines it cannot read are reported, not fatal. */
export function parseAnn(ann: string, file: string, warn: (msg: string) => void): GoldRegion[] {
  const spans = new Map<string, { label: string; parts: Span[] }>();
  const lines = ann.split('\n');
  lines.forEach((line, i) => {
    if (!line.startsWith('T')) return;
    const m = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
    if (!m) return warn(`${file}: line ${i + 1}: cannot read span "${line.slice(0, 60)}"`);
    const parts = m[3].split(';').map((p) => p.trim().split(' ').map(Number) as Span);
    if (parts.some((p) => p.length !== 2 || p.some((x) => !Number.isInteger(x)))) return warn(`${file}: line ${i + 1}: bad offsets`);
    spans.set(m[1], { label: m[2], parts });
  });
  const regions: GoldRegion[] = [];
  for (const line of lines) {
    if (!line.startsWith('E')) continue;
    const args = line.split('\t')[1]?.split(/\s+/) ?? [];
    for (const arg of args) {
      const [key, id] = arg.split(':');
      const role = ROLE[key.replace(/\d+$/, '')];
      const span = spans.get(id);
      if (!role || !span) continue;
      for (const part of span.parts) regions.push({ role, span: part });
    }
  }
  return regions;
}

/** Gold tags per token: the innermost region's role, B- on its first token. */
export function goldTags(doc: Doc, regions: GoldRegion[]): Uint8Array {
  const t = doc.tokens;
  const tags = new Uint8Array(t.length);
  const width = new Float64Array(t.length).fill(Infinity);
  for (const { role, span } of regions) {
    const w = span[1] - span[0];
    let first = true;
    for (let k = doc.tokenAt(span[0]); k < t.length && t[k].b <= span[1]; k++) {
      if (w < width[k]) {
        width[k] = w;
        tags[k] = TAGS.indexOf(`${first ? 'B' : 'I'}-${role}` as (typeof TAGS)[number]);
      }
      first = false;
    }
  }
  // An I- whose span's B- was taken by a narrower region starts its own stretch.
  for (let k = 0; k < t.length; k++) {
    const tag = TAGS[tags[k]];
    if (tag.startsWith('I-') && (k === 0 || TAGS[tags[k - 1]].slice(2) !== tag.slice(2))) tags[k] = TAGS.indexOf(('B-' + tag.slice(2)) as (typeof TAGS)[number]);
  }
  return tags;
}

/** A PolNeAR split folder (text/*.txt, attributions/<name>_<annotator>.ann; the first annotator's file is used). */
export function readPolnear(dir: string, warn: (msg: string) => void): GoldArticle[] {
  const texts = readdirSync(join(dir, 'text')).filter((f) => f.endsWith('.txt')).sort();
  const anns = readdirSync(join(dir, 'attributions')).filter((f) => f.endsWith('.ann')).sort();
  const out: GoldArticle[] = [];
  for (const file of texts) {
    const name = file.slice(0, -4);
    const ann = anns.find((a) => a.startsWith(name + '_'));
    if (!ann) continue;
    const text = readFileSync(join(dir, 'text', file), 'utf8');
    const regions = parseAnn(readFileSync(join(dir, 'attributions', ann), 'utf8'), ann, warn);
    const article = segmentArticle({ article_id: name, text } as Parameters<typeof segmentArticle>[0]);
    const doc = new Doc(text, article, findQuotes(text, article.paragraphs));
    out.push({ name, doc, tags: goldTags(doc, regions) });
  }
  return out;
}
