import type { DeclaredSource } from '../source-group.js';

export const turkmenportalCom: DeclaredSource = {
  id: 'turkmenportal-com',
  name: 'Turkmenportal — turkmenportal.com',
  domain: 'turkmenportal.com',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://turkmenportal.com/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: '.article_title h1',
        body: '.article_text',
        date: '.article_date',
      },
    },
  ],
  notes: 'Feed URL and markup unverified.',
};
