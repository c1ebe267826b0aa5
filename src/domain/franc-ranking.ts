import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';
import { CharacterClasses } from './character-classes.js';

/**
 * franc's ranking of languages (`francAll`), from one profile of the text however many times it is asked.
 *
 * Detection asks franc twice about one sample (among our languages, then among all), and every `francAll` call
 * counts the sample's scripts with some thirty regular expressions and rebuilds its trigram dictionary as an
 * object keyed by strings: most of the cost of detection. This runs franc's own algorithm (franc 6 with
 * trigram-utils 2) on franc's own data, with the counts kept in numbers: the script is the one whose expression
 * matches most characters (the first of equals); the trigrams are those of the text with ASCII digits and
 * punctuation blanked, white space collapsed, lower-cased and padded with a space; a language's distance is the
 * sum over the distinct trigrams of |count − rank − 1|, or 300 where its model lacks the trigram. The rankings
 * equal `francAll`'s exactly, which a test checks.
 */

const MAX_LENGTH = 2048;
const MIN_LENGTH = 10;
const MAX_DIFFERENCE = 300;

/** franc's answer: language codes with scores from 1 (the best) down, or `und` alone. */
export type FrancRanking = Array<[code: string, score: number]>;

const scriptNames = Object.keys(expressions);
/** Without the global flag, `test` keeps no position between calls. */
const scriptTests = Object.values(expressions).map((expression) => new RegExp(expression.source));

/** Which script expressions each character matches, a bit each (30 expressions: the bits never make -2^31). */
const scriptMatches = new CharacterClasses((char) =>
  scriptTests.reduce((bits, test, i) => (test.test(char) ? bits | (1 << i) : bits), 0),
);

/**
 * The script matching most characters, with its count. franc's expressions match one BMP character or one
 * surrogate pair, so counting by character equals counting their matches.
 */
function topScript(text: string): { script: string; count: number } {
  const counts = new Array<number>(scriptNames.length).fill(0);
  scriptMatches.forEach(text, (bits) => {
    for (let script = 0; bits !== 0; script++, bits >>>= 1) counts[script]! += bits & 1;
  });
  const top = counts.indexOf(Math.max(...counts));
  return { script: scriptNames[top]!, count: counts[top]! };
}

/** The three UTF-16 units of the trigram at `i` as one number (48 bits, exact in a double). */
function trigramKey(text: string, i: number): number {
  return text.charCodeAt(i) * 2 ** 32 + text.charCodeAt(i + 1) * 2 ** 16 + text.charCodeAt(i + 2);
}

const EMPTY = -1;

/**
 * Numbers by trigram key, by open addressing. A Map keyed by 48-bit numbers boxes and hashes every key: counting a
 * sample's 2,000 trigrams in one cost more than all the rest of the ranking.
 */
class TrigramTable {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  /** Occupied slots, in the order their keys came. */
  private readonly slots: number[] = [];

  /** Room for `capacity` keys, the table kept at most half full so that probes stay short. */
  constructor(capacity: number) {
    const size = 2 ** Math.ceil(Math.log2(2 * capacity + 1));
    this.keys = new Float64Array(size).fill(EMPTY);
    this.values = new Int32Array(size);
    this.mask = size - 1;
  }

  get size(): number {
    return this.slots.length;
  }

  get(key: number, missing: number): number {
    const slot = this.slotOf(key);
    return this.keys[slot] === key ? this.values[slot]! : missing;
  }

  /** Adds `amount` to the key's number, which starts at 0. */
  add(key: number, amount: number): void {
    const slot = this.slotOf(key);
    if (this.keys[slot] === EMPTY) {
      this.keys[slot] = key;
      this.slots.push(slot);
    }
    this.values[slot]! += amount;
  }

  forEach(visit: (key: number, value: number) => void): void {
    for (const slot of this.slots) visit(this.keys[slot]!, this.values[slot]!);
  }

  /** The key's slot, or the empty slot where it would go. */
  private slotOf(key: number): number {
    // Mixes the low 32 bits (two units) with the high unit; the product's upper bits spread best.
    const mixed = Math.imul((key >>> 0) ^ Math.imul(Math.floor(key / 2 ** 32), 0x85ebca6b), 0x9e3779b1);
    let slot = (mixed >>> 16) & this.mask;
    while (this.keys[slot] !== key && this.keys[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    return slot;
  }
}

interface ScriptModels {
  /** Every trigram of any of the script's models, numbered. */
  ids: TrigramTable;
  /** Each language's rank of every numbered trigram, -1 where its model lacks it; in franc's order. */
  ranks: Array<[code: string, ranks: Int16Array]>;
}

const modelsByScript = new Map<string, ScriptModels>();

/** A script's models, built when a text in it first turns up. */
function scriptModels(script: string): ScriptModels {
  const built = modelsByScript.get(script);
  if (built) return built;
  const models = Object.entries(data[script]!).map(([code, model]) => [code, model.split('|')] as const);
  const keys = new Set(models.flatMap(([, trigrams]) => trigrams.map((trigram) => trigramKey(trigram, 0))));
  const ids = new TrigramTable(keys.size);
  for (const key of keys) ids.add(key, ids.size);
  const ranks = models.map(([code, trigrams]): [string, Int16Array] => {
    const byId = new Int16Array(ids.size).fill(-1);
    trigrams.forEach((trigram, rank) => {
      byId[ids.get(trigramKey(trigram, 0), -1)] = rank;
    });
    return [code, byId];
  });
  modelsByScript.set(script, { ids, ranks });
  return { ids, ranks };
}

interface TextTrigrams {
  /** Each distinct trigram's id among the script's, -1 where no model has it. */
  ids: Int32Array;
  counts: Int32Array;
}

/** The distinct trigrams of the text as franc cleans and pads it, with their counts. */
function textTrigrams(text: string, scriptIds: TrigramTable): TextTrigrams {
  const cleaned = text
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  const padded = ` ${cleaned} `;
  const counts = new TrigramTable(padded.length);
  for (let i = 0; i + 3 <= padded.length; i++) counts.add(trigramKey(padded, i), 1);
  const trigrams = { ids: new Int32Array(counts.size), counts: new Int32Array(counts.size) };
  let i = 0;
  counts.forEach((key, count) => {
    trigrams.ids[i] = scriptIds.get(key, -1);
    trigrams.counts[i++] = count;
  });
  return trigrams;
}

function trigramDistance(trigrams: TextTrigrams, ranks: Int16Array): number {
  let sum = 0;
  for (let i = 0; i < trigrams.ids.length; i++) {
    const id = trigrams.ids[i]!;
    const rank = id === -1 ? -1 : ranks[id]!;
    sum += rank === -1 ? MAX_DIFFERENCE : Math.abs(trigrams.counts[i]! - rank - 1);
  }
  return sum;
}

const undetermined = (): FrancRanking => [['und', 1]];

export class FrancProfile {
  private readonly text: string;
  private readonly top: { script: string; count: number };
  private trigrams: TextTrigrams | undefined;

  constructor(text: string) {
    this.text = text.slice(0, MAX_LENGTH);
    this.top = topScript(this.text);
  }

  /** `francAll(text, { only })`: the languages of `only` (all when empty) by score. */
  rank(only: readonly string[] = []): FrancRanking {
    const allowed = (code: string): boolean => only.length === 0 || only.includes(code);
    const { script, count } = this.top;
    if (this.text.length < MIN_LENGTH) return undetermined();
    // franc has models for scripts that several languages share; any other script names its one language.
    if (!(script in data)) return count === 0 || !allowed(script) ? undetermined() : [[script, 1]];
    const models = scriptModels(script);
    this.trigrams ??= textTrigrams(this.text, models.ids);
    const trigrams = this.trigrams;
    const distances = models.ranks
      .filter(([code]) => allowed(code))
      .map(([code, ranks]): [string, number] => [code, trigramDistance(trigrams, ranks)])
      .sort((a, b) => a[1] - b[1]);
    if (distances.length === 0) return undetermined();
    const min = distances[0]![1];
    const max = this.text.length * MAX_DIFFERENCE - min;
    return distances.map(([code, distance]) => [code, 1 - (distance - min) / max || 0]);
  }
}
