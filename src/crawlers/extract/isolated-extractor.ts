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
  id: number;
  input: ExtractArticleInput;
  timeoutMs: number;
  resolve(result: ExtractedArticle): void;
  reject(error: Error): void;
}

interface WorkerMessage {
  id?: number;
  result?: ExtractedArticle;
  error?: string;
}

const DEFAULT_MAX_MEMORY_MB = 512;
const WORKER_ENTRY = new URL('./extract-worker-entry.mjs', import.meta.url);

/**
 * Extracts in one worker thread, started on first use and replaced when it fails. Pages are posted as they
 * come, so the worker goes from one page to the next without waiting for this thread to send it; it
 * answers them in order, so the first unanswered page is the one it is working on, and that page alone is
 * timed and blamed. Pages posted behind it go to the next worker.
 */
export class IsolatedExtractor {
  /** The current worker, ready or starting. */
  private starting: Promise<Worker> | null = null;
  private ready: Worker | null = null;
  private readonly waiting: Job[] = [];
  /** Posted to the ready worker, in order. */
  private readonly posted: Job[] = [];
  private budget: NodeJS.Timeout | undefined;
  private nextId = 0;
  private readonly maxMemoryMb: number;

  constructor(options: IsolatedExtractorOptions = {}) {
    this.maxMemoryMb = options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB;
  }

  /** Rejects with an ExtractionFailedError when the page takes longer than `timeoutMs` or kills the parser. */
  extract(input: ExtractArticleInput, timeoutMs: number): Promise<ExtractedArticle> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, input, timeoutMs, resolve, reject });
      this.dispatch();
    });
  }

  /** Starts the worker ahead of the first page, so that it loads its parsers while other work goes on. */
  warmUp(): void {
    if (!this.ready) this.start();
  }

  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    this.ready = null;
    clearTimeout(this.budget);
    this.budget = undefined;
    const closed = new ExtractionFailedError('extraction_crashed', 'extractor closed');
    for (const job of [...this.posted.splice(0), ...this.waiting.splice(0)]) job.reject(closed);
    const worker = await starting?.catch(() => null);
    await worker?.terminate();
  }

  private dispatch(): void {
    if (this.waiting.length === 0) return;
    const worker = this.ready;
    if (!worker) {
      this.start();
      return;
    }
    for (const job of this.waiting.splice(0)) {
      this.posted.push(job);
      worker.postMessage({ id: job.id, input: job.input });
    }
    this.timeCurrentPage(worker);
  }

  private start(): void {
    if (this.starting) return;
    const starting = startWorker(this.maxMemoryMb);
    this.starting = starting;
    starting.then(
      (worker) => {
        // Closed meanwhile: close() terminates it.
        if (this.starting !== starting) return;
        this.ready = worker;
        worker.on('message', (message: WorkerMessage) => this.answer(worker, message));
        worker.on('error', (error: Error) => this.replace(worker, asCrash(error)));
        worker.on('exit', (code: number) =>
          this.replace(worker, new ExtractionFailedError('extraction_crashed', `worker exited (${code})`)),
        );
        // An idle worker must not keep a finished command alive (after the listeners: adding one refs it again).
        worker.unref();
        this.dispatch();
      },
      (error: Error) => {
        if (this.starting !== starting) return;
        this.starting = null;
        for (const job of this.waiting.splice(0)) job.reject(asCrash(error));
      },
    );
  }

  /** The page the worker is on gets its budget from now: the worker started it when it answered the last. */
  private timeCurrentPage(worker: Worker): void {
    const current = this.posted[0];
    if (!current || this.budget) return;
    this.budget = setTimeout(() => {
      const message = `extraction took longer than ${current.timeoutMs} ms`;
      this.replace(worker, new ExtractionFailedError('extraction_timeout', message));
    }, current.timeoutMs);
  }

  private answer(worker: Worker, message: WorkerMessage): void {
    const job = this.posted[0];
    if (worker !== this.ready || !job || message.id !== job.id) return;
    this.posted.shift();
    clearTimeout(this.budget);
    this.budget = undefined;
    if (message.result) job.resolve(message.result);
    else job.reject(new ExtractionFailedError('extraction_error', String(message.error)));
    this.timeCurrentPage(worker);
  }

  /** Fails the page the worker was on, and sends the pages posted behind it to a fresh worker. */
  private replace(worker: Worker, error: ExtractionFailedError): void {
    if (worker !== this.ready) return;
    this.ready = null;
    this.starting = null;
    clearTimeout(this.budget);
    this.budget = undefined;
    void worker.terminate();
    const [culprit, ...innocent] = this.posted.splice(0);
    culprit?.reject(error);
    this.waiting.unshift(...innocent);
    this.dispatch();
  }
}

/** A new worker once it has loaded the parsers: startup is not charged to a page. */
function startWorker(maxMemoryMb: number): Promise<Worker> {
  return new Promise<Worker>((resolve, reject) => {
    const worker = new Worker(WORKER_ENTRY, { resourceLimits: { maxOldGenerationSizeMb: maxMemoryMb } });
    const onExit = (code: number) => reject(new Error(`worker exited (${code}) while starting`));
    const onReady = (message: { ready?: boolean }) => {
      if (!message.ready) return;
      worker.off('message', onReady);
      worker.off('error', reject);
      worker.off('exit', onExit);
      resolve(worker);
    };
    worker.on('message', onReady);
    worker.once('error', reject);
    worker.once('exit', onExit);
  });
}

let shared: IsolatedExtractor | undefined;

/**
 * The process-wide extractor: its worker loads the parsers once (most of a second under tsx) and then serves
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
