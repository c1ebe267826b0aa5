import { z } from 'zod';
import { type QueueFilters, reviewStatuses } from '../db/queue-repo.js';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Query-string filters of the queue, shared by the page and the API; blanks mean "any". */
export const queueQuerySchema = z.object({
  status: optional(z.enum(reviewStatuses)),
  country: optional(
    z
      .string()
      .regex(/^[A-Za-z]{2}$/)
      .transform((code) => code.toUpperCase()),
  ),
  lang: optional(z.string().regex(/^[a-z]{3}$/)),
  source: optional(z.string().max(200)),
  from: optional(isoDay),
  to: optional(isoDay),
  min_score: optional(z.coerce.number().finite()),
  max_score: optional(z.coerce.number().finite()),
  q: optional(z.string().max(500)),
  story: optional(z.coerce.number().int().positive()),
  sort: optional(z.enum(['date', 'score'])),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
  page_size: optional(z.coerce.number().int().min(1).max(500)),
});

export type QueueQuery = z.infer<typeof queueQuerySchema>;

export function toQueueFilters(query: QueueQuery): QueueFilters {
  return {
    status: query.status,
    country: query.country,
    lang: query.lang,
    source: query.source,
    from: query.from,
    to: query.to,
    minScore: query.min_score,
    maxScore: query.max_score,
    text: query.q,
    story: query.story,
    sort: query.sort,
    page: query.page,
    pageSize: query.page_size,
  };
}

/** The query string of these filters with some values replaced (pagination and facet links). */
export function queryString(
  query: QueueQuery,
  changes: Partial<Record<keyof QueueQuery, string | number | undefined>>,
) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
