import type { SourceDefinition } from './source-definition.js';

export const reportAzRu: SourceDefinition = {
  id: 'report-az-ru',
  name: 'Report.az (русский)',
  domain: 'report.az',
  country: 'AZ',
  languages: ['rus'],
  timezone: 'Asia/Baku',
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
