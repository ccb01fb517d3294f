/** Metadata found in the article text itself: title line and dateline. */

/** A first line that reads like a headline: short, no final full stop, more text after it. */
export function titleFromFirstParagraph(paragraphs: string[]): string {
  if (paragraphs.length < 2) return '';
  const first = paragraphs[0];
  if (first.length > 160 || first.length < 8) return '';
  if (/[.!?]$/.test(first) && !/[.!?]['"’”]$/.test(first)) return '';
  if (!/[A-Za-z]/.test(first)) return '';
  return first;
}

const DATELINE = /^([A-Z][A-Za-z'’.-]+(?:[ -][A-Z][A-Za-z'’.-]+){0,3})(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?\s*(?:\((?:Reuters|AP|AFP|IANS|ANI|PTI|UPI|dpa|Xinhua)\)\s*)?(?::|\s[-–—])\s+(?=["“‘']?[A-Z0-9])/;
const NOT_PLACES = new Set(['Read', 'Watch', 'Note', 'Update', 'Editor', 'Source', 'Photo', 'Image', 'Breaking', 'Exclusive', 'Analysis', 'Opinion', 'Live', 'Video', 'Also']);

/** Dateline place that opens a story ("Kabul: ...", "MOSCOW (Reuters) - ..."). */
export function datelineOf(paragraph: string): string {
  const m = DATELINE.exec(paragraph);
  if (!m) return '';
  const place = m[1];
  if (NOT_PLACES.has(place.split(' ')[0])) return '';
  if (/[a-z][A-Z]/.test(place)) return ''; // words glued by a scraper ("AfghanistanUpdated") are no place
  return place.length <= 40 ? place : '';
}
