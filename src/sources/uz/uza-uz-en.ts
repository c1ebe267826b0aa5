import type { DeclaredSource } from '../source-group.js';

export const uzaUzEn: DeclaredSource = {
  id: 'uza-uz-en',
  name: 'UzA — uza.uz (English)',
  domain: 'uza.uz',
  languages: ['eng'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://uza.uz/en/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.news-top-head__title',
        body: '.content-block',
      },
    },
  ],
  notes:
    'State news agency; feed https://uza.uz/en/rss/ from public feed lists, article URLs /en/posts/<slug>_<id>; markup assumed to be the Uzbek edition’s, unverified. Date from meta tags.',
};
