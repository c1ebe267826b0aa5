/**
 * The keys stories are stored and looked up by (src/db/stories-repo.ts): SimHash bands and numeric facts, each
 * with when the member was published, so that a draft asks only for the days around it; and the facts as prefixed
 * keys. How two reports are compared is in stories.ts.
 */
import { SIMHASH_BANDS, simhashBands } from './fingerprint.js';
import { beyondSingleDigit, STORY_WINDOW_DAYS, type StoryFacts } from './stories.js';

/** Days per period of the dated band keys. */
export const BAND_PERIOD_DAYS = 8;
/**
 * How far apart two near duplicates may be published and still be found by the lookup: copies and rewrites of
 * one report come within days; a text reprinted months later opens a story of its own (identical copies are still
 * exact duplicates of it, whatever their date).
 */
export const NEAR_DUPLICATE_WINDOW_DAYS = 14;
const BAND_KEYS_PER_PERIOD = SIMHASH_BANDS * 256;

const periodOf = (date: Date): number => Math.floor(dayNumber(date) / BAND_PERIOD_DAYS);

/**
 * A member's band keys for the index lookup, with the period of days it was published in: band `i` with value
 * `v` in period `p` is `p * 2048 + i * 256 + v`, so one integer array holds all eight. One shared band is chance
 * for about 3% of all members; dated, the keys a draft asks for find only the members of the weeks around it, so
 * the lookup reads what those weeks hold, not 3% of everything ever stored (issue 17).
 * Same formula as harvest_simhash_band_keys in src/db/migrations/022_dated_simhash_bands.sql (tested).
 */
export function simhashBandKeys(simhash: bigint, publishedOrFound: Date): number[] {
  const base = periodOf(publishedOrFound) * BAND_KEYS_PER_PERIOD;
  return simhashBands(simhash, SIMHASH_BANDS).map((value, band) => base + band * 256 + value);
}

/**
 * The band keys a draft looks up: its bands in every period from `first` to `last` widened by
 * NEAR_DUPLICATE_WINDOW_DAYS, so that no member published within that window is missed.
 */
export function simhashBandQueryKeys(simhash: bigint, first: Date, last = first): number[] {
  const windowMs = NEAR_DUPLICATE_WINDOW_DAYS * MS_PER_DAY;
  const from = periodOf(new Date(first.getTime() - windowMs));
  const to = periodOf(new Date(last.getTime() + windowMs));
  const bands = simhashBands(simhash, SIMHASH_BANDS);
  const keys: number[] = [];
  for (let period = from; period <= to; period++) {
    for (const [band, value] of bands.entries())
      keys.push(period * BAND_KEYS_PER_PERIOD + band * 256 + value);
  }
  return keys;
}

const FACT_PREFIXES = {
  quantities: 'q:',
  approxQuantities: 'a:',
  numbers: 'n:',
  dates: 'd:',
  names: 'p:',
  leadingWords: 'l:',
} as const satisfies Record<keyof StoryFacts, string>;

/** Facts as prefixed keys for storage: `q:3000`, `a:3000` (over 3 kg), `n:34`, `d:20-09`, `p:Vlmt`, `p:@baku`, `l:smkn`. */
export function factKeys(facts: StoryFacts): string[] {
  return Object.entries(FACT_PREFIXES).flatMap(([field, prefix]) =>
    facts[field as keyof StoryFacts].map((value) => `${prefix}${value}`),
  );
}

/**
 * The keys a copy must share with this article, for the candidate lookup: an amount, a date or a number above 9
 * (a shared single digit never ties two articles, and would make half the window a candidate).
 */
export function numericFactKeys(facts: StoryFacts): string[] {
  return factKeys({
    ...facts,
    numbers: facts.numbers.filter(beyondSingleDigit),
    names: [],
    leadingWords: [],
  });
}

const MS_PER_DAY = 86_400_000;
const dayNumber = (date: Date): number => Math.floor(date.getTime() / MS_PER_DAY);

/**
 * A member's numeric fact keys with the day it was published (`n:228@20419`; `n:228@` undated), for the
 * candidate lookup: a number as common as `228` (the drug article of the criminal code) is shared by every drug
 * report ever stored, but by few of the days around one.
 */
export function datedFactKeys(numericKeys: readonly string[], publishedAt: Date | null): string[] {
  const day = publishedAt ? String(dayNumber(publishedAt)) : '';
  return numericKeys.map((key) => `${key}@${day}`);
}

/**
 * How far back an undated draft looks for its story: as old as the news sources are crawled for by default
 * (`limits.maxAgeDays`); it may report anything of that span.
 */
export const UNDATED_LOOKBACK_DAYS = 45;

/**
 * The dated keys a draft looks up: its numeric facts on every day from `first` to `last` widened by the story
 * window, and undated. Two times at most STORY_WINDOW_DAYS apart fall on days at most that many apart, so no
 * member within the window is missed; the exact window is checked on what the lookup finds.
 */
export function datedFactQueryKeys(numericKeys: readonly string[], first: Date, last = first): string[] {
  const from = dayNumber(first) - STORY_WINDOW_DAYS;
  const days = Array.from({ length: dayNumber(last) + STORY_WINDOW_DAYS - from + 1 }, (_, offset) =>
    String(from + offset),
  );
  return numericKeys.flatMap((key) => [...days.map((day) => `${key}@${day}`), `${key}@`]);
}

export function factsFromKeys(keys: readonly string[]): StoryFacts {
  const facts: StoryFacts = {
    quantities: [],
    approxQuantities: [],
    numbers: [],
    dates: [],
    names: [],
    leadingWords: [],
  };
  for (const key of keys) {
    const field = (Object.keys(FACT_PREFIXES) as Array<keyof StoryFacts>).find((name) =>
      key.startsWith(FACT_PREFIXES[name]),
    );
    if (field) facts[field].push(key.slice(2));
  }
  return facts;
}
