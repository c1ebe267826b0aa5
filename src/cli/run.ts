import type { App } from '../app.js';
import { loadSourcesFile } from '../config/sources.js';
import { findDueSources } from '../ops/due-sources.js';
import { checkSourcesHealth } from '../ops/health-check.js';
import { enqueueScheduleJobs, openScheduleQueue } from '../ops/scheduled-crawls.js';
import { withSourceLeases } from '../ops/source-lease.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { formatSummary, summarizeRuns } from '../workers/batch-summary.js';
import { openQueues } from '../workers/bullmq-transport.js';
import { type BatchOptions, enqueueHarvest, harvestEmbedded, waitForBatch } from '../workers/harvest-run.js';
import { type CliContext, parseVerbArgs, sourceFileVariables, UsageError, withApp } from './cli-support.js';
import { webhookNotifier } from './health.js';

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

const withNote = (summary: string, note: string | undefined) => (note ? `${summary}\n\n${note}` : summary);

/** Runs the sources in the current mode and prints the summary; returns the exit code. */
export async function harvestAndReport(
  app: App,
  ctx: CliContext,
  sources: readonly SourceConfig[],
  options: BatchOptions & {
    wait: boolean;
    timeoutSecs: number;
    /** `--data-dir data/demo`: how the commands of the closing hint name the database, if not the default. */
    dataDirArg?: string | undefined;
    /** A line printed under the summary (the demo names its database there). */
    summaryNote?: string | undefined;
  },
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
    ctx.out(withNote(formatSummary(await summarizeRuns(app.db, batch.runs)), options.summaryNote));
    await checkHealthAfterRuns(app, ctx, sources);
    return reportOutcome(ctx, batch.runs, options.dataDirArg);
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
    ctx.out(withNote(formatSummary(await summarizeRuns(app.db, runs)), options.summaryNote));
    await checkHealthAfterRuns(app, ctx, sources);
    return reportOutcome(ctx, runs, options.dataDirArg);
  } finally {
    await queues.close();
  }
}

/** Announces sources that broke (or recovered) with this run on the webhook, if one is configured. */
async function checkHealthAfterRuns(app: App, ctx: CliContext, sources: readonly SourceConfig[]) {
  try {
    await checkSourcesHealth(
      app.db,
      sources.map((source) => source.id),
      { notify: webhookNotifier(ctx.config.webhookUrl, ctx.log) },
    );
  } catch (error) {
    ctx.log.error({ err: error }, 'source health check failed');
  }
}

/**
 * `--due`: only the sources whose schedule fired since their last run. Embedded, each is crawled under its
 * lease (a crawl of it still running elsewhere is skipped); distributed, a schedule job per due source lets
 * the workers do the same.
 */
export async function harvestDue(
  app: App,
  ctx: CliContext,
  candidates: readonly SourceConfig[],
  options: { wait: boolean; timeoutSecs: number },
): Promise<number> {
  const due = await findDueSources(app.db, candidates);
  ctx.err(
    `${due.length} of ${candidates.length} source(s) due: ${due.map((s) => s.id).join(', ') || 'none'}`,
  );
  if (due.length === 0) return 0;
  if (ctx.config.redisUrl) {
    const queue = openScheduleQueue({ redisUrl: ctx.config.redisUrl, prefix: ctx.config.queuePrefix });
    try {
      await enqueueScheduleJobs(app.db, queue, due);
    } finally {
      await queue.close();
    }
    ctx.err('queued one schedule job per due source for the workers');
    return 0;
  }
  const { busy, result } = await withSourceLeases(
    app.db,
    due.map((source) => source.id),
    { ttlSecs: ctx.config.leaseSecs },
    async (leased) =>
      leased.length === 0
        ? 0
        : harvestAndReport(
            app,
            ctx,
            due.filter((source) => leased.includes(source.id)),
            { ...options, trigger: 'due' },
          ),
  );
  if (busy.length > 0) ctx.err(`skipped (a crawl of them is still running): ${busy.join(', ')}`);
  return result;
}

/**
 * Exit code for cron: 0 when every source was crawled, 1 when any failed (the summary above names them and why).
 * The last line points to what to do next.
 */
export function reportOutcome(
  ctx: CliContext,
  runs: ReadonlyArray<{ status: string }>,
  dataDirArg?: string,
): number {
  const failed = runs.filter((run) => run.status === 'failed').length;
  const where = dataDirArg ? ` ${dataDirArg}` : '';
  if (failed === runs.length && runs.length > 0) {
    ctx.err('\nNo source could be crawled. Without network access, try the offline demo: npm run demo');
  } else {
    ctx.err(
      `\nReview the new drafts with: harvest drafts list${where} --status new` +
        `\n  or in the browser: harvest serve${where}`,
    );
  }
  return failed > 0 ? 1 : 0;
}

export async function runCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    wait: { type: 'boolean' },
    timeout: { type: 'string' },
    due: { type: 'boolean' },
  });
  const file = loadSourcesFile(values.sources ?? ctx.config.sourcesPath, {
    variables: sourceFileVariables(),
  });
  const sources = selectSources(file.sources, values.source ?? []);
  if (sources.length === 0) throw new UsageError('no enabled source to run');
  const options = { wait: values.wait ?? false, timeoutSecs: Number(values.timeout ?? 0) };
  if (values.due) {
    if (ctx.config.redisUrl && options.wait) throw new UsageError('--due cannot --wait in distributed mode');
    return withApp(ctx, (app) => harvestDue(app, ctx, sources, options));
  }
  return withApp(ctx, (app) => harvestAndReport(app, ctx, sources, { ...options, trigger: 'manual' }));
}
