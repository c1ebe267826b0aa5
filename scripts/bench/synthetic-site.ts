import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SyntheticArticle } from './synthetic-articles.js';

export interface SyntheticSite {
  origin: string;
  sitemapUrl: string;
  /** Article pages served so far. */
  readonly articlesServed: number;
  /** Each article page is answered this much later (a slow site); may be changed while it runs. */
  delayMs: number;
  close(): Promise<void>;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A news page as a small CMS renders it: navigation, the article, related links and a footer. */
function articlePage(article: SyntheticArticle, index: number): string {
  const paragraphs = article.body.match(/[^.!?]+[.!?]+(\s+[^.!?]+[.!?]+){0,3}/g) ?? [article.body];
  const related = [1, 2, 3].map(
    (step) => `<li><a href="/news/${index + step}.html">Related ${index + step}</a></li>`,
  );
  return `<!doctype html>
<html lang="${article.lang === 'eng' ? 'en' : 'ru'}"><head><meta charset="utf-8">
<title>${escapeHtml(article.title)} — News Example</title>
<meta property="article:published_time" content="${article.publishedAt.toISOString()}">
</head><body>
<header><nav><a href="/">Home</a> <a href="/politics/">Politics</a> <a href="/society/">Society</a></nav></header>
<main><article><h1>${escapeHtml(article.title)}</h1>
<time datetime="${article.publishedAt.toISOString()}">${article.publishedAt.toISOString().slice(0, 10)}</time>
${paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph.trim())}</p>`).join('\n')}
</article><aside><ul>${related.join('')}</ul></aside></main>
<footer>© News Example. All rights reserved.</footer></body></html>`;
}

/** Serves /sitemap.xml listing every article and /news/<i>.html for each: a local site to crawl. */
export async function startSyntheticSite(
  articles: readonly SyntheticArticle[],
  options: { delayMs?: number } = {},
): Promise<SyntheticSite> {
  let origin = '';
  let articlesServed = 0;
  const pages = articles.map(articlePage);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!;
    if (path === '/robots.txt') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nAllow: /\n');
      return;
    }
    if (path === '/sitemap.xml') {
      const urls = articles.map(
        (article, index) =>
          `<url><loc>${origin}/news/${index}.html</loc><lastmod>${article.publishedAt.toISOString()}</lastmod></url>`,
      );
      response
        .writeHead(200, { 'content-type': 'application/xml; charset=utf-8' })
        .end(
          `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">${urls.join('\n')}</urlset>`,
        );
      return;
    }
    const match = /^\/news\/(\d+)\.html$/.exec(path);
    const page = match ? pages[Number(match[1])] : undefined;
    if (page === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const send = () => {
      articlesServed += 1;
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    };
    if (site.delayMs > 0) setTimeout(send, site.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const site: SyntheticSite = {
    origin,
    sitemapUrl: `${origin}/sitemap.xml`,
    get articlesServed() {
      return articlesServed;
    },
    delayMs: options.delayMs ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return site;
}
