import { loadSourcesFile } from '../config/sources.js';
import type { Logger } from '../logger.js';
import { checkSourcesHealth, formatHealthTable } from '../ops/health-check.js';
import { postWebhook } from '../ops/webhook.js';
import { type CliContext, parseVerbArgs, sourceFileVariables, withApp } from './cli-support.js';

/** Posts health changes to HARVEST_WEBHOOK_URL; undefined when none is configured. */
export function webhookNotifier(webhookUrl: string | undefined, log: Logger) {
  return webhookUrl ? (text: string) => postWebhook(webhookUrl, text, log) : undefined;
}

/** `harvest sources health`: each source's state from its recent runs, as a table (or JSON lines). */
export async function sourcesHealthCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    sources: { type: 'string' },
    source: { type: 'string', multiple: true },
    json: { type: 'boolean' },
  });
  const file = loadSourcesFile(values.sources ?? ctx.config.sourcesPath, {
    variables: sourceFileVariables(),
  });
  const ids = values.source?.length
    ? values.source
    : file.sources.filter((source) => source.enabled).map((source) => source.id);
  return withApp(ctx, async (app) => {
    const reports = await checkSourcesHealth(app.db, ids, {
      notify: webhookNotifier(ctx.config.webhookUrl, ctx.log),
    });
    if (values.json) {
      for (const report of reports) ctx.out(JSON.stringify(report));
    } else {
      ctx.out(formatHealthTable(reports));
    }
    return 0;
  });
}
