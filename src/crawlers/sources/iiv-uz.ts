import type { SourceDefinition } from './source-definition.js';

export const iivUz: SourceDefinition = {
  id: 'iiv-uz',
  name: 'IIV — iiv.uz (ўзбекча)',
  domain: 'iiv.uz',
  country: 'UZ',
  languages: ['uzb', 'rus'],
  timezone: 'Asia/Tashkent',
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
