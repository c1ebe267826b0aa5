import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { planBulkReview, type ReviewAction } from '../../db/item-actions-repo.js';
import { countQueue, DEFAULT_PAGE_SIZE, listFilterOptions, listQueue } from '../../db/queue-repo.js';
import { listQueueStories } from '../../db/queue-stories-repo.js';
import { decisionNotice } from '../decision-notice.js';
import { reviewWithEnglish } from '../english.js';
import { queueQuerySchema, toQueueFilters } from '../filters.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { page } from '../views/layout.js';
import { bulkConfirmBody, bulkResultNotice, queueBody } from '../views/queue-view.js';

const idList = z.preprocess(
  (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]),
  z.array(z.coerce.number().int().positive()).max(1000),
);

const bulkSchema = z.object({
  ids: idList,
  action: z.enum(['approve', 'reject']),
  reason: z.string().max(2000).optional(),
  back: z.string().optional(),
  /** The form's second step: the analyst saw how many items change and confirmed. */
  confirm: z.literal('yes').optional(),
});

const count = z.coerce.number().int().min(0).max(100_000).optional().catch(undefined);
/** What the queue page says on arrival: after a decision on an item page, after a bulk action. Numbers only. */
const noticeSchema = z.object({
  after: z.coerce.number().int().positive().optional().catch(undefined),
  bulk: z.enum(['approve', 'reject']).optional().catch(undefined),
  done: count,
  covered: count,
  skipped: count,
});

interface BulkResult {
  done: number[];
  covered: number[];
  skipped: Array<{ id: number; reason: string }>;
}

async function bulkReview(
  deps: ReviewDeps,
  ids: number[],
  action: ReviewAction,
  reason: string | undefined,
  actor: { id: number; name: string },
): Promise<BulkResult> {
  const results: BulkResult = { done: [], covered: [], skipped: [] };
  for (const id of ids) {
    // A report covered by an earlier one of the same selection is settled already.
    if (results.covered.includes(id)) continue;
    const outcome = await reviewWithEnglish(deps, id, action, actor, { reason });
    if (outcome.kind === 'ok') {
      results.done.push(id);
      results.covered.push(...(outcome.covered ?? []));
    } else results.skipped.push({ id, reason: outcome.kind === 'invalid' ? outcome.message : outcome.kind });
  }
  return results;
}

/** The API's summary line: the same words as the page's. */
function bulkMessage(action: ReviewAction, result: BulkResult): string {
  return bulkResultNotice({
    action,
    done: result.done.length,
    covered: result.covered.length,
    skipped: result.skipped.length,
  });
}

const backOf = (back: string | undefined) => (back?.startsWith('?') ? back : '');

async function noticeOf(deps: ReviewDeps, query: unknown): Promise<string | undefined> {
  const notice = noticeSchema.parse(query);
  if (notice.bulk) {
    return bulkResultNotice({
      action: notice.bulk,
      done: notice.done ?? 0,
      covered: notice.covered ?? 0,
      skipped: notice.skipped ?? 0,
    });
  }
  return notice.after ? decisionNotice(deps.db, notice.after, true) : undefined;
}

async function showQueue(deps: ReviewDeps, request: FastifyRequest, reply: FastifyReply) {
  const query = queueQuerySchema.parse(request.query);
  const filters = toQueueFilters(query, deps.search);
  const [{ rows, total }, counts, options] = [
    await listQueueStories(deps.db, filters),
    await countQueue(deps.db, filters),
    await listFilterOptions(deps.db),
  ];
  const body = queueBody({
    user: request.user!,
    query,
    rows,
    total,
    pageSize: filters.pageSize ?? DEFAULT_PAGE_SIZE,
    counts,
    options,
    notice: await noticeOf(deps, request.query),
  });
  return sendPage(reply, 200, page({ title: 'Queue', user: request.user!, active: '/queue', body }));
}

export function registerQueueRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/queue', async (request, reply) => showQueue(deps, request, reply));

  /** Every report, one per line (the stories stage is in `story_id`). */
  app.get('/api/items', async (request) => {
    const query = queueQuerySchema.parse(request.query);
    const filters = toQueueFilters(query, deps.search);
    const { items, total } = await listQueue(deps.db, filters);
    return { items, total, page: query.page ?? 1, page_size: filters.pageSize ?? DEFAULT_PAGE_SIZE };
  });

  /** The queue as the page shows it: one row per story, with its reports. */
  app.get('/api/queue', async (request) => {
    const query = queueQuerySchema.parse(request.query);
    const filters = toQueueFilters(query, deps.search);
    const { rows, total } = await listQueueStories(deps.db, filters);
    return { rows, total, page: query.page ?? 1, page_size: filters.pageSize ?? DEFAULT_PAGE_SIZE };
  });

  app.get('/api/counts', async (request) =>
    countQueue(deps.db, toQueueFilters(queueQuerySchema.parse(request.query), deps.search)),
  );

  // Two steps: the first names how many items would change (or that none would), the confirmed second acts.
  app.post('/queue/bulk', async (request, reply) => {
    const form = bulkSchema.parse(request.body);
    const back = backOf(form.back);
    if (form.confirm !== 'yes') {
      const body = bulkConfirmBody({
        user: request.user!,
        action: form.action,
        ids: form.ids,
        reason: form.reason?.trim() || undefined,
        back,
        plan: await planBulkReview(deps.db, form.ids, form.action),
      });
      return sendPage(reply, 200, page({ title: 'Confirm', user: request.user!, active: '/queue', body }));
    }
    const result = await bulkReview(deps, form.ids, form.action, form.reason, request.user!);
    const params = new URLSearchParams(back.slice(1));
    params.set('bulk', form.action);
    params.set('done', String(result.done.length));
    params.set('covered', String(result.covered.length));
    params.set('skipped', String(result.skipped.length));
    return reply.redirect(`/queue?${params}`, 303);
  });

  app.post('/api/items/bulk', async (request) => {
    const body = bulkSchema.parse(request.body);
    const result = await bulkReview(deps, body.ids, body.action, body.reason, request.user!);
    return { ...result, changed: result.done.length > 0, message: bulkMessage(body.action, result) };
  });
}
