import { EventEmitter } from 'node:events';
import { connect, type Socket } from 'node:net';
import { encodeFrame, FrameDecoder } from './frames.js';
import type { ProcessIdentity } from './process-identity.js';
import {
  type ClientMessage,
  type OwnerMessage,
  OwnerStatementError,
  type SerializedError,
} from './protocol.js';

/**
 * The owner went away while a statement of ours was in flight (it was killed): whether the statement ran is not
 * known, so it is not sent again. Work that fails with it is left for recovery, like any interrupted work.
 */
export class OwnerLostError extends Error {}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type OwnerRequest = DistributiveOmit<Extract<ClientMessage, { id: number }>, 'id'>;

/**
 * One connection to the owner of a data folder. Emits `closing` when the owner announces that it is leaving and
 * `closed` (with whether that was announced) when the connection ends.
 */
export class OwnerConnection extends EventEmitter {
  readonly owner: ProcessIdentity;
  readonly #socket: Socket;
  readonly #pending = new Map<number, Pending>();
  #nextId = 0;
  #closingAnnounced = false;
  #closed = false;
  #markClosed!: (announced: boolean) => void;
  /** Settles when the connection has ended, with whether the owner had announced it. */
  readonly whenClosed = new Promise<boolean>((resolve) => {
    this.#markClosed = resolve;
  });

  private constructor(socket: Socket, owner: ProcessIdentity, decoder: FrameDecoder) {
    super();
    this.#socket = socket;
    this.owner = owner;
    socket.on('data', (chunk: Buffer) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch {
        socket.destroy();
        return;
      }
      for (const message of messages) this.#receive(message as OwnerMessage);
    });
    socket.on('close', () => this.#onClose());
  }

  /** Connects and waits for the owner's welcome; rejects when nobody listens on the socket. */
  static open(socketPath: string, me: ProcessIdentity, timeoutMs = 5_000): Promise<OwnerConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect(socketPath);
      const decoder = new FrameDecoder();
      const timer = setTimeout(() => fail(new Error(`no answer on ${socketPath}`)), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.destroy();
        reject(error);
      };
      socket.once('error', fail);
      socket.once('close', () => fail(new Error(`${socketPath} closed before the owner answered`)));
      const onData = (chunk: Buffer) => {
        let messages: unknown[];
        try {
          messages = decoder.push(chunk);
        } catch (error) {
          fail(error as Error);
          return;
        }
        const [welcome, ...rest] = messages as OwnerMessage[];
        if (!welcome) return;
        clearTimeout(timer);
        socket.off('data', onData);
        socket.removeAllListeners('error');
        socket.removeAllListeners('close');
        socket.on('error', () => {});
        if (welcome.type !== 'welcome') {
          fail(new Error('the owner answered without a welcome'));
          return;
        }
        const connection = new OwnerConnection(socket, welcome.owner, decoder);
        socket.write(encodeFrame({ type: 'hello', client: me } satisfies ClientMessage));
        for (const message of rest) connection.#receive(message);
        resolve(connection);
      };
      socket.on('data', onData);
    });
  }

  get inFlight(): number {
    return this.#pending.size;
  }

  get closingAnnounced(): boolean {
    return this.#closingAnnounced;
  }

  request(message: OwnerRequest): Promise<unknown> {
    if (this.#closed) return Promise.reject(new OwnerLostError('the data folder owner has gone'));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#socket.write(encodeFrame({ ...message, id } as ClientMessage));
      } catch (error) {
        this.#pending.delete(id);
        reject(error as Error);
      }
    });
  }

  /** Tells the closing owner that nothing of ours is in flight any more: it may hang up. */
  sendDrained(): void {
    if (!this.#closed) this.#socket.write(encodeFrame({ type: 'drained' } satisfies ClientMessage));
  }

  /** A clean goodbye: nothing of ours is in flight, so the owner has nothing to recover after us. */
  close(): void {
    this.sendDrained();
    this.#socket.end();
  }

  #receive(message: OwnerMessage): void {
    if (message.type === 'closing') {
      this.#closingAnnounced = true;
      this.emit('closing');
      return;
    }
    if (message.type !== 'result' && message.type !== 'error') return;
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    if (message.type === 'result') pending.resolve(message.result);
    else pending.reject(new OwnerStatementError(message.error as SerializedError));
    if (this.#pending.size === 0) this.emit('idle');
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    const lost = [...this.#pending.values()];
    this.#pending.clear();
    for (const pending of lost) {
      pending.reject(new OwnerLostError('the data folder owner went away before answering'));
    }
    this.#markClosed(this.#closingAnnounced);
    this.emit('closed', this.#closingAnnounced);
  }
}
