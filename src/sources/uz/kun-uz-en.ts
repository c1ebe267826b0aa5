import type { DeclaredSource } from '../source-group.js';

export const kunUzEn: DeclaredSource = {
  id: 'kun-uz-en',
  name: 'Kun.uz (English)',
  domain: 'kun.uz',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://kun.uz/en/news/list'],
    linkSelector: "a[href*='/en/news/']",
    maxPages: 1,
    urlPattern: '/en/news/\\d{4}/\\d{2}/\\d{2}/',
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
  notes:
    'Listing https://kun.uz/en/news/list and its link selector from a public scraper (2025); whether the English edition has its own feed is unknown. Article URLs carry the date.',
};
