import type { CrawlStats } from '../db/runs-repo.js';

/** A run fails only when nothing at all could be fetched; partial errors stay visible in its stats. */
export function runOutcome(stats: CrawlStats): { status: 'succeeded' | 'failed'; error?: string } {
  if (stats.pagesFetched > 0 || stats.errors.length === 0) return { status: 'succeeded' };
  const kinds = [...new Set(stats.errors.map((error) => error.kind))].join(', ');
  const first = stats.errors[0]!;
  return { status: 'failed', error: `${kinds}: ${first.url}: ${first.message}` };
}
