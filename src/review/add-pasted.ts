import { z } from 'zod';
import { insertCandidate } from '../db/articles-repo.js';
import { type Actor, auditAction } from '../db/audit-repo.js';
import type { Database } from '../db/database.js';
import { findIdByCanonicalUrl } from '../db/items-repo.js';
import { articleUrl, storableText } from '../domain/article-input.js';
import { ISO_DATE_EXPECTED, parseIsoDate } from '../domain/iso-date.js';
import type { CompiledLexicon } from '../domain/keywords.js';
import { memberStateTimeZones } from '../domain/local-time.js';
import { processArticle } from '../workers/process-article.js';
import { MANUAL_SOURCE } from './add-by-url.js';

/** The zones an analyst picks for a pasted item: the member states' (their capitals'), and UTC. */
export const pastedZones = [...new Set(Object.values(memberStateTimeZones)), 'UTC'] as const;

// Browsers send a textarea's line breaks as CRLF: stored text keeps LF, as harvested text does.
const pastedText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value),
    storableText.pipe(z.string().min(1, 'required').max(max)),
  );

/**
 * A page the server cannot fetch (a facebook.com post behind a login wall, a PDF, an intranet page), pasted by an
 * analyst: its address, title, text, and when it was published, on the clock of the zone chosen with it.
 */
export const pastedItemSchema = z.object({
  url: z.preprocess((value) => (typeof value === 'string' ? value.trim() : value), articleUrl),
  title: pastedText(1000),
  text: pastedText(200_000),
  published_at: z
    .string()
    .trim()
    .refine((value) => parseIsoDate(value, 'UTC') !== undefined, ISO_DATE_EXPECTED),
  timezone: z.enum(pastedZones),
});
export type PastedItem = z.infer<typeof pastedItemSchema>;

export interface AddPastedDeps {
  db: Database;
  lexicon: CompiledLexicon;
}

/**
 * Stores a pasted item as a candidate of the `manual` source (marked `manual: pasted`, with who pasted it and its
 * zone) and sends it through the harvest's own stages — language, relevance, country, stories — as `harvest ingest`
 * does. A URL already stored is not added again.
 */
export async function addPasted(
  deps: AddPastedDeps,
  item: PastedItem,
  actor: Actor,
): Promise<{ id: number; inserted: boolean }> {
  const known = await findIdByCanonicalUrl(deps.db, item.url.canonical);
  if (known !== undefined) return { id: known, inserted: false };
  const stored = await insertCandidate(deps.db, {
    sourceId: MANUAL_SOURCE,
    runId: null,
    url: item.url.url,
    canonicalUrl: item.url.canonical,
    title: item.title,
    body: item.text,
    publishedAt: parseIsoDate(item.published_at, item.timezone)!.toISOString(),
    extraction: { manual: 'pasted', addedBy: actor.name, timezone: item.timezone },
  });
  if (stored.inserted) {
    await processArticle({ db: deps.db, lexicon: deps.lexicon }, stored.id);
    await auditAction(deps.db, {
      articleId: stored.id,
      actor,
      action: 'add_pasted',
      after: {
        url: item.url.url,
        title: item.title,
        published_at: item.published_at,
        timezone: item.timezone,
      },
    });
  }
  return stored;
}
