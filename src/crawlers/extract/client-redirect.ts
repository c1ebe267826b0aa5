/**
 * Redirects that a browser would follow but an HTTP client does not: `<meta http-equiv="refresh">` and
 * `location = '…'` scripts (mvd.ru sends readers to мвд.рф this way). Only stub pages count: a full article
 * that also carries such a script (a mobile-site switch, say) is read where it is.
 */

const META_REFRESH =
  /<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?['"]?([^"'>\s]+)/i;
const META_REFRESH_CONTENT_FIRST =
  /<meta[^>]+content\s*=\s*["']\s*(\d+(?:\.\d+)?)\s*[;,]\s*(?:url\s*=\s*)?['"]?([^"'>\s]+)[^>]*http-equiv\s*=\s*["']?refresh/i;
const SCRIPT_REDIRECT =
  /(?:window\.|document\.|top\.|self\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']|location\.(?:replace|assign)\(\s*["']([^"']+)["']\s*\)/i;
// A refresh that waits longer is a "reload this page now and then", not a move.
const MAX_REFRESH_DELAY_SECS = 10;
const MAX_STUB_TEXT_CHARS = 500;

export function findClientRedirect(html: string, pageUrl: string): string | null {
  const meta = META_REFRESH.exec(html) ?? META_REFRESH_CONTENT_FIRST.exec(html);
  if (meta && Number(meta[1]) <= MAX_REFRESH_DELAY_SECS) return resolveTarget(meta[2], pageUrl);
  const script = SCRIPT_REDIRECT.exec(html);
  // Measuring the text takes three passes over the page: only worth it when there is a script to follow.
  if (!script || visibleTextLength(html) > MAX_STUB_TEXT_CHARS) return null;
  return resolveTarget(script[1] ?? script[2], pageUrl);
}

function resolveTarget(target: string | undefined, pageUrl: string): string | null {
  if (!target) return null;
  try {
    const url = new URL(target.replace(/&amp;/g, '&'), pageUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.href === new URL(pageUrl).href ? null : url.href;
  } catch {
    return null;
  }
}

function visibleTextLength(html: string): number {
  return html
    .replace(/<(script|style|noscript)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim().length;
}
