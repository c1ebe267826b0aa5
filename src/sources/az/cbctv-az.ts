import type { DeclaredSource } from '../source-group.js';

export const cbctvAz: DeclaredSource = {
  id: 'cbctv-az',
  name: 'CBC TV Azerbaijan — cbctv.az',
  domain: 'cbctv.az',
  languages: ['rus', 'aze'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://cbctv.az/news'],
    linkSelector: '.news-block a.news-block__link',
    maxPages: 2,
    urlPattern: '/news/\\d+/',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.article__title',
        body: '.article__text',
        date: '.article__date',
      },
    },
  ],
  notes:
    'A December 2025 screenshot showed slot-casino spam on the home page: language and relevance checks keep such pages out.',
};
