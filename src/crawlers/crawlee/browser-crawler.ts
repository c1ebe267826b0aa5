import { PlaywrightCrawler, type PlaywrightCrawlingContext } from 'crawlee';
import { UnreachableError } from '../crawl-errors.js';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Crawlee's PlaywrightCrawler for `crawler: playwright` sources, offering robots.txt verdicts to discovery and
 * naming a navigation that could not reach its host as our typed failure.
 */
export class RobotsAwarePlaywrightCrawler extends PlaywrightCrawler {
  async allowedByRobots(url: string): Promise<boolean> {
    return (await this.getRobotsTxtFileForUrl(url))?.isAllowed(url) ?? true;
  }

  /** No proxies here: a refused connection is the host's answer, not a proxy to rotate. */
  protected override isProxyError(): boolean {
    return false;
  }

  protected override async _handleNavigation(context: PlaywrightCrawlingContext): Promise<void> {
    try {
      await super._handleNavigation(context);
    } catch (error) {
      throw browserNetworkFailure(error) ?? error;
    }
  }
}

/**
 * Chromium's network errors (`net::ERR_CONNECTION_REFUSED`, `net::ERR_NAME_NOT_RESOLVED`…) reach Playwright's
 * callers only as text, with no code: this is the one place that reads them, at the edge of the browser.
 */
function browserNetworkFailure(error: unknown): UnreachableError | undefined {
  const message = error instanceof Error ? error.message : '';
  return message.includes('net::ERR_') ? new UnreachableError(message.split('\n')[0] ?? message) : undefined;
}
