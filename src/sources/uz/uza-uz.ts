import type { DeclaredSource } from '../source-group.js';

export const uzaUz: DeclaredSource = {
  id: 'uza-uz',
  name: 'UzA — uza.uz (oʻzbekcha)',
  domain: 'uza.uz',
  languages: ['uzb'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://uza.uz/uz/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-top-head__title',
        body: '.content-block',
      },
    },
  ],
  notes: 'State news agency; feeds /uz/rss (Latin), /oz/rss (Cyrillic), /ru/rss. Date from meta tags.',
};
