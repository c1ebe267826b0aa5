import type { DeclaredSource } from '../source-group.js';

export const iivUz: DeclaredSource = {
  id: 'iiv-uz',
  name: 'IIV — iiv.uz (ўзбекча)',
  domain: 'iiv.uz',
  languages: ['uzb', 'rus'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://iiv.uz/news'],
    linkSelector: '.news-cards a.news-card__link',
    maxPages: 2,
    urlPattern: '/news/\\d+$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-view__title',
        body: '.news-view__text',
        date: 'time.news-view__date',
      },
    },
  ],
  notes: 'Ministry of Internal Affairs; Uzbek in Cyrillic script. URLs and markup unverified.',
};
