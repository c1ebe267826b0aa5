import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { GZIP_SUFFIX, readRecordedFile, storedFileOf } from './recorded-file.js';

/**
 * Static server for the recorded demo sites: `/<host>/<path>` serves `<root>/<host>/<path>`.
 *
 * Pages are stored as the real site serves them, with absolute links to `https://<host>/…` and root-relative
 * links (`href="/ru/…"`). So that a crawler stays on this server, text responses get those links rewritten to
 * `<origin>/<host>/…` on the way out (byte-wise, so pages in legacy encodings keep every other byte).
 * Files whose names start with `_` (such as `_meta.json`) are notes about the recording and are not served.
 * A page stored gzipped (`x.html.gz`, see recorded-file.ts) is served as if it were the plain `x.html`.
 */

export const DEFAULT_FIXTURES_PORT = 4870;
/** Inside the package, so the demo works from any working directory. */
export const DEFAULT_FIXTURES_ROOT = resolve(import.meta.dirname, '..', '..', 'test', 'fixtures', 'sites');

/**
 * The moment the recorded sites describe (the latest `asOf` of their `_meta.json` notes): a replay
 * judges article ages against it, or every recorded article would one day be "too old".
 */
export function fixturesAsOf(root = DEFAULT_FIXTURES_ROOT): Date {
  const dates = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, '_meta.json')))
    .map(
      (entry) => JSON.parse(readFileSync(join(root, entry.name, '_meta.json'), 'utf8')) as { asOf?: string },
    )
    .map((meta) => (meta.asOf ? Date.parse(meta.asOf) : Number.NaN))
    .filter((time) => Number.isFinite(time));
  if (dates.length === 0)
    throw new Error(`no recorded site under ${root} states when it was recorded (asOf)`);
  return new Date(Math.max(...dates));
}

export interface FixtureServerOptions {
  root?: string;
  /** 0 picks a free port (tests); the default keeps canonical URLs stable across demo runs. */
  port?: number;
  host?: string;
}

export interface FixtureServer {
  origin: string;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

const rewrittenExtensions = new Set(['.html', '.xml', '.txt']);
const directoryIndexes = ['index.html', 'index.xml'];

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(options.root ?? DEFAULT_FIXTURES_ROOT);
  const siteHosts = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name);
  let origin = '';
  const server = createServer((request, response) => {
    try {
      route(request, response, { root, siteHosts, origin });
    } catch (error) {
      send(response, 500, 'text/plain; charset=utf-8', `fixture server error: ${String(error)}`);
    }
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? DEFAULT_FIXTURES_PORT, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const address = server.address() as AddressInfo;
  origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    origin,
    close: () =>
      new Promise<void>((resolveClose, rejectClose) => {
        // Stalled responses (/_test/slow) would otherwise keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? rejectClose(error) : resolveClose()));
      }),
  };
}

interface Site {
  root: string;
  siteHosts: readonly string[];
  origin: string;
}

function route(request: IncomingMessage, response: ServerResponse, site: Site): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed', { allow: 'GET, HEAD' });
    return;
  }
  const url = new URL(request.url ?? '/', 'http://fixture.invalid');
  if (url.pathname.startsWith('/_test/')) {
    serveTestRoute(url, response);
    return;
  }
  if (url.pathname === '/robots.txt') {
    send(response, 200, 'text/plain; charset=utf-8', mergeRobotsTxt(site));
    return;
  }
  const rawPath = (request.url ?? '/').split('?')[0] ?? '/';
  const segments = decodedSegments(rawPath);
  if (!segments || segments.some((segment) => segment.startsWith('_'))) {
    send(response, segments ? 404 : 400, 'text/plain; charset=utf-8', segments ? 'not found' : 'bad path');
    return;
  }
  serveFile(segments, rawPath.endsWith('/'), request, response, site);
}

/** Undefined for paths that cannot be decoded or that try to leave the root. */
function decodedSegments(rawPath: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? undefined : segments;
}

function serveFile(
  segments: string[],
  trailingSlash: boolean,
  request: IncomingMessage,
  response: ServerResponse,
  site: Site,
): void {
  const target = join(site.root, ...segments);
  if (target !== site.root && !target.startsWith(site.root + sep)) {
    send(response, 400, 'text/plain; charset=utf-8', 'bad path');
    return;
  }
  const stats = existsSync(target) ? statSync(target) : undefined;
  if (stats?.isDirectory() && !trailingSlash) {
    send(response, 301, 'text/plain; charset=utf-8', 'moved', { location: `${request.url?.split('?')[0]}/` });
    return;
  }
  const candidates = stats?.isDirectory()
    ? directoryIndexes.map((name) => join(target, name))
    : [target, `${target}.html`];
  const file = candidates.map(storedFileOf).find((stored) => stored !== undefined);
  if (!file || segments.length === 0) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found');
    return;
  }
  const extension = extensionOf(file);
  const bytes = readRecordedFile(file);
  const host = segments[0] ?? '';
  const body = rewrittenExtensions.has(extension) ? rewriteSiteLinks(bytes, host, site) : bytes;
  const type = recordedContentType(file, bytes);
  const validators = validatorsFor(body, statSync(file).mtime);
  if (isNotModified(request, validators)) {
    response.writeHead(304, validators);
    response.end();
    return;
  }
  send(response, 200, type, body, validators, request.method === 'HEAD');
}

function extensionOf(file: string): string {
  return extname(file.endsWith(GZIP_SUFFIX) ? file.slice(0, -GZIP_SUFFIX.length) : file);
}

/** The Content-Type this server sends with a recorded file (of `bytes`, its content once unzipped). */
export function recordedContentType(file: string, bytes: Buffer): string {
  const extension = extensionOf(file);
  return extension === '.html'
    ? htmlContentType(bytes)
    : (contentTypes[extension] ?? 'application/octet-stream');
}

/** ETag and Last-Modified like a real server's, so that crawlers' conditional GETs can be tested offline. */
function validatorsFor(body: Buffer, mtime: Date): Record<string, string> {
  const hash = createHash('sha1').update(body).digest('base64url').slice(0, 16);
  return { etag: `"${hash}"`, 'last-modified': mtime.toUTCString() };
}

function isNotModified(request: IncomingMessage, validators: Record<string, string>): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) return ifNoneMatch.split(/\s*,\s*/).includes(validators.etag ?? '');
  const ifModifiedSince = Date.parse(request.headers['if-modified-since'] ?? '');
  return Date.parse(validators['last-modified'] ?? '') <= ifModifiedSince;
}

/** UTF-8 pages get a charset header; pages in another encoding get none, so clients must read their meta tag. */
function htmlContentType(bytes: Buffer): string {
  const head = bytes.subarray(0, 2048).toString('latin1');
  const declared = head.match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1]?.toLowerCase();
  return declared && declared !== 'utf-8' && declared !== 'utf8' ? 'text/html' : 'text/html; charset=utf-8';
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function rewriteSiteLinks(bytes: Buffer, host: string, site: Site): Buffer {
  // latin1 maps every byte to one char and back, so non-ASCII bytes of any encoding survive untouched.
  let text = bytes.toString('latin1');
  if (site.siteHosts.length > 0) {
    const hosts = site.siteHosts.map(escapeRegExp).join('|');
    const absolute = new RegExp(`(?:https?:)?//(?:www\\.)?(${hosts})(?=[/"'?#<\\s]|$)`, 'g');
    text = text.replace(absolute, (_, siteHost: string) => `${site.origin}/${siteHost}`);
  }
  text = text.replace(/(\s(?:href|src|action)=["'])\/(?!\/)/g, `$1/${host}/`);
  return Buffer.from(text, 'latin1');
}

/** One robots.txt for the whole server: each site's rules, prefixed with `/<host>`, grouped by user agent. */
function mergeRobotsTxt(site: Site): string {
  const rulesByAgent = new Map<string, string[]>();
  for (const host of site.siteHosts) {
    const file = join(site.root, host, 'robots.txt');
    if (!existsSync(file)) continue;
    let agents: string[] = [];
    let inRules = false;
    for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const [, field = '', value = ''] = line.replace(/#.*/, '').match(/^\s*([\w-]+)\s*:\s*(.*?)\s*$/) ?? [];
      const name = field.toLowerCase();
      if (name === 'user-agent') {
        if (inRules) agents = [];
        agents.push(value);
        inRules = false;
      } else if (name === 'allow' || name === 'disallow') {
        inRules = true;
        if (value === '') continue; // an empty Disallow allows everything, which is the default anyway
        const rule = `${field}: /${host}${value.startsWith('/') ? '' : '/'}${value}`;
        for (const agent of agents) rulesByAgent.set(agent, [...(rulesByAgent.get(agent) ?? []), rule]);
      }
    }
  }
  return [...rulesByAgent].map(([agent, rules]) => `User-agent: ${agent}\n${rules.join('\n')}\n`).join('\n');
}

function serveTestRoute(url: URL, response: ServerResponse): void {
  const [, , name, argument] = url.pathname.split('/');
  switch (name) {
    case 'status': {
      const status = Number(argument);
      if (!Number.isInteger(status) || status < 200 || status > 599) {
        send(response, 400, 'text/plain; charset=utf-8', 'bad status');
        return;
      }
      const retryAfter = url.searchParams.get('retry-after');
      send(
        response,
        status,
        'text/plain; charset=utf-8',
        `status ${status}`,
        retryAfter ? { 'retry-after': retryAfter } : {},
      );
      return;
    }
    case 'slow':
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.write('<!doctype html><html><head><title>slow</title></head><body>');
      return;
    case 'big':
      sendBigPage(response, Number(url.searchParams.get('mb') ?? '10'));
      return;
    case 'redirect-loop':
      send(response, 302, 'text/plain; charset=utf-8', 'again', { location: '/_test/redirect-loop' });
      return;
    default:
      send(response, 404, 'text/plain; charset=utf-8', 'no such test route');
  }
}

/** Streams a page of the given size with its Content-Length, so clients can refuse it before or while reading. */
function sendBigPage(response: ServerResponse, megabytes: number): void {
  const total = Math.round((Number.isFinite(megabytes) && megabytes > 0 ? megabytes : 10) * 1024 * 1024);
  const chunk = Buffer.from(`<p>${'Большая страница для проверки предела размера. '.repeat(40)}</p>\n`);
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': total });
  let sent = 0;
  const writeMore = (): void => {
    while (sent < total) {
      const piece = chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += piece.length;
      if (!response.write(piece)) {
        response.once('drain', writeMore);
        return;
      }
    }
    response.end();
  };
  response.on('close', () => response.removeAllListeners('drain'));
  writeMore();
}

function send(
  response: ServerResponse,
  status: number,
  contentType: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length, ...headers });
  response.end(headOnly ? undefined : bytes);
}
