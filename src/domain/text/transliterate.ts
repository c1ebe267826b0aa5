import type { Language } from '../types.js';
import { dropApostrophes, unifyApostrophes } from './apostrophes.js';

/**
 * Cyrillic and the Turkic Latin alphabets in Latin letters, two ways, both built on one Russian table
 * (`RUSSIAN_TO_LATIN`, BGN/PCGN without diacritics):
 * - `transliterate`: names of the region in English letters, per language (English suggestions);
 * - `toCommonLatin`: one lower-case ASCII spelling shared by every script, for comparing reports (stories).
 *
 * Names of the region in English letters: a scholarly-ish transliteration of Cyrillic (per language: Kazakh қ is
 * q, Kyrgyz ж is j, Tajik ҷ is j) and of the Turkic Latin alphabets (Azerbaijani ə → a, c → j, x → kh, q → g;
 * Turkmen ş → sh, ý → y; Uzbek oʻ → o, gʻ → gh, x → kh): Шымкент → Shymkent, Хуҷанд → Khujand,
 * Gəncə → Ganja, Aşgabat → Ashgabat. Russian follows BGN/PCGN without diacritics (Екатеринбург → Yekaterinburg,
 * щ → shch, й → y). English text is left as it is.
 */

export const RUSSIAN_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Letters of each language's Cyrillic alphabet beyond (or read differently from) Russian. */
const CYRILLIC_EXTRA: Readonly<Partial<Record<Language, Readonly<Record<string, string>>>>> = {
  kaz: { ә: 'a', ғ: 'gh', қ: 'q', ң: 'ng', ө: 'o', ұ: 'u', ү: 'u', һ: 'h', і: 'i' },
  kir: { ж: 'j', ң: 'ng', ө: 'o', ү: 'u' },
  tgk: { ғ: 'gh', ӣ: 'i', қ: 'q', ӯ: 'u', ҳ: 'h', ҷ: 'j' },
  uzb: { ў: 'o', қ: 'q', ғ: 'gh', ҳ: 'h', ж: 'j', ъ: '' },
  tuk: { ә: 'a', ө: 'o', ү: 'u', ң: 'ng', җ: 'j' },
  aze: { ә: 'a', ғ: 'gh', ҹ: 'j', ө: 'o', ү: 'u', һ: 'h', ј: 'y', ы: 'i' },
};

/** Turkic Latin letters (and digraph sources) to English letters, per language. */
const LATIN: Readonly<Partial<Record<Language, Readonly<Record<string, string>>>>> = {
  aze: { ə: 'a', ı: 'i', ş: 'sh', ç: 'ch', ğ: 'gh', ö: 'o', ü: 'u', x: 'kh', c: 'j', q: 'g' },
  tuk: { ä: 'a', ç: 'ch', ž: 'zh', ň: 'ng', ö: 'o', ş: 'sh', ü: 'u', ý: 'y' },
  uzb: { "o'": 'o', "g'": 'gh', x: 'kh', "'": '' },
  kaz: { ä: 'a', ğ: 'gh', ı: 'y', ñ: 'ng', ö: 'o', ş: 'sh', ū: 'u', ü: 'u', ç: 'ch' },
  kir: { ö: 'o', ü: 'u', ñ: 'ng', ş: 'sh', ç: 'ch' },
  tgk: { ī: 'i', ū: 'u', ǧ: 'gh', ç: 'ch', ş: 'sh' },
  rus: {},
  eng: {},
};

/** Any of the region's Cyrillic letters, for a word of another language quoted in the text («Дәрмек» in Russian). */
const ANY_CYRILLIC: Readonly<Record<string, string>> = Object.assign(
  {},
  ...Object.values(CYRILLIC_EXTRA).reverse(),
  RUSSIAN_TO_LATIN,
);

const VOWELS = new Set([...'аеёиоуыэюяәөүұіӣӯў']);

function isUpper(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

/** Applies the case of the source letter to its (possibly longer) replacement. */
function withCase(source: string, replacement: string, wordUpper: boolean): string {
  if (!isUpper(source) || replacement === '') return replacement;
  return wordUpper ? replacement.toUpperCase() : replacement[0]!.toUpperCase() + replacement.slice(1);
}

function cyrillicMap(lang: Language): Readonly<Record<string, string>> {
  return { ...RUSSIAN_TO_LATIN, ...(CYRILLIC_EXTRA[lang] ?? {}) };
}

/** Russian and Uzbek write initial е (and е after a vowel or a sign) as ye: Екатеринбург, Ереван. */
function yeAt(lang: Language, previous: string | undefined): boolean {
  if (lang !== 'rus' && lang !== 'uzb') return false;
  if (previous === undefined) return true;
  const lower = previous.toLowerCase();
  return !/\p{L}/u.test(previous) || VOWELS.has(lower) || lower === 'ь' || lower === 'ъ';
}

function transliterateWord(word: string, lang: Language): string {
  const chars = [...unifyApostrophes(word)];
  const wordUpper = chars.filter((char) => /\p{L}/u.test(char)).length > 1 && word === word.toUpperCase();
  const cyrillic = cyrillicMap(lang);
  const latin = LATIN[lang] ?? LATIN.aze!;
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const lower = char.toLowerCase();
    const pair = lower + (chars[i + 1] ?? '');
    if (latin[pair] !== undefined && pair.length === 2 && pair.endsWith("'")) {
      out += withCase(char, latin[pair]!, wordUpper);
      i += 1;
    } else if (lower === 'е' && yeAt(lang, chars[i - 1])) {
      out += withCase(char, 'ye', wordUpper);
    } else if (cyrillic[lower] !== undefined) {
      out += withCase(char, cyrillic[lower]!, wordUpper);
    } else if (/\p{Script=Cyrillic}/u.test(char)) {
      out += withCase(char, ANY_CYRILLIC[lower] ?? lower, wordUpper);
    } else if (latin[lower] !== undefined) {
      out += withCase(char, latin[lower]!, wordUpper);
    } else if (lower === 'i̇' || char === 'İ') {
      out += withCase(char, 'i', wordUpper);
    } else {
      out += char;
    }
  }
  return out;
}

/** The text in English letters; words keep their capitalisation (БАКУ → BAKU, Бишкек → Bishkek). */
export function transliterate(text: string, lang: Language): string {
  if (lang === 'eng') return text;
  return text
    .normalize('NFC')
    .split(/(\s+|-)/)
    .map((part) => (/\p{L}/u.test(part) ? transliterateWord(part, lang) : part))
    .join('');
}

// ---------------------------------------------------------------------------------------------------------------
// One Latin spelling for every script, shared by the story rules: Russian, Kazakh, Kyrgyz, Tajik and Cyrillic
// Uzbek letters by the usual English romanisation (`ж` zh, `х` kh, `ш` sh), the Latin alphabets of Azerbaijani,
// Turkmen and Uzbek folded to ASCII the same way (`ş` sh, `x` kh, `q` k).

const COMMON_LATIN_CYRILLIC: Readonly<Record<string, string>> = {
  ...RUSSIAN_TO_LATIN,
  ә: 'a',
  ғ: 'g',
  қ: 'k',
  ң: 'n',
  ө: 'o',
  ұ: 'u',
  ү: 'u',
  һ: 'h',
  і: 'i',
  ҳ: 'h',
  ҷ: 'j',
  ӣ: 'i',
  ӯ: 'u',
  ў: 'u',
  ҝ: 'g',
  ј: 'y',
  ҹ: 'j',
  җ: 'zh',
};

const COMMON_LATIN_LATIN: Readonly<Record<string, string>> = {
  ə: 'a',
  ä: 'a',
  ı: 'i',
  ö: 'o',
  ü: 'u',
  ş: 'sh',
  ç: 'ch',
  ğ: 'g',
  ň: 'n',
  ý: 'y',
  ž: 'zh',
  q: 'k',
  x: 'kh',
  w: 'v',
  é: 'e',
  ñ: 'n',
};

/** Lower-case Latin spelling shared by the region's scripts: Russian, Kazakh and Azerbaijani `Баку`/`Bakı` → `baku`/`baki`. */
export function toCommonLatin(text: string): string {
  return Array.from(dropApostrophes(text.normalize('NFC').toLowerCase()))
    .map((char) => COMMON_LATIN_CYRILLIC[char] ?? COMMON_LATIN_LATIN[char] ?? char)
    .join('');
}
