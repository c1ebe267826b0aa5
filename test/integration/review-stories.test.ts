import type { FastifyInstance, InjectOptions } from 'fastify';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useMigratedDatabase } from '../support/database.js';
import {
  giveOwnStory,
  login,
  putInOneStory,
  type ReportSource,
  type Session,
  seedUsers,
  startReviewServer,
  storeReport,
  userId,
} from './review-support.js';

// Issue 16, stories first: one queue row per story, a decision that covers a story's other reports, the story
// picker, "next" after a decision, bulk actions confirmed (and saying when nothing changed), items pasted by hand
// through the stages, and dates on the source's clock.
const db = useMigratedDatabase();
let app: FastifyInstance;
let ana: Session;

const sources: Record<string, ReportSource> = {
  police: { id: 'polisia-kz-ru', country: 'KZ', languages: ['rus'], timezone: 'Asia/Almaty', official: true },
  tengri: { id: 'tengrinews-kz', country: 'KZ', languages: ['rus'], timezone: 'Asia/Almaty' },
  inform: { id: 'inform-kz-en', country: 'KZ', languages: ['eng'], timezone: 'Asia/Almaty' },
  kaztag: { id: 'kaztag-kz', country: 'KZ', languages: ['rus'], timezone: 'Asia/Almaty' },
  report: { id: 'report-az-ru', country: 'AZ', languages: ['rus'], timezone: 'Asia/Baku' },
  dialog: { id: 'dialog-tj', country: 'TJ', languages: ['rus'], timezone: 'Asia/Dushanbe' },
  kg: { id: '24-kg', country: 'KG', languages: ['rus'], timezone: 'Asia/Bishkek' },
  kgEn: { id: '24-kg-en', country: 'KG', languages: ['eng'], timezone: 'Asia/Bishkek' },
};

const ids = {} as Record<
  | 'kzOfficial'
  | 'kzRepost'
  | 'kzEnglish'
  | 'az'
  | 'tj'
  | 'tjOther'
  | 'kgRu'
  | 'kgEn'
  | 'football'
  | 'weather',
  number
>;

const store = (source: ReportSource, article: Parameters<typeof storeReport>[2]) =>
  storeReport(db, source, article);
/** The actor of the set-up's moves (an admin's account: the audit log names real users). */
const setup = { id: 0, name: 'setup' };
const oneStory = (first: number, ...others: number[]) => putInOneStory(db, setup, first, ...others);
const ownStory = (id: number) => giveOwnStory(db, setup, id);

const articleOf = async (id: number) =>
  (
    await db.query<{
      status: string;
      covered_by: number | null;
      story_id: number | null;
      published_at: Date | null;
      source_id: string;
      lang: string | null;
      country: string | null;
      filter_reason: string | null;
      extraction: Record<string, unknown>;
      matched: unknown[];
    }>(
      `SELECT status, covered_by, story_id, published_at, source_id, lang, country, filter_reason, extraction,
         matched FROM articles WHERE id = $1`,
      [id],
    )
  ).rows[0]!;

const as = (session: Session, options: InjectOptions): InjectOptions => ({
  ...options,
  headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, ...options.headers },
});

const formPost = (url: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams({ _csrf: ana.csrf });
  for (const [key, value] of Object.entries(fields)) {
    for (const one of Array.isArray(value) ? value : [value]) body.append(key, one);
  }
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: ana.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
};

const pageOf = async (url: string) => {
  const response = await app.inject(as(ana, { url }));
  expect(response.statusCode, url).toBe(200);
  return parseHTML(response.body).document;
};

const api = async (url: string) => (await app.inject(as(ana, { url }))).json();

interface Row {
  id: number;
  story_id: number | null;
  status: string;
  timezone: string | null;
  reports: Array<{ id: number; lang: string; status: string; covered_by: number | null }>;
}

beforeAll(async () => {
  await seedUsers(db);
  setup.id = await userId(db, 'adam');
  ids.kzOfficial = await store(sources.police!, {
    url: 'https://polisia.example.kz/ru/news/8801',
    title: 'В Шымкенте полицейские изъяли 3,5 кг героина',
    body: 'Сотрудники полиции Шымкента задержали 34-летнего местного жителя. При досмотре его автомобиля изъято 3,5 кг героина. Возбуждено уголовное дело по статье 297 УК РК.',
    publishedAt: '2026-11-18T06:00:00Z',
  });
  ids.kzRepost = await store(sources.tengri!, {
    url: 'https://tengrinews.example.kz/kazakhstan_news/8802',
    title: 'Почти четыре килограмма героина нашли в машине жителя Шымкента',
    body: 'Полицейские Шымкента остановили автомобиль 34-летнего горожанина и нашли в нём 3,5 кг героина, сообщили в департаменте полиции. Задержанный водворён в ИВС, начато расследование.',
    publishedAt: '2026-11-18T08:00:00Z',
  });
  ids.kzEnglish = await store(sources.inform!, {
    url: 'https://inform.example.kz/en/police-seize-heroin-in-shymkent-8803',
    title: 'Police seize 3.5 kg of heroin in Shymkent',
    body: 'Shymkent police detained a 34-year-old local resident and seized 3.5 kg of heroin from his car. A criminal case has been opened under Article 297 of the Criminal Code.',
    publishedAt: '2026-11-18T09:00:00Z',
  });
  // 21:30 UTC on the 11th: the 12th in Baku.
  ids.az = await store(sources.report!, {
    url: 'https://report.example.az/ru/incident/8804',
    title: 'В Баку изъято 5 килограммов марихуаны',
    body: 'Сотрудники МВД Азербайджана в Баку задержали наркоторговца, при обыске изъято пять килограммов марихуаны и метамфетамин. Возбуждено уголовное дело.',
    publishedAt: '2026-11-11T21:30:00Z',
  });
  ids.tj = await store(sources.dialog!, {
    url: 'https://dialog.example.tj/ru/news/8805',
    title: 'В Душанбе задержан наркокурьер с гашишем',
    body: 'Агентство по контролю за наркотиками задержало жителя Душанбе, у которого изъяли три килограмма гашиша. Наркотики направлены на экспертизу, возбуждено уголовное дело.',
    publishedAt: '2026-11-12T09:30:00Z',
  });
  ids.tjOther = await store(sources.dialog!, {
    url: 'https://dialog.example.tj/ru/news/8806',
    title: 'В Хатлонской области уничтожено 120 кг наркотиков',
    body: 'Агентство по контролю за наркотиками сожгло в Бохтаре 120 кг наркотических средств, изъятых за год. Мероприятие прошло в присутствии представителей общественности.',
    publishedAt: '2026-11-19T07:00:00Z',
  });
  ids.kgRu = await store(sources.kg!, {
    url: 'https://24.example.kg/proisshestvija/8807',
    title: 'В Бишкеке у 40-летнего мужчины изъяли 2 кг гашиша',
    body: 'Сотрудники СБНОН МВД задержали в Бишкеке 40-летнего мужчину, у которого изъяли 2 кг гашиша. Возбуждено уголовное дело по факту незаконного оборота наркотиков.',
    publishedAt: '2026-11-17T05:00:00Z',
  });
  ids.kgEn = await store(sources.kgEn!, {
    url: 'https://24.example.kg/english/8808',
    title: 'Two kilograms of hashish seized from 40-year-old man in Bishkek',
    body: 'Officers of the Drug Control Service detained a 40-year-old man in Bishkek and seized 2 kg of hashish from him. A criminal case on illegal drug trafficking has been opened.',
    publishedAt: '2026-11-17T07:00:00Z',
  });
  ids.football = await store(sources.police!, {
    url: 'https://polisia.example.kz/ru/news/8809',
    title: 'В Астане прошёл турнир по футболу среди полицейских',
    body: 'Команды полицейских из всех регионов страны сыграли в финале турнира по футболу в Астане. Победителям вручили кубок.',
    publishedAt: '2026-11-14T10:00:00Z',
  });
  ids.weather = await store(sources.tengri!, {
    url: 'https://tengrinews.example.kz/weather/8810',
    title: 'Синоптики обещают снег и гололёд на севере Казахстана',
    body: 'В ближайшие три дня на севере и в центре страны ожидаются снег, метель и гололёд, ночью до 20 градусов мороза.',
    publishedAt: '2026-11-15T03:00:00Z',
  });
  await oneStory(ids.kzOfficial, ids.kzRepost, ids.kzEnglish);
  for (const id of [ids.az, ids.tj, ids.tjOther, ids.kgRu, ids.kgEn]) await ownStory(id);
  app = await startReviewServer(db);
  ana = await login(app, 'ana');
});

afterAll(async () => {
  await app?.close();
});

describe('the queue, stories first', () => {
  it('opens on the drafts waiting for a decision, one row per story with its reports', async () => {
    expect((await articleOf(ids.football)).status).toBe('filtered');
    const queue = await api('/api/queue');
    const rows = queue.rows as Row[];
    const story = rows.find((row) => row.id === ids.kzOfficial)!;
    // The official report is the story's primary; the two others are in its row, not rows of their own.
    expect(story.reports.map((report) => report.id).sort()).toEqual(
      [ids.kzOfficial, ids.kzRepost, ids.kzEnglish].sort(),
    );
    expect(rows.map((row) => row.id).sort()).toEqual(
      [ids.kzOfficial, ids.az, ids.tj, ids.tjOther, ids.kgRu, ids.kgEn].sort(),
    );
    expect(queue.total).toBe(6);
    // Every report, one per line, is still there for the API.
    expect((await api('/api/items')).total).toBe(8);

    const document = await pageOf('/queue');
    expect(document.querySelector('select[name=status] option[selected]')!.getAttribute('value')).toBe('new');
    const row = document.querySelector(`#queue tr[data-id="${ids.kzOfficial}"]`)!;
    expect(row.querySelector('summary')!.textContent).toBe(
      `Story #${story.story_id}: 3 reports · eng, rus · KZ · 3 new`,
    );
    expect(
      [...row.querySelectorAll('li[data-report]')].map((li) => Number(li.getAttribute('data-report'))),
    ).toEqual([ids.kzOfficial, ids.kzRepost, ids.kzEnglish]);
    expect(document.querySelectorAll('#queue tbody tr')).toHaveLength(6);
  });

  it('shows every status when asked, and the filtered items alone', async () => {
    expect((await api('/api/queue?status=any')).total).toBe(8);
    const filtered = (await api('/api/queue?status=filtered')).rows as Row[];
    expect(filtered.map((row) => row.id).sort()).toEqual([ids.football, ids.weather].sort());
  });
});

describe('dates on the source’s clock', () => {
  it('shows a Baku report of 21:30 UTC on the 11th as the 12th, Baku time, in the queue and on the item', async () => {
    const queue = await pageOf('/queue?country=AZ');
    expect(queue.querySelector(`tr[data-id="${ids.az}"] td.date`)!.textContent).toBe(
      '2026-11-12 01:30Asia/Baku',
    );
    const item = await pageOf(`/items/${ids.az}`);
    expect(item.querySelector('#item-published')!.textContent).toBe('2026-11-12 01:30 Asia/Baku (UTC+04:00)');
    expect(item.querySelector('#edit-published')!.getAttribute('value')).toBe('2026-11-12T01:30:00');
    expect(item.querySelector('#edit-form')!.textContent).toContain('Published (Asia/Baku, UTC+04:00)');
  });

  it('reads a date typed in the form on the same clock', async () => {
    const item = await api(`/api/items/${ids.az}`);
    const saved = await formPost(`/items/${ids.az}/edit`, {
      version: String(item.item.version),
      title_en: '',
      body_en: '',
      country: 'AZ',
      published_at: '2026-11-12T02:00:00',
    });
    expect(saved.statusCode).toBe(303);
    expect((await articleOf(ids.az)).published_at!.toISOString()).toBe('2026-11-11T22:00:00.000Z');
    // The API may still send a moment with its offset.
    const version = (await api(`/api/items/${ids.az}`)).item.version;
    const patched = await app.inject(
      as(ana, {
        method: 'PATCH',
        url: `/api/items/${ids.az}`,
        payload: { version, published_at: '2026-11-11T21:30:00Z' },
      }),
    );
    expect(patched.statusCode).toBe(200);
    expect((await articleOf(ids.az)).published_at!.toISOString()).toBe('2026-11-11T21:30:00.000Z');
  });
});

describe('the story picker', () => {
  it('finds stories by words of a title, original or English, in any case, leaving out the item’s own', async () => {
    const found = async (q: string, item: number) =>
      (
        (await api(`/api/stories?q=${encodeURIComponent(q)}&item=${item}`)).stories as Array<{
          primary_id: number;
        }>
      ).map((story) => story.primary_id);
    expect(await found('гашиш', ids.kgEn)).toEqual(expect.arrayContaining([ids.kgRu, ids.tj]));
    expect(await found('гашиш Бишкеке', ids.kgEn)).toEqual([ids.kgRu]);
    expect(await found('БИШКЕКЕ', ids.kgEn)).toEqual([ids.kgRu]);
    expect(await found('heroin shymkent', ids.kgEn)).toEqual([ids.kzOfficial]);
    expect(await found('гашиш', ids.kgRu)).not.toContain(ids.kgRu);
    // All words in one title: the Shymkent story says nothing of marijuana; LIKE's wildcards are plain text.
    expect(await found('Шымкенте марихуаны', ids.kgEn)).toEqual([]);
    expect(await found('%', ids.kgEn)).toEqual([]);
  });

  it('offers the stories of the same days, the item’s country first, before any search', async () => {
    const near = (await api(`/api/stories?item=${ids.kgEn}`)).stories as Array<{ primary_id: number }>;
    expect(near[0]!.primary_id).toBe(ids.kgRu);
  });

  it('moves a report into the story picked on its page, audited', async () => {
    const document = await pageOf(`/items/${ids.kgEn}?story_q=${encodeURIComponent('Бишкеке гашиша')}`);
    const choices = [...document.querySelectorAll('#story-choices input[name=story]')].map((input) =>
      Number(input.getAttribute('value')),
    );
    const target = (await articleOf(ids.kgRu)).story_id!;
    expect(choices).toEqual([target]);
    expect(document.querySelector('#story-q')!.getAttribute('value')).toBe('Бишкеке гашиша');
    const version = (await api(`/api/items/${ids.kgEn}`)).item.version;
    const moved = await formPost(`/items/${ids.kgEn}/story`, {
      story: String(target),
      version: String(version),
    });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`/items/${ids.kgEn}#story`);
    expect((await articleOf(ids.kgEn)).story_id).toBe(target);
    const [latest] = (await api(`/api/items/${ids.kgEn}`)).audit;
    expect(latest).toMatchObject({ action: 'move_story', user_name: 'ana', after: { story_id: target } });
  });
});

describe('a story decided once', () => {
  let late: number;

  it('approves the primary and covers the story’s other reports, audited, out of the drafts', async () => {
    const approved = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kzOfficial}/approve`, payload: {} }),
    );
    expect(approved.statusCode).toBe(200);
    expect(approved.json().item.status).toBe('approved');
    expect([...approved.json().covered].sort()).toEqual([ids.kzRepost, ids.kzEnglish].sort());
    for (const id of [ids.kzRepost, ids.kzEnglish]) {
      expect(await articleOf(id)).toMatchObject({ status: 'covered', covered_by: ids.kzOfficial });
      const [entry] = (await api(`/api/items/${id}`)).audit;
      expect(entry).toMatchObject({
        action: 'cover',
        user_name: 'ana',
        before: { status: 'new' },
        after: { status: 'covered', covered_by: ids.kzOfficial, decision: 'approve' },
      });
    }
    const rows = (await api('/api/queue')).rows as Row[];
    expect(rows.map((row) => row.id)).not.toContain(ids.kzOfficial);
    const covered = (await api('/api/queue?status=covered')).rows as Row[];
    expect(covered.map((row) => row.id)).toEqual([ids.kzOfficial]);
    const page = await pageOf(`/items/${ids.kzRepost}`);
    expect(page.querySelector('#item-status')!.textContent).toBe('covered');
    expect(page.querySelector('#covered-by a')!.getAttribute('href')).toBe(`/items/${ids.kzOfficial}`);
  });

  it('settles a report that joined the story later, without touching the approved one', async () => {
    late = await store(sources.kaztag!, {
      url: 'https://kaztag.example.kz/ru/news/8811',
      title: 'Жителя Шымкента задержали с 3,5 кг героина',
      body: 'В Шымкенте 34-летний мужчина задержан с 3,5 кг героина в автомобиле, сообщает пресс-служба полиции. Возбуждено уголовное дело, подозреваемый водворён в изолятор.',
      publishedAt: '2026-11-19T04:00:00Z',
    });
    await oneStory(ids.kzOfficial, late);
    expect((await articleOf(late)).status).toBe('new');
    const before = (await api(`/api/items/${ids.kzOfficial}`)).item.version;
    // The story is back among the drafts: its row shows the approved primary and the waiting report.
    const row = ((await api('/api/queue')).rows as Row[]).find((r) => r.id === ids.kzOfficial)!;
    expect(row.status).toBe('approved');
    expect(row.reports.find((report) => report.id === late)!.status).toBe('new');
    const again = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kzOfficial}/approve`, payload: {} }),
    );
    expect(again.json().covered).toEqual([late]);
    expect(again.json().item.version).toBe(before);
    const nothingLeft = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kzOfficial}/approve`, payload: {} }),
    );
    expect(nothingLeft.statusCode).toBe(409);
    expect(nothingLeft.json().error).toBe('cannot approve an item that is approved');
  });

  it('prints the story once, and lets the printed item use a covered report', async () => {
    await app.inject(as(ana, { method: 'POST', url: `/api/items/${ids.az}/approve`, payload: {} }));
    const assembled = await formPost('/bulletins', { month: '2026-11', number: '30' });
    expect(assembled.statusCode).toBe(303);
    const bulletin = await pageOf('/bulletins/30');
    const kazakh = [...bulletin.querySelectorAll('section[data-country="KZ"] li[data-item]')];
    expect(kazakh).toHaveLength(1);
    // The date of the Baku item is the Baku day, with its zone.
    expect(bulletin.querySelector('section[data-country="AZ"] .date')!.textContent).toBe(
      '2026-11-12 (Asia/Baku)',
    );
    const edit = await pageOf(`/bulletins/30/items/${kazakh[0]!.getAttribute('data-item')}`);
    const options = [...edit.querySelectorAll('#report-picker option')].map((o) =>
      Number(o.getAttribute('value')),
    );
    expect(options).toEqual(expect.arrayContaining([ids.kzOfficial, ids.kzEnglish, ids.kzRepost, late]));
  });

  it('puts a covered report moved out of its story back among the drafts, audited', async () => {
    const split = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kzRepost}/story`, payload: { story: 'new' } }),
    );
    expect(split.statusCode).toBe(200);
    expect(await articleOf(ids.kzRepost)).toMatchObject({ status: 'new', covered_by: null });
    const [uncover] = (await api(`/api/items/${ids.kzRepost}`)).audit;
    expect(uncover).toMatchObject({
      action: 'uncover',
      before: { status: 'covered', covered_by: ids.kzOfficial },
      after: { status: 'new' },
    });
  });

  it('puts back the reports an approval covered when the approved report leaves their story', async () => {
    const split = await app.inject(
      as(ana, { method: 'POST', url: `/api/items/${ids.kzOfficial}/story`, payload: { story: 'new' } }),
    );
    expect(split.statusCode).toBe(200);
    expect((await articleOf(ids.kzOfficial)).status).toBe('approved');
    for (const id of [ids.kzEnglish, late]) {
      expect(await articleOf(id)).toMatchObject({ status: 'new', covered_by: null });
    }
  });
});

describe('next after a decision', () => {
  const context = encodeURIComponent('country=TJ');

  it('goes from an item opened in the queue to the next row, saying what was done', async () => {
    const queue = await pageOf('/queue?country=TJ');
    const rows = [...queue.querySelectorAll('#queue tbody tr')].map((row) =>
      Number(row.getAttribute('data-id')),
    );
    expect(rows).toEqual([ids.tjOther, ids.tj]);
    expect(queue.querySelector(`tr[data-id="${ids.tjOther}"] td.title > a`)!.getAttribute('href')).toBe(
      `/items/${ids.tjOther}?queue=${context}`,
    );
    const item = await pageOf(`/items/${ids.tjOther}?queue=${context}`);
    expect(item.querySelector('#approve-form input[name=queue]')!.getAttribute('value')).toBe('country=TJ');
    expect(item.querySelector('#back-to-queue')!.getAttribute('href')).toBe('/queue?country=TJ');
    const approved = await formPost(`/items/${ids.tjOther}/approve`, { queue: 'country=TJ' });
    expect(approved.statusCode).toBe(303);
    expect(approved.headers.location).toBe(`/items/${ids.tj}?queue=${context}&after=${ids.tjOther}`);
    const next = await pageOf(approved.headers.location as string);
    expect(next.querySelector('.notice[role=status]')!.textContent).toBe(`#${ids.tjOther} approved.`);
  });

  it('returns to the queue after its last row', async () => {
    const rejected = await formPost(`/items/${ids.tj}/reject`, { queue: 'country=TJ', reason: 'old news' });
    expect(rejected.headers.location).toBe(`/queue?country=TJ&after=${ids.tj}`);
    const queue = await pageOf(rejected.headers.location as string);
    expect(queue.querySelector('#queue-notice')!.textContent).toBe(
      `#${ids.tj} rejected. That was the last row of this queue.`,
    );
  });

  it('stays on an item opened from elsewhere, and on one whose decision was refused', async () => {
    const alone = await formPost(`/items/${ids.kgRu}/approve`, {});
    expect(alone.headers.location).toBe(`/items/${ids.kgRu}`);
    const refused = await formPost(`/items/${ids.kgRu}/approve`, { queue: 'country=KG' });
    expect(refused.statusCode).toBe(409);
    expect(parseHTML(refused.body).document.querySelector('.notice')!.textContent).toContain(
      'cannot approve an item that is approved',
    );
  });
});

describe('bulk actions', () => {
  it('says that nothing would change when none of the selection can take the action, and changes nothing', async () => {
    const asked = await formPost('/queue/bulk', {
      action: 'reject',
      ids: [String(ids.football), String(ids.weather)],
      back: '?status=filtered',
    });
    expect(asked.statusCode).toBe(200);
    const document = parseHTML(asked.body).document;
    expect(document.querySelector('#bulk-nothing')!.textContent).toBe(
      'Nothing to do: none of the 2 selected item(s) can be rejected. 2 of the selected cannot be rejected (2 filtered). Nothing was changed.',
    );
    expect(document.querySelector('#bulk-confirm')).toBeNull();
    expect(document.querySelector('#bulk-cancel')!.getAttribute('href')).toBe('/queue?status=filtered');
    expect((await articleOf(ids.football)).status).toBe('filtered');
    const none = parseHTML((await formPost('/queue/bulk', { action: 'approve' })).body).document;
    expect(none.querySelector('#bulk-nothing')!.textContent).toContain('Nothing was selected');
  });

  it('names how many items change before acting, then reports what it did', async () => {
    const asked = await formPost('/queue/bulk', {
      action: 'reject',
      ids: [String(ids.kzRepost), String(ids.football)],
      reason: 'a retelling',
      back: '?status=any',
    });
    const document = parseHTML(asked.body).document;
    expect(document.querySelector('h1')!.textContent).toBe('Reject 1 item(s)?');
    expect(document.querySelector('#bulk-summary')!.textContent).toContain(
      '1 of the selected cannot be rejected (1 filtered)',
    );
    expect((await articleOf(ids.kzRepost)).status).toBe('new');
    const hidden = Object.fromEntries(
      [...document.querySelectorAll('#bulk-confirm input[type=hidden]')]
        .filter((input) => input.getAttribute('name') !== 'ids')
        .map((input) => [input.getAttribute('name'), input.getAttribute('value')]),
    );
    expect(hidden).toMatchObject({
      action: 'reject',
      confirm: 'yes',
      reason: 'a retelling',
      back: '?status=any',
    });
    const done = await formPost('/queue/bulk', {
      action: 'reject',
      ids: [String(ids.kzRepost), String(ids.football)],
      reason: 'a retelling',
      back: '?status=any',
      confirm: 'yes',
    });
    expect(done.headers.location).toBe('/queue?status=any&bulk=reject&done=1&covered=0&skipped=1');
    expect((await pageOf(done.headers.location as string)).querySelector('#queue-notice')!.textContent).toBe(
      '1 item(s) rejected, 1 skipped.',
    );
    expect(await articleOf(ids.kzRepost)).toMatchObject({ status: 'rejected' });
  });

  it('says so when a confirmed action changed nothing (the items changed meanwhile)', async () => {
    const done = await formPost('/queue/bulk', {
      action: 'reject',
      ids: [String(ids.kzRepost)],
      confirm: 'yes',
    });
    expect(done.headers.location).toBe('/queue?bulk=reject&done=0&covered=0&skipped=1');
    expect((await pageOf(done.headers.location as string)).querySelector('#queue-notice')!.textContent).toBe(
      'Nothing was changed: none of the selected items could be rejected (1 skipped: changed meanwhile or not rejectable).',
    );
    const viaApi = await app.inject(
      as(ana, { method: 'POST', url: '/api/items/bulk', payload: { ids: [ids.weather], action: 'approve' } }),
    );
    expect(viaApi.json()).toMatchObject({
      changed: false,
      done: [],
      message: expect.stringContaining('Nothing was changed'),
    });
  });
});

describe('items pasted by hand', () => {
  const post = {
    url: 'https://www.facebook.com/mvd.kg/posts/pfbid0812',
    title: 'Бишкекте 2 килограмм баңгизат кармалды',
    text: [
      'Ички иштер министрлигинин Баңгизаттарга каршы аракеттенүү кызматынын кызматкерлери Бишкек шаарында 35 жаштагы',
      'жаранды кармашты. Анын үйүнөн 2 килограмм гашиш жана 300 грамм марихуана табылып, алынды. Баңгизаттарды',
      'мыйзамсыз сатуу боюнча кылмыш иши козголду, шектүү убактылуу кармоочу жайга камалды.',
    ].join(' '),
    published_at: '2026-11-16T10:30',
    timezone: 'Asia/Bishkek',
  };

  it('takes a post behind a login wall through the stages: language, relevance, country, stories', async () => {
    const added = await formPost('/add/pasted', post);
    expect(added.statusCode).toBe(303);
    const id = Number(/^\/items\/(\d+)$/.exec(added.headers.location as string)![1]);
    const article = await articleOf(id);
    expect(article).toMatchObject({
      source_id: 'manual',
      status: 'new',
      lang: 'kir',
      country: 'KG',
      extraction: { manual: 'pasted', addedBy: 'ana', timezone: 'Asia/Bishkek' },
    });
    expect(article.matched.length).toBeGreaterThan(0);
    expect(article.story_id).not.toBeNull();
    // 10:30 in Bishkek (UTC+6) is 04:30 UTC, and is shown on Bishkek's clock.
    expect(article.published_at!.toISOString()).toBe('2026-11-16T04:30:00.000Z');
    const page = await pageOf(`/items/${id}`);
    expect(page.querySelector('#item-manual')!.textContent).toBe('manual: pasted by ana');
    expect(page.querySelector('#item-published')!.textContent).toBe(
      '2026-11-16 10:30 Asia/Bishkek (UTC+06:00)',
    );
    expect((await api(`/api/items/${id}`)).audit.map((entry: { action: string }) => entry.action)).toEqual([
      'add_pasted',
    ]);
    const row = ((await api('/api/queue?country=KG')).rows as Row[]).find((r) => r.id === id);
    expect(row?.timezone).toBe('Asia/Bishkek');
    // The same post again is the same item.
    const again = await app.inject(as(ana, { method: 'POST', url: '/api/add/pasted', payload: post }));
    expect(again.json()).toMatchObject({ inserted: false, item: { id } });
  });

  it('files a pasted text about something else as not relevant, as a harvested one would be', async () => {
    const added = await app.inject(
      as(ana, {
        method: 'POST',
        url: '/api/add/pasted',
        payload: {
          url: 'https://www.facebook.com/mvd.kg/posts/pfbid0813',
          title: 'Бишкекте футбол боюнча мелдеш өттү',
          text: 'Ички иштер министрлигинин кызматкерлеринин арасында футбол боюнча мелдеш өттү. Жеңүүчү командага кубок тапшырылды.',
          published_at: '2026-11-16T12:00',
          timezone: 'Asia/Bishkek',
        },
      }),
    );
    expect(added.json().item).toMatchObject({
      status: 'filtered',
      filter_reason: 'not_relevant',
      pasted: true,
    });
  });

  it('refuses what cannot be stored, naming the field and keeping what was typed', async () => {
    const script = await formPost('/add/pasted', { ...post, url: 'javascript:alert(1)' });
    expect(script.statusCode).toBe(422);
    const document = parseHTML(script.body).document;
    expect(document.querySelector('#pasted-error')!.textContent).toMatch(/^Not added: url: .*only http\(s\)/);
    expect(document.querySelector('#pasted-form input[name=title]')!.getAttribute('value')).toBe(post.title);
    const nul = await formPost('/add/pasted', { ...post, text: `${post.text}\u0000` });
    expect(parseHTML(nul.body).document.querySelector('#pasted-error')!.textContent).toBe(
      'Not added: text: contains a NUL character',
    );
    const noDate = await app.inject(
      as(ana, { method: 'POST', url: '/api/add/pasted', payload: { ...post, published_at: 'yesterday' } }),
    );
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error).toMatch(/^published_at: expected an ISO 8601 date/);
    const zone = await app.inject(
      as(ana, { method: 'POST', url: '/api/add/pasted', payload: { ...post, timezone: 'Mars/Olympus' } }),
    );
    expect(zone.statusCode).toBe(400);
  });
});
