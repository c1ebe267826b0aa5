import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ReviewAction } from '../../db/item-actions-repo.js';
import { countQueue, DEFAULT_PAGE_SIZE, listFilterOptions, listQueue } from '../../db/queue-repo.js';
import { reviewWithEnglish } from '../english.js';
import { queueQuerySchema, toQueueFilters } from '../filters.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { page } from '../views/layout.js';
import { queueBody } from '../views/queue-view.js';

const idList = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
  z.array(z.coerce.number().int().positive()).max(1000),
);

const bulkSchema = z.object({
  ids: idList,
  action: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).optional(),
  back: z.string().optional(),
});

async function bulkReview(
  deps: ReviewDeps,
  ids: number[],
  action: ReviewAction,
  reason: string | undefined,
  actor: { id: number; name: string },
) {
  const results = { done: [] as number[], skipped: [] as Array<{ id: number; reason: string }> };
  for (const id of ids) {
    const outcome = await reviewWithEnglish(deps, id, action, actor, { reason });
    if (outcome.kind === 'ok') results.done.push(id);
    else results.skipped.push({ id, reason: outcome.kind === 'invalid' ? outcome.message : outcome.kind });
  }
  return results;
}

export function registerQueueRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/queue', async (request, reply) => {
    const query = queueQuerySchema.parse(request.query);
    const filters = toQueueFilters(query);
    const [{ items, total }, counts, options] = [
      await listQueue(deps.db, filters),
      await countQueue(deps.db, filters),
      await listFilterOptions(deps.db),
    ];
    const body = queueBody({
      user: request.user!,
      query,
      items,
      total,
      pageSize: filters.pageSize ?? DEFAULT_PAGE_SIZE,
      counts,
      options,
    });
    return sendPage(reply, 200, page({ title: 'Queue', user: request.user!, active: '/queue', body }));
  });

  app.get('/api/items', async (request) => {
    const query = queueQuerySchema.parse(request.query);
    const filters = toQueueFilters(query);
    const { items, total } = await listQueue(deps.db, filters);
    return { items, total, page: query.page ?? 1, page_size: filters.pageSize ?? DEFAULT_PAGE_SIZE };
  });

  app.get('/api/counts', async (request) =>
    countQueue(deps.db, toQueueFilters(queueQuerySchema.parse(request.query))),
  );

  app.post('/queue/bulk', async (request, reply) => {
    const form = bulkSchema.parse(request.body);
    await bulkReview(deps, form.ids, form.action, form.reason, request.user!);
    const back = form.back?.startsWith('?') ? form.back : '';
    return reply.redirect(`/queue${back}`, 303);
  });

  app.post('/api/items/bulk', async (request) => {
    const body = bulkSchema.parse(request.body);
    return bulkReview(deps, body.ids, body.action, body.reason, request.user!);
  });
}
