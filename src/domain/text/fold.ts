import { APOSTROPHE_CHARACTERS } from './apostrophes.js';
import { REGIONAL_CYRILLIC_FOLDS, TURKIC_LATIN_DIGRAPH_FOLDS, TURKIC_LATIN_FOLDS } from './letters.js';

/**
 * Letter folding: one spelling for the many ways the region's words are typed, for matching words (seizure facts)
 * and for searching them (the full-text index folds the stored text with the same table in SQL, see
 * `searchFoldSql` and migration 012).
 *
 * After lower-casing:
 * - every apostrophe variant is dropped: Uzbek `oʻ`/`o'`/`o‘`/`o’` and `gʻ` become `o`, `g`; the tutuq belgisi too;
 * - Turkic Latin letters become the ASCII spelling their languages use without special keys: `ş`→`sh`, `ç`→`ch`,
 *   `ž`→`zh`, `ı`→`i`, `ğ`→`g`, `ö`→`o`, `ü`→`u`, `ñ`/`ň`→`n`, `ý`→`y`, `ä`→`a`, and `ə`→`e` (Azerbaijani's own
 *   convention: `təhsil` is typed `tehsil`); the acute letters of Kazakh's 2018 Latin alphabet lose their accent;
 * - the Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek become the Russian letters typed for them (`қ`→`к`,
 *   `ҳ`→`х`, `ў`→`у`, `ә`→`а`, `і`→`и`…), and `ё`→`е`.
 * Scripts are not transliterated into each other: `героин` and `geroin` stay apart (the drugs glossary joins them).
 */

/** Characters folded to one other character or dropped (''), applied after lower-casing. */
export const SINGLE_LETTER_FOLDS: Readonly<Record<string, string>> = {
  ...TURKIC_LATIN_FOLDS,
  ...REGIONAL_CYRILLIC_FOLDS,
  // Apostrophes, and the combining dot that lower-casing `İ` leaves in JavaScript.
  ...Object.fromEntries([...APOSTROPHE_CHARACTERS].map((char) => [char, ''])),
  '\u0307': '',
};

/** Letters folded to two letters (SQL's `translate` maps one character to one, so these are `replace`d). */
export const DOUBLE_LETTER_FOLDS: Readonly<Record<string, string>> = TURKIC_LATIN_DIGRAPH_FOLDS;

const FOLDABLE = new RegExp(
  `[${[...Object.keys(SINGLE_LETTER_FOLDS), ...Object.keys(DOUBLE_LETTER_FOLDS)].join('')}]`,
  'gu',
);

/**
 * The folded form of a text (or a word): lower case, then the letter folds above. Keeps everything else, so
 * offsets differ only where a letter was dropped or doubled.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/İ/g, 'i')
    .toLowerCase()
    .replace(FOLDABLE, (char) => SINGLE_LETTER_FOLDS[char] ?? DOUBLE_LETTER_FOLDS[char] ?? char);
}

const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

/**
 * The same folding as a PostgreSQL expression over `column`: `lower`, one `translate` for the single-letter folds
 * (characters without a counterpart in the second string are dropped), one `replace` per double letter. Immutable,
 * so usable in an index expression; PostgreSQL's `lower` gives `İ` → `i` by itself.
 */
export function searchFoldSql(column: string): string {
  const singles = Object.entries(SINGLE_LETTER_FOLDS);
  const kept = singles.filter(([, to]) => to !== '');
  const dropped = singles.filter(([, to]) => to === '');
  const from = [...kept, ...dropped].map(([char]) => char).join('');
  const to = kept.map(([, folded]) => folded).join('');
  const translated = `translate(lower(${column}), ${sqlString(from)}, ${sqlString(to)})`;
  return Object.entries(DOUBLE_LETTER_FOLDS).reduce(
    (sql, [char, folded]) => `replace(${sql}, ${sqlString(char)}, ${sqlString(folded)})`,
    translated,
  );
}

/**
 * The text without its combining marks (`ş`→`s`, `ý`→`y`, `é`→`e`, `й`→`и`): NFD, marks dropped, NFC again. The
 * gazetteer's folding applies it to Latin letters only; `ə` and `ı` have no decomposition and stay.
 */
export function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}
