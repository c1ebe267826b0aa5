import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { moveToStory } from '../../db/item-actions-repo.js';
import { getItem } from '../../db/items-repo.js';
import { searchStories } from '../../db/queue-stories-repo.js';
import { parseQueueContext } from '../filters.js';
import type { ReviewDeps } from '../review-deps.js';
import {
  apiOutcome,
  idParams,
  itemUrl,
  notDone,
  outcomeStatus,
  renderItem,
  storyWords,
} from './item-render.js';

const storySchema = z.object({
  story: z.union([z.literal('new'), z.coerce.number().int().positive()]),
  version: z.coerce.number().int().positive().optional(),
  // A form sends 'on' for its checkbox, the API a boolean.
  whole_story: z.union([z.boolean(), z.literal('on').transform(() => true)]).optional(),
  queue: z.string().max(2000).optional(),
});

const storySearchSchema = z.object({
  q: z.string().max(200).optional(),
  /** The item to move: its own story is left out, and without words the stories of its days come first. */
  item: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(50).optional(),
});

/** The analysts' corrections of the stories stage: move a report (picked from a search), split, merge. */
export function registerStoryRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  const moveOf = (request: FastifyRequest, id: number, input: z.infer<typeof storySchema>) =>
    moveToStory(deps.db, id, input.story, request.user!, input.version, input.whole_story ?? false);

  app.post('/items/:id/story', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = storySchema.parse(request.body);
    const context = parseQueueContext(input.queue);
    const outcome = await moveOf(request, id, input);
    if (outcome.kind === 'missing') return reply.callNotFound();
    if (outcome.kind === 'ok') return reply.redirect(`${itemUrl(id, context)}#story`, 303);
    return renderItem(deps, request, reply, outcome.current, outcomeStatus(outcome), {
      notice: notDone(outcome),
      context,
    });
  });

  app.post('/api/items/:id/story', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const input = storySchema.parse(request.body);
    return apiOutcome(reply, await moveOf(request, id, input));
  });

  // The picker's search, for scripts and the API: `?q=words&item=ID`.
  app.get('/api/stories', async (request, reply) => {
    const query = storySearchSchema.parse(request.query);
    const item = query.item === undefined ? undefined : await getItem(deps.db, query.item);
    if (query.item !== undefined && !item) return reply.code(404).send({ error: 'no such item' });
    const stories = await searchStories(deps.db, {
      words: storyWords(query.q),
      exclude: item?.story_id ?? null,
      near: item ? { publishedAt: item.published_at, country: item.country } : undefined,
      limit: query.limit,
    });
    return { stories };
  });
}
