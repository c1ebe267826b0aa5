import { sourceGroup } from '../source-group.js';
import { informKz } from './inform-kz.js';
import { informKzEn } from './inform-kz-en.js';
import { polisiaKzKz } from './polisia-kz-kz.js';
import { polisiaKzRu } from './polisia-kz-ru.js';
import { telegramPoliceOfKz } from './telegram-police-of-kz.js';
import { tengrinewsKz } from './tengrinews-kz.js';
import { tengrinewsKzEn } from './tengrinews-kz-en.js';

/** Kazakhstan's sources: its sites write in Russian unless they say otherwise. */
export const kazakhstan = sourceGroup(
  { id: 'kz', name: 'Kazakhstan', defaults: { country: 'KZ', timezone: 'Asia/Almaty', languages: ['rus'] } },
  [polisiaKzRu, polisiaKzKz, informKz, informKzEn, tengrinewsKz, tengrinewsKzEn, telegramPoliceOfKz],
);
