import { parentPort, workerData } from 'node:worker_threads';
import { loadDrugGlossary } from '../config/drug-glossary.js';
import { loadLexicon } from '../config/keywords.js';
import { analyzeArticle } from '../domain/analyze-article.js';
import type { AnalysisRequest } from './analysis-thread.js';

/** Thread side of the analysis thread: one batch per message, answered with its verdicts or its error. */
const lexicon = loadLexicon((workerData as { keywordsPath: string }).keywordsPath);
const drugs = loadDrugGlossary();

parentPort?.on('message', (message: { batch: number; requests: AnalysisRequest[] }) => {
  try {
    const verdicts = message.requests.map((request) =>
      analyzeArticle(request.article, request.profile, lexicon, request.now, drugs),
    );
    parentPort?.postMessage({ batch: message.batch, verdicts });
  } catch (error) {
    parentPort?.postMessage({
      batch: message.batch,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort?.postMessage({ ready: true });
