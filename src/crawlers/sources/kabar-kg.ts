import type { SourceDefinition } from './source-definition.js';

export const kabarKg: SourceDefinition = {
  id: 'kabar-kg',
  name: 'Кабар — kabar.kg',
  domain: 'kabar.kg',
  country: 'KG',
  languages: ['rus'],
  timezone: 'Asia/Bishkek',
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
