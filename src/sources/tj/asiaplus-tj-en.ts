import type { DeclaredSource } from '../source-group.js';

export const asiaplusTjEn: DeclaredSource = {
  id: 'asiaplus-tj-en',
  name: 'Asia-Plus — asiaplustj.info (English)',
  domain: 'asiaplustj.info',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://asiaplustj.info/en/rss.xml'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.article-title',
        body: '.article-body',
        date: '.article-date time',
      },
    },
  ],
  notes:
    'Feed https://asiaplustj.info/en/rss.xml from one public aggregator, unverified; Drupal markup assumed to be the Russian edition’s. Items open with a dateline "DUSHANBE, September 22, 2025, Asia-Plus --".',
};
