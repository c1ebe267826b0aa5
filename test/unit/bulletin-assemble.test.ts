import { describe, expect, it } from 'vitest';
import {
  assembleBulletin,
  type BulletinEntry,
  localDate,
  periodOfMonth,
  selectDraftsInPeriod,
} from '../../src/bulletin/assemble.js';
import { editorialChecks, looksEnglish } from '../../src/bulletin/checks.js';
import { countsLineParts, countsLineText, formatPeriodShort } from '../../src/bulletin/house-format.js';
import { renderHtml } from '../../src/bulletin/render-html.js';
import { escapeMarkdown, renderMarkdown } from '../../src/bulletin/render-markdown.js';

const september = { from: '2025-09-01', to: '2025-09-30' };
let nextId = 1;

function entry(fields: Partial<BulletinEntry> & Pick<BulletinEntry, 'country'>): BulletinEntry {
  const id = nextId++;
  return {
    id,
    articleId: id,
    title: `Police held event number ${id}`,
    titleIsEnglish: true,
    body: `Body of event ${id}.`,
    url: `https://example.kz/news/${id}`,
    publishedOn: '2025-09-10',
    position: null,
    ...fields,
  };
}

describe('assembleBulletin', () => {
  it('groups items in the house order, the analyst order first, then by date', () => {
    const late = entry({ country: 'KZ', publishedOn: '2025-09-20', title: 'Late Kazakh event' });
    const early = entry({ country: 'KZ', publishedOn: '2025-09-02', title: 'Early Kazakh event' });
    const pinned = entry({
      country: 'KZ',
      publishedOn: '2025-09-25',
      position: 1,
      title: 'Pinned by the analyst',
    });
    const azeri = entry({ country: 'AZ' });
    const uzbek = entry({ country: 'UZ' });
    const bulletin = assembleBulletin({
      number: 18,
      period: september,
      entries: [uzbek, late, azeri, early, pinned],
      lang: 'en',
    });
    expect(bulletin.sections.map((section) => section.country)).toEqual(['AZ', 'KZ', 'UZ']);
    expect(bulletin.sections[1]?.items.map((item) => item.title)).toEqual([
      'Pinned by the analyst',
      'Early Kazakh event',
      'Late Kazakh event',
    ]);
    expect(bulletin.byCountry).toEqual({ AZ: 1, KZ: 3, KG: 0, RU: 0, TJ: 0, TM: 0, UZ: 1 });
    expect(bulletin.countsLine).toBe(
      'In the period from 1 to 30 September 2025, based on information from mass media CARICC member states and other countries covered 5 events in the counter-narcotics field (Azerbaijan - 1, Kazakhstan - 3, Uzbekistan - 1).',
    );
  });

  it('follows a configured country order and lists events outside the member states apart', () => {
    const outside = entry({ country: 'other', title: 'Seizure in a port abroad' });
    const bulletin = assembleBulletin({
      number: 18,
      period: september,
      entries: [entry({ country: 'AZ' }), entry({ country: 'RU' }), outside],
      lang: 'en',
      countryOrder: ['RU', 'AZ'],
    });
    expect(bulletin.sections.map((section) => section.country)).toEqual(['RU', 'AZ']);
    expect(bulletin.countryOrder).toEqual(['RU', 'AZ', 'KZ', 'KG', 'TJ', 'TM', 'UZ']);
    expect(bulletin.other.map((item) => item.title)).toEqual(['Seizure in a port abroad']);
    expect(bulletin.total).toBe(2);
  });

  it('keeps the analyst wording of the count line and topics when there is one', () => {
    const bulletin = assembleBulletin({
      number: 18,
      period: september,
      entries: [entry({ country: 'TJ' })],
      lang: 'en',
      countsLine: 'One event was covered.',
      topics: 'Our own summary.',
    });
    expect(bulletin.countsLine).toBe('One event was covered.');
    expect(bulletin.countsLineParts).toBeNull();
    expect(bulletin.topics).toBe('Our own summary.');
  });

  it('writes the Russian count line with the right plural', () => {
    const parts = countsLineParts(september, 22, [{ country: 'KG', count: 22 }], 'ru');
    expect(countsLineText(parts)).toBe(
      'В период с 1 по 30 сентября 2025 года, по информации средств массовой информации государств – участников ЦАРИКЦ и других стран, освещено 22 события в сфере противодействия незаконному обороту наркотиков (Кыргызстан - 22).',
    );
  });
});

describe('periods and time zones', () => {
  it('formats and computes periods', () => {
    expect(periodOfMonth('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(formatPeriodShort(september)).toBe('1-30.09.2025');
    expect(formatPeriodShort({ from: '2025-09-15', to: '2025-10-14' })).toBe('15.09-14.10.2025');
    expect(() => periodOfMonth('2025-13')).toThrow(RangeError);
  });

  it('dates a draft by the calendar of its source', () => {
    // 20:30 UTC on 30 September is 01:30 on 1 October in Almaty (UTC+5) and 23:30 on 30 September in Moscow.
    const instant = new Date('2025-09-30T20:30:00Z');
    expect(localDate(instant, 'Asia/Almaty')).toBe('2025-10-01');
    expect(localDate(instant, 'Europe/Moscow')).toBe('2025-09-30');
    const drafts = [
      { id: 1, publishedAt: instant, timezone: 'Asia/Almaty' },
      { id: 2, publishedAt: instant, timezone: 'Europe/Moscow' },
      { id: 3, publishedAt: new Date('2025-08-31T20:30:00Z'), timezone: 'Asia/Almaty' },
      { id: 4, publishedAt: null, timezone: 'Asia/Almaty' },
    ];
    expect(selectDraftsInPeriod(drafts, september).map((draft) => draft.id)).toEqual([2, 3]);
  });
});

describe('editorialChecks', () => {
  it('warns about missing URLs, non-English titles, duplicates, dates outside the period and empty countries', () => {
    const entries = [
      entry({ country: 'AZ', url: null, title: 'No link here' }),
      entry({ country: 'KZ', title: 'Рейд в Талдыкоргане', titleIsEnglish: false }),
      entry({ country: 'KZ', title: 'Raid in Taldykorgan', url: 'https://www.polisia.kz/ru/raid/' }),
      entry({ country: 'KZ', title: 'Raid in Taldykorgan!', url: 'http://polisia.kz/ru/raid' }),
      entry({ country: 'RU', publishedOn: '2025-10-02', title: 'Late news' }),
    ];
    const bulletin = assembleBulletin({ number: 18, period: september, entries, lang: 'en' });
    const warnings = editorialChecks(bulletin, { undatedDrafts: 2 });
    const codes = warnings.map((warning) => warning.code);
    expect(codes.filter((code) => code === 'missing_url')).toHaveLength(1);
    expect(codes.filter((code) => code === 'no_english_title')).toHaveLength(1);
    expect(codes.filter((code) => code === 'duplicate')).toHaveLength(1);
    expect(codes.filter((code) => code === 'outside_period')).toHaveLength(1);
    expect(warnings.filter((w) => w.code === 'empty_country').map((w) => w.message)).toEqual([
      'Kyrgyzstan has no items in this bulletin',
      'Tajikistan has no items in this bulletin',
      'Turkmenistan has no items in this bulletin',
      'Uzbekistan has no items in this bulletin',
    ]);
    expect(codes).toContain('undated_draft');
  });

  it('tells English titles from Azerbaijani, Russian and Turkmen ones', () => {
    expect(
      looksEnglish('TRAINING SESSIONS ORGANIZED IN GÖYGÖL AS PART OF THE MOBILE YOUTH SERVICE PROJECT'),
    ).toBe(true);
    expect(looksEnglish('İctimai yerlərdə maarifləndirmə tədbirlərinin əhatə dairəsi genişlənir')).toBe(
      false,
    );
    expect(looksEnglish('Более тонны наркотиков сожгли')).toBe(false);
    expect(looksEnglish('Neşe serişdeleriniň bikanun dolanyşygyna garşy göreş')).toBe(false);
  });
});

describe('rendering harvested text', () => {
  const hostile = entry({
    country: 'KZ',
    title: 'Raid <script>alert(1)</script> & "more"',
    body: 'A <img src=x onerror=alert(1)> body with *stars* and [links](x).',
    url: 'javascript:alert(1)',
  });
  const bulletin = assembleBulletin({ number: 18, period: september, entries: [hostile], lang: 'en' });

  it('escapes every harvested string in HTML and links only http(s) URLs', () => {
    const html = renderHtml(bulletin);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('RAID &lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt; &amp; &quot;MORE&quot;');
    expect(html).toContain('&lt;javascript:alert(1)&gt;');
  });

  it('escapes Markdown markup in harvested text', () => {
    const markdown = renderMarkdown(bulletin);
    expect(markdown).toContain(
      'A \\<img src=x onerror=alert(1)\\> body with \\*stars\\* and \\[links\\](x).',
    );
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
  });
});
