/** Byte-level checks shared by the readers: binary detection, strict UTF-8, and charset-aware decoding. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** True when the bytes look like a binary file (NUL bytes or many control characters at the start). */
export function looksBinary(bytes: Uint8Array): string | null {
  if (utf16Bom(bytes)) return null; // UTF-16 text: NUL bytes are half its ASCII characters
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary file (NUL bytes in the first 8 KiB)';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (head.length > 0 && control / head.length > 0.1) return `binary file (${control} control bytes in the first ${head.length})`;
  return null;
}

/** The UTF-16 encoding a byte-order mark names, if the bytes start with one. */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** Text as a file holds it: UTF-16 when a byte-order mark says so, else strict UTF-8. */
export function decodeText(bytes: Uint8Array): Decoded {
  const bom = utf16Bom(bytes);
  if (!bom) return decodeUtf8(bytes);
  try {
    return { ok: true, text: new TextDecoder(bom, { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid ${bom.toUpperCase()} (it starts with that byte-order mark)` };
  }
}

/** Decode UTF-8 strictly; say where the first bad byte is when it fails. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, reason: `not valid UTF-8 (first bad byte at offset ${firstBadUtf8(bytes)})` };
  }
}

function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

/**
 * Decode web content the way a browser would: a BOM, else the declared charset (HTTP header or
 * `<meta charset>`), else UTF-8 when it is valid, else windows-1252 (what unlabelled legacy pages are).
 */
export function decodeWeb(bytes: Uint8Array, declared?: string): { text: string; charset: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: utf8.decode(bytes), charset: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), charset: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), charset: 'utf-16be' };
  const label = (declared || metaCharset(bytes) || '').toLowerCase();
  if (label && !/^utf-?8$/.test(label)) {
    try {
      const text = new TextDecoder(label).decode(bytes);
      return { text: /^(windows-1252|cp1252|latin-?1|iso-8859-1|iso8859-1|us-ascii|ascii)$/.test(label) ? fixC1(text) : text, charset: label };
    } catch {
      // unknown label: fall through to the UTF-8 / windows-1252 guess
    }
  }
  const strict = decodeUtf8(bytes);
  if (strict.ok) return { text: strict.text, charset: 'utf-8' };
  return { text: fixC1(new TextDecoder('windows-1252').decode(bytes)), charset: 'windows-1252' };
}

/** windows-1252's printable characters at 0x80-0x9F (smart quotes, dashes, euro) that a latin-1 decoder leaves as C1 controls. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
}

function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1] : null;
}
