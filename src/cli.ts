import { ZodError } from 'zod';
import { analyzeCommand, analyzeUsage } from './cli/analyze.js';
import { type CliContext, createCliContext, UsageError, UserFacingError } from './cli/cli-support.js';
import { demoCommand, demoUsage, fixturesCommand, fixturesUsage } from './cli/demo.js';
import { draftsCommand, draftsUsage } from './cli/drafts.js';
import { extractCommand, extractUsage } from './cli/extract.js';
import { ingestCommand, ingestUsage } from './cli/ingest.js';
import { migrateCommand, migrateUsage } from './cli/migrate.js';
import { runCommand, runUsage } from './cli/run.js';
import { sourcesCheckCommand, sourcesCheckUsage } from './cli/sources-check.js';
import { workerCommand, workerUsage } from './cli/worker.js';
import { EnvError } from './config/env.js';
import { formatConfigIssues, SourcesConfigError } from './config/sources.js';

type Verb = { usage: string; run: (args: string[], ctx: CliContext) => Promise<number> };

const verbs: Record<string, Verb> = {
  run: { usage: runUsage, run: runCommand },
  worker: { usage: workerUsage, run: workerCommand },
  demo: { usage: demoUsage, run: demoCommand },
  fixtures: { usage: fixturesUsage, run: fixturesCommand },
  migrate: { usage: migrateUsage, run: migrateCommand },
  sources: {
    usage: sourcesCheckUsage,
    run: (args, ctx) => {
      if (args[0] !== 'check') throw new UsageError(`unknown sources action: ${args[0] ?? '(none)'}`);
      return sourcesCheckCommand(args.slice(1), ctx);
    },
  },
  analyze: { usage: analyzeUsage, run: analyzeCommand },
  extract: { usage: extractUsage, run: extractCommand },
  ingest: { usage: ingestUsage, run: ingestCommand },
  drafts: { usage: draftsUsage, run: draftsCommand },
};

function help(): string {
  return [
    'Bulletin Harvester — collects anti-drug news of the region into draft items for the CARICC bulletin.',
    '',
    'Usage:',
    ...Object.values(verbs).map((verb) => `  ${verb.usage}`),
    '',
    'Embedded mode by default (PGlite in ./data). Set DATABASE_URL for Postgres and REDIS_URL for BullMQ workers.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
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
    return await verb.run(args, createCliContext());
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`harvest ${name}: ${error.message}\nusage: ${verb.usage}\n`);
      return 2;
    }
    if (error instanceof SourcesConfigError) {
      process.stderr.write(`${formatConfigIssues(error.issues)}\n`);
      return 1;
    }
    if (error instanceof UserFacingError || error instanceof EnvError || error instanceof ZodError) {
      process.stderr.write(`harvest ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
