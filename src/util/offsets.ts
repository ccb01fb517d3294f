/**
 * Offsets as published: Unicode code points (what Python, R, DuckDB and polars slice by), converted from
 * the UTF-16 code units JavaScript strings index by. Only texts with characters outside the Basic
 * Multilingual Plane (emoji, flags, some CJK) differ.
 */
export class CodePoints {
  /** For each UTF-16 index i (0..length), the number of code points before it; null when the text is all BMP. */
  private readonly before: Uint32Array | null;
  constructor(readonly text: string) {
    let astral = false;
    for (let i = 0; i < text.length && !astral; i++) {
      const c = text.charCodeAt(i);
      astral = c >= 0xd800 && c <= 0xdbff;
    }
    if (!astral) {
      this.before = null;
      return;
    }
    const before = new Uint32Array(text.length + 1);
    let n = 0;
    for (let i = 0; i < text.length; i++) {
      before[i] = n;
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      if (pair) before[++i] = n; // the low half of a pair is inside the same code point
      n++;
    }
    before[text.length] = n;
    this.before = before;
  }

  /** Code-point offset of a UTF-16 offset (null stays null). */
  of(utf16: number): number;
  of(utf16: number | null): number | null;
  of(utf16: number | null): number | null {
    if (utf16 === null) return null;
    return this.before ? this.before[utf16] : utf16;
  }

  /** Length of the text in code points. */
  get length(): number {
    return this.before ? this.before[this.text.length] : this.text.length;
  }
}

/** Length of a string in code points. */
export const codePointLength = (s: string): number => new CodePoints(s).length;

/** The code points start..end of a string (what `substring(text, start + 1, end - start)` gives in SQL). */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
