import type { FastifyReply, FastifyRequest } from 'fastify';
import { html } from './html.js';
import { page } from './views/layout.js';

/** Requests of the JSON API get JSON answers, errors included. */
export const isApi = (request: FastifyRequest) => request.url.startsWith('/api/');

export function sendPage(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').send(body);
}

/** An error as a page (or JSON for the API), with the way back to the queue. */
export function refuse(request: FastifyRequest, reply: FastifyReply, status: number, message: string) {
  if (isApi(request)) return reply.code(status).send({ error: message });
  const body = html`<h1>${status === 403 ? 'Not allowed' : 'Error'}</h1><p class="error">${message}</p><p><a href="/queue">Back to the queue</a></p>`;
  return sendPage(reply, status, page({ title: 'Error', user: request.user ?? undefined, body }));
}
