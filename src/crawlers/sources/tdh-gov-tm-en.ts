import type { SourceDefinition } from './source-definition.js';

export const tdhGovTmEn: SourceDefinition = {
  id: 'tdh-gov-tm-en',
  name: 'TDH — tdh.gov.tm (English)',
  domain: 'tdh.gov.tm',
  country: 'TM',
  languages: ['eng'],
  timezone: 'Asia/Ashgabat',
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
