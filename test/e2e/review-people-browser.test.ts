import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullBoardPlugin } from '../../src/review/bull-board.js';
import { openQueues, type Queues } from '../../src/workers/bullmq-transport.js';
import { PASSWORD, startReviewServer, useReviewDatabase } from '../integration/review-support.js';
import { flushQueuePrefix } from '../support/redis.js';
import { testRedisUrl, uniqueName } from '../support/services.js';

// People management, the activity page and the queue dashboard in Chromium.
// REVIEW_SCREENSHOTS=docs/screenshots refreshes the README's pictures; by default they go to a temporary folder.
const screenshotDir = process.env.REVIEW_SCREENSHOTS ?? join(tmpdir(), 'review-screenshots');

const { db, ids } = useReviewDatabase();
const prefix = uniqueName('review_people_browser');
let queues: Queues;
let app: FastifyInstance;
let origin: string;
let browser: Browser;
const dialogs: string[] = [];
const contexts: BrowserContext[] = [];

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  // The workspace never opens a dialog: one would mean harvested content ran as script.
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return page;
}

async function logIn(name: string, password = PASSWORD): Promise<Page> {
  const page = await newPage();
  await page.goto(`${origin}/queue`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL(/\/queue/), page.click('#login-form button')]);
  return page;
}

const shoot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: false });

const statusOf = async (id: number) =>
  (await db.query<{ status: string }>('SELECT status FROM articles WHERE id = $1', [id])).rows[0]!.status;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  queues = openQueues({ redisUrl: testRedisUrl, prefix });
  // Today's clock: the activity page's "this month" must be the month of the actions the test makes.
  app = await startReviewServer(db, { operatorPlugins: [bullBoardPlugin(queues)], now: () => new Date() });
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
  await queues?.close();
  await flushQueuePrefix(prefix);
});

describe('people management in Chromium', () => {
  it('logs out a user disabled mid-session at the next keystroke, and lets them in again once enabled', async () => {
    const bob = await logIn('bob');
    await bob.goto(`${origin}/queue?status=new&country=KZ&sort=date`);
    const firstId = Number(await bob.locator('#queue tbody tr').first().getAttribute('data-id'));

    const admin = await logIn('adam');
    await admin.goto(`${origin}/users`);
    const bobRow = admin.locator('tr[data-user="bob"]');
    await Promise.all([
      admin.waitForURL(/\/users\/\d+\/disable$/),
      bobRow.locator('.state-form button').click(),
    ]);
    expect(await admin.locator('p.notice').textContent()).toBe('bob disabled: 1 session(s) ended');
    expect(await admin.locator('tr[data-user="bob"] .state-disabled').count()).toBe(1);
    await shoot(admin, 'users');

    // Bob's page is still open: his next action is refused and takes him to the login form.
    await Promise.all([bob.waitForURL(/\/login\?next=/), bob.keyboard.press('a')]);
    expect(new URL(bob.url()).searchParams.get('next')).toBe('/queue?status=new&country=KZ&sort=date');
    expect(await statusOf(firstId)).toBe('new');
    await bob.fill('input[name=name]', 'bob');
    await bob.fill('input[name=password]', PASSWORD);
    await bob.click('#login-form button');
    expect(await bob.locator('p.error').textContent()).toBe('Wrong name or password.');

    await admin.goto(`${origin}/users`);
    await Promise.all([
      admin.waitForURL(/\/users\/\d+\/enable$/),
      admin.locator('tr[data-user="bob"] .state-form button').click(),
    ]);
    expect(await admin.locator('p.notice').textContent()).toBe('bob enabled');
    await bob.fill('input[name=password]', PASSWORD);
    await Promise.all([bob.waitForURL(/\/queue\?status=new/), bob.click('#login-form button')]);
  });

  it('refuses to disable the last admin, in one line on the page', async () => {
    const admin = await logIn('adam');
    await admin.goto(`${origin}/users`);
    await admin.locator('tr[data-user="adam"] .state-form button').click();
    await expect
      .poll(() => admin.locator('p.error').textContent())
      .toBe('adam is the last active admin and cannot be disabled: make another user admin first');
  });

  it('lists actions on the activity page and filters them by person, action and period', async () => {
    const ana = await logIn('ana');
    await ana.goto(`${origin}/queue?status=new&country=KZ&sort=date`);
    await ana.keyboard.press('a');
    await expect.poll(() => ana.locator('#flash').textContent()).toMatch(/approved/);
    const approved = Number(await ana.locator('#queue tbody tr').first().getAttribute('data-id'));
    await ana.goto(`${origin}/items/${ids.tj}`);
    await ana.goto(`${origin}/activity`);
    expect(await ana.locator('#activity-log tbody tr').first().locator('.action').textContent()).toBe(
      'approve',
    );
    // An analyst sees no logins or account changes.
    const actions = await ana.locator('select[name=action] option').allTextContents();
    expect(actions).toContain('approve');
    expect(actions).not.toContain('login');
    expect(actions).not.toContain('disable_user');

    const admin = await logIn('adam');
    await admin.goto(`${origin}/activity`);
    expect(await admin.locator('select[name=action] option').allTextContents()).toContain('disable_user');
    await admin.selectOption('select[name=person]', 'ana');
    await admin.selectOption('select[name=action]', 'approve');
    await Promise.all([
      admin.waitForURL(/person=ana&action=approve/),
      admin.click('#activity-filters button'),
    ]);
    const rows = admin.locator('#activity-log tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('.who').textContent()).toBe('ana');
    expect(await rows.first().locator('.item a').getAttribute('href')).toBe(`/items/${approved}`);
    await shoot(admin, 'activity');

    // A period without this action: nothing.
    await admin.fill('input[name=from]', '2020-01-01');
    await admin.fill('input[name=to]', '2020-01-31');
    await Promise.all([admin.waitForURL(/to=2020-01-31/), admin.click('#activity-filters button')]);
    expect(await admin.locator('#activity-log tbody tr').count()).toBe(0);
    expect(await admin.locator('#activity-total').textContent()).toContain('No entries.');

    // This month's disablings, as a CSV file.
    await admin.goto(`${origin}/activity?action=disable_user`);
    await Promise.all([admin.waitForURL(/from=.*&to=/), admin.click('.periods a >> text=this month')]);
    expect(await admin.locator('#activity-log tbody tr .action').allTextContents()).toEqual(['disable_user']);
    const [download] = await Promise.all([admin.waitForEvent('download'), admin.click('text=Download CSV')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2);
    expect(csv).toContain('"adam","disable_user"');
    expect(dialogs).toEqual([]);
  });

  it('keeps the queue dashboard working: its own buttons send the CSRF token', async () => {
    const operator = await logIn('olga');
    await operator.goto(`${origin}/admin/queues/queue/crawl`);
    await operator.locator('button[aria-haspopup=menu]').last().click();
    await operator.getByRole('menuitem', { name: 'Pause' }).click();
    const [answer] = await Promise.all([
      operator.waitForResponse((response) => response.url().endsWith('/api/queues/crawl/pause')),
      operator.getByRole('alertdialog').getByRole('button', { name: 'Confirm' }).click(),
    ]);
    expect(answer.status()).toBe(200);
    await expect.poll(() => queues.crawl.isPaused(), { timeout: 15_000 }).toBe(true);
    await queues.crawl.resume();
  });
});
