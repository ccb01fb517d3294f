/** Unicode and white-space normalisation. Quotation marks are kept exactly as written. */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g; // zero-width characters, BOM, soft hyphen
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

export function normaliseText(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .replace(ODD_SPACES, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ +\n|\n +/g, '\n')
    .trim();
}

const TERMINAL = /[.!?:;"'”’)\]]$/;

/**
 * Lines into paragraphs: blank lines separate paragraphs; inside a block, a line joins the next
 * when it was hard-wrapped (long and ending mid-sentence, or the next starts in lower case).
 * Output paragraphs are separated by exactly one blank line.
 */
export function toParagraphs(lines: string[]): string[] {
  const paragraphs: string[] = [];
  let current: string | null = null;
  let prevWasBlank = true;
  let prevLine = '';
  for (const line of lines) {
    if (!line.trim()) {
      if (current !== null) paragraphs.push(current);
      current = null;
      prevWasBlank = true;
      continue;
    }
    if (current !== null && !prevWasBlank && isWrapped(prevLine, line)) current += ' ' + line.trim();
    else {
      if (current !== null) paragraphs.push(current);
      current = line.trim();
    }
    prevWasBlank = false;
    prevLine = line.trim();
  }
  if (current !== null) paragraphs.push(current);
  return paragraphs;
}

/** `previousLine` is the physical line before `next`, as it was in the dump. */
function isWrapped(previousLine: string, next: string): boolean {
  if (TERMINAL.test(previousLine)) return false;
  if (/^[—–•*-]/.test(next)) return false; // a signature, list item or dash-led line starts anew
  if (/^[a-z(,]/.test(next)) return true;
  return previousLine.length >= 55 && /[a-z,]$/.test(previousLine);
}
