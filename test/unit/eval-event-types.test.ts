import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPE_TARGET,
  evaluateEventTypes,
  readEventTypeRows,
  seedItemsByUrl,
} from '../../scripts/eval/event-types.js';
import { findSharedDir } from '../../scripts/eval.js';
import { loadEnglishGlossary } from '../../src/config/english-glossary.js';
import { languageCodes } from '../../src/domain/types.js';

describe('event-type evaluation set', () => {
  const rows = readEventTypeRows();

  it('has at least 25 labelled reports per language, in both splits, with unique ids', () => {
    for (const lang of languageCodes) {
      const ofLang = rows.filter((row) => row.lang === lang);
      expect(ofLang.length, lang).toBeGreaterThanOrEqual(25);
      expect(ofLang.filter((row) => row.split === 'test').length, lang).toBeGreaterThanOrEqual(12);
      expect(ofLang.filter((row) => row.split === 'dev').length, lang).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
  });

  it('scores per language with the target, and counts what it is given', () => {
    const glossary = loadEnglishGlossary();
    const report = evaluateEventTypes(glossary, [
      {
        id: 'x-1',
        lang: 'rus',
        script: 'Cyrl',
        split: 'test',
        title: 'В Шымкенте изъяли героин',
        body: '',
        type: 'seizure',
      },
      {
        id: 'x-2',
        lang: 'rus',
        script: 'Cyrl',
        split: 'test',
        title: 'Суд вынес приговор',
        body: '',
        type: 'seizure',
      },
    ]);
    expect(report.rows[0]).toEqual({
      figure: 'event type: rus test, accuracy',
      value: 0.5,
      n: 2,
      target: EVENT_TYPE_TARGET,
    });
    expect(report.misses.map((miss) => [miss.row.id, miss.got])).toEqual([['x-2', 'court']]);
  });
});

describe('seedItemsByUrl', () => {
  it('finds every item of the seed release with its capitalised title', () => {
    const items = seedItemsByUrl(
      readFileSync(join(findSharedDir(), 'seeds/000_47f95a5e802b696b.txt'), 'utf8'),
    );
    expect(items.size).toBe(33);
    expect(items.get('https://polisia.kz/ru/bor-ba-s-narkotikami-rejd-v-taldykorgane/')?.title).toBe(
      'COMBATING DRUGS: RAID IN TALDYKORGAN',
    );
    expect(
      items.get(
        'https://report.az/ru/zdravookhranenie/v-azerbajdzhane-otkroyut-novoe-meduchrezhdenie-dlya-borby-s-narkomaniej',
      )?.title,
    ).toBe('A NEW MEDICAL FACILITY TO COMBAT DRUG ADDICTION WILL OPEN IN AZERBAIJAN');
  });
});
