import type { SourceDefinition } from './source-definition.js';

export const turkmenportalCom: SourceDefinition = {
  id: 'turkmenportal-com',
  name: 'Turkmenportal — turkmenportal.com',
  domain: 'turkmenportal.com',
  country: 'TM',
  languages: ['rus'],
  timezone: 'Asia/Ashgabat',
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
