import type { SourceDefinition } from './source-definition.js';

export const telegramIrinaVolk: SourceDefinition = {
  id: 'telegram-irina-volk',
  name: 'Ирина Волк, МВД России — Telegram @IrinaVolk_MVD',
  domain: 't.me/s/IrinaVolk_MVD',
  country: 'RU',
  languages: ['rus'],
  timezone: 'Europe/Moscow',
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
