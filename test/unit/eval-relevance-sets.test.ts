import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inputId,
  RELEVANCE_TARGET,
  type RelevanceSetRow,
  readRelevanceSets,
  relevanceSetInputs,
  scoreRelevanceSets,
} from '../../scripts/eval/relevance-sets.js';
import { languageCodes } from '../../src/domain/types.js';

function row(id: string, relevant: boolean, split: 'dev' | 'test', lang: RelevanceSetRow['lang'] = 'kaz') {
  return {
    id,
    lang,
    script: 'Cyrl' as const,
    title: id,
    text: `${id} text`,
    relevant,
    kind: 'seizure',
    split,
  };
}

describe('scoreRelevanceSets', () => {
  const rows = [
    row('a', true, 'test'),
    row('b', true, 'test'),
    row('c', false, 'test'),
    row('d', true, 'dev'),
    row('e', false, 'dev'),
  ];
  const answers = new Map([
    [inputId(rows[0]!), { relevant: true, lang: 'kaz' }],
    [inputId(rows[1]!), { relevant: false, lang: 'kir', score: 2, matched: ['наркот*'] }],
    [inputId(rows[2]!), { relevant: false, lang: 'kaz' }],
    [inputId(rows[3]!), { relevant: false, lang: 'kaz', score: 0, matched: [] }],
    // rows[4] has no answer: read as not relevant
  ]);
  const report = scoreRelevanceSets(rows, answers);

  it('gives precision and recall per language on the test split and on all rows, with the target', () => {
    expect(report.rows).toEqual([
      { figure: 'relevance: own set kaz (test), precision', value: 1, n: 3, target: RELEVANCE_TARGET },
      { figure: 'relevance: own set kaz (test), recall', value: 0.5, n: 3, target: RELEVANCE_TARGET },
      { figure: 'relevance: own set kaz (all rows), precision', value: 1, n: 5, target: RELEVANCE_TARGET },
      { figure: 'relevance: own set kaz (all rows), recall', value: 1 / 3, n: 5, target: RELEVANCE_TARGET },
    ]);
  });

  it('lists errors of dev rows only, never of the held-out test rows', () => {
    expect(report.devErrors).toEqual(['FN d (seizure, read as kaz, score 0: ): d']);
  });

  it('tells per script and split what the rows were read as', () => {
    expect(report.detail).toContain(
      '| kaz | Cyrl | test | 3 | 1 | 0 | 1 | 1 | 1.000 | 0.500 | kaz ×2, kir ×1 |',
    );
  });

  it('sends the text alone to harvest analyze, without a declared language', () => {
    expect(relevanceSetInputs([rows[0]!])).toEqual([{ id: 'relevance-set:a', title: 'a', text: 'a text' }]);
  });
});

describe('readRelevanceSets', () => {
  it('names the file and line of an invalid row', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relevance-sets-'));
    writeFileSync(
      join(dir, 'kaz.jsonl'),
      `${JSON.stringify(row('a', true, 'dev'))}\n{"id":"b","lang":"kaz"}\n`,
    );
    expect(() => readRelevanceSets(dir)).toThrow(/kaz\.jsonl:2:/);
  });

  describe('on the committed sets', () => {
    const rows = readRelevanceSets('test/fixtures/eval/relevance');

    it.each(languageCodes)('%s has at least 60 rows, about half relevant and half held out', (lang) => {
      const own = rows.filter((item) => item.lang === lang);
      expect(own.length).toBeGreaterThanOrEqual(60);
      const share = (keep: (item: RelevanceSetRow) => boolean) => own.filter(keep).length / own.length;
      expect(share((item) => item.relevant)).toBeGreaterThan(0.4);
      expect(share((item) => item.relevant)).toBeLessThan(0.6);
      expect(share((item) => item.split === 'test')).toBeGreaterThan(0.4);
      expect(share((item) => item.split === 'test')).toBeLessThan(0.6);
    });

    it('has unique ids and at least 8 Arabic-script Kazakh rows', () => {
      expect(new Set(rows.map((item) => item.id)).size).toBe(rows.length);
      expect(
        rows.filter((item) => item.lang === 'kaz' && item.script === 'Arab').length,
      ).toBeGreaterThanOrEqual(8);
    });
  });
});
