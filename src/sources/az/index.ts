import { sourceGroup } from '../source-group.js';
import { apaAz } from './apa-az.js';
import { apaAzEn } from './apa-az-en.js';
import { cbctvAz } from './cbctv-az.js';
import { dayAz } from './day-az.js';
import { mediaAz } from './media-az.js';
import { nmdkGovAz } from './nmdk-gov-az.js';
import { reportAzEn } from './report-az-en.js';
import { reportAzRu } from './report-az-ru.js';
import { trendAz } from './trend-az.js';
import { trendAzEn } from './trend-az-en.js';

/** Azerbaijan's sources: its sites write in Russian unless they say otherwise. */
export const azerbaijan = sourceGroup(
  { id: 'az', name: 'Azerbaijan', defaults: { country: 'AZ', timezone: 'Asia/Baku', languages: ['rus'] } },
  [nmdkGovAz, reportAzRu, reportAzEn, dayAz, mediaAz, cbctvAz, trendAz, trendAzEn, apaAz, apaAzEn],
);
