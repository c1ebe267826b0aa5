import { Redis } from 'ioredis';
import { testRedisUrl } from './services.js';

/**
 * Deletes every key of one queue prefix: what a FLUSHALL does to this application, without touching the
 * queues of other test files running at the same time.
 */
export async function flushQueuePrefix(prefix: string): Promise<number> {
  const redis = new Redis(testRedisUrl);
  try {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
    return deleted;
  } finally {
    redis.disconnect();
  }
}
