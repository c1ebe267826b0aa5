import { sourceGroup } from '../source-group.js';
import { iivUz } from './iiv-uz.js';
import { kunUz } from './kun-uz.js';
import { kunUzEn } from './kun-uz-en.js';
import { uzaUz } from './uza-uz.js';
import { uzaUzEn } from './uza-uz-en.js';

/** Uzbekistan's sources: its sites write in Russian unless they say otherwise. */
export const uzbekistan = sourceGroup(
  {
    id: 'uz',
    name: 'Uzbekistan',
    defaults: { country: 'UZ', timezone: 'Asia/Tashkent', languages: ['rus'] },
  },
  [uzaUz, uzaUzEn, kunUz, kunUzEn, iivUz],
);
