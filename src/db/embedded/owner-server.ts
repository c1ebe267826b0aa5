import { chmodSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { Logger } from '../../logger.js';
import type { Database, Queryable } from '../database.js';
import { encodeFrame, FrameDecoder } from './frames.js';
import type { ProcessIdentity } from './process-identity.js';
import {
  type ClientMessage,
  type ClientRequest,
  clientMessageSchema,
  type OwnerMessage,
  serializeError,
} from './protocol.js';

/** How long a closing owner waits for its clients to finish what they started before it hangs up on them. */
export const DRAIN_TIMEOUT_MS = 30_000;

/** Thrown into a client's transaction to roll it back: by the client, or because the client went away. */
class RollbackSignal extends Error {}

/** A transaction a client holds open on the owner's database: its statements run on `tx` until it ends. */
interface ClientTransaction {
  tx: Queryable;
  end(outcome: 'commit' | 'rollback'): void;
  /** Settles when the owner's transaction has committed or rolled back. */
  finished: Promise<unknown>;
}

interface Connection {
  socket: Socket;
  client?: ProcessIdentity;
  transactions: Map<number, ClientTransaction>;
  inFlight: number;
  drained: boolean;
}

export interface OwnerServerHooks {
  /** A client hung up without being asked to (killed, crashed): the work it left may be stranded. */
  onClientLost?: (client: ProcessIdentity | undefined) => void;
}

/**
 * Serves the owner's database to the other processes that use the same data folder, over a Unix socket inside
 * it (readable by the folder's user only). Statements of different clients interleave as those of one process
 * would; a client's transaction holds the database's transaction lock like any other.
 */
export class OwnerServer {
  readonly #db: Database;
  readonly #log: Logger;
  readonly #owner: ProcessIdentity;
  readonly #hooks: OwnerServerHooks;
  readonly #connections = new Set<Connection>();
  #server: Server | undefined;
  #nextTx = 1;
  #closing = false;

  constructor(db: Database, log: Logger, owner: ProcessIdentity, hooks: OwnerServerHooks = {}) {
    this.#db = db;
    this.#log = log;
    this.#owner = owner;
    this.#hooks = hooks;
  }

  /** The processes connected now. */
  clients(): ProcessIdentity[] {
    return [...this.#connections].flatMap((connection) => (connection.client ? [connection.client] : []));
  }

  async listen(socketPath: string): Promise<void> {
    // We hold the folder's lock: a socket file left here belongs to an owner that has died.
    rmSync(socketPath, { force: true });
    const server = createServer((socket) => this.#accept(socket));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
    chmodSync(socketPath, 0o600);
    server.on('error', (error) => this.#log.error({ err: error }, 'data folder socket failed'));
    this.#server = server;
  }

  /**
   * Asks every client to finish, waits until each has (or `timeoutMs` has passed: then their open transactions
   * are rolled back), and stops listening.
   */
  async close(timeoutMs = DRAIN_TIMEOUT_MS): Promise<void> {
    this.#closing = true;
    const server = this.#server;
    const stopped = server ? new Promise<void>((resolve) => server.close(() => resolve())) : undefined;
    for (const connection of this.#connections) this.#send(connection, { type: 'closing' });
    const deadline = Date.now() + timeoutMs;
    while (this.#connections.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    for (const connection of this.#connections) connection.socket.destroy();
    await Promise.all([...this.#connections].map((connection) => this.#abandon(connection)));
    await stopped;
  }

  #accept(socket: Socket): void {
    if (this.#closing) {
      socket.destroy();
      return;
    }
    const connection: Connection = { socket, transactions: new Map(), inFlight: 0, drained: false };
    this.#connections.add(connection);
    const decoder = new FrameDecoder();
    socket.on('data', (chunk: Buffer) => {
      let messages: unknown[];
      try {
        messages = decoder.push(chunk);
      } catch (error) {
        this.#log.warn({ err: error }, 'unreadable message on the data folder socket');
        socket.destroy();
        return;
      }
      for (const message of messages) this.#receive(connection, message);
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.#connections.delete(connection);
      void this.#abandon(connection);
      if (!connection.drained && !this.#closing) this.#hooks.onClientLost?.(connection.client);
    });
    this.#send(connection, { type: 'welcome', owner: this.#owner });
  }

  #receive(connection: Connection, raw: unknown): void {
    const parsed = clientMessageSchema.safeParse(raw);
    if (!parsed.success) {
      this.#log.warn({ issue: parsed.error.issues[0]?.message }, 'invalid message on the data folder socket');
      connection.socket.destroy();
      return;
    }
    const message: ClientMessage = parsed.data;
    if (message.type === 'hello') {
      connection.client = message.client;
      return;
    }
    if (message.type === 'drained') {
      connection.drained = true;
      connection.socket.end();
      return;
    }
    connection.inFlight += 1;
    this.#answer(connection, message)
      .then(
        (result) => this.#send(connection, { type: 'result', id: message.id, result }),
        (error: unknown) =>
          this.#send(connection, { type: 'error', id: message.id, error: serializeError(error) }),
      )
      .finally(() => {
        connection.inFlight -= 1;
      });
  }

  async #answer(connection: Connection, request: ClientRequest): Promise<unknown> {
    switch (request.type) {
      case 'begin':
        return this.#begin(connection);
      case 'commit':
      case 'rollback': {
        const transaction = this.#transaction(connection, request.tx);
        connection.transactions.delete(request.tx);
        transaction.end(request.type);
        await transaction.finished.catch((error: unknown) => {
          if (!(error instanceof RollbackSignal)) throw error;
        });
        return null;
      }
      case 'query': {
        const target = request.tx ? this.#transaction(connection, request.tx).tx : this.#db;
        return target.query(request.sql, request.params);
      }
      case 'exec': {
        const target = request.tx ? this.#transaction(connection, request.tx).tx : this.#db;
        await target.exec(request.sql);
        return null;
      }
    }
  }

  #transaction(connection: Connection, id: number): ClientTransaction {
    const transaction = connection.transactions.get(id);
    if (!transaction) throw new Error(`transaction ${id} is not open`);
    return transaction;
  }

  /** Opens a transaction on the owner's database and keeps it open until the client ends it. */
  #begin(connection: Connection): Promise<number> {
    const id = this.#nextTx++;
    return new Promise<number>((started, failed) => {
      let end!: (outcome: 'commit' | 'rollback') => void;
      const ended = new Promise<void>((commit, rollback) => {
        end = (outcome) => (outcome === 'commit' ? commit() : rollback(new RollbackSignal()));
      });
      const finished = this.#db.transaction(async (tx) => {
        connection.transactions.set(id, { tx, end, finished });
        started(id);
        await ended;
      });
      finished.catch((error: unknown) => {
        // Failing before the callback ran (the database is closing): the client hears it as begin's answer.
        if (!connection.transactions.has(id)) failed(error);
      });
    });
  }

  /** A client gone: what it left open is rolled back. */
  async #abandon(connection: Connection): Promise<void> {
    const open = [...connection.transactions.values()];
    connection.transactions.clear();
    for (const transaction of open) transaction.end('rollback');
    await Promise.all(open.map((transaction) => transaction.finished.catch(() => {})));
  }

  #send(connection: Connection, message: OwnerMessage): void {
    if (connection.socket.destroyed) return;
    try {
      connection.socket.write(encodeFrame(message));
    } catch (error) {
      // An answer that cannot be encoded (too large): the request fails, the connection stays.
      if (message.type === 'result') {
        this.#send(connection, { type: 'error', id: message.id, error: serializeError(error) });
      }
    }
  }
}
