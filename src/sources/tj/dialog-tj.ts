import type { DeclaredSource } from '../source-group.js';

export const dialogTj: DeclaredSource = {
  id: 'dialog-tj',
  name: 'Диалог — dialog.tj',
  domain: 'dialog.tj',
  languages: ['rus', 'tgk'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://dialog.tj/news/', 'https://dialog.tj/tj/'],
    linkSelector: 'h2.entry-title a',
    maxPages: 2,
  },
  parsers: [
    {
      selectors: {
        title: 'h1.entry-title',
        body: '.entry-content',
        remove: ['.share'],
      },
    },
  ],
  notes: 'WordPress; some pages are windows-1251 with the charset only in a meta tag.',
};
