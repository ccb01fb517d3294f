/**
 * Events: a first PLOVER coder. In each sentence, a trigger from dictionaries/verbs.tsv codes the type;
 * the nearest actor mention before it is the actor and the first after it the recipient.
 * The same (type, actor, recipient) told twice in one article is one row with `mentions` counted.
 */
import { readFileSync } from 'node:fs';
import type { SegmentedArticle } from '../schema/records.ts';
import type { PloverType } from '../schema/tables.ts';
import { makeId } from '../util/ids.ts';
import { findActors } from './actors.ts';
import type { StatementRow } from '../statements/extract.ts';

export interface EventRow {
  event_id: string;
  article_id: string;
  statement_id: string;
  event_type: PloverType;
  mode: string;
  context: string;
  actor: string;
  actor_country: string;
  actor_sector: string;
  recipient: string;
  recipient_country: string;
  recipient_sector: string;
  date: string;
  date_precision: string;
  date_is_fallback: boolean;
  location: string;
  location_country: string;
  latitude: number | null;
  longitude: number | null;
  negated: boolean;
  planned: boolean;
  hypothetical: boolean;
  trigger: string;
  start: number;
  end: number;
  sentence_start: number;
  sentence_end: number;
  mentions: number;
  confidence: number;
}

interface Trigger {
  re: RegExp;
  type: PloverType;
  mode: string;
  context: string;
}

function loadTriggers(): Trigger[] {
  const tsv = readFileSync(new URL('./dictionaries/verbs.tsv', import.meta.url), 'utf8');
  return tsv
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [pattern, type, mode = '', context = ''] = l.split('\t');
      return { re: new RegExp(`\\b${pattern}\\b`, 'gi'), type: type as PloverType, mode, context };
    });
}

const TRIGGERS = loadTriggers();
const NEGATION = /\b(?:not|no|never|n't|without|refused to|failed to)\b(?:\s+\w+){0,2}\s*$/i;
const PLANNED = /\b(?:will|would|plans? to|planning to|to be|set to|intends? to|going to|expected to|announced|by (?:mid-)?[A-Z][a-z]+)\b/i;
const HYPOTHETICAL = /\b(?:if|unless|could|might|may|whether)\b/i;

export function extractEvents(article: SegmentedArticle, statements: StatementRow[] = []): EventRow[] {
  const text = article.text;
  const byKey = new Map<string, EventRow>();
  for (const [sa, sb] of article.sentences) {
    const actors = findActors(text, sa, sb);
    const taken: Array<[number, number]> = [];
    for (const t of TRIGGERS) {
      t.re.lastIndex = 0;
      const sentence = text.slice(sa, sb);
      for (const m of sentence.matchAll(t.re)) {
        const start = sa + m.index!;
        const end = start + m[0].length;
        if (taken.some(([a, b]) => a < end && b > start)) continue;
        if (actors.some((a) => a.start < end && a.end > start)) continue; // the word is part of a name
        const actor = [...actors].reverse().find((a) => a.end <= start);
        const recipient = actors.find((a) => a.start >= end && a.name !== actor?.name);
        if (!actor && !recipient) continue;
        taken.push([start, end]);
        const prefix = text.slice(sa, start);
        const statement = statements.find((s) => s.start <= start && s.end >= end);
        const key = [t.type, actor?.name ?? '', recipient?.name ?? ''].join('|');
        const existing = byKey.get(key);
        if (existing) {
          existing.mentions++;
          continue;
        }
        byKey.set(key, {
          event_id: makeId('evt', article.article_id, t.type, actor?.name, recipient?.name),
          article_id: article.article_id,
          statement_id: statement?.statement_id ?? '',
          event_type: t.type,
          mode: t.mode,
          context: t.context,
          actor: actor?.name ?? '',
          actor_country: actor?.country ?? '',
          actor_sector: actor?.sector ?? '',
          recipient: recipient?.name ?? '',
          recipient_country: recipient?.country ?? '',
          recipient_sector: recipient?.sector ?? '',
          date: article.published,
          date_precision: article.published ? 'day' : '',
          date_is_fallback: true,
          location: '',
          location_country: '',
          latitude: null,
          longitude: null,
          negated: NEGATION.test(prefix),
          planned: PLANNED.test(prefix.slice(-60)),
          hypothetical: HYPOTHETICAL.test(prefix.slice(-80)),
          trigger: m[0],
          start,
          end,
          sentence_start: sa,
          sentence_end: sb,
          mentions: 1,
          confidence: actor && recipient ? 0.6 : 0.4,
        });
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.start - b.start || a.event_type.localeCompare(b.event_type));
}
