import { readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { type ProcessIdentity, processLiveness, sameProcess } from './process-identity.js';

/**
 * `harvest.lock` in an embedded data folder: the one process that has the folder open (its owner), and the socket
 * on which it serves the others. Created with O_EXCL, so two processes cannot both create it; a lock whose process
 * has died is taken over, under a short-lived second lock so that two newcomers cannot both take it over.
 */
export const LOCK_FILE = 'harvest.lock';
const TAKEOVER_FILE = 'harvest.lock.takeover';
/** A takeover lock older than this was left by a process that died while taking over. */
const TAKEOVER_STALE_MS = 10_000;
/** A lock file this young may still be being written by its creator. */
const FRESH_LOCK_MS = 2_000;

const lockOwnerSchema = z.object({
  pid: z.number().int().positive(),
  host: z.string(),
  startTicks: z.number().optional(),
  command: z.string(),
  startedAt: z.string(),
  socket: z.string(),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

export interface HeldLock {
  readonly owner: LockOwner;
  release(): void;
}

export type LockAttempt =
  | { kind: 'acquired'; lock: HeldLock }
  | { kind: 'held'; owner: LockOwner }
  /** Another process is creating or taking over the lock right now: ask again in a moment. */
  | { kind: 'busy' };

const errnoOf = (error: unknown) => (error as NodeJS.ErrnoException).code;

export function readLockOwner(dataDir: string): LockOwner | undefined {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function createExclusive(path: string, content: string): boolean {
  try {
    writeFileSync(path, content, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (error) {
    if (errnoOf(error) === 'EEXIST') return false;
    throw error;
  }
}

function ageMs(path: string): number | undefined {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

function heldLock(dataDir: string, owner: LockOwner): HeldLock {
  return {
    owner,
    release() {
      // Only our own lock: should it ever have been taken over, the new owner's stays.
      const current = readLockOwner(dataDir);
      if (current && sameProcess(current, owner)) rmSync(join(dataDir, LOCK_FILE), { force: true });
    },
  };
}

/**
 * Removes a lock whose process is dead, if it is still the same lock once the takeover lock is held. Returns false
 * when another process is taking it over at this moment.
 */
function removeStaleLock(dataDir: string, stale: LockOwner): boolean {
  const takeover = join(dataDir, TAKEOVER_FILE);
  if (!createExclusive(takeover, String(process.pid))) {
    const age = ageMs(takeover);
    if (age !== undefined && age > TAKEOVER_STALE_MS) rmSync(takeover, { force: true });
    return false;
  }
  try {
    const current = readLockOwner(dataDir);
    if (current && sameProcess(current, stale)) unlinkSync(join(dataDir, LOCK_FILE));
    return true;
  } finally {
    rmSync(takeover, { force: true });
  }
}

/** One attempt to become the folder's owner. */
export function tryAcquireDataFolderLock(dataDir: string, me: ProcessIdentity, socket: string): LockAttempt {
  const owner: LockOwner = { ...me, socket };
  const path = join(dataDir, LOCK_FILE);
  if (createExclusive(path, `${JSON.stringify(owner, null, 2)}\n`)) {
    return { kind: 'acquired', lock: heldLock(dataDir, owner) };
  }
  const current = readLockOwner(dataDir);
  if (!current) {
    // Being written, or garbage left by a crash while it was written.
    const age = ageMs(path);
    if (age !== undefined && age > FRESH_LOCK_MS) rmSync(path, { force: true });
    return { kind: 'busy' };
  }
  if (processLiveness(current) !== 'dead') return { kind: 'held', owner: current };
  removeStaleLock(dataDir, current);
  return { kind: 'busy' };
}

/** Tries until it gets an answer other than `busy` (a few milliseconds; bounded all the same). */
export async function acquireOrFindOwner(
  dataDir: string,
  me: ProcessIdentity,
  socket: string,
  timeoutMs = 15_000,
): Promise<Exclude<LockAttempt, { kind: 'busy' }>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = tryAcquireDataFolderLock(dataDir, me, socket);
    if (attempt.kind !== 'busy') return attempt;
    if (Date.now() > deadline) {
      throw new Error(`could not take the lock of ${dataDir} (${join(dataDir, LOCK_FILE)} keeps changing)`);
    }
    await sleep(25 + Math.random() * 50);
  }
}
