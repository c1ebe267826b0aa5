import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import type { App } from '../app.js';
import { loadLexicon } from '../config/keywords.js';
import { loadSourcesFile } from '../config/sources.js';
import { thisProcess } from '../db/embedded/process-identity.js';
import { failRunsOf } from '../db/runs-repo.js';
import { startInProcessSchedules } from '../ops/in-process-schedules.js';
import { loadEnglishSupport } from '../review/english.js';
import { buildReviewServer } from '../review/server.js';
import { parseTrustProxy, type TrustedProxies, TrustProxyError } from '../review/trust-proxy.js';
import {
  type CliContext,
  listenOn,
  parseVerbArgs,
  sourceFileVariables,
  UsageError,
  untilStopped,
  withApp,
} from './cli-support.js';
import { harvestDue } from './run.js';

export const DEFAULT_REVIEW_PORT = 4880;
/** At shutdown, crawls in progress get this long to finish before they are stopped. */
const SETTLE_CRAWLS_MS = 15_000;
const INTERRUPTED = -1;

const serveOptions = {
  port: { type: 'string' },
  host: { type: 'string' },
  'secure-cookies': { type: 'boolean' },
  'trust-proxy': { type: 'string' },
  'allow-fetch-host': { type: 'string', multiple: true },
} as const;

function trustedProxies(value: string | undefined): TrustedProxies | undefined {
  if (value === undefined) return undefined;
  try {
    return parseTrustProxy(value);
  } catch (error) {
    if (error instanceof TrustProxyError) throw new UsageError(`--trust-proxy: ${error.message}`);
    throw error;
  }
}

/** `harvest serve`: the analysts' review workspace, until the process is stopped. */
export function serveCommand(args: string[], ctx: CliContext): Promise<number> {
  return serveWorkspace(args, ctx, { schedules: false });
}

/**
 * `harvest up`: the review workspace and the sources' schedules in one process — a single-machine deployment
 * without cron (embedded mode; with REDIS_URL the workers fire the schedules).
 */
export function upCommand(args: string[], ctx: CliContext): Promise<number> {
  return serveWorkspace(args, ctx, { schedules: true });
}

function loadDeclaredSources(ctx: CliContext) {
  return existsSync(ctx.config.sourcesPath)
    ? loadSourcesFile(ctx.config.sourcesPath, { variables: sourceFileVariables() }).sources
    : [];
}

/** A context whose lines go to the log: scheduled crawls report there, not on the terminal's stdout. */
function loggingContext(ctx: CliContext): CliContext {
  return { ...ctx, out: (line) => ctx.log.info(line), err: (line) => ctx.log.info(line) };
}

function startSchedules(app: App, ctx: CliContext) {
  const quiet = loggingContext(ctx);
  return startInProcessSchedules({
    log: ctx.log,
    tick: async () => {
      const sources = loadDeclaredSources(ctx);
      if (sources.length > 0) await harvestDue(app, quiet, sources, { wait: false, timeoutSecs: 0 });
    },
  });
}

async function serveWorkspace(
  args: string[],
  ctx: CliContext,
  options: { schedules: boolean },
): Promise<number> {
  const { values } = parseVerbArgs(args, serveOptions);
  const port = values.port === undefined ? DEFAULT_REVIEW_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0…65535');
  const trustProxy = trustedProxies(values['trust-proxy']);
  const lexicon = loadLexicon(ctx.config.keywordsPath);
  const code = await withApp(
    ctx,
    async (app) => {
      const { transport } = app;
      if (options.schedules) transport.assertSchedulesInProcess();
      const runner = transport.sourceRunner();
      const server = await buildReviewServer({
        db: app.db,
        lexicon,
        log: ctx.log,
        userAgent: ctx.config.userAgent,
        secureCookies: values['secure-cookies'] ? true : 'auto',
        trustProxy,
        fetchPolicy: { allowHosts: values['allow-fetch-host'] ?? [] },
        loadSources: () => loadDeclaredSources(ctx),
        operatorPlugins: await transport.operatorPlugins(),
        probeQueues: transport.readinessQueues(),
        runSource: runner.run,
        english: loadEnglishSupport(ctx.config),
      });
      const address = await listenOn(port, '--port', () =>
        server.listen({ port, host: values.host ?? '127.0.0.1' }),
      );
      // In process, work stranded by killed processes is looked for every HARVEST_RECOVERY_AFTER_SECS / 2.
      const stopSweeping = transport.sweepEvery((ctx.config.recoveryAfterSecs * 1000) / 2);
      const schedules = options.schedules ? startSchedules(app, ctx) : undefined;
      ctx.err(
        `review workspace on ${address} (${transport.label})` +
          (schedules ? '; sources are crawled on their schedules' : ''),
      );
      const signal = await untilStopped();
      ctx.err(`${signal}: stopping`);
      stopSweeping();
      await server.close();
      const crawls = Promise.all([schedules?.stop(), runner.settle()]);
      const settled = await Promise.race([crawls.then(() => true), sleep(SETTLE_CRAWLS_MS, false)]);
      if (!settled) {
        const ids = await failRunsOf(app.db, thisProcess(), `interrupted: ${signal} while it was crawling`);
        ctx.err(`crawls still running were stopped and marked failed (runs ${ids.join(', ')})`);
      }
      return settled ? 0 : INTERRUPTED;
    },
    { handlesSignals: true },
  );
  // Crawls cut short may still hold timers: the process ends here all the same.
  if (code === INTERRUPTED) process.exit(0);
  return code;
}
