import type { Page } from 'playwright-core';

/**
 * The HTML of a browser page once its scripts are done: lists fetched after `load`, and JavaScript
 * challenges that set a cookie and reload (мвд.рф answers a first visit this way). Network quiet is the
 * signal; a page that never quiets down is read as it is when the budget runs out.
 */
export async function settledContent(page: Page, timeoutMs: number): Promise<string> {
  await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
  try {
    return await page.content();
  } catch {
    // Still navigating (a reload that started just now): read the document it lands on.
    await page.waitForLoadState('load', { timeout: timeoutMs }).catch(() => undefined);
    return page.content();
  }
}
