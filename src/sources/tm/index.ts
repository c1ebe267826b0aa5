import { sourceGroup } from '../source-group.js';
import { tdhGovTm } from './tdh-gov-tm.js';
import { tdhGovTmEn } from './tdh-gov-tm-en.js';
import { turkmenistaninfoGovTm } from './turkmenistaninfo-gov-tm.js';
import { turkmenportalCom } from './turkmenportal-com.js';

/** Turkmenistan's sources: its sites write in Russian unless they say otherwise. */
export const turkmenistan = sourceGroup(
  {
    id: 'tm',
    name: 'Turkmenistan',
    defaults: { country: 'TM', timezone: 'Asia/Ashgabat', languages: ['rus'] },
  },
  [turkmenistaninfoGovTm, tdhGovTm, tdhGovTmEn, turkmenportalCom],
);
