import { foldWord } from '../country.js';
import placesFile from '../gazetteer-data/places.json' with { type: 'json' };
import { baseForms, stemOf } from '../place-index.js';
import type { Language } from '../types.js';
import { defaultPlaceToEnglish, exonymOf, type PlaceToEnglish } from './place-names.js';
import { transliterate } from './transliterate.js';

/**
 * A place's English name from the shipped gazetteer (GeoNames, src/domain/gazetteer-data/places.json): each row's
 * first name is GeoNames' own, in English letters (Shymkent, Dushanbe, Khatlon), and the row lists the place's
 * names in the region's languages. The facts stage gives the place as the text writes it, declined
 * (Шымкенте, Туркестанской области, Xətai rayonunda): the name is looked up with its ending taken off, the
 * same way `assignCountry` finds places (`baseForms`), and a last word naming the kind of unit (область, rayonu,
 * облысы, viloyati…) becomes "region", "district" or nothing (city). The exonyms of `place-names.ts` come first
 * (Tashkent, not the region's Toshkent); a name the gazetteer lacks is transliterated.
 */

const KIND_RANK: Readonly<Record<string, number>> = { P: 2, A2: 1, A1: 0 };
const COUNTRY_LANGUAGE: Readonly<Record<string, Language>> = {
  AZ: 'aze',
  KZ: 'kaz',
  KG: 'kir',
  TJ: 'tgk',
  TM: 'tuk',
  UZ: 'uzb',
  RU: 'rus',
};
const NON_ASCII = /[^\x00-\x7f]/u;

/** GeoNames' name in English letters: Abşeron → Absheron, Daşoguz → Dashoguz; plain ASCII names stay. */
const inEnglishLetters = (named: Named) =>
  NON_ASCII.test(named.english)
    ? transliterate(named.english, named.lang).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC')
    : named.english;

interface Named {
  english: string;
  /** The language whose Latin letters a GeoNames name with diacritics (Abşeron, Daşoguz) is read in. */
  lang: Language;
  population: number;
  rank: number;
}

const keyOf = (words: readonly string[]) => words.map((word) => stemOf(foldWord(word))).join(' ');

let englishByName: Map<string, Named> | undefined;

function namesIndex(): Map<string, Named> {
  if (englishByName) return englishByName;
  englishByName = new Map();
  for (const row of placesFile.rows.split('\n')) {
    const [country = '', kind = '', population = '0', names = ''] = row.split('\t');
    const [english, ...others] = names.split('|');
    if (!english) continue;
    const named: Named = {
      english,
      lang: COUNTRY_LANGUAGE[country] ?? 'eng',
      population: Number(population),
      rank: KIND_RANK[kind] ?? 0,
    };
    for (const name of [english, ...others]) {
      const key = keyOf(name.split(/[\s-]+/u));
      const known = englishByName.get(key);
      if (
        !known ||
        named.population > known.population ||
        (named.population === known.population && named.rank > known.rank)
      ) {
        englishByName.set(key, named);
      }
    }
  }
  return englishByName;
}

/** The kind of administrative unit a last word names, by its stem in each language; '' for a city. */
const UNIT_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(област|облыс|облус|viloyat|вилоят|welaýat|velayat|oblast)/iu, 'region'],
  [/^(район|rayon|аудан|ноҳия|нохия|tuman|туман|etrap|district)/iu, 'district'],
  [/^(город|шаҳр|шахр|шаар|şaar|şəhər|қала|shahar|shahri|шаҳар|şäher|kala|city)/iu, ''],
];

function unitOf(word: string): string | undefined {
  return UNIT_WORDS.find(([pattern]) => pattern.test(word))?.[1];
}

/** The English name of a place the gazetteer knows (words as written, the last possibly declined), else undefined. */
export function gazetteerEnglish(words: readonly string[]): string | undefined {
  if (words.length === 0) return undefined;
  const index = namesIndex();
  const head = words.slice(0, -1).map((word) => stemOf(foldWord(word)));
  for (const form of baseForms(foldWord(words.at(-1)!))) {
    const named = index.get([...head, form.base].join(' '));
    if (named) return inEnglishLetters(named);
  }
  // Russian adjectives of place: Туркестанской → Туркестан (the noun's stem is shorter than the adjective's).
  const last = foldWord(words.at(-1)!).replace(/(ск|ская|ской|ский|ском|скую|ского|скому)$/u, '');
  const named = index.get([...head, stemOf(last)].join(' '));
  return named ? inEnglishLetters(named) : undefined;
}

export const gazetteerPlaceToEnglish: PlaceToEnglish = (name: string, lang: Language) => {
  const trimmed = name.trim().replace(/^[«"“„]+|[»"”]+$/g, '');
  const exonym = exonymOf(trimmed, lang);
  if (exonym) return exonym;
  const words = trimmed.split(/\s+/u).filter(Boolean);
  const unit = words.length > 1 ? unitOf(words.at(-1)!) : undefined;
  const core = unit === undefined ? words : words.slice(0, -1);
  const coreName = core.join(' ');
  const english = exonymOf(coreName, lang) ?? gazetteerEnglish(core) ?? defaultPlaceToEnglish(coreName, lang);
  return unit ? `${english} ${unit}` : english;
};
