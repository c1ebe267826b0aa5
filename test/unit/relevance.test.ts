import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { compileLexicon, normalizeForMatching, type RawLexicon } from '../../src/domain/keywords.js';
import { scoreRelevance, termContribution } from '../../src/domain/relevance.js';
import type { Language } from '../../src/domain/types.js';

const lexicon = loadLexicon();

function tinyLexicon(overrides: Partial<RawLexicon> = {}): RawLexicon {
  return {
    threshold: 4,
    title_multiplier: 2,
    repeat_cap: 3,
    near_window: 3,
    groups: [
      { id: 'drugs', lang: 'rus', weight: 4, terms: ['героин*', 'нарко трафик'] },
      { id: 'generic', lang: 'any', weight: 2, terms: ['наркотик*'] },
      { id: 'police', lang: 'rus', weight: 1, near: ['generic'], repeat_cap: 1, terms: ['изъят*'] },
      { id: 'uzbek', lang: 'uzb', weight: 4, terms: ["ko'knori*"] },
    ],
    lookalikes: [{ lang: 'any', terms: ['героиня*'] }],
    ...overrides,
  };
}

describe('normalizeForMatching', () => {
  it('folds case, ё, apostrophe variants, Turkic i and whitespace', () => {
    expect(normalizeForMatching('ЁЖ  Oʻzbek\nKO‘KNORI NARKOTİK narkotık')).toBe(
      "еж o'zbek ko'knori narkotik narkotik",
    );
  });

  it('drops links, whose slugs would repeat the words of the text', () => {
    expect(normalizeForMatching('see https://example.org/heroin-news now')).toBe('see now');
  });
});

describe('compileLexicon', () => {
  it('names the field path of a bad value', () => {
    const raw = tinyLexicon();
    (raw.groups[0] as { weight: unknown }).weight = 'heavy';
    expect(() => compileLexicon(raw)).toThrow(/groups\.0\.weight/);
  });

  it('rejects a `near` reference to a group that does not exist', () => {
    const raw = tinyLexicon();
    raw.groups[2] = { ...raw.groups[2]!, near: ['nowhere'] };
    expect(() => compileLexicon(raw)).toThrow(/groups\.2\.near\.0: unknown group "nowhere"/);
  });

  it('rejects a `*` anywhere but at the end of a word', () => {
    expect(() =>
      compileLexicon(tinyLexicon({ groups: [{ id: 'x', lang: 'any', weight: 1, terms: ['*drug'] }] })),
    ).toThrow(/groups\.0\.terms\.0/);
  });

  it('treats regular-expression syntax in terms as literal text', () => {
    const compiled = compileLexicon(
      tinyLexicon({ groups: [{ id: 'x', lang: 'any', weight: 4, terms: ['a.b', '(c|d)', 'e+'] }] }),
    );
    expect(scoreRelevance({ text: 'axb c d ee' }, compiled).matched).toEqual([]);
    expect(scoreRelevance({ text: 'a.b (c|d) e+' }, compiled).matched.map((term) => term.term)).toEqual([
      'a.b',
      '(c|d)',
      'e+',
    ]);
  });
});

describe('scoreRelevance', () => {
  const compiled = compileLexicon(tinyLexicon());

  it('matches stems as word prefixes only, and phrases across line breaks', () => {
    expect(scoreRelevance({ text: 'изъяли героином' }, compiled).relevant).toBe(true);
    expect(scoreRelevance({ text: 'супергероином' }, compiled).matched).toEqual([]);
    expect(scoreRelevance({ text: 'нарко\nтрафик' }, compiled).relevant).toBe(true);
  });

  it('finds terms whose first word is one letter long or has an apostrophe after its first letter', () => {
    const short = compileLexicon(
      tinyLexicon({ groups: [{ id: 'x', lang: 'any', weight: 4, terms: ['в притоне', "o'zbek*"] }] }),
    );
    expect(
      scoreRelevance({ text: 'Задержан в притоне; Oʻzbekistonda' }, short).matched.map((term) => term.term),
    ).toEqual(['в притоне', "o'zbek*"]);
  });

  it('ignores look-alikes even when a stem would cover them', () => {
    expect(scoreRelevance({ text: 'Главная героиня фильма' }, compiled)).toEqual({
      relevant: false,
      score: 0,
      matched: [],
    });
  });

  it('weighs the title more and reports field, weight and count of every term', () => {
    const result = scoreRelevance({ title: 'Наркотики', text: 'наркотики, наркотиками' }, compiled);
    expect(result.matched).toEqual([
      { term: 'наркотик*', lang: 'any', weight: 2, field: 'title', count: 1 },
      { term: 'наркотик*', lang: 'any', weight: 2, field: 'text', count: 2 },
    ]);
    expect(result.score).toBe(8);
    expect(result.matched.map((term) => termContribution(term, compiled))).toEqual([4, 4]);
  });

  it('counts a context word only near a drug word, once per term', () => {
    const near = scoreRelevance({ text: 'изъяты наркотики, изъято всё' }, compiled);
    expect(near.score).toBe(3);
    expect(near.matched).toContainEqual({ term: 'изъят*', lang: 'rus', weight: 1, field: 'text', count: 1 });
    const far = scoreRelevance({ text: 'изъяты телефоны, ключи, документы и прочее; наркотики' }, compiled);
    expect(far.score).toBe(2);
  });

  it("uses only the declared language's terms plus `any`, and all of them when the language is unknown", () => {
    const text = "Ko'knori topildi";
    expect(scoreRelevance({ text, lang: 'rus' }, compiled).relevant).toBe(false);
    expect(scoreRelevance({ text, lang: 'uzb' }, compiled).relevant).toBe(true);
    expect(scoreRelevance({ text, lang: 'und' }, compiled).relevant).toBe(true);
    expect(scoreRelevance({ text }, compiled).relevant).toBe(true);
  });
});

interface FixtureRow {
  title?: string;
  text: string;
  relevant: boolean;
  note?: string;
}

const fixtureLanguages: Language[] = ['rus', 'kaz', 'kir', 'uzb', 'tgk', 'tuk', 'aze', 'eng'];

function readFixture(lang: Language): FixtureRow[] {
  return readFileSync(`test/fixtures/relevance/${lang}.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as FixtureRow);
}

describe.each(fixtureLanguages)('config/keywords.yaml on labelled %s examples', (lang) => {
  const rows = readFixture(lang);

  it('holds at least ten examples, relevant and not', () => {
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((row) => row.relevant).length).toBeGreaterThanOrEqual(5);
    expect(rows.filter((row) => !row.relevant).length).toBeGreaterThanOrEqual(5);
  });

  it.each(rows.map((row) => [row.note ?? row.title ?? row.text.slice(0, 40), row] as const))(
    '%s',
    (_label, row) => {
      for (const declared of [lang, 'und'] as const) {
        const result = scoreRelevance({ title: row.title, text: row.text, lang: declared }, lexicon);
        expect({ declared, relevant: result.relevant, matched: result.matched }).toMatchObject({
          declared,
          relevant: row.relevant,
        });
      }
    },
  );
});

const seedCandidates = [
  resolve('../shared/seeds/000_47f95a5e802b696b.txt'),
  '/work/shared/seeds/000_47f95a5e802b696b.txt',
];

/** The seed bulletin (English translation): each item ends with its `<https://…>` source line. */
function readSeedItems(): Array<{ title: string; text: string }> {
  const path = seedCandidates.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`seed bulletin not found in ${seedCandidates.join(' or ')}`);
  const bulletin = readFileSync(path, 'utf8');
  const body = bulletin.slice(bulletin.indexOf('REPUBLIC OF AZERBAIJAN\n'));
  return body
    .split(/^<https?:\/\/[^>]+>[ \t]*$/m)
    .slice(0, -1)
    .map((item) => {
      const lines = item.split('\n').filter((line) => line.trim() !== '');
      return { title: lines[0] ?? '', text: lines.slice(1).join('\n') };
    });
}

describe('the seed bulletin', () => {
  const items = readSeedItems();

  it('has its 33 items', () => {
    expect(items).toHaveLength(33);
  });

  it('scores every item relevant on the English terms alone', () => {
    for (const item of items) {
      const result = scoreRelevance({ ...item, lang: 'eng' }, lexicon);
      const englishScore = result.matched
        .filter((term) => term.lang === 'eng')
        .reduce((sum, term) => sum + termContribution(term, lexicon), 0);
      expect({ title: item.title, englishScore }).toEqual({
        title: item.title,
        englishScore: expect.toSatisfy((score: number) => score >= lexicon.threshold),
      });
    }
  });
});

describe('loadLexicon', () => {
  it('names the file and the field of a bad lexicon', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'lexicon-')), 'keywords.yaml');
    writeFileSync(path, 'threshold: -1\ntitle_multiplier: 2\nrepeat_cap: 3\nnear_window: 5\ngroups: []\n');
    expect(() => loadLexicon(path)).toThrow(new RegExp(`${path}: invalid lexicon: threshold: .*groups:`));
  });

  it('names the file it cannot read', () => {
    expect(() => loadLexicon('/nonexistent/keywords.yaml')).toThrow(/\/nonexistent\/keywords\.yaml: ENOENT/);
  });
});
