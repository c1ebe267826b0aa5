import { loadSourcesFile } from '../config/sources.js';
import { nextFireTime } from '../ops/due-sources.js';
import { type CliContext, parseVerbArgs, sourceFileVariables, withApp } from './cli-support.js';

/**
 * `harvest schedule`: one BullMQ job scheduler per enabled source, fired by Redis at the source's cron in its
 * time zone; the workers then create and crawl the run. Removes the schedulers of removed or disabled sources.
 */
export async function scheduleCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, { sources: { type: 'string' } });
  const file = loadSourcesFile(values.sources ?? ctx.config.sourcesPath, {
    variables: sourceFileVariables(),
  });
  return withApp(ctx, async (app) => {
    const sync = await app.transport.syncSchedules(file.sources);
    const now = new Date();
    for (const source of file.sources.filter((s) => sync.upserted.includes(s.id))) {
      const next = nextFireTime(source.schedule, source.timezone, now).toISOString();
      ctx.out(`scheduled ${source.id}: "${source.schedule}" ${source.timezone}, next ${next}`);
    }
    for (const id of sync.removed) ctx.out(`removed ${id}`);
    ctx.err(`${sync.upserted.length} source(s) scheduled, ${sync.removed.length} removed`);
    return 0;
  });
}
