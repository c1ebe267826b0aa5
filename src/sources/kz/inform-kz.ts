import type { DeclaredSource } from '../source-group.js';

export const informKz: DeclaredSource = {
  id: 'inform-kz',
  name: 'Казинформ — inform.kz',
  domain: 'inform.kz',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://www.inform.kz/rss/rus/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.article__title',
        body: '.article__body-text',
        date: 'time.article__date',
        remove: ['.article__share'],
      },
    },
  ],
  notes: 'Feed URL unverified.',
};
