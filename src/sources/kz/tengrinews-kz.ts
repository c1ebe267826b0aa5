import type { DeclaredSource } from '../source-group.js';

export const tengrinewsKz: DeclaredSource = {
  id: 'tengrinews-kz',
  name: 'Tengrinews.kz',
  domain: 'tengrinews.kz',
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://tengrinews.kz/news/'],
    linkSelector: '.tn-article-item a.tn-link',
    maxPages: 2,
    urlPattern: '/[a-z_]+/[a-z0-9-]+-\\d+/$',
  },
  parsers: [
    {
      validUntil: '2025-06-01',
      selectors: {
        title: 'h1.head-single',
        body: '.content_main_text',
        date: '.date-time',
      },
    },
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
    'Redesigned in June 2025: pages from before use the first parser. Feed https://tengrinews.kz/rss/ also exists.',
};
