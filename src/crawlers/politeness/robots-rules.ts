import { RobotsTxtFile } from 'crawlee';

/**
 * Whether robots.txt lets us fetch a URL, with each origin's file fetched once per crawl. Crawlee refuses such
 * requests too, but only once they are queued: discovery asks first, so that a listing page whose new links are
 * all forbidden counts as bringing nothing new, and pagination stops there instead of walking to `maxPages`.
 * An unreachable robots.txt allows everything, as it does for Crawlee.
 */
export function robotsRules(timeoutMs: number): (url: string) => Promise<boolean> {
  const byOrigin = new Map<string, Promise<RobotsTxtFile | undefined>>();
  return async (url) => {
    const origin = new URL(url).origin;
    let file = byOrigin.get(origin);
    if (!file) {
      file = RobotsTxtFile.find(url, undefined, { timeoutMillis: timeoutMs }).catch(() => undefined);
      byOrigin.set(origin, file);
    }
    return (await file)?.isAllowed(url) ?? true;
  };
}
