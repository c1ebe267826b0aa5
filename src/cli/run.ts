import type { App } from '../app.js';
import type { SourceConfig } from '../config/source-schema.js';
import { loadSourcesFile } from '../config/sources.js';
import { formatSummary, summarizeRuns } from '../workers/batch-summary.js';
import { openQueues } from '../workers/bullmq-transport.js';
import { type BatchOptions, enqueueHarvest, harvestEmbedded, waitForBatch } from '../workers/harvest-run.js';
import { type CliContext, parseVerbArgs, sourceFileVariables, UsageError, withApp } from './cli-support.js';

export function selectSources(all: readonly SourceConfig[], ids: readonly string[]): SourceConfig[] {
  if (ids.length === 0) return all.filter((source) => source.enabled);
  const unknown = ids.filter((id) => !all.some((source) => source.id === id));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown source id(s): ${unknown.join(', ')} (known: ${all.map((s) => s.id).join(', ')})`,
    );
  }
  // Naming a source explicitly runs it even when it is disabled: that is how an operator tests a fix.
  return all.filter((source) => ids.includes(source.id));
}

/** Runs the sources in the current mode and prints the summary; returns the exit code. */
export async function harvestAndReport(
  app: App,
  ctx: CliContext,
  sources: readonly SourceConfig[],
  options: BatchOptions & { wait: boolean; timeoutSecs: number },
): Promise<number> {
  const deps = {
    db: app.db,
    log: ctx.log,
    userAgent: ctx.config.userAgent,
    keywordsPath: ctx.config.keywordsPath,
    progress: ctx.err,
  };
  if (!ctx.config.redisUrl) {
    const batch = await harvestEmbedded(sources, deps, options);
    ctx.out(formatSummary(await summarizeRuns(app.db, batch.runs)));
    return reportOutcome(ctx, batch.runs);
  }
  const queues = openQueues({ redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix });
  try {
    const batch = await enqueueHarvest(sources, deps, queues, options);
    ctx.err(`queued ${batch.runs.length} crawl job(s), batch ${batch.batchId}`);
    if (!options.wait) return 0;
    const runs = await waitForBatch(batch.batchId, deps, queues, {
      recoveryAfterSecs: ctx.config.recoveryAfterSecs,
      timeoutSecs: options.timeoutSecs,
    });
    ctx.out(formatSummary(await summarizeRuns(app.db, runs)));
    return reportOutcome(ctx, runs);
  } finally {
    await queues.close();
  }
}

/**
 * The cycle itself succeeded even when sources failed: each failure is recorded on its run and shown above.
 * A non-zero exit is kept for commands that could not do their job (bad configuration, no database).
 */
function reportOutcome(ctx: CliContext, runs: ReadonlyArray<{ status: string }>): number {
  const failed = runs.filter((run) => run.status === 'failed').length;
  if (failed === runs.length && runs.length > 0) {
    ctx.err('\nNo source could be crawled. Without network access, try the offline demo: npm run demo');
  } else {
    ctx.err('\nReview the new drafts with: harvest drafts list --status new');
  }
  return 0;
}

export async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
  });
  const file = loadSourcesFile(values.sources ?? ctx.config.sourcesPath, {
    variables: sourceFileVariables(),
  });
  const sources = selectSources(file.sources, values.source ?? []);
  if (sources.length === 0) throw new UsageError('no enabled source to run');
  return withApp(ctx, (app) =>
    harvestAndReport(app, ctx, sources, {
      wait: values.wait ?? false,
      timeoutSecs: Number(values.timeout ?? 0),
      trigger: 'manual',
    }),
  );
}
