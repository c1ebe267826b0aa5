import type { DeclaredSource } from '../source-group.js';

export const reportAzRu: DeclaredSource = {
  id: 'report-az-ru',
  name: 'Report.az (русский)',
  domain: 'report.az',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://report.az/ru/rss/'],
    urlPattern: '^https://report\\.az/ru/',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.section-title',
        body: 'div.news-detail__desc',
        date: 'ul.news__date',
      },
    },
  ],
  notes:
    'The verified feed https://report.az/rss/ is the Azerbaijani one; the Russian feed URL is unverified.',
};
