import { z } from 'zod';
import { type QueueFilters, reviewStatuses } from '../db/queue-repo.js';
import { buildSearchQuery, type SearchExpansions } from '../domain/search-query.js';

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** The queue opens on the drafts waiting for a decision; `status=any` shows every status. */
export const DEFAULT_QUEUE_STATUS = 'new' as const;

/** Query-string filters of the queue, shared by the page and the API; blanks mean "any" (status: the default). */
export const queueQuerySchema = z.object({
  status: optional(z.enum([...reviewStatuses, 'any'])),
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

/** The repository's filters; the words of `q` become a search query widened through the drugs glossary. */
export function toQueueFilters(query: QueueQuery, search: SearchExpansions): QueueFilters {
  return {
    status: query.status === 'any' ? undefined : (query.status ?? DEFAULT_QUEUE_STATUS),
    country: query.country,
    lang: query.lang,
    source: query.source,
    from: query.from,
    to: query.to,
    minScore: query.min_score,
    maxScore: query.max_score,
    search: query.q ? buildSearchQuery(query.q, search) : undefined,
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

/**
 * The queue an item page was opened from (`?queue=<its query string>`): where "next" goes after a decision.
 * Undefined when the page was opened otherwise, or the context does not parse.
 */
export function parseQueueContext(raw: unknown): QueueQuery | undefined {
  if (typeof raw !== 'string' || raw.length > 2000) return undefined;
  const parsed = queueQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(raw)));
  return parsed.success ? { ...parsed.data, page: undefined } : undefined;
}

/** `?queue=…` for links that keep an item page in its queue ('' without a context). */
export function queueContextParam(context: QueueQuery | undefined): string {
  if (!context) return '';
  return `queue=${encodeURIComponent(queryString(context, { page: undefined }).slice(1))}`;
}
