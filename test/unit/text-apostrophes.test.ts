import { describe, expect, it } from 'vitest';
import { foldWord } from '../../src/domain/country.js';
import { foldTerm } from '../../src/domain/english/term-matching.js';
import { normalizeForMatching } from '../../src/domain/keywords.js';
import {
  APOSTROPHE_CHARACTERS,
  apostropheRegExp,
  dropApostrophes,
  isApostrophe,
  unifyApostrophes,
} from '../../src/domain/text/apostrophes.js';
import { foldText } from '../../src/domain/text/fold.js';
import { tokenize } from '../../src/domain/text/tokens.js';
import { toCommonLatin, transliterate } from '../../src/domain/text/transliterate.js';

/** How the Uzbek oʻ/gʻ and the tutuq belgisi are typed, by name. */
const VARIANTS: ReadonlyArray<[string, string]> = [
  ['ASCII apostrophe', "'"],
  ['modifier letter turned comma (official Uzbek)', '\u02bb'],
  ['modifier letter apostrophe', '\u02bc'],
  ['left single quotation mark', '\u2018'],
  ['right single quotation mark', '\u2019'],
  ['grave accent', '`'],
  ['acute accent', '\u00b4'],
  ['modifier letter prime', '\u02b9'],
  ['prime', '\u2032'],
];

describe('apostrophe variants', () => {
  it('lists exactly the nine variants', () => {
    expect([...APOSTROPHE_CHARACTERS].sort()).toEqual(VARIANTS.map(([, char]) => char).sort());
  });

  it('are not quotation marks of other kinds', () => {
    for (const char of ['"', '«', '»', '“', '”', '„', 'ʺ', '-', 'o'])
      expect(isApostrophe(char), char).toBe(false);
    expect('«Oʻzbekiston»'.replace(apostropheRegExp(), '')).toBe('«Ozbekiston»');
  });

  for (const [name, a] of VARIANTS) {
    it(`reads the ${name} the same way in every stage`, () => {
      expect(isApostrophe(a)).toBe(true);
      expect(unifyApostrophes(`O${a}zbekiston`)).toBe("O'zbekiston");
      expect(dropApostrophes(`Farg${a}ona`)).toBe('Fargona');
      // search and seizure facts
      expect(foldText(`qo${a}lga olindi`)).toBe('qolga olindi');
      expect(tokenize(`Farg${a}ona viloyati`).map((token) => token.raw)).toEqual([`Farg${a}ona`, 'viloyati']);
      // relevance lexicon: the apostrophe stays, as ASCII, so that a term may leave it out
      expect(normalizeForMatching(`Giyohvand moddalar qo${a}lga olindi`)).toBe(
        "giyohvand moddalar qo'lga olindi",
      );
      // gazetteer
      expect(foldWord(`Qozog${a}iston`)).toBe('qozogiston');
      // English suggestions and stories
      expect(foldTerm(`O${a}zbekiston`)).toBe("o'zbekiston");
      expect(transliterate(`Farg${a}ona`, 'uzb')).toBe('Farghona');
      expect(toCommonLatin(`Qo${a}qon`)).toBe('kokon');
    });
  }
});
