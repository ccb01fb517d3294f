/** The pure core of the clean stage: normalise, remove boilerplate, rebuild paragraphs, find title and dateline. */
import type { CleanedArticle, IngestedArticle } from '../schema/records.ts';
import { removeBoilerplate, DEFAULT_RULES, type BoilerplateRules } from './boilerplate.ts';
import { normaliseText, toParagraphs } from './normalise.ts';
import { datelineOf, titleFromFirstParagraph } from './metadata.ts';

export function cleanArticle(a: IngestedArticle, rules: BoilerplateRules = DEFAULT_RULES): CleanedArticle {
  const { raw, ...meta } = a;
  const { lines, removed } = removeBoilerplate(normaliseText(raw), rules);
  const paragraphs = toParagraphs(lines);
  let title = meta.title;
  let bodyStart = 0;
  if (meta.titleInText) {
    const fromText = titleFromFirstParagraph(paragraphs);
    if (!title) title = fromText;
    if (fromText) bodyStart = 1;
  }
  const dateline = meta.dateline || (paragraphs[bodyStart] ? datelineOf(paragraphs[bodyStart]) : '');
  return {
    ...meta,
    title,
    dateline,
    text: paragraphs.join('\n\n'),
    boilerplate_removed: removed,
    duplicate_of: '',
    skip_reason: '',
  };
}
