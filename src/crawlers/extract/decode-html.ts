import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { PageTooLargeError } from '../crawl-errors.js';

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
};

/** A body gzipped without saying so is inflated at most this far unless the caller sets its own limit. */
const DEFAULT_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

export interface DecodeOptions {
  /** A gzipped body is inflated at most this far: a bomb stops here with a PageTooLargeError. */
  maxBytes?: number;
}

export function decodeHtml(
  body: Buffer | Uint8Array,
  contentType?: string,
  options: DecodeOptions = {},
): DecodedHtml {
  const raw = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const bytes = gunzipIfCompressed(raw, options.maxBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  const encoding =
    detectBom(bytes) ??
    normaliseCharset(charsetFromContentType(contentType)) ??
    normaliseCharset(charsetFromMeta(bytes)) ??
    sniffEncoding(bytes);
  const start = detectBom(bytes) ? bomLength(bytes) : 0;
  return { html: iconv.decode(bytes.subarray(start), encoding), encoding };
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
  return looksCyrillic1251(bytes) ? 'windows-1251' : 'windows-1252';
}

function isValidUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Windows-1251 Cyrillic letters are 0xC0–0xFF, so Cyrillic words are long runs of such bytes; Western
// windows-1252 text uses the same range only for accented letters scattered between ASCII letters.
function looksCyrillic1251(bytes: Buffer): boolean {
  let letterBytes = 0;
  let bytesInLongRuns = 0;
  let run = 0;
  const closeRun = () => {
    if (run >= 3) bytesInLongRuns += run;
    run = 0;
  };
  for (const byte of bytes) {
    if (byte >= 0xc0) {
      letterBytes++;
      run++;
    } else closeRun();
  }
  closeRun();
  return letterBytes > 0 && bytesInLongRuns / letterBytes > 0.5;
}
