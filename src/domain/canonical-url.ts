/**
 * One spelling per article, used as its identity key (unique index, de-duplication, links between reposts).
 * It is not meant for fetching: keep the URL a page was found at for that, since a few servers answer only to
 * their own spelling (with `www.`, a trailing slash or plain http).
 *
 * - `http` and `https`, `www.` and bare host, Cyrillic and punycode hosts name the same article: sources link
 *   to both `www.nmdk.gov.az` and `nmdk.gov.az`, to `мвд.рф` and `xn--b1aew.xn--p1ai`.
 * - A trailing slash is dropped except on the root: CMSs serve `/post/3428/` and `/post/3428` as one page and
 *   redirect one to the other, and the slash-less form is the one a path without a slash can be compared with.
 * - Fragments, user info and tracking parameters never select a different article; the remaining parameters
 *   are sorted by name (stable, so repeated names keep their order).
 */

export class InvalidUrlError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`Invalid article URL ${JSON.stringify(url)}: ${reason}`);
    this.name = 'InvalidUrlError';
  }
}

const TRACKING_PARAMETERS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'yclid',
  'ysclid',
  'msclkid',
  '_openstat',
  'from',
  'ref',
  'ref_src',
  'mc_cid',
  'mc_eid',
  'igshid',
]);

function isTrackingParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMETERS.has(lower);
}

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Decodes %XX of unreserved characters (RFC 3986 §6.2.2.2) and upper-cases the hex of every other escape. */
function normalizePercentEncoding(component: string): string {
  return component.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(Number.parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}

function normalizePath(pathname: string): string {
  // The URL parser has already resolved `.` and `..`; empty segments from `//` are dropped here.
  const segments = pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map(normalizePercentEncoding);
  return `/${segments.join('/')}`;
}

function normalizeQuery(search: string): string {
  const parameters = search
    .replace(/^\?/, '')
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name = ''] = pair.split('=', 1);
      return { name: normalizePercentEncoding(name), pair: normalizePercentEncoding(pair) };
    })
    .filter(({ name }) => !isTrackingParameter(name));
  parameters.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return parameters.length === 0 ? '' : `?${parameters.map(({ pair }) => pair).join('&')}`;
}

/** The WHATWG parser has already lower-cased the host and turned IDN labels into punycode (domainToASCII). */
function normalizeHost(hostname: string): string {
  return hostname.replace(/\.$/, '').replace(/^www\./, '');
}

function parseArticleUrl(url: string, base?: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url.trim(), base);
  } catch {
    throw new InvalidUrlError(url, 'not a parsable URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new InvalidUrlError(url, `scheme ${parsed.protocol} is not http(s)`);
  }
  if (parsed.hostname === '') throw new InvalidUrlError(url, 'no host');
  return parsed;
}

/** The canonical ASCII host without `www.`: `https://WWW.МВД.РФ/x` → `xn--b1aew.xn--p1ai`. */
export function canonicalHost(url: string): string {
  return normalizeHost(parseArticleUrl(url).hostname);
}

/** The article's identity key; resolves `url` against `base` first. Throws InvalidUrlError for non-http(s) input. */
export function canonicalizeUrl(url: string, base?: string): string {
  const parsed = parseArticleUrl(url, base);
  // The parser has dropped the scheme's default port; any other port is part of the address.
  const port = parsed.port === '' ? '' : `:${parsed.port}`;
  const path = normalizePath(parsed.pathname);
  const query = normalizeQuery(parsed.search);
  return `https://${normalizeHost(parsed.hostname)}${port}${path}${query}`;
}
