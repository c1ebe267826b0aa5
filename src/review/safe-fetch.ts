import { lookup as dnsLookup } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { forbiddenBlock, isForbiddenAddress } from './special-addresses.js';

export { isForbiddenAddress };

/** Why a URL was not fetched; the message is shown to the analyst. */
export class FetchRefusedError extends Error {}

export interface FetchPolicy {
  /** Host names fetched even though they resolve to a forbidden address (tests, an internal mirror). */
  allowHosts: readonly string[];
  maxBytes: number;
  timeoutMs: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_POLICY: Omit<FetchPolicy, 'userAgent'> = {
  allowHosts: [],
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
};

export interface FetchedPage {
  url: string;
  status: number;
  contentType: string | null;
  body: Buffer;
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

/**
 * Resolves like dns.lookup but fails for forbidden addresses. The socket connects to exactly the
 * addresses checked here, so a second, different DNS answer cannot slip past the check.
 */
function guardedLookup(allowHosts: ReadonlySet<string>): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const bad = addresses.find((entry) => isForbiddenAddress(entry.address));
      if (bad && !allowHosts.has(bareHost(hostname))) {
        const why = `${bad.address}, ${forbiddenBlock(bad.address)}`;
        return callback(new FetchRefusedError(`${hostname} resolves to a forbidden address (${why})`), '', 0);
      }
      if (options.all)
        return (callback as unknown as (e: null, a: typeof addresses) => void)(null, addresses);
      const first = addresses[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

export function checkUrl(raw: string, allowHosts: ReadonlySet<string>): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError('not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefusedError(`only http and https URLs can be added (got ${url.protocol})`);
  }
  if (url.username || url.password) throw new FetchRefusedError('URLs with credentials are refused');
  const host = bareHost(url.hostname);
  // Literal addresses never reach the lookup hook.
  if (isIP(host) && isForbiddenAddress(host) && !allowHosts.has(host)) {
    throw new FetchRefusedError(`${host} is a forbidden address (${forbiddenBlock(host)})`);
  }
  return url;
}

function requestOnce(url: URL, policy: FetchPolicy, lookup: LookupFunction, signal: AbortSignal) {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        lookup,
        signal,
        headers: {
          'user-agent': policy.userAgent,
          accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1',
        },
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

async function readLimited(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(response.headers['content-length']);
  if (declared > maxBytes) {
    response.destroy();
    throw new FetchRefusedError(`the page is larger than ${maxBytes} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) {
      response.destroy();
      throw new FetchRefusedError(`the page is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Fetches one page for an analyst: http(s) only, no forbidden hosts at any redirect, size and time limits. */
export async function fetchPageSafely(raw: string, policy: FetchPolicy): Promise<FetchedPage> {
  const allowHosts = new Set(policy.allowHosts.map(bareHost));
  const lookup = guardedLookup(allowHosts);
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url = checkUrl(raw, allowHosts);
  try {
    for (let redirects = 0; ; redirects += 1) {
      const response = await requestOnce(url, policy, lookup, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location) {
        response.resume();
        if (redirects >= policy.maxRedirects) throw new FetchRefusedError('too many redirects');
        url = checkUrl(new URL(location, url).href, allowHosts);
        continue;
      }
      if (status >= 400) {
        response.resume();
        throw new FetchRefusedError(`the site answered HTTP ${status}`);
      }
      const contentType = response.headers['content-type'] ?? null;
      if (contentType && !/html|xml|text\/plain/i.test(contentType)) {
        response.destroy();
        throw new FetchRefusedError(`not a web page (${contentType})`);
      }
      return { url: url.href, status, contentType, body: await readLimited(response, policy.maxBytes) };
    }
  } catch (error) {
    if (error instanceof FetchRefusedError) throw error;
    if (signal.aborted) throw new FetchRefusedError(`no complete answer within ${policy.timeoutMs} ms`);
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof FetchRefusedError) throw cause;
    throw new FetchRefusedError(`fetch failed: ${(error as Error).message}`);
  }
}
