import { parseHTML } from 'linkedom';

const HTML_OPEN = /<html\b[^>]*>/i;
const SHELL_TAGS = /<!doctype[^>]*>|<\/?html\b[^>]*>/gi;
const BODY_OPEN = /<body\b/i;
const HEAD_CLOSE = /<\/head\s*>/i;

/**
 * linkedom builds the tree exactly as the tags come (no HTML5 tree construction), so a page that starts
 * with a stray element, or lacks <html>/<body>, would leave the article outside document.body.
 * Re-wrapping the markup in one html/body shell gives Readability and the metadata readers a usual document.
 */
export function normaliseDocumentShell(html: string): string {
  const htmlAttributes = HTML_OPEN.exec(html)?.[0].slice(5, -1) ?? '';
  const inner = html.replace(SHELL_TAGS, '');
  if (BODY_OPEN.test(inner)) return `<!DOCTYPE html><html${htmlAttributes}>${inner}</html>`;
  const headEnd = HEAD_CLOSE.exec(inner);
  const head = headEnd ? inner.slice(0, headEnd.index + headEnd[0].length) : '';
  const body = headEnd ? inner.slice(headEnd.index + headEnd[0].length) : inner;
  return `<!DOCTYPE html><html${htmlAttributes}>${head}<body>${body}</body></html>`;
}

export function parseDocument(html: string): Document {
  return parseHTML(normaliseDocumentShell(html)).document as unknown as Document;
}
