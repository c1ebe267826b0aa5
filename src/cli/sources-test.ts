import type { SourceConfig } from '../config/source-schema.js';
import { loadSourcesFile } from '../config/sources.js';
import { decodeHtml } from '../crawlers/extract/decode-html.js';
import { type FixtureServer, startFixtureServer } from '../crawlers/fixture-server.js';
import { readRecordedFile } from '../crawlers/recorded-file.js';
import { createPageFetcher, type PageFetcher } from '../crawlers/sources/fetch-page.js';
import { sourceRegistry } from '../crawlers/sources/index.js';
import {
  discoverItems,
  type ParsedSourcePage,
  parseArticlePage,
  parseTelegramPost,
} from '../crawlers/sources/parse-source-page.js';
import { findRecordedPage, toFixtureUrl, toLiveUrl } from '../crawlers/sources/recorded-pages.js';
import { toSourceConfig } from '../crawlers/sources/source-definition.js';
import {
  type CliContext,
  parseVerbArgs,
  sourceFileVariables,
  UsageError,
  UserFacingError,
} from './cli-support.js';

export const SOURCES_TEST_USAGE =
  'harvest sources test ID... | --all [--live] [--limit N] [--html-file F [--url URL] [--date ISO]] [--sources FILE]';

/** Fields an article cannot go without: the bulletin needs what happened, in which words, and when. */
const REQUIRED_FIELDS = ['title', 'body', 'publishedAt'] as const;
const DEFAULT_LIMIT = 3;
const BODY_PREVIEW_CHARS = 160;

interface TestedArticle {
  url: string;
  parsed?: ParsedSourcePage;
  problem?: string;
}

/**
 * What an operator runs after adding or fixing a source: discovers a few article URLs (from the recorded pages
 * through the fixture server, or from the live site with --live), parses them and shows every field.
 */
export async function sourcesTestCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    all: { type: 'boolean', default: false },
    live: { type: 'boolean', default: false },
    limit: { type: 'string' },
    'html-file': { type: 'string' },
    url: { type: 'string' },
    date: { type: 'string' },
    sources: { type: 'string' },
  });
  const limit = Number(values.limit ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit expects a positive integer');
  const sources = selectSources(positionals, values.all, values.sources ?? ctx.config.sourcesPath);
  if (values['html-file']) {
    const [source] = sources;
    if (!source || sources.length > 1) throw new UsageError('--html-file takes exactly one source ID');
    const pageDate = values.date ? new Date(values.date) : new Date();
    if (Number.isNaN(pageDate.getTime())) throw new UsageError(`--date: not a date: ${values.date}`);
    const html = decodeHtml(readPageFile(values['html-file'])).html;
    const url = values.url ?? source.discovery.urls[0] ?? 'https://example.invalid/';
    const parsed = parseArticlePage(source, { html, url, pageDate });
    printHeader(ctx, source, `file ${values['html-file']}`);
    return reportResult(ctx, source, [{ url, parsed }], 1);
  }

  const server = values.live ? undefined : await startFixtureServer({ port: 0 });
  let failed = 0;
  try {
    for (const source of sources) {
      const code = await testSource(ctx, source, { server, limit, userAgent: ctx.config.userAgent });
      if (code !== 0) failed += 1;
    }
  } finally {
    await server?.close();
  }
  if (sources.length > 1) ctx.out(`\n${sources.length - failed} of ${sources.length} sources passed`);
  return failed > 0 ? 1 : 0;
}

/** Sources by id: the operator's sources file first (with its overrides), then the declared sources. */
function selectSources(ids: string[], all: boolean, sourcesPath: string): SourceConfig[] {
  const declared = sourceRegistry.map(toSourceConfig);
  if (all) return declared;
  if (ids.length === 0) throw new UsageError('name at least one source ID, or --all');
  let configured: SourceConfig[] = [];
  try {
    configured = loadSourcesFile(sourcesPath, { variables: sourceFileVariables() }).sources;
  } catch (error) {
    if (!ids.every((id) => declared.some((source) => source.id === id))) throw error;
  }
  return ids.map((id) => {
    const source = configured.find((s) => s.id === id) ?? declared.find((s) => s.id === id);
    if (!source) {
      throw new UsageError(
        `unknown source "${id}": not in ${sourcesPath} nor declared in src/crawlers/sources/ (${declared.map((s) => s.id).join(', ')})`,
      );
    }
    return source;
  });
}

interface TestOptions {
  server: FixtureServer | undefined;
  limit: number;
  userAgent: string;
}

async function testSource(ctx: CliContext, source: SourceConfig, options: TestOptions): Promise<number> {
  const { server } = options;
  printHeader(ctx, source, server ? 'recorded pages, offline' : 'live site');
  const fetcher = createPageFetcher({
    crawler: source.crawler,
    userAgent: options.userAgent,
    timeoutMs: source.limits.timeoutSecs * 1000,
  });
  try {
    const articles = await discoverAndParse(ctx, source, fetcher, options);
    return reportResult(ctx, source, articles, options.limit);
  } catch (error) {
    ctx.out(`  result     FAILED: ${(error as Error).message}`);
    return 1;
  } finally {
    await fetcher.close();
  }
}

async function discoverAndParse(
  ctx: CliContext,
  source: SourceConfig,
  fetcher: PageFetcher,
  { server, limit }: TestOptions,
): Promise<TestedArticle[]> {
  const served = (url: string) => (server ? toFixtureUrl(url, server.origin) : url);
  const live = (url: string) => (server ? toLiveUrl(url, server.origin) : url);
  const tested: TestedArticle[] = [];
  for (const discoveryUrl of source.discovery.urls) {
    if (tested.length >= limit) break;
    const page = await fetcher.fetch(served(discoveryUrl));
    if (page.status >= 400) throw new Error(`discovery page ${discoveryUrl}: HTTP ${page.status}`);
    const items = discoverItems(source, page.html, page.url, live);
    const found = items.posts.length + items.links.length;
    ctx.out(`  discovery  ${source.discovery.strategy} ${discoveryUrl} → ${found} article URL(s)`);
    for (const post of items.posts.slice(0, limit - tested.length)) {
      tested.push({ url: post.url, parsed: parseTelegramPost(source, post) });
    }
    for (const link of items.links.slice(0, limit - tested.length)) {
      const url = live(link.url);
      const article = await fetcher.fetch(link.url).catch((error: Error) => error);
      if (article instanceof Error || article.status >= 400) {
        const reason = article instanceof Error ? article.message : `HTTP ${article.status}`;
        tested.push({ url, problem: reason });
        continue;
      }
      const recordedAt = server ? findRecordedPage(url)?.recordedAt : undefined;
      const pageDate = recordedAt ? new Date(recordedAt) : new Date();
      tested.push({ url, parsed: parseArticlePage(source, { html: article.html, url, pageDate }) });
    }
  }
  return tested;
}

function printHeader(ctx: CliContext, source: SourceConfig, mode: string): void {
  ctx.out(`\n${source.id} — ${source.name}  [${mode}; ${source.crawler}, ${source.timezone}]`);
}

function reportResult(
  ctx: CliContext,
  source: SourceConfig,
  articles: TestedArticle[],
  limit: number,
): number {
  let incomplete = 0;
  articles.forEach((article, index) => {
    ctx.out(`  article ${index + 1}  ${article.url}`);
    if (!article.parsed) {
      incomplete += 1;
      ctx.out(`    FAILED    ${article.problem}`);
      return;
    }
    const { output, parser, missing, errors } = article.parsed;
    const empty = [...missing, ...(output.language === 'und' ? ['language'] : [])];
    if (REQUIRED_FIELDS.some((field) => missing.includes(field))) incomplete += 1;
    ctx.out(`    title     ${output.title ?? '—'}`);
    ctx.out(
      `    date      ${output.published_at ? `${output.published_at} (${output.published_local})` : '—'}`,
    );
    const foreign = output.language !== 'und' && !(source.languages as string[]).includes(output.language);
    const expected = foreign ? ` (not a language of this source: ${source.languages.join(', ')})` : '';
    ctx.out(`    language  ${output.language}${expected}`);
    ctx.out(`    body      ${output.body ? `${output.body.length} chars: ${preview(output.body)}` : '—'}`);
    ctx.out(`    parser    ${parser}`);
    ctx.out(`    empty     ${empty.length > 0 ? empty.join(', ') : 'none'}`);
    for (const error of errors) ctx.out(`    note      ${error}`);
  });
  if (articles.length === 0) {
    ctx.out('  result     FAILED: discovery found no article URL');
    return 1;
  }
  const complete = articles.length - incomplete;
  const verdict = incomplete === 0 ? 'OK' : 'FAILED';
  ctx.out(
    `  result     ${verdict}: ${complete} of ${articles.length} article(s) (limit ${limit}) have title, body and date`,
  );
  return incomplete === 0 ? 0 : 1;
}

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ');
  return flat.length > BODY_PREVIEW_CHARS ? `${flat.slice(0, BODY_PREVIEW_CHARS)}…` : flat;
}

function readPageFile(path: string): Buffer {
  try {
    return readRecordedFile(path);
  } catch (error) {
    throw new UserFacingError(`cannot read --html-file ${path}: ${(error as Error).message}`);
  }
}
