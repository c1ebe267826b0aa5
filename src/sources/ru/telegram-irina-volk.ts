import type { DeclaredSource } from '../source-group.js';

export const telegramIrinaVolk: DeclaredSource = {
  id: 'telegram-irina-volk',
  name: 'Ирина Волк, МВД России — Telegram @IrinaVolk_MVD',
  domain: 't.me/s/IrinaVolk_MVD',
  official: true,
  crawler: 'cheerio',
  discovery: {
    strategy: 'telegram',
    urls: ['https://t.me/s/IrinaVolk_MVD'],
    maxPages: 2,
  },
  parsers: [
    {
      selectors: {},
    },
  ],
  notes: 'Channel of the official spokesperson of the MIA of Russia; channel name unverified.',
};
