import iconv from 'iconv-lite';

/**
 * Which legacy Cyrillic encoding undeclared bytes are in: windows-1251, KOI8-R, ISO-8859-5 or CP866. Each
 * candidate decodes the bytes ≥ 0x80 (all four keep ASCII as it is) and is scored as Russian text would be:
 * how frequent each letter is, how rarely a capital follows a small letter inside a word, whether a word opens
 * with «ь», «ъ» or «ы» (no Russian word does), and how long consonant clusters run. The wrong decodings of a
 * page turn its letters into other letters of the other case, box-drawing signs or punctuation, and score far
 * lower. Mac Cyrillic is left out: its letters sit where windows-1251 has them, bar one.
 */

export const CYRILLIC_ENCODINGS = ['windows-1251', 'koi8-r', 'iso-8859-5', 'cp866'] as const;
export type CyrillicEncoding = (typeof CYRILLIC_ENCODINGS)[number];

// Letter frequencies of Russian text, per thousand letters (the usual corpus figures).
const RUSSIAN_PER_MILLE: Record<string, number> = {
  о: 109.7, е: 84.5, а: 80.1, и: 73.5, н: 67.0, т: 62.6, с: 54.7, р: 47.3, в: 45.4, л: 44.0, к: 34.9, м: 32.1,
  д: 29.8, п: 28.1, у: 26.2, я: 20.1, ы: 19.0, ь: 17.4, г: 17.0, з: 16.5, б: 15.9, ч: 14.4, й: 12.1, х: 9.7,
  ж: 9.4, ш: 7.3, ю: 6.4, ц: 4.8, щ: 3.6, э: 3.2, ф: 2.6, ъ: 0.4, ё: 0.4,
}; // biome-ignore format: a frequency table reads better packed
// Letters of other Cyrillic alphabets (і, ї, є, ґ, ў, ј, љ…): possible on a windows-1251 page, but rare.
const OTHER_CYRILLIC_PER_MILLE = 1;
// Capitals open sentences and names: about one letter in twelve.
const CAPITAL_SHARE = 0.08;
// Punctuation that Russian text does use above ASCII (no-break space, «», dashes, ellipsis, №, curly quotes).
const COMMON_PUNCTUATION = new Set([...'\u00a0«»—–…№“”„‘’•·©®°§']);
const COMMON_PUNCTUATION_LOG = Math.log(0.005);
const RARE_SYMBOL_LOG = Math.log(0.0001);
const CAPITAL_INSIDE_WORD_LOG = Math.log(0.02);
const IMPOSSIBLE_OPENING_LOG = Math.log(0.001);
const LONG_CLUSTER_LOG = Math.log(0.01);
const MAX_CONSONANTS = 4; // «взгл»яд
const NEVER_OPENS_A_WORD = new Set([...'ьъы']);
const VOWELS = new Set([...'аеёиоуыэюяіїєў']);
// Enough high bytes to decide; the rest of a long page adds time, not certainty.
const MAX_SCORED_BYTES = 50_000;

enum Kind {
  Boundary,
  Small,
  Capital,
}

interface ByteModel {
  kind: Uint8Array;
  logWeight: Float64Array;
  vowel: Uint8Array;
  neverOpens: Uint8Array;
}

const models = new Map<CyrillicEncoding, ByteModel>();

function modelOf(encoding: CyrillicEncoding): ByteModel {
  let model = models.get(encoding);
  if (!model) {
    model = buildModel(encoding);
    models.set(encoding, model);
  }
  return model;
}

function buildModel(encoding: CyrillicEncoding): ByteModel {
  const model: ByteModel = {
    kind: new Uint8Array(256),
    logWeight: new Float64Array(256),
    vowel: new Uint8Array(256),
    neverOpens: new Uint8Array(256),
  };
  const high = Buffer.from(Array.from({ length: 128 }, (_, i) => i + 0x80));
  const chars = [...iconv.decode(high, encoding)];
  chars.forEach((char, i) => {
    const byte = i + 0x80;
    const small = char.toLowerCase();
    const isCyrillic = /\p{Script=Cyrillic}/u.test(char) && /\p{L}/u.test(char);
    if (!isCyrillic) {
      model.kind[byte] = Kind.Boundary;
      model.logWeight[byte] = COMMON_PUNCTUATION.has(char) ? COMMON_PUNCTUATION_LOG : RARE_SYMBOL_LOG;
      return;
    }
    const capital = char !== small;
    const perMille = RUSSIAN_PER_MILLE[small] ?? OTHER_CYRILLIC_PER_MILLE;
    model.kind[byte] = capital ? Kind.Capital : Kind.Small;
    model.logWeight[byte] = Math.log(perMille / 1000) + Math.log(capital ? CAPITAL_SHARE : 1 - CAPITAL_SHARE);
    model.vowel[byte] = VOWELS.has(small) ? 1 : 0;
    model.neverOpens[byte] = NEVER_OPENS_A_WORD.has(small) ? 1 : 0;
  });
  return model;
}

/** Log-likelihood per scored byte of the bytes read as `encoding`; higher is more like Russian text. */
export function cyrillicScore(bytes: Uint8Array, encoding: CyrillicEncoding): number {
  const model = modelOf(encoding);
  let total = 0;
  let scored = 0;
  let previous = Kind.Boundary;
  let consonants = 0;
  for (let i = 0; i < bytes.length && scored < MAX_SCORED_BYTES; i++) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      previous = Kind.Boundary;
      consonants = 0;
      continue;
    }
    scored++;
    const kind = model.kind[byte] as Kind;
    total += model.logWeight[byte] ?? 0;
    if (kind !== Kind.Boundary) {
      if (kind === Kind.Capital && previous === Kind.Small) total += CAPITAL_INSIDE_WORD_LOG;
      if (previous === Kind.Boundary && model.neverOpens[byte]) total += IMPOSSIBLE_OPENING_LOG;
      consonants = model.vowel[byte] ? 0 : consonants + 1;
      if (consonants > MAX_CONSONANTS) total += LONG_CLUSTER_LOG;
    } else consonants = 0;
    previous = kind;
  }
  return scored === 0 ? 0 : total / scored;
}

/** The candidate under which the bytes read most like Russian text (windows-1251 on a tie). */
export function mostLikelyCyrillicEncoding(bytes: Uint8Array): CyrillicEncoding {
  let best: CyrillicEncoding = 'windows-1251';
  let bestScore = Number.NEGATIVE_INFINITY;
  for (const encoding of CYRILLIC_ENCODINGS) {
    const score = cyrillicScore(bytes, encoding);
    if (score > bestScore) {
      best = encoding;
      bestScore = score;
    }
  }
  return best;
}
