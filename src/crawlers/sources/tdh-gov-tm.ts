import type { SourceDefinition } from './source-definition.js';

export const tdhGovTm: SourceDefinition = {
  id: 'tdh-gov-tm',
  name: 'TDH — tdh.gov.tm (türkmençe)',
  domain: 'tdh.gov.tm',
  country: 'TM',
  languages: ['tuk'],
  timezone: 'Asia/Ashgabat',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://tdh.gov.tm/tk/articles/habarlar/'],
    linkSelector: '.news-items a.news-item__title',
    maxPages: 2,
    urlPattern: '/tk/post/\\d+/',
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
  notes: 'State news agency; URLs and markup unverified.',
};
