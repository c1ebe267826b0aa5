import type { DeclaredSource } from '../source-group.js';

export const mediaAz: DeclaredSource = {
  id: 'media-az',
  name: 'Media.az',
  domain: 'media.az',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://media.az/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-inner__title',
        body: '.news-inner__desc',
        date: '.news-inner__info li',
        remove: ['.related-news', '.seo__tags'],
      },
    },
  ],
  notes: 'Behind Cloudflare at times ("Just a moment..."): such pages carry no article and fail extraction.',
};
