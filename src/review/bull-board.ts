import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import type { IServerAdapter } from '@bull-board/api/typings/app';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { SessionUser } from '../db/users-repo.js';
import type { Queues } from '../workers/bullmq-transport.js';
import { hasRole, sameSecret } from './auth.js';

export const BULL_BOARD_PATH = '/admin/queues';

// Bull Board's UI is a React bundle that sets inline styles; its scripts are files of its own.
const BOARD_CSP =
  "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What axios, the board's HTTP client, reads and sends by default. */
const BOARD_CSRF_COOKIE = 'XSRF-TOKEN';
const BOARD_CSRF_HEADER = 'x-xsrf-token';

/** The session's CSRF token as a cookie the board's script can read, only under the board's path. */
function giveBoardTheToken(request: FastifyRequest, reply: FastifyReply, user: SessionUser): void {
  if (request.cookies[BOARD_CSRF_COOKIE] === user.csrfToken) return;
  reply.setCookie(BOARD_CSRF_COOKIE, user.csrfToken, {
    path: BULL_BOARD_PATH,
    httpOnly: false,
    sameSite: 'strict',
    secure: request.protocol === 'https',
  });
}

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
          if (SAFE_METHODS.has(request.method)) giveBoardTheToken(request, reply, request.user);
        });
        // The board's own requests carry no form field, but its HTTP client (axios) sends the XSRF-TOKEN cookie
        // back as the X-XSRF-TOKEN header on same-origin requests: every state change must carry the session's
        // token there (or as X-CSRF-Token, like the rest of the API), which no other site can read or set.
        scope.addHook('onRoute', (route) => {
          route.config = { ...(route.config as object), ownCsrf: true };
        });
        scope.addHook('preHandler', async (request, reply) => {
          if (SAFE_METHODS.has(request.method)) return;
          const token = request.headers[BOARD_CSRF_HEADER] ?? request.headers['x-csrf-token'];
          if (!request.user || !sameSecret(token, request.user.csrfToken)) {
            return reply
              .code(403)
              .send({ error: 'missing or wrong CSRF token: reload the page and try again' });
          }
        });
        await scope.register(adapter.registerPlugin());
      },
      { prefix: BULL_BOARD_PATH },
    );
  };
}
