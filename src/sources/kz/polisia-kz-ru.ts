import type { DeclaredSource } from '../source-group.js';

export const polisiaKzRu: DeclaredSource = {
  id: 'polisia-kz-ru',
  name: 'МВД РК — polisia.kz (русский)',
  domain: 'polisia.kz',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://polisia.kz/ru/'],
    linkSelector: '.listing-item a.post-url.post-title',
    nextPageSelector: 'a.next.page-numbers',
    maxPages: 3,
  },
  parsers: [
    {
      selectors: {
        title: 'h1.single-post-title',
        body: '.entry-content',
        remove: ['.post-share', '.related-posts', '.post-tags'],
      },
    },
  ],
  notes: 'WordPress multisite; listing selector from a public aggregator, article selectors unverified.',
};
