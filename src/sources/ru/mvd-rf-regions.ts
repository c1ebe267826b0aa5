import type { DeclaredSource } from '../source-group.js';
import { mvdRf } from './mvd-rf.js';

/** The regional sites run the federal site's engine: same discovery and parsers, other start URLs. */
export const mvdRfRegions: DeclaredSource = {
  ...mvdRf,
  id: 'mvd-rf-regions',
  name: 'МВД России — региональные сайты NN.мвд.рф',
  domain: 'NN.мвд.рф',
  discovery: {
    ...mvdRf.discovery,
    urls: ['https://77.xn--b1aew.xn--p1ai/news', 'https://16.xn--b1aew.xn--p1ai/news'],
  },
  notes: 'Same engine as the federal site; add a region by adding its /news URL (77 Moscow, 16 Tatarstan).',
};
