import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBulletin, loadBulletin } from '../../src/bulletin/export.js';
import { importRelease } from '../../src/bulletin/import-release.js';
import { parseRelease } from '../../src/bulletin/parse-release.js';
import { filterUnknownUrls, insertCandidate } from '../../src/db/articles-repo.js';
import {
  listBulletinItems,
  reorderBulletinItems,
  updateBulletinItem,
  updateBulletinTexts,
} from '../../src/db/bulletins-repo.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import {
  docxParagraphs,
  MEMBER_STATES_IN_HOUSE_ORDER,
  readZipEntries,
  seedReleasePath,
} from '../support/bulletin.js';
import { useMigratedDatabase } from '../support/database.js';

const db = useMigratedDatabase();
const seed = parseRelease(readFileSync(seedReleasePath(), 'utf8'));

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const result = await db.query<{ n: number }>(sql, params);
  return result.rows[0]?.n ?? 0;
}

describe('importing release #17', () => {
  let harvestedId: number;

  beforeAll(async () => {
    // Harvested earlier under another spelling of the same address: the import must link to it.
    const url = 'http://nmdk.gov.az/page/post/3428';
    const stored = await insertCandidate(db, {
      sourceId: 'nmdk-gov-az',
      runId: null,
      url,
      canonicalUrl: canonicalizeUrl(url),
      title: 'Abşeron rayonunda təlim keçirilib',
      body: 'Mətn',
      publishedAt: '2025-08-29T10:00:00Z',
      extraction: {},
    });
    harvestedId = stored.id;
    await db.query(`UPDATE articles SET status = 'new' WHERE id = $1`, [harvestedId]);
  });

  it('stores 33 items, links the harvested article and creates published articles for the rest', async () => {
    const summary = await importRelease(db, seed);
    expect(summary).toMatchObject({ number: 17, items: 33, createdArticles: 32, linkedArticles: 1 });
    const harvested = await db.query<{ status: string }>('SELECT status FROM articles WHERE id = $1', [
      harvestedId,
    ]);
    expect(harvested.rows[0]?.status).toBe('published');
    expect(await count(`SELECT count(*)::int AS n FROM articles WHERE status = 'published'`)).toBe(33);
    expect(await count(`SELECT count(*)::int AS n FROM articles WHERE source_id = 'bulletin-17'`)).toBe(32);
    const items = await listBulletinItems(db, summary.bulletinId);
    expect(items.find((item) => item.article_id === harvestedId)?.title).toBe(
      'TRAINING CONDUCTED IN ABSHERON DISTRICT',
    );
  });

  it('makes every item a known URL, so crawls never fetch or propose it again', async () => {
    const canonical = seed.items.map((item) => canonicalizeUrl(item.url as string));
    expect([...(await filterUnknownUrls(db, canonical))]).toEqual([]);
    expect(await count(`SELECT count(*)::int AS n FROM articles WHERE status = 'new'`)).toBe(0);
  });

  it('changes nothing when the same release is imported again', async () => {
    const again = await importRelease(db, seed);
    expect(again).toMatchObject({ items: 33, createdArticles: 0, linkedArticles: 33 });
    expect(await count('SELECT count(*)::int AS n FROM articles')).toBe(33);
    expect(await count('SELECT count(*)::int AS n FROM bulletin_items')).toBe(33);
    expect(await count('SELECT count(*)::int AS n FROM bulletins')).toBe(1);
  });

  it('re-exports as Markdown that parses back into the same release', async () => {
    const exported = await exportBulletin(db, { number: 17, format: 'md' });
    expect(exported.contentType).toBe('text/markdown; charset=utf-8');
    expect(exported.fileName).toBe('caricc-release-17-2025-09-en.md');
    const reparsed = parseRelease(exported.bytes.toString('utf8'));
    expect(reparsed.items).toEqual(seed.items);
    expect(reparsed.countsLine).toBe(seed.countsLine);
    expect(reparsed.number).toBe(17);
    expect(reparsed.period).toEqual(seed.period);
    // The two Tajik items were printed with their Russian headlines; the harvested copy of the first item
    // says it was published on 29 August.
    expect(exported.warnings.map((warning) => warning.code).sort()).toEqual([
      'no_english_title',
      'no_english_title',
      'outside_period',
    ]);
  });

  it('re-exports as a Word document with title page, contents, page numbers, headings, titles and URLs', async () => {
    const exported = await exportBulletin(db, { number: 17, format: 'docx' });
    expect(exported.bytes.subarray(0, 2).toString()).toBe('PK');
    const entries = readZipEntries(exported.bytes);
    const documentXml = entries.get('word/document.xml')?.toString('utf8') ?? '';
    expect(documentXml).toContain('PAGEREF country-az');
    const footers = [...entries.keys()].filter((name) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers.map((name) => entries.get(name)?.toString('utf8')).join('')).toMatch(/PAGE/);
    expect(entries.get('[Content_Types].xml')?.toString('utf8')).toContain(
      'wordprocessingml.document.main+xml',
    );
    const paragraphs = docxParagraphs(documentXml);
    expect(paragraphs.slice(0, 10)).toContain('INFORMATION RELEASE');
    expect(paragraphs).toContain('#17');
    expect(paragraphs).toContain('EDITORIAL ADDRESS:');
    expect(paragraphs).toContain(seed.countsLine);
    for (const item of seed.items) expect(paragraphs).toContain(`<${item.url}>`);
    const reparsed = parseRelease(paragraphs.join('\n\n'));
    expect(reparsed.items).toEqual(seed.items);
    expect(reparsed.contents.map((entry) => entry.country)).toEqual(MEMBER_STATES_IN_HOUSE_ORDER);
  });
});

describe('assembling bulletin #18 from approved drafts', () => {
  async function draft(fields: {
    url: string;
    title: string;
    country: string;
    lang: string;
    status: string;
    publishedAt: string | null;
    runId: number;
  }): Promise<number> {
    const { id } = await insertCandidate(db, {
      sourceId: 'test',
      runId: fields.runId,
      url: fields.url,
      canonicalUrl: canonicalizeUrl(fields.url),
      title: fields.title,
      body: `Text of ${fields.title}.`,
      publishedAt: fields.publishedAt,
      extraction: {},
    });
    await db.query('UPDATE articles SET country = $2, lang = $3, status = $4 WHERE id = $1', [
      id,
      fields.country,
      fields.lang,
      fields.status,
    ]);
    return id;
  }

  const ids: Record<string, number> = {};

  beforeAll(async () => {
    const [almaty, moscow] = await createRuns(
      db,
      [
        { id: 'kz-source', config: { id: 'kz-source', timezone: 'Asia/Almaty' } },
        { id: 'ru-source', config: { id: 'ru-source', timezone: 'Europe/Moscow' } },
      ],
      'bulletin-test',
      'test',
    );
    const kz = almaty?.id ?? 0;
    const ru = moscow?.id ?? 0;
    ids.early = await draft({
      url: 'https://polisia.kz/ru/a',
      title: 'Raid in Astana',
      country: 'KZ',
      lang: 'eng',
      status: 'approved',
      publishedAt: '2025-10-03T05:00:00Z',
      runId: kz,
    });
    ids.late = await draft({
      url: 'https://polisia.kz/ru/b',
      title: 'Forum in Atyrau',
      country: 'KZ',
      lang: 'eng',
      status: 'approved',
      publishedAt: '2025-10-20T05:00:00Z',
      runId: kz,
    });
    ids.russian = await draft({
      url: 'https://мвд.рф/news/1',
      title: 'Лекция в Смоленске',
      country: 'RU',
      lang: 'rus',
      status: 'approved',
      publishedAt: '2025-10-31T20:30:00Z',
      runId: ru,
    });
    // 1 November in Almaty already: outside October.
    ids.november = await draft({
      url: 'https://polisia.kz/ru/c',
      title: 'Night raid',
      country: 'KZ',
      lang: 'eng',
      status: 'approved',
      publishedAt: '2025-10-31T20:30:00Z',
      runId: kz,
    });
    ids.abroad = await draft({
      url: 'https://polisia.kz/ru/d',
      title: 'Seizure abroad',
      country: 'other',
      lang: 'eng',
      status: 'approved',
      publishedAt: '2025-10-10T05:00:00Z',
      runId: kz,
    });
    ids.rejected = await draft({
      url: 'https://polisia.kz/ru/e',
      title: 'Not about drugs',
      country: 'KZ',
      lang: 'eng',
      status: 'rejected',
      publishedAt: '2025-10-10T05:00:00Z',
      runId: kz,
    });
    ids.undated = await draft({
      url: 'https://polisia.kz/ru/f',
      title: 'Undated',
      country: 'KZ',
      lang: 'eng',
      status: 'approved',
      publishedAt: null,
      runId: kz,
    });
    await db.query(
      `UPDATE articles SET body_en = 'An English summary.', body_en_source = 'analyst' WHERE id = $1`,
      [ids.russian],
    );
  });

  it('takes the approved drafts of the period by their source calendar, grouped and counted', async () => {
    const { bulletin, warnings } = await loadBulletin(db, { number: 18, period: '2025-10' });
    expect(bulletin.period).toEqual({ from: '2025-10-01', to: '2025-10-31' });
    expect(
      bulletin.sections.map((section) => [section.country, section.items.map((item) => item.articleId)]),
    ).toEqual([
      ['KZ', [ids.early, ids.late]],
      ['RU', [ids.russian]],
    ]);
    expect(bulletin.other.map((item) => item.articleId)).toEqual([ids.abroad]);
    expect(bulletin.sections[1]?.items[0]?.body).toBe('An English summary.');
    expect(bulletin.countsLine).toContain(
      'covered 3 events in the counter-narcotics field (Kazakhstan - 2, Russia - 1).',
    );
    const codes = warnings.map((warning) => warning.code);
    expect(codes).toContain('no_english_title');
    expect(codes).toContain('other_country');
    expect(codes).toContain('undated_draft');
    expect(codes.filter((code) => code === 'empty_country')).toHaveLength(5);
  });

  it('follows the analyst order, an edited English title, and drops drafts that are no longer approved', async () => {
    const loaded = await loadBulletin(db, { number: 18 });
    const kazakh = loaded.bulletin.sections[0]?.items ?? [];
    const bulletinId =
      (await db.query<{ id: number }>('SELECT id FROM bulletins WHERE number = 18')).rows[0]?.id ?? 0;
    await reorderBulletinItems(db, bulletinId, [kazakh[1]?.id ?? 0, kazakh[0]?.id ?? 0]);
    const russianItem = loaded.bulletin.sections[1]?.items[0]?.id ?? 0;
    await updateBulletinItem(db, russianItem, { title: 'Lecture in Smolensk' });
    await db.query(`UPDATE articles SET status = 'rejected' WHERE id = $1`, [ids.abroad]);

    const exported = await exportBulletin(db, { number: 18, format: 'md' });
    const reparsed = parseRelease(exported.bytes.toString('utf8'));
    expect(reparsed.items.map((item) => [item.country, item.title])).toEqual([
      ['KZ', 'FORUM IN ATYRAU'],
      ['KZ', 'RAID IN ASTANA'],
      ['RU', 'LECTURE IN SMOLENSK'],
    ]);
    expect(reparsed.items.map((item) => item.url)).toEqual([
      'https://polisia.kz/ru/b',
      'https://polisia.kz/ru/a',
      'https://мвд.рф/news/1',
    ]);
    expect(exported.warnings.map((warning) => warning.code)).not.toContain('no_english_title');
    expect(exported.bulletin.other).toEqual([]);
  });

  it('prints the analyst wording of the opening paragraphs and their country order', async () => {
    const bulletinId =
      (await db.query<{ id: number }>('SELECT id FROM bulletins WHERE number = 18')).rows[0]?.id ?? 0;
    await updateBulletinTexts(db, bulletinId, { topics: 'Raids and lectures.', countryOrder: ['RU', 'KZ'] });
    const edited = await loadBulletin(db, { number: 18 });
    expect(edited.bulletin.topics).toBe('Raids and lectures.');
    expect(edited.bulletin.sections.map((section) => section.country)).toEqual(['RU', 'KZ']);
    expect(edited.bulletin.countsLine).toContain('(Russia - 1, Kazakhstan - 2)');
    await updateBulletinTexts(db, bulletinId, { topics: null, countryOrder: null });
    const restored = await loadBulletin(db, { number: 18 });
    expect(restored.bulletin.sections.map((section) => section.country)).toEqual(['KZ', 'RU']);
    expect(restored.bulletin.topics).toMatch(/^Published articles contain information about \S/);
  });

  it('refuses a number whose bulletin covers another period', async () => {
    await expect(loadBulletin(db, { number: 17, period: '2025-10' })).rejects.toThrow(
      'bulletin #17 covers 2025-09-01…2025-09-30, not 2025-10-01…2025-10-31',
    );
  });

  it('numbers a bulletin of a new period after the last one', async () => {
    const { bulletin } = await loadBulletin(db, { period: '2025-11' });
    expect(bulletin.number).toBe(19);
    expect(bulletin.sections.flatMap((section) => section.items.map((item) => item.articleId))).toEqual([
      ids.november,
    ]);
  });
});
