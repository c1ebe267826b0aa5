import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  articlePage,
  giveOwnStory,
  PASSWORD,
  putInOneStory,
  type ReportSource,
  SCRIPT_TITLE,
  startPageServer,
  startReviewServer,
  storeReport,
  useReviewDatabase,
  userId,
} from '../integration/review-support.js';

// REVIEW_SCREENSHOTS=docs/screenshots refreshes the README's pictures; by default they go to a temporary folder.
const screenshotDir = process.env.REVIEW_SCREENSHOTS ?? join(tmpdir(), 'review-screenshots');

const { db, ids } = useReviewDatabase();
let app: FastifyInstance;
let origin: string;
let browser: Browser;
let site: Awaited<ReturnType<typeof startPageServer>>;
const dialogs: string[] = [];
const policyViolations: string[] = [];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  // Any alert, confirm or prompt would mean harvested content ran as script (the workspace itself never opens one).
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) policyViolations.push(message.text());
  });
  return page;
}

async function logIn(name: string): Promise<Page> {
  const page = await newPage();
  await page.goto(`${origin}/queue`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(/\/queue/), page.click('#login-form button')]);
  return page;
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });

const statusOf = async (id: number) =>
  (
    await db.query<{ status: string; reject_reason: string | null; title: string }>(
      'SELECT status, reject_reason, title FROM articles WHERE id = $1',
      [id],
    )
  ).rows[0]!;

const englishOf = async (id: number) =>
  (
    await db.query<{
      title_en: string | null;
      title_en_source: string | null;
      english_reviewed_by: string | null;
    }>('SELECT title_en, title_en_source, english_reviewed_by FROM articles WHERE id = $1', [id])
  ).rows[0]!;

// One event in Kyrgyzstan reported three times (a story), the Russian and English reports of an Uzbek seizure that
// the stories stage kept apart, and two Turkmen drafts to go through one after the other.
const kg: ReportSource = {
  id: '24-kg',
  country: 'KG',
  languages: ['rus'],
  timezone: 'Asia/Bishkek',
  official: false,
};
const story = { kgRu: 0, kgKabar: 0, kgEn: 0, uzRu: 0, uzEn: 0, tmFirst: 0, tmSecond: 0 };

async function seedStories(): Promise<void> {
  story.kgRu = await storeReport(
    db,
    { ...kg, id: 'mvd-gov-kg', official: true },
    {
      url: 'https://mvd.example.kg/ru/news/9101',
      title: 'В Оше задержан наркокурьер с 4 кг гашиша',
      body: 'Сотрудники СБНОН МВД Кыргызстана задержали в Оше 28-летнего жителя области, у которого изъяли 4 кг гашиша. Возбуждено уголовное дело по статье о незаконном обороте наркотиков.',
      publishedAt: '2026-11-16T04:00:00Z',
    },
  );
  story.kgKabar = await storeReport(
    db,
    { ...kg, id: 'kabar-kg' },
    {
      url: 'https://kabar.example.kg/news/9102',
      title: 'В Оше у 28-летнего мужчины изъяли 4 килограмма гашиша',
      body: 'В Оше милиционеры задержали 28-летнего местного жителя и изъяли у него 4 кг гашиша, сообщает пресс-служба МВД. Начато досудебное производство.',
      publishedAt: '2026-11-16T06:00:00Z',
    },
  );
  story.kgEn = await storeReport(
    db,
    { ...kg, id: '24-kg-en', languages: ['eng'] },
    {
      url: 'https://24.example.kg/english/9103',
      title: 'Drug courier with 4 kg of hashish detained in Osh',
      body: 'Officers of the Drug Control Service detained a 28-year-old resident of the region in Osh and seized 4 kg of hashish from him. A criminal case has been opened.',
      publishedAt: '2026-11-16T07:00:00Z',
    },
  );
  const uz: ReportSource = { id: 'kun-uz', country: 'UZ', languages: ['rus'], timezone: 'Asia/Tashkent' };
  story.uzRu = await storeReport(db, uz, {
    url: 'https://kun.example.uz/ru/news/9104',
    title: 'Ташкентские таможенники изъяли 12 кг опиума',
    body: 'Сотрудники таможни Ташкента обнаружили в грузовике 12 кг опиума. Водитель задержан, возбуждено уголовное дело о контрабанде наркотических средств.',
    publishedAt: '2026-11-13T05:00:00Z',
  });
  story.uzEn = await storeReport(
    db,
    { ...uz, id: 'kun-uz-en', languages: ['eng'] },
    {
      url: 'https://kun.example.uz/en/news/9105',
      title: 'Customs officers find opium in a truck',
      body: 'Customs officers found twelve kilograms of opium hidden in a lorry at a checkpoint. The driver was detained and a smuggling case has been opened.',
      publishedAt: '2026-11-13T09:00:00Z',
    },
  );
  const tm: ReportSource = {
    id: 'turkmenportal-com',
    country: 'TM',
    languages: ['rus'],
    timezone: 'Asia/Ashgabat',
  };
  story.tmFirst = await storeReport(db, tm, {
    url: 'https://turkmenportal.example.com/ru/news/9106',
    title: 'В Дашогузе задержан сбытчик наркотиков',
    body: 'Сотрудники полиции Дашогуза задержали сбытчика наркотиков, у которого изъяли 300 граммов героина. Возбуждено уголовное дело о незаконном обороте наркотиков.',
    publishedAt: '2026-11-08T06:00:00Z',
  });
  story.tmSecond = await storeReport(db, tm, {
    url: 'https://turkmenportal.example.com/ru/news/9107',
    title: 'В Мары уничтожены изъятые наркотики',
    body: 'В Марыйском велаяте уничтожено 250 кг наркотических средств, изъятых в ходе операций. Уничтожение прошло в присутствии представителей общественности и прессы.',
    publishedAt: '2026-11-09T06:00:00Z',
  });
  const setup = { id: await userId(db, 'adam'), name: 'setup' };
  await putInOneStory(db, setup, story.kgRu, story.kgKabar, story.kgEn);
  for (const id of [story.uzRu, story.uzEn, story.tmFirst, story.tmSecond]) await giveOwnStory(db, setup, id);
}

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  await seedStories();
  site = await startPageServer({
    '/kg/news/77': {
      body: articlePage(
        'В Бишкеке задержали сбытчика синтетических наркотиков',
        'Сотрудники СБНОН МВД Кыргызстана задержали сбытчика и изъяли 200 граммов мефедрона. Возбуждено уголовное дело о незаконном обороте наркотиков.',
      ),
    },
  });
  app = await startReviewServer(db, { fetchPolicy: { allowHosts: ['127.0.0.1'] } });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await app?.close();
  await site?.close();
});

describe('review workspace in Chromium', () => {
  it('logs in and filters the queue', async () => {
    const login = await newPage();
    await login.goto(`${origin}/login`);
    await shoot(login, 'login');
    const page = await logIn('ana');
    expect(await page.locator('#queue tbody tr').count()).toBeGreaterThanOrEqual(4);
    await page.selectOption('select[name=country]', 'TJ');
    await Promise.all([page.waitForURL(/country=TJ/), page.click('#filters button[type=submit]')]);
    const rows = page.locator('#queue tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-id')).toBe(String(ids.tj));
  });

  it('approves, rejects and opens items with the keyboard alone', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/queue?status=new&country=KZ&sort=date`);
    await shoot(page, 'queue');
    const rows = page.locator('#queue tbody tr');
    const first = Number(await rows.nth(0).getAttribute('data-id'));
    const second = Number(await rows.nth(1).getAttribute('data-id'));
    await page.keyboard.press('a');
    await expect.poll(() => rows.nth(0).locator('.status').textContent()).toBe('approved');
    expect((await statusOf(first)).status).toBe('approved');
    // The cursor moved on to the next row: reject it with a reason.
    expect(await rows.nth(1).getAttribute('class')).toContain('current');
    await page.keyboard.press('r');
    await page.keyboard.type('duplicate of a TV report');
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.nth(1).locator('.status').textContent()).toBe('rejected');
    expect(await statusOf(second)).toMatchObject({
      status: 'rejected',
      reject_reason: 'duplicate of a TV report',
    });
    // The cursor stays on the last row: Enter opens it (in this queue), e jumps to the English title, Enter saves.
    await Promise.all([page.waitForURL(`${origin}/items/${second}?queue=*`), page.keyboard.press('Enter')]);
    const original = (await statusOf(second)).title;
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-title-en');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Courier with heroin detained in Karaganda');
    await Promise.all([page.waitForResponse(`${origin}/items/${second}/edit`), page.keyboard.press('Enter')]);
    await page.waitForLoadState();
    expect(await englishOf(second)).toMatchObject({
      title_en: 'Courier with heroin detained in Karaganda',
      title_en_source: 'analyst',
    });
    // The original headline is kept as harvested, shown beside the English.
    expect((await statusOf(second)).title).toBe(original);
    expect(await page.locator('#original-title').textContent()).toBe(original);
    expect(await page.locator('#audit tbody tr').first().textContent()).toContain('edit');
    await shoot(page, 'item');
  });

  it('approves a story once from the queue: one row, its reports shown with s, the others covered', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/queue?country=KG`);
    const rows = page.locator('#queue tbody tr');
    expect(await rows.count()).toBe(1);
    const row = rows.first();
    expect(Number(await row.getAttribute('data-id'))).toBe(story.kgRu);
    expect(await row.locator('summary').textContent()).toMatch(/: 3 reports · eng, rus · KG · 3 new$/);
    expect(await row.locator('li[data-report]').first().isVisible()).toBe(false);
    await page.keyboard.press('s');
    expect(await row.locator('li[data-report]').first().isVisible()).toBe(true);
    await shoot(page, 'queue-story');
    await page.keyboard.press('a');
    await expect.poll(() => row.locator('td.status').textContent()).toBe('approved');
    expect(await page.locator('#flash').textContent()).toBe(
      `#${story.kgRu} approved; 2 other report(s) of its story covered`,
    );
    for (const id of [story.kgKabar, story.kgEn]) {
      expect(await row.locator(`li[data-report="${id}"] .report-status`).textContent()).toBe('covered');
      expect((await statusOf(id)).status).toBe('covered');
    }
    expect((await statusOf(story.kgRu)).status).toBe('approved');
    // Decided once: the story has left the drafts.
    await page.goto(`${origin}/queue?country=KG`);
    expect(await page.locator('#queue tbody tr').count()).toBe(0);
  });

  it('moves a report into another story with the picker, searching by words of its title', async () => {
    const page = await logIn('bob');
    await page.goto(`${origin}/items/${story.uzEn}`);
    expect(await page.locator('#story').textContent()).toContain('The only report of story');
    await page.keyboard.press('m');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('story-q');
    await page.keyboard.type('таможенники опиума');
    await Promise.all([page.waitForURL(/story_q=/), page.keyboard.press('Enter')]);
    const choices = page.locator('#story-choices input[name=story]');
    expect(await choices.count()).toBe(1);
    await choices.first().check();
    await shoot(page, 'story-picker');
    await Promise.all([page.waitForURL(`${origin}/items/${story.uzEn}#story`), page.click('#story-move')]);
    expect(await page.locator('#story-peers li').first().getAttribute('data-report')).toBe(
      String(story.uzRu),
    );
    const stories = await db.query<{ id: number; story_id: number }>(
      'SELECT id, story_id FROM articles WHERE id = ANY($1::bigint[])',
      [[story.uzRu, story.uzEn]],
    );
    expect(new Set(stories.rows.map((row) => row.story_id)).size).toBe(1);
  });

  it('goes on to the next item of the queue after approving on the item page', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/queue?country=TM`);
    await Promise.all([
      page.waitForURL(`${origin}/items/${story.tmSecond}?queue=*`),
      page.keyboard.press('Enter'),
    ]);
    await Promise.all([
      page.waitForURL(`${origin}/items/${story.tmFirst}?queue=*`),
      page.keyboard.press('a'),
    ]);
    expect(await page.locator('.notice[role=status]').first().textContent()).toBe(
      `#${story.tmSecond} approved.`,
    );
    await Promise.all([page.waitForURL(`${origin}/queue?*`), page.keyboard.press('a')]);
    expect(await page.locator('#queue-notice').textContent()).toBe(
      `#${story.tmFirst} approved. That was the last row of this queue.`,
    );
    expect((await statusOf(story.tmSecond)).status).toBe('approved');
    expect((await statusOf(story.tmFirst)).status).toBe('approved');
  });

  it('tells the second of two analysts editing one item about the conflict, with both versions', async () => {
    const [ana, bob] = [await logIn('ana'), await logIn('bob')];
    for (const page of [ana, bob]) await page.goto(`${origin}/items/${ids.az}`);
    await ana.fill('#edit-title-en', 'Ana: 5 kg of marijuana seized in Baku');
    await Promise.all([ana.waitForURL(`${origin}/items/${ids.az}`), ana.click('#edit-form button')]);
    await bob.fill('#edit-title-en', 'Bob: marijuana seized in Baku');
    const [response] = await Promise.all([
      bob.waitForResponse(`${origin}/items/${ids.az}/edit`),
      bob.click('#edit-form button'),
    ]);
    expect(response.status()).toBe(409);
    const conflict = bob.locator('#conflict');
    await expect.poll(() => conflict.textContent()).toContain('Ana: 5 kg of marijuana seized in Baku');
    expect(await conflict.textContent()).toContain('Bob: marijuana seized in Baku');
    expect(await bob.inputValue('#edit-title-en')).toBe('Bob: marijuana seized in Baku');
    expect((await englishOf(ids.az)).title_en).toBe('Ana: 5 kg of marijuana seized in Baku');
    await shoot(bob, 'conflict');
  });

  it('adds an item by URL from a local site', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/add`);
    await page.fill('#add-form input[name=url]', `${site.origin}/kg/news/77`);
    await shoot(page, 'add-by-url');
    await Promise.all([page.waitForURL(/\/items\/\d+$/), page.click('#add-form button')]);
    expect(await page.locator('h1').textContent()).toBe(
      'В Бишкеке задержали сбытчика синтетических наркотиков',
    );
    expect(await page.locator('#item-body mark').count()).toBeGreaterThan(0);
  });

  it('shows coverage per country', async () => {
    const page = await logIn('olga');
    await page.goto(`${origin}/coverage?month=2026-11`);
    expect(await page.locator('#coverage-chart g[data-country]').count()).toBe(7);
    await shoot(page, 'coverage');
  });

  it('never runs harvested content: no dialog, no policy violation, javascript: links inert', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/queue?q=героин`);
    await page.goto(`${origin}/items/${ids.payload}`);
    expect(await page.locator('h1').textContent()).toBe(SCRIPT_TITLE);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    await page.keyboard.press('o');
    await page.goto(`${origin}/items/${ids.payload}/snapshot`);
    await page.waitForTimeout(300);
    expect(
      contexts.flatMap((context) => context.pages()).every((p) => !p.url().startsWith('javascript:')),
    ).toBe(true);
    expect(dialogs).toEqual([]);
    expect(policyViolations.filter((text) => !text.includes('sandbox'))).toEqual([]);
  });
});
