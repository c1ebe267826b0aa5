import type { Queryable } from './database.js';

export const roles = ['analyst', 'operator', 'admin'] as const;
export type Role = (typeof roles)[number];

export interface UserRow {
  id: number;
  name: string;
  role: Role;
  disabled: boolean;
  created_at: Date;
}

export interface SessionUser {
  id: number;
  name: string;
  role: Role;
  csrfToken: string;
}

const UNIQUE_VIOLATION = '23505';

export class DuplicateUserError extends Error {}

export async function createUser(
  db: Queryable,
  user: { name: string; role: Role; passwordHash: string },
): Promise<UserRow> {
  try {
    const result = await db.query<UserRow>(
      `INSERT INTO users (name, role, password_hash) VALUES ($1, $2, $3)
       RETURNING id, name, role, disabled, created_at`,
      [user.name, user.role, user.passwordHash],
    );
    return result.rows[0]!;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      throw new DuplicateUserError(`a user named "${user.name}" already exists`);
    }
    throw error;
  }
}

export async function listUsers(db: Queryable): Promise<UserRow[]> {
  const result = await db.query<UserRow>(
    'SELECT id, name, role, disabled, created_at FROM users ORDER BY lower(name)',
  );
  return result.rows;
}

/** The account a login names, with its hash; disabled accounts are not found. */
export async function findLoginUser(
  db: Queryable,
  name: string,
): Promise<(UserRow & { password_hash: string }) | undefined> {
  const result = await db.query<UserRow & { password_hash: string }>(
    `SELECT id, name, role, disabled, created_at, password_hash FROM users
     WHERE lower(name) = lower($1) AND NOT disabled`,
    [name],
  );
  return result.rows[0];
}

export async function createSession(
  db: Queryable,
  session: { tokenHash: string; userId: number; csrfToken: string; ttlSecs: number },
): Promise<void> {
  // Logging in is a good moment to forget sessions nobody can use any more.
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    `INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(secs => $4))`,
    [session.tokenHash, session.userId, session.csrfToken, session.ttlSecs],
  );
}

export async function findSessionUser(db: Queryable, tokenHash: string): Promise<SessionUser | undefined> {
  const result = await db.query<{ id: number; name: string; role: Role; csrf_token: string }>(
    `SELECT u.id, u.name, u.role, s.csrf_token FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = $1 AND s.expires_at > now() AND NOT u.disabled`,
    [tokenHash],
  );
  const row = result.rows[0];
  return row && { id: row.id, name: row.name, role: row.role, csrfToken: row.csrf_token };
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
}

/** A secret generated once per database, so that every server instance signs cookies alike. */
export async function ensureSecret(db: Queryable, name: string, candidate: string): Promise<string> {
  await db.query('INSERT INTO review_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    candidate,
  ]);
  const result = await db.query<{ value: string }>('SELECT value FROM review_secrets WHERE name = $1', [
    name,
  ]);
  return result.rows[0]!.value;
}
