import type { DeclaredSource } from '../source-group.js';

export const tdhGovTmEn: DeclaredSource = {
  id: 'tdh-gov-tm-en',
  name: 'TDH — tdh.gov.tm (English)',
  domain: 'tdh.gov.tm',
  languages: ['eng'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://tdh.gov.tm/en/articles/news/'],
    linkSelector: '.news-items a.news-item__title',
    maxPages: 2,
    urlPattern: '/en/post/\\d+/',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.article-title',
        body: '.article-content',
        date: '.article-date',
      },
    },
  ],
  notes:
    'State news agency; the English section’s listing URL is a guess after the Turkmen one (/tk/articles/habarlar/), markup unverified. Check live before relying on it.',
};
