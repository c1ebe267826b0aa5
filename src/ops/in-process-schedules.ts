import type { Logger } from '../logger.js';

/**
 * The schedules of a single-machine deployment, without cron: every minute (on the minute), `tick` crawls the
 * enabled sources whose `schedule` is due, each under its lease — the same lease `harvest run --due` takes, so a
 * cron line left in place alongside never crawls a source twice at once. One tick at a time: a tick that is still
 * crawling when the next minute comes lets that minute pass (its sources are still due at the next one).
 */
export interface InProcessSchedules {
  stop(): Promise<void>;
}

export function startInProcessSchedules(deps: {
  log: Logger;
  tick: () => Promise<void>;
  /** Tests shorten the minute. */
  everyMs?: number;
}): InProcessSchedules {
  const everyMs = deps.everyMs ?? 60_000;
  let running: Promise<void> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const runTick = () => {
    if (running || stopped) return;
    running = deps
      .tick()
      .catch((error: unknown) => deps.log.error({ err: error }, 'scheduled crawls failed; next minute again'))
      .finally(() => {
        running = undefined;
      });
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        runTick();
        schedule();
      },
      everyMs - (Date.now() % everyMs),
    );
  };
  runTick();
  schedule();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
