import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { PageTooLargeError } from '../crawl-errors.js';
import { mostLikelyCyrillicEncoding } from './cyrillic-encodings.js';

export interface DecodedHtml {
  html: string;
  encoding: string;
}

const SNIFF_BYTES = 4096;
const BOMS: Array<[number[], string]> = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

// Labels that pages declare but iconv-lite does not know under that name, or that browsers map to a superset.
const LABEL_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'us-ascii': 'windows-1252',
  ascii: 'windows-1252',
  gb2312: 'gbk',
  'x-cp1251': 'windows-1251',
  'x-user-defined': 'windows-1252',
  utf8: 'utf-8',
  'x-cp866': 'cp866',
  'x-mac-cyrillic': 'maccyrillic',
  koi8: 'koi8-r',
};

/** A body gzipped without saying so is inflated at most this far unless the caller sets its own limit. */
const DEFAULT_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export interface DecodeOptions {
  /** A gzipped body is inflated at most this far: a bomb stops here with a PageTooLargeError. */
  maxBytes?: number;
}

/**
 * The page's text. A byte-order mark wins, then the HTTP header's charset, then the page's <meta>, then a guess
 * from the bytes. A declared UTF-8 that the bytes are not (a server default over a windows-1251 page) is passed
 * over for the next declaration or the guess; other declarations are believed, as browsers do.
 */
export function decodeHtml(
  body: Buffer | Uint8Array,
  contentType?: string,
  options: DecodeOptions = {},
): DecodedHtml {
  const raw = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const bytes = gunzipIfCompressed(raw, options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  const bom = detectBom(bytes);
  if (bom) return { html: withoutNul(iconv.decode(bytes.subarray(bomLength(bytes)), bom)), encoding: bom };
  const declared = [charsetFromContentType(contentType), charsetFromMeta(bytes)]
    .map(normaliseCharset)
    .filter((name): name is string => name !== undefined);
  // The native strict decoder settles the usual case at once; only broken UTF-8 is looked at byte by byte.
  const believed = (name: string) => name !== 'utf-8' || isValidUtf8(bytes) || !isMostlyLegacy(bytes);
  const encoding = declared.find(believed) ?? sniffEncoding(bytes);
  return { html: withoutNul(iconv.decode(bytes, encoding)), encoding };
}

/** HTML parsers drop NUL, and Postgres text cannot hold it: a stray one in a page of text goes. */
function withoutNul(html: string): string {
  return html.includes('\u0000') ? html.replaceAll('\u0000', '') : html;
}

/** Whether the bytes start as a gzip stream does (a body compressed twice, or a .gz file). */
export function isGzipped(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function gunzipIfCompressed(bytes: Buffer, maxBytes: number): Buffer {
  if (!isGzipped(bytes)) return bytes;
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new PageTooLargeError(`gzipped body inflates past ${maxBytes} bytes: stopped there`);
    }
    throw new Error(
      `decodeHtml: body starts with gzip magic bytes but cannot be gunzipped (${String(error)})`,
    );
  }
}

function detectBom(bytes: Buffer): string | undefined {
  return BOMS.find(([bom]) => bom.every((b, i) => bytes[i] === b))?.[1];
}

function bomLength(bytes: Buffer): number {
  return BOMS.find(([bom]) => bom.every((b, i) => bytes[i] === b))?.[0].length ?? 0;
}

function charsetFromContentType(contentType: string | undefined): string | undefined {
  return contentType?.match(/charset\s*=\s*["']?([\w.:-]+)/i)?.[1];
}

function charsetFromMeta(bytes: Buffer): string | undefined {
  // latin1 maps bytes 1:1, so ASCII markup is readable whatever the real encoding is.
  const head = bytes.subarray(0, SNIFF_BYTES).toString('latin1');
  const direct = head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i);
  return direct?.[1];
}

function normaliseCharset(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const lower = label.trim().toLowerCase();
  const name = LABEL_ALIASES[lower] ?? lower;
  // A page that declares UTF-16 in a meta tag was already decoded as ASCII-compatible to read the tag.
  if (name.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

function sniffEncoding(bytes: Buffer): string {
  if (isValidUtf8(bytes)) return 'utf-8';
  return looksCyrillic(bytes) ? mostLikelyCyrillicEncoding(bytes) : 'windows-1252';
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * True when the bytes break UTF-8 more often than they form it: a few stray bytes in a UTF-8 page (a cut
 * character, a pasted symbol) leave it UTF-8; a windows-1251 page labelled UTF-8 is almost all broken sequences.
 */
function isMostlyLegacy(bytes: Buffer): boolean {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; ) {
    const length = utf8SequenceLength(bytes, i);
    if (length > 1) valid++;
    else if (length === 0) invalid++;
    i += Math.max(length, 1);
  }
  return invalid > valid;
}

/** Length of the well-formed UTF-8 sequence at `i` (1 for ASCII), or 0 when the byte starts none. */
function utf8SequenceLength(bytes: Buffer, i: number): number {
  const lead = bytes[i] ?? 0;
  if (lead < 0x80) return 1;
  const length = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc2 && lead <= 0xdf ? 2 : 0;
  for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return 0;
  return length;
}

// In every legacy Cyrillic encoding (windows-1251, KOI8-R, ISO-8859-5, CP866) the letters are bytes ≥ 0x80, so
// Cyrillic words are long runs of such bytes; Western windows-1252 text uses that range only for accented
// letters scattered between ASCII letters.
function looksCyrillic(bytes: Buffer): boolean {
  let highBytes = 0;
  let bytesInLongRuns = 0;
  let run = 0;
  const closeRun = () => {
    if (run >= 3) bytesInLongRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0x80) {
      highBytes++;
      run++;
    } else closeRun();
  }
  closeRun();
  return highBytes > 0 && bytesInLongRuns / highBytes > 0.5;
}
