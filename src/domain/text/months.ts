import { toCommonLatin } from './transliterate.js';

/**
 * Month names of the region's eight languages, one table for every stage that reads or writes a month: dates
 * (`dates.ts`), story numbers (`story-numbers.ts`, through `COMMON_LATIN_MONTH_STEMS`), English calendar words
 * (`story-english.ts`) and the bulletin (`src/bulletin/house-format.ts`). Index 0 is January.
 */

/** English month names, lower case. */
export const ENGLISH_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

/** Russian month names in the genitive, as dates write them («с 1 по 30 сентября»). */
export const RUSSIAN_GENITIVE_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
] as const;

/**
 * Month-name stems, one row per month: Russian (also Kyrgyz, Tajik and Uzbek Cyrillic, which borrow its names),
 * Kazakh (Cyrillic, the 2018 Latin with acute accents and the 2021 Latin with ä ü ū ı ş), Uzbek (the current Latin
 * spelling «sentabr», «oktabr» and the older «sentyabr»), Azerbaijani Latin, Turkmen, English, and the Kyrgyz
 * traditional names («аяк оона», «жалган куран»…). A word is a month when it starts with a stem, so case endings
 * match too: «сентября», «сентябри», «sentyabrda», «sentýabr», «аяк оонанын». `ianvar` and `mai` are the
 * romanisations of «январь» and «май» some English pages use.
 */
// biome-ignore format: one row per month reads better packed
export const MONTH_STEMS: readonly (readonly string[])[] = [
  ['январ', 'қаңтар', 'qantar', 'qañtar', 'qańtar', 'yanvar', 'ianvar', 'ýanwar', 'үчтүн ай', 'january'],
  ['феврал', 'ақпан', 'aqpan', 'fevral', 'fewral', 'бирдин ай', 'february'],
  ['март', 'наурыз', 'nauryz', 'naýryz', 'mart', 'жалган куран', 'march'],
  ['апрел', 'сәуір', 'sáuir', 'sáýir', 'säuır', 'säuir', 'sauir', 'aprel', 'чын куран', 'april'],
  ['май', 'мая', 'мамыр', 'mamyr', 'may', 'mai', 'maý', 'бугу'],
  ['июн', 'маусым', 'mausym', 'maýsym', 'iyun', 'iýun', 'кулжа', 'june'],
  ['июл', 'шілде', 'shilde', 'şılde', 'iyul', 'iýul', 'теке', 'july'],
  ['август', 'тамыз', 'tamyz', 'avgust', 'avqust', 'awgust', 'баш оона', 'august'],
  ['сентябр', 'сентабр', 'қыркүйек', 'qyrkúiek', 'qyrkúıek', 'qyrküiek', 'qyrkuiek', 'sentyabr', 'sentabr', 'sentýabr', 'аяк оона', 'september'],
  ['октябр', 'октабр', 'қазан', 'qazan', 'oktyabr', 'oktabr', 'oktýabr', 'тогуздун ай', 'october'],
  ['ноябр', 'қараша', 'qarasha', 'qaraşa', 'noyabr', 'noýabr', 'жетинин ай', 'november'],
  ['декабр', 'желтоқсан', 'jeltoqsan', 'dekabr', 'бештин ай', 'december'],
];

/**
 * English month abbreviations, one row per month (none for May, which is its own name). As stems they would also
 * match other words (`marine`, `separate`), so readers match them whole or with their dot.
 */
export const ENGLISH_MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['jan'],
  ['feb'],
  ['mar'],
  ['apr'],
  [],
  ['jun'],
  ['jul'],
  ['aug'],
  ['sep', 'sept'],
  ['oct'],
  ['nov'],
  ['dec'],
];

/** Russian month abbreviations (`мар.`, `сент.`), one row per month; as stems they would match «марок». */
export const RUSSIAN_MONTH_ABBREVIATIONS: readonly (readonly string[])[] = [
  ['янв'],
  ['фев'],
  ['мар'],
  ['апр'],
  [],
  [],
  [],
  ['авг'],
  ['сен', 'сент'],
  ['окт'],
  ['ноя'],
  ['дек'],
];

/** The three-letter English abbreviations of RFC 2822 and HTTP dates (`18 Nov 2019`), May included. */
export const RFC_2822_MONTHS: readonly string[] = ENGLISH_MONTHS.map((name) => name.slice(0, 3));

/**
 * The month stems in the common Latin spelling of `toCommonLatin` (`қаңтар` → `kantar`, `avqust` → `avkust`), one
 * row per month: what story numbers read after the text is brought to that spelling. Multi-word names are left out.
 */
export const COMMON_LATIN_MONTH_STEMS: readonly (readonly string[])[] = MONTH_STEMS.map((row) => [
  ...new Set(row.filter((stem) => !stem.includes(' ')).map(toCommonLatin)),
]);

/** Russian and English abbreviations together, one row per month: what dates read as whole words. */
export const MONTH_ABBREVIATIONS: readonly (readonly string[])[] = RUSSIAN_MONTH_ABBREVIATIONS.map(
  (russian, i) => [...russian, ...(ENGLISH_MONTH_ABBREVIATIONS[i] ?? [])],
);

const monthIndex = (rows: readonly (readonly string[])[]) =>
  rows.flatMap((words, i) => words.map((word) => [word, i + 1] as const));
const MONTH_BY_WORD = new Map([...monthIndex(MONTH_STEMS), ...monthIndex(MONTH_ABBREVIATIONS)]);
const STEMS_LONGEST_FIRST = MONTH_STEMS.flat().sort((a, b) => b.length - a.length);

/**
 * The month (1–12) a word names: a word starting with a stem of `MONTH_STEMS` (any case ending: «сентября»,
 * «sentyabrda»), or an abbreviation, whole or with its dot (`сент.`, `Sept`); undefined for any other word.
 */
export function monthOfName(word: string): number | undefined {
  const lower = word.toLowerCase();
  const stem = STEMS_LONGEST_FIRST.find((candidate) => lower.startsWith(candidate));
  return MONTH_BY_WORD.get(stem ?? lower.replace(/\.$/, ''));
}
