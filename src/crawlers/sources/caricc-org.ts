import type { SourceDefinition } from './source-definition.js';

export const cariccOrg: SourceDefinition = {
  id: 'caricc-org',
  name: 'ЦАРИКЦ — caricc.org',
  domain: 'caricc.org',
  country: 'KZ',
  languages: ['rus', 'eng'],
  timezone: 'Asia/Almaty',
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
