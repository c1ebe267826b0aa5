import placesFile from './gazetteer-data/places.json' with { type: 'json' };

/**
 * The generated gazetteer (scripts/build-gazetteer.ts, GeoNames data): every populated place, region and district
 * of the member states and the larger places of their neighbours, indexed by folded name for `assignCountry`.
 *
 * A word of a text is looked up as it is and with its ending taken off, so that inflected names are found without
 * a stem per name: Russian cases and adjectives (Дангаре, Дангарой, Дангаринском → Дангара; Пенджикентском →
 * Пенджикент), Turkic case and possessive endings (Kulobda, Шымкентте, Gəncədə, Daşoguzyň, Ақсудағы) and the
 * Tajik object and izafat endings (Кӯлобро, Кӯлоби). Only capitalised words are looked up: place names are.
 */

/** `P` a populated place, `A1` a region, `A2` a district. */
export type PlaceKind = 'P' | 'A1' | 'A2';

export interface PlaceSense {
  /** ISO 3166 code: a member state or a neighbour. */
  country: string;
  kind: PlaceKind;
  population: number;
}

export interface PlaceIndex {
  /** Folded names, their words joined by one space, → one sense per country (its largest place of that name). */
  names: Map<string, PlaceSense[]>;
  /** First words of the names of several words. */
  firstWords: Set<string>;
  /** Other words of the names of several words. */
  laterWords: Set<string>;
  maxWords: number;
}

export interface PlaceMatch {
  senses: PlaceSense[];
  /** Tokens [start, end) of the text. */
  start: number;
  end: number;
  /** The ending taken off the last word (`да`, `ском`), empty when it matched as it is. */
  ending: string;
}

const KIND_RANK: Readonly<Record<PlaceKind, number>> = { P: 0, A2: 1, A1: 2 };

// ---------------------------------------------------------------------------------------------------------------
// Endings.

/** Russian case endings beyond the last vowel (which `stemOf` already takes off): Дангар-ой, Кулоб-ом. */
const RUSSIAN_NOUN_ENDINGS = ['ой', 'ей', 'ом', 'ем', 'ою', 'ам', 'ям', 'ах', 'ях', 'ами', 'ями'];
const ADJECTIVE_ENDINGS = [
  'ий',
  'ый',
  'ой',
  'ого',
  'ому',
  'им',
  'ым',
  'ом',
  'ая',
  'ую',
  'ое',
  'ие',
  'ые',
  'их',
  'ых',
];
/** Russian adjectives of place names: Пенджикент-ский, Дангар-инский, Алмат-инской, Душанб-инский. */
const RUSSIAN_ADJECTIVE_ENDINGS = ['ск', 'цк', 'инск', 'енск'].flatMap((suffix) =>
  ADJECTIVE_ENDINGS.map((ending) => suffix + ending),
);

/** Turkic case, possessive and locative-adjective endings and Tajik -ро/-и, folded (ң→н, ғ→г, ş→s, ň→n …). */
const TURKIC_ENDINGS = [
  // Kazakh, Kyrgyz, Uzbek Cyrillic
  'да',
  'де',
  'та',
  'те',
  'до',
  'то',
  'дан',
  'ден',
  'тан',
  'тен',
  'дон',
  'тон',
  'нда',
  'нде',
  'ндо',
  'ндан',
  'нден',
  'ндон',
  'нан',
  'нен',
  'га',
  'ге',
  'ка',
  'ке',
  'го',
  'ко',
  'на',
  'не',
  'но',
  'ны',
  'ни',
  'ну',
  'ды',
  'ди',
  'ду',
  'ты',
  'ти',
  'ту',
  'нын',
  'нин',
  'нун',
  'дын',
  'дин',
  'дун',
  'тын',
  'тин',
  'тун',
  'нинг',
  'даги',
  'дагы',
  'деги',
  'тагы',
  'теги',
  'догу',
  'тогу',
  'ндагы',
  'ндеги',
  'сы',
  'си',
  'сында',
  'синде',
  'сынан',
  'сына',
  'ро',
  // Uzbek, Azerbaijani, Turkmen, Kazakh Latin
  'a',
  'e',
  'i',
  'u',
  'y',
  'da',
  'de',
  'ta',
  'te',
  'dan',
  'den',
  'tan',
  'ten',
  'nda',
  'nde',
  'ndan',
  'nden',
  'ga',
  'ge',
  'ka',
  'ke',
  'qa',
  'ya',
  'ye',
  'na',
  'ne',
  'ni',
  'nu',
  'ny',
  'nin',
  'nun',
  'nyn',
  'in',
  'un',
  'yn',
  'ning',
  'dagi',
  'daki',
  'deki',
  'dagy',
  'taki',
  'teki',
  'ndaki',
  'ndeki',
  'ndagi',
  'ndagy',
];

const MIN_STEM = 3;

/** Endings by their last letter, longest first. */
const ENDINGS_BY_LAST_LETTER = (() => {
  const byLetter = new Map<string, string[]>();
  for (const ending of new Set([...RUSSIAN_NOUN_ENDINGS, ...RUSSIAN_ADJECTIVE_ENDINGS, ...TURKIC_ENDINGS])) {
    const letter = ending.at(-1)!;
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), ending]);
  }
  for (const list of byLetter.values()) list.sort((a, b) => b.length - a.length);
  return byLetter;
})();

const DECLINED_END = /(?:ий|ый|ой|ое|ая|ые|ие|ее|яя|[аяыеьйиоэ])$/u;

/**
 * A folded word without the Russian letters declension replaces, on both sides of the look-up: Дангара and
 * Дангаре → дангар, Каракол and Караколь(ский) → каракол, Мирный and Мирном → мирн. Latin words stay whole.
 */
export function stemOf(word: string): string {
  const end = DECLINED_END.exec(word);
  return end && word.length - end[0].length >= MIN_STEM ? word.slice(0, end.index) : word;
}

/** The stems a folded word may be an inflection of, each with the ending taken off (first: none). */
export function baseForms(word: string): Array<{ base: string; ending: string }> {
  const forms = [{ base: stemOf(word), ending: '' }];
  for (const ending of ENDINGS_BY_LAST_LETTER.get(word.at(-1) ?? '') ?? []) {
    if (word.length - ending.length < MIN_STEM || !word.endsWith(ending)) continue;
    forms.push({ base: stemOf(word.slice(0, -ending.length)), ending });
  }
  return forms;
}

// ---------------------------------------------------------------------------------------------------------------
// Compiling the data.

function addSense(names: Map<string, PlaceSense[]>, key: string, sense: PlaceSense): void {
  const senses = names.get(key);
  if (!senses) {
    names.set(key, [sense]);
    return;
  }
  const i = senses.findIndex((other) => other.country === sense.country);
  if (i === -1) senses.push(sense);
  else if (
    sense.population > senses[i]!.population ||
    (sense.population === senses[i]!.population && KIND_RANK[sense.kind] > KIND_RANK[senses[i]!.kind])
  )
    senses[i] = sense;
}

/** Compiles the data's rows (`country \t kind \t population \t name|name…`) with the text's own folding. */
export function compilePlaceIndex(rows: string, fold: (word: string) => string): PlaceIndex {
  const index: PlaceIndex = { names: new Map(), firstWords: new Set(), laterWords: new Set(), maxWords: 1 };
  for (const row of rows.split('\n')) {
    const [country, kind, population, names] = row.split('\t');
    if (!country || !names) continue;
    const sense: PlaceSense = { country, kind: kind as PlaceKind, population: Number(population) };
    for (const name of names.split('|')) {
      const words = name.split(/[\s-]+/u).map((word) => stemOf(fold(word)));
      addSense(index.names, words.join(' '), sense);
      if (words.length > 1) {
        index.firstWords.add(words[0]!);
        for (const word of words.slice(1)) index.laterWords.add(word);
        index.maxWords = Math.max(index.maxWords, words.length);
      }
    }
  }
  return index;
}

let compiled: PlaceIndex | undefined;

/** The shipped gazetteer, compiled on first use (once per process). */
export function shippedPlaceIndex(fold: (word: string) => string): PlaceIndex {
  compiled ??= compilePlaceIndex(placesFile.rows, fold);
  return compiled;
}
// ---------------------------------------------------------------------------------------------------------------
// Finding places in a text.

export interface PlaceToken {
  raw: string;
  folded: string;
}

const CAPITALISED = /^\p{Lu}/u;

/**
 * The place named at token `start`, the longest name first; `undefined` when none. The first word must be
 * capitalised; inner words may decline (Нижнем Новгороде) and the last may take any ending.
 */
export function placeAt(
  index: PlaceIndex,
  tokens: readonly PlaceToken[],
  start: number,
  free: (i: number) => boolean,
): PlaceMatch | undefined {
  const first = tokens[start]!;
  if (!CAPITALISED.test(first.raw)) return undefined;
  const firstForms = baseForms(first.folded);
  for (let n = Math.min(index.maxWords, tokens.length - start); n >= 2; n--) {
    const match = longerPlaceAt(index, tokens, start, n, firstForms, free);
    if (match) return match;
  }
  for (const form of firstForms) {
    const senses = index.names.get(form.base);
    if (senses) return { senses, start, end: start + 1, ending: form.ending };
  }
  return undefined;
}

function longerPlaceAt(
  index: PlaceIndex,
  tokens: readonly PlaceToken[],
  start: number,
  n: number,
  firstForms: ReadonlyArray<{ base: string; ending: string }>,
  free: (i: number) => boolean,
): PlaceMatch | undefined {
  const heads = firstForms.filter((form) => index.firstWords.has(form.base)).map((form) => form.base);
  if (heads.length === 0) return undefined;
  for (let i = start + 1; i < start + n; i++) if (!free(i)) return undefined;
  let prefixes = heads;
  for (let i = start + 1; i < start + n - 1; i++) {
    const forms = baseForms(tokens[i]!.folded)
      .map((form) => form.base)
      .filter((form) => index.laterWords.has(form));
    prefixes = prefixes.flatMap((prefix) => forms.map((form) => `${prefix} ${form}`));
  }
  for (const form of baseForms(tokens[start + n - 1]!.folded)) {
    for (const prefix of prefixes) {
      const senses = index.names.get(`${prefix} ${form.base}`);
      if (senses) return { senses, start, end: start + n, ending: form.ending };
    }
  }
  return undefined;
}
