import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';

export interface LeaseOptions {
  /** How long the lease lives without renewal: how long a crashed holder blocks its source. */
  ttlSecs: number;
  holder?: string;
}

/**
 * Takes the source's lease when it is free: never taken, released, expired, or its crawl run has finished.
 * False when another holder has it. One statement, so two processes cannot both take it.
 */
export async function acquireSourceLease(
  db: Queryable,
  sourceId: string,
  holder: string,
  ttlSecs: number,
): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO source_leases (source_id, holder, expires_at)
     VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (source_id) DO UPDATE
       SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at, run_id = NULL
     WHERE source_leases.expires_at < now() OR source_leases.holder = EXCLUDED.holder
       OR EXISTS (SELECT 1 FROM crawl_runs r
                  WHERE r.id = source_leases.run_id AND r.status IN ('succeeded', 'failed'))
     RETURNING source_id`,
    [sourceId, holder, ttlSecs],
  );
  return result.rowCount > 0;
}

/** Ties the lease to a crawl run: it then ends by itself when the run finishes, wherever that happens. */
export async function attachRunToLease(
  db: Queryable,
  sourceId: string,
  holder: string,
  runId: number,
): Promise<void> {
  await db.query('UPDATE source_leases SET run_id = $3 WHERE source_id = $1 AND holder = $2', [
    sourceId,
    holder,
    runId,
  ]);
}

export async function renewSourceLeases(
  db: Queryable,
  sourceIds: readonly string[],
  holder: string,
  ttlSecs: number,
): Promise<void> {
  await db.query(
    `UPDATE source_leases SET expires_at = now() + make_interval(secs => $3)
     WHERE source_id = ANY($1::text[]) AND holder = $2`,
    [sourceIds, holder, ttlSecs],
  );
}

export async function releaseSourceLeases(
  db: Queryable,
  sourceIds: readonly string[],
  holder: string,
): Promise<void> {
  await db.query('DELETE FROM source_leases WHERE source_id = ANY($1::text[]) AND holder = $2', [
    sourceIds,
    holder,
  ]);
}

/**
 * Runs `work` with the leases of the sources it could take, renewing them while it runs and releasing them
 * afterwards. Sources whose lease is held elsewhere (a crawl of them is still running) are left out.
 */
export async function withSourceLeases<T>(
  db: Queryable,
  sourceIds: readonly string[],
  options: LeaseOptions,
  work: (leased: string[]) => Promise<T>,
): Promise<{ leased: string[]; busy: string[]; result: T }> {
  const holder = options.holder ?? randomUUID();
  const leased: string[] = [];
  const busy: string[] = [];
  for (const id of sourceIds) {
    if (await acquireSourceLease(db, id, holder, options.ttlSecs)) leased.push(id);
    else busy.push(id);
  }
  const renew = setInterval(
    () => void renewSourceLeases(db, leased, holder, options.ttlSecs).catch(() => {}),
    (options.ttlSecs * 1000) / 3,
  );
  try {
    return { leased, busy, result: await work(leased) };
  } finally {
    clearInterval(renew);
    await releaseSourceLeases(db, leased, holder);
  }
}
