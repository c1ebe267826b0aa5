import type { LockedArticle } from '../db/articles-repo.js';
import type { ArticleVerdict } from '../domain/analyze-article.js';
import { type AnalysisThread, CLAIMED_BY_CALLER, UNCLAIMED } from './analysis-thread.js';
import {
  analyseStored,
  analysisRequestOf,
  type PipelineContext,
  type Precomputed,
} from './process-article.js';

/** Articles per claim: small enough for the two threads to meet close to the middle. */
const CHUNK = 10;

export interface SharedAnalysis {
  /**
   * This thread analyses the chunks the analysis thread has not claimed yet, from the end of the batch, until the
   * two meet; resolves with every article's verdict. Until it is called, the analysis thread works alone.
   */
  finishHere(ctx: PipelineContext): Promise<Precomputed>;
}

/**
 * The analysis of one batch shared between the analysis thread and this one (embedded mode). The thread starts at
 * once, from the front, while this thread stores the previous batch in PGlite (whose queries keep this thread
 * busy); when that is done, this thread claims chunks from the back instead of waiting. Claims are made by
 * compare-and-swap in shared memory, so neither side waits for the other to hand out work. Both run the same
 * `analyzeArticle` on the same requests; whatever the thread could not deliver is analysed here.
 */
export function shareAnalysis(thread: AnalysisThread, articles: readonly LockedArticle[]): SharedAnalysis {
  const chunks = Math.ceil(articles.length / CHUNK);
  const claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT * Math.max(1, chunks)));
  const fromThread = thread
    .analyse(articles.map(analysisRequestOf), { claims, chunk: CHUNK })
    .catch(() => undefined);

  return {
    async finishHere(ctx) {
      const here = new Map<number, ArticleVerdict>();
      for (let index = chunks - 1; index >= 0; index--) {
        if (Atomics.compareExchange(claims, index, UNCLAIMED, CLAIMED_BY_CALLER) !== UNCLAIMED) break;
        for (const article of articles.slice(index * CHUNK, (index + 1) * CHUNK))
          here.set(article.id, analyseStored(ctx, article));
        // The owner of an embedded folder answers its clients on this thread: let them in between chunks.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const answers = await fromThread;
      return new Map(
        articles.map((article, index) => [
          article.id,
          {
            version: article.version,
            verdict: here.get(article.id) ?? answers?.[index] ?? analyseStored(ctx, article),
            article,
          },
        ]),
      );
    },
  };
}
