import type { DeclaredSource } from '../source-group.js';

export const telegramPoliceOfKz: DeclaredSource = {
  id: 'telegram-police-of-kz',
  name: 'Полиция Казахстана — Telegram @POLICE_of_KZ',
  domain: 't.me/s/POLICE_of_KZ',
  languages: ['rus', 'kaz'],
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'telegram',
    urls: ['https://t.me/s/POLICE_of_KZ'],
    maxPages: 2,
  },
  parsers: [
    {
      selectors: {},
    },
  ],
  notes: 'Official channel of the MIA of Kazakhstan; posts are stored from the channel preview.',
};
