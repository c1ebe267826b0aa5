import { source24Kg } from './24-kg.js';
import { source24KgEn } from './24-kg-en.js';
import { akipressCom } from './akipress-com.js';
import { apaAz } from './apa-az.js';
import { apaAzEn } from './apa-az-en.js';
import { asiaplusTj } from './asiaplus-tj.js';
import { asiaplusTjEn } from './asiaplus-tj-en.js';
import { biangRu } from './biang-ru.js';
import { cariccOrg } from './caricc-org.js';
import { cbctvAz } from './cbctv-az.js';
import { dayAz } from './day-az.js';
import { dialogTj } from './dialog-tj.js';
import { iivUz } from './iiv-uz.js';
import { informKz } from './inform-kz.js';
import { informKzEn } from './inform-kz-en.js';
import { kabarKg } from './kabar-kg.js';
import { kabarKgEn } from './kabar-kg-en.js';
import { khovarTj } from './khovar-tj.js';
import { khovarTjEn } from './khovar-tj-en.js';
import { kunUz } from './kun-uz.js';
import { kunUzEn } from './kun-uz-en.js';
import { mediaAz } from './media-az.js';
import { mvdGovKg } from './mvd-gov-kg.js';
import { mvdRf } from './mvd-rf.js';
import { mvdRfRegions } from './mvd-rf-regions.js';
import { nmdkGovAz } from './nmdk-gov-az.js';
import { polisiaKzKz } from './polisia-kz-kz.js';
import { polisiaKzRu } from './polisia-kz-ru.js';
import { reportAzEn } from './report-az-en.js';
import { reportAzRu } from './report-az-ru.js';
import type { SourceDefinition } from './source-definition.js';
import { tdhGovTm } from './tdh-gov-tm.js';
import { tdhGovTmEn } from './tdh-gov-tm-en.js';
import { telegramIrinaVolk } from './telegram-irina-volk.js';
import { telegramPoliceOfKz } from './telegram-police-of-kz.js';
import { tengrinewsKz } from './tengrinews-kz.js';
import { tengrinewsKzEn } from './tengrinews-kz-en.js';
import { trendAz } from './trend-az.js';
import { trendAzEn } from './trend-az-en.js';
import { turkmenistaninfoGovTm } from './turkmenistaninfo-gov-tm.js';
import { turkmenportalCom } from './turkmenportal-com.js';
import { uzaUz } from './uza-uz.js';
import { uzaUzEn } from './uza-uz-en.js';

/** Every source declared in code, in the order of the README's source table. */
export const sourceRegistry: readonly SourceDefinition[] = [
  polisiaKzRu,
  polisiaKzKz,
  informKz,
  informKzEn,
  tengrinewsKz,
  tengrinewsKzEn,
  telegramPoliceOfKz,
  mvdRf,
  mvdRfRegions,
  telegramIrinaVolk,
  biangRu,
  nmdkGovAz,
  reportAzRu,
  reportAzEn,
  dayAz,
  mediaAz,
  cbctvAz,
  trendAz,
  trendAzEn,
  apaAz,
  apaAzEn,
  dialogTj,
  khovarTj,
  khovarTjEn,
  asiaplusTj,
  asiaplusTjEn,
  turkmenistaninfoGovTm,
  tdhGovTm,
  tdhGovTmEn,
  turkmenportalCom,
  kabarKg,
  kabarKgEn,
  source24Kg,
  source24KgEn,
  akipressCom,
  mvdGovKg,
  uzaUz,
  uzaUzEn,
  kunUz,
  kunUzEn,
  iivUz,
  cariccOrg,
];

export function findSourceDefinition(id: string): SourceDefinition | undefined {
  return sourceRegistry.find((definition) => definition.id === id);
}
