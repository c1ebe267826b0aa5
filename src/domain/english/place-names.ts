import { transliterate } from '../text/transliterate.js';
import type { Language } from '../types.js';
import { foldTerm } from './term-matching.js';

/**
 * A place's English name: `PlaceToEnglish` is what the suggestion takes (by default
 * `gazetteerPlaceToEnglish`, which reads declined names through the shipped gazetteer); `defaultPlaceToEnglish` is
 * its fallback: a small table of exonyms and established
 * English spellings (Тошкент → Tashkent, Bakı → Baku, Худжанд → Khujand), looked up with the common case endings
 * removed (Ташкенте, Bakıda, Алматыда), else a transliteration of the name as written (`transliterate.ts`).
 * A declined name outside the table keeps its ending here (Шымкенте → Shymkente): the gazetteer's look-up removes it.
 */
/** undefined: the place is not known well enough to name it in English. */
export type PlaceToEnglish = (name: string, lang: Language) => string | undefined;

const EXONYMS: ReadonlyArray<readonly [string, readonly string[]]> = [
  // Member states and neighbours.
  ['Kazakhstan', ['казахстан', 'қазақстан', 'qazaqstan', 'kazakhstan', "qozog'iston", 'қозоғистон']],
  [
    'Kyrgyzstan',
    ['кыргызстан', 'киргизия', 'қырғызстан', 'kyrgyzstan', "qirg'iziston", 'қирғизистон', 'qırğızıstan'],
  ],
  ['Tajikistan', ['таджикистан', 'тоҷикистон', 'tojikiston', 'тожикистон', 'täjigistan', 'tacikistan']],
  ['Turkmenistan', ['туркменистан', 'türkmenistan', 'turkmaniston', 'туркманистон', 'türkmənistan']],
  ['Uzbekistan', ['узбекистан', 'ўзбекистон', "o'zbekiston", 'өзбекстан', 'özbegistan', 'özbəkistan']],
  ['Azerbaijan', ['азербайджан', 'azərbaycan', 'әзірбайжан', 'ozarbayjon', 'azerbaýjan']],
  ['Russia', ['россия', 'ресей', 'русия', 'rossiya', 'россия федерацияси', 'rusiya', 'russiýa']],
  ['Afghanistan', ['афганистан', 'афғонистон', "afg'oniston", 'ауғанстан', 'owganystan', 'əfqanıstan']],
  ['Iran', ['иран', 'эрон', 'eron', 'eýran', 'i̇ran', 'iran']],
  ['China', ['китай', 'хитой', 'xitoy', 'қытай', 'хитой', 'çin', 'hytaý']],
  // Capitals and cities whose English spelling is not their transliteration.
  ['Tashkent', ['ташкент', 'тошкент', 'toshkent']],
  ['Samarkand', ['самарканд', 'самарқанд', 'samarqand']],
  ['Bukhara', ['бухара', 'бухоро', 'buxoro']],
  ['Fergana', ['фергана', 'фарғона', "farg'ona"]],
  ['Andijan', ['андижан', 'андижон', 'andijon']],
  ['Khorezm', ['хорезм', 'хоразм', 'xorazm']],
  ['Karshi', ['карши', 'қарши', 'qarshi']],
  ['Termez', ['термез', 'термиз', 'termiz']],
  ['Jizzakh', ['джизак', 'жиззах', 'jizzax']],
  ['Almaty', ['алматы', 'алма-ата', 'almaty']],
  // Regions whose names are compounds the gazetteer's stems do not reach in their declined forms.
  [
    'East Kazakhstan region',
    [
      'восточно-казахстанская область',
      'восточно-казахстанской области',
      'вко',
      'шығыс қазақстан облысы',
      'шығыс қазақстан облысында',
    ],
  ],
  [
    'West Kazakhstan region',
    [
      'западно-казахстанская область',
      'западно-казахстанской области',
      'зко',
      'батыс қазақстан облысы',
      'батыс қазақстан облысында',
    ],
  ],
  [
    'North Kazakhstan region',
    [
      'северо-казахстанская область',
      'северо-казахстанской области',
      'ско',
      'солтүстік қазақстан облысы',
      'солтүстік қазақстан облысында',
    ],
  ],
  ['Karaganda', ['караганда', 'қарағанды', 'qarağandy']],
  ['Aktobe', ['актобе', 'ақтөбе', 'aqtöbe']],
  ['Aktau', ['актау', 'ақтау', 'aqtau']],
  ['Kostanay', ['костанай', 'қостанай', 'qostanai']],
  ['Kyzylorda', ['кызылорда', 'қызылорда', 'qyzylorda']],
  ['Taldykorgan', ['талдыкорган', 'талдықорған', 'taldyqorğan']],
  ['Turkistan', ['туркестан', 'түркістан', 'türkıstan']],
  ['Oskemen', ['усть-каменогорск', 'өскемен', 'öskemen']],
  ['Oral', ['уральск', 'орал']],
  ['Petropavl', ['петропавловск', 'петропавл']],
  ['Konaev', ['конаев', 'қонаев', 'qonaev']],
  ['Jalal-Abad', ['джалал-абад', 'жалал-абад', 'jalal-abad']],
  ['Issyk-Kul', ['иссык-куль', 'ысык-көл']],
  ['Khujand', ['худжанд', 'хуҷанд', "xo'jand"]],
  ['Kulob', ['куляб', 'кулоб', 'кӯлоб']],
  ['Khorog', ['хорог', 'хоруғ']],
  ['Bokhtar', ['бохтар', 'бохтар']],
  ['Ashgabat', ['ашхабад', 'ашгабат', 'aşgabat', 'ashgabat']],
  ['Turkmenabat', ['туркменабат', 'türkmenabat']],
  ['Dashoguz', ['дашогуз', 'daşoguz']],
  ['Baku', ['баку', 'bakı', 'baku']],
  ['Ganja', ['гянджа', 'gəncə']],
  ['Sumgait', ['сумгаит', 'sumqayıt']],
  ['Lankaran', ['ленкорань', 'лянкяран', 'lənkəran']],
  ['Absheron', ['абшерон', 'апшерон', 'abşeron']],
  ['Nakhchivan', ['нахичевань', 'нахчыван', 'naxçıvan']],
  ['Moscow', ['москва', 'moskva']],
  ['Saint Petersburg', ['санкт-петербург', 'петербург']],
  ['Rostov-on-Don', ['ростов-на-дону']],
  ['Nizhny Novgorod', ['нижний новгород']],
];

const EXONYM_BY_KEY: ReadonlyMap<string, string> = new Map(
  EXONYMS.flatMap(([english, names]) => names.map((name) => [foldTerm(name), english] as const)),
);

/** Case endings removed (or replaced) to find a declined name in the table, longest first, per language. */
const ENDINGS: Readonly<Record<Language, ReadonlyArray<readonly [string, string]>>> = {
  rus: [
    ['ом', ''],
    ['ой', 'а'],
    ['е', ''],
    ['е', 'а'],
    ['у', ''],
    ['у', 'а'],
    ['ы', 'а'],
    ['и', 'ь'],
    ['а', ''],
  ],
  kaz: [
    ['ның', ''],
    ['нің', ''],
    ['дың', ''],
    ['дің', ''],
    ['тың', ''],
    ['тің', ''],
    ['нда', ''],
    ['нде', ''],
    ['да', ''],
    ['де', ''],
    ['та', ''],
    ['те', ''],
    ['ға', ''],
    ['ге', ''],
    ['қа', ''],
    ['ке', ''],
  ],
  kir: [
    ['дагы', ''],
    ['нын', ''],
    ['нин', ''],
    ['дын', ''],
    ['дин', ''],
    ['да', ''],
    ['дө', ''],
    ['до', ''],
    ['та', ''],
    ['то', ''],
    ['га', ''],
    ['ге', ''],
    ['ка', ''],
    ['ке', ''],
  ],
  uzb: [
    ['dagi', ''],
    ['ning', ''],
    ['даги', ''],
    ['нинг', ''],
    ['da', ''],
    ['ga', ''],
    ['ka', ''],
    ['qa', ''],
    ['да', ''],
    ['га', ''],
    ['ка', ''],
    ['қа', ''],
  ],
  tgk: [
    ['ро', ''],
    ['и', ''],
  ],
  tuk: [
    ['nyň', ''],
    ['niň', ''],
    ['da', ''],
    ['de', ''],
    ['a', ''],
    ['e', ''],
  ],
  aze: [
    ['nın', ''],
    ['nin', ''],
    ['da', ''],
    ['də', ''],
    ['ya', ''],
    ['yə', ''],
    ['a', ''],
    ['ə', ''],
  ],
  eng: [],
};

/** The English name from the table, trying the name as written, then without a case ending; else undefined. */
export function exonymOf(name: string, lang: Language): string | undefined {
  const key = foldTerm(name.trim());
  const direct = EXONYM_BY_KEY.get(key);
  if (direct) return direct;
  for (const [ending, replacement] of ENDINGS[lang]) {
    const folded = foldTerm(ending);
    if (key.length > folded.length + 2 && key.endsWith(folded)) {
      const found = EXONYM_BY_KEY.get(key.slice(0, -folded.length) + foldTerm(replacement));
      if (found) return found;
    }
  }
  return undefined;
}

/** The default `PlaceToEnglish`: an exonym when the table has one, else the name transliterated. */
export const defaultPlaceToEnglish: PlaceToEnglish = (name, lang) => {
  const trimmed = name.trim().replace(/^[«"“„]+|[»"”]+$/g, '');
  return exonymOf(trimmed, lang) ?? transliterate(trimmed, lang);
};
