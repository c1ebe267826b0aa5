import type { DeclaredSource } from '../source-group.js';

export const reportAzEn: DeclaredSource = {
  id: 'report-az-en',
  name: 'Report.az (English)',
  domain: 'report.az',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://report.az/en/rss/'],
    urlPattern: '^https://report\\.az/en/',
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
    'Feed https://report.az/en/rss/ listed by several public feed lists, unverified; same markup as the Russian edition (report-az-ru).',
};
