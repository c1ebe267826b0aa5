import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/crawlers/discovery/parse-feed.js';
import { parseListing } from '../../src/crawlers/discovery/parse-listing.js';
import { parseSitemap } from '../../src/crawlers/discovery/parse-sitemap.js';

describe('parseFeed', () => {
  it('reads RSS items by link, resolving relative links, even when every guid is the same', () => {
    const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>Report</title>
      <item><title>Первая</title><link>https://report.az/ru/a-1</link><guid>same</guid>
        <pubDate>Mon, 01 Sep 2025 10:00:00 +0400</pubDate></item>
      <item><title>Вторая</title><link>/ru/a-2</link><guid>same</guid></item>
    </channel></rss>`;
    expect(parseFeed(xml, 'https://report.az/rss/')).toEqual([
      { url: 'https://report.az/ru/a-1', title: 'Первая', publishedAt: 'Mon, 01 Sep 2025 10:00:00 +0400' },
      { url: 'https://report.az/ru/a-2', title: 'Вторая', publishedAt: undefined },
    ]);
  });

  it('reads Atom entries and skips non-http links', () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>A</title><link rel="alternate" href="https://example.kz/a"/><published>2025-09-01T10:00:00Z</published></entry>
      <entry><title>B</title><link href="javascript:alert(1)"/></entry>
    </feed>`;
    expect(parseFeed(xml, 'https://example.kz/feed')).toEqual([
      { url: 'https://example.kz/a', title: 'A', publishedAt: '2025-09-01T10:00:00Z' },
    ]);
  });
});

describe('parseSitemap', () => {
  it('reads news sitemap entries and child sitemaps of an index', () => {
    const urlset = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://caricc.org/item/1</loc><news:news><news:publication_date>2025-09-25</news:publication_date>
      <news:title>Семинар</news:title></news:news></url>
      <url><loc>https://caricc.org/item/2</loc><lastmod>2025-09-20</lastmod></url></urlset>`;
    expect(parseSitemap(urlset, 'https://caricc.org/sitemap.xml')).toEqual({
      sitemaps: [],
      articles: [
        { url: 'https://caricc.org/item/1', title: 'Семинар', publishedAt: '2025-09-25' },
        { url: 'https://caricc.org/item/2', title: undefined, publishedAt: '2025-09-20' },
      ],
    });
    const index = `<sitemapindex><sitemap><loc>/news-1.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(index, 'https://caricc.org/sitemap.xml').sitemaps).toEqual([
      'https://caricc.org/news-1.xml',
    ]);
  });
});

describe('parseListing', () => {
  const html = `<html><head><base href="https://polisia.kz/ru/"></head><body>
    <div class="item"><a class="post" href="novost-1/">Новость  один</a></div>
    <div class="item"><a class="post" href="//polisia.kz/ru/novost-2/">Два</a></div>
    <div class="item"><a class="post" href="novost-1/">дубль</a></div>
    <a class="next" href="page/2/">Далее</a></body></html>`;

  it('resolves links against <base>, including protocol-relative ones, once each', () => {
    const listing = parseListing(html, 'https://polisia.kz/ru/', {
      linkSelector: 'a.post',
      nextPageSelector: 'a.next',
    });
    expect(listing.articles.map((link) => link.url)).toEqual([
      'https://polisia.kz/ru/novost-1/',
      'https://polisia.kz/ru/novost-2/',
    ]);
    expect(listing.articles[0]?.title).toBe('Новость один');
    expect(listing.nextPage).toBe('https://polisia.kz/ru/page/2/');
  });

  it('has no next page without a selector or when the link points to the page itself', () => {
    expect(parseListing(html, 'https://polisia.kz/ru/', { linkSelector: 'a.post' }).nextPage).toBeUndefined();
    const self = '<a class="next" href="/ru/page/2/">next</a>';
    expect(
      parseListing(self, 'https://polisia.kz/ru/page/2/', {
        linkSelector: 'a.post',
        nextPageSelector: 'a.next',
      }).nextPage,
    ).toBeUndefined();
  });
});
