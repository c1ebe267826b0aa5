import type { DeclaredSource } from '../source-group.js';

export const trendAz: DeclaredSource = {
  id: 'trend-az',
  name: 'Trend — trend.az (русский)',
  domain: 'trend.az',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://www.trend.az/azerbaijan/society/'],
    linkSelector: 'ul.news-list li > a',
    maxPages: 2,
    urlPattern: '/\\d+\\.html$',
  },
  parsers: [
    {
      selectors: {
        title: '.article-header h1',
        body: 'div.article-content.article-paddings',
        remove: ['.lead'],
      },
    },
  ],
  notes: 'Date from meta article:published_time (generic reader).',
};
