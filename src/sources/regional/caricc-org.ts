import type { DeclaredSource } from '../source-group.js';

export const cariccOrg: DeclaredSource = {
  id: 'caricc-org',
  name: 'ЦАРИКЦ — caricc.org',
  domain: 'caricc.org',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'sitemap',
    urls: ['https://www.caricc.org/sitemap.xml'],
  },
  parsers: [
    {
      selectors: {
        title: '.itemTitle',
        body: '.itemFullText',
        date: '.itemDateCreated',
      },
    },
  ],
  notes: 'Joomla K2; the news sitemap URL is unverified.',
};
