import { sourceGroup } from '../source-group.js';
import { asiaplusTj } from './asiaplus-tj.js';
import { asiaplusTjEn } from './asiaplus-tj-en.js';
import { dialogTj } from './dialog-tj.js';
import { khovarTj } from './khovar-tj.js';
import { khovarTjEn } from './khovar-tj-en.js';

/** Tajikistan's sources: its sites write in Russian unless they say otherwise. */
export const tajikistan = sourceGroup(
  {
    id: 'tj',
    name: 'Tajikistan',
    defaults: { country: 'TJ', timezone: 'Asia/Dushanbe', languages: ['rus'] },
  },
  [dialogTj, khovarTj, khovarTjEn, asiaplusTj, asiaplusTjEn],
);
