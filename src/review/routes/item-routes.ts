import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listAudit } from '../../db/audit-repo.js';
import {
  acceptEnglish,
  editItem,
  getItem,
  getSnapshot,
  type ItemEdit,
  listStoryPeers,
  type ReviewItem,
} from '../../db/items-repo.js';
import { nextQueueRow } from '../../db/queue-stories-repo.js';
import { ISO_DATE_EXPECTED, parseIsoDate } from '../../domain/iso-date.js';
import { usableZone } from '../../domain/local-time.js';
import { countrySchema } from '../../domain/types.js';
import { TranslationError } from '../../translation/translator.js';
import { decisionNotice } from '../decision-notice.js';
import { englishOptions, machineTranslation, reviewWithEnglish } from '../english.js';
import { parseQueueContext, queryString, toQueueFilters } from '../filters.js';
import type { ReviewDeps } from '../review-deps.js';
import { apiOutcome, idParams, itemUrl, notDone, outcomeStatus, renderItem } from './item-render.js';

const actionParams = idParams.extend({ action: z.enum(['approve', 'reject', 'rescue']) });

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
// Browsers send a textarea's line breaks as CRLF: stored text keeps the LF it was harvested with.
const text = (max: number) =>
  z.preprocess(
    (value) => blankToNull(typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value),
    z.string().max(max).nullable(),
  );
/**
 * ISO 8601: a form's `datetime-local` (no offset) is the wall clock of the item's source, as the form shows it; the
 * API may also send a moment with its offset.
 */
const moment = z.preprocess(
  blankToNull,
  z
    .string()
    .max(40)
    .refine((value) => parseIsoDate(value, 'UTC') !== undefined, ISO_DATE_EXPECTED)
    .nullable(),
);

const editSchema = z.object({
  version: z.coerce.number().int().positive(),
  title_en: text(1000).optional(),
  body_en: text(200_000).optional(),
  country: z.preprocess(blankToNull, countrySchema.nullable()).optional(),
  published_at: moment.optional(),
  queue: z.string().max(2000).optional(),
});

const acceptSchema = z.object({
  choice: z.enum(['own', 'report', 'template']),
  version: z.coerce.number().int().positive().optional(),
});

const actionSchema = z.object({
  reason: z.string().max(2000).optional(),
  version: z.coerce.number().int().positive().optional(),
  /** The queue the page was opened from: after the decision, its next row opens. */
  queue: z.string().max(2000).optional(),
});

const itemQuerySchema = z.object({
  queue: z.string().max(2000).optional(),
  after: z.coerce.number().int().positive().optional().catch(undefined),
  story_q: z.string().max(200).optional(),
});

/** Fields left out keep their current value (the API may send only what changed). */
function toEdit(input: z.infer<typeof editSchema>, current: ReviewItem): ItemEdit {
  return {
    titleEn: input.title_en === undefined ? current.title_en : input.title_en,
    bodyEn: input.body_en === undefined ? current.body_en : input.body_en,
    country: input.country === undefined ? current.country : input.country,
    publishedAt:
      input.published_at === undefined
        ? (current.published_at?.toISOString() ?? null)
        : input.published_at === null
          ? null
          : parseIsoDate(input.published_at, usableZone(current.timezone))!.toISOString(),
  };
}

/** The form always shows the English: saving it reviews whatever suggestion stays in it. */
const reviewsEnglish = (input: z.infer<typeof editSchema>) =>
  input.title_en !== undefined && input.body_en !== undefined;

/**
 * After a decision taken from a queue: the next row of that queue (found before the decision, while the item still
 * matches), with a line on what was done; at the end of the queue, the queue itself.
 */
async function decideAndGoOn(
  deps: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  id: number,
  action: 'approve' | 'reject' | 'rescue',
  input: z.infer<typeof actionSchema>,
) {
  const context = parseQueueContext(input.queue);
  const next = context ? await nextQueueRow(deps.db, toQueueFilters(context, deps.search), id) : undefined;
  const outcome = await reviewWithEnglish(deps, id, action, request.user!, {
    reason: input.reason,
    expectedVersion: input.version,
  });
  if (outcome.kind === 'missing') return reply.callNotFound();
  if (outcome.kind !== 'ok') {
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), {
      notice: notDone(outcome),
      context,
    });
  }
  if (!context) return reply.redirect(`/items/${id}`, 303);
  if (next === undefined) {
    const params = new URLSearchParams(queryString(context, {}).slice(1));
    params.set('after', String(id));
    return reply.redirect(`/queue?${params}`, 303);
  }
  return reply.redirect(`${itemUrl(next, context)}&after=${id}`, 303);
}

export function registerItemRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/items/:id', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const query = itemQuerySchema.parse(request.query);
    const item = await getItem(deps.db, id);
    if (!item) return reply.callNotFound();
    return renderItem(deps, request, reply, item, 200, {
      context: parseQueueContext(query.queue),
      notice: query.after ? await decisionNotice(deps.db, query.after) : undefined,
      storyQuery: query.story_q?.trim() || undefined,
    });
  });

  // The page as fetched, for comparison: sandboxed, so none of its scripts, forms or plugins can run.
  app.get('/items/:id/snapshot', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const snapshot = await getSnapshot(deps.db, id);
    if (!snapshot) return reply.callNotFound();
    return reply
      .header('content-security-policy', "sandbox; default-src 'none'; style-src 'unsafe-inline'")
      .type('text/html; charset=utf-8')
      .send(snapshot.html);
  });

  app.get('/api/items/:id', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const item = await getItem(deps.db, id);
    if (!item) return reply.code(404).send({ error: 'no such item' });
    const { storyId, peers } = await listStoryPeers(deps.db, id);
    return { item, audit: await listAudit(deps.db, id), story: { id: storyId, also_reported_by: peers } };
  });

  app.post('/items/:id/edit', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = editSchema.parse(request.body);
    const current = await getItem(deps.db, id);
    if (!current) return reply.callNotFound();
    const edit = toEdit(input, current);
    const outcome = await editItem(deps.db, id, input.version, edit, request.user!, {
      englishReviewed: reviewsEnglish(input),
    });
    const context = parseQueueContext(input.queue);
    if (outcome.kind === 'conflict')
      return renderItem(deps, request, reply, outcome.current, 409, { conflict: edit, context });
    if (outcome.kind !== 'ok') return reply.callNotFound();
    return reply.redirect(itemUrl(id, context), 303);
  });

  app.patch('/api/items/:id', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = editSchema.parse(request.body);
    const current = await getItem(deps.db, id);
    if (!current) return reply.code(404).send({ error: 'no such item' });
    const edit = toEdit(input, current);
    const outcome = await editItem(deps.db, id, input.version, edit, request.user!, {
      englishReviewed: reviewsEnglish(input),
    });
    return apiOutcome(reply, outcome, edit);
  });

  /** Takes one of the item's English options (worked out here again: the browser only names which). */
  const accept = async (request: FastifyRequest, id: number) => {
    const input = acceptSchema.parse(request.body ?? {});
    const item = await getItem(deps.db, id);
    if (!item) return { kind: 'missing' } as const;
    const option = (await englishOptions(deps.db, deps.english, item)).find((o) => o.choice === input.choice);
    if (!option)
      return { kind: 'invalid', current: item, message: `there is no ${input.choice} English` } as const;
    return acceptEnglish(deps.db, id, option.candidate, request.user!, input.version);
  };

  app.post('/items/:id/english/accept', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const outcome = await accept(request, id);
    if (outcome.kind === 'missing') return reply.callNotFound();
    const context = parseQueueContext((request.body as { queue?: unknown } | undefined)?.queue);
    if (outcome.kind === 'ok') return reply.redirect(`${itemUrl(id, context)}#english`, 303);
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), {
      notice: notDone(outcome),
      context,
    });
  });

  /** The engine's English of the title and body, kept as a suggestion for the analyst to review. */
  const translate = async (request: FastifyRequest, id: number) => {
    const version = actionSchema.parse(request.body ?? {}).version;
    const item = await getItem(deps.db, id);
    if (!item) return { kind: 'missing' } as const;
    try {
      const candidate = await machineTranslation(deps.english, item);
      if (!candidate) {
        return {
          kind: 'invalid',
          current: item,
          message: 'no translation engine is configured for this item',
        } as const;
      }
      return acceptEnglish(deps.db, id, candidate, request.user!, version, { reviewed: false });
    } catch (error) {
      if (!(error instanceof TranslationError)) throw error;
      return { kind: 'invalid', current: item, message: `the translation failed: ${error.message}` } as const;
    }
  };

  app.post('/items/:id/english/translate', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const outcome = await translate(request, id);
    if (outcome.kind === 'missing') return reply.callNotFound();
    if (outcome.kind === 'ok') return reply.redirect(`/items/${id}#english`, 303);
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), {
      notice: notDone(outcome),
    });
  });

  app.post('/api/items/:id/english/translate', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    return apiOutcome(reply, await translate(request, id));
  });

  app.post('/api/items/:id/english/accept', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    return apiOutcome(reply, await accept(request, id));
  });

  app.post('/items/:id/:action', async (request, reply) => {
    const { id, action } = actionParams.parse(request.params);
    return decideAndGoOn(deps, request, reply, id, action, actionSchema.parse(request.body ?? {}));
  });

  app.post('/api/items/:id/:action', async (request, reply) => {
    const { id, action } = actionParams.parse(request.params);
    const input = actionSchema.parse(request.body ?? {});
    return apiOutcome(
      reply,
      await reviewWithEnglish(deps, id, action, request.user!, {
        reason: input.reason,
        expectedVersion: input.version,
      }),
    );
  });
}
