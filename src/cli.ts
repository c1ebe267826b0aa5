import { ZodError } from 'zod';
import {
  type CliContext,
  createCliContext,
  extractGlobalOptions,
  UsageError,
  UserFacingError,
} from './cli/cli-support.js';
import { EnvError } from './config/env.js';
import { formatConfigIssues, SourcesConfigError } from './config/sources.js';
import { NotInThisModeError } from './transport/transport.js';

type VerbRunner = (args: string[], ctx: CliContext) => Promise<number>;
// Verbs are imported when called: `harvest analyze` should not pay for loading Crawlee and a browser driver.
type Verb = { usage: string; load: () => Promise<VerbRunner> };

const verbs: Record<string, Verb> = {
  run: {
    usage: 'harvest run [--sources FILE] [--source ID ...] [--due] [--wait] [--timeout SECS]',
    load: async () => (await import('./cli/run.js')).runCommand,
  },
  worker: {
    usage:
      'harvest worker [--concurrency N] [--batch N] [--crawls N] [--lock-secs N] [--metrics-port N] [--metrics-host H]   (needs REDIS_URL)',
    load: async () => (await import('./cli/worker.js')).workerCommand,
  },
  demo: {
    usage: 'harvest demo [--port N] [--timeout SECS]   offline harvest of recorded pages',
    load: async () => (await import('./cli/demo.js')).demoCommand,
  },
  fixtures: {
    usage: 'harvest fixtures serve [--port N] [--host H]   serve the recorded pages',
    load: async () => (await import('./cli/demo.js')).fixturesCommand,
  },
  migrate: {
    usage: 'harvest migrate   apply pending SQL migrations',
    load: async () => (await import('./cli/migrate.js')).migrateCommand,
  },
  sources: {
    usage:
      'harvest sources check [FILE] | health [--source ID ...] [--json] | test ID... [--live] [--html-file F]   validate a sources file; source health; test a source',
    load: async () => {
      const { sourcesCheckCommand } = await import('./cli/sources-check.js');
      const { sourcesHealthCommand } = await import('./cli/health.js');
      return (args, ctx) => {
        if (args[0] === 'health') return sourcesHealthCommand(args.slice(1), ctx);
        if (args[0] === 'test') {
          return import('./cli/sources-test.js').then((verb) => verb.sourcesTestCommand(args.slice(1), ctx));
        }
        if (args[0] !== 'check') throw new UsageError(`unknown sources action: ${args[0] ?? '(none)'}`);
        return sourcesCheckCommand(args.slice(1), ctx);
      };
    },
  },
  schedule: {
    usage:
      'harvest schedule [--sources FILE]   one BullMQ job scheduler per enabled source (needs REDIS_URL)',
    load: async () => (await import('./cli/schedule.js')).scheduleCommand,
  },
  recover: {
    usage:
      'harvest recover [--older-than SECS]   finish work left by killed processes (distributed: put it back on the queues)',
    load: async () => (await import('./cli/recover.js')).recoverCommand,
  },
  analyze: {
    usage:
      'harvest analyze [FILE|-]   JSONL {id, title?, text} in, {id, lang, relevant, score, matched, country} out',
    load: async () => (await import('./cli/analyze.js')).analyzeCommand,
  },
  extract: {
    usage:
      'harvest extract --jsonl FILE | --url URL --html-file FILE [--timezone TZ]   pages in, {id, title, published_at, body} out',
    load: async () => (await import('./cli/extract.js')).extractCommand,
  },
  ingest: {
    usage:
      'harvest ingest [FILE|-] [--sources FILE] [--wait]   JSONL {url, title, text, published_at?, source?, lang?}',
    load: async () => (await import('./cli/ingest.js')).ingestCommand,
  },
  drafts: {
    usage:
      'harvest drafts list [--status S] [--country CC] [--text WORDS] [--limit N] [--json]   statuses: new approved rejected filtered published pending',
    load: async () => (await import('./cli/drafts.js')).draftsCommand,
  },
  'import-bulletin': {
    usage:
      'harvest import-bulletin FILE [--number N] [--json] [--dry-run]   store a past release as published items',
    load: async () => (await import('./cli/import-bulletin.js')).importBulletinCommand,
  },
  bulletin: {
    usage:
      'harvest bulletin --number N | --period YYYY-MM [--format md|html|docx|pdf] [--lang en|ru] --out FILE',
    load: async () => (await import('./cli/bulletin.js')).bulletinCommand,
  },
  serve: {
    usage:
      'harvest serve [--port N] [--host H] [--secure-cookies] [--trust-proxy HOPS|ADDR,CIDR...] [--allow-fetch-host H ...]',
    load: async () => (await import('./cli/serve.js')).serveCommand,
  },
  up: {
    usage:
      "harvest up [--port N] [--host H] [...serve options]   review workspace + crawls on each source's schedule (embedded)",
    load: async () => (await import('./cli/serve.js')).upCommand,
  },
  users: {
    usage:
      'harvest users add --name N --role analyst|operator|admin --password-stdin | list | reset-password --name N --password-stdin | disable --name N | enable --name N | role --name N --role R',
    load: async () => (await import('./cli/users.js')).usersCommand,
  },
};

function help(): string {
  return [
    'Bulletin Harvester — collects anti-drug news of the region into draft items for the CARICC bulletin.',
    '',
    'Usage:',
    ...Object.values(verbs).map((verb) => `  ${verb.usage}`),
    '',
    'Embedded mode by default (PGlite in ./data; --data-dir DIR or HARVEST_DATA_DIR for another folder).',
    'Set DATABASE_URL for Postgres and REDIS_URL for BullMQ workers.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let globals: ReturnType<typeof extractGlobalOptions>;
  try {
    globals = extractGlobalOptions(argv);
  } catch (error) {
    process.stderr.write(`harvest: ${(error as Error).message}\n`);
    return 2;
  }
  const [name, ...args] = globals.rest;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    process.stdout.write(`${help()}\n`);
    return name ? 0 : 2;
  }
  const verb = verbs[name];
  if (!verb) {
    process.stderr.write(`harvest: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  try {
    const run = await verb.load();
    return await run(args, createCliContext(globals.options));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`harvest ${name}: ${error.message}\nusage: ${verb.usage}\n`);
      return 2;
    }
    if (error instanceof SourcesConfigError) {
      process.stderr.write(`${formatConfigIssues(error.issues)}\n`);
      return 1;
    }
    if (
      error instanceof UserFacingError ||
      error instanceof NotInThisModeError ||
      error instanceof EnvError ||
      error instanceof ZodError
    ) {
      process.stderr.write(`harvest ${name}: ${error.message}\n`);
      return 1;
    }
    // Anything else is a fault of ours, not of the input: one line; the stack trace when asked for.
    const detail = /^(debug|trace)$/.test(process.env['LOG_LEVEL'] ?? '')
      ? (error as Error).stack
      : '(LOG_LEVEL=debug shows where)';
    process.stderr.write(
      `harvest ${name}: unexpected error: ${(error as Error).message ?? error} ${detail}\n`,
    );
    return 1;
  }
}
