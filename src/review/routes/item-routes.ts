import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listAudit } from '../../db/audit-repo.js';
import { moveToStory } from '../../db/item-actions-repo.js';
import {
  acceptEnglish,
  editItem,
  getItem,
  getSnapshot,
  type ItemEdit,
  listStoryPeers,
  type ReviewItem,
  type ReviewOutcome,
} from '../../db/items-repo.js';
import { countrySchema } from '../../domain/types.js';
import { addByUrl } from '../add-by-url.js';
import { englishOptions, reviewWithEnglish } from '../english.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { FetchRefusedError } from '../safe-fetch.js';
import { addBody } from '../views/forms-view.js';
import { itemBody } from '../views/item-view.js';
import { page } from '../views/layout.js';

const idParams = z.object({ id: z.coerce.number().int().positive() });
const actionParams = idParams.extend({ action: z.enum(['approve', 'reject', 'rescue']) });

const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value);
// Browsers send a textarea's line breaks as CRLF: stored text keeps the LF it was harvested with.
const text = (max: number) =>
  z.preprocess(
    (value) => blankToNull(typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : value),
    z.string().max(max).nullable(),
  );
/** A form's `datetime-local` is UTC without a zone; the API may send any ISO 8601 moment. */
const moment = z.preprocess((value) => {
  const blank = blankToNull(value);
  if (typeof blank !== 'string') return blank;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(blank)) return `${blank}:00Z`;
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(blank) ? `${blank}Z` : blank;
}, z.iso.datetime({ offset: true }).nullable());

const editSchema = z.object({
  version: z.coerce.number().int().positive(),
  title_en: text(1000).optional(),
  body_en: text(200_000).optional(),
  country: z.preprocess(blankToNull, countrySchema.nullable()).optional(),
  published_at: moment.optional(),
});

const acceptSchema = z.object({
  choice: z.enum(['own', 'report', 'template']),
  version: z.coerce.number().int().positive().optional(),
});

const actionSchema = z.object({
  reason: z.string().max(2000).optional(),
  version: z.coerce.number().int().positive().optional(),
});

/** Fields left out keep their current value (the API may send only what changed). */
function toEdit(input: z.infer<typeof editSchema>, current: ReviewItem): ItemEdit {
  return {
    titleEn: input.title_en === undefined ? current.title_en : input.title_en,
    bodyEn: input.body_en === undefined ? current.body_en : input.body_en,
    country: input.country === undefined ? current.country : input.country,
    publishedAt:
      input.published_at === undefined ? (current.published_at?.toISOString() ?? null) : input.published_at,
  };
}

/** The form always shows the English: saving it reviews whatever suggestion stays in it. */
const reviewsEnglish = (input: z.infer<typeof editSchema>) =>
  input.title_en !== undefined && input.body_en !== undefined;

async function renderItem(
  deps: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  item: ReviewItem,
  status = 200,
  extra: { notice?: string; conflict?: ItemEdit } = {},
) {
  const audit = await listAudit(deps.db, item.id);
  const story = await listStoryPeers(deps.db, item.id);
  const options = await englishOptions(deps.db, deps.english, item);
  const body = itemBody({ user: request.user!, item, audit, story, englishOptions: options, ...extra });
  return sendPage(reply, status, page({ title: `#${item.id}`, user: request.user!, active: '/queue', body }));
}

function outcomeStatus(outcome: ReviewOutcome): number {
  return { ok: 200, missing: 404, conflict: 409, invalid: 409 }[outcome.kind];
}

function apiOutcome(reply: FastifyReply, outcome: ReviewOutcome, yours?: ItemEdit) {
  switch (outcome.kind) {
    case 'ok':
      return reply.send({ item: outcome.item });
    case 'missing':
      return reply.code(404).send({ error: 'no such item' });
    case 'conflict':
      return reply.code(409).send({
        error: `someone else changed this item: it is now at version ${outcome.current.version}`,
        current: outcome.current,
        ...(yours ? { yours } : {}),
      });
    case 'invalid':
      return reply.code(409).send({ error: outcome.message, current: outcome.current });
  }
}

export function registerItemRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/items/:id', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const item = await getItem(deps.db, id);
    if (!item) return reply.callNotFound();
    return renderItem(deps, request, reply, item);
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
    if (outcome.kind === 'conflict')
      return renderItem(deps, request, reply, outcome.current, 409, { conflict: edit });
    if (outcome.kind !== 'ok') return reply.callNotFound();
    return reply.redirect(`/items/${id}`, 303);
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
    if (outcome.kind === 'ok') return reply.redirect(`/items/${id}#english`, 303);
    const notice =
      outcome.kind === 'conflict'
        ? `Not done: someone else changed this item (now version ${outcome.current.version}).`
        : `Not done: ${outcome.message}.`;
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), { notice });
  });

  app.post('/api/items/:id/english/accept', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    return apiOutcome(reply, await accept(request, id));
  });

  app.post('/items/:id/:action', async (request, reply) => {
    const { id, action } = actionParams.parse(request.params);
    const input = actionSchema.parse(request.body ?? {});
    const outcome = await reviewWithEnglish(deps, id, action, request.user!, {
      reason: input.reason,
      expectedVersion: input.version,
    });
    if (outcome.kind === 'missing') return reply.callNotFound();
    if (outcome.kind === 'ok') return reply.redirect(`/items/${id}`, 303);
    const notice =
      outcome.kind === 'conflict'
        ? `Not done: someone else changed this item (now version ${outcome.current.version}). Check it and try again.`
        : `Not done: ${outcome.message}.`;
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), { notice });
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

  const storySchema = z.object({
    story: z.union([z.literal('new'), z.coerce.number().int().positive()]),
    version: z.coerce.number().int().positive().optional(),
    // A form sends 'on' for its checkbox, the API a boolean.
    whole_story: z.union([z.boolean(), z.literal('on').transform(() => true)]).optional(),
  });
  const moveOf = (request: FastifyRequest, id: number, input: z.infer<typeof storySchema>) =>
    moveToStory(deps.db, id, input.story, request.user!, input.version, input.whole_story ?? false);

  app.post('/items/:id/story', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = storySchema.parse(request.body);
    const outcome = await moveOf(request, id, input);
    if (outcome.kind === 'missing') return reply.callNotFound();
    if (outcome.kind === 'ok') return reply.redirect(`/items/${id}`, 303);
    const notice =
      outcome.kind === 'conflict'
        ? `Not done: someone else changed this item (now version ${outcome.current.version}).`
        : `Not done: ${outcome.message}.`;
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), { notice });
  });

  app.post('/api/items/:id/story', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = storySchema.parse(request.body);
    return apiOutcome(reply, await moveOf(request, id, input));
  });

  app.get('/add', async (request, reply) =>
    sendPage(
      reply,
      200,
      page({
        title: 'Add by URL',
        user: request.user!,
        active: '/add',
        body: addBody({ user: request.user! }),
      }),
    ),
  );

  const addSchema = z.object({ url: z.string().trim().min(1).max(4000) });

  app.post('/add', async (request, reply) => {
    const { url } = addSchema.parse(request.body);
    try {
      const { id } = await addByUrl(deps, url, request.user!);
      return reply.redirect(`/items/${id}`, 303);
    } catch (error) {
      if (!(error instanceof FetchRefusedError)) throw error;
      const body = addBody({ user: request.user!, url, error: `Not added: ${error.message}` });
      return sendPage(reply, 422, page({ title: 'Add by URL', user: request.user!, active: '/add', body }));
    }
  });

  app.post('/api/add', async (request, reply) => {
    const { url } = addSchema.parse(request.body);
    try {
      const { id, inserted } = await addByUrl(deps, url, request.user!);
      return { item: await getItem(deps.db, id), inserted };
    } catch (error) {
      if (!(error instanceof FetchRefusedError)) throw error;
      return reply.code(422).send({ error: error.message });
    }
  });
}
