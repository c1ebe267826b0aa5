import { sourceGroup } from '../source-group.js';
import { source24Kg } from './24-kg.js';
import { source24KgEn } from './24-kg-en.js';
import { akipressCom } from './akipress-com.js';
import { kabarKg } from './kabar-kg.js';
import { kabarKgEn } from './kabar-kg-en.js';
import { mvdGovKg } from './mvd-gov-kg.js';

/** Kyrgyzstan's sources: its sites write in Russian unless they say otherwise. */
export const kyrgyzstan = sourceGroup(
  { id: 'kg', name: 'Kyrgyzstan', defaults: { country: 'KG', timezone: 'Asia/Bishkek', languages: ['rus'] } },
  [kabarKg, kabarKgEn, source24Kg, source24KgEn, akipressCom, mvdGovKg],
);
