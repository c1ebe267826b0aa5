import { deserialize, serialize } from 'node:v8';

/**
 * Messages between the owner of an embedded data folder and its clients: a 4-byte length, then the message in
 * V8's serialization format, which keeps what query parameters and rows hold (Dates, Buffers, nested objects,
 * BigInts) as they are.
 */

/** Rows of one answer above this are refused rather than buffered: an article page is at most a few MB. */
export const MAX_FRAME_BYTES = 512 * 1024 * 1024;

export class FrameTooLargeError extends Error {}

export function encodeFrame(message: unknown): Buffer {
  const body = serialize(message);
  if (body.length > MAX_FRAME_BYTES) {
    throw new FrameTooLargeError(`message of ${body.length} bytes exceeds ${MAX_FRAME_BYTES}`);
  }
  const header = Buffer.allocUnsafe(4);
  header.writeUInt32BE(body.length, 0);
  return Buffer.concat([header, body]);
}

/** Collects chunks from a socket and hands out each complete message. */
export class FrameDecoder {
  #pending: Buffer[] = [];
  #length = 0;
  /** Body length of the message being received, once its header has arrived. */
  #expected: number | undefined;

  push(chunk: Buffer): unknown[] {
    this.#pending.push(chunk);
    this.#length += chunk.length;
    const messages: unknown[] = [];
    for (;;) {
      if (this.#length < 4) return messages;
      if (this.#expected === undefined) {
        const head = this.#pending[0]!.length >= 4 ? this.#pending[0]! : Buffer.concat(this.#pending);
        this.#pending = head === this.#pending[0] ? this.#pending : [head];
        this.#expected = head.readUInt32BE(0);
        if (this.#expected > MAX_FRAME_BYTES) {
          throw new FrameTooLargeError(`incoming message of ${this.#expected} bytes`);
        }
      }
      // Joined only once the whole message is there: a large answer arrives in many chunks.
      if (this.#length < 4 + this.#expected) return messages;
      const buffer = this.#pending.length === 1 ? this.#pending[0]! : Buffer.concat(this.#pending);
      messages.push(deserialize(buffer.subarray(4, 4 + this.#expected)));
      const rest = buffer.subarray(4 + this.#expected);
      this.#pending = rest.length > 0 ? [rest] : [];
      this.#length = rest.length;
      this.#expected = undefined;
    }
  }
}
