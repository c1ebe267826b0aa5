import type { DeclaredSource } from '../source-group.js';

export const akipressCom: DeclaredSource = {
  id: 'akipress-com',
  name: 'AKIpress — akipress.com (English)',
  domain: 'akipress.com',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://akipress.com/rss/news_en.rss'],
  },
  parsers: [
    {
      selectors: {
        title: 'div.news_in h1',
        body: 'div.news_in div.text',
        date: 'div.news_in .time',
        remove: ['.socials'],
      },
    },
  ],
  notes:
    'Public feed lists name several feeds (rss.php, rss/news.rss, rss/news_en.rss) and a listing https://akipress.com/allnews/; which one carries only the English news is unverified. Article URLs /news:<id>:<Title>/ as linked from public pages; markup unverified.',
};
