import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../logger.js';
import { type Database, openPglite, type Queryable, type QueryResult } from '../database.js';
import { acquireOrFindOwner, type HeldLock, type LockOwner } from './data-folder-lock.js';
import { OwnerConnection, type OwnerRequest } from './owner-client.js';
import { OwnerServer } from './owner-server.js';
import { describeProcess, type ProcessIdentity } from './process-identity.js';

/**
 * The embedded database as every `harvest` process sees it: exactly one process at a time, the owner, has the
 * PGlite folder open (two processes opening it would each keep their own state and overwrite each other's files);
 * every other process sends its statements to the owner over a Unix socket. When the owner closes, a client takes
 * its place (or connects to whoever did); when it is killed, the next process takes over its stale lock.
 */

/** No owner could be reached: one line that names it and says what to do. */
export class DataFolderBusyError extends Error {}

/** How long a process keeps trying to reach an owner that holds the lock but does not answer yet. */
const REACH_OWNER_TIMEOUT_MS = 60_000;

export type EmbeddedRole =
  | { role: 'owner'; clients: ProcessIdentity[] }
  | { role: 'client'; owner: ProcessIdentity };

interface OwnerState {
  kind: 'owner';
  local: Database;
  server: OwnerServer;
  lock: HeldLock;
}
interface ClientState {
  kind: 'client';
  connection: OwnerConnection;
  /** Transactions open through this connection: a closing owner waits for them. */
  openTransactions: number;
}
type State = OwnerState | ClientState;

export interface SharedEmbeddedOptions {
  dataDir: string;
  me: ProcessIdentity;
  log: Logger;
  reachOwnerTimeoutMs?: number;
}

/** The socket inside the folder, unless its path is too long for a Unix socket (about 100 bytes). */
export function socketPathFor(dataDir: string): string {
  const inside = join(dataDir, 'harvest.sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  const key = createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `harvest-${key}.sock`);
}

export class SharedEmbeddedDatabase implements Database {
  readonly kind = 'pglite' as const;
  readonly dataDir: string;
  readonly #me: ProcessIdentity;
  readonly #log: Logger;
  readonly #reachTimeoutMs: number;
  readonly #ownerListeners: Array<() => void> = [];
  readonly #clientLostListeners: Array<(client: ProcessIdentity | undefined) => void> = [];
  #state: State | undefined;
  /** Set while the database changes hands: statements wait for it. */
  #switching: Promise<State> | undefined;
  #closed = false;

  private constructor(options: SharedEmbeddedOptions) {
    this.dataDir = options.dataDir;
    this.#me = options.me;
    this.#log = options.log;
    this.#reachTimeoutMs = options.reachOwnerTimeoutMs ?? REACH_OWNER_TIMEOUT_MS;
  }

  static async open(options: SharedEmbeddedOptions): Promise<SharedEmbeddedDatabase> {
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    const database = new SharedEmbeddedDatabase(options);
    database.#state = await database.#resolve();
    return database;
  }

  role(): EmbeddedRole {
    const state = this.#state;
    if (state?.kind === 'client') return { role: 'client', owner: state.connection.owner };
    return { role: 'owner', clients: state?.kind === 'owner' ? state.server.clients() : [] };
  }

  /** Called each time this process becomes the owner after opening: it then owns the stranded work too. */
  onBecameOwner(listener: () => void): void {
    this.#ownerListeners.push(listener);
  }

  /** Called when a client of this owner vanished without closing (killed). */
  onClientLost(listener: (client: ProcessIdentity | undefined) => void): void {
    this.#clientLostListeners.push(listener);
  }

  async query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
    const state = await this.#current();
    if (state.kind === 'owner') return state.local.query<Row>(sql, params);
    return (await this.#send(state, { type: 'query', sql, params })) as QueryResult<Row>;
  }

  async exec(sql: string): Promise<void> {
    const state = await this.#current();
    if (state.kind === 'owner') return state.local.exec(sql);
    await this.#send(state, { type: 'exec', sql });
  }

  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const state = await this.#current();
    if (state.kind === 'owner') return state.local.transaction(work);
    return this.#remoteTransaction(state, work);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const state = await (this.#switching ?? Promise.resolve(this.#state)).catch(() => undefined);
    if (state?.kind === 'owner') await this.#closeOwner(state);
    else state?.connection.close();
  }

  // -------------------------------------------------------------------------------------------------------------

  async #current(): Promise<State> {
    if (this.#closed) throw new Error('the database is closed');
    if (!this.#switching && !this.#state) this.#beginSwitch();
    if (this.#switching) return this.#switching;
    return this.#state!;
  }

  async #send(state: ClientState, request: OwnerRequest): Promise<unknown> {
    return state.connection.request(request);
  }

  async #remoteTransaction<T>(state: ClientState, work: (tx: Queryable) => Promise<T>): Promise<T> {
    const { connection } = state;
    const tx = (await connection.request({ type: 'begin' })) as number;
    state.openTransactions += 1;
    const remote: Queryable = {
      query: async <Row>(sql: string, params?: unknown[]) =>
        (await connection.request({ type: 'query', sql, params, tx })) as QueryResult<Row>,
      exec: async (sql: string) => {
        await connection.request({ type: 'exec', sql, tx });
      },
    };
    try {
      const result = await work(remote);
      await connection.request({ type: 'commit', tx });
      return result;
    } catch (error) {
      await connection.request({ type: 'rollback', tx }).catch(() => {});
      throw error;
    } finally {
      state.openTransactions -= 1;
      if (state.openTransactions === 0) connection.emit('idle');
    }
  }

  /** Becomes the owner, or connects to the process that is. */
  async #resolve(): Promise<State> {
    const socket = socketPathFor(this.dataDir);
    const deadline = Date.now() + this.#reachTimeoutMs;
    let waitingFor: LockOwner | undefined;
    for (;;) {
      const attempt = await acquireOrFindOwner(this.dataDir, this.#me, socket);
      if (attempt.kind === 'acquired') return this.#becomeOwner(attempt.lock, socket);
      try {
        const connection = await OwnerConnection.open(attempt.owner.socket, this.#me);
        this.#log.info(
          { owner: attempt.owner },
          `${this.dataDir} is open in ${describeProcess(attempt.owner)}: working through it`,
        );
        return this.#watch({ kind: 'client', connection, openTransactions: 0 });
      } catch {
        // Not listening yet (still opening the folder) or just closing: ask again.
      }
      if (!waitingFor || waitingFor.pid !== attempt.owner.pid) {
        waitingFor = attempt.owner;
        this.#log.info(`waiting for ${describeProcess(attempt.owner)}, which has ${this.dataDir} open`);
      }
      if (Date.now() > deadline) {
        throw new DataFolderBusyError(
          `${this.dataDir} is held by ${describeProcess(attempt.owner)}, which does not answer on ` +
            `${attempt.owner.socket}: stop that process (or wait for it) and try again`,
        );
      }
      await sleep(100);
    }
  }

  async #becomeOwner(lock: HeldLock, socket: string): Promise<OwnerState> {
    let local: Database | undefined;
    try {
      local = await openPglite(this.dataDir);
      const server = new OwnerServer(local, this.#log, this.#me, {
        onClientLost: (client) => {
          for (const listener of this.#clientLostListeners) listener(client);
        },
      });
      await server.listen(socket);
      return { kind: 'owner', local, server, lock };
    } catch (error) {
      await local?.close().catch(() => {});
      lock.release();
      throw error;
    }
  }

  /** A client follows its owner: when the owner leaves, this process drains, then finds the next owner. */
  #watch(state: ClientState): ClientState {
    const { connection } = state;
    const drainWhenIdle = () => {
      if (connection.inFlight === 0 && state.openTransactions === 0) connection.sendDrained();
    };
    connection.on('closing', () => {
      this.#beginSwitch();
      connection.on('idle', drainWhenIdle);
      drainWhenIdle();
    });
    connection.once('closed', (announced: boolean) => {
      if (this.#closed) return;
      if (!announced) this.#log.warn(`the owner of ${this.dataDir} went away without closing`);
      this.#beginSwitch();
    });
    return state;
  }

  /** From now on statements wait; once the current owner has hung up, the next one is found. */
  #beginSwitch(): void {
    if (this.#switching) return;
    const previous = this.#state;
    const closed = previous?.kind === 'client' ? previous.connection.whenClosed : Promise.resolve();
    this.#switching = closed
      .then(() => this.#resolve())
      .then((state) => {
        this.#state = state;
        this.#switching = undefined;
        if (state.kind === 'owner') {
          this.#log.info(`${describeProcess(this.#me)} now owns ${this.dataDir}`);
          for (const listener of this.#ownerListeners) listener();
        }
        return state;
      });
    // Statements waiting for the switch see its failure; the next statement tries again.
    this.#switching.catch(() => {
      this.#state = undefined;
      this.#switching = undefined;
    });
  }

  async #closeOwner(state: OwnerState): Promise<void> {
    try {
      await state.server.close();
    } finally {
      try {
        await state.local.close();
      } finally {
        state.lock.release();
      }
    }
  }
}
