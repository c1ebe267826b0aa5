import { PageTooLargeError } from '../crawl-errors.js';

/** What can be read chunk by chunk and stopped: a Node stream (got's, with its decompression) or a web stream. */
export type ByteStream = AsyncIterable<Uint8Array> & { destroy?: (error?: Error) => void };

/**
 * Reads a response body up to `maxBytes`, counting the bytes as they arrive — after decompression, since the
 * stream decompresses lazily as it is read. A body that goes past the limit (a gzip bomb, an endless page)
 * stops there: the stream is destroyed and nothing more is inflated. A declared Content-Length above the limit
 * is refused before a byte is read.
 */
export async function readBounded(
  stream: ByteStream,
  maxBytes: number,
  declaredBytes?: number,
): Promise<Buffer> {
  if (declaredBytes !== undefined && Number.isFinite(declaredBytes) && declaredBytes > maxBytes) {
    stream.destroy?.();
    throw new PageTooLargeError(
      `page of ${declaredBytes} bytes (Content-Length) exceeds maxPageBytes ${maxBytes}; not read`,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      stream.destroy?.();
      throw new PageTooLargeError(
        `page exceeds maxPageBytes ${maxBytes}: stopped reading after ${size} bytes`,
      );
    }
    chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
  }
  return Buffer.concat(chunks, size);
}

/** The Content-Length a response declares, or undefined when it declares none (or nonsense). */
export function declaredLength(header: string | string[] | null | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}
