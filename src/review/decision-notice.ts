import type { Queryable } from '../db/database.js';
import { countCoveredBy, getItem } from '../db/items-repo.js';

/**
 * The line shown where the analyst lands after a decision (the next item, or the queue at its end):
 * `#12 approved; 2 other report(s) of its story covered.` Built from the stored item, never from the URL's text.
 */
export async function decisionNotice(db: Queryable, id: number, atEnd = false): Promise<string | undefined> {
  const item = await getItem(db, id);
  if (!item) return undefined;
  const covered = await countCoveredBy(db, id);
  const story = covered ? `; ${covered} other report(s) of its story covered` : '';
  return `#${id} ${item.status}${story}.${atEnd ? ' That was the last row of this queue.' : ''}`;
}
