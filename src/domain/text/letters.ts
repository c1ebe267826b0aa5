/**
 * Letter tables of the region's alphabets, shared by every folding (search and seizure facts in `fold.ts`, the
 * relevance lexicon in `keywords.ts`, the gazetteer in `country.ts`). Each folding takes the tables it needs;
 * the order of the entries is the order of migration 012's `translate` string (see `searchFoldSql`).
 */

/**
 * Turkic Latin letters folded to one ASCII letter: Azerbaijani `ə` (typed `e`: `təhsil`/`tehsil`), `ı`, `ğ`,
 * `ö`, `ü`; Turkmen `ä`, `ň`, `ý`; Kazakh's 2018 Latin with acute accents (`á ǵ ń ó ú ý í é`) and its 2021 Latin
 * (`ä ğ ñ ö ü ū ı`).
 */
export const TURKIC_LATIN_FOLDS: Readonly<Record<string, string>> = {
  ı: 'i',
  ə: 'e',
  ä: 'a',
  á: 'a',
  ö: 'o',
  ó: 'o',
  ü: 'u',
  ú: 'u',
  ū: 'u',
  ñ: 'n',
  ň: 'n',
  ń: 'n',
  ý: 'y',
  ğ: 'g',
  ǵ: 'g',
  é: 'e',
  í: 'i',
};

/** Turkic Latin letters folded to the two ASCII letters their languages type without special keys. */
export const TURKIC_LATIN_DIGRAPH_FOLDS: Readonly<Record<string, string>> = { ş: 'sh', ç: 'ch', ž: 'zh' };

/**
 * The Cyrillic letters of Kazakh, Kyrgyz, Tajik, Uzbek, Turkmen and Azerbaijani Cyrillic folded to the Russian
 * letters a Russian keyboard types for them (`қ`→`к`, `ҳ`→`х`, `ў`→`у`, `ә`→`а`, `і`→`и`, Azerbaijani `ҝ`→`г`,
 * `ј`→`й`), and `ё`→`е`.
 */
export const REGIONAL_CYRILLIC_FOLDS: Readonly<Record<string, string>> = {
  қ: 'к',
  ғ: 'г',
  ң: 'н',
  ө: 'о',
  ү: 'у',
  ұ: 'у',
  һ: 'х',
  ҳ: 'х',
  ҷ: 'ч',
  ҹ: 'ч',
  җ: 'ж',
  ӣ: 'и',
  ӯ: 'у',
  ў: 'у',
  і: 'и',
  ә: 'а',
  ё: 'е',
  ҝ: 'г',
  ј: 'й',
};

/**
 * Kazakh in Arabic script (as written in China and Iran): the front-vowel sign ٴ and the vowel letters with hamza
 * lose the mark, Persian keheh and yeh and Kazakh ە become the letters Persian and Arabic keyboards type for them.
 * Tatweel and the vowel marks (U+0640, U+064B–U+0652) are dropped by `ARABIC_MARKS`.
 */
export const ARABIC_SCRIPT_FOLDS: Readonly<Record<string, string>> = {
  ٴ: '',
  ٵ: 'ا',
  ٶ: 'و',
  ٷ: 'ۇ',
  ٸ: 'ى',
  ک: 'ك',
  ی: 'ى',
  ي: 'ى',
  ە: 'ه',
};
export const ARABIC_MARKS_CLASS_BODY = '\\u0640\\u064b-\\u0652';

/** Characters that are never part of a word and go: soft hyphen, zero-width spaces and joiners, word joiner, BOM. */
export const INVISIBLE_CLASS_BODY = '\\u00ad\\u200b-\\u200d\\u2060\\ufeff';
