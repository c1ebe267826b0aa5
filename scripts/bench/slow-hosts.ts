import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Many slow news sites on one machine: each on its own loopback address (127.0.0.2, 127.0.0.3…), so that
 * crawlers treat them as different hosts, each answering every request after a fixed latency. Any path prefix
 * serves a site: `<origin>/<prefix>/feed.xml` lists `<origin>/<prefix>/news/<i>.html`, so that every
 * measurement crawls URLs no earlier one has stored.
 */
export interface SlowHosts {
  origins: string[];
  close(): Promise<void>;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function articlePage(host: number, index: number): string {
  const title = `Новость ${index} сайта ${host}: в области изъята партия наркотиков`;
  const paragraph =
    'Сотрудники полиции задержали жителя области, у которого изъяли более двух килограммов гашиша. ' +
    'По факту возбуждено уголовное дело, проводятся оперативно-розыскные мероприятия. ';
  return `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>${escapeXml(title)}</title>
<meta property="article:published_time" content="2025-09-2${index % 10}T10:00:00+05:00"></head>
<body><header><nav><a href="/">Главная</a></nav></header><main><article><h1>${escapeXml(title)}</h1>
${`<p>${paragraph.repeat(3)}</p>`.repeat(4)}</article></main><footer>© Сайт ${host}</footer></body></html>`;
}

function feed(origin: string, prefix: string, articles: number): string {
  const items = Array.from(
    { length: articles },
    (_, index) =>
      `<item><title>Новость ${index}</title><link>${origin}/${prefix}/news/${index}.html</link></item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>news</title>${items.join('')}</channel></rss>`;
}

export async function startSlowHosts(options: {
  hosts: number;
  articles: number;
  latencyMs: number;
}): Promise<SlowHosts> {
  const servers: Server[] = [];
  const origins: string[] = [];
  for (let host = 0; host < options.hosts; host += 1) {
    const address = `127.0.0.${host + 2}`;
    let origin = '';
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0]!;
      const answer = () => {
        const feedMatch = /^\/([\w-]+)\/feed\.xml$/.exec(path);
        const pageMatch = /^\/[\w-]+\/news\/(\d+)\.html$/.exec(path);
        if (feedMatch) {
          response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
          response.end(feed(origin, feedMatch[1]!, options.articles));
        } else if (pageMatch) {
          response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          response.end(articlePage(host, Number(pageMatch[1])));
        } else {
          response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        }
      };
      setTimeout(answer, options.latencyMs);
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    origin = `http://${address}:${(server.address() as AddressInfo).port}`;
    servers.push(server);
    origins.push(origin);
  }
  return {
    origins,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
