import type { DeclaredSource } from '../source-group.js';

export const mvdGovKg: DeclaredSource = {
  id: 'mvd-gov-kg',
  name: 'ИИМ КР — mvd.gov.kg (кыргызча)',
  domain: 'mvd.gov.kg',
  languages: ['kir', 'rus'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://mvd.gov.kg/ky/news'],
    linkSelector: '.news-cards a.news-card__title',
    maxPages: 2,
    urlPattern: '/news/\\d+$',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-detail__title',
        body: '.news-detail__body',
        date: 'time.news-detail__date',
      },
    },
  ],
  notes: 'Ministry site; URLs and markup unverified.',
};
