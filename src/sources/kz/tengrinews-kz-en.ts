import type { DeclaredSource } from '../source-group.js';

export const tengrinewsKzEn: DeclaredSource = {
  id: 'tengrinews-kz-en',
  name: 'Tengrinews — en.tengrinews.kz (English)',
  domain: 'en.tengrinews.kz',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://en.tengrinews.kz/rss'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.tn-content-title',
        body: 'div.tn-news-text',
        date: 'ul.tn-data-list time',
        remove: ['.tn-read-also', '.tn-ad'],
      },
    },
  ],
  notes:
    'Feed https://en.tengrinews.kz/rss from public aggregators (docs/SITES.md); markup assumed to follow the Russian site after its June 2025 redesign, unverified.',
};
