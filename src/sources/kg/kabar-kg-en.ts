import type { DeclaredSource } from '../source-group.js';

export const kabarKgEn: DeclaredSource = {
  id: 'kabar-kg-en',
  name: 'Kabar — kabar.kg (English)',
  domain: 'kabar.kg',
  languages: ['eng'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://kabar.kg/eng/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-title',
        body: '.news-content',
        date: '.news-date',
      },
    },
  ],
  notes:
    'State news agency, English section /eng/ (also seen as en.kabar.kg); public feed lists give /eng/rss and /eng/rss.xml, unverified. Items open with a dateline "BISHKEK, Sept. 23 /Kabar/."',
};
