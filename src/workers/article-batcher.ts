import type { ProcessOutcome } from './process-article.js';

/** Per article: its outcome, or the error that kept it pending. */
export type BatchResults = ReadonlyMap<number, ProcessOutcome | Error>;

export interface ArticleBatcherOptions {
  /** A batch is processed as soon as it holds this many articles. */
  maxBatch: number;
  /** …or this long after its first job arrived, whichever comes first. */
  maxWaitMs: number;
}

export interface ArticleBatcher {
  /**
   * Resolves with the outcome of each of the job's articles once the batch they joined is processed; rejects with
   * an ArticlesNotProcessedError naming those of its articles that failed (they stay pending; the others are done).
   */
  process(articleIds: readonly number[]): Promise<Map<number, ProcessOutcome>>;
}

/** Some articles of a job could not be processed: they stay pending, and the job is retried for them. */
export class ArticlesNotProcessedError extends Error {
  override readonly name = 'ArticlesNotProcessedError';
  constructor(readonly failures: ReadonlyArray<{ articleId: number; error: Error }>) {
    const [first] = failures;
    super(
      `${failures.length} article(s) not processed, kept pending` +
        (first ? ` — article ${first.articleId}: ${first.error.message}` : ''),
    );
  }
}

interface Waiting {
  articleIds: readonly number[];
  resolve(outcomes: Map<number, ProcessOutcome>): void;
  reject(error: Error): void;
}

class MissingResult extends Error {
  constructor(articleId: number) {
    super(`the batch returned no result for article ${articleId}`);
  }
}

/** Each job's share of a batch's results; an article a job before it in the batch already had is done. */
function settle(batch: readonly Waiting[], results: BatchResults | Error): void {
  const answered = new Set<number>();
  for (const waiting of batch) {
    const outcomes = new Map<number, ProcessOutcome>();
    const failures: Array<{ articleId: number; error: Error }> = [];
    for (const articleId of waiting.articleIds) {
      const result =
        results instanceof Error ? results : (results.get(articleId) ?? new MissingResult(articleId));
      if (result instanceof Error) failures.push({ articleId, error: result });
      else outcomes.set(articleId, answered.has(articleId) ? 'already_processed' : result);
      answered.add(articleId);
    }
    if (failures.length > 0) waiting.reject(new ArticlesNotProcessedError(failures));
    else waiting.resolve(outcomes);
  }
}

/**
 * Gathers the articles of concurrently running jobs into batches (a job carries up to ARTICLES_PER_JOB ids; a
 * crawl's jobs are often smaller), so that a worker pays one transaction and a few multi-row statements per batch,
 * while every job keeps its own outcome and its own failure (a job fails only for its own articles).
 */
export function createArticleBatcher(
  processBatch: (articleIds: readonly number[]) => Promise<BatchResults>,
  options: ArticleBatcherOptions,
): ArticleBatcher {
  let gathering: Waiting[] = [];
  let gathered = 0;
  let timer: NodeJS.Timeout | undefined;

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const batch = gathering;
    gathering = [];
    gathered = 0;
    const ids = [...new Set(batch.flatMap((waiting) => waiting.articleIds))];
    processBatch(ids).then(
      (results) => settle(batch, results),
      (error: unknown) => settle(batch, error instanceof Error ? error : new Error(String(error))),
    );
  };

  return {
    process(articleIds) {
      return new Promise<Map<number, ProcessOutcome>>((resolve, reject) => {
        gathering.push({ articleIds, resolve, reject });
        gathered += articleIds.length;
        if (gathered >= options.maxBatch) flush();
        else timer ??= setTimeout(flush, options.maxWaitMs);
      });
    },
  };
}
