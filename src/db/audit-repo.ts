import type { Queryable } from './database.js';

export interface Actor {
  id: number;
  name: string;
}

export async function writeAudit(
  tx: Queryable,
  entry: { articleId: number | null; actor: Actor; action: string; before: unknown; after: unknown },
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (article_id, user_id, user_name, action, before, after)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      entry.articleId,
      entry.actor.id,
      entry.actor.name,
      entry.action,
      entry.before === null ? null : JSON.stringify(entry.before),
      entry.after === null ? null : JSON.stringify(entry.after),
    ],
  );
}

/** Records an action that did not change a stored item (an item added by URL). */
export async function auditAction(
  db: Queryable,
  entry: { articleId: number | null; actor: Actor; action: string; after: unknown },
): Promise<void> {
  await writeAudit(db, { ...entry, before: null });
}

export interface AuditEntry {
  id: number;
  user_name: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  created_at: Date;
}

/** The latest actions that concern no item: logins and logouts, users added, crawls started by hand. */
export async function listAccountActivity(db: Queryable, limit = 50): Promise<AuditEntry[]> {
  const result = await db.query<AuditEntry>(
    `SELECT id, user_name, action, before, after, created_at FROM audit_log
     WHERE article_id IS NULL ORDER BY created_at DESC, id DESC LIMIT $1`,
    [limit],
  );
  return result.rows;
}

export async function listAudit(db: Queryable, articleId: number): Promise<AuditEntry[]> {
  const result = await db.query<AuditEntry>(
    `SELECT id, user_name, action, before, after, created_at FROM audit_log
     WHERE article_id = $1 ORDER BY created_at DESC, id DESC`,
    [articleId],
  );
  return result.rows;
}
