import type { DeclaredSource } from '../source-group.js';

export const informKzEn: DeclaredSource = {
  id: 'inform-kz-en',
  name: 'Kazinform — en.inform.kz (English)',
  domain: 'en.inform.kz',
  languages: ['eng'],
  official: false,
  crawler: 'cheerio',
  discovery: {
    strategy: 'rss',
    urls: ['https://en.inform.kz/rss/'],
  },
  parsers: [
    {
      selectors: {
        title: 'h1.article__title',
        body: '.article__body-text',
        date: 'time.article__date',
        remove: ['.article__share'],
      },
    },
  ],
  notes:
    'English edition of Kazinform on the same platform as inform.kz (selectors of inform-kz). The feed URL https://en.inform.kz/rss/ is listed by one public feed survey, unverified; article URLs /news/<slug>-<6 hex>/ as linked from public pages.',
};
