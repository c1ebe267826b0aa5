import type { DeclaredSource } from '../source-group.js';

export const source24Kg: DeclaredSource = {
  id: '24-kg',
  name: '24.kg',
  domain: '24.kg',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://24.kg/'],
    linkSelector: 'div#newslist div.one div.title > a',
    maxPages: 1,
    urlPattern: '/\\d+_[^/]+/$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.newsTitle',
        body: 'div.cont',
      },
    },
  ],
  notes: 'Listing and article selectors from a public scraper; date from meta article:published_time.',
};
