import type { App } from '../app.js';
import { loadSourcesFile } from '../config/sources.js';
import { findDueSources } from '../ops/due-sources.js';
import { checkSourcesHealth } from '../ops/health-check.js';
import type { SourceConfig } from '../sources/source-schema.js';
import type { Dispatched, HarvestRequest } from '../transport/transport.js';
import { formatSummary, summarizeRuns } from '../workers/batch-summary.js';
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

export interface HarvestOptions extends Pick<HarvestRequest, 'trigger' | 'referenceTime'> {
  wait: boolean;
  timeoutSecs: number;
  /** `--data-dir data/demo`: how the commands of the closing hint name the database, if not the default. */
  dataDirArg?: string | undefined;
  /** A line printed under the summary (the demo names its database there). */
  summaryNote?: string | undefined;
}

/** Runs the sources through the app's transport and prints the summary; returns the exit code. */
export async function harvestAndReport(
  app: App,
  ctx: CliContext,
  sources: readonly SourceConfig[],
  options: HarvestOptions,
): Promise<number> {
  const dispatched = await app.transport.harvest(sources, { ...options, progress: ctx.err });
  return reportDispatched(app, ctx, sources, dispatched, options);
}

/** The summary, the health check and the exit code of a finished batch; 0 for one handed to the workers. */
async function reportDispatched(
  app: App,
  ctx: CliContext,
  sources: readonly SourceConfig[],
  dispatched: Dispatched,
  options: Pick<HarvestOptions, 'dataDirArg' | 'summaryNote'>,
): Promise<number> {
  if (!dispatched.finished) return 0;
  ctx.out(withNote(formatSummary(await summarizeRuns(app.db, dispatched.runs)), options.summaryNote));
  await checkHealthAfterRuns(app, ctx, sources);
  return reportOutcome(ctx, dispatched.runs, options.dataDirArg);
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
 * `--due`: only the sources whose schedule fired since their last run, handed to the transport: in process each
 * is crawled under its lease (a crawl of it still running elsewhere is skipped); through the queues a schedule
 * job per due source lets the workers do the same.
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
  const outcome = await app.transport.harvestDue(due, { ...options, trigger: 'due', progress: ctx.err });
  if (outcome.handedOn) ctx.err(outcome.handedOn);
  if (outcome.busy.length > 0)
    ctx.err(`skipped (a crawl of them is still running): ${outcome.busy.join(', ')}`);
  if (!outcome.dispatched) return 0;
  const crawled = due.filter((source) => !outcome.busy.includes(source.id));
  return reportDispatched(app, ctx, crawled, outcome.dispatched, {});
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
    return withApp(ctx, (app) => harvestDue(app, ctx, sources, options));
  }
  return withApp(ctx, (app) => harvestAndReport(app, ctx, sources, { ...options, trigger: 'manual' }));
}
