import { createServer } from 'node:net';

/**
 * A port that is free on 127.0.0.1 now, for a process that must be told its port before it starts (a second
 * `harvest demo` must serve the same origin as the first, so that it finds every canonical URL known; a private
 * Postgres). The system picks it (port 0), so files running side by side never collide on a fixed number.
 */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port was assigned');
  return address.port;
}
