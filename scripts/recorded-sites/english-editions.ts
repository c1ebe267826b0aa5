/**
 * What the English editions of the region's outlets (en.trend.az, en.inform.kz, en.tengrinews.kz,
 * akipress.com) share: their _meta.json note says the pages follow the local edition's pages too.
 */
export const ENGLISH_EDITION_NOTE =
  "No network here: written by hand after the site's known URL patterns, its local edition's pages and public scrapers' notes (docs/SITES.md); not recorded from the live site";
