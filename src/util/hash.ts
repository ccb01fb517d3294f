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

/** FNV-1a over UTF-16 code units (seeded), then fmix32. Signed 32-bit result. */
export function hash32(s: string, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/** hash32 of s.slice(from, to) (0 <= from <= to <= s.length) without making the substring. */
export function hash32Range(s: string, from: number, to: number, seed = 0): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = from; i < to; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h);
}
