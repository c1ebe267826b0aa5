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

const utf8 = new TextEncoder();
const SPACE = 0x20;

/**
 * 64-bit FNV-1a of `bytes[start, end)` as its high and low 32-bit halves. The prime is 2^40 + 0x1b3, so
 * hash·prime mod 2^64 = hash·0x1b3 + (hash << 40): the halves need only 32-bit multiplications (the low half's in
 * 16-bit pieces, so that its carry into the high half is known), which keeps the loop free of BigInt allocations.
 */
function fnv1a64(bytes: Uint8Array, start: number, end: number): [high: number, low: number] {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let i = start; i < end; i++) {
    low = (low ^ bytes[i]!) >>> 0;
    const lowPart = (low & 0xffff) * 0x1b3;
    const highPart = (low >>> 16) * 0x1b3 + (lowPart >>> 16);
    high = (Math.imul(high, 0x1b3) + (highPart >>> 16) + (low << 8)) >>> 0;
    low = ((highPart << 16) | (lowPart & 0xffff)) >>> 0;
  }
  return [high, low];
}

const SHINGLE_SIZE = 3;

/** Where each space-separated word starts, then where one more word would start after the end. */
function wordStarts(length: number, nextSpace: (from: number) => number): number[] {
  const starts = [0];
  for (let space = nextSpace(0); space !== -1; space = nextSpace(space + 1)) starts.push(space + 1);
  starts.push(length + 1);
  return starts;
}

/** Each bit of the hash votes +1 when set and −1 when clear. */
function addVotes(votes: Int32Array, [high, low]: [number, number]): void {
  for (let bit = 0; bit < 32; bit++) {
    votes[bit]! += (((low >>> bit) & 1) << 1) - 1;
    votes[bit + 32]! += (((high >>> bit) & 1) << 1) - 1;
  }
}

function fingerprintOf(votes: Int32Array): bigint {
  let high = 0;
  let low = 0;
  for (let bit = 31; bit >= 0; bit--) {
    high = high * 2 + (votes[bit + 32]! > 0 ? 1 : 0);
    low = low * 2 + (votes[bit]! > 0 ? 1 : 0);
  }
  return (BigInt(high) << 32n) | BigInt(low);
}

/** 64-bit simhash of the text's distinct word 3-shingles (the whole text when shorter); 0n for a text without words. */
export function simhash64(text: string): bigint {
  const normalized = normalizeForFingerprint(text);
  const votes = new Int32Array(64);
  if (normalized === '') return fingerprintOf(votes);
  // Words are separated by spaces, so a shingle is one stretch of the normalised text and of its UTF-8 bytes:
  // hashing that stretch hashes the joined words without joining them.
  const bytes = utf8.encode(normalized);
  const charStarts = wordStarts(normalized.length, (from) => normalized.indexOf(' ', from));
  const byteStarts = wordStarts(bytes.length, (from) => bytes.indexOf(SPACE, from));
  const wordCount = charStarts.length - 1;
  const size = Math.min(SHINGLE_SIZE, wordCount);
  // Distinct shingles: a phrase repeated in every paragraph (a slogan, a hashtag line) votes once.
  const seen = new Set<string>();
  for (let i = 0; i + size <= wordCount; i++) {
    const shingle = normalized.slice(charStarts[i], charStarts[i + size]! - 1);
    if (seen.has(shingle)) continue;
    seen.add(shingle);
    addVotes(votes, fnv1a64(bytes, byteStarts[i]!, byteStarts[i + size]! - 1));
  }
  return fingerprintOf(votes);
}

const MASK_64 = 0xffffffffffffffffn;

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
