import type { SourceDefinition } from './source-definition.js';

export const mvdRfRegions: SourceDefinition = {
  id: 'mvd-rf-regions',
  name: 'МВД России — региональные сайты NN.мвд.рф',
  domain: 'NN.мвд.рф',
  country: 'RU',
  languages: ['rus'],
  timezone: 'Europe/Moscow',
  official: true,
  crawler: 'playwright',
  discovery: {
    strategy: 'listing',
    urls: ['https://77.xn--b1aew.xn--p1ai/news', 'https://16.xn--b1aew.xn--p1ai/news'],
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
  notes: 'Same engine as the federal site; add a region by adding its /news URL (77 Moscow, 16 Tatarstan).',
};
