import { loadSourcesFile } from '../config/sources.js';
import { type FixtureServer, startFixtureServer } from '../crawlers/fixture-server.js';
import { readSavedPage } from '../crawlers/read-saved-page.js';
import { readRecordedFile } from '../crawlers/recorded-file.js';
import { checkCrawl } from '../crawlers/source-testing/check-crawl.js';
import { type ReadCandidate, readCandidate } from '../crawlers/source-testing/page-output.js';
import { sourceRegistry } from '../sources/index.js';
import { toSourceConfig } from '../sources/source-definition.js';
import type { SourceConfig } from '../sources/source-schema.js';
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
  parsed?: ReadCandidate;
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
    const bytes = readPageFile(values['html-file']);
    const url = values.url ?? source.discovery.urls[0] ?? 'https://example.invalid/';
    const { candidate, stats } = await readSavedPage(source, { bytes, url, pageDate });
    printHeader(ctx, source, `file ${values['html-file']}`);
    const tested = candidate
      ? { url, parsed: readCandidate(source, candidate) }
      : { url, problem: stats.errors[0]?.message ?? 'no article stored' };
    return reportResult(ctx, source, [tested], 1);
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
        `unknown source "${id}": not in ${sourcesPath} nor declared in src/sources/ (${declared.map((s) => s.id).join(', ')})`,
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
  try {
    const articles = await crawlAndRead(ctx, source, options);
    return reportResult(ctx, source, articles, options.limit);
  } catch (error) {
    ctx.out(`  result     FAILED: ${(error as Error).message}`);
    return 1;
  }
}

/** The production crawl of the source's first discovery pages (checkCrawl), its candidates read for people. */
async function crawlAndRead(
  ctx: CliContext,
  source: SourceConfig,
  options: TestOptions,
): Promise<TestedArticle[]> {
  const crawl = await checkCrawl(source, {
    limit: options.limit,
    userAgent: options.userAgent,
    fixturesOrigin: options.server?.origin,
  });
  const failed = new Map(crawl.stats.errors.map((error) => [crawl.liveUrlOf(error.url), error]));
  for (const url of source.discovery.urls) {
    const failure = failed.get(url);
    if (failure) throw new Error(`discovery page ${url}: ${failure.message}`);
    const found = crawl.discovered.get(url)?.length ?? 0;
    ctx.out(`  discovery  ${source.discovery.strategy} ${url} → ${found} article URL(s)`);
  }
  // In the order discovery found them: extraction finishes in whatever order it likes.
  const order = [...crawl.discovered.values()].flat();
  const rank = (url: string) => (order.includes(url) ? order.indexOf(url) : order.length);
  const tested: TestedArticle[] = crawl.candidates
    .map((candidate) => ({ url: crawl.liveUrlOf(candidate.url), parsed: readCandidate(source, candidate) }))
    .sort((a, b) => rank(a.url) - rank(b.url));
  for (const [url, error] of failed) {
    if (!source.discovery.urls.includes(url))
      tested.push({ url, problem: `${error.kind}: ${error.message}` });
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
