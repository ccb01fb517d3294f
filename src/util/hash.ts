/** Small, stable 32-bit hashes shared by near-duplicate detection and the linguistic core's features. */

/** Murmur3's finaliser: spreads every input bit over the output. Signed 32-bit result (`>>> 0` for unsigned). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** FNV-1a's offset basis: the state before the first unit. */
export const FNV_OFFSET = 0x811c9dc5;
/** One FNV-1a step: the state after the unit `code` (callers that hash what they never build, such as a word's shape). */
export const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

/** FNV-1a over UTF-16 code units (seeded), then fmix32. Signed 32-bit result. */
export function hash32(s: string, seed = 0): number {
  return hash32Range(s, 0, s.length, seed);
}

/** hash32 of s.slice(from, to) (0 <= from <= to <= s.length) without making the substring. */
export function hash32Range(s: string, from: number, to: number, seed = 0): number {
  let h = FNV_OFFSET ^ seed;
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix32(h);
}
