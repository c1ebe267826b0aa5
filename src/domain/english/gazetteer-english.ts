import { foldWord } from '../country.js';
import placesFile from '../gazetteer-data/places.json' with { type: 'json' };
import { baseForms, stemOf } from '../place-index.js';
import { APOSTROPHE_CLASS_BODY } from '../text/apostrophes.js';
import { stripDiacritics } from '../text/fold.js';
import { transliterate } from '../text/transliterate.js';
import type { Language } from '../types.js';
import { defaultPlaceToEnglish, exonymOf, type PlaceToEnglish } from './place-names.js';

/**
 * A place's English name from the shipped gazetteer (GeoNames, src/domain/gazetteer-data/places.json): each row's
 * first name is GeoNames' own, in English letters (Shymkent, Dushanbe, Khatlon), and the row lists the place's
 * names in the region's languages. The facts stage gives the place as the text writes it, declined
 * (Шымкенте, Туркестанской области, Xətai rayonunda): the name is looked up with its ending taken off, the
 * same way `assignCountry` finds places (`baseForms`), and a last word naming the kind of unit (область, rayonu,
 * облысы, viloyati…) becomes "region", "district" or nothing (city). The exonyms of `place-names.ts` come first
 * (Tashkent, not the region's Toshkent); a name the gazetteer lacks is transliterated.
 */

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  AZ: 'Azerbaijan',
  KZ: 'Kazakhstan',
  KG: 'Kyrgyzstan',
  RU: 'Russia',
  TJ: 'Tajikistan',
  TM: 'Turkmenistan',
  UZ: 'Uzbekistan',
};

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

/**
 * GeoNames' name in English letters: Abşeron → Absheron, Daşoguz → Dashoguz; plain ASCII names stay. The
 * gazetteer's guard mark (`~`: a name that is also a common word) is not part of the name.
 */
const inEnglishLetters = (named: Named) => {
  const english = named.english.replace(/^~/, '');
  return NON_ASCII.test(english) ? stripDiacritics(transliterate(english, named.lang)) : english;
};

interface Named {
  english: string;
  /** The state the place is in (ISO code, as the gazetteer files it). */
  country: string;
  /** The language whose Latin letters a GeoNames name with diacritics (Abşeron, Daşoguz) is read in. */
  lang: Language;
  population: number;
  rank: number;
  /** This spelling is also a common word (the gazetteer's `~`). */
  guarded?: boolean;
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
      country,
      lang: COUNTRY_LANGUAGE[country] ?? 'eng',
      population: Number(population),
      rank: KIND_RANK[kind] ?? 0,
    };
    for (const raw of [english, ...others]) {
      // `~` marks a name that is also a common word: known as a place here, never looked for in running text.
      const guarded = raw.startsWith('~');
      const key = keyOf(raw.replace(/^~/, '').split(/[\s-]+/u));
      const known = englishByName.get(key);
      if (
        !known ||
        named.population > known.population ||
        (named.population === known.population && named.rank > known.rank)
      ) {
        englishByName.set(key, { ...named, guarded });
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

/** The place the gazetteer knows by these words (as written, the last possibly declined), else undefined. */
function gazetteerPlace(words: readonly string[]): Named | undefined {
  if (words.length === 0) return undefined;
  const index = namesIndex();
  const head = words.slice(0, -1).map((word) => stemOf(foldWord(word)));
  for (const form of baseForms(foldWord(words.at(-1)!))) {
    const named = index.get([...head, form.base].join(' '));
    if (named) return named;
  }
  // Russian adjectives of place: Туркестанской → Туркестан (the noun's stem is shorter than the adjective's).
  const last = foldWord(words.at(-1)!).replace(/(ск|ская|ской|ский|ском|скую|ского|скому)$/u, '');
  return index.get([...head, stemOf(last)].join(' '));
}

/** The English name of a place the gazetteer knows (words as written, the last possibly declined), else undefined. */
export function gazetteerEnglish(words: readonly string[]): string | undefined {
  const named = gazetteerPlace(words);
  return named ? inEnglishLetters(named) : undefined;
}

/** The English name of a place the exonyms or the gazetteer know, with its unit word; undefined otherwise. */
export function knownPlaceToEnglish(name: string, lang: Language): string | undefined {
  const trimmed = name.trim().replace(/^[«"“„]+|[»"”]+$/g, '');
  const exonym = exonymOf(trimmed, lang);
  if (exonym) return exonym;
  const words = trimmed.split(/\s+/u).filter(Boolean);
  const unit = words.length > 1 ? unitOf(words.at(-1)!) : undefined;
  const core = unit === undefined ? words : words.slice(0, -1);
  if (core.length === 0) return undefined;
  const english = exonymOf(core.join(' '), lang) ?? gazetteerEnglish(core);
  if (!english) return undefined;
  // A country with a unit word ("…Қазақстан облысында") is a region's name cut short: not known.
  if (unit !== undefined && Object.values(COUNTRY_NAMES).includes(english)) return undefined;
  return unit ? `${english} ${unit}` : english;
}

/** As `knownPlaceToEnglish`, with a transliteration for a name nobody knows (for people reading a name). */
export const gazetteerPlaceToEnglish: PlaceToEnglish = (name: string, lang: Language) => {
  const known = knownPlaceToEnglish(name, lang);
  if (known) return known;
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const unit = words.length > 1 ? unitOf(words.at(-1)!) : undefined;
  const core = (unit === undefined ? words : words.slice(0, -1)).join(' ');
  const english = defaultPlaceToEnglish(core, lang);
  return unit ? `${english} ${unit}` : english;
};

const CAPITALISED_WORD = new RegExp(`[\\p{Lu}][\\p{L}\\p{M}${APOSTROPHE_CLASS_BODY}-]{2,}`, 'gu');

/**
 * The first place of the title (else of the body) in the item's own country that the gazetteer knows — or the
 * country itself — as written and in English: where the facts stage found no place, or one nobody knows. A
 * report names other countries' places too (partners, origins): those are not where its event happened.
 */
export function placeInText(
  texts: ReadonlyArray<string | undefined>,
  lang: Language,
  country: string | null | undefined,
): { original: string; english: string } | undefined {
  const countryName = country ? COUNTRY_NAMES[country] : undefined;
  if (!countryName) return undefined;
  for (const text of texts) {
    if (!text) continue;
    for (const match of text.matchAll(CAPITALISED_WORD)) {
      const word = match[0];
      if (exonymOf(word, lang) === countryName) return { original: word, english: countryName };
      const named = gazetteerPlace([word]);
      if (named && !named.guarded && named.country === country) {
        return { original: word, english: inEnglishLetters(named) };
      }
    }
  }
  return undefined;
}
