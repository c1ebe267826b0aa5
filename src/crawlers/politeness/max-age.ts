const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a link that a feed or sitemap dates (`listedAt`) is older than the source's maximum age at
 * `referenceTime`: such an article would only be filed as too old, so its page is not fetched at all.
 * Undated or unreadable dates are fetched: the page itself will tell.
 */
export function isTooOldToFetch(
  listedAt: string | null | undefined,
  referenceTime: Date,
  maxAgeDays: number,
): boolean {
  if (!listedAt) return false;
  const time = Date.parse(listedAt);
  return !Number.isNaN(time) && referenceTime.getTime() - time > maxAgeDays * DAY_MS;
}
