/**
 * In-article merging: the same event told twice is one row with `mentions` counted (see docs/events.md).
 */
import type { EventRow } from './extract.ts';

const compatible = (a: string, b: string) => !a || !b || a === b;
/** How far apart (characters) two halves of one event may be told: about three sentences. */
const NEARBY = 600;

/**
 * An event row while the article is coded: `nominal` marks a noun trigger ("the attack"); `actor_name_key`
 * and `recipient_name_key` are a named person's, organisation's or office's name, so that two people of one
 * country are two actors or two recipients.
 */
export type Draft = EventRow & { nominal: boolean; actor_key: string; actor_name_key: string; recipient_key: string; recipient_name_key: string; sentence: string };

/**
 * The same event told twice: same type, same modality, compatible actor and recipient (equal, or one
 * unknown) with one of them known in both or told close together, and no two different explicit dates. The first telling keeps its offsets; roles the first
 * lacked are filled from later ones.
 */
export function mergeMentions(rows: Draft[]): Draft[] {
  const out: Draft[] = [];
  for (const r of rows) {
    const ak = r.actor_key;
    const rk = r.recipient_key;
    const same = out.find((o) =>
      o.event_type === r.event_type && (
        // The same sentence twice (an embedded post quoted again) is the same telling.
        o.sentence === r.sentence ||
        (compatible(o.actor_key, ak) && compatible(o.actor_name_key, r.actor_name_key) &&
          // A nominal mention ("the withdrawal") refers back to an event already told, whatever it names as recipient.
          (r.nominal ? true : compatible(o.recipient_key, rk) && compatible(o.recipient_name_key, r.recipient_name_key) && (o.date_is_fallback || r.date_is_fallback || o.date === r.date)) &&
          // (two halves, a party known in neither, only close together: "? fired at Russia" and "Washington ...
          // fighting ?" items apart in a live blog are no US -> Russia)
          !!(o.actor_key || o.recipient_key) && !!(ak || rk) &&
          ((!!ak && ak === o.actor_key) || (!!rk && rk === o.recipient_key) || Math.abs(o.sentence_start - r.sentence_start) <= NEARBY))));
    if (!same) {
      out.push(r);
      continue;
    }
    same.mentions++;
    // (never the party it was done to: "the fight against Russia" and "Russia's fight" make no Russia -> Russia)
    if (!same.actor && r.actor && (!r.actor_key || r.actor_key !== same.recipient_key)) Object.assign(same, pick(r, ['actor', 'actor_country', 'actor_sector', 'actor_office', 'actors', 'actor_countries', 'actor_key', 'actor_name_key']));
    if ((!same.recipient || !same.recipient_key) && r.recipient_key && r.recipient_key !== same.actor_key) Object.assign(same, pick(r, ['recipient', 'recipient_country', 'recipient_sector', 'recipient_office', 'recipients', 'recipient_countries', 'recipient_key', 'recipient_name_key']));
    if (same.date_is_fallback && !r.date_is_fallback) Object.assign(same, pick(r, ['date', 'date_precision', 'date_is_fallback']));
    if (!same.location && r.location) Object.assign(same, pick(r, ['location', 'location_country', 'latitude', 'longitude']));
    same.confidence = Math.min(0.95, Math.round((same.confidence + 0.05) * 100) / 100);
  }
  return out;
}

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) => Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
