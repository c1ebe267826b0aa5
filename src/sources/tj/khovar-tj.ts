import type { DeclaredSource } from '../source-group.js';

export const khovarTj: DeclaredSource = {
  id: 'khovar-tj',
  name: 'Ховар — khovar.tj',
  domain: 'khovar.tj',
  languages: ['tgk', 'rus'],
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
