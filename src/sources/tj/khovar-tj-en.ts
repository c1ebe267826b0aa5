import type { DeclaredSource } from '../source-group.js';

export const khovarTjEn: DeclaredSource = {
  id: 'khovar-tj-en',
  name: 'Khovar — khovar.tj (English)',
  domain: 'khovar.tj',
  languages: ['eng'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://khovar.tj/eng/feed/'],
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
  notes:
    'State news agency; English WordPress section /eng/ with its feed /eng/feed/ (listed by a public scraper), unverified. Items open with a dateline "DUSHANBE, 23.09.2025 /NIAT Khovar/."',
};
