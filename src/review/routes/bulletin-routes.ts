import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BulletinSelectionError,
  bulletinFormats,
  exportBulletin,
  loadBulletin,
} from '../../bulletin/export.js';
import {
  findBulletinByNumber,
  listBulletinSummaries,
  reorderBulletinItems,
  updateBulletinTexts,
} from '../../db/bulletins-repo.js';
import { auditAction } from '../../db/review-repo.js';
import type { ReviewDeps } from '../server.js';
import { sendPage } from '../server.js';
import { bulletinBody, bulletinsBody, MAX_OPENING_TEXT } from '../views/bulletin-view.js';
import { page } from '../views/layout.js';

const numberParams = z.object({ number: z.coerce.number().int().positive() });
const exportParams = numberParams.extend({ format: z.enum(bulletinFormats) });
const exportQuery = z.object({ lang: z.enum(['en', 'ru']).optional() });
const moveParams = numberParams.extend({ itemId: z.coerce.number().int().positive() });
const moveBody = z.object({ direction: z.enum(['up', 'down']) });
const textsBody = z.object({
  paragraph: z.enum(['counts_line', 'topics']),
  // Empty restores the generated text.
  text: z.string().max(MAX_OPENING_TEXT),
});
const assembleBody = z.object({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM'),
  // The form's empty field means "the next number".
  number: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.coerce.number().int().positive().optional(),
  ),
});

/** The ids in their new order, `itemId` swapped with its neighbour; unchanged at either end. */
function moveWithin(ids: readonly number[], itemId: number, direction: 'up' | 'down'): number[] {
  const from = ids.indexOf(itemId);
  const to = direction === 'up' ? from - 1 : from + 1;
  const moved = [...ids];
  if (to < 0 || to >= ids.length) return moved;
  [moved[from], moved[to]] = [moved[to]!, moved[from]!];
  return moved;
}

/** Bulletins in the review workspace: list and assemble, order items within a country, export. */
export function registerBulletinRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  const showList = async (request: FastifyRequest, reply: FastifyReply, status = 200, error?: string) => {
    const body = bulletinsBody({
      user: request.user!,
      bulletins: await listBulletinSummaries(deps.db),
      error,
    });
    return sendPage(
      reply,
      status,
      page({ title: 'Bulletins', user: request.user!, active: '/bulletins', body }),
    );
  };

  app.get('/bulletins', async (request, reply) => showList(request, reply));

  app.post('/bulletins', async (request, reply) => {
    const input = assembleBody.safeParse(request.body);
    if (!input.success) {
      const issue = input.error.issues[0];
      return showList(request, reply, 400, `${issue?.path.join('.')}: ${issue?.message}`);
    }
    try {
      const { bulletin } = await loadBulletin(deps.db, {
        number: input.data.number,
        period: input.data.month,
      });
      return reply.redirect(`/bulletins/${bulletin.number}`, 303);
    } catch (error) {
      if (error instanceof BulletinSelectionError) return showList(request, reply, 400, error.message);
      throw error;
    }
  });

  app.get('/bulletins/:number', async (request, reply) => {
    const { number } = numberParams.parse(request.params);
    if (!(await findBulletinByNumber(deps.db, number))) return reply.callNotFound();
    const { bulletin, warnings, editedTexts } = await loadBulletin(deps.db, { number });
    const body = bulletinBody({ user: request.user!, bulletin, warnings, editedTexts });
    return sendPage(
      reply,
      200,
      page({ title: `Bulletin #${number}`, user: request.user!, active: '/bulletins', body }),
    );
  });

  app.post('/bulletins/:number/items/:itemId/move', async (request, reply) => {
    const { number, itemId } = moveParams.parse(request.params);
    const { direction } = moveBody.parse(request.body);
    const row = await findBulletinByNumber(deps.db, number);
    if (!row) return reply.callNotFound();
    const { bulletin } = await loadBulletin(deps.db, { number });
    const group = [...bulletin.sections.map((section) => section.items), bulletin.other].find((entries) =>
      entries.some((entry) => entry.id === itemId),
    );
    if (!group) return reply.callNotFound();
    await reorderBulletinItems(
      deps.db,
      row.id,
      moveWithin(
        group.flatMap((entry) => (entry.id === null ? [] : [entry.id])),
        itemId,
        direction,
      ),
    );
    await auditAction(deps.db, {
      articleId: null,
      actor: request.user!,
      action: 'reorder_bulletin',
      after: { bulletin: number, item: itemId, direction },
    });
    return reply.redirect(`/bulletins/${number}#item-${itemId}`, 303);
  });

  app.post('/bulletins/:number/texts', async (request, reply) => {
    const { number } = numberParams.parse(request.params);
    const input = textsBody.safeParse(request.body);
    if (!input.success) return reply.code(400).send({ error: 'expected a paragraph and its text' });
    const row = await findBulletinByNumber(deps.db, number);
    if (!row) return reply.callNotFound();
    const text = input.data.text.trim() || null;
    await updateBulletinTexts(
      deps.db,
      row.id,
      input.data.paragraph === 'counts_line' ? { countsLine: text } : { topics: text },
    );
    await auditAction(deps.db, {
      articleId: null,
      actor: request.user!,
      action: 'edit_bulletin_text',
      after: { bulletin: number, paragraph: input.data.paragraph, text },
    });
    return reply.redirect(`/bulletins/${number}#opening`, 303);
  });

  app.get('/bulletins/:number/export.:format', async (request, reply) => {
    const { number, format } = exportParams.parse(request.params);
    const { lang } = exportQuery.parse(request.query);
    if (!(await findBulletinByNumber(deps.db, number))) return reply.callNotFound();
    const result = await exportBulletin(deps.db, { number, format, lang });
    return reply
      .type(result.contentType)
      .header('content-disposition', `attachment; filename="${result.fileName}"`)
      .send(result.bytes);
  });
}
