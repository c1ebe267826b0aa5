import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BulletinSelectionError,
  bulletinFormats,
  exportBulletin,
  loadBulletin,
} from '../../bulletin/export.js';
import { auditAction } from '../../db/audit-repo.js';
import {
  findBulletinByNumber,
  listBulletinSummaries,
  listStoryReports,
  reorderBulletinItems,
  updateBulletinItem,
  updateBulletinTexts,
} from '../../db/bulletins-repo.js';
import { getItem } from '../../db/items-repo.js';
import { countrySchema } from '../../domain/types.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { bulletinBody, bulletinItemBody, bulletinsBody, MAX_OPENING_TEXT } from '../views/bulletin-view.js';
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
const printedText = (max: number) =>
  z.preprocess((value) => {
    if (typeof value !== 'string') return value;
    const text = value.replace(/\r\n?/g, '\n').trim();
    return text === '' ? null : text;
  }, z.string().max(max).nullable());
const itemBody = z.object({
  title: printedText(1000).optional(),
  body: printedText(200_000).optional(),
  url: printedText(4000)
    .refine((url) => url === null || /^https?:\/\//i.test(url), 'an http(s) address')
    .optional(),
  country: z.union([countrySchema, z.literal('other')]).optional(),
});
const reportBody = z.object({ article: z.coerce.number().int().positive() });
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

  /** The entry of a bulletin, with the warnings that concern it. */
  const findEntry = async (number: number, itemId: number) => {
    const loaded = await loadBulletin(deps.db, { number });
    const entry = [
      ...loaded.bulletin.sections.flatMap((section) => section.items),
      ...loaded.bulletin.other,
    ].find((candidate) => candidate.id === itemId);
    return entry && { entry, warnings: loaded.warnings.filter((warning) => warning.itemId === itemId) };
  };

  app.get('/bulletins/:number/items/:itemId', async (request, reply) => {
    const { number, itemId } = moveParams.parse(request.params);
    if (!(await findBulletinByNumber(deps.db, number))) return reply.callNotFound();
    const found = await findEntry(number, itemId);
    if (!found) return reply.callNotFound();
    const article = found.entry.articleId ? await getItem(deps.db, found.entry.articleId) : undefined;
    const reports = article?.story_id ? await listStoryReports(deps.db, article.story_id) : [];
    const body = bulletinItemBody({
      user: request.user!,
      number,
      entry: found.entry,
      original: article && { title: article.title, body: article.body, lang: article.lang },
      reports,
      warnings: found.warnings,
    });
    return sendPage(
      reply,
      200,
      page({ title: `Bulletin #${number}`, user: request.user!, active: '/bulletins', body }),
    );
  });

  const editPrinted = async (request: FastifyRequest, number: number, itemId: number) => {
    const input = itemBody.parse(request.body ?? {});
    await updateBulletinItem(deps.db, itemId, input);
    await auditAction(deps.db, {
      articleId: null,
      actor: request.user!,
      action: 'edit_bulletin_item',
      after: { bulletin: number, item: itemId, ...input },
    });
  };

  app.post('/bulletins/:number/items/:itemId', async (request, reply) => {
    const { number, itemId } = moveParams.parse(request.params);
    if (!(await findBulletinByNumber(deps.db, number)) || !(await findEntry(number, itemId))) {
      return reply.callNotFound();
    }
    await editPrinted(request, number, itemId);
    return reply.redirect(`/bulletins/${number}/items/${itemId}`, 303);
  });

  app.patch('/api/bulletins/:number/items/:itemId', async (request, reply) => {
    const { number, itemId } = moveParams.parse(request.params);
    if (!(await findBulletinByNumber(deps.db, number)) || !(await findEntry(number, itemId))) {
      return reply.code(404).send({ error: 'no such bulletin item' });
    }
    await editPrinted(request, number, itemId);
    return findEntry(number, itemId);
  });

  // Another report of the item's story to print from (its URL, its English): the analyst's pick.
  app.post('/bulletins/:number/items/:itemId/report', async (request, reply) => {
    const { number, itemId } = moveParams.parse(request.params);
    const { article } = reportBody.parse(request.body);
    const found = (await findBulletinByNumber(deps.db, number)) && (await findEntry(number, itemId));
    if (!found) return reply.callNotFound();
    const current = found.entry.articleId ? await getItem(deps.db, found.entry.articleId) : undefined;
    const reports = current?.story_id ? await listStoryReports(deps.db, current.story_id) : [];
    if (!reports.some((report) => report.id === article)) {
      return reply.code(400).send({ error: 'that report is not one of this story' });
    }
    await updateBulletinItem(deps.db, itemId, { articleId: article });
    await auditAction(deps.db, {
      articleId: article,
      actor: request.user!,
      action: 'pick_bulletin_report',
      after: { bulletin: number, item: itemId, article, before: found.entry.articleId },
    });
    return reply.redirect(`/bulletins/${number}/items/${itemId}`, 303);
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
