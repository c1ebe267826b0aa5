import {
  type NewBulletinItem,
  recordPublishedArticle,
  replaceBulletinItems,
  upsertBulletin,
} from '../db/bulletins-repo.js';
import type { Database } from '../db/database.js';
import { canonicalizeUrl } from '../domain/canonical-url.js';
import type { ParsedRelease } from './parse-release.js';

export class ReleaseImportError extends Error {}

export interface ImportSummary {
  bulletinId: number;
  number: number;
  items: number;
  /** Articles created for items the harvester had not found. */
  createdArticles: number;
  /** Items linked to an article already stored (harvested before, or imported before). */
  linkedArticles: number;
}

/** The source id of articles known only from a release: `bulletin-17`. */
export const releaseSourceId = (number: number) => `bulletin-${number}`;

/**
 * Stores a parsed release as bulletin `number` with its items, each linked to the article with the same
 * canonical URL (created as `published` when missing). Importing the same release again changes nothing.
 */
export async function importRelease(
  db: Database,
  release: ParsedRelease,
  options: { number?: number | undefined } = {},
): Promise<ImportSummary> {
  const number = options.number ?? release.number;
  if (number === undefined || number === null)
    throw new ReleaseImportError('the release number is not in the text: pass --number N');
  const period = release.period;
  if (!period) throw new ReleaseImportError('the release period is not in the text');
  return db.transaction(async (tx) => {
    // The count line is regenerated from the items; the topics paragraph is the editors' own text.
    const bulletin = await upsertBulletin(tx, {
      number,
      period,
      origin: 'imported',
      countsLine: null,
      topics: release.topics,
    });
    let createdArticles = 0;
    let linkedArticles = 0;
    const items: NewBulletinItem[] = [];
    for (const item of release.items) {
      let articleId: number | null = null;
      if (item.url) {
        const recorded = await recordPublishedArticle(tx, {
          sourceId: releaseSourceId(number),
          url: item.url,
          canonicalUrl: canonicalizeUrl(item.url),
          title: item.title,
          body: item.body,
          country: item.country,
          publishedAt: null,
        });
        articleId = recorded.id;
        if (recorded.created) createdArticles += 1;
        else linkedArticles += 1;
      }
      items.push({
        articleId,
        country: item.country,
        position: item.order,
        title: item.title,
        body: item.body,
        url: item.url,
      });
    }
    await replaceBulletinItems(tx, bulletin.id, items);
    return { bulletinId: bulletin.id, number, items: items.length, createdArticles, linkedArticles };
  });
}
