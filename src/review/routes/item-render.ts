import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { listAudit } from '../../db/audit-repo.js';
import { type ItemEdit, listStoryPeers, type ReviewItem, type ReviewOutcome } from '../../db/items-repo.js';
import { searchStories } from '../../db/queue-stories-repo.js';
import { englishOptions, glossarySpans } from '../english.js';
import { type QueueQuery, queueContextParam } from '../filters.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { itemBody } from '../views/item-view.js';
import { page } from '../views/layout.js';

/** The item page and the answers of the item's actions, shared by the item and story routes. */

export const idParams = z.object({ id: z.coerce.number().int().positive() });

export interface ItemPageExtras {
  notice?: string | undefined;
  conflict?: ItemEdit | undefined;
  context?: QueueQuery | undefined;
  /** Words the story picker was asked for. */
  storyQuery?: string | undefined;
}

/** At most eight words of the picker's search, each as typed. */
export function storyWords(query: string | undefined): string[] {
  return (query ?? '')
    .split(/\s+/u)
    .filter((word) => word !== '')
    .slice(0, 8)
    .map((word) => word.slice(0, 100));
}

export async function renderItem(
  deps: ReviewDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  item: ReviewItem,
  status = 200,
  extra: ItemPageExtras = {},
) {
  const audit = await listAudit(deps.db, item.id);
  const story = await listStoryPeers(deps.db, item.id);
  const options = await englishOptions(deps.db, deps.english, item);
  const storyChoices = await searchStories(deps.db, {
    words: storyWords(extra.storyQuery),
    exclude: item.story_id,
    near: { publishedAt: item.published_at, country: item.country },
    limit: 12,
  });
  const body = itemBody({
    user: request.user!,
    item,
    audit,
    story,
    englishOptions: options,
    glossary: glossarySpans(deps.english, item),
    translator: deps.english.translator?.name,
    storyChoices,
    ...extra,
  });
  return sendPage(reply, status, page({ title: `#${item.id}`, user: request.user!, active: '/queue', body }));
}

/** An item page's address, in its queue when it has one. */
export function itemUrl(id: number, context: QueueQuery | undefined): string {
  return context ? `/items/${id}?${queueContextParam(context)}` : `/items/${id}`;
}

export function outcomeStatus(outcome: ReviewOutcome): number {
  return { ok: 200, missing: 404, conflict: 409, invalid: 409 }[outcome.kind];
}

/** The page's line for an action that was not done. */
export function notDone(outcome: Exclude<ReviewOutcome, { kind: 'ok' } | { kind: 'missing' }>): string {
  return outcome.kind === 'conflict'
    ? `Not done: someone else changed this item (now version ${outcome.current.version}). Check it and try again.`
    : `Not done: ${outcome.message}.`;
}

export function apiOutcome(reply: FastifyReply, outcome: ReviewOutcome, yours?: ItemEdit) {
  switch (outcome.kind) {
    case 'ok':
      return reply.send({ item: outcome.item, ...(outcome.covered ? { covered: outcome.covered } : {}) });
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
