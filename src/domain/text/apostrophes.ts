/**
 * The apostrophe variants the region's Latin texts type for the Uzbek oʻ/gʻ and the tutuq belgisi, the Turkmen and
 * Kazakh Latin apostrophe and the English one: ASCII `'`, modifier letters `ʻ` (U+02BB, the official Uzbek one) and
 * `ʼ` (U+02BC), the quotation marks `‘` `’`, the grave accent `` ` ``, the acute accent `´`, the prime-like `ʹ`
 * (U+02B9) and `′` (U+2032). One list for every stage: fold, tokens, country, keywords, stories, language, English.
 */
export const APOSTROPHE_CHARACTERS = "'ʻʼ‘’`´ʹ′";

/** The variants as the body of a regular-expression character class, to put inside `[…]` with other characters. */
export const APOSTROPHE_CLASS_BODY = APOSTROPHE_CHARACTERS;

/** A regular expression matching any one apostrophe variant (a new object each call: global ones keep state). */
export function apostropheRegExp(flags = 'gu'): RegExp {
  return new RegExp(`[${APOSTROPHE_CLASS_BODY}]`, flags);
}

const ANY_APOSTROPHE = new Set(APOSTROPHE_CHARACTERS);

export function isApostrophe(char: string): boolean {
  return ANY_APOSTROPHE.has(char);
}

/** Every apostrophe variant written as the ASCII `'` (`Oʻzbekiston`, `O’zbekiston` → `O'zbekiston`). */
export function unifyApostrophes(text: string): string {
  return text.replace(UNIFY, "'");
}
const UNIFY = apostropheRegExp('gu');

/** Every apostrophe variant dropped (`Farg‘ona` → `Fargona`). */
export function dropApostrophes(text: string): string {
  return text.replace(UNIFY, '');
}
