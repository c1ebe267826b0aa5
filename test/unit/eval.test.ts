import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  countryOfDomain,
  findSharedDir,
  parseBulletinItems,
  renderFigures,
  scoreBinary,
  scoreLanguage,
} from '../../scripts/eval.js';

describe('scoreBinary', () => {
  it('computes precision, recall and F1 from the confusion counts', () => {
    const score = scoreBinary([
      { expected: true, got: true },
      { expected: true, got: true },
      { expected: true, got: false },
      { expected: false, got: true },
      { expected: false, got: false },
    ]);
    expect(score).toMatchObject({ tp: 2, fp: 1, fn: 1, tn: 1 });
    expect(score.precision).toBeCloseTo(2 / 3);
    expect(score.recall).toBeCloseTo(2 / 3);
    expect(score.f1).toBeCloseTo(2 / 3);
  });

  it('gives 0, not NaN, when nothing is predicted', () => {
    expect(scoreBinary([{ expected: true, got: false }])).toMatchObject({ precision: 0, recall: 0, f1: 0 });
  });
});

describe('scoreLanguage', () => {
  it('counts per file and lists what each language was taken for; a missing answer is wrong', () => {
    const samples = [
      { id: 's:kir:0', file: 'kir', expected: 'kir' as const, text: 'a' },
      { id: 's:kir:1', file: 'kir', expected: 'kir' as const, text: 'b' },
      { id: 's:kir:2', file: 'kir', expected: 'kir' as const, text: 'c' },
      { id: 's:rus:0', file: 'rus', expected: 'rus' as const, text: 'd' },
    ];
    const answers = new Map([
      ['s:kir:0', { id: 's:kir:0', lang: 'kir' }],
      ['s:kir:1', { id: 's:kir:1', lang: 'kaz' }],
      ['s:rus:0', { id: 's:rus:0', lang: 'rus' }],
    ]);
    const report = scoreLanguage('s', samples, answers);
    expect(report).toMatchObject({ correct: 2, total: 4 });
    expect(report.perFile[0]).toEqual({
      file: 'kir',
      correct: 1,
      total: 3,
      confusions: [
        ['kaz', 1],
        ['error', 1],
      ],
    });
  });
});

describe('parseBulletinItems', () => {
  const bulletin = [
    'CONTENTS',
    'REPUBLIC OF KAZAKHSTAN ........ 3',
    '',
    'REPUBLIC OF KAZAKHSTAN',
    '**POLICE HELD A LECTURE**',
    'Officers told students about drugs.',
    '<https://polisia.kz/ru/lecture/>',
    'RAID IN ALMATY',
    'Police seized 2 kg of hashish.',
    '<https://polisia.kz/ru/raid/>',
    'REPUBLIC OF TAJIKISTAN',
    'BORDER MEETING',
    'Tajik and Chinese officials met.',
    '<https://biang.ru/ru/news/meeting.html>',
  ].join('\n');

  it('reads each item with its section, title, text and source', () => {
    const items = parseBulletinItems(bulletin);
    expect(items.map((item) => [item.section, item.title, item.url])).toEqual([
      ['KZ', 'POLICE HELD A LECTURE', 'https://polisia.kz/ru/lecture/'],
      ['KZ', 'RAID IN ALMATY', 'https://polisia.kz/ru/raid/'],
      ['TJ', 'BORDER MEETING', 'https://biang.ru/ru/news/meeting.html'],
    ]);
    expect(items[1]!.text).toBe('Police seized 2 kg of hashish.');
  });
});

describe('countryOfDomain', () => {
  it('takes the country of the top-level domain, .рф included, and none for generic domains', () => {
    expect(countryOfDomain('https://report.az/ru/x')).toBe('AZ');
    expect(countryOfDomain('https://xn--b1aew.xn--plai/news/item/1')).toBe('RU');
    expect(countryOfDomain('https://www.caricc.org/index.php')).toBeNull();
  });
});

describe('findSharedDir', () => {
  it('prefers ../shared beside the repository and falls back to the given folder', () => {
    const base = mkdtempSync(join(tmpdir(), 'eval-'));
    mkdirSync(join(base, 'repo'));
    mkdirSync(join(base, 'fallback/eval'), { recursive: true });
    expect(findSharedDir(join(base, 'repo'), join(base, 'fallback'))).toBe(join(base, 'fallback'));
    mkdirSync(join(base, 'shared/eval'), { recursive: true });
    expect(findSharedDir(join(base, 'repo'), join(base, 'fallback'))).toBe(join(base, 'shared'));
    const lonely = mkdtempSync(join(tmpdir(), 'eval-'));
    expect(() => findSharedDir(join(lonely, 'repo'), join(lonely, 'none'))).toThrow(/no shared folder/);
  });
});

describe('renderFigures', () => {
  it('marks a figure below its target', () => {
    const lines = renderFigures([
      { name: 'a', value: 0.99, n: 10, target: 0.995 },
      { name: 'b', value: 1, n: 5 },
    ]);
    expect(lines[2]).toBe('| a | 0.9900 | 10 | ≥ 0.995 | MISSED |');
    expect(lines[3]).toBe('| b | 1.0000 | 5 |  |  |');
  });
});
