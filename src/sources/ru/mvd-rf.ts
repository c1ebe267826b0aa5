import type { DeclaredSource } from '../source-group.js';

export const mvdRf: DeclaredSource = {
  id: 'mvd-rf',
  name: 'МВД России — мвд.рф (федеральный сайт)',
  domain: 'мвд.рф',
  official: true,
  crawler: 'playwright',
  discovery: {
    strategy: 'listing',
    urls: ['https://xn--b1aew.xn--p1ai/news'],
    linkSelector: 'div.sl-item-title > a',
    maxPages: 2,
    urlPattern: '/news/item/\\d+/?$',
  },
  parsers: [
    {
      selectors: {
        title: 'div.ln-content-holder h1',
        body: 'div.ln-content-holder div.article',
        date: 'div.article-date-item',
      },
    },
  ],
  notes: 'Turns plain HTTP clients away: fetched with a browser. mvd.ru redirects here.',
};
