import type { Queryable } from './database.js';

/** The audit log read across items: who did what to which item, by period, person and action. */

export interface ActivityEntry {
  id: number;
  created_at: Date;
  user_name: string;
  action: string;
  article_id: number | null;
  item_title: string | null;
  item_url: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface ActivityFilters {
  person?: string | undefined;
  action?: string | undefined;
  /** Inclusive UTC days (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
  /** Actions the reader may not see (account actions, for everyone but admins). */
  hidden?: readonly string[] | undefined;
}

export const ACTIVITY_PAGE_SIZE = 50;

/** Writes one audit entry; the actor has no account id when the change came from the command line. */
export async function recordActivity(
  tx: Queryable,
  entry: {
    articleId: number | null;
    actor: { id: number | null; name: string };
    action: string;
    before: unknown;
    after: unknown;
  },
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

function whereClause(filters: ActivityFilters): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const conditions = ['true'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filters.person) add((p) => `a.user_name = ${p}`, filters.person);
  if (filters.action) add((p) => `a.action = ${p}`, filters.action);
  // Days of UTC, whatever the session's time zone.
  if (filters.from) add((p) => `a.created_at >= (${p}::date)::timestamp AT TIME ZONE 'UTC'`, filters.from);
  if (filters.to) add((p) => `a.created_at < (${p}::date + 1)::timestamp AT TIME ZONE 'UTC'`, filters.to);
  if (filters.hidden?.length) add((p) => `NOT (a.action = ANY(${p}::text[]))`, [...filters.hidden]);
  return { sql: conditions.join(' AND '), params };
}

const ENTRY_COLUMNS = `a.id, a.created_at, a.user_name, a.action, a.article_id, ar.title AS item_title,
  ar.url AS item_url, a.before, a.after`;

/** One page of entries, newest first, and how many match in all. */
export async function listActivity(
  db: Queryable,
  filters: ActivityFilters,
  page = 1,
  pageSize = ACTIVITY_PAGE_SIZE,
): Promise<{ entries: ActivityEntry[]; total: number }> {
  const where = whereClause(filters);
  const entries = await db.query<ActivityEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM audit_log a LEFT JOIN articles ar ON ar.id = a.article_id
     WHERE ${where.sql} ORDER BY a.created_at DESC, a.id DESC
     LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    where.params,
  );
  const total = await db.query<{ total: string }>(
    `SELECT count(*) AS total FROM audit_log a WHERE ${where.sql}`,
    where.params,
  );
  return { entries: entries.rows, total: Number(total.rows[0]?.total ?? 0) };
}

/** Every matching entry, newest first, fetched `batch` at a time (for the CSV export of a long period). */
export async function* iterateActivity(
  db: Queryable,
  filters: ActivityFilters,
  batch = 1000,
): AsyncGenerator<ActivityEntry> {
  // The cursor keeps the microseconds of created_at, which a JavaScript Date would round away.
  let cursor: { at: string; id: number } | undefined;
  for (;;) {
    const where = whereClause(filters);
    const n = where.params.length;
    const after = cursor ? ` AND (a.created_at, a.id) < ($${n + 1}::timestamptz, $${n + 2}::bigint)` : '';
    const result = await db.query<ActivityEntry & { cursor_at: string }>(
      `SELECT ${ENTRY_COLUMNS}, a.created_at::text AS cursor_at
       FROM audit_log a LEFT JOIN articles ar ON ar.id = a.article_id
       WHERE ${where.sql}${after} ORDER BY a.created_at DESC, a.id DESC LIMIT ${batch}`,
      cursor ? [...where.params, cursor.at, cursor.id] : where.params,
    );
    for (const { cursor_at: _cursor, ...entry } of result.rows) yield entry;
    const last = result.rows.at(-1);
    if (!last || result.rows.length < batch) return;
    cursor = { at: last.cursor_at, id: last.id };
  }
}

/** The people and actions that occur in the log, for the filters' choices. */
export async function listActivityChoices(
  db: Queryable,
  hidden: readonly string[] = [],
): Promise<{ people: string[]; actions: string[] }> {
  const where = whereClause({ hidden });
  const people = await db.query<{ value: string }>(
    `SELECT DISTINCT a.user_name AS value FROM audit_log a WHERE ${where.sql} ORDER BY 1`,
    where.params,
  );
  const actions = await db.query<{ value: string }>(
    `SELECT DISTINCT a.action AS value FROM audit_log a WHERE ${where.sql} ORDER BY 1`,
    where.params,
  );
  return { people: people.rows.map((row) => row.value), actions: actions.rows.map((row) => row.value) };
}
