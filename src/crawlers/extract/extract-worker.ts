import { parentPort } from 'node:worker_threads';
import { type ExtractArticleInput, extractArticle } from './extract-article.js';

/** Worker side of the isolated extractor: one page per message, answered with its result or its error. */
parentPort?.on('message', (message: { id: number; input: ExtractArticleInput }) => {
  try {
    parentPort?.postMessage({ id: message.id, result: extractArticle(message.input) });
  } catch (error) {
    parentPort?.postMessage({
      id: message.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
// Loading the parsers takes a while: page budgets start counting only from here.
parentPort?.postMessage({ ready: true });
