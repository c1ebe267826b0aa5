import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { getItem } from '../../db/items-repo.js';
import { addByUrl } from '../add-by-url.js';
import { addPasted, pastedItemSchema, pastedZones } from '../add-pasted.js';
import { sendPage } from '../reply.js';
import type { ReviewDeps } from '../review-deps.js';
import { FetchRefusedError } from '../safe-fetch.js';
import { addBody, type PastedValues } from '../views/forms-view.js';
import { page } from '../views/layout.js';

const addSchema = z.object({ url: z.string().trim().min(1).max(4000) });

function showAdd(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  extra: { url?: string; error?: string; pasted?: PastedValues; pastedError?: string } = {},
) {
  const body = addBody({ user: request.user!, zones: pastedZones, ...extra });
  return sendPage(reply, status, page({ title: 'Add an item', user: request.user!, active: '/add', body }));
}

/** The pasted form's fields as sent, to show them again beside what was wrong. */
function pastedValues(body: unknown): PastedValues {
  const fields = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : undefined);
  return Object.fromEntries(
    (['url', 'title', 'text', 'published_at', 'timezone'] as const).flatMap((key) => {
      const value = text(key);
      return value === undefined ? [] : [[key, value]];
    }),
  );
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`;
}

/** Items analysts add themselves: fetched by URL, or pasted when the server cannot fetch the page. */
export function registerAddRoutes(app: FastifyInstance, deps: ReviewDeps): void {
  app.get('/add', async (request, reply) => showAdd(request, reply, 200));

  app.post('/add', async (request, reply) => {
    const { url } = addSchema.parse(request.body);
    try {
      const { id } = await addByUrl(deps, url, request.user!);
      return reply.redirect(`/items/${id}`, 303);
    } catch (error) {
      if (!(error instanceof FetchRefusedError)) throw error;
      return showAdd(request, reply, 422, { url, error: `Not added: ${error.message}` });
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

  app.post('/add/pasted', async (request, reply) => {
    const parsed = pastedItemSchema.safeParse(request.body);
    if (!parsed.success) {
      return showAdd(request, reply, 422, {
        pasted: pastedValues(request.body),
        pastedError: `Not added: ${firstIssue(parsed.error)}`,
      });
    }
    const { id } = await addPasted(deps, parsed.data, request.user!);
    return reply.redirect(`/items/${id}`, 303);
  });

  app.post('/api/add/pasted', async (request) => {
    const { id, inserted } = await addPasted(deps, pastedItemSchema.parse(request.body), request.user!);
    return { item: await getItem(deps.db, id), inserted };
  });
}
