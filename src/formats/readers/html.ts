/**
 * HTML pages: the article body by Mozilla Readability (over linkedom), turned into paragraphs
 * separated by one blank line; title and metadata from the page's tags (Open Graph, article:*,
 * JSON-LD, <title>, <html lang>). Where Readability finds nothing or too little, the JSON-LD
 * `articleBody` or the page's own paragraphs stand in.
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { RawRecord, ReaderOutput } from '../../schema/records.ts';
import { decodeWeb, looksBinary } from './decode.ts';
import { metadataDate } from '../../text/dates.ts';
import type { Source } from './source.ts';

export interface HtmlArticle {
  text: string;
  title: string;
  published: string;
  publisher: string;
  url: string;
  language: string;
  author: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];
type El = { tagName: string; childNodes: ArrayLike<unknown>; getAttribute(n: string): string | null };

const BLOCK = new Set([
  'P', 'DIV', 'SECTION', 'ARTICLE', 'MAIN', 'HEADER', 'FOOTER', 'ASIDE', 'NAV', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI',
  'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'THEAD', 'TBODY', 'TFOOT', 'FIGURE', 'HR', 'FORM',
  'ADDRESS', 'CENTER', 'DETAILS', 'SUMMARY', 'FIELDSET',
]);
/** Never article text: code, forms, media, and captions (the benchmark and readers alike leave captions out). */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'SELECT', 'BUTTON', 'INPUT', 'TEXTAREA', 'FIGCAPTION', 'HEAD']);

/**
 * A short block that is all link text is navigation ("Home", "Skip to content", a related headline),
 * not prose: readers skip it, and so does the text. Longer blocks keep their links.
 */
const LINK_BLOCK_MAX = 80;
const LINK_SHARE = 0.8;

/** Text of a DOM subtree with block elements as paragraphs (one blank line between) and <br> as a line break. */
export function blockText(root: unknown): string {
  const paragraphs: string[] = [];
  let current = '';
  let linkChars = 0;
  let inLink = 0;
  const flush = () => {
    const t = current.replace(/[ \t\r\f\u00a0]+/g, ' ').replace(/ *\n */g, '\n').trim();
    const navigation = t.length > 0 && t.length < LINK_BLOCK_MAX && linkChars / t.length >= LINK_SHARE;
    if (t && !navigation) paragraphs.push(t);
    current = '';
    linkChars = 0;
  };
  // An explicit stack, not recursion: a page nested 50,000 elements deep must not overflow the call stack.
  type Frame = { node: unknown; exit?: string };
  const stack: Frame[] = [{ node: root }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (exit !== undefined) {
      if (exit === 'A') inLink--;
      if (BLOCK.has(exit)) flush();
      else if (exit === 'TD' || exit === 'TH') current += ' ';
      continue;
    }
    const n = node as { nodeType: number; textContent: string | null } & El;
    if (n.nodeType === 3) {
      const t = (n.textContent ?? '').replace(/\s+/g, ' ');
      current += t;
      if (inLink) linkChars += t.trim().length;
      continue;
    }
    if (n.nodeType !== 1) continue;
    const tag = n.tagName.toUpperCase();
    if (SKIP.has(tag) || n.getAttribute('hidden') !== null || n.getAttribute('aria-hidden') === 'true') continue;
    if (tag === 'BR') {
      current += '\n';
      continue;
    }
    if (BLOCK.has(tag)) flush();
    if (tag === 'A') inLink++;
    stack.push({ node, exit: tag });
    const children = Array.from(n.childNodes);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i] });
  }
  flush();
  // A <br> inside a block separates lines; two in a row separate paragraphs.
  return paragraphs
    .flatMap((p) => p.split(/\n{2,}/))
    .map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** Elements nested deeper than this in the markup lose their tags (their text stays) before parsing. */
export const MAX_MARKUP_DEPTH = 256;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** End tags a parser may imply (a <p> closes the <p> before it): not nesting, so not counted. */
const IMPLIED_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

/**
 * The markup with the tags of elements nested deeper than `max` left out, in one linear scan (indexOf,
 * no backtracking regex). The DOM parser's time grows with the square of the nesting depth (50,000
 * nested divs: 3.4 s to parse), so a hostile page is flattened first; a page within the limit comes
 * back unchanged. Comments and the contents of script, style and the like are skipped over whole.
 */
export function flattenDeepMarkup(html: string, max = MAX_MARKUP_DEPTH): string {
  const keep: string[] = [];
  let depth = 0;
  let copied = 0; // html[0, copied) is in keep (or dropped)
  let dropped = false;
  let i = 0;
  const name = /[A-Za-z][A-Za-z0-9-]*/y;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const closing = html[lt + 1] === '/';
    name.lastIndex = lt + (closing ? 2 : 1);
    const m = name.exec(html);
    if (!m) {
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', name.lastIndex);
    if (gt < 0) break; // no tag can end after this point either
    const tag = m[0].toLowerCase();
    i = gt + 1;
    if (closing) {
      if (VOID.has(tag) || IMPLIED_END.has(tag)) continue;
      const deep = depth > max;
      if (depth > 0) depth--;
      if (deep) {
        keep.push(html.slice(copied, lt));
        copied = i;
        dropped = true;
      }
      continue;
    }
    if (RAW_TEXT.has(tag)) {
      const close = new RegExp(`</${tag}\\b`, 'ig');
      close.lastIndex = i;
      const c = close.exec(html);
      if (!c) break;
      i = c.index; // the closing tag is read as a tag next time round
    }
    if (VOID.has(tag) || IMPLIED_END.has(tag) || html[gt - 1] === '/') continue;
    depth++;
    if (depth > max) {
      keep.push(html.slice(copied, lt));
      copied = i;
      dropped = true;
    }
  }
  if (!dropped) return html;
  keep.push(html.slice(copied));
  return keep.join('');
}

/** Markup held in a text field (JSON, CSV exports) as plain paragraphs. */
export function htmlToPlain(html: string): string {
  return blockText(parseHTML(`<!doctype html><html><body>${flattenDeepMarkup(html)}</body></html>`).document.body);
}

/** Every <meta> of the page once, by lower-cased property/name/itemprop (the first value wins). */
function metaIndex(doc: Doc): Map<string, string> {
  const index = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll('meta'))) {
    const content = el.getAttribute('content')?.trim();
    if (!content) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|Report|LiveBlogPosting|WebPage|TechArticle|ScholarlyArticle|SocialMediaPosting)$/;

/** The article object among the page's JSON-LD blocks (through @graph and arrays); unparsable blocks are skipped. */
function jsonLdArticle(doc: Doc): Record<string, unknown> | null {
  const found: Array<Record<string, unknown>> = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(visit);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o['@graph']) visit(o['@graph']);
    const types = ([] as unknown[]).concat(o['@type'] ?? []).map(String);
    if (types.some((t) => ARTICLE_TYPES.test(t))) found.push(o);
  };
  for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse((s.textContent ?? '').trim()));
    } catch {
      // malformed JSON-LD is common; the other metadata still applies
    }
  }
  // Prefer a real article type over a generic WebPage.
  return found.find((o) => !([] as unknown[]).concat(o['@type']).includes('WebPage')) ?? found[0] ?? null;
}

const str = (v: unknown): string => {
  if (typeof v === 'string') return v.trim();
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name ?? (v as Record<string, unknown>)['@id'] ?? '');
  return '';
};

function pageMetadata(doc: Doc) {
  const metas = metaIndex(doc);
  const meta = (_: Doc, ...keys: string[]) => keys.map((k) => metas.get(k.toLowerCase())).find(Boolean) ?? '';
  const ld = jsonLdArticle(doc);
  const titleTag = doc.querySelector('title')?.textContent?.trim() ?? '';
  const published =
    metadataDate(meta(doc, 'article:published_time', 'og:published_time', 'datePublished', 'date', 'pubdate', 'publishdate', 'DC.date.issued', 'dc.date', 'sailthru.date', 'parsely-pub-date')) ||
    metadataDate(str(ld?.datePublished)) ||
    metadataDate(doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? '') ||
    metadataDate(str(ld?.dateModified)) ||
    metadataDate(meta(doc, 'article:modified_time', 'og:updated_time')) || '';
  return {
    title: meta(doc, 'og:title', 'twitter:title') || str(ld?.headline),
    titleTag,
    published,
    publisher: meta(doc, 'og:site_name', 'application-name') || str(ld?.publisher),
    url: meta(doc, 'og:url') || doc.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || str(ld?.url),
    language: (doc.documentElement?.getAttribute('lang') || meta(doc, 'og:locale', 'content-language', 'language') || str(ld?.inLanguage)).trim(),
    author: meta(doc, 'author', 'article:author', 'byl') || str(ld?.author),
    ldBody: typeof ld?.articleBody === 'string' ? (ld.articleBody as string) : '',
  };
}

/** Paragraph-level text of all <p> in the page, as a fallback when Readability finds no article. */
function allParagraphs(doc: Doc): string {
  return Array.from(doc.querySelectorAll('p'))
    .map((p) => blockText(p))
    .filter((t) => t.length >= 40)
    .join('\n\n');
}

const words = (s: string) => (s.match(/\S+/g) ?? []).length;
const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** The headline repeated as a paragraph near the top is metadata here, not text: drop that paragraph. */
function withoutTitleLine(text: string, titles: string[]): string {
  const keys = titles.map(squash).filter((k) => k.length >= 10);
  if (!keys.length) return text;
  const paragraphs = text.split('\n\n');
  const i = paragraphs.slice(0, 3).findIndex((p) => keys.includes(squash(p)));
  return i < 0 ? text : [...paragraphs.slice(0, i), ...paragraphs.slice(i + 1)].join('\n\n');
}

/**
 * Deepest element nesting Readability is given. Its cost grows with the cube of the depth (500 nested
 * divs: 2 s, 2,000: 60 s); news pages nest a few dozen deep. A deeper page is read without it: the
 * text of its body, block by block, in one linear pass.
 */
export const MAX_READABILITY_DEPTH = 128;

/** Element nesting depth of the document, walked without recursion; stops counting past `limit`. */
export function nestingDepth(root: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    if (deepest > limit) return deepest;
    for (const c of Array.from((node as El).childNodes ?? [])) if ((c as { nodeType: number }).nodeType === 1) stack.push([c, depth + 1]);
  }
  return deepest;
}

export function extractHtml(html: string): HtmlArticle {
  const { document } = parseHTML(flattenDeepMarkup(html));
  const m = pageMetadata(document);
  let text = '';
  let rTitle = '';
  if (nestingDepth(document, MAX_READABILITY_DEPTH) > MAX_READABILITY_DEPTH) {
    text = withoutTitleLine(blockText(document.body ?? document), [m.title || m.titleTag]);
    return { text, title: m.title || m.titleTag, published: m.published, publisher: m.publisher, url: m.url, language: m.language, author: m.author };
  }
  const fallback = allParagraphs(document);
  try {
    // The serializer hands back the article's DOM node itself: no second parse of its HTML.
    const parsed = new Readability<unknown>(document as unknown as Document, { charThreshold: 300, serializer: (node) => node }).parse();
    if (parsed?.content) text = blockText(parsed.content);
    rTitle = parsed?.title?.trim() ?? '';
  } catch {
    // Readability can trip over odd markup; the fallbacks below still give the page's text.
  }
  // Readability sometimes settles on a teaser block; the JSON-LD body or the page's paragraphs are then fuller.
  const ld = m.ldBody.trim() ? m.ldBody.replace(/\r\n?/g, '\n').replace(/\n{2,}/g, '\n\n').trim() : '';
  if (ld && words(ld) > 1.5 * words(text)) text = ld;
  if (words(text) < 30 && words(fallback) > 2 * words(text)) text = fallback;
  // Readability's title is the <title> without the site's name; the tag itself is the last resort.
  const title = m.title || rTitle || m.titleTag;
  text = withoutTitleLine(text, [title, rTitle]);
  return { text, title, published: m.published, publisher: m.publisher, url: m.url, language: m.language, author: m.author };
}

export function htmlRecord(bytes: Uint8Array, record: string, format: RawRecord['format'], declaredCharset?: string, url?: string): ReaderOutput {
  const binary = looksBinary(bytes);
  if (binary) return { kind: 'reject', record, reason: binary };
  const { text: html } = decodeWeb(bytes, declaredCharset);
  if (!html.trim()) return { kind: 'reject', record, reason: 'empty page' };
  const a = extractHtml(html);
  if (!a.text.trim()) return { kind: 'reject', record, reason: 'no article text found in the page' };
  return {
    kind: 'record', record, format, text: a.text, title: a.title,
    published: a.published || undefined, publisher: a.publisher || undefined, author: a.author || undefined,
    url: a.url || url || undefined, language: a.language || undefined,
  };
}

export async function* readHtml(src: Source): AsyncGenerator<ReaderOutput> {
  const bytes = await src.readAll();
  if (bytes.length === 0) return yield { kind: 'reject', record: '', reason: 'empty file' };
  yield htmlRecord(bytes, '', 'html');
}
