import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot } from './cli.js';

const SEED_NAME = '000_47f95a5e802b696b.txt';

/**
 * The member states in the house order, which releases and the review workspace follow. Spelled out rather
 * than taken from src, so that a change of the order fails the tests instead of following along.
 */
export const MEMBER_STATES_IN_HOUSE_ORDER = ['AZ', 'KZ', 'KG', 'RU', 'TJ', 'TM', 'UZ'];

/** Release #17 as text. CI lays shared/ beside the clone; on the workstation it is /work/shared. */
export function seedReleasePath(): string {
  const candidates = [
    join(repoRoot, '..', 'shared', 'seeds', SEED_NAME),
    join('/work/shared/seeds', SEED_NAME),
  ];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`seed release ${SEED_NAME} not found in ${candidates.join(' or ')}`);
  return found;
}

/** The entries of a ZIP archive (a .docx is one), read from its central directory. */
export function readZipEntries(zip: Buffer): Map<string, Buffer> {
  const endOfDirectory = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endOfDirectory < 0) throw new Error('not a ZIP archive: no end of central directory');
  const count = zip.readUInt16LE(endOfDirectory + 10);
  let offset = zip.readUInt32LE(endOfDirectory + 16);
  const entries = new Map<string, Buffer>();
  for (let index = 0; index < count; index += 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry at ${offset}`);
    const method = zip.readUInt16LE(offset + 10);
    const compressedSize = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    const localHeader = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** The text of each paragraph of word/document.xml, in document order; line breaks as `\n`. */
export function docxParagraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((paragraph) =>
    [...paragraph[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)]
      .map((token) =>
        token[1] === undefined
          ? '\n'
          : token[1].replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? ''),
      )
      .join(''),
  );
}
