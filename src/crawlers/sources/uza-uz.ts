import type { SourceDefinition } from './source-definition.js';

export const uzaUz: SourceDefinition = {
  id: 'uza-uz',
  name: 'UzA — uza.uz (oʻzbekcha)',
  domain: 'uza.uz',
  country: 'UZ',
  languages: ['uzb'],
  timezone: 'Asia/Tashkent',
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
