import type { FastifyInstance, InjectOptions } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeAccount } from '../../src/db/users-repo.js';
import { login, PASSWORD, type Session, startReviewServer, useReviewDatabase } from './review-support.js';

const { db, ids } = useReviewDatabase();
let app: FastifyInstance;
let adam: Session;

beforeAll(async () => {
  app = await startReviewServer(db);
  adam = await login(app, 'adam');
});

afterAll(async () => {
  await app?.close();
});

const as = (session: Session, options: InjectOptions): InjectOptions => ({
  ...options,
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...options.headers },
});

const userId = async (name: string) =>
  (await db.query<{ id: number }>('SELECT id FROM users WHERE name = $1', [name])).rows[0]!.id;

const change = async (session: Session, name: string, kind: string, payload: Record<string, unknown> = {}) =>
  app.inject(as(session, { method: 'POST', url: `/api/users/${await userId(name)}/${kind}`, payload }));

/** The same change through the admin's page form, as a browser sends it. */
const changeByForm = async (
  session: Session,
  name: string,
  kind: string,
  fields: Record<string, string> = {},
) =>
  app.inject({
    method: 'POST',
    url: `/users/${await userId(name)}/${kind}`,
    headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrf, ...fields }).toString(),
  });

const accountAudit = async (action: string) =>
  (
    await db.query<{ user_name: string; before: unknown; after: Record<string, unknown> }>(
      'SELECT user_name, before, after FROM audit_log WHERE action = $1 ORDER BY id',
      [action],
    )
  ).rows;

const tryLogin = (name: string, password = PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/login', payload: { name, password } });

describe('disabling an account', () => {
  it('ends its sessions at once, refuses its logins, and enabling lets it log in again', async () => {
    const bob = await login(app, 'bob');
    const bobElsewhere = await login(app, 'bob');
    expect((await app.inject(as(bob, { url: '/api/me' }))).statusCode).toBe(200);

    const disabled = await changeByForm(adam, 'bob', 'disable');
    expect(disabled.statusCode).toBe(200);
    const { document } = parseHTML(disabled.body);
    expect(document.querySelector('.notice')?.textContent).toBe('bob disabled: 2 session(s) ended');
    expect(document.querySelector('tr[data-user="bob"]')?.textContent).toContain('disabled');

    // The next request of either session is logged out: the API answers 401, pages send to the login form.
    expect((await app.inject(as(bob, { url: '/api/me' }))).statusCode).toBe(401);
    const queue = await app.inject(as(bobElsewhere, { url: '/queue' }));
    expect(queue.statusCode).toBe(303);
    expect(queue.headers.location).toBe('/login?next=%2Fqueue');
    expect(
      (await app.inject(as(bob, { method: 'POST', url: `/api/items/${ids.kz}/approve`, payload: {} })))
        .statusCode,
    ).toBe(401);
    const sessions = await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [await userId('bob')]);
    expect(sessions.rows).toHaveLength(0);
    expect((await tryLogin('bob')).statusCode).toBe(401);

    const enabled = await change(adam, 'bob', 'enable');
    expect(enabled.json()).toMatchObject({ notice: 'bob enabled', user: { name: 'bob', disabled: false } });
    // Old sessions stay ended; a new login works.
    expect((await app.inject(as(bob, { url: '/api/me' }))).statusCode).toBe(401);
    expect((await tryLogin('bob')).statusCode).toBe(200);

    expect(await accountAudit('disable_user')).toEqual([
      { user_name: 'adam', before: null, after: { name: 'bob', sessions_ended: 2 } },
    ]);
    expect(await accountAudit('enable_user')).toEqual([
      { user_name: 'adam', before: null, after: { name: 'bob' } },
    ]);
  });

  it('says so when nothing changes', async () => {
    const again = await change(adam, 'olga', 'enable');
    expect(again.statusCode).toBe(200);
    expect(again.json().notice).toBe('olga is already active');
  });
});

describe('the last active admin', () => {
  it('can be neither disabled nor demoted, in one line; with a second admin it can', async () => {
    const disable = await change(adam, 'adam', 'disable');
    expect(disable.statusCode).toBe(409);
    expect(disable.json().error).toBe(
      'adam is the last active admin and cannot be disabled: make another user admin first',
    );
    const demote = await changeByForm(adam, 'adam', 'role', { role: 'analyst' });
    expect(demote.statusCode).toBe(409);
    expect(parseHTML(demote.body).document.querySelector('.error')?.textContent).toBe(
      'adam is the last active admin and cannot be demoted: make another user admin first',
    );
    expect((await app.inject(as(adam, { url: '/api/me' }))).json().role).toBe('admin');

    expect((await change(adam, 'olga', 'role', { role: 'admin' })).json().notice).toBe('olga is now admin');
    const olga = await login(app, 'olga');
    expect((await change(olga, 'adam', 'role', { role: 'operator' })).statusCode).toBe(200);
    // Now olga is the last one.
    expect((await change(olga, 'olga', 'disable')).statusCode).toBe(409);
    expect((await change(olga, 'adam', 'role', { role: 'admin' })).statusCode).toBe(200);
    expect(await accountAudit('change_role')).toEqual([
      {
        user_name: 'adam',
        before: { name: 'olga', role: 'operator' },
        after: { name: 'olga', role: 'admin' },
      },
      {
        user_name: 'olga',
        before: { name: 'adam', role: 'admin' },
        after: { name: 'adam', role: 'operator' },
      },
      {
        user_name: 'olga',
        before: { name: 'adam', role: 'operator' },
        after: { name: 'adam', role: 'admin' },
      },
    ]);
  });

  it('survives two admins disabling each other at the same moment: one of them stays', async () => {
    // At the repository, where both changes can be in flight together (over HTTP, the first one to finish
    // already logs the other admin out).
    const olgaId = await userId('olga');
    const adamId = await userId('adam');
    const verdicts = await Promise.all([
      changeAccount(db, {
        target: { id: olgaId },
        change: { kind: 'disable' },
        actor: { id: adamId, name: 'adam' },
      }),
      changeAccount(db, {
        target: { id: adamId },
        change: { kind: 'disable' },
        actor: { id: olgaId, name: 'olga' },
      }),
    ]);
    expect(verdicts.map((result) => result.verdict.kind).sort()).toEqual(['apply', 'refused']);
    const active = await db.query<{ name: string }>(
      `SELECT name FROM users WHERE role = 'admin' AND NOT disabled`,
    );
    expect(active.rows).toHaveLength(1);
    // Back to adam the admin and olga the operator for the tests below.
    const actor = { id: null, name: 'test' };
    await changeAccount(db, { target: { id: adamId }, change: { kind: 'enable' }, actor });
    await changeAccount(db, { target: { id: olgaId }, change: { kind: 'enable' }, actor });
    await changeAccount(db, { target: { id: olgaId }, change: { kind: 'role', role: 'operator' }, actor });
    adam = await login(app, 'adam');
  });
});

describe('roles and passwords', () => {
  it('applies a new role to the open session at its next request', async () => {
    const ana = await login(app, 'ana');
    expect((await app.inject(as(ana, { url: '/sources' }))).statusCode).toBe(403);
    await change(adam, 'ana', 'role', { role: 'operator' });
    expect((await app.inject(as(ana, { url: '/sources' }))).statusCode).toBe(200);
    await change(adam, 'ana', 'role', { role: 'analyst' });
    expect((await app.inject(as(ana, { url: '/sources' }))).statusCode).toBe(403);
  });

  it('resets a password: the old one stops working, other sessions end, the admin own session stays', async () => {
    const ana = await login(app, 'ana');
    const tooShort = await change(adam, 'ana', 'password', { password: 'short' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error).toBe('password: at least 10 characters');
    const open = (await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [await userId('ana')])).rows
      .length;
    const reset = await change(adam, 'ana', 'password', { password: 'a brand new password' });
    expect(reset.json().notice).toBe(`password of ana reset: ${open} session(s) ended`);
    expect((await app.inject(as(ana, { url: '/api/me' }))).statusCode).toBe(401);
    expect((await tryLogin('ana')).statusCode).toBe(401);
    expect((await tryLogin('ana', 'a brand new password')).statusCode).toBe(200);

    const adamElsewhere = await login(app, 'adam');
    const others =
      (await db.query('SELECT 1 FROM sessions WHERE user_id = $1', [await userId('adam')])).rows.length - 1;
    const own = await change(adam, 'adam', 'password', { password: PASSWORD });
    expect(own.json().notice).toBe(`password of adam reset: ${others} session(s) ended`);
    expect((await app.inject(as(adam, { url: '/api/me' }))).statusCode).toBe(200);
    expect((await app.inject(as(adamElsewhere, { url: '/api/me' }))).statusCode).toBe(401);
    const audit = await accountAudit('reset_password');
    expect(audit.map((entry) => entry.after)).toEqual([
      { name: 'ana', sessions_ended: open },
      { name: 'adam', sessions_ended: others },
    ]);
    expect(JSON.stringify(audit)).not.toContain('brand new');
  });

  it('is for admins only, with the CSRF token, and names unknown accounts', async () => {
    const olga = await login(app, 'olga');
    for (const kind of ['disable', 'enable', 'role', 'password']) {
      expect((await change(olga, 'ana', kind, { role: 'admin', password: 'x'.repeat(12) })).statusCode).toBe(
        403,
      );
    }
    const withoutToken = await app.inject({
      method: 'POST',
      url: `/api/users/${await userId('ana')}/disable`,
      headers: { cookie: adam.cookie },
      payload: {},
    });
    expect(withoutToken.statusCode).toBe(403);
    const unknown = await app.inject(
      as(adam, { method: 'POST', url: '/api/users/99999/disable', payload: {} }),
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error).toBe('no user #99999');
    expect(
      (await app.inject(as(adam, { method: 'POST', url: '/api/users/1/rename', payload: {} }))).statusCode,
    ).toBe(400);
  });
});

describe('activity page', () => {
  const rowsOf = (body: string) =>
    [...parseHTML(body).document.querySelectorAll('#activity-log tbody tr')].map((row) => ({
      who: row.querySelector('.who')?.textContent,
      action: row.querySelector('.action')?.textContent,
      item: row.querySelector('.item a')?.getAttribute('href') ?? null,
    }));

  beforeAll(async () => {
    const ana = await login(app, 'ana', 'a brand new password');
    const bob = await login(app, 'bob');
    await app.inject(as(ana, { method: 'POST', url: `/api/items/${ids.kz}/approve`, payload: {} }));
    await app.inject(
      as(bob, { method: 'POST', url: `/api/items/${ids.tj}/reject`, payload: { reason: 'not this month' } }),
    );
    await app.inject(as(ana, { method: 'POST', url: `/api/items/${ids.az}/approve`, payload: {} }));
    // Enough edits for a second page.
    await db.query(
      `INSERT INTO audit_log (article_id, user_id, user_name, action, before, after, created_at)
       SELECT $1, NULL, 'bob', 'edit', '{"title":"old"}', '{"title":"new"}', now() - make_interval(mins => n)
       FROM generate_series(1, 60) AS n`,
      [ids.irrelevant],
    );
    // An entry of last year, for the period filter.
    await db.query(
      `INSERT INTO audit_log (article_id, user_id, user_name, action, before, after, created_at)
       VALUES ($1, NULL, 'bob', 'approve', '{"status":"new"}', '{"status":"approved"}', '2025-03-10T08:00:00Z')`,
      [ids.payload],
    );
  });

  it('lists who did what to which item for analysts, without logins and account changes', async () => {
    const ana = await login(app, 'ana', 'a brand new password');
    const response = await app.inject(as(ana, { url: '/activity' }));
    expect(response.statusCode).toBe(200);
    const rows = rowsOf(response.body);
    expect(rows.slice(0, 3)).toEqual([
      { who: 'ana', action: 'approve', item: `/items/${ids.az}` },
      { who: 'bob', action: 'reject', item: `/items/${ids.tj}` },
      { who: 'ana', action: 'approve', item: `/items/${ids.kz}` },
    ]);
    expect(rows.some((row) => ['login', 'disable_user', 'reset_password'].includes(row.action!))).toBe(false);
    expect(response.body).toContain('Logins and account changes are shown to admins only.');
    // The payload item's title stays text.
    expect(parseHTML(response.body).document.querySelector('#activity-log script')).toBeNull();
    const forAdmin = rowsOf((await app.inject(as(adam, { url: '/activity?action=disable_user' }))).body);
    expect(forAdmin).toEqual([
      { who: 'adam', action: 'disable_user', item: null },
      { who: 'adam', action: 'disable_user', item: null },
    ]);
    expect(rowsOf((await app.inject(as(ana, { url: '/activity?action=disable_user' }))).body)).toEqual([]);
  });

  it('filters by person, action and period, and pages', async () => {
    const get = async (query: string) =>
      (await app.inject(as(adam, { url: `/api/activity${query}` }))).json();
    const byAna = await get('?person=ana&action=approve');
    expect(byAna.entries.map((entry: { article_id: number }) => entry.article_id)).toEqual([ids.az, ids.kz]);
    const lastYear = await get('?from=2025-01-01&to=2025-12-31');
    expect(lastYear).toMatchObject({ total: 1, entries: [{ user_name: 'bob', article_id: ids.payload }] });
    expect(
      (await get('?person=bob&from=2026-01-01')).entries.map((e: { action: string }) => e.action),
    ).not.toContain('approve');
    const all = await get('');
    expect(all.total).toBeGreaterThan(50);
    const second = await get('?page=2');
    expect(second.entries[0].id).toBe(
      (
        await db.query<{ id: number }>(
          'SELECT id FROM audit_log ORDER BY created_at DESC, id DESC OFFSET 50 LIMIT 1',
        )
      ).rows[0]!.id,
    );
    const page = parseHTML((await app.inject(as(adam, { url: '/activity' }))).body).document;
    expect(page.querySelector('#activity-total')?.textContent).toContain(`Entries 1–50 of ${all.total}.`);
    expect(page.querySelector('a[rel=next]')?.getAttribute('href')).toBe('/activity?page=2');
    expect((await app.inject(as(adam, { url: '/activity?from=15.09.2025' }))).statusCode).toBe(400);
  });

  it('exports the filtered entries as CSV, every one, with formulas defused', async () => {
    const ana = await login(app, 'ana', 'a brand new password');
    const csv = await app.inject(as(ana, { url: '/activity.csv?action=approve' }));
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="activity-all.csv"');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"time_utc","person","action","item_id","item_title","item_url","before","after"');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toMatch(/^"2025-03-10T08:00:00.000Z","bob","approve","\d+","Героин изъят <script>/);
    const admins = await app.inject(as(adam, { url: '/activity.csv' }));
    const total = (await db.query<{ n: number }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n;
    expect(admins.body.trimEnd().split('\r\n')).toHaveLength(total + 1);
    // A name that a spreadsheet would run as a formula.
    await db.query(
      `INSERT INTO audit_log (article_id, user_id, user_name, action) VALUES (NULL, NULL, '=HYPERLINK("x")', 'logout')`,
    );
    const defused = await app.inject(as(adam, { url: '/activity.csv?action=logout' }));
    expect(defused.body).toContain(`"'=HYPERLINK(""x"")","logout"`);
  });
});
