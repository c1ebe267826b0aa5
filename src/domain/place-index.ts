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
  /**
   * The name is also an ordinary word, a person's name or short (data marked `~`: Qarshi, Kitob, Pop): it names
   * the place only where the text marks a place (a locative, a district or town word beside it).
   */
  guarded?: true;
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
const GUARD_MARK = '~';

// ---------------------------------------------------------------------------------------------------------------
// Endings.

/**
 * Russian case endings beyond the last vowel (which `stemOf` already takes off): Дангар-ой, Кулоб-ом; and the
 * plural adjective's, for the first word of a plural name: Набережн-ых Челн-ах, Минеральн-ыми Вод-ами.
 */
const RUSSIAN_NOUN_ENDINGS = [
  'ой',
  'ей',
  'ом',
  'ем',
  'ою',
  'ам',
  'ям',
  'ах',
  'ях',
  'ами',
  'ями',
  'ых',
  'их',
  'ым',
  'им',
  'ыми',
  'ими',
];
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

/**
 * Which endings a text's words may carry: a Russian text only Russian ones (Коман-да is no locative of a town
 * Коман, nor Пан-да of Пан in English), an English one none, any other text (or one of unknown language) all.
 */
export type EndingSet = 'russian' | 'none' | 'all';

/** Endings by their last letter, longest first. */
function endingsByLastLetter(endings: readonly string[]): Map<string, string[]> {
  const byLetter = new Map<string, string[]>();
  for (const ending of new Set(endings)) {
    const letter = ending.at(-1)!;
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), ending]);
  }
  for (const list of byLetter.values()) list.sort((a, b) => b.length - a.length);
  return byLetter;
}

const RUSSIAN_ENDINGS = [...RUSSIAN_NOUN_ENDINGS, ...RUSSIAN_ADJECTIVE_ENDINGS];
const ENDINGS_BY_LAST_LETTER: Readonly<Record<EndingSet, Map<string, string[]>>> = {
  russian: endingsByLastLetter(RUSSIAN_ENDINGS),
  none: new Map(),
  all: endingsByLastLetter([...RUSSIAN_ENDINGS, ...TURKIC_ENDINGS]),
};

const DECLINED_END = /(?:ий|ый|ой|ое|ая|ые|ие|ее|яя|[аяыеьйиоэ])$/u;
const DECLINED_LETTER = /[аяыеьйиоэ]$/u;

/**
 * A folded word without the Russian letters declension replaces, on both sides of the look-up: Дангара and
 * Дангаре → дангар, Каракол and Караколь(ский) → каракол, Мирный and Мирном → мирн. Latin words stay whole.
 */
export function stemOf(word: string, minStem = MIN_STEM): string {
  const end = DECLINED_END.exec(word);
  if (!end) return word;
  if (word.length - end[0].length >= minStem) return word.slice(0, end.index);
  // Кие: the two-letter ending would leave too little, the last vowel alone does not (Кия → ки, Кие → ки).
  return end[0].length > 1 && word.length - 1 >= minStem && DECLINED_LETTER.test(word)
    ? word.slice(0, -1)
    : word;
}

/**
 * The later words of a compound name may be short: Кызыл-Кия declines to Кызыл-Кие, Кара-Суу to Кара-Суу,
 * Ак-Талаа to Ак-Талаа; their stems are kept to two letters.
 */
const LATER_WORD_MIN_STEM = 2;

/**
 * The stems a folded word may be an inflection of, each with the ending taken off: first none, then the shortest
 * ending (the longest stem) first, so that Kazakh «Саранда» is Саран + да before it is Сар(ы) + нда.
 */
export function baseForms(
  word: string,
  minStem = MIN_STEM,
  endings: EndingSet = 'all',
): Array<{ base: string; ending: string }> {
  const inflected: Array<{ base: string; ending: string }> = [];
  for (const ending of ENDINGS_BY_LAST_LETTER[endings].get(word.at(-1) ?? '') ?? []) {
    if (word.length - ending.length < MIN_STEM || !word.endsWith(ending)) continue;
    inflected.push({ base: stemOf(word.slice(0, -ending.length)), ending });
  }
  inflected.sort((a, b) => a.ending.length - b.ending.length);
  return [{ base: stemOf(word, minStem), ending: '' }, ...inflected];
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
  else if (preferred(sense, senses[i]!)) senses[i] = sense;
}

/** Of two senses of one name in one country: the unguarded, then the larger place, then the larger division. */
function preferred(sense: PlaceSense, other: PlaceSense): boolean {
  if (Boolean(sense.guarded) !== Boolean(other.guarded)) return !sense.guarded;
  if (sense.population !== other.population) return sense.population > other.population;
  return KIND_RANK[sense.kind] > KIND_RANK[other.kind];
}

/**
 * Compiles the data's rows (`country \t kind \t population \t name|~name…`, `~` for a guarded name) with the text's
 * own folding.
 */
export function compilePlaceIndex(rows: string, fold: (word: string) => string): PlaceIndex {
  const index: PlaceIndex = { names: new Map(), firstWords: new Set(), laterWords: new Set(), maxWords: 1 };
  for (const row of rows.split('\n')) {
    const [country, kind, population, names] = row.split('\t');
    if (!country || !names) continue;
    const sense: PlaceSense = { country, kind: kind as PlaceKind, population: Number(population) };
    const guarded: PlaceSense = { ...sense, guarded: true };
    for (const marked of names.split('|')) {
      const name = marked.startsWith(GUARD_MARK) ? marked.slice(GUARD_MARK.length) : marked;
      const words = name
        .split(/[\s-]+/u)
        .map((word, i) => stemOf(fold(word), i === 0 ? MIN_STEM : LATER_WORD_MIN_STEM));
      addSense(index.names, words.join(' '), name === marked ? sense : guarded);
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

/** How `placeAt` reads a text. */
export interface PlaceLookup {
  /** Whether token i is free (no hand-written term claimed it). */
  free: (i: number) => boolean;
  endings: EndingSet;
  /**
   * What the text makes of a candidate: the match with the senses it allows (a guarded name only where the text
   * marks a place), or none, and the look-up goes on to the next candidate (a shorter name, another stem).
   */
  accept: (match: PlaceMatch) => PlaceMatch | undefined;
}

/**
 * The place named at token `start`, the longest name first; `undefined` when none. The first word must be
 * capitalised; inner words may decline (Нижнем Новгороде) and the last may take any ending.
 */
export function placeAt(
  index: PlaceIndex,
  tokens: readonly PlaceToken[],
  start: number,
  lookup: PlaceLookup,
): PlaceMatch | undefined {
  const first = tokens[start]!;
  if (!CAPITALISED.test(first.raw)) return undefined;
  const firstForms = baseForms(first.folded, MIN_STEM, lookup.endings);
  for (let n = Math.min(index.maxWords, tokens.length - start); n >= 2; n--) {
    const match = longerPlaceAt(index, tokens, start, n, firstForms, lookup);
    if (match) return match;
  }
  for (const form of firstForms) {
    const senses = index.names.get(form.base);
    const match = senses && lookup.accept({ senses, start, end: start + 1, ending: form.ending });
    if (match) return match;
  }
  return undefined;
}

function longerPlaceAt(
  index: PlaceIndex,
  tokens: readonly PlaceToken[],
  start: number,
  n: number,
  firstForms: ReadonlyArray<{ base: string; ending: string }>,
  lookup: PlaceLookup,
): PlaceMatch | undefined {
  const heads = firstForms.filter((form) => index.firstWords.has(form.base)).map((form) => form.base);
  if (heads.length === 0) return undefined;
  for (let i = start + 1; i < start + n; i++) if (!lookup.free(i)) return undefined;
  let prefixes = heads;
  for (let i = start + 1; i < start + n - 1; i++) {
    const forms = baseForms(tokens[i]!.folded, LATER_WORD_MIN_STEM, lookup.endings)
      .map((form) => form.base)
      .filter((form) => index.laterWords.has(form));
    prefixes = prefixes.flatMap((prefix) => forms.map((form) => `${prefix} ${form}`));
  }
  for (const form of baseForms(tokens[start + n - 1]!.folded, LATER_WORD_MIN_STEM, lookup.endings)) {
    for (const prefix of prefixes) {
      const senses = index.names.get(`${prefix} ${form.base}`);
      const match = senses && lookup.accept({ senses, start, end: start + n, ending: form.ending });
      if (match) return match;
    }
  }
  return undefined;
}
