import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { auditAction } from '../../db/audit-repo.js';
import { countItemsOfBulletinBefore } from '../../db/bulletins-repo.js';
import { type CountryCoverage, countCoverage, listSourceHealth } from '../../db/coverage-repo.js';
import { sumSeizures } from '../../db/seizure-sums-repo.js';
import { html } from '../html.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { csrfField, page } from '../views/layout.js';
import { coverageBody, coveragePeriod, healthTable } from '../views/ops-view.js';
import { seizureCsv } from '../views/seizures-view.js';

const monthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM')
    .optional(),
});

/** The previous bulletin's item counts replace the previous month's approved drafts. */
function withPreviousBulletin(
  rows: readonly CountryCoverage[],
  previous: ReadonlyMap<string, number>,
): CountryCoverage[] {
  const countries = new Set([...rows.map((row) => row.country), ...previous.keys()]);
  return [...countries].map((country) => ({
    ...(rows.find((row) => row.country === country) ?? { country, approved: 0, fresh: 0 }),
    previous: previous.get(country) ?? 0,
  }));
}

export function registerOpsRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  const coverage = async (month: string | undefined) => {
    const period = coveragePeriod(month ?? deps.now().toISOString().slice(0, 7));
    const rows = await countCoverage(deps.db, period, period.previous);
    const previousBulletin = await countItemsOfBulletinBefore(deps.db, period.from);
    return {
      period,
      rows: previousBulletin ? withPreviousBulletin(rows, previousBulletin) : rows,
      seizures: await sumSeizures(deps.db, period),
    };
  };

  const sourcesWithConfig = async () => {
    const declared = new Map(deps.loadSources().map((source) => [source.id, source]));
    const health = await listSourceHealth(deps.db);
    // Declared sources that never ran are shown too.
    for (const id of declared.keys()) {
      if (!health.some((row) => row.source_id === id)) {
        health.push({
          source_id: id,
          last_run_at: null,
          last_status: null,
          last_error: null,
          error_streak: 0,
          items_found: 0,
          last_relevant_at: null,
        });
      }
    }
    const config = new Map(
      [...declared].map(([id, source]) => [id, { enabled: source.enabled, schedule: source.schedule }]),
    );
    return { declared, config, health: health.sort((a, b) => a.source_id.localeCompare(b.source_id)) };
  };

  app.get('/coverage', async (request, reply) => {
    const { period, rows, seizures } = await coverage(monthQuery.parse(request.query).month);
    const { config, health } = await sourcesWithConfig();
    const body = coverageBody({ period, rows, seizures, health, config, now: deps.now() });
    return sendPage(reply, 200, page({ title: 'Coverage', user: request.user!, active: '/coverage', body }));
  });

  app.get('/api/coverage', async (request) => coverage(monthQuery.parse(request.query).month));

  // The month's seizures per country and substance, for a spreadsheet.
  app.get('/coverage/seizures.csv', async (request, reply) => {
    const { period, seizures } = await coverage(monthQuery.parse(request.query).month);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="seizures-${period.month}.csv"`)
      .send(seizureCsv(period.month, seizures));
  });

  const showSources = async (request: FastifyRequest, reply: FastifyReply, status = 200, notice?: string) => {
    const { config, health } = await sourcesWithConfig();
    const runForm = deps.runSource
      ? (sourceId: string) =>
          html`<form method="post" action="/sources/${sourceId}/run" class="inline">${csrfField(request.user!)}<button type="submit">Run now</button></form>`
      : undefined;
    const body = html`<h1>Sources</h1>
${notice ? html`<p class="notice" role="status">${notice}</p>` : ''}
${healthTable(health, deps.now(), config, runForm)}
${deps.queueDashboard ? html`<p><a href="/admin/queues">Queues (Bull Board)</a></p>` : html`<p>Embedded mode: no queues to watch.</p>`}`;
    return sendPage(reply, status, page({ title: 'Sources', user: request.user!, active: '/sources', body }));
  };

  app.get('/sources', { config: { role: 'operator' } }, async (request, reply) =>
    showSources(request, reply),
  );

  /** Starts a crawl of a declared source; undefined when there is no such source. */
  const runNow = async (id: string): Promise<string | undefined> => {
    const source = deps.loadSources().find((candidate) => candidate.id === id);
    if (!source || !deps.runSource) return undefined;
    return deps.runSource(source);
  };

  app.post<{ Params: { id: string } }>(
    '/sources/:id/run',
    { config: { role: 'operator' } },
    async (request, reply) => {
      const outcome = await runNow(request.params.id);
      if (outcome === undefined) return reply.callNotFound();
      await auditAction(deps.db, {
        articleId: null,
        actor: request.user!,
        action: 'run_source',
        after: { source: request.params.id },
      });
      return showSources(request, reply, 200, outcome);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/api/sources/:id/run',
    { config: { role: 'operator' } },
    async (request, reply) => {
      const outcome = await runNow(request.params.id);
      if (outcome === undefined)
        return reply.code(404).send({ error: 'no such source, or no way to run it here' });
      await auditAction(deps.db, {
        articleId: null,
        actor: request.user!,
        action: 'run_source',
        after: { source: request.params.id },
      });
      return reply.code(202).send({ started: outcome });
    },
  );

  app.get('/api/sources', { config: { role: 'operator' } }, async () => {
    const { declared, health } = await sourcesWithConfig();
    return health.map((row) => ({
      ...row,
      enabled: declared.get(row.source_id)?.enabled ?? null,
      schedule: declared.get(row.source_id)?.schedule ?? null,
    }));
  });
}
