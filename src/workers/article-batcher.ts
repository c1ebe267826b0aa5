import type { ProcessOutcome } from './process-article.js';

/** Per article: its outcome, or the error that kept it pending. */
export type BatchResults = ReadonlyMap<number, ProcessOutcome | Error>;

export interface ArticleBatcherOptions {
  /** A batch is processed as soon as it holds this many articles. */
  maxBatch: number;
  /** …or this long after its first article arrived, whichever comes first. */
  maxWaitMs: number;
}

export interface ArticleBatcher {
  /** Resolves with the article's outcome once the batch it joined is processed; rejects with its own error. */
  process(articleId: number): Promise<ProcessOutcome>;
}

interface Waiting {
  articleId: number;
  resolve(outcome: ProcessOutcome): void;
  reject(error: Error): void;
}

/**
 * Gathers the articles of concurrently running jobs into batches, so that a worker pays one transaction and a
 * few multi-row statements per batch instead of several round trips per article, while every job still gets
 * its own outcome and its own failure (one bad article fails its job only).
 * A second job for an article already in the batch is answered `already_processed`: the batch does its work.
 */
export function createArticleBatcher(
  processBatch: (articleIds: readonly number[]) => Promise<BatchResults>,
  options: ArticleBatcherOptions,
): ArticleBatcher {
  let gathering: Waiting[] = [];
  let timer: NodeJS.Timeout | undefined;

  const settle = (batch: readonly Waiting[], results: BatchResults | Error): void => {
    const answered = new Set<number>();
    for (const waiting of batch) {
      const result =
        results instanceof Error ? results : (results.get(waiting.articleId) ?? new MissingResult(waiting));
      if (result instanceof Error) waiting.reject(result);
      else waiting.resolve(answered.has(waiting.articleId) ? 'already_processed' : result);
      answered.add(waiting.articleId);
    }
  };

  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    const batch = gathering;
    gathering = [];
    const ids = [...new Set(batch.map((waiting) => waiting.articleId))];
    processBatch(ids).then(
      (results) => settle(batch, results),
      (error: unknown) => settle(batch, error instanceof Error ? error : new Error(String(error))),
    );
  };

  return {
    process(articleId) {
      return new Promise<ProcessOutcome>((resolve, reject) => {
        gathering.push({ articleId, resolve, reject });
        if (gathering.length >= options.maxBatch) flush();
        else timer ??= setTimeout(flush, options.maxWaitMs);
      });
    },
  };
}

class MissingResult extends Error {
  constructor(waiting: Waiting) {
    super(`the batch returned no result for article ${waiting.articleId}`);
  }
}
