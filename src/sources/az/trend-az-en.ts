import type { DeclaredSource } from '../source-group.js';

export const trendAzEn: DeclaredSource = {
  id: 'trend-az-en',
  name: 'Trend — en.trend.az (English)',
  domain: 'en.trend.az',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://en.trend.az/feeds/index.rss'],
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
  notes:
    'Public feed lists disagree on the English feed (/rss, /rss.xml, /feed/, /feeds/index.rss); /feeds/index.rss mirrors az.trend.az and is unverified. Items open with a dateline "BAKU, Azerbaijan, September 20."; date from meta article:published_time (generic reader).',
};
