import type { DeclaredSource } from '../source-group.js';

export const apaAzEn: DeclaredSource = {
  id: 'apa-az-en',
  name: 'APA — apa.az (English)',
  domain: 'apa.az',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://apa.az/en/rss'],
    urlPattern: '^https://apa\\.az/en/',
  },
  parsers: [
    {
      selectors: {
        title: 'h1.title_news',
        body: '.news_content .texts',
        date: '.date time',
      },
    },
  ],
  notes:
    'English feed https://apa.az/en/rss from one public feed list, unverified; markup assumed to be that of the Azerbaijani edition (apa-az).',
};
