/** How a source is doing, judged from its recent crawl runs and the articles they stored. Pure. */
export type HealthState = 'ok' | 'degraded' | 'broken';

export interface RunForHealth {
  status: 'succeeded' | 'failed';
  pagesFetched: number;
  errors: number;
  /** Kinds of the run's errors (http_500, timeout…), for the reason text. */
  errorKinds: string[];
}

export interface ExtractionCounts {
  articles: number;
  missingTitle: number;
  missingBody: number;
  missingDate: number;
}

export interface HealthInput {
  /** Finished runs, newest first. */
  runs: RunForHealth[];
  /** Articles stored by the most recent runs. */
  extraction: ExtractionCounts;
  /** Publication times of the source's latest articles, newest first. */
  publishedAt: Date[];
  /** The moment silence is judged against (the latest run's reference time). */
  now: Date;
}

export interface SourceHealth {
  state: HealthState;
  reasons: string[];
}

export const DEFAULT_HEALTH_THRESHOLDS = {
  /** Share of articles lacking title or body above which the source is degraded… */
  extractionFailureShare: 0.3,
  /** …and above which its pages no longer match its parser (broken). */
  parserMismatchShare: 0.8,
  /** Fewer articles than this say nothing about the parser. */
  minArticlesForShares: 3,
  /** Share of articles without a date above which the source is degraded (the bulletin is monthly). */
  missingDateShare: 0.5,
  /** Consecutive latest runs with errors that make a source degraded. */
  errorStreak: 3,
  /** Silence longer than this many usual gaps between articles makes a source broken… */
  cadenceFactor: 4,
  /** …but never less than this many days (a weekend, a holiday). */
  minSilenceDays: 3,
  /** Fewer dated articles than this give no usual cadence. */
  minArticlesForCadence: 5,
};
export type HealthThresholds = typeof DEFAULT_HEALTH_THRESHOLDS;

const DAY_MS = 86_400_000;
const percent = (share: number) => `${Math.round(share * 100)}%`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function brokenReasons(input: HealthInput, limits: HealthThresholds): string[] {
  const reasons: string[] = [];
  const [latest] = input.runs;
  if (latest && latest.pagesFetched === 0 && latest.errors > 0) {
    const kinds = [...new Set(latest.errorKinds)].join(', ');
    reasons.push(`every request of the last run failed (${latest.errors} errors: ${kinds})`);
  }
  const { articles, missingTitle, missingBody } = input.extraction;
  const mismatch = Math.max(missingTitle, missingBody) / Math.max(1, articles);
  if (articles >= limits.minArticlesForShares && mismatch >= limits.parserMismatchShare) {
    reasons.push(
      `the pages no longer match the parser: ${missingTitle}/${articles} without title, ` +
        `${missingBody}/${articles} without body`,
    );
  }
  const times = input.publishedAt.map((date) => date.getTime());
  if (times.length >= limits.minArticlesForCadence) {
    const gaps = times.slice(1).map((time, index) => times[index]! - time);
    const allowed = Math.max(limits.cadenceFactor * median(gaps), limits.minSilenceDays * DAY_MS);
    const silence = input.now.getTime() - times[0]!;
    if (silence > allowed) {
      reasons.push(
        `no new article for ${(silence / DAY_MS).toFixed(1)} days (usually one every ` +
          `${(median(gaps) / DAY_MS).toFixed(1)} days)`,
      );
    }
  }
  return reasons;
}

function degradedReasons(input: HealthInput, limits: HealthThresholds): string[] {
  const reasons: string[] = [];
  const { articles, missingTitle, missingBody, missingDate } = input.extraction;
  if (articles >= limits.minArticlesForShares) {
    const failed = Math.max(missingTitle, missingBody) / articles;
    if (failed > limits.extractionFailureShare) {
      reasons.push(`${percent(failed)} of the recent articles lack a title or body`);
    }
    if (missingDate / articles > limits.missingDateShare) {
      reasons.push(`${percent(missingDate / articles)} of the recent articles have no date`);
    }
  }
  let streak = 0;
  while (streak < input.runs.length && input.runs[streak]!.errors > 0) streak += 1;
  if (streak >= limits.errorStreak) reasons.push(`the last ${streak} runs had errors`);
  return reasons;
}

export function assessSourceHealth(
  input: HealthInput,
  limits: HealthThresholds = DEFAULT_HEALTH_THRESHOLDS,
): SourceHealth {
  if (input.runs.length === 0) return { state: 'ok', reasons: ['no finished run yet'] };
  const broken = brokenReasons(input, limits);
  if (broken.length > 0) return { state: 'broken', reasons: broken };
  const degraded = degradedReasons(input, limits);
  if (degraded.length > 0) return { state: 'degraded', reasons: degraded };
  return { state: 'ok', reasons: [] };
}
