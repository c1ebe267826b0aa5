import type { DeclaredSource } from '../source-group.js';

export const kunUz: DeclaredSource = {
  id: 'kun-uz',
  name: 'Kun.uz (русский)',
  domain: 'kun.uz',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://kun.uz/ru/news/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.single-header__title',
        body: '.single-content',
        date: '.single-header__date',
        remove: ['.advertisement', '.ads', '.social-share'],
      },
    },
  ],
  notes: 'Selectors from a public scraper (2025); article URLs carry the date /news/YYYY/MM/DD/slug.',
};
