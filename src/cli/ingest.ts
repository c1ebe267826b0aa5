import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { z } from 'zod';
import { loadSourcesFile } from '../config/sources.js';
import { insertCandidate } from '../db/articles-repo.js';
import type { Database } from '../db/database.js';
import { type CrawlRun, createRuns, emptyCrawlStats, finishRun, listBatchRuns } from '../db/runs-repo.js';
import { articleUrl, storableText } from '../domain/article-input.js';
import { ISO_DATE_EXPECTED, parseIsoDate } from '../domain/iso-date.js';
import { languageSchema } from '../domain/types.js';
import type { SourceConfig } from '../sources/source-schema.js';
import { formatSummary, summarizeRuns } from '../workers/batch-summary.js';
import {
  type CliContext,
  parseVerbArgs,
  readJsonLines,
  sourceFileVariables,
  withApp,
} from './cli-support.js';

const ingestLineSchema = z.object({
  url: articleUrl,
  title: storableText,
  text: storableText,
  // Read in the source's time zone when it has no offset; checked here, converted once the source is known.
  published_at: z
    .string()
    .refine((text) => parseIsoDate(text, 'UTC') !== undefined, ISO_DATE_EXPECTED)
    .optional(),
  source: z.string().min(1).max(200).optional(),
  lang: languageSchema.optional(),
});

/** `line 3: url: scheme javascript: is not http(s): …` */
function describeRefusal(lineNumber: number, error: z.ZodError): string {
  const issue = error.issues[0];
  return `line ${lineNumber}: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`;
}

const IMPORT_SOURCE = 'ingest';

/** One run per source named in the input, carrying that source's configuration when it is known. */
class IngestRuns {
  private readonly runs = new Map<string, CrawlRun>();
  constructor(
    private readonly db: Database,
    private readonly batchId: string,
    private readonly known: ReadonlyMap<string, SourceConfig>,
  ) {}
  async runFor(sourceId: string): Promise<CrawlRun> {
    let run = this.runs.get(sourceId);
    if (!run) {
      [run] = await createRuns(
        this.db,
        [{ id: sourceId, config: this.known.get(sourceId) ?? null }],
        this.batchId,
        'ingest',
      );
      this.runs.set(sourceId, run!);
    }
    return run!;
  }
  ids(): number[] {
    return [...this.runs.values()].map((run) => run.id);
  }
}

/** Ready-made articles (imports, manual batches, benchmarks) through the same stages as crawled ones. */
export async function ingestCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = parseVerbArgs(args, {
    sources: { type: 'string' },
    wait: { type: 'boolean' },
  });
  const sourcesPath = values.sources ?? ctx.config.sourcesPath;
  const known = new Map(
    (existsSync(sourcesPath)
      ? loadSourcesFile(sourcesPath, { variables: sourceFileVariables() }).sources
      : []
    ).map((source) => [source.id, source]),
  );
  return withApp(ctx, async (app) => {
    const batchId = randomUUID();
    const runs = new IngestRuns(app.db, batchId, known);
    const stored: number[] = [];
    const storedByRun = new Map<number, number>();
    let rejected = 0;
    for await (const line of readJsonLines(positionals[0] ?? '-')) {
      const parsed = line.error ? undefined : ingestLineSchema.safeParse(line.value);
      if (!parsed?.success) {
        rejected += 1;
        ctx.err(line.error ?? describeRefusal(line.lineNumber, parsed!.error));
        continue;
      }
      const item = parsed.data;
      const sourceId = item.source ?? IMPORT_SOURCE;
      const run = await runs.runFor(sourceId);
      const timezone = known.get(sourceId)?.timezone ?? 'UTC';
      const { id, inserted } = await insertCandidate(app.db, {
        sourceId: run.source_id,
        runId: run.id,
        url: item.url.url,
        canonicalUrl: item.url.canonical,
        title: item.title,
        body: item.text,
        publishedAt: item.published_at ? parseIsoDate(item.published_at, timezone)!.toISOString() : null,
        extraction: { ingested: true, ...(item.lang ? { declaredLanguage: item.lang } : {}) },
      });
      if (inserted) {
        stored.push(id);
        storedByRun.set(run.id, (storedByRun.get(run.id) ?? 0) + 1);
      }
    }
    for (const runId of runs.ids()) {
      const candidatesStored = storedByRun.get(runId) ?? 0;
      await finishRun(app.db, runId, {
        status: 'succeeded',
        stats: { ...emptyCrawlStats(), candidatesStored },
      });
    }
    ctx.err(`${stored.length} new article(s) stored, ${rejected} line(s) rejected`);
    const processed = await app.transport.processStored(
      { batchId, runIds: runs.ids(), articleIds: stored },
      { wait: values.wait ?? false, progress: ctx.err },
    );
    if (processed) {
      ctx.out(formatSummary(await summarizeRuns(app.db, await listBatchRuns(app.db, batchId))));
    }
    return rejected > 0 ? 1 : 0;
  });
}
