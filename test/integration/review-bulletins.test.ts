import type { FastifyInstance } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeMarkdown } from '../../src/bulletin/render-markdown.js';
import { login, SCRIPT_TITLE, type Session, startReviewServer, useReviewDatabase } from './review-support.js';

const { db, ids } = useReviewDatabase();
let app: FastifyInstance;
let ana: Session;

beforeAll(async () => {
  await db.query(`UPDATE articles SET status = 'approved' WHERE id = ANY($1::bigint[])`, [
    [ids.kz, ids.payload, ids.tj, ids.az],
  ]);
  app = await startReviewServer(db);
  ana = await login(app, 'ana');
});

afterAll(async () => {
  await app?.close();
});

const form = (session: Session, fields: Record<string, string>, csrf = true) => ({
  headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(csrf ? { _csrf: session.csrf, ...fields } : fields).toString(),
});

const bulletinPage = async (number: number) => {
  const response = await app.inject({
    method: 'GET',
    url: `/bulletins/${number}`,
    headers: { cookie: ana.cookie },
  });
  expect(response.statusCode).toBe(200);
  return response.body;
};

const kazakhOrder = async (number: number) => {
  const { document } = parseHTML(await bulletinPage(number));
  return [...document.querySelectorAll('section[data-country="KZ"] li[data-item]')].map((li) =>
    Number(li.getAttribute('data-item')),
  );
};

const move = (itemId: number, direction: string, csrf = true) =>
  app.inject({
    method: 'POST',
    url: `/bulletins/12/items/${itemId}/move`,
    ...form(ana, { direction }, csrf),
  });

describe('bulletins in the review workspace', () => {
  it('needs a session', async () => {
    for (const url of ['/bulletins', '/bulletins/12', '/bulletins/12/export.pdf']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toMatch(/^\/login\?next=/);
    }
  });

  it('assembles the bulletin of a month and lists it with its counts', async () => {
    const assembled = await app.inject({
      method: 'POST',
      url: '/bulletins',
      ...form(ana, { month: '2026-11', number: '12' }),
    });
    expect(assembled.statusCode).toBe(303);
    expect(assembled.headers.location).toBe('/bulletins/12');

    const list = await app.inject({ method: 'GET', url: '/bulletins', headers: { cookie: ana.cookie } });
    const { document } = parseHTML(list.body);
    const row = document.querySelector('#bulletins tbody tr')!;
    const cells = [...row.querySelectorAll('td')].map((cell) => cell.textContent?.trim());
    expect(cells.slice(0, 3)).toEqual(['#12', '2026-11-01 … 2026-11-30', 'assembled']);
    const headers = [...document.querySelectorAll('#bulletins th')].map((cell) => cell.textContent);
    expect(cells[headers.indexOf('KZ')]).toBe('2');
    expect(cells[headers.indexOf('TJ')]).toBe('1');
    expect(document.querySelector('nav a[aria-current="page"]')?.getAttribute('href')).toBe('/bulletins');
  });

  it('refuses a month that is not YYYY-MM', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/bulletins',
      ...form(ana, { month: '2026-13' }),
    });
    expect(response.statusCode).toBe(400);
  });

  it('keeps a harvested <script> title escaped on the bulletin page', async () => {
    const body = await bulletinPage(12);
    expect(body).not.toContain('<script>alert');
    expect(body).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    const { document } = parseHTML(body);
    const titles = [...document.querySelectorAll('li .title')].map((title) => title.textContent);
    expect(titles).toContain(SCRIPT_TITLE);
  });

  it('moves an item up within its country, and not without the CSRF token', async () => {
    const before = await kazakhOrder(12);
    expect(before).toHaveLength(2);
    const [first, second] = before as [number, number];

    const refused = await move(second, 'up', false);
    expect(refused.statusCode).toBe(403);
    expect(await kazakhOrder(12)).toEqual(before);

    const moved = await move(second, 'up');
    expect(moved.statusCode).toBe(303);
    expect(await kazakhOrder(12)).toEqual([second, first]);

    // At the top already: nothing changes.
    await move(second, 'up');
    expect(await kazakhOrder(12)).toEqual([second, first]);
  });

  it("prints the analyst's wording of the opening paragraphs, escaped, until it is emptied again", async () => {
    const markdown = async () =>
      (await app.inject({ url: '/bulletins/12/export.md', headers: { cookie: ana.cookie } })).body;
    const generated = await markdown();
    const edit = (paragraph: string, text: string, csrf = true) =>
      app.inject({ method: 'POST', url: '/bulletins/12/texts', ...form(ana, { paragraph, text }, csrf) });

    expect((await edit('topics', 'Raids <script>alert(1)</script> and lectures.', false)).statusCode).toBe(
      403,
    );
    expect(await markdown()).toBe(generated);

    const saved = await edit('topics', '  Raids <script>alert(1)</script> and lectures.  ');
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/bulletins/12#opening');
    expect(await markdown()).toContain(escapeMarkdown('Raids <script>alert(1)</script> and lectures.'));
    const page = await bulletinPage(12);
    expect(page).not.toContain('<script>alert(1)');
    // The page as sent (a browser decodes the references inside a textarea; linkedom does not).
    const field = (name: string) =>
      new RegExp(
        `data-paragraph="${name}"[\\s\\S]*?<textarea[^>]*placeholder="([^"]*)">([^<]*)</textarea>`,
      ).exec(page);
    expect(field('topics')?.[2]).toBe('Raids &lt;script&gt;alert(1)&lt;/script&gt; and lectures.');
    // The counts line was not touched: still generated, shown as the field's placeholder only.
    expect(field('counts_line')?.[2]).toBe('');
    expect(generated).toContain(field('counts_line')![1]!.slice(0, 40));

    await edit('counts_line', 'In November 2026, 4 reports were published.');
    expect(await markdown()).toContain(escapeMarkdown('In November 2026, 4 reports were published.'));

    await edit('topics', '');
    await edit('counts_line', ' ');
    expect(await markdown()).toBe(generated);
    expect((await edit('title', 'x')).statusCode).toBe(400);
  });

  it('exports the four formats as attachments', async () => {
    const expected = {
      md: 'text/markdown',
      html: 'text/html',
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      pdf: 'application/pdf',
    };
    for (const [format, type] of Object.entries(expected)) {
      const response = await app.inject({
        method: 'GET',
        url: `/bulletins/12/export.${format}`,
        headers: { cookie: ana.cookie },
      });
      expect(response.statusCode, format).toBe(200);
      expect(response.headers['content-type']).toContain(type);
      expect(response.headers['content-disposition']).toMatch(
        new RegExp(`^attachment; filename="caricc-release-12-2026-11-en\\.${format}"$`),
      );
      expect(response.rawPayload.length).toBeGreaterThan(100);
      if (format === 'pdf') expect(response.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
      if (format === 'docx') expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
      if (format === 'html') expect(response.body).not.toContain('<script>alert');
    }
  }, 60_000);

  it('answers 404 for a bulletin that does not exist', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/bulletins/99',
      headers: { cookie: ana.cookie },
    });
    expect(response.statusCode).toBe(404);
  });

  it("charts the previous bulletin's counts, or the previous month without one", async () => {
    const previousOf = async (month: string) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/coverage?month=${month}`,
        headers: { cookie: ana.cookie },
      });
      const rows: Array<{ country: string; previous: number }> = response.json().rows;
      return Object.fromEntries(rows.map((row) => [row.country, row.previous]));
    };
    // December 2026 is empty, but bulletin #12 (November) came before January.
    expect(await previousOf('2027-01')).toMatchObject({ KZ: 2, TJ: 1, AZ: 1 });
    // No bulletin ended before November: the approved drafts of October, none.
    expect(await previousOf('2026-11')).toMatchObject({ KZ: 0 });
  });
});
