import { sourceGroup } from '../source-group.js';
import { biangRu } from './biang-ru.js';
import { mvdRf } from './mvd-rf.js';
import { mvdRfRegions } from './mvd-rf-regions.js';
import { telegramIrinaVolk } from './telegram-irina-volk.js';

/** Russia's sources: its sites write in Russian unless they say otherwise. */
export const russia = sourceGroup(
  { id: 'ru', name: 'Russia', defaults: { country: 'RU', timezone: 'Europe/Moscow', languages: ['rus'] } },
  [mvdRf, mvdRfRegions, telegramIrinaVolk, biangRu],
);
