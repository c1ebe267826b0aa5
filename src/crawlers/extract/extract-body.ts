import { Readability } from '@mozilla/readability';
import { htmlToText, type TextNodeLike } from './html-to-text.js';

const F = (name: string) => (process.env.FLAGS ?? '').split(',').includes(name);

const BOILERPLATE_TAGS =
  'figcaption, nav, aside, footer, form, button, select, [hidden], [aria-hidden="true"]';
const BOILERPLATE_ATTR =
  /(^|[-_\s])(share|sharing|social|related|newsletter|subscribe|promo|breadcrumbs?|tags?|caption|credits?|comments?|byline|author|sponsor|advert|ad|ads|disclaimer|copyright|recirc|more-?stories|read-?more|see-?also)($|[-_\s])/i;

function linkDensity(el: Element): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  return linked / total;
}

function prune(root: Element): void {
  if (F('tags')) for (const el of root.querySelectorAll(BOILERPLATE_TAGS)) el.remove();
  if (F('attr'))
    for (const el of root.querySelectorAll('[class], [id]')) {
      const label = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
      if (BOILERPLATE_ATTR.test(label) && !/article|content|body|entry|post/i.test(label)) el.remove();
    }
  if (F('links'))
    for (const el of root.querySelectorAll('p, li, h1, h2, h3, h4, h5, h6, div, ul, ol, dl, table')) {
      if (!el.isConnected && !root.contains(el)) continue;
      const len = (el.textContent ?? '').trim().length;
      if (len > 0 && len < Number(process.env.LL ?? 300) && linkDensity(el) > Number(process.env.LD ?? 0.5))
        el.remove();
    }
}

const PRE_CLEAN =
  '[class*="cookie" i], [id*="cookie" i], [class*="consent" i], [id*="consent" i], [class*="gdpr" i], [hidden], [style*="display:none"], [style*="display: none"]';
const TEXT_BLOCKS = 'p, pre, blockquote, li, td, dd, h2, h3, h4, div, span, section, article';

function ownTextLength(el: Element): number {
  let n = 0;
  for (const child of el.childNodes) if (child.nodeType === 3) n += (child.nodeValue ?? '').trim().length;
  return n;
}

/** Densest container of directly-held prose, used when Readability keeps too little. */
function densestContainer(document: Document): Element | null {
  const scores = new Map<Element, number>();
  for (const el of document.body?.querySelectorAll(TEXT_BLOCKS) ?? []) {
    const own = ownTextLength(el);
    if (own < 40 || el.closest('a, nav, footer, header, aside')) continue;
    const parent = el.parentElement;
    if (!parent) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + own);
    const grand = parent.parentElement;
    if (grand) scores.set(grand, (scores.get(grand) ?? 0) + own / 2);
  }
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) if (score > bestScore) [best, bestScore] = [el, score];
  return best;
}

export function extractBodyWithReadability(document: Document): string | null {
  if (F('pre'))
    for (const el of document.querySelectorAll(PRE_CLEAN))
      if (el.tagName !== 'BODY' && el.tagName !== 'HTML') el.remove();
  let fallback = '';
  if (F('fb')) {
    const dense = densestContainer(document);
    if (dense) {
      const clone = dense.cloneNode(true) as Element;
      prune(clone);
      fallback = htmlToText(clone as unknown as TextNodeLike);
    }
  }
  const article = new Readability(document, {
    serializer: (node: Node) => node,
    charThreshold: Number(process.env.CT ?? 500),
  }).parse();
  if (!article?.content) return fallback || null;
  const content = article.content as unknown as Element;
  prune(content);
  const text = htmlToText(content as unknown as TextNodeLike);
  if (fallback.length > Number(process.env.FR ?? 2) * text.length) return fallback;
  return text || null;
}
