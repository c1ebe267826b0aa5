import { join, relative, resolve } from 'node:path';
import { loadSourcesFile } from '../config/sources.js';
import { DEFAULT_FIXTURES_PORT, fixturesAsOf, startFixtureServer } from '../crawlers/fixture-server.js';
import { type CliContext, listenOn, parseVerbArgs, UsageError, withApp } from './cli-support.js';
import { harvestAndReport } from './run.js';

export const DEMO_SOURCES = resolve(import.meta.dirname, '..', '..', 'config', 'sources.demo.yaml');

function portOf(value: string | undefined): number {
  const port = Number(value ?? DEFAULT_FIXTURES_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0..65535');
  return port;
}

/**
 * The demo's own database, unless one was named (`--data-dir`, HARVEST_DATA_DIR or DATABASE_URL): replayed pages
 * must not end up among real drafts, nor flip the health of real sources.
 */
export function demoContext(ctx: CliContext): { ctx: CliContext; dataDirArg?: string } {
  if (ctx.config.databaseNamed) return { ctx };
  const dataDir = join(ctx.config.dataDir, 'demo');
  const shown = relative(process.cwd(), dataDir);
  const dataDirArg = `--data-dir ${shown && !shown.startsWith('..') ? shown : dataDir}`;
  return { ctx: { ...ctx, config: { ...ctx.config, dataDir } }, dataDirArg };
}

/**
 * Serves the recorded pages, harvests them in the current mode and prints the summary. The fixed
 * port keeps canonical URLs stable, so a second demo finds everything already known.
 */
export async function demoCommand(args: string[], outerCtx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, { port: { type: 'string' }, timeout: { type: 'string' } });
  const { ctx, dataDirArg } = demoContext(outerCtx);
  const port = portOf(values.port);
  const server = await listenOn(port, '--port', () => startFixtureServer({ port }));
  try {
    const { sources } = loadSourcesFile(DEMO_SOURCES, { variables: { FIXTURES_ORIGIN: server.origin } });
    const referenceTime = fixturesAsOf();
    ctx.err(
      `serving recorded pages at ${server.origin}; harvesting ${sources.length} demo source(s) ` +
        `as of ${referenceTime.toISOString()}, when the pages were recorded`,
    );
    if (dataDirArg) ctx.err(`demo database: ${ctx.config.dataDir} (your own data is not touched)`);
    return await withApp(ctx, (app) =>
      harvestAndReport(app, ctx, sources, {
        wait: true,
        timeoutSecs: Number(values.timeout ?? 0),
        trigger: 'demo',
        referenceTime,
        dataDirArg,
        summaryNote: dataDirArg
          ? `demo database: ${ctx.config.dataDir} — review it with: harvest serve ${dataDirArg}`
          : undefined,
      }),
    );
  } finally {
    await server.close();
  }
}

export async function fixturesCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, { port: { type: 'string' }, host: { type: 'string' } });
  if (positionals[0] !== 'serve')
    throw new UsageError(`unknown fixtures action: ${positionals[0] ?? '(none)'}`);
  const port = portOf(values.port);
  const server = await listenOn(port, '--port', () =>
    startFixtureServer({ port, host: values.host ?? '127.0.0.1' }),
  );
  ctx.out(`serving recorded pages at ${server.origin} (Ctrl-C to stop)`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  await server.close();
  return 0;
}
