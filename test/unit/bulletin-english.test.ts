import { describe, expect, it } from 'vitest';
import { assembleBulletin, type BulletinEntry } from '../../src/bulletin/assemble.js';
import { editorialChecks } from '../../src/bulletin/checks.js';
import { draftsToAdd, entryEnglish } from '../../src/bulletin/export.js';
import { countPdfPages } from '../../src/bulletin/render-pdf.js';
import { asPhrase, generateTopics } from '../../src/bulletin/topics.js';
import type { ApprovedDraft, BulletinItemRow } from '../../src/db/bulletins-repo.js';
import { defaultEnglish } from '../../src/domain/english/default-english.js';
import { countEnglishStates, englishState } from '../../src/domain/english/provenance.js';

const september = { from: '2025-09-01', to: '2025-09-30' };

function entry(fields: Partial<BulletinEntry>): BulletinEntry {
  return {
    id: 1,
    articleId: 1,
    country: 'KZ',
    title: 'Raid in Astana',
    titleIsEnglish: true,
    body: 'Police held a raid.',
    url: 'https://polisia.kz/ru/1',
    publishedOn: '2025-09-10',
    position: null,
    ...fields,
  };
}

function row(fields: Partial<BulletinItemRow>): BulletinItemRow {
  return {
    id: 1,
    article_id: 1,
    country: 'KZ',
    position: null,
    title: null,
    body: null,
    url: null,
    title_source: null,
    body_source: null,
    article_title: 'Рейд в Астане',
    article_body: 'Полиция провела рейд.',
    article_title_en: null,
    article_title_en_source: null,
    article_body_en: null,
    article_body_en_source: null,
    article_english_reviewed_by: null,
    article_url: 'https://polisia.kz/ru/1',
    article_lang: 'rus',
    story_id: null,
    published_at: null,
    timezone: null,
    ...fields,
  };
}

describe('English provenance', () => {
  it('tells a report, an accepted or unreviewed suggestion, the analyst and missing English apart', () => {
    const base = { title: 'T', body: 'B', reviewed: false };
    expect(englishState({ ...base, titleSource: 'english-report', bodySource: 'english-report' })).toBe(
      'report',
    );
    expect(englishState({ ...base, titleSource: 'template', bodySource: 'template' })).toBe('suggestion');
    expect(englishState({ ...base, titleSource: 'template', bodySource: 'template', reviewed: true })).toBe(
      'accepted',
    );
    expect(englishState({ ...base, titleSource: 'machine:libretranslate', bodySource: 'analyst' })).toBe(
      'suggestion',
    );
    expect(englishState({ ...base, titleSource: 'analyst', bodySource: 'english-report' })).toBe('analyst');
    expect(englishState({ ...base, title: null, titleSource: null, bodySource: 'analyst' })).toBe('missing');
    expect(countEnglishStates(['report', 'missing', 'suggestion', 'analyst']).needWork).toBe(2);
  });

  it('defaults to the item’s own English, then the story’s English report, then a translation, then a suggestion', () => {
    const item = { lang: 'rus', title: 'Рейд', body: 'Текст', url: 'https://a.kz/1' };
    const report = { title: 'Raid', body: 'Text', url: 'https://a.kz/en/1' };
    const suggestion = { title: 'RAID IN ASTANA', body: 'Police held a raid in Astana.' };
    const translation = { title: 'Raid (mt)', body: 'Text (mt)', engine: 'libretranslate' };
    expect(defaultEnglish({ ...item, lang: 'eng' }, { storyReport: report })).toMatchObject({
      source: 'english-report',
      url: item.url,
    });
    expect(defaultEnglish(item, { storyReport: report, suggestion })).toMatchObject({
      title: 'Raid',
      source: 'english-report',
      url: report.url,
    });
    expect(defaultEnglish(item, { translation, suggestion })).toMatchObject({
      source: 'machine:libretranslate',
    });
    expect(defaultEnglish(item, { suggestion })).toMatchObject({ source: 'template' });
    expect(defaultEnglish(item, {})).toBeUndefined();
  });
});

describe('a bulletin item’s printed English', () => {
  it('prints the item’s own English, else the article’s, else the original, flagged', () => {
    expect(entryEnglish(row({}))).toMatchObject({
      title: 'Рейд в Астане',
      titleSource: null,
      state: 'missing',
    });
    const suggested = row({
      article_title_en: 'RAID IN ASTANA',
      article_title_en_source: 'template',
      article_body_en: 'Police held a raid in Astana.',
      article_body_en_source: 'template',
    });
    expect(entryEnglish(suggested)).toMatchObject({ title: 'RAID IN ASTANA', state: 'suggestion' });
    expect(entryEnglish({ ...suggested, article_english_reviewed_by: 'ana' }).state).toBe('accepted');
    expect(
      entryEnglish({ ...suggested, title: 'Raid held in Astana', title_source: 'analyst' }),
    ).toMatchObject({
      title: 'Raid held in Astana',
      titleSource: 'analyst',
      state: 'suggestion',
    });
    expect(
      entryEnglish(row({ article_lang: 'eng', article_title: 'Raid', article_body: 'Text' })),
    ).toMatchObject({
      titleSource: 'english-report',
      state: 'report',
    });
  });

  it('warns of missing, untranslated and unreviewed English and of two items of one story', () => {
    const entries = [
      entry({ id: 1, storyId: 7, englishState: 'report' }),
      entry({
        id: 2,
        storyId: 7,
        title: 'Raid in Astana again',
        url: 'https://a.kz/2',
        englishState: 'report',
      }),
      entry({ id: 3, title: 'Рейд', titleIsEnglish: false, bodyIsEnglish: false, url: 'https://a.kz/3' }),
      entry({ id: 4, title: 'SEIZURE', englishState: 'suggestion', url: 'https://a.kz/4' }),
    ];
    const warnings = editorialChecks(
      assembleBulletin({ number: 18, period: september, entries, lang: 'en' }),
    );
    const of = (code: string) => warnings.filter((warning) => warning.code === code).map((w) => w.itemId);
    expect(of('same_story')).toEqual([2]);
    expect(of('no_english_title')).toEqual([3]);
    expect(of('no_english_body')).toEqual([3]);
    expect(of('unreviewed_english')).toEqual([4]);
  });
});

describe('one item per story', () => {
  const draft = (id: number, fields: Partial<ApprovedDraft>): ApprovedDraft => ({
    id,
    country: 'KZ',
    published_at: new Date(`2025-09-${10 + id}T00:00:00Z`),
    timezone: null,
    story_id: null,
    lang: 'rus',
    official: false,
    ...fields,
  });

  it('adds one report per new story: the official one, else the English one, else the earliest', () => {
    const drafts = [
      draft(1, { story_id: 5 }),
      draft(2, { story_id: 5, lang: 'eng' }),
      draft(3, { story_id: 6 }),
      draft(4, { story_id: 6, official: true }),
      draft(5, {}),
      draft(6, { story_id: 8 }),
      draft(7, { story_id: 9 }),
    ];
    const items = [
      { article_id: 6, story_id: 8 },
      { article_id: 99, story_id: 9 },
    ];
    expect(draftsToAdd(drafts, items).map((d) => d.id)).toEqual([2, 4, 5]);
  });
});

describe('the English topics paragraph', () => {
  it('names each country’s kinds of events, most frequent first, else its English titles', () => {
    const sections = [
      {
        country: 'KZ' as const,
        items: [
          entry({ eventType: 'prevention' }),
          entry({ eventType: 'seizure' }),
          entry({ eventType: 'seizure' }),
        ],
      },
      {
        country: 'TJ' as const,
        items: [
          entry({ title: 'Meeting on Border Security in Dushanbe' }),
          entry({ title: 'Рейд', titleIsEnglish: false }),
        ],
      },
    ];
    expect(generateTopics(sections, 'en')).toBe(
      'Published articles contain information about seizures of narcotic drugs, on preventive measures and ' +
        'awareness events (Kazakhstan), on meeting on Border Security in Dushanbe (Tajikistan).',
    );
    expect(asPhrase('TRAINING CONDUCTED IN ABSHERON DISTRICT')).toBe(
      'training conducted in absheron district',
    );
  });
});

describe('PDF pages', () => {
  it('reads the page count of a PDF as Chromium writes it', () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Count 3 /Kids [3 0 R 4 0 R 5 0 R]>> endobj\n' +
        '3 0 obj <</Type /Page /Parent 2 0 R>> endobj\n',
      'latin1',
    );
    expect(countPdfPages(pdf)).toBe(3);
  });
});
