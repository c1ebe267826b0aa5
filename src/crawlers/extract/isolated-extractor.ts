import { Worker } from 'node:worker_threads';
import type { ExtractArticleInput, ExtractedArticle } from './extract-article.js';

/**
 * Extraction under a time and memory budget. Parsing hostile HTML is synchronous CPU work: a page that makes
 * Readability or a regular expression run for minutes would block the event loop, and with it every timeout
 * of the crawl. So pages are extracted in a worker thread: past its time budget the worker is terminated, past
 * `maxMemoryMb` it dies alone, and the next page gets a fresh worker. One page fails; the crawl goes on.
 */

export interface IsolatedExtractorOptions {
  /** Old-generation heap of the worker; a parse that needs more is stopped. */
  maxMemoryMb?: number;
}

export class ExtractionFailedError extends Error {
  constructor(
    readonly kind: 'extraction_timeout' | 'extraction_crashed' | 'extraction_error',
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionFailedError';
  }
}

interface Job {
  input: ExtractArticleInput;
  timeoutMs: number;
  resolve(result: ExtractedArticle): void;
  reject(error: Error): void;
}

const DEFAULT_MAX_MEMORY_MB = 512;
const WORKER_ENTRY = new URL('./extract-worker-entry.mjs', import.meta.url);

/** Runs one extraction at a time in one worker thread, started on first use and replaced when it fails. */
export class IsolatedExtractor {
  private starting: Promise<Worker> | null = null;
  private readonly queue: Job[] = [];
  private busy = false;
  private nextId = 0;
  private readonly maxMemoryMb: number;

  constructor(options: IsolatedExtractorOptions = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  }

  /** Rejects with an ExtractionFailedError when the page takes longer than `timeoutMs` or kills the parser. */
  extract(input: ExtractArticleInput, timeoutMs: number): Promise<ExtractedArticle> {
    return new Promise((resolve, reject) => {
      this.queue.push({ input, timeoutMs, resolve, reject });
      this.runNext();
    });
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    const worker = await starting?.catch(() => null);
    await worker?.terminate();
  }

  private runNext(): void {
    const job = this.busy ? undefined : this.queue.shift();
    if (!job) return;
    this.busy = true;
    this.ensureWorker().then(
      (worker) => this.runOn(worker, job),
      (error: Error) => this.settle(() => job.reject(asCrash(error))),
    );
  }

  private runOn(worker: Worker, job: Job): void {
    const id = this.nextId++;
    const finish = (outcome: () => void, keepWorker: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (!keepWorker) this.discard(worker);
      this.settle(outcome);
    };
    const onMessage = (message: { id?: number; result?: ExtractedArticle; error?: string }) => {
      if (message.id !== id) return;
      if (message.result) finish(() => job.resolve(message.result!), true);
      else
        finish(() => job.reject(new ExtractionFailedError('extraction_error', String(message.error))), true);
    };
    const onError = (error: Error) => finish(() => job.reject(asCrash(error)), false);
    const onExit = (code: number) =>
      finish(
        () => job.reject(new ExtractionFailedError('extraction_crashed', `worker exited (${code})`)),
        false,
      );
    const timer = setTimeout(() => {
      const message = `extraction took longer than ${job.timeoutMs} ms`;
      finish(() => job.reject(new ExtractionFailedError('extraction_timeout', message)), false);
    }, job.timeoutMs);
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ id, input: job.input });
  }

  private settle(outcome: () => void): void {
    this.busy = false;
    outcome();
    this.runNext();
  }

  /** The running worker, or a new one once it has loaded the parsers (startup is not charged to a page). */
  private ensureWorker(): Promise<Worker> {
    this.starting ??= new Promise<Worker>((resolve, reject) => {
      const worker = new Worker(WORKER_ENTRY, {
        resourceLimits: { maxOldGenerationSizeMb: this.maxMemoryMb },
      });
      // An idle worker must not keep a finished command alive.
      worker.unref();
      const onReady = (message: { ready?: boolean }) => {
        if (!message.ready) return;
        worker.off('message', onReady);
        worker.off('error', reject);
        resolve(worker);
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    this.starting.catch(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private discard(worker: Worker): void {
    this.starting = null;
    void worker.terminate();
  }
}

let shared: IsolatedExtractor | undefined;

/**
 * The process-wide extractor: its worker loads the parsers once (about 1.5 s under tsx) and then serves
 * every crawl of the process. It is unref'd, so it never keeps a finished command alive.
 */
export function sharedExtractor(): IsolatedExtractor {
  shared ??= new IsolatedExtractor();
  return shared;
}

function asCrash(error: Error): ExtractionFailedError {
  return new ExtractionFailedError('extraction_crashed', crashMessage(error));
}

function crashMessage(error: Error): string {
  return (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? `extraction ran out of memory: ${error.message}`
    : error.message;
}
