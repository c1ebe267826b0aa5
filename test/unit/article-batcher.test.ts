import { describe, expect, it } from 'vitest';
import {
  ArticlesNotProcessedError,
  type BatchResults,
  createArticleBatcher,
} from '../../src/workers/article-batcher.js';
import type { ProcessOutcome } from '../../src/workers/process-article.js';
import { createSerialLane } from '../../src/workers/serial-lane.js';

function recordingProcessor(answer: (id: number) => ProcessOutcome | Error = () => 'processed') {
  const batches: number[][] = [];
  const processBatch = async (ids: readonly number[]): Promise<BatchResults> => {
    batches.push([...ids]);
    return new Map(ids.map((id) => [id, answer(id)]));
  };
  return { batches, processBatch };
}

const ok = (...ids: number[]) => new Map(ids.map((id) => [id, 'processed' as const]));

describe('article batcher', () => {
  it('processes the articles of concurrently arriving jobs together, flushing once maxBatch is reached', async () => {
    const { batches, processBatch } = recordingProcessor();
    const batcher = createArticleBatcher(processBatch, { maxBatch: 3, maxWaitMs: 50 });
    const outcomes = await Promise.all([[1, 2], [3], [4], [5]].map((ids) => batcher.process(ids)));
    expect(outcomes).toEqual([ok(1, 2), ok(3), ok(4), ok(5)]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('takes a job of a full batch at once', async () => {
    const { batches, processBatch } = recordingProcessor();
    const batcher = createArticleBatcher(processBatch, { maxBatch: 3, maxWaitMs: 10_000 });
    await expect(batcher.process([1, 2, 3, 4])).resolves.toEqual(ok(1, 2, 3, 4));
    expect(batches).toEqual([[1, 2, 3, 4]]);
  });

  it('does not keep a lone job waiting longer than maxWaitMs', async () => {
    const { batches, processBatch } = recordingProcessor();
    const batcher = createArticleBatcher(processBatch, { maxBatch: 100, maxWaitMs: 5 });
    await expect(batcher.process([7])).resolves.toEqual(ok(7));
    await expect(batcher.process([8])).resolves.toEqual(ok(8));
    expect(batches).toEqual([[7], [8]]);
  });

  it('fails only the job holding the article whose processing failed, naming that article', async () => {
    const { processBatch } = recordingProcessor((id) =>
      id === 2 ? new Error('article 2 is broken') : 'processed',
    );
    const batcher = createArticleBatcher(processBatch, { maxBatch: 4, maxWaitMs: 50 });
    const settled = await Promise.allSettled([[1], [2, 3], [4]].map((ids) => batcher.process(ids)));
    expect(settled.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const reason = (settled[1] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ArticlesNotProcessedError);
    expect(reason.failures.map((failure: { articleId: number }) => failure.articleId)).toEqual([2]);
    expect(reason.message).toBe('1 article(s) not processed, kept pending — article 2: article 2 is broken');
  });

  it('fails every job of a batch that could not be processed at all, so that each is retried', async () => {
    const batcher = createArticleBatcher(
      async () => {
        throw new Error('database unreachable');
      },
      { maxBatch: 2, maxWaitMs: 50 },
    );
    const settled = await Promise.allSettled([[1], [2]].map((ids) => batcher.process(ids)));
    expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  });

  it('answers a second job for an article already in the batch as already processed', async () => {
    const { batches, processBatch } = recordingProcessor();
    const batcher = createArticleBatcher(processBatch, { maxBatch: 3, maxWaitMs: 50 });
    const outcomes = await Promise.all([[4], [4, 5]].map((ids) => batcher.process(ids)));
    expect(outcomes).toEqual([
      ok(4),
      new Map([
        [4, 'already_processed'],
        [5, 'processed'],
      ]),
    ]);
    expect(batches).toEqual([[4, 5]]);
  });

  it('rejects a job whose article the batch left unanswered', async () => {
    const batcher = createArticleBatcher(async () => new Map(), { maxBatch: 1, maxWaitMs: 50 });
    await expect(batcher.process([9])).rejects.toThrow(/no result for article 9/);
  });
});

describe('serial lane', () => {
  it('runs one piece of work at a time, in order, and goes on after a failure', async () => {
    const lane = createSerialLane();
    const events: string[] = [];
    const work =
      (name: string, fail = false) =>
      async () => {
        events.push(`start ${name}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        events.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([lane(work('a')), lane(work('b', true)), lane(work('c'))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });
});
