import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCandidate } from '../../src/db/articles-repo.js';
import { moveToStory } from '../../src/db/item-actions-repo.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import { processArticle } from '../../src/workers/process-article.js';
import { lexicon, PASSWORD, seedUsers, startReviewServer } from '../integration/review-support.js';
import { useMigratedDatabase } from '../support/database.js';

// From harvest to an English release in the browser: English beside the original, taken from the story's English
// report with one key, corrected by hand; one printed item per story with the report the analyst picks; a
// warning that clears once the item has English.
const screenshotDir = process.env.REVIEW_SCREENSHOTS ?? join(tmpdir(), 'review-screenshots');
const db = useMigratedDatabase();
const ids: Record<'ru' | 'en' | 'tj', number> = { ru: 0, en: 0, tj: 0 };
let app: FastifyInstance;
let origin: string;
let browser: Browser;
const contexts: BrowserContext[] = [];

const reports = {
  ru: {
    source: 'polisia-kz-ru',
    languages: ['rus'],
    url: 'https://polisia.example.kz/ru/news/5501',
    title: 'В Шымкенте полицейские изъяли 3,5 кг героина',
    body: 'Сотрудники полиции Шымкента задержали 34-летнего местного жителя. При досмотре его автомобиля изъято 3,5 кг героина. Возбуждено уголовное дело по статье 297 УК РК.',
  },
  en: {
    source: 'inform-kz-en',
    languages: ['eng'],
    url: 'https://inform.example.kz/en/police-seize-3-5-kg-of-heroin-in-shymkent',
    title: 'Police seize 3.5 kg of heroin in Shymkent',
    body: 'Shymkent police detained a 34-year-old local resident and seized 3.5 kg of heroin from his car. A criminal case has been opened under Article 297 of the Criminal Code.',
  },
  tj: {
    source: 'khovar-tj',
    languages: ['rus'],
    url: 'https://khovar.example.tj/ru/2026/11/7701',
    title: 'В Хатлонской области уничтожено 120 кг наркотиков',
    body: 'Агентство по контролю за наркотиками сожгло в Бохтаре 120 кг наркотических средств, изъятых за год. Мероприятие прошло в присутствии представителей общественности.',
  },
} as const;

async function store(key: keyof typeof reports, publishedAt: string): Promise<number> {
  const report = reports[key];
  const [run] = await createRuns(
    db,
    [
      {
        id: report.source,
        config: {
          country: key === 'tj' ? 'TJ' : 'KZ',
          languages: report.languages,
          timezone: 'Asia/Almaty',
          official: key === 'ru',
          limits: { maxAgeDays: 3650 },
        },
      },
    ],
    `english-${key}`,
    'manual',
  );
  const { id } = await insertCandidate(db, {
    sourceId: report.source,
    runId: run!.id,
    url: report.url,
    canonicalUrl: canonicalizeUrl(report.url),
    title: report.title,
    body: report.body,
    publishedAt,
    extraction: {},
  });
  await processArticle({ db, lexicon }, id);
  return id;
}

async function logIn(name: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${origin}/queue`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', PASSWORD);
  await Promise.all([page.waitForURL(/\/queue/), page.click('#login-form button')]);
  return page;
}

const englishOf = async (id: number) =>
  (
    await db.query<Record<string, string | null>>(
      `SELECT title, title_en, title_en_source, body_en, body_en_source, english_url, english_reviewed_by
       FROM articles WHERE id = $1`,
      [id],
    )
  ).rows[0]!;

beforeAll(async () => {
  mkdirSync(screenshotDir, { recursive: true });
  await seedUsers(db);
  ids.ru = await store('ru', '2026-11-18T06:00:00Z');
  ids.en = await store('en', '2026-11-18T09:00:00Z');
  ids.tj = await store('tj', '2026-11-19T07:00:00Z');
  // One event, two reports: the stories stage pairs them; the test does not depend on its judgement.
  const story = (
    await db.query<{ story_id: number }>('SELECT story_id FROM articles WHERE id = $1', [ids.ru])
  ).rows[0]!.story_id;
  const moved = await moveToStory(db, ids.en, story, { id: 0, name: 'setup' });
  if (moved.kind !== 'ok' && !(moved.kind === 'invalid' && /already in story/.test(moved.message))) {
    throw new Error(`could not put the English report in the story: ${moved.kind}`);
  }
  app = await startReviewServer(db);
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await app?.close();
});

describe('English beside the original, in Chromium', () => {
  it('takes the story’s English report with one key, then edits the English by hand', async () => {
    const page = await logIn('ana');
    await page.goto(`${origin}/items/${ids.ru}`);
    expect(await page.locator('#original-title').textContent()).toBe(reports.ru.title);
    const suggestion = page.locator('.suggestion[data-choice=report]');
    expect(await suggestion.locator('.suggested-title').textContent()).toBe(reports.en.title);
    expect(await page.locator('#english-state').textContent()).toBe('no English yet');

    // `e` focuses the English title; `s`, outside a field, takes the first suggestion.
    await page.keyboard.press('e');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('edit-title-en');
    await page.locator('#original').click();
    await Promise.all([page.waitForURL(`${origin}/items/${ids.ru}#english`), page.keyboard.press('s')]);
    await page.waitForLoadState();
    expect(await page.inputValue('#edit-title-en')).toBe(reports.en.title);
    expect(await page.locator('#english-state').textContent()).toBe('from an English report');
    expect(await englishOf(ids.ru)).toMatchObject({
      title: reports.ru.title,
      title_en: reports.en.title,
      title_en_source: 'english-report',
      english_url: reports.en.url,
      english_reviewed_by: 'ana',
    });

    // A correction by hand makes that field the analyst's; the original stays as harvested.
    await page.fill('#edit-body-en', `${reports.en.body} The detainee has been remanded in custody.`);
    await Promise.all([page.waitForURL(`${origin}/items/${ids.ru}`), page.click('#edit-form button')]);
    expect(await page.locator('#body-en-source').textContent()).toBe('written by an analyst');
    expect(await page.locator('#title-en-source').textContent()).toBe('from an English report');
    expect(await englishOf(ids.ru)).toMatchObject({ title: reports.ru.title, body_en_source: 'analyst' });
    expect(await page.locator('#audit').textContent()).toContain('accept_english');
    await page.screenshot({ path: join(screenshotDir, 'item-english.png') });

    // Approving from the item page (`a`); the English report and the Tajik item by the queue's keys.
    for (const id of [ids.ru, ids.en, ids.tj]) {
      if (id !== ids.ru) await page.goto(`${origin}/items/${id}`);
      await Promise.all([page.waitForResponse(`${origin}/items/${id}/approve`), page.keyboard.press('a')]);
      await page.waitForLoadState();
      expect(await page.locator('#item-status').textContent()).toBe('approved');
    }
    // Approved without English of its own, the English report became its own English.
    expect(await englishOf(ids.en)).toMatchObject({
      title_en: reports.en.title,
      title_en_source: 'english-report',
    });
    // The Tajik item has no English report: approval filled in the suggestion made from its own facts, which
    // nobody has reviewed yet.
    expect(await englishOf(ids.tj)).toMatchObject({ title_en_source: 'template', english_reviewed_by: null });
    expect((await englishOf(ids.tj)).title_en).toMatch(/KHATLON.*DESTROYED/);
  });

  it('prints each story once, picks the report to print from, and clears a warning once fixed', async () => {
    const page = await logIn('bob');
    await page.goto(`${origin}/bulletins`);
    await page.fill('input[name=month]', '2026-11');
    await page.fill('input[name=number]', '18');
    await Promise.all([page.waitForURL(`${origin}/bulletins/18`), page.click('form.assemble button')]);
    const items = page.locator('.bulletin-items li');
    expect(await items.count()).toBe(2);
    // The official report represents the story, printing the English taken from the English report.
    const kazakh = page.locator('section[data-country=KZ] .bulletin-items li');
    expect(await kazakh.count()).toBe(1);
    expect(await kazakh.locator('.title').textContent()).toBe(reports.en.title);
    expect(await page.locator('#english-need').textContent()).toContain('1 of 2 item(s) still need English');
    const tajik = page.locator('section[data-country=TJ] .bulletin-items li');
    expect(await tajik.locator('[data-english]').textContent()).toBe('suggestion, not reviewed');
    const unreviewed = page.locator('#warnings li[data-code=unreviewed_english]');
    expect(await unreviewed.count()).toBe(1);
    expect(await page.locator('#warnings li[data-code=no_english_title]').count()).toBe(0);
    // The topics paragraph is English, from the kinds of events of each country.
    expect(await page.locator('form[data-paragraph=topics] textarea').getAttribute('placeholder')).toBe(
      'Published articles contain information about seizures of narcotic drugs (Kazakhstan), on destruction of seized drugs (Tajikistan).',
    );
    await page.screenshot({ path: join(screenshotDir, 'bulletin-english.png'), fullPage: true });

    // The analyst reads the suggestion on the item page and accepts it with `s`: the warning clears.
    await page.goto(`${origin}/items/${ids.tj}`);
    expect(await page.locator('.suggestion').first().getAttribute('data-choice')).toBe('template');
    await Promise.all([page.waitForURL(`${origin}/items/${ids.tj}#english`), page.keyboard.press('s')]);
    await page.waitForLoadState();
    expect(await page.locator('#english-state').textContent()).toBe('accepted suggestion');
    await page.goto(`${origin}/bulletins/18`);
    expect(await unreviewed.count()).toBe(0);
    expect(await page.locator('#english-need').textContent()).toBe('Every item has reviewed English.');

    // The printed item is edited on its own page (title, body, URL, country); the analyst's wording prints.
    await tajik.locator('a.edit-item').click();
    await page.waitForURL(/\/bulletins\/18\/items\/\d+$/);
    await page.fill('#printed-title', 'In Khatlon region, 120 kg of drugs were destroyed');
    await Promise.all([
      page.waitForURL(/\/bulletins\/18\/items\/\d+$/),
      page.click('#bulletin-item-form button'),
    ]);
    expect(await page.locator('#item-warnings-none').count()).toBe(1);
    await page.goto(`${origin}/bulletins/18`);
    expect(await tajik.locator('.title').textContent()).toBe(
      'In Khatlon region, 120 kg of drugs were destroyed',
    );
    expect(await tajik.locator('[data-english]').textContent()).toBe("analyst's English");

    // The story's item can print from the English report instead (its URL then goes out).
    await kazakh.locator('a.edit-item').click();
    await page.waitForURL(/\/bulletins\/18\/items\/\d+$/);
    await page.selectOption('#report-picker', String(ids.en));
    await Promise.all([page.waitForURL(/\/bulletins\/18\/items\/\d+$/), page.click('#report-form button')]);
    await page.goto(`${origin}/bulletins/18`);
    expect(await kazakh.locator('a[href^="https://inform.example.kz"]').count()).toBe(1);
    expect(await items.count()).toBe(2);
  });
});
