import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { insertCandidate, listDrafts } from '../../src/db/articles-repo.js';
import { type Database, openPglite } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrate.js';
import { createRuns } from '../../src/db/runs-repo.js';
import { findEnglishReport, findEnglishReports } from '../../src/db/stories-repo.js';
import { canonicalizeUrl } from '../../src/domain/canonical-url.js';
import type { Country, Language } from '../../src/domain/types.js';
import { processArticle, processArticles } from '../../src/workers/process-article.js';
import { useMigratedDatabase } from '../support/database.js';

const lexicon = loadLexicon('config/keywords.yaml');
const asOf = new Date('2025-09-26T12:00:00Z');

interface Source {
  id: string;
  country: Country;
  languages: Language[];
  official: boolean;
}

const apaAz: Source = { id: 'apa-az', country: 'AZ', languages: ['aze'], official: false };
const apaAzEn: Source = { id: 'apa-az-en', country: 'AZ', languages: ['eng'], official: false };
const reportAzRu: Source = { id: 'report-az-ru', country: 'AZ', languages: ['rus'], official: false };
const trendAzEn: Source = { id: 'trend-az-en', country: 'AZ', languages: ['eng'], official: false };
const sources = [apaAz, apaAzEn, reportAzRu, trendAzEn];

interface Text {
  title: string;
  body: string;
}

// One seizure in Baku told by APA in Azerbaijani, by Report in Russian and by APA in English: the English version
// rounds the amount ("over 4 kg"), writes `Baku's Khatai district` for `Bakının Xətai rayonu` and leaves the
// date out.
const khataiAz: Text = {
  title: 'Bakıda 4 kiloqram heroin aşkarlanıb',
  body:
    'Bakının Xətai rayonunda polis əməkdaşları narkotik vasitələrin qanunsuz dövriyyəsinə qarşı əməliyyat ' +
    'keçiriblər. Əməliyyat zamanı 37 yaşlı şübhəli şəxsin avtomobilindən 4 kiloqram 120 qram heroin aşkarlanaraq ' +
    'götürülüb. Faktla bağlı Cinayət Məcəlləsinin 234.4.3-cü maddəsi ilə cinayət işi başlanılıb.',
};
const khataiRu: Text = {
  title: 'В Баку у 37-летнего водителя изъяли более 4 кг героина',
  body:
    'Сотрудники полиции Хатаинского района Баку провели операцию против незаконного оборота наркотиков. В ходе ' +
    'операции из автомобиля 37-летнего подозреваемого изъято 4 килограмма 120 граммов героина. По статье ' +
    '234.4.3 Уголовного кодекса возбуждено уголовное дело.',
};
const khataiEn: Text = {
  title: 'Over 4 kg of heroin found in Baku',
  body:
    "Police officers carried out an operation against drug trafficking in Baku's Khatai district. More than 4 kg " +
    'of heroin were found in the car of a 37-year-old suspect, APA reports. A criminal case was opened under ' +
    'Article 234.4.3 of the Criminal Code.',
};
// The next day, another seizure in Baku, in English only: other district, person and amounts.
const sabunchuEn: Text = {
  title: "Azerbaijani police seize drugs in Baku's Sabunchu district",
  body:
    'BAKU, Azerbaijan, September 25. Officers of the Main Department for Combating Drug Trafficking of the ' +
    "Interior Ministry detained a 45-year-old resident of Baku's Sabunchu district and seized 9.6 kg of " +
    'marijuana and 310 grams of methamphetamine from his house, the ministry told Trend.',
};

async function sourceRuns(target: Database): Promise<Map<string, number>> {
  const created = await createRuns(
    target,
    sources.map((source) => ({ id: source.id, config: { ...source, limits: { maxAgeDays: 45 } } })),
    'batch-stories-english',
    'test',
    asOf,
  );
  return new Map(created.map((run) => [run.source_id, run.id]));
}

async function store(
  target: Database,
  runs: ReadonlyMap<string, number>,
  source: Source,
  path: string,
  text: Text,
  publishedAt: string,
): Promise<number> {
  const url = `https://${source.id}.example/${path}`;
  const { id } = await insertCandidate(target, {
    sourceId: source.id,
    runId: runs.get(source.id)!,
    url,
    canonicalUrl: canonicalizeUrl(url),
    title: text.title,
    body: text.body,
    publishedAt,
    extraction: {},
  });
  return id;
}

async function draftsById(target: Database) {
  const drafts = await listDrafts(target, {});
  return (id: number) => {
    const row = drafts.find((draft) => draft.id === id);
    if (!row) throw new Error(`article ${id} not listed`);
    return row;
  };
}

describe('an English report and its twins, one at a time on PostgreSQL', () => {
  const db = useMigratedDatabase();
  let runs = new Map<string, number>();

  beforeAll(async () => {
    runs = await sourceRuns(db);
  });

  it('end in one story whose English report is the English member', async () => {
    const az = await store(db, runs, apaAz, 'hadise/bakida-heroin', khataiAz, '2025-09-24T10:35:00Z');
    const ru = await store(
      db,
      runs,
      reportAzRu,
      'ru/proisshestviya/heroin',
      khataiRu,
      '2025-09-24T11:20:00Z',
    );
    const en = await store(db, runs, apaAzEn, 'en/incident/heroin', khataiEn, '2025-09-24T12:10:00Z');
    for (const id of [az, ru, en]) await processArticle({ db, lexicon }, id);

    const row = await draftsById(db);
    expect([az, ru, en].map((id) => row(id).lang)).toEqual(['aze', 'rus', 'eng']);
    const storyId = row(az).story_id!;
    expect(storyId).not.toBeNull();
    expect(row(ru).story_id).toBe(storyId);
    expect(row(en).story_id).toBe(storyId);
    const evidence = await db.query<{ story_evidence: { rule: string; shared: string[] } }>(
      'SELECT story_evidence FROM articles WHERE id = $1',
      [en],
    );
    expect(evidence.rows[0]!.story_evidence.rule).toBe('shared_facts');
    expect(evidence.rows[0]!.story_evidence.shared).toEqual(expect.arrayContaining(['name @baku']));

    expect(await findEnglishReport(db, storyId)).toEqual({
      storyId,
      id: en,
      sourceId: expect.any(String),
      url: 'https://apa-az-en.example/en/incident/heroin',
      title: khataiEn.title,
      body: khataiEn.body,
    });
  });

  it("keeps another day's English report of the same city in its own story", async () => {
    const other = await store(db, runs, trendAzEn, 'en/society/sabunchu', sabunchuEn, '2025-09-25T08:00:00Z');
    await processArticle({ db, lexicon }, other);
    const row = await draftsById(db);
    const khatai = (
      await db.query<{ story_id: number }>("SELECT story_id FROM articles WHERE url LIKE '%bakida-heroin'")
    ).rows[0]!.story_id;
    expect(row(other).story_id).not.toBe(khatai);
    expect((await findEnglishReport(db, row(other).story_id!))?.id).toBe(other);
    expect((await findEnglishReport(db, khatai))?.title).toBe(khataiEn.title);
  });

  it('finds no English report for a story told only in other languages', async () => {
    const ru = await store(
      db,
      runs,
      reportAzRu,
      'ru/proisshestviya/gyandzha',
      {
        title: 'В Гяндже задержаны трое подозреваемых в сбыте наркотиков',
        body:
          'Сотрудники Гянджинского городского главного управления полиции 1 октября задержали троих человек, ' +
          'подозреваемых в сбыте наркотиков. У них изъято 2 килограмма 750 граммов марихуаны и 120 таблеток.',
      },
      '2025-10-02T07:00:00Z',
    );
    await processArticle({ db, lexicon }, ru);
    const storyId = (await draftsById(db))(ru).story_id!;
    expect(await findEnglishReport(db, storyId)).toBeUndefined();
    expect((await findEnglishReports(db, [storyId])).size).toBe(0);
  });
});

describe('an English report and its twins, in one batch on PGlite', () => {
  let embedded: Database;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'stories-english-'));
    embedded = await openPglite(dir);
    await migrate(embedded);
  });

  afterAll(async () => {
    await embedded?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('places them as processing them one at a time does', async () => {
    const runs = await sourceRuns(embedded);
    const ids = [
      await store(embedded, runs, apaAz, 'a', khataiAz, '2025-09-24T10:35:00Z'),
      await store(embedded, runs, apaAzEn, 'b', khataiEn, '2025-09-24T12:10:00Z'),
      await store(embedded, runs, reportAzRu, 'c', khataiRu, '2025-09-24T11:20:00Z'),
      await store(embedded, runs, trendAzEn, 'd', sabunchuEn, '2025-09-25T08:00:00Z'),
    ];
    await processArticles({ db: embedded, lexicon }, ids);
    const row = await draftsById(embedded);
    const [az, en, ru, other] = ids.map(row) as [...ReturnType<typeof row>[]];
    expect(en!.story_id).toBe(az!.story_id);
    expect(ru!.story_id).toBe(az!.story_id);
    expect(other!.story_id).not.toBe(az!.story_id);
    const reports = await findEnglishReports(embedded, [az!.story_id!, other!.story_id!]);
    expect([...reports.values()].map((report) => report.id).sort()).toEqual([en!.id, other!.id].sort());
  });
});
