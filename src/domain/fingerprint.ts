import { createHash } from 'node:crypto';

/**
 * Text fingerprints for de-duplication.
 *
 * - `contentHash` catches exact reposts (same words after normalisation) with one unique-key lookup.
 * - `simhash64` catches near reposts (edited lead, other site footer). Features are distinct word 3-shingles, hashed with
 *   64-bit FNV-1a over their UTF-8 bytes; each feature votes +1/−1 on every bit and the sign of the sum is the bit
 *   (Charikar's simhash). Numbers are kept as words, so two seizures that differ only in amounts and names still
 *   drift apart.
 * - `simhashBands` splits a fingerprint into bands for an equality (LSH) lookup in SQL: two fingerprints within
 *   `bands - 1` bits share at least one band (pigeonhole), so the lookup finds candidates for `isNearDuplicate`.
 *
 * Why 9 bits and 8 bands of 8 bits, not the textbook 3 bits and 4 bands of 16: simhash keeps the angle between the
 * shingle sets, so a 175–200-word release reposted with another lead sentence and another site footer (about 15% of
 * its shingles) lands 2–10 bits away (median 7), while independently written reports of similar events land 20–32
 * bits away. 3 bits would only catch copies that differ in a word or two, which `contentHash` mostly catches already.
 * 8 bands find every pair up to 7 bits apart and 98% of pairs 9 bits apart; they make about 3% of unrelated
 * fingerprints candidates, and the Hamming check on those is cheap.
 */

export const NEAR_DUPLICATE_MAX_DISTANCE = 9;
export const SIMHASH_BANDS = 8;

const APOSTROPHES = /[\u2018\u2019\u02BB\u02BC\u0060\u00B4]/gu;
const NON_WORD = /[^\p{L}\p{N}']+/gu;
/** Links differ between reposts (tracking, short links) and, repeated, would outvote the words. */
const LINK = /\b(?:https?:\/\/|www\.)\S+/giu;

/** Case-, accent-form- and punctuation-insensitive text without links: words separated by single spaces. */
export function normalizeForFingerprint(text: string): string {
  return text
    .normalize('NFKC')
    .replace(LINK, ' ')
    .toLowerCase()
    .replaceAll('ё', 'е')
    .replace(APOSTROPHES, "'")
    .replace(NON_WORD, ' ')
    .replace(/(^|\s)'+|'+(?=\s|$)/gu, '$1')
    .trim();
}

/** sha256 hex of the normalised title and body; equal for copies that differ only in case, spacing or punctuation. */
export function contentHash(title: string, body: string): string {
  return createHash('sha256')
    .update(`${normalizeForFingerprint(title)}\n${normalizeForFingerprint(body)}`)
    .digest('hex');
}

const FNV_OFFSET_64 = 0xcbf29ce484222325n;
const FNV_PRIME_64 = 0x100000001b3n;
const MASK_64 = 0xffffffffffffffffn;
const utf8 = new TextEncoder();

function fnv1a64(text: string): bigint {
  let hash = FNV_OFFSET_64;
  for (const byte of utf8.encode(text)) {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME_64) & MASK_64;
  }
  return hash;
}

const SHINGLE_SIZE = 3;

/** Distinct shingles: a phrase repeated in every paragraph (a slogan, a hashtag line) votes once. */
function wordShingles(words: string[]): Set<string> {
  if (words.length <= SHINGLE_SIZE) return new Set(words.length > 0 ? [words.join(' ')] : []);
  const shingles = new Set<string>();
  for (let i = 0; i + SHINGLE_SIZE <= words.length; i++) {
    shingles.add(words.slice(i, i + SHINGLE_SIZE).join(' '));
  }
  return shingles;
}

/** 64-bit simhash of the text's distinct word 3-shingles; 0n for a text without words. */
export function simhash64(text: string): bigint {
  const normalized = normalizeForFingerprint(text);
  const words = normalized === '' ? [] : normalized.split(' ');
  const votes = new Array<number>(64).fill(0);
  for (const shingle of wordShingles(words)) {
    const hash = fnv1a64(shingle);
    // Two 32-bit halves keep the per-bit loop in plain numbers instead of 64 BigInt shifts per shingle.
    const low = Number(hash & 0xffffffffn);
    const high = Number(hash >> 32n);
    for (let bit = 0; bit < 32; bit++) {
      votes[bit]! += (low >>> bit) & 1 ? 1 : -1;
      votes[bit + 32]! += (high >>> bit) & 1 ? 1 : -1;
    }
  }
  let fingerprint = 0n;
  for (let bit = 63; bit >= 0; bit--) {
    fingerprint = (fingerprint << 1n) | (votes[bit]! > 0 ? 1n : 0n);
  }
  return fingerprint;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let diff = (a ^ b) & MASK_64;
  let count = 0;
  while (diff !== 0n) {
    diff &= diff - 1n;
    count++;
  }
  return count;
}

/** The fingerprint cut into `bands` equal bands, lowest bits first, each an unsigned integer (8 bits for 8 bands). */
export function simhashBands(hash: bigint, bands = SIMHASH_BANDS): number[] {
  if (!Number.isInteger(bands) || bands < 1 || 64 % bands !== 0) {
    throw new RangeError(`bands must divide 64, got ${bands}`);
  }
  const width = BigInt(64 / bands);
  const bandMask = (1n << width) - 1n;
  return Array.from({ length: bands }, (_, i) => Number((hash >> (width * BigInt(i))) & bandMask));
}

export function isNearDuplicate(a: bigint, b: bigint, maxDistance = NEAR_DUPLICATE_MAX_DISTANCE): boolean {
  return hammingDistance(a, b) <= maxDistance;
}
