import type { DeclaredSource } from '../source-group.js';

export const kabarKg: DeclaredSource = {
  id: 'kabar-kg',
  name: 'Кабар — kabar.kg',
  domain: 'kabar.kg',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://kabar.kg/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-title',
        body: '.news-content',
        date: '.news-date',
      },
    },
  ],
  notes: 'State news agency; feed URL from public aggregators.',
};
