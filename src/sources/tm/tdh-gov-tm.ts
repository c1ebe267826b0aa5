import type { DeclaredSource } from '../source-group.js';

export const tdhGovTm: DeclaredSource = {
  id: 'tdh-gov-tm',
  name: 'TDH — tdh.gov.tm (türkmençe)',
  domain: 'tdh.gov.tm',
  languages: ['tuk'],
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
