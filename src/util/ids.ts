import { createHash } from 'node:crypto';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Content-derived IDs (zavod's make_id): a prefix and the first 64 bits of the sha256 of the parts.
 * Parts are joined with a unit separator so ("ab","c") and ("a","bc") differ.
 */
export function makeId(prefix: string, ...parts: Array<string | number | boolean | null | undefined>): string {
  const key = parts.map((p) => (p === null || p === undefined ? '' : String(p))).join('\u001f');
  return `${prefix}_${sha256(key).slice(0, 16)}`;
}
