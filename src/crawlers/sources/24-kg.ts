import type { SourceDefinition } from './source-definition.js';

export const source24Kg: SourceDefinition = {
  id: '24-kg',
  name: '24.kg',
  domain: '24.kg',
  country: 'KG',
  languages: ['rus'],
  timezone: 'Asia/Bishkek',
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
