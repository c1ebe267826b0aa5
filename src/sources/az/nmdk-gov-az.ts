import type { DeclaredSource } from '../source-group.js';

export const nmdkGovAz: DeclaredSource = {
  id: 'nmdk-gov-az',
  name: 'Narkomaniyaya qarşı mübarizə üzrə Dövlət Komissiyası — nmdk.gov.az',
  domain: 'nmdk.gov.az',
  languages: ['aze'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'listing',
    urls: ['https://www.nmdk.gov.az/'],
    linkSelector: '.news-list a.news-card__title',
    maxPages: 1,
    urlPattern: '/page/post/\\d+/$',
  },
  parsers: [
    {
      selectors: {},
    },
  ],
  notes: 'Generic extraction (no selectors): only post URLs /page/post/<id>/ are known.',
};
