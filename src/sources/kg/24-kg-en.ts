import type { DeclaredSource } from '../source-group.js';

export const source24KgEn: DeclaredSource = {
  id: '24-kg-en',
  name: '24.kg (English)',
  domain: '24.kg',
  languages: ['eng'],
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
