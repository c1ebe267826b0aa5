import {
  foreignGazetteer,
  type GazetteerGroup,
  type GazetteerKind,
  memberStateGazetteer,
} from './gazetteer.js';
import {
  type EndingSet,
  type PlaceLookup,
  type PlaceMatch,
  placeAt,
  shippedPlaceIndex,
} from './place-index.js';
import { APOSTROPHE_CLASS_BODY, apostropheRegExp } from './text/apostrophes.js';
import { stripDiacritics } from './text/fold.js';
import { REGIONAL_CYRILLIC_FOLDS, TURKIC_LATIN_FOLDS } from './text/letters.js';
import {
  type Country,
  countryCodes,
  type DetectedLanguage,
  type EventCountry,
  type TextForAnalysis,
} from './types.js';

/**
 * Which member state an event happened in, from weighted gazetteer mentions.
 *
 * Every mention of a place, agency or leader scores for its country: its kind's weight, times 3 in the title,
 * times 2 where the grammar marks the place of the event (Russian «в Москве», English "in Tashkent", Tajik
 * «дар Душанбе», Turkic endings «Toshkentda», «Bakıda», «Алматыда»), times 0.3 where it names where people or goods
 * come from or whom one deals with («граждане Казахстана», "from Afghanistan", «с Китаем», «Afgʻonistondan»).
 * Foreign places count half: in a member state's news they are mostly the other side (origin, partner).
 * Places come from two lists: the hand-written one (`gazetteer.ts`: countries, capitals, agencies, leaders, the
 * best-known regions) and the generated one (`place-index.ts`: every town and district from GeoNames), which is
 * consulted for the capitalised words the first did not claim. A name that several countries share scores, at a
 * lower weight, for the one of them the rest of the text already points to, else is split between them.
 * The text's language is evidence of the state that speaks it (Turkmen → TM): a prior, like the source's country,
 * that wins ties and answers when no place is named, but never outweighs a named place.
 * The answer is `other` when a foreign country scores clearly (≥ 3) and more than twice the best member state.
 */

const KIND_WEIGHT: Readonly<Record<GazetteerKind, number>> = {
  country: 3,
  capital: 3,
  institution: 3,
  place: 2,
  currency: 1,
};
const TITLE_FACTOR = 3;
const LOCATIVE_FACTOR = 2;
const ORIGIN_FACTOR = 0.3;
const FOREIGN_FACTOR = 0.5;
const SOURCE_PRIOR = 1.5;
const LANGUAGE_PRIOR = 2;
/** A place name several countries share, resolved by the rest of the text. */
const SHARED_NAME_FACTOR = 0.5;
const MIN_FOREIGN_SCORE = 3;
const FOREIGN_OVER_MEMBER_RATIO = 2;

/** The generated gazetteer's neighbours, by the names the hand-written one files them under. */
const FOREIGN_NAME_OF_CODE: Readonly<Record<string, string>> = {
  AF: 'Afghanistan',
  IR: 'Iran',
  CN: 'China',
  UA: 'Ukraine',
  PK: 'Pakistan',
  BY: 'Belarus',
  GE: 'Georgia',
  AM: 'Armenia',
  TR: 'Turkey',
  MN: 'Mongolia',
};

/** The member state whose language a text is written in; Russian and English are everybody's. */
const COUNTRY_OF_LANGUAGE: Readonly<Partial<Record<DetectedLanguage, Country>>> = {
  aze: 'AZ',
  kaz: 'KZ',
  kir: 'KG',
  tgk: 'TJ',
  tuk: 'TM',
  uzb: 'UZ',
};

export interface CountryAssignment {
  country: EventCountry;
  /** Human-readable reasons, e.g. `title "Душанбе" → TJ capital, locative +18`. */
  evidence: string[];
}

// ---------------------------------------------------------------------------------------------------------------
// Folding: one spelling for the many ways the region's names are typed.

const APOSTROPHES = apostropheRegExp('gu');
/** Regional Cyrillic letters to Russian ones, and the two Turkic Latin letters NFD does not take apart (ə, ı). */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ...REGIONAL_CYRILLIC_FOLDS,
  ə: TURKIC_LATIN_FOLDS.ə!,
  ı: TURKIC_LATIN_FOLDS.ı!,
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Latin letters other than A–Z and a–z: only they can carry diacritics. */
const NON_ASCII_LATIN = /(?![A-Za-z])\p{Script=Latin}/gu;
/** What folding changes beyond the case, in either case: most words have none of it and are only lower-cased. */
const NEEDS_FOLDING = new RegExp(
  `${NON_ASCII_LATIN.source}|${APOSTROPHES.source}|${FOLDED_LETTERS.source}`,
  'iu',
);

/**
 * Folded forms of the words that need more than lower case. They recur from article to article (Kazakh, Uzbek and
 * Azerbaijani ones above all), and folding one runs five regular expressions. Emptied when full, so that a
 * long-running worker's memory stays bounded.
 */
const foldMemo = new Map<string, string>();
const FOLD_MEMO_SIZE = 20_000;

/** Lower case, Latin diacritics off (ş→s, ý→y), regional Cyrillic letters to Russian ones, no apostrophes. */
export function foldWord(word: string): string {
  if (!NEEDS_FOLDING.test(word)) return word.toLowerCase();
  let folded = foldMemo.get(word);
  if (folded === undefined) {
    if (foldMemo.size >= FOLD_MEMO_SIZE) foldMemo.clear();
    folded = foldMarkedWord(word);
    foldMemo.set(word, folded);
  }
  return folded;
}

function foldMarkedWord(word: string): string {
  return word
    .replace(NON_ASCII_LATIN, stripDiacritics)
    .toLowerCase()
    .replace(/(?<=\p{Script=Latin})['’]s$/u, '')
    .replace(APOSTROPHES, '')
    .replace(FOLDED_LETTERS, (char) => LETTER_FOLDS[char] ?? char);
}

interface Token {
  raw: string;
  folded: string;
}

/** Links and @handles name channels, not places (`t.me/moscowtop`). */
const LINK_OR_HANDLE = /(?:https?:\/\/|www\.|t\.me\/|@)\S+/giu;

const WORD = new RegExp(`[\\p{L}\\p{M}\\p{N}${APOSTROPHE_CLASS_BODY}]+`, 'gu');

function tokenize(text: string): Token[] {
  const words = text.normalize('NFC').replace(LINK_OR_HANDLE, ' ').match(WORD) ?? [];
  return words
    .map((word) => ({ raw: word.replace(APOSTROPHES, ''), folded: foldWord(word) }))
    .filter((token) => token.folded !== '');
}

// ---------------------------------------------------------------------------------------------------------------
// The gazetteer, compiled once.

type WordMode = 'exact' | 'prefix' | 'turkic';

interface TermWord {
  text: string;
  mode: WordMode;
}

interface Term {
  /** A member state, or the English name of a foreign country. */
  place: string;
  member: boolean;
  kind: GazetteerKind;
  acronym: boolean;
  words: TermWord[];
  /** Longest match wins: characters of the term without markers. */
  size: number;
}

function compileWord(word: string, acronym: boolean): TermWord {
  const mode: WordMode = word.endsWith('*') ? 'prefix' : word.endsWith('+') ? 'turkic' : 'exact';
  const text = mode === 'exact' ? word : word.slice(0, -1);
  return { text: acronym ? text : foldWord(text), mode };
}

function compileGroups(place: string, member: boolean, groups: readonly GazetteerGroup[]): Term[] {
  return groups.flatMap(({ kind, terms }) =>
    terms.map((term) => {
      const acronym = term !== term.toLowerCase();
      const words = term.split(/[\s-]+/).map((word) => compileWord(word, acronym));
      return {
        place,
        member,
        kind,
        acronym,
        words,
        size: words.reduce((sum, word) => sum + word.text.length, 0),
      };
    }),
  );
}

const indexKey = (text: string): string => text.slice(0, 2);

function buildIndex(): Map<string, Term[]> {
  const terms = [
    ...Object.entries(memberStateGazetteer).flatMap(([country, groups]) =>
      compileGroups(country, true, groups),
    ),
    ...Object.entries(foreignGazetteer).flatMap(([name, groups]) => compileGroups(name, false, groups)),
  ];
  const index = new Map<string, Term[]>();
  for (const term of terms) {
    const key = indexKey(term.words[0]!.text);
    index.set(key, [...(index.get(key) ?? []), term]);
  }
  return index;
}

const termIndex = buildIndex();

// ---------------------------------------------------------------------------------------------------------------
// Grammar around a mention.

const TURKIC_CASE_ENDING =
  /^(?:[ыиуаеоiuaeoy]?н?(?:да|де|та|те|до|то|дан|ден|тан|тен|нын|нин|ны|ни|га|ге|ка|ке|на|не|даги|деги)|[iuaeoy]?n?(?:da|de|ta|te|dan|den|tan|ten|nin|nun|ni|nu|ga|ge|ka|ke|ya|ye|na|ne|ning|dagi|daki|deki))$/u;
const TURKIC_LOCATIVE_ENDING =
  /^(?:[ыиуаеоiuaeoy]?[нn]?(?:да|де|та|те|до|то|даги|деги|da|de|ta|te|dagi|daki|deki))$/u;
/** Ablative: -дан/-тан, and -нан/-нен after a nasal in Kazakh (Қырғызстаннан), -дон/-тон in Kyrgyz (folded ө→о). */
const TURKIC_ABLATIVE_ENDING =
  /^(?:[ыиуаеоiuaeoy]?[нn]?(?:дан|ден|тан|тен|дон|тон|dan|den|tan|ten)|нан|нен|nan|nen)$/u;
/**
 * A country's name matched by a shorter term (`өзбек*`, `кыргыз*`) leaves -стан and its case ending to the ending:
 * Өзбекстан-нан, Кыргызстан-дан, Owganystan-dan are ablatives (where goods or people came from).
 */
const STAN_ABLATIVE_ENDING =
  /(?:стан|стон|stan|ston)(?:нан|нен|дан|ден|дон|тан|тен|тон|dan|den|nan|nen|tan|ten)$/u;
/** Turkic nouns and adjectives for people (azərbaycanlı, oʻzbekistonlik, қазақстандық, türkmenistanly). */
const TURKIC_DEMONYM_ENDING = /^(?:l[iyu]k?|[лдт][ыиу]к|л[ыиу])/u;
/** Russian nouns for people (казахстанец, россияне, узбекистанка): a citizenship, not a place. */
const RUSSIAN_DEMONYM_ENDING = /(?:ец|цы|цев|цам|ца|цу|цем|янин|яне|янам|янка|анка|анки)$/u;
/** Russian prepositional case after «в/на» (в Москве, в Павлодарской области); «в Казахстан» is a direction. */
const RUSSIAN_LOCATIVE_ENDING = /(?:е|и|ой|ом|ем|ей)$/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const VOWEL_END = /[аеиоуыэюяaeiouy]$/u;

const LOCATIVE_PREPOSITIONS = new Set(['в', 'во', 'на', 'in', 'at', 'дар']);
/** Words that may stand between a preposition and a name: "in the city of Atyrau", «в городе Шымкенте». */
const FILLER_WORDS = new Set([
  'the',
  'city',
  'town',
  'village',
  'capital',
  'of',
  'region',
  'district',
  'republic',
  'г',
  'город',
  'городе',
  'поселке',
  'селе',
  'районе',
  'области',
  'столице',
  'республике',
]);
const REGION_WORD =
  /^(?:облыс|облус|аудан|кала|шаар|oblys|audan|aydan|qala|viloyat|вилоят|tuman|туман|rayon|район|welayat|etrab|etrap|shahr|shahar|шахр|шахар|seher|saher|провинц|provins)/u;
/** Turkic genitive endings: «Owganystanyň Hyrat welaýatynda», «Qozogʻistonning Shymkent shahrida». */
const TURKIC_GENITIVE_END = /(?:ын|ин|ун|in|un|yn|ning)$/u;
/** «из Афганистана», "from Afghanistan", «с Китаем», "with China": where goods come from, whom one deals with. */
const ORIGIN_PREPOSITIONS = new Set(['из', 'from', 'с', 'со', 'with']);
/**
 * Citizens before the country's name: Russian, English and Tajik (izafat: «шаҳрванди Тоҷикистон»). Turkic puts the
 * word after («Қазақстан азаматы», «Kyrgyzstandyn жараны», «türkmen raýaty»): `CITIZEN_WORD_AFTER`, never before.
 */
const CITIZEN_WORD_BEFORE =
  /^(?:граждан|уроженец|уроженц|уроженк|выходец|выходц|citizen|national|native|шахрванд)/u;
/** Residents of a country are its citizens abroad («жительница Казахстана»); of a town, rather the town's news. */
const RESIDENT_OF_COUNTRY_BEFORE = /^(?:жител|resident)/u;
const PERSON_WORDS_AFTER = new Set([
  'man',
  'men',
  'woman',
  'women',
  'national',
  'nationals',
  'native',
  'natives',
]);
const CITIZEN_WORD_AFTER =
  /^(?:citizen|migrant|fuqaro|азамат|vetendas|граждан|мигрант|жаран|rayat|resident)/u;

interface Mention {
  term: Term;
  start: number;
  end: number;
  /** What follows the matched stem in the last word (the case ending, for inflected names). */
  ending: string;
}

function matchWord(token: Token, word: TermWord, acronym: boolean): string | undefined {
  if (acronym) return token.raw === word.text ? '' : undefined;
  if (word.mode === 'exact') return token.folded === word.text ? '' : undefined;
  if (!token.folded.startsWith(word.text)) return undefined;
  const ending = token.folded.slice(word.text.length);
  if (word.mode === 'turkic' && ending !== '' && !TURKIC_CASE_ENDING.test(ending)) return undefined;
  return ending;
}

function matchTerm(tokens: Token[], start: number, term: Term): Mention | undefined {
  let ending = '';
  for (const [offset, word] of term.words.entries()) {
    const token = tokens[start + offset];
    const wordEnding = token && matchWord(token, word, term.acronym);
    if (wordEnding === undefined) return undefined;
    ending = wordEnding;
  }
  return { term, start, end: start + term.words.length, ending };
}

/** The longest term starting at token `start`; of equally long ones, the first found. */
function longestMention(tokens: Token[], start: number): Mention | undefined {
  const token = tokens[start]!;
  let best: Mention | undefined;
  for (const key of [indexKey(token.folded), indexKey(token.raw)]) {
    for (const term of termIndex.get(key) ?? []) {
      if (best && term.size <= best.term.size) continue;
      best = matchTerm(tokens, start, term) ?? best;
    }
  }
  return best;
}

function findMentions(tokens: Token[]): Mention[] {
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const best = longestMention(tokens, i);
    if (best) mentions.push(best);
    i = best ? best.end : i + 1;
  }
  return mentions;
}

type Role = 'locative' | 'actor' | 'origin' | 'plain';

function precededByPreposition(
  tokens: Token[],
  mention: Mention,
): { preposition: string; skipped: boolean } | undefined {
  let i = mention.start - 1;
  while (i >= 0 && mention.start - i <= 4 && FILLER_WORDS.has(tokens[i]!.folded)) i--;
  const before = tokens[i];
  if (!before || !LOCATIVE_PREPOSITIONS.has(before.folded)) return undefined;
  return { preposition: before.folded, skipped: i < mention.start - 1 };
}

function isRussianLocative(tokens: Token[], mention: Mention): boolean {
  const last = tokens[mention.end - 1]!.folded;
  const indeclinable = mention.ending === '' && VOWEL_END.test(last);
  return RUSSIAN_LOCATIVE_ENDING.test(last) || indeclinable || mention.term.words.at(-1)!.mode !== 'prefix';
}

function isLocative(tokens: Token[], mention: Mention): boolean {
  if (TURKIC_LOCATIVE_ENDING.test(mention.ending)) return true;
  // «Ақтөбе облысында»; with a genitive, a place may stand between: «Owganystanyň Hyrat welaýatynda».
  const reach = TURKIC_GENITIVE_END.test(tokens[mention.end - 1]!.folded) ? 3 : 1;
  for (let i = mention.end; i < mention.end + reach; i++) {
    const next = tokens[i]?.folded ?? '';
    if (REGION_WORD.test(next) && /(?:да|де|та|те|da|de|ta|te)$/u.test(next)) return true;
  }
  const preposition = precededByPreposition(tokens, mention);
  if (!preposition) return false;
  const russian = CYRILLIC.test(preposition.preposition) && preposition.preposition !== 'дар';
  return !russian || preposition.skipped || isRussianLocative(tokens, mention);
}

function isOrigin(tokens: Token[], mention: Mention): boolean {
  const last = tokens[mention.end - 1]!.folded;
  if (TURKIC_ABLATIVE_ENDING.test(mention.ending) || STAN_ABLATIVE_ENDING.test(mention.ending)) return true;
  if (mention.ending !== '' && RUSSIAN_DEMONYM_ENDING.test(last)) return true;
  if (TURKIC_DEMONYM_ENDING.test(mention.ending)) return true;
  const before = [tokens[mention.start - 1]?.folded ?? '', tokens[mention.start - 2]?.folded ?? ''];
  if (before.some((word) => ORIGIN_PREPOSITIONS.has(word) || CITIZEN_WORD_BEFORE.test(word))) return true;
  if (mention.term.kind === 'country' && before.some((word) => RESIDENT_OF_COUNTRY_BEFORE.test(word)))
    return true;
  const after = tokens[mention.end]?.folded ?? '';
  return PERSON_WORDS_AFTER.has(after) || CITIZEN_WORD_AFTER.test(after);
}

/**
 * Police, courts, border, customs and security services, folded, in the region's languages: a country named beside
 * them is the one that acts («Өзбекстандын укук коргоо органдары», «полиция Казахстана», «милитсияи Қирғизистон»,
 * "Kazakh police", «Özbegistanyň hukuk goraýjylary»).
 */
const AUTHORITY_WORD =
  /^(?:полиц|милиц|militsiya|militsiy|милитсия|police|politsiya|polis|полис|пулис|укук|кукук|hukuk|huquq|хукук|ички|ishki|ichki|iceri|daxili|внутренн|interior|погранич|шекара|chegara|serhet|сархад|border|customs|таможен|gumruk|кеден|бажы|bojxona|гумрук|спецслужб|security|правоохран|law|court|суд|прокурат|prosecutor|authorit|власт|органдар|органы|хукумат|макомот)/u;

/** A country's name beside its police or courts: it acts, so the event is there. */
function isActor(tokens: Token[], mention: Mention): boolean {
  if (mention.term.kind !== 'country') return false;
  const around = [tokens[mention.start - 1], tokens[mention.end], tokens[mention.end + 1]];
  return around.some((token) => token !== undefined && AUTHORITY_WORD.test(token.folded));
}

function roleOf(tokens: Token[], mention: Mention): Role {
  if (isOrigin(tokens, mention)) return 'origin';
  if (isActor(tokens, mention)) return 'actor';
  return isLocative(tokens, mention) ? 'locative' : 'plain';
}

const ROLE_FACTOR: Readonly<Record<Role, number>> = {
  locative: LOCATIVE_FACTOR,
  actor: LOCATIVE_FACTOR,
  origin: ORIGIN_FACTOR,
  plain: 1,
};

// ---------------------------------------------------------------------------------------------------------------
// Scoring.

/** One mention's contribution: to its place, or, for a name several countries share, to one of them. */
interface Evidence {
  places: string[];
  weight: number;
  label: string;
  role: Role;
}

interface Tally {
  scores: Map<string, number>;
  reasons: Map<string, { place: string; weight: number; count: number }>;
}

const placeName = (code: string): string | undefined => (isMember(code) ? code : FOREIGN_NAME_OF_CODE[code]);

/** Surnames and patronymics: «Владимир Левкин», «Анна Чистякова», «Александр Покровский». */
const SURNAME_END =
  /(?:ов|ев|ин|ын|ова|ева|ёва|ина|ына|ский|цкий|ская|цкая|енко|ян|швили|дзе|заде|вич|вича|вичу|вна|вны|вне|вной|уулу|кызы|улы|uulu|kyzy|ov|ev|ova|eva|in|ina)$/u;
/** Streets and stations named after towns or people: «ул. Михайлова», «Перовский проезд», «станция Трубная». */
const STREET_BEFORE = new Set([
  'ул',
  'улица',
  'улице',
  'улицы',
  'пр',
  'просп',
  'проспект',
  'проспекте',
  'пер',
  'станция',
  'станции',
  'метро',
  'пл',
]);
const STREET_AFTER = /^(?:улиц|проспект|переул|проезд|шоссе|бульвар|площад|набережн|тупик)/u;
const CAPITAL_WORD = /^\p{Lu}\p{Ll}/u;

/** A one-word name that stands in a person's name or a street's, not for the town. */
function personOrStreet(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  if (before && STREET_BEFORE.has(before.folded)) return true;
  if (after && STREET_AFTER.test(after.folded)) return true;
  if (after && CAPITAL_WORD.test(after.raw) && SURNAME_END.test(after.folded)) return true;
  return Boolean(before && CAPITAL_WORD.test(before.raw) && SURNAME_END.test(tokens[i]!.folded));
}

/**
 * Words that say a name is a place's when they follow it, in any case: «Kitob tumani», «Қарши шаҳрида», "Shu
 * district", «Мары велаятында», «Қазығұрт ауданында», «Karakol shaarynda», «Qax rayonunda» (not Russian «туман», fog).
 */
const PLACE_WORD_AFTER =
  /^(?:район|раион|rayon|district|region|province|city|town|village|oblast|област|облыс|облус|аудан|ауыл|айыл|кала|шаар|shaar|oblys|audan|aydan|auyl|qala|viloyat|вилоят|welayat|велаят|etrap|etrab|этрап|шахр|shahr|shahar|шахар|seher|saher|kend|qesebe|кишлак|qishlo|кишло|(?:туман|tuman)(?:[иi]|ида|ida|идаги|idagi)|бекет|beket|откел|откоол|checkpoint|crossing|posti|postid|пости|постид)/u;
/** Words that say the next name is a place's: «ноҳияи Восеъ», «шаҳри Кӯлоб», «города Касан», «г. Денау», «пгт …». */
const PLACE_WORD_BEFORE =
  /^(?:нохияи|шахри|дехаи|чамоати|джамоата|г|гор|город|города|городе|пгт|поселок|поселка|поселке|село|села|селе|кишлак|кишлака|аул|аула|кпп|пост|поста|посту|посте|постом)$/u;

const RUSSIAN_ADJECTIVE_FORM = /(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ей|ую|юю|ых|их)$/u;

/** A Russian adjective before a lower-case noun qualifies it: «в Белом доме», «на Красной планете». */
function qualifiesNextWord(tokens: Token[], match: PlaceMatch): boolean {
  const word = tokens[match.end - 1]!;
  const next = tokens[match.end];
  return (
    next !== undefined &&
    CYRILLIC.test(word.raw) &&
    RUSSIAN_ADJECTIVE_FORM.test(word.folded) &&
    /^\p{Ll}/u.test(next.raw)
  );
}

/** Whether the text marks the words at [start, end) as a place's name (a guarded name needs it). */
function markedAsPlace(tokens: Token[], match: PlaceMatch): boolean {
  const after = tokens[match.end]?.folded ?? '';
  const before = tokens[match.start - 1]?.folded ?? '';
  // "Mary police", «Kitob IIB»: a town's police.
  if (PLACE_WORD_AFTER.test(after) || PLACE_WORD_BEFORE.test(before) || AUTHORITY_WORD.test(after))
    return true;
  return !qualifiesNextWord(tokens, match) && isLocative(tokens, { ...match, term: GENERATED_PLACE });
}

/**
 * The generated gazetteer's places among the words no hand-written term claimed. A guarded sense (a name that is
 * also an ordinary word or a person's) counts only where the text marks a place.
 */
function findPlaces(tokens: Token[], claimed: readonly Mention[], endings: EndingSet): PlaceMatch[] {
  const free = new Array<boolean>(tokens.length).fill(true);
  for (const mention of claimed) for (let i = mention.start; i < mention.end; i++) free[i] = false;
  const index = shippedPlaceIndex(foldWord);
  const lookup: PlaceLookup = {
    free: (j) => free[j] === true,
    endings,
    accept: (match) => placeSensesInContext(tokens, match),
  };
  const places: PlaceMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    const match = free[i] ? placeAt(index, tokens, i, lookup) : undefined;
    if (match && (match.end - match.start > 1 || !personOrStreet(tokens, i))) places.push(match);
    i = match ? match.end : i + 1;
  }
  return places;
}

function placeSensesInContext(tokens: Token[], match: PlaceMatch): PlaceMatch | undefined {
  if (!match.senses.some((sense) => sense.guarded)) return match;
  const senses = markedAsPlace(tokens, match) ? match.senses : match.senses.filter((sense) => !sense.guarded);
  return senses.length > 0 ? { ...match, senses } : undefined;
}

const GENERATED_PLACE: Term = {
  place: '',
  member: false,
  kind: 'place',
  acronym: false,
  words: [{ text: '', mode: 'prefix' }],
  size: 0,
};

function mentionWeight(kind: GazetteerKind, field: 'title' | 'text', role: Role, member: boolean): number {
  return (
    KIND_WEIGHT[kind] *
    (field === 'title' ? TITLE_FACTOR : 1) *
    ROLE_FACTOR[role] *
    (member ? 1 : FOREIGN_FACTOR)
  );
}

/** The endings a text's words may carry, by its language (unknown: all). */
function endingsOf(lang: DetectedLanguage | undefined): EndingSet {
  if (lang === 'rus') return 'russian';
  return lang === 'eng' ? 'none' : 'all';
}

function fieldEvidence(field: 'title' | 'text', text: string, endings: EndingSet): Evidence[] {
  const tokens = tokenize(text);
  const mentions = findMentions(tokens);
  const words = (start: number, end: number) =>
    tokens
      .slice(start, end)
      .map((token) => token.raw)
      .join(' ');
  const evidence: Evidence[] = mentions.map((mention) => {
    const { term } = mention;
    const role = roleOf(tokens, mention);
    return {
      places: [term.place],
      weight: mentionWeight(term.kind, field, role, term.member),
      role,
      label: `${field} "${words(mention.start, mention.end)}" → ${term.place} ${term.kind}${role === 'plain' ? '' : `, ${role}`}`,
    };
  });
  for (const match of findPlaces(tokens, mentions, endings)) {
    const places = [...new Set(match.senses.map((sense) => placeName(sense.country)))].filter(
      (place) => place !== undefined,
    );
    if (places.length === 0) continue;
    const role = roleOf(tokens, { ...match, term: GENERATED_PLACE });
    const member = places.every(isMember);
    evidence.push({
      places,
      weight: mentionWeight('place', field, role, member || places.length > 1),
      role,
      label: `${field} "${words(match.start, match.end)}" → ${places.join('/')} town${role === 'plain' ? '' : `, ${role}`}`,
    });
  }
  return evidence;
}

function addEvidence(tally: Tally, place: string, weight: number, label: string): void {
  tally.scores.set(place, (tally.scores.get(place) ?? 0) + weight);
  const reason = tally.reasons.get(label) ?? { place, weight: 0, count: 0 };
  tally.reasons.set(label, { place, weight: reason.weight + weight, count: reason.count + 1 });
}

/**
 * Unambiguous evidence first; then each shared name goes, at a lower weight, to whichever of its countries the
 * text already points to most (where things happen, not where they come from; the priors count), or is split
 * between them when it points to none. Foreign senses count half.
 */
function tallyEvidence(evidence: readonly Evidence[], priors: Priors): Tally {
  const tally: Tally = { scores: new Map(), reasons: new Map() };
  const pointers = new Map<string, number>();
  for (const item of evidence) {
    if (item.places.length !== 1) continue;
    const place = item.places[0]!;
    addEvidence(tally, place, item.weight, item.label);
    if (item.role !== 'origin') pointers.set(place, (pointers.get(place) ?? 0) + item.weight);
  }
  for (const [prior, weight] of [
    [priors.source, SOURCE_PRIOR],
    [priors.language, LANGUAGE_PRIOR],
  ] as const) {
    if (prior) pointers.set(prior, (pointers.get(prior) ?? 0) + weight);
  }
  for (const item of evidence) {
    if (item.places.length === 1) continue;
    const weight = item.weight * SHARED_NAME_FACTOR;
    const scoreOf = (place: string) => pointers.get(place) ?? 0;
    const best = item.places.reduce((a, b) => (scoreOf(b) > scoreOf(a) ? b : a));
    if (scoreOf(best) > 0) {
      addEvidence(tally, best, weight * (isMember(best) ? 1 : FOREIGN_FACTOR), item.label);
      continue;
    }
    for (const place of item.places) {
      const share = (weight * (isMember(place) ? 1 : FOREIGN_FACTOR)) / item.places.length;
      addEvidence(tally, place, share, item.label);
    }
  }
  return tally;
}

const isMember = (place: string): place is Country => (countryCodes as readonly string[]).includes(place);

function bestOf(entries: [string, number][]): [string, number] | undefined {
  return entries.reduce<[string, number] | undefined>(
    (best, entry) => (!best || entry[1] > best[1] ? entry : best),
    undefined,
  );
}

interface Priors {
  source: Country | null;
  language: Country | undefined;
}

function explain(tally: Tally, winner: string, priors: Priors): string[] {
  const reasons = [...tally.reasons.entries()]
    .sort(([, a], [, b]) => Number(b.place === winner) - Number(a.place === winner) || b.weight - a.weight)
    .map(
      ([label, { weight, count }]) =>
        `${label}${count > 1 ? ` ×${count}` : ''} +${Number(weight.toFixed(1))}`,
    );
  if (priors.language) reasons.push(`language ${priors.language} +${LANGUAGE_PRIOR}`);
  if (priors.source) reasons.push(`source ${priors.source} +${SOURCE_PRIOR}`);
  return reasons;
}

/**
 * The country of the event a text reports; `other` for events outside the member states (or nothing to go on).
 * `lang` is the text's detected language, when known.
 */
export function assignCountry(
  input: TextForAnalysis & { lang?: DetectedLanguage | undefined },
  sourceCountry: Country | null,
): CountryAssignment {
  const priors: Priors = {
    source: sourceCountry,
    language: input.lang ? COUNTRY_OF_LANGUAGE[input.lang] : undefined,
  };
  const endings = endingsOf(input.lang);
  const tally = tallyEvidence(
    [
      ...(input.title ? fieldEvidence('title', input.title, endings) : []),
      ...fieldEvidence('text', input.text, endings),
    ],
    priors,
  );

  const entries = [...tally.scores.entries()];
  const memberEvidence = bestOf(entries.filter(([place]) => isMember(place)))?.[1] ?? 0;
  const foreign = bestOf(entries.filter(([place]) => !isMember(place)));
  if (foreign && foreign[1] >= MIN_FOREIGN_SCORE && foreign[1] > FOREIGN_OVER_MEMBER_RATIO * memberEvidence) {
    return { country: 'other', evidence: explain(tally, foreign[0], priors) };
  }

  // The source goes first so that it wins ties, then the language's state; then the bulletin's house order.
  const first = [sourceCountry, priors.language].filter((c): c is Country => c !== null && c !== undefined);
  const candidates = [...new Set([...first, ...countryCodes])];
  const withPrior = candidates.map((country): [string, number] => [
    country,
    (tally.scores.get(country) ?? 0) +
      (country === sourceCountry ? SOURCE_PRIOR : 0) +
      (country === priors.language ? LANGUAGE_PRIOR : 0),
  ]);
  const best = bestOf(withPrior);
  if (!best || best[1] === 0 || !isMember(best[0]))
    return { country: 'other', evidence: explain(tally, '', priors) };
  return { country: best[0], evidence: explain(tally, best[0], priors) };
}
