import type { SourceDefinition } from './source-definition.js';

export const source24KgEn: SourceDefinition = {
  id: '24-kg-en',
  name: '24.kg (English)',
  domain: '24.kg',
  country: 'KG',
  languages: ['eng'],
  timezone: 'Asia/Bishkek',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://24.kg/english/'],
    linkSelector: 'div#newslist div.one div.title > a',
    maxPages: 1,
    urlPattern: '/english/\\d+_[^/]+/$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.newsTitle',
        body: 'div.cont',
      },
    },
  ],
  notes:
    'English section https://24.kg/english/ as linked from public pages; listing and article markup assumed to be the Russian edition’s (24-kg), unverified. Date from meta article:published_time.',
};
