import type { DeclaredSource } from '../source-group.js';

export const polisiaKzKz: DeclaredSource = {
  id: 'polisia-kz-kz',
  name: 'ҚР ІІМ — polisia.kz (қазақша)',
  domain: 'polisia.kz',
  languages: ['kaz'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://polisia.kz/kz/'],
    linkSelector: '.listing-item a.post-url.post-title',
    nextPageSelector: 'a.next.page-numbers',
    maxPages: 2,
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
  notes: 'Kazakh section of the same WordPress multisite.',
};
