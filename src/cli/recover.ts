import { type CliContext, parseVerbArgs, UsageError, withApp } from './cli-support.js';

/**
 * `harvest recover`. Through the queues: puts the work Postgres knows about but the queues lost back on them. In
 * process (embedded, or Postgres without Redis): marks runs whose process died as failed and processes the
 * articles they left pending — what the owner of an embedded data folder also does whenever it starts.
 */
export async function recoverCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, { 'older-than': { type: 'string', default: '0' } });
  const olderThanSecs = Number(values['older-than']);
  if (!(olderThanSecs >= 0)) throw new UsageError('--older-than must be a number of seconds');
  return withApp(ctx, async (app) => {
    const outcome = await app.transport.recover(olderThanSecs);
    ctx.out(outcome.lines.length > 0 ? outcome.lines.join('\n') : 'nothing was stranded');
    return outcome.failed ? 1 : 0;
  });
}
