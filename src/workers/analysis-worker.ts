import { parentPort, workerData } from 'node:worker_threads';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import { loadLexicon } from '../config/keywords.js';
import { analyzeArticle } from '../domain/analyze-article.js';
import { type AnalysisRequest, CLAIMED_BY_THREAD, type SharedBatch, UNCLAIMED } from './analysis-thread.js';

/** Thread side of the analysis thread: one batch per message, answered with its verdicts or its error. */
const lexicon = loadLexicon((workerData as { keywordsPath: string }).keywordsPath);
const drugs = loadDrugGlossary();

const analyse = (request: AnalysisRequest) =>
  analyzeArticle(request.article, request.profile, lexicon, request.now, drugs);

/** The chunks of a shared batch this thread claims first, from the front, until it meets the caller's. */
function analyseClaimed(requests: readonly AnalysisRequest[], shared: SharedBatch) {
  const verdicts: Array<ReturnType<typeof analyse> | undefined> = new Array(requests.length);
  for (let index = 0; index * shared.chunk < requests.length; index++) {
    if (Atomics.compareExchange(shared.claims, index, UNCLAIMED, CLAIMED_BY_THREAD) !== UNCLAIMED) break;
    const end = Math.min(requests.length, (index + 1) * shared.chunk);
    for (let at = index * shared.chunk; at < end; at++) verdicts[at] = analyse(requests[at]!);
  }
  return verdicts;
}

parentPort?.on('message', (message: { batch: number; requests: AnalysisRequest[]; shared?: SharedBatch }) => {
  try {
    const verdicts = message.shared
      ? analyseClaimed(message.requests, message.shared)
      : message.requests.map(analyse);
    parentPort?.postMessage({ batch: message.batch, verdicts });
  } catch (error) {
    parentPort?.postMessage({
      batch: message.batch,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort?.postMessage({ ready: true });
