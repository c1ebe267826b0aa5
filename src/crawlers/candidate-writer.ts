import { type CandidateArticle, insertCandidates } from '../db/articles-repo.js';
import type { Queryable } from '../db/database.js';

export interface CandidateWriterDeps {
  db: Queryable;
  /**
   * Called once per statement with the ids of the candidates it newly stored, in the order they were added
   * (never with an empty list): enqueueing them is then one call per batch too.
   */
  onStored(articleIds: number[]): Promise<void>;
  /** Called for a candidate that could not be stored even on its own. */
  onFailed(candidate: CandidateArticle, error: unknown): void;
}

export interface CandidateWriterLimits {
  maxRows: number;
  /** HTML and body characters buffered: pages of a few megabytes must not pile up in memory. */
  maxChars: number;
  /** How long a candidate may wait for others before it is stored anyway. */
  maxWaitMs: number;
}

const DEFAULT_LIMITS: CandidateWriterLimits = { maxRows: 100, maxChars: 4_000_000, maxWaitMs: 200 };

/**
 * Stores a crawl's candidates in multi-row statements: one INSERT and one commit per page cost more than
 * fetching the page. A candidate waits at most `maxWaitMs`; whoever adds to a full buffer waits for the flush,
 * so a crawl cannot run ahead of Postgres. The crawl must `flush()` before it returns, also when it fails.
 * A statement that fails is retried one candidate at a time, so one bad row costs only itself.
 */
export class CandidateWriter {
  private buffer: CandidateArticle[] = [];
  private bufferedChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private flushed: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;
  private readonly limits: CandidateWriterLimits;

  constructor(
    private readonly deps: CandidateWriterDeps,
    limits: Partial<CandidateWriterLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  async add(candidate: CandidateArticle): Promise<void> {
    this.buffer.push(candidate);
    this.bufferedChars += (candidate.page?.html.length ?? 0) + (candidate.body?.length ?? 0);
    if (this.buffer.length >= this.limits.maxRows || this.bufferedChars >= this.limits.maxChars) {
      await this.flush();
    } else {
      // Nobody awaits this flush: a failure is kept for the next one that is awaited.
      this.timer ??= setTimeout(() => this.flush().catch(() => {}), this.limits.maxWaitMs);
    }
  }

  /**
   * Resolves once every candidate added so far is stored or reported failed. Rejects only when a callback
   * threw (in this flush or an earlier one); later flushes store their candidates all the same.
   */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    this.bufferedChars = 0;
    // One statement at a time: the callbacks then see candidates in the order they came.
    this.flushed = this.flushed
      .then(() => this.store(batch))
      .catch((error: unknown) => {
        this.failure ??= { error };
      });
    await this.flushed;
    if (this.failure) throw this.failure.error;
  }

  private async store(batch: readonly CandidateArticle[]): Promise<void> {
    if (batch.length === 0) return;
    let results: Array<{ id: number; inserted: boolean }>;
    try {
      results = await insertCandidates(this.deps.db, batch);
    } catch (error) {
      if (batch.length === 1) {
        this.deps.onFailed(batch[0]!, error);
        return;
      }
      for (const candidate of batch) await this.store([candidate]);
      return;
    }
    const storedIds = results.filter((result) => result.inserted).map((result) => result.id);
    if (storedIds.length > 0) await this.deps.onStored(storedIds);
  }
}
