/**
 * One Latin spelling for the region's scripts, shared by the story rules: Russian, Kazakh, Kyrgyz, Tajik and
 * Cyrillic Uzbek letters by the usual English romanisation (`ж` zh, `х` kh, `ш` sh), the Latin alphabets of
 * Azerbaijani, Turkmen and Uzbek folded to ASCII the same way (`ş` sh, `x` kh, `q` k).
 */

const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
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

const LATIN_TO_ASCII: Readonly<Record<string, string>> = {
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

const APOSTROPHES = /['ʻʼ‘’`´]/gu;

/** Lower-case Latin spelling shared by the region's scripts: Russian, Kazakh and Azerbaijani `Баку`/`Bakı` → `baku`/`baki`. */
export function toCommonLatin(text: string): string {
  return Array.from(text.normalize('NFC').toLowerCase().replace(APOSTROPHES, ''))
    .map((char) => CYRILLIC_TO_LATIN[char] ?? LATIN_TO_ASCII[char] ?? char)
    .join('');
}
