import { source24Kg } from './24-kg.js';
import { apaAz } from './apa-az.js';
import { asiaplusTj } from './asiaplus-tj.js';
import { biangRu } from './biang-ru.js';
import { cariccOrg } from './caricc-org.js';
import { cbctvAz } from './cbctv-az.js';
import { dayAz } from './day-az.js';
import { dialogTj } from './dialog-tj.js';
import { iivUz } from './iiv-uz.js';
import { informKz } from './inform-kz.js';
import { kabarKg } from './kabar-kg.js';
import { khovarTj } from './khovar-tj.js';
import { kunUz } from './kun-uz.js';
import { mediaAz } from './media-az.js';
import { mvdGovKg } from './mvd-gov-kg.js';
import { mvdRf } from './mvd-rf.js';
import { mvdRfRegions } from './mvd-rf-regions.js';
import { nmdkGovAz } from './nmdk-gov-az.js';
import { polisiaKzKz } from './polisia-kz-kz.js';
import { polisiaKzRu } from './polisia-kz-ru.js';
import { reportAzRu } from './report-az-ru.js';
import type { SourceDefinition } from './source-definition.js';
import { tdhGovTm } from './tdh-gov-tm.js';
import { telegramIrinaVolk } from './telegram-irina-volk.js';
import { telegramPoliceOfKz } from './telegram-police-of-kz.js';
import { tengrinewsKz } from './tengrinews-kz.js';
import { trendAz } from './trend-az.js';
import { turkmenistaninfoGovTm } from './turkmenistaninfo-gov-tm.js';
import { turkmenportalCom } from './turkmenportal-com.js';
import { uzaUz } from './uza-uz.js';

/** Every source declared in code, in the order of the README's source table. */
export const sourceRegistry: readonly SourceDefinition[] = [
  polisiaKzRu,
  polisiaKzKz,
  informKz,
  tengrinewsKz,
  telegramPoliceOfKz,
  mvdRf,
  mvdRfRegions,
  telegramIrinaVolk,
  biangRu,
  nmdkGovAz,
  reportAzRu,
  dayAz,
  mediaAz,
  cbctvAz,
  trendAz,
  apaAz,
  dialogTj,
  khovarTj,
  asiaplusTj,
  turkmenistaninfoGovTm,
  tdhGovTm,
  turkmenportalCom,
  kabarKg,
  source24Kg,
  mvdGovKg,
  uzaUz,
  kunUz,
  iivUz,
  cariccOrg,
];

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return sourceRegistry.find((definition) => definition.id === id);
}
