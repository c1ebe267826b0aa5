import type { SourceDefinition } from './source-definition.js';

export const dialogTj: SourceDefinition = {
  id: 'dialog-tj',
  name: 'Диалог — dialog.tj',
  domain: 'dialog.tj',
  country: 'TJ',
  languages: ['rus', 'tgk'],
  timezone: 'Asia/Dushanbe',
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
