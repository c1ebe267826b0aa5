import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate, listDrafts } from '../../src/db/articles-repo.js';
import { type Database, openPglite } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import type { Country, Language } from '../../src/domain/types.js';
import { processArticle, processArticles } from '../../src/workers/process-article.js';
import { useMigratedDatabase } from '../support/database.js';

const lexicon = loadLexicon('config/keywords.yaml');
const asOf = new Date('2025-09-25T12:00:00Z');

interface Source {
  id: string;
  country: Country;
  languages: Language[];
  official: boolean;
}

const polisiaRu: Source = { id: 'polisia-kz-ru', country: 'KZ', languages: ['rus'], official: true };
const polisiaKz: Source = { id: 'polisia-kz-kz', country: 'KZ', languages: ['kaz'], official: true };
const reportAz: Source = {
  id: 'report-az',
  country: 'AZ',
  languages: ['aze', 'rus', 'eng'],
  official: false,
};
const ministryAz: Source = { id: 'nmdk-gov-az', country: 'AZ', languages: ['aze'], official: true };
const outletKz: Source = { id: 'tengri-kz', country: 'KZ', languages: ['rus'], official: false };

const seizureRu = {
  title: 'В Шымкенте у наркокурьера изъяли 3,5 кг героина',
  body:
    'Сотрудники департамента полиции Туркестанской области 18 сентября задержали 34-летнего жителя Шымкента ' +
    'Ерлана Сапарова. При досмотре его автомобиля изъяли 3,5 кг героина и 240 граммов гашиша. ' +
    'Возбуждено уголовное дело по статье 297 Уголовного кодекса о незаконном обороте наркотиков.',
};
const seizureKz = {
  title: 'Шымкентте есірткі тасымалдаушыдан 3,5 келі героин тәркіленді',
  body:
    'Түркістан облысы полиция департаментінің қызметкерлері 18 қыркүйекте Шымкент қаласының 34 жастағы ' +
    'тұрғыны Ерлан Сапаровты ұстады. Көлігінен 3,5 келі героин мен 240 грамм гашиш тәркіленді. ' +
    'Есірткінің заңсыз айналымы туралы ҚК-нің 297-бабы бойынша қылмыстық іс қозғалды.',
};
const seizureAz = {
  title: 'Bakıda 7 kiloqram heroin aşkarlanıb',
  body:
    'Daxili İşlər Nazirliyinin əməkdaşları sentyabrın 19-da Bakının Sabunçu rayonunda 41 yaşlı Elçin Məmmədovu ' +
    'saxlayıblar. Ondan 7 kiloqram heroin və 350 qram metamfetamin götürülüb. Narkotik vasitələrin qanunsuz ' +
    'dövriyyəsi faktı ilə bağlı cinayət işi başlanıb.',
};
const seizureAzRu = {
  title: 'В Баку изъято 7 килограммов героина',
  body:
    'Сотрудники Министерства внутренних дел 19 сентября задержали в Сабунчинском районе Баку 41-летнего ' +
    'Эльчина Мамедова. У него изъяли 7 килограммов героина и 350 граммов метамфетамина. По факту незаконного ' +
    'оборота наркотиков возбуждено уголовное дело.',
};
const seizureAzEn = {
  title: 'Seven kilograms of heroin seized in Baku',
  body:
    'Officers of the Ministry of Internal Affairs detained 41-year-old Elchin Mammadov in the Sabunchu district ' +
    'of Baku on September 19. Police seized 7 kilograms of heroin and 350 grams of methamphetamine from him. ' +
    'A criminal case on drug trafficking has been opened.',
};
// Another heroin seizure in Shymkent on the same day: same template, other person and amount.
const otherSeizureRu = {
  title: 'В Шымкенте у наркокурьера изъяли героин',
  body:
    'Сотрудники департамента полиции Туркестанской области 18 сентября задержали 27-летнего жителя Шымкента ' +
    'Армана Нурланова. При досмотре его автомобиля изъяли 900 граммов героина. ' +
    'Возбуждено уголовное дело по статье 296 Уголовного кодекса о незаконном обороте наркотиков.',
};

const db = useMigratedDatabase();
let runs = new Map<string, number>();
/** The Russian release of polisia.kz, the first story's first member. */
let shymkentRelease: number;

beforeAll(async () => {
  runs = await createSourceRuns(db);
});

/** One crawl run per source, as of the test's reference time: source id → run id. */
async function createSourceRuns(target: Database): Promise<Map<string, number>> {
  const sources = [polisiaRu, polisiaKz, reportAz, ministryAz, outletKz];
  const created = await createRuns(
    target,
    sources.map((source) => ({ id: source.id, config: { ...source, limits: { maxAgeDays: 45 } } })),
    'batch-stories',
    'test',
    asOf,
  );
  return new Map(created.map((run) => [run.source_id, run.id]));
}

async function storeIn(
  target: Database,
  sourceRuns: ReadonlyMap<string, number>,
  source: Source,
  path: string,
  text: { title: string; body: string },
  publishedAt: string | null,
) {
  const url = `https://${source.id}.example/${path}`;
  const { id } = await insertCandidate(target, {
    sourceId: source.id,
    runId: sourceRuns.get(source.id)!,
    url,
    canonicalUrl: canonicalizeUrl(url),
    title: text.title,
    body: text.body,
    publishedAt,
    extraction: {},
  });
  return id;
}

const store = (
  source: Source,
  path: string,
  text: { title: string; body: string },
  publishedAt: string | null,
) => storeIn(db, runs, source, path, text, publishedAt);

async function storyRow(id: number) {
  const drafts = await listDrafts(db, {});
  const row = drafts.find((draft) => draft.id === id);
  if (!row) throw new Error(`article ${id} not listed`);
  return row;
}

const processOne = (id: number) => processArticle({ db, lexicon }, id);

describe('stories through processArticle', () => {
  it('folds the Russian and Kazakh versions of one release into one story', async () => {
    const ru = await store(polisiaRu, 'ru/shymkent', seizureRu, '2025-09-18T10:00:00Z');
    const kz = await store(polisiaKz, 'kz/shymkent', seizureKz, '2025-09-18T10:05:00Z');
    shymkentRelease = ru;
    await processOne(ru);
    await processOne(kz);
    const [first, second] = [await storyRow(ru), await storyRow(kz)];
    expect(first).toMatchObject({ status: 'new', lang: 'rus', story_size: 2, story_primary_id: ru });
    expect(second).toMatchObject({ status: 'new', lang: 'kaz', story_id: first.story_id, story_size: 2 });
    const evidence = await db.query<{ story_evidence: { rule: string; with: number } }>(
      'SELECT story_evidence FROM articles WHERE id = $1',
      [kz],
    );
    expect(evidence.rows[0]!.story_evidence).toMatchObject({ rule: 'shared_facts', with: ru });
  });

  it('finds the story of an undated copy through the facts of the weeks before it was found', async () => {
    // A retelling of the release on an outlet that shows no date, found a week later (the run's reference time).
    const retelling = {
      title: 'Житель Шымкента попался с 3,5 кг героина',
      body:
        'Как сообщает пресс-служба полиции, 18 сентября в Шымкенте был задержан Ерлан Сапаров, 34 года. ' +
        'В машине мужчины нашли 3,5 кг героина и ещё 240 граммов гашиша. Дело заведено по статье 297 УК.',
    };
    const undated = await store(outletKz, 'news/shymkent-retold', retelling, null);
    await processOne(undated);
    const [row, release] = [await storyRow(undated), await storyRow(shymkentRelease)];
    expect(row.published_at).toBeNull();
    expect(row.story_id).toBe(release.story_id);
    const evidence = await db.query<{ story_evidence: unknown }>(
      'SELECT story_evidence FROM articles WHERE id = $1',
      [undated],
    );
    expect(evidence.rows[0]!.story_evidence).toMatchObject({ rule: 'shared_facts' });
  });

  it('keeps a look-alike seizure of the same day in a story of its own', async () => {
    const other = await store(polisiaRu, 'ru/shymkent-2', otherSeizureRu, '2025-09-18T15:00:00Z');
    await processOne(other);
    const row = await storyRow(other);
    const [known] = await db
      .query<{ story_id: number }>("SELECT story_id FROM articles WHERE canonical_url LIKE '%ru/shymkent'")
      .then((result) => result.rows);
    expect(row.story_id).not.toBeNull();
    expect(row.story_id).not.toBe(known!.story_id);
    expect(row.story_size).toBe(1);
  });

  it('counts an exact repost on another site as one more source of the story', async () => {
    const repost = await store(outletKz, 'news/shymkent', seizureRu, '2025-09-18T12:00:00Z');
    await processOne(repost);
    const row = await storyRow(repost);
    expect(row).toMatchObject({ status: 'filtered', filter_reason: 'duplicate', story_size: 3 });
  });

  it("joins three languages of report.az and makes the ministry's own copy the primary item", async () => {
    const az = await store(reportAz, 'az/heroin', seizureAz, '2025-09-19T08:00:00Z');
    const ru = await store(reportAz, 'ru/heroin', seizureAzRu, '2025-09-19T08:30:00Z');
    const en = await store(reportAz, 'en/heroin', seizureAzEn, '2025-09-19T09:00:00Z');
    for (const id of [az, ru, en]) await processOne(id);
    const rows = await Promise.all([az, ru, en].map(storyRow));
    expect(rows.map((row) => row.lang)).toEqual(['aze', 'rus', 'eng']);
    expect(new Set(rows.map((row) => row.story_id)).size).toBe(1);
    expect(rows[2]).toMatchObject({ story_size: 1, story_primary_id: az });

    const ministry = await store(ministryAz, 'xeber/heroin', seizureAz, '2025-09-19T11:00:00Z');
    await processOne(ministry);
    expect(await storyRow(en)).toMatchObject({ story_size: 2, story_primary_id: ministry });
  });

  it('assigns one story to copies processed at the same moment by two workers', async () => {
    // Another seizure, two days later: other amount and date, so it must not join the first story.
    const variant = (text: typeof seizureRu) => ({
      title: text.title.replaceAll('3,5', '4,5'),
      body: text.body.replaceAll('3,5', '4,5').replaceAll('18 ', '20 '),
    });
    const ru = await store(outletKz, 'news/parallel', variant(seizureRu), '2025-09-20T10:00:00Z');
    const kz = await store(polisiaKz, 'kz/parallel', variant(seizureKz), '2025-09-20T10:00:00Z');
    await Promise.all([processOne(ru), processOne(kz)]);
    const [a, b, first] = [await storyRow(ru), await storyRow(kz), await storyRow(shymkentRelease)];
    expect(a.story_id).not.toBeNull();
    expect(a.story_id).not.toBe(first.story_id);
    expect(b.story_id).toBe(a.story_id);
    expect(b.story_primary_id).toBe(kz);
  });

  it('leaves items filtered as not relevant outside stories', async () => {
    const weather = await store(
      outletKz,
      'news/weather',
      {
        title: 'В Шымкенте 18 сентября ожидается жара',
        body: 'Синоптики Туркестанской области обещают 34 градуса тепла в Шымкенте и 3,5 мм осадков.',
      },
      '2025-09-18T07:00:00Z',
    );
    await processOne(weather);
    expect(await storyRow(weather)).toMatchObject({
      filter_reason: 'not_relevant',
      story_id: null,
      story_size: null,
    });
  });
});

describe('stories through processArticles, in one batch on PGlite', () => {
  let embedded: Database;
  let dir: string;
  let embeddedRuns = new Map<string, number>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stories-batch-'));
    embedded = await openPglite(dir);
    await migrate(embedded);
    embeddedRuns = await createSourceRuns(embedded);
  });

  afterAll(async () => {
    await embedded?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('places every article as processing them one at a time does', async () => {
    const scenario: Array<[Source, { title: string; body: string }, string]> = [
      [polisiaRu, seizureRu, '2025-09-18T10:00:00Z'],
      [polisiaKz, seizureKz, '2025-09-18T10:05:00Z'],
      [polisiaRu, otherSeizureRu, '2025-09-18T15:00:00Z'],
      [outletKz, seizureRu, '2025-09-18T12:00:00Z'],
      [reportAz, seizureAz, '2025-09-19T08:00:00Z'],
      [reportAz, seizureAzRu, '2025-09-19T08:30:00Z'],
      [reportAz, seizureAzEn, '2025-09-19T09:00:00Z'],
      [ministryAz, seizureAz, '2025-09-19T11:00:00Z'],
    ];
    const ids: number[] = [];
    for (const [index, [source, text, publishedAt]] of scenario.entries()) {
      ids.push(await storeIn(embedded, embeddedRuns, source, `batch/${index}`, text, publishedAt));
    }
    await processArticles({ db: embedded, lexicon }, ids);
    const drafts = await listDrafts(embedded, {});
    const row = (id: number) => drafts.find((draft) => draft.id === id)!;
    const [ru, kz, other, repost, az, azRu, azEn, ministry] = ids.map(row) as [...ReturnType<typeof row>[]];
    expect(kz).toMatchObject({ story_id: ru!.story_id, story_primary_id: ru!.id });
    expect(other!.story_id).not.toBe(ru!.story_id);
    expect(repost).toMatchObject({ filter_reason: 'duplicate', story_id: ru!.story_id, story_size: 3 });
    expect(new Set([az, azRu, azEn, ministry].map((item) => item!.story_id)).size).toBe(1);
    expect(az).toMatchObject({ story_size: 2, story_primary_id: ministry!.id });
    expect(ministry).toMatchObject({ filter_reason: 'duplicate' });
  });
});
