import type { DeclaredSource } from '../source-group.js';

export const turkmenistaninfoGovTm: DeclaredSource = {
  id: 'turkmenistaninfo-gov-tm',
  name: 'Turkmenistan.Info — turkmenistaninfo.gov.tm',
  domain: 'turkmenistaninfo.gov.tm',
  languages: ['rus', 'tuk', 'eng'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://turkmenistaninfo.gov.tm/news'],
    linkSelector: '.news-list a[href*="/news/"]',
    maxPages: 1,
    urlPattern: '/news/\\d+$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-title',
        body: '.news-text',
        date: '.news-date',
      },
    },
  ],
  notes: 'Article URLs /news/<id> as in the seed bulletin; listing markup unverified.',
};
