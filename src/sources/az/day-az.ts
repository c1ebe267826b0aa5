import type { DeclaredSource } from '../source-group.js';

export const dayAz: DeclaredSource = {
  id: 'day-az',
  name: 'Day.Az — news.day.az',
  domain: 'news.day.az',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://news.day.az/society/'],
    linkSelector: '.section-news a.news-item__title',
    maxPages: 2,
    urlPattern: '/[a-z]+/\\d+\\.html$',
  },
  parsers: [
    {
      selectors: {
        title: '.article-title h1',
        body: '.article-body',
        date: '.article-date',
      },
    },
  ],
  notes: 'Its RSS answers HTTP 410 since 2025: listing pages instead.',
};
