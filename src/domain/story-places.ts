import { toCommonLatin } from './text/transliterate.js';

/**
 * Places of the region whose spellings a consonant frame (`nameKey`) cannot tie: names too short to key
 * (`Баку`/`Bakı`/`Baku`, `Ош`/`Osh`, `Чүй`/`Chui`), names whose languages use other consonants
 * (`Ашхабад`/`Aşgabat`, `Москва`/`Moscow`, `Коканд`/`Qoʻqon`, `Усть-Каменогорск`/`Өскемен`), and the capitals and
 * regions reports open sentences with (`Шымкент полицейлері…`, `Shymkent police…`), where a capitalised word is
 * otherwise not taken for a name. A word naming one of them gives the place's key, wherever it stands.
 *
 * Forms are written in the common Latin spelling (`toCommonLatin`: `Bakı` → `baki`, `Ашхабад` → `ashkhabad`,
 * `Moscow` → `moscov`, `Samarqand` → `samarkand`; Latin q, x and w are k, kh and v there):
 * - `stem*` any word starting with the stem (long stems only: `shymkent*` takes Шымкенте, Shymkent's);
 * - `word+` the word alone or with one of the case endings of the region's languages (`baki+`: Bakı, Bakıda,
 *   Bakının; not Бакиев);
 * - `word` the word itself.
 */
const PLACES: Readonly<Record<string, readonly string[]>> = {
  // Azerbaijan
  baku: ['baku+', 'baki+', 'boku+', 'bakinsk*', 'bakint*'],
  ganja: ['ganja+', 'gyandzh*', 'ganca+', 'gandzha+'],
  sumgait: ['sumgait*', 'sumkait*', 'sumkayit*', 'sumgayit*'],
  // Not `Куба`: in Russian that is Cuba too.
  quba: ['quba+', 'guba+', 'gubinsk*'],
  shaki: ['shaki+', 'sheki+', 'shekinsk*'],
  khatai: ['khatai+', 'khatay+', 'khatainsk*', 'khataisk*'],
  nakhchivan: ['nakhchivan*', 'nakhichevan*', 'nakhcivan*'],
  // Kazakhstan
  almaty: ['almaty+', 'almata+', 'almatinsk*', 'almatin*'],
  astana: ['astana+', 'astanin*'],
  shymkent: ['shymkent*', 'shimkent*', 'shimkant*', 'chimkent*'],
  karaganda: ['karagand*', 'karaganda+', 'karagandy+', 'karagandin*'],
  oskemen: ['oskemen*', 'ust kamenogorsk*', 'ustkamenogorsk*', 'uskemen*'],
  oral: ['oral+', 'uralsk*'],
  aktau: ['aktau+'],
  aktobe: ['aktobe+', 'aktyubinsk*', 'aktobin*'],
  atyrau: ['atyrau+', 'atyrausk*'],
  taraz: ['taraz+'],
  kyzylorda: ['kyzylord*', 'kzylord*', 'kyzylorda+'],
  kostanay: ['kostanay*', 'kostanai*', 'kustanay*'],
  semey: ['semey+', 'semei+', 'semipalatinsk*'],
  turkistan: ['turkestan*', 'turkistan*', 'turkiston*'],
  ili: ['ili+', 'ile+', 'iliysk*', 'iliisk*'],
  // Kyrgyzstan
  bishkek: ['bishkek*'],
  osh: ['osh+', 'oshsk*'],
  chui: ['chuy+', 'chui+', 'chuysk*', 'chuisk*'],
  jalalabad: ['jalal abad*', 'dzhalal abad*', 'zhalal abad*', 'jalalabad*', 'dzhalalabad*'],
  issykkul: ['issyk kul*', 'issykkul*', 'ysyk kol*', 'ysykkol*', 'issyk+', 'ysyk+'],
  naryn: ['naryn+', 'narynsk*'],
  talas: ['talas+', 'talassk*'],
  batken: ['batken+', 'batkensk*'],
  // Russia
  moscow: ['moscov+', 'moskov+', 'moskv*', 'moskovsk*', 'podmoskov*'],
  petersburg: ['sankt peterburg*', 'saint petersburg*', 'st petersburg*', 'peterburg*', 'petersburg*'],
  // Tajikistan
  dushanbe: ['dushanbe*'],
  khujand: ['khujand*', 'khudzhand*', 'khuchand*', 'hujand*'],
  sughd: ['sughd+', 'sugd+', 'sogd+', 'sogdiysk*', 'sogdiisk*', 'sugdi+'],
  khatlon: ['khatlon*', 'hatlon*'],
  kulob: ['kulob*', 'kulyab*', 'kulab*'],
  bokhtar: ['bokhtar*', 'bohtar*', 'bokhtor*'],
  panj: ['panj+', 'pyandzh*', 'pandzh+', 'panji+'],
  badakhshan: ['badakhsh*', 'badakhshon*', 'gbao+'],
  // Turkmenistan
  ashgabat: ['ashgabat*', 'ashgabad*', 'ashkhabad*', 'askhabad*', 'ashhabad*'],
  turkmenabat: ['turkmenabat*'],
  turkmenbashi: ['turkmenbash*'],
  dashoguz: ['dashoguz*', 'dashkhovuz*', 'dashhovuz*'],
  mary: ['mary+', 'marysk*'],
  lebap: ['lebap*'],
  ahal: ['akhal+', 'ahal+', 'akhalsk*'],
  balkan: ['balkan+', 'balkansk*'],
  // Uzbekistan
  tashkent: ['tashkent*', 'toshkent*'],
  samarkand: ['samarkand*'],
  bukhara: ['bukhar*', 'bukhoro*', 'bukhor*'],
  fergana: ['fergan*', 'fargona*', 'fargon*'],
  andijan: ['andijan*', 'andizhan*', 'andijon*'],
  namangan: ['namangan*'],
  kokand: ['kokand*', 'kokon+'],
  termez: ['termez*', 'termiz*'],
  surkhandarya: ['surkhandar*', 'surkhondar*', 'surkhandaryo*'],
  kashkadarya: ['kashkadar*', 'kashkadaryo*'],
  navoi: ['navoi+', 'navoiy+', 'navoy+'],
  nukus: ['nukus*'],
  karakalpakstan: ['karakalpak*', 'koraqalpoq*', 'korakalpok*'],
  khorezm: ['khorezm*', 'khorazm*'],
  jizzakh: ['jizzakh*', 'dzhizak*', 'jizak*'],
  // Neighbours named in the region's drug news
  afghanistan: ['afghan*', 'afgan*', 'afgoniston*', 'afgon*', 'avgan*', 'ovgon*', 'ovgan*'],
  iran: ['iran+', 'iransk*', 'eron+'],
};

/**
 * Case endings after a short name in the region's languages and English: Turkic locative, ablative, genitive,
 * dative, accusative and their vowel and consonant variants, Tajik `-ро`/`-и`, Russian declension, English `'s`.
 */
const ENDINGS = new Set([
  '',
  's',
  'a',
  'e',
  'i',
  'y',
  'u',
  'o',
  'ya',
  'ye',
  'yu',
  'om',
  'oy',
  'ey',
  'da',
  'de',
  'ta',
  'te',
  'do',
  'to',
  'dan',
  'den',
  'tan',
  'ten',
  'don',
  'ton',
  'nan',
  'nen',
  'nin',
  'nyn',
  'nun',
  'ning',
  'nyng',
  'ni',
  'ny',
  'nu',
  'ga',
  'ge',
  'ka',
  'ke',
  'go',
  'ko',
  'na',
  'ne',
  'ro',
  'ra',
  'dagi',
  'dagy',
  'daki',
  'daky',
  'lik',
  'lyk',
  'li',
  'ly',
  'lu',
  'nda',
  'nde',
  'ndan',
  'nden',
  'ndagi',
]);

interface PlaceForm {
  place: string;
  stem: string;
  mode: 'prefix' | 'ending' | 'exact';
}

const FORMS: readonly PlaceForm[] = Object.entries(PLACES).flatMap(([place, forms]) =>
  forms.map((form): PlaceForm => {
    const mode = form.endsWith('*') ? 'prefix' : form.endsWith('+') ? 'ending' : 'exact';
    return { place, stem: form.replace(/[*+]$/, ''), mode };
  }),
);

/** Forms by the first three letters of their stem: a word is compared with the few that can match it. */
const FORMS_BY_START = new Map<string, PlaceForm[]>();
for (const form of FORMS) {
  const start = form.stem.slice(0, 3);
  FORMS_BY_START.set(start, [...(FORMS_BY_START.get(start) ?? []), form]);
}

function formMatches(form: PlaceForm, word: string): boolean {
  if (!word.startsWith(form.stem)) return false;
  const rest = word.slice(form.stem.length);
  return form.mode === 'prefix' || (form.mode === 'ending' ? ENDINGS.has(rest) : rest === '');
}

/** The spelling a word or hyphenated name is compared in: common Latin, letters and single spaces only. */
export function placeSpelling(text: string): string {
  return toCommonLatin(text)
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

function placeOfSpelling(spelling: string): string | undefined {
  return FORMS_BY_START.get(spelling.slice(0, 3))?.find((form) => formMatches(form, spelling))?.place;
}

/**
 * The place a word names (`Bakının` → `baku`), or undefined. `next` is the word after it, for names of two words
 * (`Issyk-Kul`, `Jalal-Abad`, `Ust-Kamenogorsk`), which are tried first.
 */
export function placeOf(word: string, next?: string): string | undefined {
  const key = next === undefined ? word : `${word} ${next}`;
  if (placeMemo.has(key)) return placeMemo.get(key);
  if (placeMemo.size >= PLACE_MEMO_SIZE) placeMemo.clear();
  const single = placeSpelling(word);
  const pair = next === undefined ? undefined : placeOfSpelling(`${single} ${placeSpelling(next)}`);
  const place = pair ?? placeOfSpelling(single);
  placeMemo.set(key, place);
  return place;
}

/**
 * Capitalised words recur from article to article (places, agencies, months); spelling one out costs a
 * transliteration. Emptied when full, so that a long-running worker's memory stays bounded.
 */
const placeMemo = new Map<string, string | undefined>();
const PLACE_MEMO_SIZE = 20_000;
