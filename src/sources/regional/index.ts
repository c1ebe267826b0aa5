import { sourceGroup } from '../source-group.js';
import { cariccOrg } from './caricc-org.js';

/** Regional bodies: CARICC's own site, in Russian and English, from Almaty. */
export const regional = sourceGroup(
  {
    id: 'regional',
    name: 'Regional bodies (CARICC, in Almaty)',
    defaults: { country: 'KZ', timezone: 'Asia/Almaty', languages: ['rus', 'eng'] },
  },
  [cariccOrg],
);
