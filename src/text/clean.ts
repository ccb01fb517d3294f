/** The pure core of the clean stage: normalise, remove boilerplate, rebuild paragraphs, find title and dateline. */
import type { CleanedArticle, IngestedArticle } from '../schema/records.ts';
import { removeBoilerplate, DEFAULT_RULES, type BoilerplateRules } from './boilerplate.ts';
import { cleanField, normaliseText, repairGluedSentences, repairQuoteApostrophes, toParagraphs } from './normalise.ts';
import { datelineOf, titleFromFirstParagraph } from './metadata.ts';
import { detectLanguage, languageCode } from './language.ts';
import { duplicatePrint, type DuplicateIndex, type DuplicatePrint } from './duplicates.ts';

export function cleanArticle(a: IngestedArticle, rules: BoilerplateRules = DEFAULT_RULES): CleanedArticle {
  const { raw, ...meta } = a;
  const { lines, removed } = removeBoilerplate(repairQuoteApostrophes(repairGluedSentences(normaliseText(raw))), rules);
  const paragraphs = toParagraphs(lines);
  let title = cleanField(meta.title);
  let bodyStart = 0;
  if (meta.titleInText) {
    const fromText = titleFromFirstParagraph(paragraphs);
    if (!title) title = fromText;
    if (fromText) bodyStart = 1;
  }
  const dateline = meta.dateline || (paragraphs[bodyStart] ? datelineOf(paragraphs[bodyStart]) : '');
  const text = paragraphs.join('\n\n');
  // The text decides the language; metadata only fills in when the text is too short to tell.
  const detected = detectLanguage(text);
  const language = detected.language || languageCode(meta.language);
  const skip_reason = language && language !== 'en' ? `not English (${language}${detected.language ? `: ${detected.evidence}` : ', from metadata'}); statements and events are extracted from English only` : '';
  return {
    ...meta,
    title,
    dateline,
    language,
    text,
    boilerplate_removed: removed,
    duplicate_of: '',
    skip_reason,
  };
}

/** The article text without a title line at its head (what two copies of a story share). */
export function bodyOf(a: CleanedArticle): string {
  if (a.titleInText && a.title && a.text.startsWith(a.title + '\n\n')) return a.text.slice(a.title.length + 2);
  return a.text;
}

/** Mark a later copy of a story already seen: `duplicate_of` the first, and not extracted again. */
export function markDuplicate(a: CleanedArticle, index: DuplicateIndex, print: DuplicatePrint = duplicatePrint(a.title, bodyOf(a))): CleanedArticle {
  const hit = index.checkPrint(a.article_id, print);
  if (!hit) return a;
  const why = hit.exact ? `duplicate of ${hit.of} (same text)` : `duplicate of ${hit.of} (near copy, ${Math.round(hit.similarity * 100)}% of shingles alike)`;
  return { ...a, duplicate_of: hit.of, skip_reason: a.skip_reason ? `${why}; ${a.skip_reason}` : why };
}
