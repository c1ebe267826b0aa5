import { Worker } from 'node:worker_threads';
import type { ArticleToAnalyze, ArticleVerdict, SourceProfile } from '../domain/analyze-article.js';

export interface AnalysisRequest {
  article: ArticleToAnalyze;
  profile: SourceProfile;
  now: Date;
}

/**
 * A batch whose chunks of `chunk` requests the analysis thread and the calling thread divide between them: each
 * side claims a chunk by compare-and-swap on `claims` (one slot per chunk, in a SharedArrayBuffer) — the thread
 * from the front, the caller from the back — so the thread never waits for the caller to hand it work.
 */
export interface SharedBatch {
  claims: Int32Array;
  chunk: number;
}
export const UNCLAIMED = 0;
export const CLAIMED_BY_THREAD = 1;
export const CLAIMED_BY_CALLER = 2;

/** Runs the content stages (analyzeArticle) for batches of articles off the calling thread. */
export interface AnalysisThread {
  /** Verdicts in request order; with `shared`, only for the chunks the thread claimed (the others undefined). */
  analyse(
    requests: readonly AnalysisRequest[],
    shared?: SharedBatch,
  ): Promise<Array<ArticleVerdict | undefined>>;
  close(): Promise<void>;
}

const ENTRY = new URL('./analysis-worker-entry.mjs', import.meta.url);

type Reply =
  | { ready: true }
  | { batch: number; verdicts: Array<ArticleVerdict | undefined> }
  | { batch: number; error: string };

/**
 * Embedded mode keeps PGlite on the main thread, where its queries run synchronously; the analysis of the next
 * batch runs meanwhile on this thread, so that a second core is not left idle while the first one writes.
 */
export async function startAnalysisThread(keywordsPath: string): Promise<AnalysisThread> {
  const worker = new Worker(ENTRY, { workerData: { keywordsPath } });
  const waiting = new Map<
    number,
    { resolve(verdicts: Array<ArticleVerdict | undefined>): void; reject(error: Error): void }
  >();
  let nextBatch = 0;
  let failure: Error | undefined;
  const failAll = (error: Error) => {
    failure = error;
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => {
      worker.off('error', reject);
      resolve();
    });
  });
  worker.on('message', (reply: Reply) => {
    if (!('batch' in reply)) return;
    const pending = waiting.get(reply.batch);
    waiting.delete(reply.batch);
    if ('error' in reply) pending?.reject(new Error(`analysis thread: ${reply.error}`));
    else pending?.resolve(reply.verdicts);
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`analysis thread exited with code ${code}`)));
  return {
    analyse(requests, shared) {
      if (failure) return Promise.reject(failure);
      const batch = nextBatch++;
      return new Promise((resolve, reject) => {
        waiting.set(batch, { resolve, reject });
        // The claims' SharedArrayBuffer is shared with the thread, not copied.
        worker.postMessage({ batch, requests, shared });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
