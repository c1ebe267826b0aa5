import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ACTIVITY_PAGE_SIZE,
  type ActivityFilters,
  iterateActivity,
  listActivity,
  listActivityChoices,
} from '../../db/activity-repo.js';
import type { Queryable } from '../../db/database.js';
import { ACCOUNT_ACTIONS } from '../../domain/accounts.js';
import { hasRole } from '../auth.js';
import { CSV_BOM, csvRow } from '../csv.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { activityBody } from '../views/activity-view.js';
import { page } from '../views/layout.js';

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)), 'not a calendar day');

/** Filters of the activity page, the API and the CSV export; blank fields mean "any". */
const activityQuerySchema = z.preprocess(
  (query) =>
    Object.fromEntries(
      Object.entries((query ?? {}) as Record<string, unknown>).filter(
        ([, value]) => !(typeof value === 'string' && value.trim() === ''),
      ),
    ),
  z.object({
    person: z.string().max(200).optional(),
    action: z.string().max(100).optional(),
    from: isoDay.optional(),
    to: isoDay.optional(),
    page: z.coerce.number().int().min(1).max(100_000).optional(),
  }),
);

/**
 * Analysts and up see what was done to items, bulletins and sources; logins (with client addresses) and
 * account changes are for admins.
 */
function filtersFor(request: FastifyRequest): {
  query: z.infer<typeof activityQuerySchema>;
  filters: ActivityFilters;
} {
  const query = activityQuerySchema.parse(request.query);
  const hidden = hasRole(request.user!, 'admin') ? [] : ACCOUNT_ACTIONS;
  return {
    query,
    filters: { person: query.person, action: query.action, from: query.from, to: query.to, hidden },
  };
}

const CSV_HEADER = ['time_utc', 'person', 'action', 'item_id', 'item_title', 'item_url', 'before', 'after'];

async function* activityCsv(db: Queryable, filters: ActivityFilters): AsyncGenerator<string> {
  yield CSV_BOM + csvRow(CSV_HEADER);
  for await (const entry of iterateActivity(db, filters)) {
    yield csvRow([
      entry.created_at.toISOString(),
      entry.user_name,
      entry.action,
      entry.article_id,
      entry.item_title,
      entry.item_url,
      entry.before ? JSON.stringify(entry.before) : '',
      entry.after ? JSON.stringify(entry.after) : '',
    ]);
  }
}

/** The global activity log: who did what to which item, by person, action and period; CSV export. */
export function registerActivityRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/activity', async (request, reply) => {
    const { query, filters } = filtersFor(request);
    const { entries, total } = await listActivity(deps.db, filters, query.page ?? 1);
    const choices = await listActivityChoices(deps.db, filters.hidden);
    const body = activityBody({
      query,
      entries,
      total,
      pageSize: ACTIVITY_PAGE_SIZE,
      ...choices,
      accountActionsShown: filters.hidden?.length === 0,
      today: deps.now(),
    });
    return sendPage(reply, 200, page({ title: 'Activity', user: request.user!, active: '/activity', body }));
  });

  app.get('/api/activity', async (request) => {
    const { query, filters } = filtersFor(request);
    const { entries, total } = await listActivity(deps.db, filters, query.page ?? 1);
    return { entries, total, page: query.page ?? 1, page_size: ACTIVITY_PAGE_SIZE };
  });

  app.get('/activity.csv', async (request, reply) => {
    const { query, filters } = filtersFor(request);
    const period = [query.from, query.to].filter(Boolean).join('_to_') || 'all';
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="activity-${period}.csv"`)
      .send(Readable.from(activityCsv(deps.db, filters)));
  });
}
