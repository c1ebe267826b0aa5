/**
 * Spellings of place names across the region's alphabets, for the gazetteer build (scripts/build-gazetteer.ts).
 *
 * GeoNames spells most towns of Uzbekistan, Tajikistan and Turkmenistan in their own Latin alphabets (Qumqo‘rg‘on,
 * Kŭlob, Gökdepe) or in a romanisation of Russian (Denau, Nurek, Dzhalal-Abad), while the news spell them in
 * Russian (Кумкурган, Куляб, Геокдепе), in Uzbek or Tajik Cyrillic (Қумқўрғон, Кӯлоб) or in Kyrgyz Cyrillic
 * (Таш-Көмүр). Each function here writes a name in another alphabet by rule and returns every spelling the rule
 * allows where usage varies (Tajik and Uzbek `o` is Russian `о` or `а`: Шаҳритус, Конибодом → Канибадам;
 * `-obod` → `-абад`; Uzbek `j` is `ж` or `дж`), and nothing for a name its alphabet does not fit.
 * A spelling that no text uses costs a little memory and nothing else; the build screens every spelling against
 * the word lists as it screens GeoNames' own.
 */

type Rules = ReadonlyArray<readonly [RegExp, string]>;
/** A letter group and the spellings it may take; every combination is produced (up to `MAX_VARIANTS`). */
type Alternatives = ReadonlyArray<readonly [RegExp, readonly string[]]>;

const MAX_VARIANTS = 16;

const applyRules = (text: string, rules: Rules): string =>
  rules.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);

/** Every combination of the alternatives that apply, the first spelling of each first. */
function expand(text: string, alternatives: Alternatives): string[] {
  let forms = [text];
  for (const [pattern, spellings] of alternatives) {
    if (!forms.some((form) => form.search(pattern) >= 0)) continue;
    forms = [...new Set(forms.flatMap((form) => spellings.map((s) => form.replace(pattern, s))))].slice(
      0,
      MAX_VARIANTS,
    );
  }
  return forms;
}

const capitaliseWords = (text: string): string =>
  text.replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());

const CYRILLIC_OF_LATIN_LETTER: Readonly<Record<string, string>> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
};

/** The plain Latin letters left, one for one, and capitals; none when another Latin letter is left over. */
function finishCyrillic(text: string): string | undefined {
  const out = [...text].map((char) => CYRILLIC_OF_LATIN_LETTER[char] ?? char).join('');
  return /\p{Script=Latin}/u.test(out) ? undefined : capitaliseWords(out);
}

function finishAll(forms: readonly string[]): string[] {
  return [...new Set(forms.map(finishCyrillic).filter((form) => form !== undefined))];
}

/** Every apostrophe-like character as one (‘): Uzbek o‘ and g‘ and the Tajik hamza are typed with any of them. */
const normaliseApostrophes = (name: string): string => name.normalize('NFC').replace(/[‘’ʻʼ`'ʹ]/gu, '‘');

// ---------------------------------------------------------------------------------------------------------------
// Romanised Russian (BGN/PCGN and its cousins) back to Cyrillic: Denau → Денау, Dzhalal-Abad → Джалал-Абад.

/** Letters and digraphs of a romanisation of Russian; names with others (q, w, x, ş, ŭ …) are not one. */
const ROMANISED_RUSSIAN = /^[a-z‘\s-]+$/u;
const NOT_ROMANISED_RUSSIAN = /[qwx]|c(?!h)|[og]‘/u;

const RUSSIAN_OF_ROMANISED: Rules = [
  [/shch/g, 'щ'],
  [/dzh/g, 'дж'],
  [/zh/g, 'ж'],
  [/kh/g, 'х'],
  [/gh/g, 'г'],
  [/ts/g, 'ц'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/y[oë]/g, 'ё'],
  [/ë/g, 'ё'],
  [/ye/g, 'е'],
  [/(?<=^|[\s-]|[aeiouy])e/g, 'э'],
  [/iy(?=$|[\s-])/g, 'ий'],
  [/yy/g, 'ый'],
  [/(?<=[aeiouаеёиоуыэюя])y/g, 'й'],
  [/y/g, 'ы'],
  [/‘(?=\p{L})/gu, 'ь'],
  [/‘/g, ''],
];

/** A romanised Russian name in Cyrillic; `j` (not BGN, but common: Kadamjai) as дж or ж, final -ai as -аи or -ай. */
export function cyrillicOfRomanisedRussian(name: string): string[] {
  const text = normaliseApostrophes(name).toLowerCase();
  if (!ROMANISED_RUSSIAN.test(text) || NOT_ROMANISED_RUSSIAN.test(text)) return [];
  const forms = expand(text, [
    [/(?<=[aeiou])i(?=$|[\s-])/g, ['i', 'y']],
    [/j/g, ['dzh', 'zh']],
  ]);
  return finishAll(forms.map((form) => applyRules(form, RUSSIAN_OF_ROMANISED)));
}

// ---------------------------------------------------------------------------------------------------------------
// Uzbek and Tajik: Latin to their own Cyrillic, and their Cyrillic to Russian.

/** Uzbek Latin (1995 alphabet, and the BGN forms ŭ gh kh GeoNames also uses) → Uzbek Cyrillic. */
const UZBEK_CYRILLIC_OF_LATIN: Rules = [
  [/o‘|ŭ/g, 'ў'],
  [/g‘|gh/g, 'ғ'],
  [/sh/g, 'ш'],
  [/ch/g, 'ч'],
  [/kh/g, 'х'],
  [/yo/g, 'ё'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/ye/g, 'е'],
  [/(?<=^|[\s-])e/g, 'э'],
  [/q/g, 'қ'],
  [/x/g, 'х'],
  [/h/g, 'ҳ'],
  [/j/g, 'ж'],
  [/y/g, 'й'],
  [/‘/g, 'ъ'],
];

/** Tajik romanised by BGN/PCGN (GeoNames: Kŭlob, Mŭ’minobod, Ghonchí, Rūdakí) → Tajik Cyrillic. */
const TAJIK_CYRILLIC_OF_LATIN: Rules = [
  [/[ŭū]/g, 'ӯ'],
  [/[íī]/g, 'ӣ'],
  [/kh/g, 'х'],
  [/gh/g, 'ғ'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/zh/g, 'ж'],
  [/yo/g, 'ё'],
  [/yu/g, 'ю'],
  [/ya/g, 'я'],
  [/ye/g, 'е'],
  [/(?<=^|[\s-])e/g, 'э'],
  [/q/g, 'қ'],
  [/h/g, 'ҳ'],
  [/j/g, 'ҷ'],
  [/y/g, 'й'],
  [/‘/g, 'ъ'],
];

/** The Uzbek marks of a Latin name (x, q, o‘, g‘): without one, a plain name may be any romanisation. */
const UZBEK_LATIN = /^[a-zŭ‘\s-]+$/u;
const TAJIK_LATIN = /^[a-zŭūíī‘\s-]+$/u;
/** Romanised-Russian marks that no Uzbek or Tajik spelling has: Kyzyl, Dzhizak, Tsentral'nyy. */
const RUSSIAN_ROMANISATION_MARKS = /dzh|zh|ts|yy|[bcdfgklmnprstvz]y[bcdfgklmnprstvz]/u;

function ownCyrillic(name: string, letters: RegExp, rules: Rules): string | undefined {
  const text = normaliseApostrophes(name).toLowerCase();
  if (!letters.test(text) || RUSSIAN_ROMANISATION_MARKS.test(text)) return undefined;
  return finishCyrillic(applyRules(text, rules));
}

export const uzbekCyrillicOfLatin = (name: string): string | undefined =>
  ownCyrillic(name, UZBEK_LATIN, UZBEK_CYRILLIC_OF_LATIN);

export const tajikCyrillicOfLatin = (name: string): string | undefined =>
  ownCyrillic(name, TAJIK_LATIN, TAJIK_CYRILLIC_OF_LATIN);

const RUSSIAN_OF_OWN_CYRILLIC: Rules = [
  [/й[ўӯ]/g, 'ю'],
  [/[ўӯү]/g, 'у'],
  [/[ғ]/g, 'г'],
  [/[қ]/g, 'к'],
  [/[ҳ]/g, 'х'],
  [/[ӣ]/g, 'и'],
  [/[ҷ]/g, 'дж'],
  [/ъ/g, ''],
];

/**
 * Russian spellings of an Uzbek or Tajik Cyrillic name: ў ӯ → у, қ → к, ғ → г, ҳ → х, ҷ → дж, ъ dropped, and the
 * vowel `о` kept or as `а` (Russian renders the Persian and Uzbek long a both ways: Ховалинг, Конибодом →
 * Канибадам), `-обод` → `-абад` alone, initial `ё` → `я` with the `а` (Ёвон → Яван); Uzbek `ж` as `ж` or `дж`
 * (Жарқўрғон → Джаркурган, Андижон → Андижан), final `-ов` as `-ау` (Денов → Денау) and `-ий` as `-и` (Беруний →
 * Беруни); `йў` is Russian `ю` (Янгийўл → Янгиюл).
 */
export function russianOfOwnCyrillic(name: string, language: 'uzb' | 'tgk'): string[] {
  const text = name.normalize('NFC').toLowerCase();
  if (!/^[\p{Script=Cyrillic}\s-]+$/u.test(text) || !/[оўқғҳӯӣҷъж]|ий(?=$|[\s-])/u.test(text)) return [];
  const uzbek = language === 'uzb';
  const forms = expand(text, [
    ...(uzbek ? ([[/ж/gu, ['ж', 'дж']]] as const) : []),
    [/ий(?=$|[\s-])/gu, ['ий', 'и']],
  ]).flatMap((form) => {
    const withA = form.replace(/о/gu, 'а').replace(/(?<=^|[\s-])ё/gu, 'я');
    return [
      form,
      withA,
      form.replace(/обод(?=$|[\s-])/gu, 'абад'),
      ...(uzbek ? [withA.replace(/ав(?=$|[\s-])/u, 'ау')] : []),
    ];
  });
  return [...new Set(forms.map((form) => capitaliseWords(applyRules(form, RUSSIAN_OF_OWN_CYRILLIC))))].filter(
    (form) => form.toLowerCase() !== text,
  );
}

/** Uzbek Latin → Uzbek Cyrillic and its Russian spellings (Qumqo‘rg‘on → Қумқўрғон, Кумкурган, Кумкургон …). */
export function cyrillicOfUzbekLatin(name: string): string[] {
  const own = uzbekCyrillicOfLatin(name);
  return own ? [own, ...russianOfOwnCyrillic(own, 'uzb')] : [];
}

/** Tajik Latin → Tajik Cyrillic and its Russian spellings (Mŭ’minobod → Мӯъминобод, Муминабад, Муминобод …). */
export function cyrillicOfTajikLatin(name: string): string[] {
  const own = tajikCyrillicOfLatin(name);
  return own ? [own, ...russianOfOwnCyrillic(own, 'tgk')] : [];
}

// ---------------------------------------------------------------------------------------------------------------
// Turkmen Latin (1993 alphabet) to Russian.

const TURKMEN_LATIN = /^[a-zäçňöşüýž\s-]+$/u;

const RUSSIAN_OF_TURKMEN: Rules = [
  [/ş/g, 'ш'],
  [/ç/g, 'ч'],
  [/ž/g, 'ж'],
  [/ň/g, 'н'],
  [/w/g, 'в'],
  [/j/g, 'дж'],
  [/ýa/g, 'я'],
  [/ý[uü]/g, 'ю'],
  [/ýo/g, 'ё'],
  [/ýe/g, 'е'],
  [/ý/g, 'й'],
  [/(?<=^|[\s-])e/g, 'э'],
];

/**
 * Russian spellings of a Turkmen Latin name: ş ç ž ň ý j w by rule; the front vowels both ways, ä as а or е
 * (Bäherden → Бахарден, Sakarçäge → Сакарчага), ö as о, ё, е or ео (Gökdepe → Геокдепе), ü as у or ю, y as ы or
 * и (Baýramaly → Байрамали), g before a voiceless consonant as г or х (Tagtabazar → Тахтабазар).
 */
export function cyrillicOfTurkmenLatin(name: string): string[] {
  const text = name.normalize('NFC').toLocaleLowerCase('tr');
  if (!TURKMEN_LATIN.test(text)) return [];
  const forms = expand(applyRules(text, RUSSIAN_OF_TURKMEN), [
    [/ä/g, ['а', 'е']],
    [/ö/g, ['о', 'ё', 'е', 'ео']],
    [/ü/g, ['у', 'ю']],
    [/y/g, ['ы', 'и']],
    [/g(?=[tksşçpfh])/g, ['г', 'х']],
  ]);
  return finishAll(forms);
}

// ---------------------------------------------------------------------------------------------------------------
// Kyrgyz and Kazakh in Latin letters with Turkic vowels (Tash-Kömür) to their Cyrillic (Таш-Көмүр).

const TURKIC_LATIN_MARKS = /[äöüıñğşç]/u;

const KYRGYZ_KAZAKH_CYRILLIC_OF_LATIN: Rules = [
  [/sh|ş/g, 'ш'],
  [/ch|ç/g, 'ч'],
  [/zh|j/g, 'ж'],
  [/kh/g, 'х'],
  [/ng|ñ/g, 'ң'],
  [/ğ/g, 'ғ'],
  [/q/g, 'қ'],
  [/ä/g, 'ә'],
  [/ö/g, 'ө'],
  [/ü/g, 'ү'],
  [/ı/g, 'ы'],
  [/(?<=[aeiouäöüıаеиоуыәөү])y/g, 'й'],
  [/y/g, 'ы'],
];

export function cyrillicOfTurkicLatin(name: string): string[] {
  const text = name.normalize('NFC').toLocaleLowerCase('tr');
  if (!TURKIC_LATIN_MARKS.test(text) || !/^[a-zäöüıñğşç\s-]+$/u.test(text)) return [];
  return finishAll([applyRules(text, KYRGYZ_KAZAKH_CYRILLIC_OF_LATIN)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Kazakh Cyrillic to the Latin alphabets of 2018 (Túrkistan, Kentaý, Shalqar) and 2021 (Türkıstan, Kentau, Şalqar).

const KAZAKH_LATIN_2018: Readonly<Record<string, string>> = {
  ә: 'á',
  ғ: 'ǵ',
  и: 'ı',
  й: 'ı',
  қ: 'q',
  ң: 'ń',
  ө: 'ó',
  у: 'ý',
  ұ: 'u',
  ү: 'ú',
  ы: 'y',
  і: 'i',
  ж: 'j',
  ш: 'sh',
  ч: 'ch',
  ю: 'ıý',
  я: 'ıa',
};
const KAZAKH_LATIN_2021: Readonly<Record<string, string>> = {
  ә: 'ä',
  ғ: 'ğ',
  и: 'i',
  й: 'i',
  қ: 'q',
  ң: 'ñ',
  ө: 'ö',
  у: 'u',
  ұ: 'ū',
  ү: 'ü',
  ы: 'y',
  і: 'ı',
  ж: 'j',
  ш: 'ş',
  ч: 'ç',
  ю: 'iu',
  я: 'ia',
};
const KAZAKH_COMMON_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'io',
  з: 'z',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  щ: 'shch',
  ъ: '',
  ь: '',
  э: 'e',
};

/** A Kazakh (or Russian) Cyrillic name in the two official Kazakh Latin alphabets (2018 and 2021). */
export function kazakhLatinOfCyrillic(name: string): string[] {
  const text = name.normalize('NFC').toLowerCase();
  if (!/^[\p{Script=Cyrillic}\s-]+$/u.test(text)) return [];
  const convert = (table: Readonly<Record<string, string>>) =>
    capitaliseWords([...text].map((char) => table[char] ?? KAZAKH_COMMON_LATIN[char] ?? char).join(''));
  return [...new Set([convert(KAZAKH_LATIN_2018), convert(KAZAKH_LATIN_2021)])];
}

// ---------------------------------------------------------------------------------------------------------------
// Azerbaijani Latin to Russian.

/**
 * An Azerbaijani Latin name as Russian spells it: q → г, c → дж, ə → е or а (Qax → Гах, Qəbələ → Габала,
 * Şəki → Шеки, Cəlilabad → Джалилабад).
 */
export function cyrillicOfAzerbaijaniLatin(name: string): string[] {
  const text = name.normalize('NFC').toLocaleLowerCase('az');
  if (!/^[\p{Script=Latin}\s-]+$/u.test(text) || !/[qəçşğıcx]/u.test(text)) return [];
  const rules: Rules = [
    [/sh/g, 'ш'],
    [/ç/g, 'ч'],
    [/ş/g, 'ш'],
    [/ğ/g, 'г'],
    [/q/g, 'г'],
    [/c/g, 'дж'],
    [/x/g, 'х'],
    [/ı/g, 'ы'],
    [/ö/g, 'ё'],
    [/ü/g, 'ю'],
    [/(?<=^|\s)e/g, 'э'],
    [/y/g, 'й'],
  ];
  return finishAll(expand(applyRules(text, rules), [[/ə/g, ['е', 'а']]]));
}

// ---------------------------------------------------------------------------------------------------------------
// Persian names of Afghanistan and Iran (BGN/PCGN: Mazār-e Sharīf, Kondūz) in Tajik Cyrillic (Мазори Шарӣф).

const TAJIK_OF_PERSIAN_LATIN: Rules = [
  [/-e(?=[\s-])|-e$/g, 'и'],
  [/-/g, ' '],
  [/ā/g, 'о'],
  [/ī/g, 'ӣ'],
  [/ū/g, 'ӯ'],
  [/kh/g, 'х'],
  [/gh/g, 'ғ'],
  [/ch/g, 'ч'],
  [/sh/g, 'ш'],
  [/zh/g, 'ж'],
  [/j/g, 'ҷ'],
  [/q/g, 'қ'],
  [/y/g, 'й'],
  [/h/g, 'ҳ'],
  [/w/g, 'в'],
  [/‘/g, 'ъ'],
];

/**
 * A Persian name romanised by BGN/PCGN (its long vowels marked: ā ī ū) as Tajik writes it: ā → о, the izafat -e
 * → -и (Mazār-e Sharīf → Мазори Шарӣф, Herāt → Ҳирот is beyond rule: Ҳерот).
 */
export function tajikOfPersianLatin(name: string): string[] {
  const text = normaliseApostrophes(name).toLowerCase();
  if (!/^[a-zāīū‘\s-]+$/u.test(text) || !/[āīū]/u.test(text)) return [];
  return finishAll([applyRules(text, TAJIK_OF_PERSIAN_LATIN)]);
}

// ---------------------------------------------------------------------------------------------------------------

/** The spellings made for a name of a place in `country`, beside the name itself. */
export function spellingsOf(country: string, name: string): string[] {
  const spellings = (() => {
    switch (country) {
      case 'UZ':
        return [
          ...cyrillicOfUzbekLatin(name),
          ...russianOfOwnCyrillic(name, 'uzb'),
          ...cyrillicOfRomanisedRussian(name),
        ];
      case 'TJ':
        return [
          ...cyrillicOfTajikLatin(name),
          ...russianOfOwnCyrillic(name, 'tgk'),
          ...cyrillicOfRomanisedRussian(name),
        ];
      case 'TM':
        return [...cyrillicOfTurkmenLatin(name), ...cyrillicOfRomanisedRussian(name)];
      case 'KZ':
        return [
          ...cyrillicOfTurkicLatin(name),
          ...cyrillicOfRomanisedRussian(name),
          ...kazakhLatinOfCyrillic(name),
        ];
      case 'KG':
        return [...cyrillicOfTurkicLatin(name), ...cyrillicOfRomanisedRussian(name)];
      case 'AZ':
        return cyrillicOfAzerbaijaniLatin(name);
      case 'AF':
      case 'IR':
        return tajikOfPersianLatin(name);
      default:
        return [];
    }
  })();
  return [...new Set(spellings)].filter((spelling) => spelling !== name);
}
