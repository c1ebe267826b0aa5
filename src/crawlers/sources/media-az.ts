import type { SourceDefinition } from './source-definition.js';

export const mediaAz: SourceDefinition = {
  id: 'media-az',
  name: 'Media.az',
  domain: 'media.az',
  country: 'AZ',
  languages: ['rus'],
  timezone: 'Asia/Baku',
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
