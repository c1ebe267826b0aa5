import { z } from 'zod';
import type { DiscoveryStrategy } from '../../sources/source-schema.js';
import { InvalidRequestError } from '../crawl-errors.js';

/**
 * The requests of a crawl, by label (Crawlee's routing key): what each label's handler needs travels in
 * `userData`, checked by a zod schema per label whenever a request is handled — a label or data the router
 * does not know fails that request, it is never cast into shape.
 */

/** Client redirects (meta refresh, script) followed so far to reach this request. */
const hops = z.int().nonnegative().default(0);
/** Which page of a paginated listing or channel this is. */
const pageNumber = z.int().positive().default(1);

export const requestSchemas = {
  FEED: z.object({ clientRedirects: hops }),
  SITEMAP: z.object({ clientRedirects: hops }),
  LISTING: z.object({ clientRedirects: hops, page: pageNumber }),
  TELEGRAM: z.object({ clientRedirects: hops, page: pageNumber }),
  ARTICLE: z.object({
    clientRedirects: hops,
    /** The URL's canonical form: the article's identity, whatever redirects it takes. */
    canonical: z.string().min(1),
    /** The date a feed or sitemap gave the link, as written there. */
    listedAt: z.string().nullable().default(null),
  }),
} as const;

export type Label = keyof typeof requestSchemas;
export const labels = Object.keys(requestSchemas) as Label[];
export type UserDataOf<L extends Label> = z.output<(typeof requestSchemas)[L]>;

export type CrawlRequest = {
  [L in Label]: {
    url: string;
    label: L;
    userData: UserDataOf<L>;
    /** Set for client-redirect hops, so that a loop back to a fetched URL reaches the hop limit. */
    uniqueKey?: string;
  };
}[Label];

export type RequestOf<L extends Label> = Extract<CrawlRequest, { label: L }>;

const labelSchema = z.enum(labels as [Label, ...Label[]]);

/** Checks a request as Crawlee (or a replay) hands it over; throws InvalidRequestError for anything else. */
export function parseCrawlRequest(raw: {
  url: string;
  label?: unknown;
  userData?: unknown;
  uniqueKey?: string;
}): CrawlRequest {
  const label = labelSchema.safeParse(raw.label);
  if (!label.success)
    throw new InvalidRequestError(`unknown request label ${JSON.stringify(raw.label)} for ${raw.url}`);
  const userData = requestSchemas[label.data].safeParse(raw.userData ?? {});
  if (!userData.success) {
    throw new InvalidRequestError(
      `${label.data} request ${raw.url}: ${userData.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return {
    url: raw.url,
    label: label.data,
    userData: userData.data,
    ...(raw.uniqueKey ? { uniqueKey: raw.uniqueKey } : {}),
  } as CrawlRequest;
}

/** A request of `label`, with its data checked as it will be when handled. */
export function crawlRequest<L extends Label>(
  url: string,
  label: L,
  userData?: z.input<(typeof requestSchemas)[L]>,
): RequestOf<L> {
  return parseCrawlRequest({ url, label, userData: userData ?? {} }) as RequestOf<L>;
}

export const startLabel: Record<DiscoveryStrategy, Label> = {
  rss: 'FEED',
  sitemap: 'SITEMAP',
  listing: 'LISTING',
  telegram: 'TELEGRAM',
};

/** The first requests of a crawl: each discovery URL with its strategy's label. */
export function startRequests(discovery: {
  strategy: DiscoveryStrategy;
  urls: readonly string[];
}): CrawlRequest[] {
  return discovery.urls.map((url) => crawlRequest(url, startLabel[discovery.strategy]));
}
