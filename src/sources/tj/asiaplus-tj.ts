import type { DeclaredSource } from '../source-group.js';

export const asiaplusTj: DeclaredSource = {
  id: 'asiaplus-tj',
  name: 'Asia-Plus — asiaplustj.info',
  domain: 'asiaplustj.info',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://asiaplustj.info/ru/rss/'],
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
  notes: 'Several feed URLs circulate (/ru/rss, /ru/rss.xml); Drupal markup unverified.',
};
