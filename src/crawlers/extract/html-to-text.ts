/**
 * The minimal DOM shape shared by linkedom (browser-like) and cheerio/domhandler nodes,
 * so one text renderer serves both the generic and the selector paths.
 */
export interface TextNodeLike {
  nodeType: number;
  tagName?: string;
  nodeValue?: string | null;
  childNodes?: ArrayLike<TextNodeLike>;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const DOCUMENT_NODE = 9;
const FRAGMENT_NODE = 11;

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'br', 'option', 'frameset', 'noframes', 'listing', 'xmp',
  'plaintext', 'output',
]); // biome-ignore format: a word list reads better packed

const SKIPPED_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'object', 'embed', 'svg',
  'math', 'canvas', 'select', 'button', 'input', 'textarea', 'audio', 'video', 'map',
]); // biome-ignore format: a word list reads better packed

const BLOCK_END = Symbol('block-end');
const WHITESPACE = /[\s\u00a0\u200b\ufeff]+/g;

function tagNameOf(node: TextNodeLike): string {
  return (node.tagName ?? '').toLowerCase();
}

/** Renders a subtree as text, one block (paragraph, list item, cell, heading…) per line. */
export function htmlToText(root: TextNodeLike): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = () => {
    const line = current.replace(WHITESPACE, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  // Explicit stack instead of recursion: broken pages can nest thousands of unclosed elements.
  const stack: Array<TextNodeLike | typeof BLOCK_END> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      breakLine();
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_NODE && node.nodeType !== FRAGMENT_NODE)
      continue;
    const tag = tagNameOf(node);
    if (SKIPPED_TAGS.has(tag)) continue;
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      breakLine();
      stack.push(BLOCK_END);
    } else if (tag === 'img' || tag === 'wbr') {
      continue;
    }
    pushChildrenReversed(stack, node);
  }
  breakLine();
  return lines.join('\n');
}

function pushChildrenReversed<Marker>(stack: Array<TextNodeLike | Marker>, node: TextNodeLike): void {
  const children = node.childNodes;
  if (!children) return;
  for (let i = children.length - 1; i >= 0; i--) {
    const child = children[i];
    if (child) stack.push(child);
  }
}

/** Collapses whitespace inside a short inline string (titles, attribute values). */
export function normaliseInlineText(text: string): string {
  return text.replace(WHITESPACE, ' ').trim();
}

// Tags that mark up part of a word or phrase: no gap between them and their neighbours («19.09.<b>2025</b>»).
const PHRASING_TAGS = new Set(['abbr', 'b', 'em', 'font', 'i', 'mark', 'small', 'strong', 'sub', 'sup', 'u']);
const GAP = Symbol('gap');

/**
 * A short element's text as one line, with a space at every element boundary but phrasing ones, so that a stamp
 * split over siblings reads whole: `<li>21 сентября, 2025</li><li>21:05</li>` → "21 сентября, 2025 21:05".
 * Null when the text runs past `maxChars`: a date line is short, and long subtrees are not rendered at all.
 */
export function stampText(root: TextNodeLike, maxChars = Number.POSITIVE_INFINITY): string | null {
  let text = '';
  let visible = 0;
  const stack: Array<TextNodeLike | typeof GAP> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === GAP) {
      text += ' ';
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const value = node.nodeValue ?? '';
      text += value;
      // Letters alone already past the limit: the line cannot be short, stop walking.
      visible += value.length - (value.match(WHITESPACE)?.join('').length ?? 0);
      if (visible > maxChars) return null;
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== DOCUMENT_NODE && node.nodeType !== FRAGMENT_NODE)
      continue;
    const tag = tagNameOf(node);
    if (SKIPPED_TAGS.has(tag)) continue;
    const gap = !PHRASING_TAGS.has(tag);
    if (gap) stack.push(GAP);
    pushChildrenReversed(stack, node);
    if (gap) text += ' ';
  }
  const line = normaliseInlineText(text);
  return line.length <= maxChars ? line : null;
}
