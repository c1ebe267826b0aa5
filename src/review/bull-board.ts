import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { Queues } from '../workers/bullmq-transport.js';
import { hasRole } from './auth.js';

export const BULL_BOARD_PATH = '/admin/queues';

// Bull Board's UI is a React bundle that sets inline styles; its scripts are files of its own.
const BOARD_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

/** The BullMQ dashboard under /admin/queues, for operators only (distributed mode). */
export function bullBoardPlugin(queues: Queues) {
  const adapter = new FastifyAdapter();
  createBullBoard({
    queues: [new BullMQAdapter(queues.crawl), new BullMQAdapter(queues.articles)],
    // @bull-board/fastify 9.10.1 types itself against its own nested copy of @bull-board/api.
    serverAdapter: adapter as unknown as IServerAdapter,
  });
  adapter.setBasePath(BULL_BOARD_PATH);
  return async function registerBullBoard(app: FastifyInstance): Promise<void> {
    await app.register(
      async (scope) => {
        // The root hook has already required a session; the board is for operators.
        scope.addHook('onRequest', async (request, reply) => {
          if (!request.user || !hasRole(request.user, 'operator')) {
            return reply.code(403).send({ error: 'the queue dashboard needs the operator role' });
          }
          reply.header('content-security-policy', BOARD_CSP);
        });
        // The board's own requests carry no CSRF token; a cross-site page can only send GET or a form POST,
        // and both are refused here unless harmless (GET) or JSON (which needs a CORS preflight).
        scope.addHook('onRoute', (route) => {
          route.config = { ...(route.config as object), ownCsrf: true };
        });
        scope.addHook('preHandler', async (request, reply) => {
          const json = request.headers['content-type']?.startsWith('application/json');
          if (request.method === 'POST' && !json)
            return reply.code(403).send({ error: 'JSON requests only' });
        });
        await scope.register(adapter.registerPlugin());
      },
      { prefix: BULL_BOARD_PATH },
    );
  };
}
