import type { SourceDefinition } from './source-definition.js';

export const khovarTj: SourceDefinition = {
  id: 'khovar-tj',
  name: 'Ховар — khovar.tj',
  domain: 'khovar.tj',
  country: 'TJ',
  languages: ['tgk', 'rus'],
  timezone: 'Asia/Dushanbe',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://khovar.tj/feed/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.entry-title',
        body: '.entry-content',
        date: 'time.entry-date',
        remove: ['.sharedaddy'],
      },
    },
  ],
  notes: 'State news agency; WordPress feed URL unverified.',
};
