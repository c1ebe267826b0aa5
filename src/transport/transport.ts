import type { Queue } from 'bullmq';
import type { FastifyInstance } from 'fastify';
import type { CrawlRun } from '../db/runs-repo.js';
import type { SchedulerSync } from '../ops/scheduled-crawls.js';
import type { SourceConfig } from '../sources/source-schema.js';
import type { QueueSettings, Queues } from '../workers/bullmq-transport.js';

/**
 * How work gets from a command to the stages: in this process (`in-process`: the embedded data folder, or
 * Postgres without Redis) or through the BullMQ queues to `harvest worker` processes (`bullmq`). Chosen once, in
 * `openApp`; the CLI verbs and the review server ask the transport and never look at REDIS_URL themselves.
 */
export type TransportKind = 'in-process' | 'bullmq';

/** Asked of a transport that cannot do it (schedules in Redis without Redis, `harvest worker` without queues…). */
export class NotInThisModeError extends Error {
  override readonly name = 'NotInThisModeError';
}

export interface HarvestRequest {
  trigger: string;
  /** Replays of recorded pages judge article ages against the recording time instead of now. */
  referenceTime?: Date | undefined;
  /** Through the queues: wait until the workers finished the batch (in process it is always finished). */
  wait: boolean;
  /** Gives up waiting after this long; 0 waits forever. */
  timeoutSecs?: number;
  /** Progress lines for the person running the command. */
  progress: (line: string) => void;
}

export interface Dispatched {
  batchId: string;
  runs: CrawlRun[];
  /** Every run ended and every article it stored was processed: the runs carry their outcome. */
  finished: boolean;
}

export interface DueDispatch {
  /** The crawl of the due sources, when this transport started one here (in process). */
  dispatched?: Dispatched | undefined;
  /** Due sources skipped because a crawl of them is still running. */
  busy: string[];
  /** How the due sources were handed on, for the operator (`queued one schedule job per due source…`). */
  handedOn?: string | undefined;
}

/** Articles already stored (by `harvest ingest`) that still have to go through the stages. */
export interface StoredBatch {
  batchId: string;
  runIds: number[];
  articleIds: number[];
}

export interface RecoveryOutcome {
  /** One line per thing put back, failed or finished; empty when nothing was lost. */
  lines: string[];
  /** Some work could not be recovered (the lines say which). */
  failed: boolean;
}

/** "Run now" in the review workspace. */
export interface SourceRunner {
  run(source: SourceConfig): Promise<string>;
  /** Waits for the crawls this process still runs (at shutdown). */
  settle(): Promise<void>;
}

export interface Transport {
  readonly kind: TransportKind;
  /** How `harvest serve` names the mode on its first line. */
  readonly label: string;
  /** Crawls the sources and processes what they store, here or by the workers (waiting only when asked). */
  harvest(sources: readonly SourceConfig[], request: HarvestRequest): Promise<Dispatched>;
  /** `harvest run --due`: the due sources, never two crawls of one source at once. */
  harvestDue(due: readonly SourceConfig[], request: HarvestRequest): Promise<DueDispatch>;
  /** Articles stored outside a crawl go through the stages; true when they have been (not only queued). */
  processStored(batch: StoredBatch, request: Pick<HarvestRequest, 'wait' | 'progress'>): Promise<boolean>;
  /** `harvest recover`: work a dead process or a lost queue left behind, older than `olderThanSecs`. */
  recover(olderThanSecs: number): Promise<RecoveryOutcome>;
  /** Long-running processes (`serve`, `up`) look for stranded work every `ms`; returns the stop function. */
  sweepEvery(ms: number): () => void;
  sourceRunner(): SourceRunner;
  /** `harvest schedule`: one job scheduler per enabled source in Redis. */
  syncSchedules(sources: readonly SourceConfig[]): Promise<SchedulerSync>;
  /** `harvest up`: this process fires the schedules itself; refused where the workers fire them. */
  assertSchedulesInProcess(): void;
  /** `harvest worker`: the queues it consumes and how to reach Redis. */
  workerQueues(): { queues: Queues; settings: QueueSettings };
  /** Queues `/readyz` checks, and the operator's pages over them (Bull Board). */
  readinessQueues(): Queue[];
  operatorPlugins(): Promise<Array<(app: FastifyInstance) => Promise<void>>>;
  close(): Promise<void>;
}
