import pino from 'pino';
import type { Database } from '../../src/db/database.js';
import { type SourceConfig, sourceSchema } from '../../src/sources/source-schema.js';
import { harvestEmbedded } from '../../src/workers/harvest-run.js';
import { startSlowHosts } from './slow-hosts.js';

export interface CycleOptions {
  hosts: number;
  articles: number;
  latencyMs: number;
  /** How many sites are timed alone to find the slowest (all of them with `--full`). */
  singles: number;
  /** Cycles run; the fastest counts (a shared machine only ever adds time). */
  cycles: number;
  keywordsPath: string;
  say: (line: string) => void;
}

export interface CycleResult {
  cycleSeconds: number;
  cycleSecondsEach: number[];
  /** CPU time of the whole process (every thread) during the fastest cycle. */
  cycleCpuSeconds: number;
  slowestSiteSeconds: number;
  singleSeconds: number[];
  pagesPerCycle: number;
}

const log = pino({ level: 'silent' });

/** One source per slow host, with the shipped politeness defaults, reading the feed under `prefix`. */
function sourceOf(origin: string, index: number, prefix: string, articles: number): SourceConfig {
  return sourceSchema.parse({
    id: `cycle-${index}`,
    name: `Slow site ${index}`,
    country: 'KZ',
    languages: ['rus'],
    timezone: 'Asia/Almaty',
    discovery: { strategy: 'rss', urls: [`${origin}/${prefix}/feed.xml`] },
    limits: { maxArticles: articles, maxAgeDays: 36_500 },
  });
}

/** One embedded harvest (crawls and processing, as `harvest run` does it), timed. */
async function timedHarvest(db: Database, sources: SourceConfig[], keywordsPath: string) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const batch = await harvestEmbedded(
    sources,
    { db, log, userAgent: 'BulletinHarvester-bench', keywordsPath, progress: () => {} },
    { trigger: 'bench-cycle' },
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const failed = batch.runs.filter(
    (run) => run.status !== 'succeeded' || (run.stats.errors?.length ?? 0) > 0,
  );
  if (failed.length > 0) throw new Error(`cycle bench: ${failed.length} runs failed or had errors`);
  const pages = batch.runs.reduce((sum, run) => sum + (run.stats.pagesFetched ?? 0), 0);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, pages };
}

/**
 * An embedded harvest cycle over many slow sites, against the same sites harvested alone: how close the cycle
 * comes to its slowest site (target ≤ 1.5). Every harvest reads fresh URLs (its own path prefix).
 */
export async function measureCycle(db: Database, options: CycleOptions): Promise<CycleResult> {
  const hosts = await startSlowHosts(options);
  try {
    const singles: number[] = [];
    const step = Math.max(1, Math.floor(options.hosts / options.singles));
    for (let index = 0; index < options.hosts && singles.length < options.singles; index += step) {
      const source = sourceOf(hosts.origins[index]!, index, `single-${index}`, options.articles);
      const { seconds } = await timedHarvest(db, [source], options.keywordsPath);
      options.say(`  site ${index} alone: ${seconds.toFixed(1)} s`);
      singles.push(seconds);
    }
    const cycles = [];
    for (let round = 0; round < options.cycles; round += 1) {
      const sources = hosts.origins.map((origin, index) =>
        sourceOf(origin, index, `cycle-${round}`, options.articles),
      );
      const cycle = await timedHarvest(db, sources, options.keywordsPath);
      options.say(
        `  all ${options.hosts} sites in one cycle: ${cycle.seconds.toFixed(1)} s (${cycle.cpuSeconds.toFixed(1)} s CPU)`,
      );
      cycles.push(cycle);
    }
    const fastest = cycles.reduce((best, cycle) => (cycle.seconds < best.seconds ? cycle : best));
    return {
      cycleSeconds: fastest.seconds,
      cycleSecondsEach: cycles.map((cycle) => cycle.seconds),
      cycleCpuSeconds: fastest.cpuSeconds,
      slowestSiteSeconds: Math.max(...singles),
      singleSeconds: singles,
      pagesPerCycle: fastest.pages,
    };
  } finally {
    await hosts.close();
  }
}
