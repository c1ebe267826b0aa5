import { existsSync } from 'node:fs';
import { loadLexicon } from '../config/keywords.js';
import { loadSourcesFile } from '../config/sources.js';
import { inProcessRunner, queuedRunner } from '../review/run-source.js';
import { buildReviewServer } from '../review/server.js';
import { parseTrustProxy, type TrustedProxies, TrustProxyError } from '../review/trust-proxy.js';
import { openQueues } from '../workers/bullmq-transport.js';
import { type CliContext, parseVerbArgs, sourceFileVariables, UsageError, withApp } from './cli-support.js';

export const DEFAULT_REVIEW_PORT = 4880;

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
export async function serveCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    'secure-cookies': { type: 'boolean' },
    'trust-proxy': { type: 'string' },
    'allow-fetch-host': { type: 'string', multiple: true },
  });
  const port = values.port === undefined ? DEFAULT_REVIEW_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0…65535');
  const trustProxy = trustedProxies(values['trust-proxy']);
  const lexicon = loadLexicon(ctx.config.keywordsPath);
  return withApp(ctx, async (app) => {
    const queues = ctx.config.redisUrl
      ? openQueues({ redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix })
      : undefined;
    const embedded = queues
      ? undefined
      : inProcessRunner({
          db: app.db,
          log: ctx.log,
          userAgent: ctx.config.userAgent,
          keywordsPath: ctx.config.keywordsPath,
        });
    const operatorPlugins = queues ? [(await import('../review/bull-board.js')).bullBoardPlugin(queues)] : [];
    const server = await buildReviewServer({
      db: app.db,
      lexicon,
      log: ctx.log,
      userAgent: ctx.config.userAgent,
      secureCookies: values['secure-cookies'] ? true : 'auto',
      trustProxy,
      fetchPolicy: { allowHosts: values['allow-fetch-host'] ?? [] },
      loadSources: () =>
        existsSync(ctx.config.sourcesPath)
          ? loadSourcesFile(ctx.config.sourcesPath, { variables: sourceFileVariables() }).sources
          : [],
      operatorPlugins,
      runSource: queues ? queuedRunner(app.db, queues) : embedded!.run,
    });
    const address = await server.listen({ port, host: values.host ?? '127.0.0.1' });
    ctx.err(`review workspace on ${address} (${app.db.kind}${ctx.config.redisUrl ? ', distributed' : ''})`);
    await new Promise<void>((resolve) => {
      const stop = () => resolve();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await server.close();
    await embedded?.settle();
    await queues?.close();
    return 0;
  });
}
