import { Readability } from '@mozilla/readability';
import { withoutCredits } from '../../domain/credit-lines.js';
import { htmlToText, type TextNodeLike } from './html-to-text.js';

// Overlays and hidden blocks that Readability sometimes mistakes for the article (cookie walls above all).
const OVERLAY_SELECTOR = [
  '[class*="cookie" i]',
  '[id*="cookie" i]',
  '[class*="consent" i]',
  '[id*="consent" i]',
  '[class*="gdpr" i]',
  '[hidden]',
  '[style*="display:none"]',
  '[style*="display: none"]',
].join(', ');

const BOILERPLATE_TAGS = 'figcaption, nav, aside, footer, form, button, select, [aria-hidden="true"]';
const BOILERPLATE_LABEL =
  /(^|[-_\s])(share|sharing|social|related|newsletter|subscribe|promo|breadcrumbs?|tags?|caption|credits?|comments?|byline|author|sponsor|advert|ad|ads|disclaimer|copyright|recirc|more-?stories|read-?more|see-?also)($|[-_\s])/i;
const CONTENT_LABEL = /article|content|body|entry|post/i;
const LINK_LIST_CANDIDATES = 'p, li, h1, h2, h3, h4, h5, h6, div, ul, ol, dl, table';
const LINK_LIST_MAX_CHARS = 300;
const LINK_LIST_MIN_DENSITY = 0.5;

const PROSE_BLOCKS = 'p, pre, blockquote, li, td, dd, h2, h3, h4, div, span, section, article';
const PROSE_MIN_CHARS = 40;
const OUTSIDE_PROSE = 'a, nav, footer, header, aside, select, form';
const SHORT_READABILITY_CHARS = 500;
// Readability and selector matching walk ancestors recursively; past this depth (only broken or hostile
// markup nests so deep) they get slow or overflow the stack, so such pages get plain block text instead.
const MAX_SCORED_DEPTH = 400;

/**
 * The article's main text, one block per line, without photo credits, bylines and the signature under it.
 * Readability picks the container; a simple prose-density pick stands in when Readability keeps far less text
 * than it (it sometimes settles on a side box).
 * Mutates `document` (Readability does), so read metadata before calling this.
 */
export function extractBody(document: Document): string | null {
  const text = containerText(document);
  return text ? withoutCredits(text) || null : null;
}

function containerText(document: Document): string | null {
  if (!document.body) return null;
  if (maxElementDepth(document.body) > MAX_SCORED_DEPTH)
    return htmlToText(document.body as unknown as TextNodeLike) || null;
  removeAll(
    document.querySelectorAll(OVERLAY_SELECTOR),
    (el) => el.tagName !== 'BODY' && el.tagName !== 'HTML',
  );
  const dense = densestProseContainer(document);
  const fallback = dense ? renderPruned(dense.cloneNode(true) as Element) : '';
  const readable = readabilityText(document);
  if (!readable) return fallback || null;
  const ratio = fallback.length / readable.length;
  const preferFallback = (readable.length < SHORT_READABILITY_CHARS && ratio > 2) || ratio > 4;
  return preferFallback ? fallback : readable;
}

function readabilityText(document: Document): string {
  const article = new Readability(document, { serializer: (node: Node) => node }).parse();
  return article?.content ? renderPruned(article.content as unknown as Element) : '';
}

function renderPruned(root: Element): string {
  pruneBoilerplate(root);
  return htmlToText(root as unknown as TextNodeLike);
}

function pruneBoilerplate(root: Element): void {
  removeAll(root.querySelectorAll(BOILERPLATE_TAGS));
  removeAll(root.querySelectorAll('[class], [id]'), (el) => {
    const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    return BOILERPLATE_LABEL.test(label) && !CONTENT_LABEL.test(label);
  });
  removeAll(root.querySelectorAll(LINK_LIST_CANDIDATES), (el) => {
    const length = (el.textContent ?? '').trim().length;
    return length > 0 && length < LINK_LIST_MAX_CHARS && linkDensity(el) > LINK_LIST_MIN_DENSITY;
  });
}

function removeAll(elements: Iterable<Element>, keep: (el: Element) => boolean = () => true): void {
  for (const el of elements) if (keep(el)) el.remove();
}

function linkDensity(el: Element): number {
  const total = compactLength(el.textContent);
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += compactLength(a.textContent);
  return linked / total;
}

function compactLength(text: string | null): number {
  return (text ?? '').replace(/\s+/g, '').length;
}

function directTextLength(el: Element): number {
  let length = 0;
  for (const child of el.childNodes)
    if (child.nodeType === 3) length += (child.nodeValue ?? '').trim().length;
  return length;
}

/** The element whose children hold the most prose directly (parent full weight, grandparent half). */
function densestProseContainer(document: Document): Element | null {
  const scores = new Map<Element, number>();
  const add = (el: Element | null, score: number) => {
    if (el) scores.set(el, (scores.get(el) ?? 0) + score);
  };
  for (const el of document.body?.querySelectorAll(PROSE_BLOCKS) ?? []) {
    const own = directTextLength(el);
    if (own < PROSE_MIN_CHARS || el.closest(OUTSIDE_PROSE)) continue;
    add(el.parentElement, own);
    add(el.parentElement?.parentElement ?? null, own / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  return best;
}

function maxElementDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of el.children) stack.push([child, depth + 1]);
  }
  return deepest;
}
