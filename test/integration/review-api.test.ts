import type { FastifyInstance, InjectOptions } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRuns, finishRun } from '../../src/db/runs-repo.js';
import { MEMBER_STATES_IN_HOUSE_ORDER } from '../support/bulletin.js';
import {
  articlePage,
  login,
  PASSWORD,
  SCRIPT_TITLE,
  type Session,
  startPageServer,
  startReviewServer,
  useReviewDatabase,
} from './review-support.js';

const { db, ids } = useReviewDatabase();
let app: FastifyInstance;
let ana: Session;
let site: Awaited<ReturnType<typeof startPageServer>>;

beforeAll(async () => {
  site = await startPageServer({
    '/news/1': {
      body: articlePage(
        'В Бишкеке изъяли героин',
        'Сотрудники СБНОН задержали наркокурьера и изъяли героин. Возбуждено уголовное дело о наркотиках.',
      ),
    },
    '/to-metadata': { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
    '/to-news': { status: 301, headers: { location: '/news/1' } },
    '/huge': { body: 'x'.repeat(300_000) },
    '/image': { headers: { 'content-type': 'image/png' }, body: 'PNG' },
  });
  app = await startReviewServer(db, { fetchPolicy: { allowHosts: ['127.0.0.1'], maxBytes: 200_000 } });
  ana = await login(app, 'ana');
});

afterAll(async () => {
  await app?.close();
  await site?.close();
});

const as = (session: Session, options: InjectOptions): InjectOptions => ({
  ...options,
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...options.headers },
});

const itemVersion = async (id: number) =>
  (await app.inject(as(ana, { method: 'GET', url: `/api/items/${id}` }))).json().item.version as number;

// Every route of the workspace except the public ones, with a body good enough to pass validation.
const protectedPages = [
  '/',
  '/queue',
  '/items/1',
  '/items/1/snapshot',
  '/add',
  '/coverage',
  '/sources',
  '/users',
];
const protectedApiReads = [
  '/api/me',
  '/api/items',
  '/api/counts',
  '/api/items/1',
  '/api/coverage',
  '/api/sources',
  '/api/users',
];
const stateChanges: Array<{ method: 'POST' | 'PATCH'; url: string; payload: Record<string, unknown> }> = [
  { method: 'POST', url: '/logout', payload: {} },
  { method: 'POST', url: '/queue/bulk', payload: { ids: ['1'], action: 'approve' } },
  { method: 'POST', url: '/items/1/edit', payload: { version: '1', title: 'x' } },
  { method: 'POST', url: '/items/1/approve', payload: {} },
  { method: 'POST', url: '/items/1/reject', payload: { reason: 'x' } },
  { method: 'POST', url: '/items/1/rescue', payload: {} },
  { method: 'POST', url: '/items/1/story', payload: { story: 'new' } },
  { method: 'POST', url: '/api/items/1/story', payload: { story: 'new' } },
  { method: 'POST', url: '/add', payload: { url: 'http://127.0.0.1/' } },
  { method: 'POST', url: '/users', payload: { name: 'eve', role: 'admin', password: 'x'.repeat(12) } },
  { method: 'POST', url: '/api/items/bulk', payload: { ids: [1], action: 'approve' } },
  { method: 'PATCH', url: '/api/items/1', payload: { version: 1, title: 'x' } },
  { method: 'POST', url: '/api/items/1/approve', payload: {} },
  { method: 'POST', url: '/api/items/1/reject', payload: {} },
  { method: 'POST', url: '/api/items/1/rescue', payload: {} },
  { method: 'POST', url: '/api/add', payload: { url: 'http://127.0.0.1/' } },
  { method: 'POST', url: '/api/users', payload: { name: 'eve', role: 'admin', password: 'x'.repeat(12) } },
];

describe('without a session', () => {
  it('answers the health check and the login page', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    const loginPage = await app.inject({ url: '/login' });
    expect(loginPage.statusCode).toBe(200);
    expect(loginPage.body).toContain('name="password"');
  });

  it('sends every page to the login form and refuses every API read with 401', async () => {
    for (const url of protectedPages) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(303);
      expect(response.headers.location, url).toBe(`/login?next=${encodeURIComponent(url)}`);
    }
    for (const url of protectedApiReads) {
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
  });

  it('changes nothing, even with a CSRF token', async () => {
    for (const change of stateChanges) {
      const response = await app.inject({ ...change, headers: { 'x-csrf-token': ana.csrf } });
      expect([303, 401], change.url).toContain(response.statusCode);
    }
    expect(await itemVersion(1)).toBe(1);
  });

  it('refuses a forged or unsigned session cookie', async () => {
    const value = ana.cookie.split('=')[1]!.split('.')[0];
    for (const cookie of [`hv_session=${value}`, `${ana.cookie}x`, 'hv_session=abc.def']) {
      expect((await app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
    }
  });
});

describe('CSRF', () => {
  it('refuses every state-changing route without the token, and with a wrong one', async () => {
    const olga = await login(app, 'adam');
    for (const change of stateChanges) {
      const missing = await app.inject({ ...change, headers: { cookie: olga.cookie } });
      expect(missing.statusCode, `${change.url} without token`).toBe(403);
      const wrong = await app.inject({
        ...change,
        headers: { cookie: olga.cookie, 'x-csrf-token': `${olga.csrf}x` },
      });
      expect(wrong.statusCode, `${change.url} with a wrong token`).toBe(403);
    }
    expect(await itemVersion(1)).toBe(1);
    expect((await app.inject({ url: '/api/me', headers: { cookie: olga.cookie } })).statusCode).toBe(200);
  });

  it('accepts the token as a form field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/items/${ids.irrelevant}/rescue`,
      headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: `_csrf=${encodeURIComponent(ana.csrf)}`,
    });
    expect(response.statusCode).toBe(303);
    expect((await app.inject(as(ana, { url: `/api/items/${ids.irrelevant}` }))).json().item.status).toBe(
      'new',
    );
  });
});

describe('login', () => {
  const formLogin = async (name: string, password: string, ip = '10.9.9.9') => {
    const form = await app.inject({ url: '/login', remoteAddress: ip });
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const cookie = form.cookies.find((c) => c.name === 'hv_login')!;
    return app.inject({
      method: 'POST',
      url: '/login',
      remoteAddress: ip,
      headers: { cookie: `hv_login=${cookie.value}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name, password, _csrf: token, next: '/coverage' }).toString(),
    });
  };

  it('opens an HTTP-only SameSite=Lax session from the form and goes where the user was going', async () => {
    const response = await formLogin('bob', PASSWORD);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/coverage');
    const session = response.cookies.find((c) => c.name === 'hv_session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session.secure).toBeFalsy();
  });

  it('refuses a login form posted without its CSRF cookie', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ name: 'bob', password: PASSWORD, _csrf: 'guess' }).toString(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.cookies.some((c) => c.name === 'hv_session')).toBe(false);
  });

  it('never redirects to another site after login', async () => {
    for (const next of ['//evil.example/x', '/\\evil.example', '/\t/evil.example', 'https://evil.example/']) {
      const form = await app.inject({ url: `/login?next=${encodeURIComponent(next)}` });
      expect(form.body, next).toContain('name="next" value="/queue"');
    }
    const kept = await app.inject({ url: `/login?next=${encodeURIComponent('/items/3?x=1')}` });
    expect(kept.body).toContain('name="next" value="/items/3?x=1"');
  });

  it('limits failed attempts per address and name, then refuses even the right password', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect((await formLogin('bob', 'wrong password', '10.1.1.1')).statusCode).toBe(401);
    }
    const blocked = await formLogin('bob', PASSWORD, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address, or another account from the same address, is not affected.
    expect((await formLogin('bob', PASSWORD, '10.1.1.2')).statusCode).toBe(303);
    expect((await formLogin('ana', PASSWORD, '10.1.1.1')).statusCode).toBe(303);
  });

  it('sets the Secure flag when configured to', async () => {
    const secureApp = await startReviewServer(db, { secureCookies: true });
    const response = await secureApp.inject({
      method: 'POST',
      url: '/api/login',
      payload: { name: 'ana', password: PASSWORD },
    });
    expect(response.cookies.find((c) => c.name === 'hv_session')!.secure).toBe(true);
    await secureApp.close();
  });

  it('ends the session at logout', async () => {
    const session = await login(app, 'bob');
    const out = await app.inject(as(session, { method: 'POST', url: '/logout' }));
    expect(out.statusCode).toBe(303);
    expect((await app.inject({ url: '/api/me', headers: { cookie: session.cookie } })).statusCode).toBe(401);
  });

  it('records logins, failed attempts on existing accounts and logouts, and shows them to admins', async () => {
    const activityOf = async (name: string) =>
      (
        await db.query<{ action: string; after: { ip: string } }>(
          `SELECT action, after FROM audit_log WHERE article_id IS NULL AND user_name = $1 ORDER BY id`,
          [name],
        )
      ).rows;
    const admin = await login(app, 'adam');
    const addUser = (name: string) =>
      app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/users',
          payload: { name, role: 'analyst', password: PASSWORD },
        }),
      );
    expect((await addUser('carol')).statusCode).toBe(201);
    expect((await formLogin('carol', 'wrong password', '10.7.7.7')).statusCode).toBe(401);
    expect((await formLogin('nobody-by-this-name', 'wrong password', '10.7.7.7')).statusCode).toBe(401);
    expect((await formLogin('carol', PASSWORD, '10.7.7.7')).statusCode).toBe(303);
    const carol = await login(app, 'carol');
    await app.inject(as(carol, { method: 'POST', url: '/logout' }));
    expect(await activityOf('carol')).toEqual([
      { action: 'login_failed', after: { ip: '10.7.7.7' } },
      { action: 'login', after: { ip: '10.7.7.7' } },
      { action: 'login', after: { ip: '127.0.0.1' } },
      { action: 'logout', after: { ip: '127.0.0.1' } },
    ]);
    expect(await activityOf('nobody-by-this-name')).toEqual([]);

    expect((await addUser('<b>mallory</b>')).statusCode).toBe(201);
    const page = parseHTML((await app.inject(as(admin, { url: '/users' }))).body).document;
    const rows = [...page.querySelectorAll('#activity tbody tr')].map((row) =>
      [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent),
    );
    expect(rows[0]).toEqual(['adam', 'add_user', '{"name":"<b>mallory</b>","role":"analyst"}']);
    expect(rows).toContainEqual(['carol', 'login_failed', '{"ip":"10.7.7.7"}']);
    expect(page.querySelector('#activity b')).toBeNull();
  });
});

describe('roles', () => {
  it('keeps sources for operators and users for admins', async () => {
    const operator = await login(app, 'olga');
    const admin = await login(app, 'adam');
    expect((await app.inject(as(ana, { url: '/sources' }))).statusCode).toBe(403);
    expect((await app.inject(as(ana, { url: '/api/sources' }))).statusCode).toBe(403);
    expect((await app.inject(as(operator, { url: '/sources' }))).statusCode).toBe(200);
    expect((await app.inject(as(operator, { url: '/users' }))).statusCode).toBe(403);
    expect(
      (
        await app.inject(
          as(operator, {
            method: 'POST',
            url: '/api/users',
            payload: { name: 'x', role: 'admin', password: 'x'.repeat(12) },
          }),
        )
      ).statusCode,
    ).toBe(403);
    expect((await app.inject(as(admin, { url: '/users' }))).statusCode).toBe(200);
    const created = await app.inject(
      as(admin, {
        method: 'POST',
        url: '/api/users',
        payload: { name: 'newbie', role: 'analyst', password: 'x'.repeat(12) },
      }),
    );
    expect(created.statusCode).toBe(201);
    expect(
      (
        await app.inject(
          as(admin, {
            method: 'POST',
            url: '/api/users',
            payload: { name: 'NEWBIE', role: 'analyst', password: 'x'.repeat(12) },
          }),
        )
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/login',
          payload: { name: 'newbie', password: 'x'.repeat(12) },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe('queue', () => {
  const list = async (query: string) => (await app.inject(as(ana, { url: `/api/items?${query}` }))).json();

  it('filters by status, country, language, source, dates, score and text', async () => {
    expect((await list('status=new&country=TJ')).items.map((i: { id: number }) => i.id)).toEqual([ids.tj]);
    expect((await list('source=report-az')).items.map((i: { id: number }) => i.id)).toEqual([ids.az]);
    expect((await list('q=гашиша')).items.map((i: { id: number }) => i.id)).toEqual([ids.tj]);
    expect((await list('q=марихуаны метамфетамин')).items.map((i: { id: number }) => i.id)).toEqual([ids.az]);
    const byDate = await list('from=2026-11-10&to=2026-11-11');
    expect(byDate.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.kz, ids.payload].sort());
    const all = await list('lang=rus');
    expect(all.total).toBeGreaterThanOrEqual(4);
    const scored = await list('sort=score');
    const scores = scored.items.map((i: { score: number }) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const high = await list(`min_score=${scores[1]}`);
    expect(high.items.every((i: { score: number }) => i.score >= scores[1])).toBe(true);
  });

  it('pages through the results', async () => {
    const first = await list('page_size=2&page=1');
    const second = await list('page_size=2&page=2');
    expect(first.items).toHaveLength(2);
    expect(first.total).toBe(second.total);
    expect(second.items[0].id).not.toBe(first.items[0].id);
  });

  it('counts per status and country under the other filters', async () => {
    const counts = (await app.inject(as(ana, { url: '/api/counts?country=KZ' }))).json();
    expect(counts.byCountry.TJ).toBe(1);
    expect(Object.values(counts.byStatus as Record<string, number>).reduce((a, b) => a + b)).toBe(
      counts.byCountry.KZ,
    );
  });

  it('rejects bad filter values with 400', async () => {
    expect((await app.inject(as(ana, { url: '/api/items?status=deleted' }))).statusCode).toBe(400);
    expect((await app.inject(as(ana, { url: '/queue?from=yesterday' }))).statusCode).toBe(400);
  });

  it('renders the queue page with facets and rows', async () => {
    const page = await app.inject(as(ana, { url: '/queue?country=TJ' }));
    const { document } = parseHTML(page.body);
    expect(
      [...document.querySelectorAll('#queue tbody tr')].map((row) => row.getAttribute('data-id')),
    ).toEqual([String(ids.tj)]);
    expect(document.querySelector('#counts')!.textContent).toContain('KZ');
  });

  it('approves and rejects a selection in bulk, audited', async () => {
    const response = await app.inject(
      as(ana, {
        method: 'POST',
        url: '/api/items/bulk',
        payload: { ids: [ids.kz, ids.az], action: 'reject', reason: 'old news' },
      }),
    );
    expect(response.json().done.sort()).toEqual([ids.kz, ids.az].sort());
    const bulkForm = (extra: string) =>
      app.inject({
        method: 'POST',
        url: '/queue/bulk',
        headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        payload: `_csrf=${encodeURIComponent(ana.csrf)}&action=approve&ids=${ids.kz}&ids=${ids.az}&back=%3Fcountry%3DKZ${extra}`,
      });
    // The form asks first, naming how many items change; only the confirmed second step acts.
    const asked = await bulkForm('');
    expect(asked.statusCode).toBe(200);
    expect(parseHTML(asked.body).document.querySelector('#bulk-summary')!.textContent).toContain(
      '2 item(s) will be approved',
    );
    expect((await app.inject(as(ana, { url: `/api/items/${ids.az}` }))).json().item.status).toBe('rejected');
    const form = await bulkForm('&confirm=yes');
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toBe('/queue?country=KZ&bulk=approve&done=2&covered=0&skipped=0');
    const item = (await app.inject(as(ana, { url: `/api/items/${ids.az}` }))).json();
    expect(item.item.status).toBe('approved');
    expect(item.audit.map((entry: { action: string }) => entry.action)).toEqual(['approve', 'reject']);
    expect(item.audit[1].after.reject_reason).toBe('old news');
  });
});

describe('item', () => {
  it('saves the English beside the untouched original, bumps the version and audits before and after', async () => {
    const version = await itemVersion(ids.tj);
    const saved = await app.inject(
      as(ana, {
        method: 'PATCH',
        url: `/api/items/${ids.tj}`,
        payload: {
          version,
          title_en: 'Drug courier detained in Dushanbe',
          body_en: 'A courier was detained in Dushanbe with 3 kg of hashish.',
        },
      }),
    );
    expect(saved.statusCode).toBe(200);
    expect(saved.json().item).toMatchObject({
      version: version + 1,
      title: 'В Душанбе задержан наркокурьер с гашишем',
      title_en: 'Drug courier detained in Dushanbe',
      title_en_source: 'analyst',
      body_en_source: 'analyst',
      english_reviewed_by: 'ana',
    });
    const audit = (await app.inject(as(ana, { url: `/api/items/${ids.tj}` }))).json().audit;
    expect(audit[0]).toMatchObject({
      user_name: 'ana',
      action: 'edit',
      before: { title_en: null, body_en: null, title_en_source: null },
      after: { title_en: 'Drug courier detained in Dushanbe', title_en_source: 'analyst' },
    });
  });

  it('refuses the second of two edits of one version and shows both versions', async () => {
    const bob = await login(app, 'bob');
    const version = await itemVersion(ids.tj);
    const first = await app.inject(
      as(ana, { method: 'PATCH', url: `/api/items/${ids.tj}`, payload: { version, country: 'KG' } }),
    );
    expect(first.statusCode).toBe(200);
    const second = await app.inject(
      as(bob, {
        method: 'PATCH',
        url: `/api/items/${ids.tj}`,
        payload: { version, title_en: 'Bob’s title' },
      }),
    );
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({
      current: { version: version + 1, country: 'KG' },
      yours: { titleEn: 'Bob’s title' },
    });

    const form = await app.inject({
      method: 'POST',
      url: `/items/${ids.tj}/edit`,
      headers: { cookie: bob.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: bob.csrf,
        version: String(version),
        title_en: 'Bob’s title',
        body_en: 'Bob’s body',
        country: 'TJ',
        published_at: '2026-11-12T09:30',
      }).toString(),
    });
    expect(form.statusCode).toBe(409);
    const { document } = parseHTML(form.body);
    const compare = document.querySelector('#conflict')!.textContent!;
    expect(compare).toContain('Bob’s body');
    expect(compare).toContain('Drug courier detained in Dushanbe');
    // The form keeps Bob's text, against the current version: saving again is a deliberate overwrite.
    expect(document.querySelector<HTMLInputElement>('#edit-title-en')!.getAttribute('value')).toBe(
      'Bob’s title',
    );
    expect(document.querySelector('#edit-form input[name=version]')!.getAttribute('value')).toBe(
      String(version + 1),
    );
    expect((await app.inject(as(ana, { url: `/api/items/${ids.tj}` }))).json().item.title_en).toBe(
      'Drug courier detained in Dushanbe',
    );
  });

  it('saves nothing when a form comes back unchanged (CRLF line breaks, seconds of the date)', async () => {
    await db.query(
      `UPDATE articles SET body_en = $2, body_en_source = 'analyst', title_en = 'Two lines',
         title_en_source = 'analyst', english_reviewed_by = 'ana', published_at = '2026-11-10T08:00:37Z'
       WHERE id = $1`,
      [ids.kz, 'First line.\nSecond line.'],
    );
    const before = (await app.inject(as(ana, { url: `/api/items/${ids.kz}` }))).json();
    const page = parseHTML((await app.inject(as(ana, { url: `/items/${ids.kz}` }))).body).document;
    const field = (name: string) => page.querySelector(`#edit-form [name=${name}]`)!;
    const response = await app.inject({
      method: 'POST',
      url: `/items/${ids.kz}/edit`,
      headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: ana.csrf,
        version: field('version').getAttribute('value')!,
        title_en: field('title_en').getAttribute('value')!,
        country: 'KZ',
        published_at: field('published_at').getAttribute('value')!,
        body_en: field('body_en').textContent!.replace(/\n/g, '\r\n'),
      }).toString(),
    });
    expect(response.statusCode).toBe(303);
    const after = (await app.inject(as(ana, { url: `/api/items/${ids.kz}` }))).json();
    expect(after.item.version).toBe(before.item.version);
    expect(after.audit).toHaveLength(before.audit.length);
  });

  it('approves, rejects with a reason, and refuses what does not apply', async () => {
    const rejected = await app.inject(
      as(ana, {
        method: 'POST',
        url: `/api/items/${ids.tj}/reject`,
        payload: { reason: 'not in the period' },
      }),
    );
    expect(rejected.json().item).toMatchObject({
      status: 'rejected',
      reject_reason: 'not in the period',
      reviewed_by: 'ana',
    });
    expect(
      (await app.inject(as(ana, { method: 'POST', url: `/api/items/${ids.tj}/rescue`, payload: {} })))
        .statusCode,
    ).toBe(409);
    const stale = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.tj}/approve`, payload: { version: 1 } }),
    );
    expect(stale.statusCode).toBe(409);
    const approved = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.tj}/approve`, payload: {} }),
    );
    expect(approved.json().item.status).toBe('approved');
    expect(
      (await app.inject(as(ana, { method: 'POST', url: '/api/items/999999/approve', payload: {} })))
        .statusCode,
    ).toBe(404);
  });

  it('shows the matched terms highlighted and the history', async () => {
    const page = await app.inject(as(ana, { url: `/items/${ids.az}` }));
    const { document } = parseHTML(page.body);
    const marks = [...document.querySelectorAll('#item-body mark')].map((mark) =>
      mark.textContent!.toLowerCase(),
    );
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.some((mark) => mark.startsWith('марихуан') || mark.startsWith('изъ'))).toBe(true);
    expect(document.querySelectorAll('#audit tbody tr').length).toBe(2);
  });

  it('serves the page snapshot sandboxed', async () => {
    const response = await app.inject(as(ana, { url: `/items/${ids.kz}/snapshot` }));
    expect(response.headers['content-security-policy']).toMatch(/^sandbox;/);
    expect((await app.inject(as(ana, { url: '/items/999999' }))).statusCode).toBe(404);
  });
});

describe('harvested content stays inert', () => {
  it('escapes titles, bodies, attributes, links and embedded JSON', async () => {
    for (const url of [`/items/${ids.payload}`, '/queue', '/queue?q=героин']) {
      const response = await app.inject(as(ana, { url }));
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      const { document } = parseHTML(response.body);
      const scripts = [...document.querySelectorAll('script')];
      expect(scripts.map((s) => s.getAttribute('src') ?? s.getAttribute('type'))).toEqual(
        url.startsWith('/items') ? ['/static/review.js', 'application/json'] : ['/static/review.js'],
      );
      expect(document.querySelectorAll('img')).toHaveLength(0);
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) expect(attribute.name, url).not.toMatch(/^on/);
      }
      for (const link of document.querySelectorAll('a[href]')) {
        expect(link.getAttribute('href'), url).toMatch(/^(\/|https?:\/\/|\?)/);
      }
      expect(response.body).not.toContain('javascript:alert(3)"');
    }
    const { document } = parseHTML((await app.inject(as(ana, { url: `/items/${ids.payload}` }))).body);
    expect(document.querySelector('h1')!.textContent).toBe(SCRIPT_TITLE);
    expect(document.querySelector('#item-body')!.textContent).toContain('<img src=x onerror=alert("body")>');
    const data = JSON.parse(document.querySelector('#item-data')!.textContent!);
    expect(data).toMatchObject({ title: SCRIPT_TITLE, url: null });
    expect(document.querySelector('#item-data')!.textContent).not.toContain('</script');
  });
});

describe('add by URL', () => {
  const add = (url: string) => app.inject(as(ana, { method: 'POST', url: '/api/add', payload: { url } }));

  it('fetches, extracts and analyses a page, shows the draft and audits it', async () => {
    const response = await add(`${site.origin}/to-news`);
    expect(response.statusCode).toBe(200);
    const { item, inserted } = response.json();
    expect(inserted).toBe(true);
    expect(item).toMatchObject({
      title: 'В Бишкеке изъяли героин',
      source_id: 'manual',
      status: 'new',
      url: `${site.origin}/news/1`,
    });
    const again = await add(`${site.origin}/news/1`);
    expect(again.json()).toMatchObject({ inserted: false, item: { id: item.id } });
    const audit = (await app.inject(as(ana, { url: `/api/items/${item.id}` }))).json().audit;
    expect(audit.map((entry: { action: string }) => entry.action)).toEqual(['add_url']);
    const form = await app.inject({
      method: 'POST',
      url: '/add',
      headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ _csrf: ana.csrf, url: `${site.origin}/news/1` }).toString(),
    });
    expect(form.headers.location).toBe(`/items/${item.id}`);
  });

  it('refuses other schemes, forbidden hosts and redirects to them, big pages and non-pages', async () => {
    const strictApp = await startReviewServer(db);
    const strict = await login(strictApp, 'ana');
    const addStrict = (url: string) =>
      strictApp.inject(as(strict, { method: 'POST', url: '/api/add', payload: { url } }));
    for (const url of [
      `${site.origin}/news/1?fresh`,
      'http://localhost:1/',
      'http://[::1]/',
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://0x7f000001/',
    ]) {
      const response = await addStrict(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().error, url).toMatch(/forbidden/);
    }
    await strictApp.close();
    const cases: Array<[string, RegExp]> = [
      ['file:///etc/passwd', /only http and https/],
      ['javascript:alert(1)', /only http and https/],
      [`${site.origin}/to-metadata`, /forbidden/],
      [`${site.origin}/huge`, /larger than/],
      [`${site.origin}/image`, /not a web page/],
      [`${site.origin}/missing`, /HTTP 404/],
    ];
    for (const [url, message] of cases) {
      const response = await add(url);
      expect(response.statusCode, url).toBe(422);
      expect(response.json().error, url).toMatch(message);
    }
  });
});

describe('coverage and sources', () => {
  it('draws one bar per member state and flags the countries without items', async () => {
    const response = await app.inject(as(ana, { url: '/coverage?month=2026-11' }));
    const { document } = parseHTML(response.body);
    const bars = [...document.querySelectorAll('#coverage-chart g[data-country]')];
    expect(bars.map((bar) => bar.getAttribute('data-country'))).toEqual(MEMBER_STATES_IN_HOUSE_ORDER);
    expect(
      bars
        .filter((bar) => bar.getAttribute('class') === 'missing')
        .map((bar) => bar.getAttribute('data-country')),
    ).toEqual(expect.arrayContaining(['RU', 'TM', 'UZ']));
    expect(document.querySelector('#missing-countries')!.textContent).toContain('TM');
    const api = (await app.inject(as(ana, { url: '/api/coverage?month=2026-11' }))).json();
    expect(api.period).toMatchObject({
      from: '2026-11-01',
      to: '2026-12-01',
      previous: { from: '2026-10-01' },
    });
  });

  it('shows each source with its last run and error streak', async () => {
    const runs = await createRuns(
      db,
      [
        { id: 'broken-source', config: null },
        { id: 'broken-source', config: null },
      ],
      'b1',
      'manual',
    );
    for (const run of runs)
      await finishRun(db, run.id, { status: 'failed', stats: {}, error: 'DNS failure' });
    const operator = await login(app, 'olga');
    const sources = (await app.inject(as(operator, { url: '/api/sources' }))).json();
    expect(sources.find((s: { source_id: string }) => s.source_id === 'broken-source')).toMatchObject({
      error_streak: 2,
      last_status: 'failed',
    });
    expect(sources.find((s: { source_id: string }) => s.source_id === 'polisia-kz')).toMatchObject({
      error_streak: 0,
    });
  });

  it('lets operators start a crawl of a declared source, audited', async () => {
    const started: string[] = [];
    const opsApp = await startReviewServer(db, {
      loadSources: () => [{ id: 'polisia-kz', enabled: true, schedule: '0 */6 * * *' } as never],
      runSource: async (source) => {
        started.push(source.id);
        return `Crawl of ${source.id} queued.`;
      },
    });
    const [operator, analyst] = [await login(opsApp, 'olga'), await login(opsApp, 'ana')];
    const run = (session: Session, id: string) =>
      opsApp.inject(as(session, { method: 'POST', url: `/api/sources/${id}/run` }));
    expect((await run(analyst, 'polisia-kz')).statusCode).toBe(403);
    expect((await run(operator, 'unknown-source')).statusCode).toBe(404);
    expect(
      (
        await opsApp.inject({
          method: 'POST',
          url: '/api/sources/polisia-kz/run',
          headers: { cookie: operator.cookie },
        })
      ).statusCode,
    ).toBe(403);
    expect((await run(operator, 'polisia-kz')).statusCode).toBe(202);
    expect(started).toEqual(['polisia-kz']);
    const page = await opsApp.inject(as(operator, { url: '/sources' }));
    expect(page.body).toContain('action="/sources/polisia-kz/run"');
    const audit = await db.query<{ action: string; user_name: string }>(
      `SELECT action, user_name FROM audit_log WHERE action = 'run_source'`,
    );
    expect(audit.rows).toEqual([{ action: 'run_source', user_name: 'olga' }]);
    await opsApp.close();
  });
});

describe('stories', () => {
  /** A story of these articles, the first its primary item, as the stories stage would leave it. */
  const storyOf = async (members: number[]) => {
    const story = await db.query<{ id: number }>(
      'INSERT INTO stories (primary_article_id) VALUES ($1) RETURNING id',
      [members[0]],
    );
    const storyId = story.rows[0]!.id;
    await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [storyId, members]);
    return storyId;
  };

  it('lists the other reports of an item story and filters the queue by story', async () => {
    const storyId = await storyOf([ids.kz, ids.payload]);
    const item = (await app.inject(as(ana, { url: `/api/items/${ids.kz}` }))).json();
    expect(item.story).toMatchObject({ id: storyId, also_reported_by: [{ id: ids.payload }] });
    const listed = (await app.inject(as(ana, { url: `/api/items?status=any&story=${storyId}` }))).json();
    expect(listed.items.map((i: { id: number }) => i.id).sort()).toEqual([ids.kz, ids.payload].sort());
    const { document } = parseHTML((await app.inject(as(ana, { url: `/items/${ids.kz}` }))).body);
    expect(document.querySelector('#story')!.textContent).toContain('Героин изъят <script>');
  });

  it('splits an item out of its story and moves it back, choosing primaries again, audited', async () => {
    const storyOf = async (id: number) =>
      (await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [id])).rows[0]!
        .story_id;
    const original = await storyOf(ids.kz);
    const split = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kz}/story`, payload: { story: 'new' } }),
    );
    expect(split.statusCode).toBe(200);
    const own = split.json().item.story_id;
    expect(own).not.toBe(original);
    const primaries = async () =>
      Object.fromEntries(
        (
          await db.query<{ id: number; primary_article_id: number }>(
            'SELECT id, primary_article_id FROM stories',
          )
        ).rows.map((r) => [r.id, r.primary_article_id]),
      );
    expect(await primaries()).toMatchObject({ [original]: ids.payload, [own]: ids.kz });
    const back = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kz}/story`, payload: { story: original } }),
    );
    expect(back.json().item.story_id).toBe(original);
    // The story left empty is gone.
    expect(await primaries()).not.toHaveProperty(String(own));
    expect(
      (
        await app.inject(
          as(ana, { method: 'POST', url: `/api/items/${ids.kz}/story`, payload: { story: 999999 } }),
        )
      ).statusCode,
    ).toBe(409);
    const audit = (await app.inject(as(ana, { url: `/api/items/${ids.kz}` }))).json().audit;
    expect(audit.slice(0, 2).map((entry: { action: string }) => entry.action)).toEqual([
      'move_story',
      'split_story',
    ]);
  });

  it('merges a whole story into another from the item page, audited for every report it moves', async () => {
    const storiesOf = async (articleIds: number[]) =>
      (
        await db.query<{ id: number; story_id: number }>(
          'SELECT id, story_id FROM articles WHERE id = ANY($1::bigint[]) ORDER BY id',
          [articleIds],
        )
      ).rows.map((row) => row.story_id);
    const [target] = await storiesOf([ids.kz]);
    const merged = await storyOf([ids.tj, ids.az]);

    const page = parseHTML((await app.inject(as(ana, { url: `/items/${ids.tj}` }))).body).document;
    expect(page.querySelector('#story-form input[name="whole_story"]')).not.toBeNull();
    const version = (await app.inject(as(ana, { url: `/api/items/${ids.tj}` }))).json().item.version;
    const refused = await app.inject(
      as(ana, {
        method: 'POST',
        url: `/api/items/${ids.tj}/story`,
        payload: { story: 'new', whole_story: true },
      }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toContain('give its number');
    const response = await app.inject(
      as(ana, {
        method: 'POST',
        url: `/items/${ids.tj}/story`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({
          _csrf: ana.csrf,
          story: String(target),
          whole_story: 'on',
          version: String(version),
        }).toString(),
      }),
    );
    expect(response.statusCode).toBe(303);
    expect(await storiesOf([ids.kz, ids.payload, ids.tj, ids.az])).toEqual([target, target, target, target]);
    const left = await db.query('SELECT 1 FROM stories WHERE id = $1', [merged]);
    expect(left.rowCount).toBe(0);
    for (const id of [ids.tj, ids.az]) {
      const [latest] = (await app.inject(as(ana, { url: `/api/items/${id}` }))).json().audit;
      expect(latest).toMatchObject({
        action: 'merge_story',
        user_name: 'ana',
        before: { story_id: merged },
        after: { story_id: target },
      });
    }
  });
});
