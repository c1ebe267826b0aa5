import { akipressCom } from './akipress-com.js';
import { apaAz } from './apa-az.js';
import { asiaplusTj } from './asiaplus-tj.js';
import { biangRu } from './biang-ru.js';
import { cbctvAz } from './cbctv-az.js';
import { dayAz } from './day-az.js';
import { enInformKz } from './en-inform-kz.js';
import { enTengrinewsKz } from './en-tengrinews-kz.js';
import { enTrendAz } from './en-trend-az.js';
import { iivUz } from './iiv-uz.js';
import { informKz } from './inform-kz.js';
import { kabarKg } from './kabar-kg.js';
import { kg24 } from './kg-24.js';
import { khovarTj } from './khovar-tj.js';
import { kunUz } from './kun-uz.js';
import { mediaAz } from './media-az.js';
import { mvdGovKg } from './mvd-gov-kg.js';
import { mvdRfSites } from './mvd-rf.js';
import type { RecordedSite } from './page.js';
import { tdhGovTm } from './tdh-gov-tm.js';
import { telegram } from './telegram.js';
import { tengrinewsKz } from './tengrinews-kz.js';
import { trendAz } from './trend-az.js';
import { turkmenistaninfoGovTm } from './turkmenistaninfo-gov-tm.js';
import { turkmenportalCom } from './turkmenportal-com.js';
import { uzaUz } from './uza-uz.js';

/** Every reconstructed site of the declared sources (the demo sites are built by build-fixture-sites.ts). */
export function recordedSites(): RecordedSite[] {
  return [
    informKz(),
    tengrinewsKz(),
    telegram(),
    ...mvdRfSites(),
    biangRu(),
    dayAz(),
    mediaAz(),
    cbctvAz(),
    trendAz(),
    apaAz(),
    khovarTj(),
    asiaplusTj(),
    turkmenistaninfoGovTm(),
    tdhGovTm(),
    turkmenportalCom(),
    kabarKg(),
    kg24(),
    mvdGovKg(),
    uzaUz(),
    kunUz(),
    iivUz(),
    enTrendAz(),
    enInformKz(),
    enTengrinewsKz(),
    akipressCom(),
  ];
}
