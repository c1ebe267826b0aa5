import type { DeclaredSource } from '../source-group.js';

export const apaAz: DeclaredSource = {
  id: 'apa-az',
  name: 'APA — apa.az',
  domain: 'apa.az',
  languages: ['aze'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://apa.az/rss/'],
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
  notes: 'Feed listed as working in 2026 by a public feed survey.',
};
