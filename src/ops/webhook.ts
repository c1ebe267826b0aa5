import type { Logger } from '../logger.js';

/**
 * Posts `{ text }` as JSON: the message format Slack incoming webhooks and Teams (incoming webhook and
 * Workflows "post to a channel when a webhook request is received") both accept. A failed delivery is logged
 * and never fails the caller: a harvest must not stop because a chat service is down.
 */
export async function postWebhook(
  url: string,
  text: string,
  log: Logger,
  timeoutMs = 10_000,
): Promise<boolean> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) log.warn({ status: response.status }, 'webhook refused the notification');
    return response.ok;
  } catch (error) {
    log.warn({ err: error }, 'webhook unreachable');
    return false;
  }
}
