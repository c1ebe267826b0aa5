import type { DeclaredSource } from '../source-group.js';

export const biangRu: DeclaredSource = {
  id: 'biang-ru',
  name: 'Бианг — biang.ru',
  domain: 'biang.ru',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://biang.ru/ru/news'],
    linkSelector: '.news-list .news-item__title a',
    maxPages: 2,
    urlPattern: '/ru/news/[^/]+\\.html$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-detail__title',
        body: '.news-detail__text',
        date: '.news-detail__date',
      },
    },
  ],
  notes: 'Listing URL and selectors unverified; article URLs as in the seed bulletin.',
};
