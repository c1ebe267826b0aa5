import { cariccOrg } from './caricc-org.js';
import { dialogTj } from './dialog-tj.js';
import { nmdkGovAz } from './nmdk-gov-az.js';
import { polisiaKz } from './polisia-kz.js';
import { reportAz } from './report-az.js';
import type { SiteFiles } from './site-files.js';

/** The demo sites (config/sources.demo.yaml), as scripts/build-fixture-sites.ts writes them. */
export function demoSites(): SiteFiles[] {
  return [polisiaKz(), nmdkGovAz(), reportAz(), dialogTj(), cariccOrg()];
}
