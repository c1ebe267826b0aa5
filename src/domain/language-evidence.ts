import { APOSTROPHE_CLASS_BODY } from './text/apostrophes.js';
import type { Language, Script } from './types.js';

/** The scripts the region's languages are written in; `Zyyy` (no letters) has no evidence. */
export type LetteredScript = Exclude<Script, 'Zyyy'>;

/** franc's codes for our languages: franc names Uzbek and Azerbaijani by their individual codes. */
export const francCodeToLanguage: Readonly<Record<string, Language>> = {
  rus: 'rus',
  kaz: 'kaz',
  kir: 'kir',
  uzn: 'uzb',
  tgk: 'tgk',
  tuk: 'tuk',
  azj: 'aze',
  eng: 'eng',
};

/**
 * franc has no Kazakh model for Latin or Arabic letters. Its trigrams can still tell a Turkic text from
 * English, not one Turkic language from another, so Kazakh borrows the best score of its kin and the letters
 * decide between them.
 */
export const francKin: Readonly<Partial<Record<Language, readonly string[]>>> = {
  kaz: ['uzn', 'tuk', 'azj'],
};

/**
 * Share of a marked letter among all letters of the script when the language does not use it: it still
 * turns up in names, quotations and loanwords, so one stray letter must cost something but not everything.
 */
export const UNUSED_LETTER_RATE = 0.0002;

/** Letters outside every table below (French é, Polish ł, Uyghur ې…): no language with a table writes them. */
export const ALIEN_LETTER = 'alien';

/**
 * Spelling signs longer than one letter, counted as extra events beside the letters (on lowercased words):
 * - `oʻ`: Uzbek Latin oʻ/gʻ however the apostrophe was typed, and the tutuq belgisi ʼ between letters;
 * - `CyC`: y between consonants, the vowel ы of Turkmen and Kazakh Latin, a consonant in Uzbek and Azerbaijani;
 * - `VV`: a doubled vowel, Kyrgyz spelling of long vowels (-уу, -үү, ээ, оо), rare elsewhere.
 */
export const letterSigns: Readonly<Record<LetteredScript, Readonly<Record<string, RegExp>>>> = {
  // ъ before е ё ю я is the Russian separating sign (изъять, объявить, подъезд); Bulgarian writes its ъ as a
  // vowel before consonants. Counted apart from other ъ, or one seizure report (изъято) reads as Bulgarian.
  Cyrl: { VV: /([аэоөуүы])\1/gu, ъV: /ъ(?=[еёюя])/gu },
  Latn: {
    oʻ: new RegExp(`[og][${APOSTROPHE_CLASS_BODY}](?=\\p{L})|(?<=\\p{L})[ʻʼ](?=\\p{L})`, 'gu'),
    CyC: /(?<=[bcdfghjklmnpqrstvwxzçşňž])y(?=[bcdfghjklmnpqrstvwxzçşňž])/gu,
  },
  Arab: {},
};

/**
 * Approximate share of each distinctive letter among all letters of the script, per language, from the
 * languages' alphabets and ordinary letter frequencies (rounded on purpose: only the order of magnitude
 * matters). A marked letter missing from a language's table is one the language does not write.
 * Plain letters shared by all (Russian а–я without the marked ones, Latin a–z) are not listed.
 */
export const letterRates: Readonly<
  Record<LetteredScript, Partial<Record<Language, Record<string, number>>>>
> = {
  Cyrl: {
    // Russian: no extra letters; ы ь э щ ц tell it from Tajik, Uzbek and Azerbaijani Cyrillic.
    rus: { ы: 0.019, ь: 0.017, э: 0.003, щ: 0.004, ц: 0.005, ё: 0.001, ъV: 0.002 },
    // Kazakh: ә ғ қ ң ө ұ ү һ і; і and ұ are Kazakh-only among ours.
    kaz: {
      і: 0.035,
      қ: 0.025,
      ә: 0.02,
      ү: 0.012,
      ғ: 0.008,
      ң: 0.008,
      ұ: 0.008,
      ө: 0.007,
      һ: 0.0005,
      ы: 0.03,
      ь: 0.001,
      ц: 0.001,
      э: 0.0005,
    },
    // Kyrgyz: only ң ө ү on top of Russian; the absence of Kazakh ә ғ қ ұ і tells it from Kazakh.
    kir: { ү: 0.025, ө: 0.015, VV: 0.012, ң: 0.01, ы: 0.045, э: 0.008, ь: 0.0015, ц: 0.0015, ё: 0.0005 },
    // Tajik: ғ ӣ қ ӯ ҳ ҷ, ъ for Arabic ʿayn; no ы ц щ ь in the native vocabulary.
    tgk: { ҳ: 0.02, ӣ: 0.02, қ: 0.015, ҷ: 0.01, ӯ: 0.01, ғ: 0.008, ъ: 0.01, ъV: 0.0005, ё: 0.006, э: 0.005 },
    // Cyrillic Uzbek: ў қ ғ ҳ; ъ for the tutuq belgisi.
    uzb: {
      ў: 0.015,
      қ: 0.015,
      ҳ: 0.01,
      ғ: 0.007,
      ъ: 0.004,
      ъV: 0.0005,
      э: 0.004,
      ё: 0.003,
      ь: 0.001,
      ц: 0.001,
    },
    // Cyrillic Turkmen: җ ң ө ү ә.
    tuk: { ә: 0.02, ү: 0.015, ң: 0.012, ө: 0.008, җ: 0.006, ы: 0.04, э: 0.004, ь: 0.002 },
    // Cyrillic Azerbaijani: ә ғ ҝ ј ө ү һ ҹ; Russian-only letters appear in loanwords alone.
    aze: { ә: 0.06, ј: 0.015, ү: 0.015, ҝ: 0.01, һ: 0.008, ғ: 0.007, ө: 0.006, ҹ: 0.006, ы: 0.04 },
  },
  Latn: {
    // z is rare in English at large (0.07%) and common in every Turkic language and in German; in our news the
    // seize/seized/seizure of every seizure report makes it some three times as common.
    eng: { w: 0.02, x: 0.0015, q: 0.001, z: 0.002, oʻ: 0.0002, CyC: 0.002 },
    // Latin Uzbek writes no diacritics at all; q, x and oʻ/gʻ carry it.
    uzb: { q: 0.02, x: 0.01, z: 0.012, oʻ: 0.015 },
    // Turkmen: ä ç ň ö ş ü ý ž, and w for v.
    tuk: {
      ý: 0.03,
      CyC: 0.02,
      w: 0.02,
      ä: 0.02,
      z: 0.02,
      ň: 0.015,
      ş: 0.015,
      ü: 0.015,
      ç: 0.012,
      ö: 0.006,
      ž: 0.0005,
    },
    // Azerbaijani: ə is one of its commonest vowels; q and x as in Uzbek.
    aze: { ə: 0.07, ı: 0.045, ü: 0.018, ş: 0.015, q: 0.015, z: 0.015, x: 0.012, ç: 0.01, ğ: 0.007, ö: 0.006 },
    // Kazakh Latin alphabet of 2018: á ǵ ı ń ó ú ý, sh/ch digraphs, no apostrophes, no x.
    kaz: {
      ı: 0.03,
      CyC: 0.02,
      q: 0.025,
      á: 0.015,
      z: 0.015,
      ý: 0.012,
      ú: 0.01,
      ń: 0.008,
      ó: 0.007,
      ǵ: 0.006,
    },
  },
  Arab: {
    // Kazakh Arabic script (China, Mongolia, diaspora): front-vowel sign ٴ and the letters ە ى ۇ ۋ ڭ ٵ ٶ ٷ,
    // which Persian and Arabic lack; Uyghur's ئ ې ۆ ۈ are alien to it.
    kaz: { ە: 0.06, ى: 0.05, ۇ: 0.03, ۋ: 0.015, ٴ: 0.01, ڭ: 0.008, ٵ: 0.001, ٶ: 0.001, ٷ: 0.001 },
  },
};

/**
 * A second spelling of a language in a script, with its own letter rates; the language fits a text as well as the
 * better of its tables does. Kazakh's Latin alphabet of 2021 replaced the acute letters of 2018 with Turkic ones:
 * ä ğ ñ ö ş ü as in Turkish and Azerbaijani, ū for ұ, and ı for і (i now stands for и and й), so that its texts
 * resembled no table of ours and fell to Azerbaijani or to none.
 */
export const alternativeLetterRates: Readonly<
  Record<LetteredScript, Partial<Record<Language, Record<string, number>>>>
> = {
  Cyrl: {},
  Latn: {
    kaz: {
      ı: 0.035,
      q: 0.025,
      CyC: 0.02,
      ä: 0.02,
      z: 0.015,
      ş: 0.012,
      ü: 0.012,
      ğ: 0.008,
      ñ: 0.008,
      ū: 0.008,
      ö: 0.007,
      ç: 0.0005,
    },
  },
  Arab: {},
};

/**
 * Letter rates of the foreign languages franc most often mistakes ours for (and the other way round), by franc
 * code: when franc's unrestricted favourite is one of these, its letters compete with ours on equal terms.
 */
export const neighbourLetterRates: Readonly<
  Record<LetteredScript, Readonly<Record<string, Record<string, number>>>>
> = {
  Cyrl: {
    ukr: { і: 0.055, ї: 0.006, є: 0.004, ґ: 0.0002, ь: 0.016, щ: 0.008, ц: 0.01 },
    bel: { і: 0.05, ў: 0.02, ы: 0.02, э: 0.01, ь: 0.017, ц: 0.007, ё: 0.005 },
    bul: { ъ: 0.02, щ: 0.008, ц: 0.006, ь: 0.001 },
    srp: { ј: 0.02, ћ: 0.008, њ: 0.006, љ: 0.003, ђ: 0.001, џ: 0.0005 },
    mkd: { ј: 0.02, њ: 0.006, ќ: 0.003, ѓ: 0.002, љ: 0.002, ѕ: 0.001, џ: 0.001 },
  },
  Latn: {
    tur: { ı: 0.05, ü: 0.019, ş: 0.018, z: 0.015, ç: 0.012, ğ: 0.011, ö: 0.008 },
    deu: { w: 0.015, z: 0.011, ü: 0.007, ä: 0.005, ö: 0.003, ß: 0.002 },
  },
  Arab: {},
};

/**
 * Prior (in nats) against spellings rare in today's news: Turkmen and Azerbaijani left Cyrillic in the 1990s,
 * and Kazakh Latin is still an official plan more than a press habit. They must earn their place by letters.
 */
export const rareScriptPriorNats: Readonly<Record<LetteredScript, Partial<Record<Language, number>>>> = {
  Cyrl: { tuk: -2, aze: -2 },
  Latn: { kaz: -1 },
  Arab: {},
};

/** Letters that are plain in a script: they carry no evidence of their own. */
export const plainLetters: Readonly<Record<LetteredScript, RegExp>> = {
  Cyrl: /[а-яё]/u,
  Latn: /[a-z]/u,
  // Arabic letters Kazakh shares with Arabic and Persian; hamza seat ئ, tāʾ marbūṭa ة and Persian ی are left
  // out so that Uyghur, Arabic and Persian text does not look like Kazakh.
  Arab: /[\u0621-\u0625\u0627\u0628\u062a-\u064a\u067e\u0686\u0698\u06a9\u06af\u06be]/u,
};
