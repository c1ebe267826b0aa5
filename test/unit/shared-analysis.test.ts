import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import type { LockedArticle } from '../../src/db/articles-repo.js';
import type { Database } from '../../src/db/database.js';
import type { ArticleVerdict } from '../../src/domain/analyze-article.js';
import {
  type AnalysisRequest,
  type AnalysisThread,
  CLAIMED_BY_CALLER,
  CLAIMED_BY_THREAD,
  type SharedBatch,
  UNCLAIMED,
} from '../../src/workers/analysis-thread.js';
import { analyseStored } from '../../src/workers/process-article.js';
import { shareAnalysis } from '../../src/workers/shared-analysis.js';

const ctx = { db: {} as Database, lexicon: loadLexicon('config/keywords.yaml') };

function article(id: number): LockedArticle {
  return {
    id,
    version: 1,
    status: 'pending',
    title: `Полиция изъяла ${id} кг героина`,
    body: `Сотрудники полиции Алматы задержали курьера и изъяли ${id} килограммов героина.`,
    published_at: null,
    extraction: {},
    source_config: null,
    reference_time: new Date('2026-11-20T00:00:00Z'),
  } as unknown as LockedArticle;
}

/** A verdict no stage gives, to tell the thread's verdicts from this thread's. */
const THREAD_MARK = { status: 'filtered', reason: 'from-the-thread' } as unknown as ArticleVerdict['fate'];

/** An analysis thread that claims the first `claimFirst` chunks (a slow one claims fewer), or fails after. */
function fakeThread(claimFirst: number, options: { fail?: boolean } = {}) {
  const seen: SharedBatch[] = [];
  const thread: AnalysisThread = {
    async analyse(requests: readonly AnalysisRequest[], shared?: SharedBatch) {
      if (!shared) throw new Error('expected a shared batch');
      seen.push(shared);
      const verdicts: Array<ArticleVerdict | undefined> = new Array(requests.length);
      for (let index = 0; index < claimFirst; index++) {
        if (Atomics.compareExchange(shared.claims, index, UNCLAIMED, CLAIMED_BY_THREAD) !== UNCLAIMED) break;
        for (let at = index * shared.chunk; at < Math.min(requests.length, (index + 1) * shared.chunk); at++)
          verdicts[at] = { fate: THREAD_MARK } as ArticleVerdict;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (options.fail) throw new Error('thread died');
      return verdicts;
    },
    close: async () => {},
  };
  return { thread, seen };
}

describe('analysis shared between the analysis thread and this one', () => {
  const articles = Array.from({ length: 35 }, (_, index) => article(index + 1));

  it('takes the thread’s verdicts for the chunks it claimed and analyses the rest here, each once', async () => {
    const { thread, seen } = fakeThread(2);
    const verdicts = await shareAnalysis(thread, articles).finishHere(ctx);
    const chunk = seen[0]!.chunk;
    expect(verdicts.size).toBe(articles.length);
    articles.forEach((item, index) => {
      const { verdict, version } = verdicts.get(item.id)!;
      expect(version).toBe(1);
      if (index < 2 * chunk) expect(verdict.fate).toBe(THREAD_MARK);
      else expect(verdict).toEqual(analyseStored(ctx, item));
    });
    // Every chunk was claimed by exactly one side.
    expect(
      [...seen[0]!.claims].every((claim) => claim === CLAIMED_BY_THREAD || claim === CLAIMED_BY_CALLER),
    ).toBe(true);
  });

  it('does all the work here when the thread has claimed nothing yet', async () => {
    const { thread } = fakeThread(0);
    const verdicts = await shareAnalysis(thread, articles).finishHere(ctx);
    for (const item of articles) expect(verdicts.get(item.id)!.verdict).toEqual(analyseStored(ctx, item));
  });

  it('analyses here what a thread that failed had claimed', async () => {
    const { thread } = fakeThread(4, { fail: true });
    const verdicts = await shareAnalysis(thread, articles).finishHere(ctx);
    for (const item of articles) expect(verdicts.get(item.id)!.verdict.fate).not.toBe(THREAD_MARK);
  });
});
