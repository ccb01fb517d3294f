/** Unicode and white-space normalisation. Quotation marks are kept exactly as written. */

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g; // zero-width characters, BOM, soft hyphen
const CONTROL = /[\u0000-\u0008\u000e-\u001f\u007f]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone UTF-16 surrogates as U+FFFD, the way UTF-8 writers (CSV) and JSON readers alike will see them; same length. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\ufffd');
}

/** Bidirectional controls (embeddings, overrides, isolates, marks): they can reorder what a reader sees (U+202E). */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** A one-line field (a title) without bidi controls, invisible characters or control characters. */
export function cleanField(s: string): string {
  return wellFormed(s.replace(BIDI, '').replace(INVISIBLE, '').replace(CONTROL, ''));
}
const ODD_SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;

export function normaliseText(raw: string): string {
  return wellFormed(raw) // a lone surrogate becomes U+FFFD here, as every output format writes it
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u2029|\u0085/g, '\n')
    .replace(INVISIBLE, '')
    .replace(BIDI, '')
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

/**
 * Sentences glued in the input ("the sources said.The Russian president", 'he added."If'): a space goes back
 * after the sentence's last mark, where a lower-case word of two letters or more ends a sentence and a
 * capitalised word starts the next. The published text is the one with the space: every offset the dataset
 * gives counts in it. Not repaired: web addresses and file names ("www.DearAbby.com", "Halo.Bungie.Org": a
 * word with another dot after it, or in a token with "/", "@" or "www"), abbreviations ("U.S.The": no lower-case
 * word before the dot), and a lower-case word glued to a capitalised one without a mark ("iPhone"). A video's
 * running time glued to its title gets its space too ("01:56Russia has invaded Ukraine").
 */
const GLUED = /(?<=(?:^|[\s(\[“"‘'])[^\s]*?)(?<![\p{L}\p{N}])(\p{Ll}{2,}[.!?]["”’']?)(?=\p{Lu}\p{Ll}+(?![.@\p{L}\p{N}]*[.@/]\p{L}))/gu;

/** A video's running time glued to its title in live pages ("01:56Russia has invaded Ukraine – video"). */
const GLUED_RUNNING_TIME = /(?<![\p{L}\p{N}:.])(\d{1,2}:\d{2})(?=\p{Lu}\p{Ll})/gu;

export function repairGluedSentences(text: string): string {
  return text.replace(GLUED_RUNNING_TIME, '$1 ').replace(GLUED, (glued, _word, at: number, whole: string) => {
    // The whole token the glue is in: no address, no handle, no path.
    let a = at;
    while (a > 0 && !/\s/.test(whole[a - 1])) a--;
    const token = whole.slice(a, at + glued.length);
    if (/[/@]|www\.|\.\p{L}+\./iu.test(token) || /[\p{L}\p{N}]\.[\p{L}\p{N}]/u.test(token.slice(0, token.length - glued.length + 1))) return glued;
    return glued + ' ';
  });
}

/**
 * A straight double quote standing for an apostrophe before a possessive "s" (Reuters' wire writes
 * `Ecuador"s`, `OPEC"s`): an apostrophe, so that the quote opens no quotation and the possessive reads as one.
 * Only between a letter and an "s" that ends the word; a quotation's closing mark is followed by a space.
 */
export function repairQuoteApostrophes(text: string): string {
  return text.replace(/(?<=\p{L})"(?=s(?![\p{L}\p{N}]))/gu, "'");
}
