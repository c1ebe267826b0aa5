import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePageText } from '../../scripts/eval/page-text.js';

const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join('\n');

describe('evaluatePageText', () => {
  it('scores held-out rows only, and lists every miss with its split', () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-text-'));
    const stamp = { lang: 'rus', timezone: 'Europe/Moscow', now: '2025-09-19T07:30:00Z' };
    writeFileSync(
      join(dir, 'dates.jsonl'),
      jsonl([
        {
          ...stamp,
          id: 'd1',
          split: 'test',
          stamp_html: '<div>18.09.2025 10:00</div>',
          published: '2025-09-18T10:00:00+03:00',
        },
        // labelled wrongly on purpose: the page says 10:00
        {
          ...stamp,
          id: 'd2',
          split: 'test',
          stamp_html: '<div>18.09.2025 10:00</div>',
          published: '2025-09-18T11:00:00+03:00',
        },
        {
          ...stamp,
          id: 'd3',
          split: 'dev',
          stamp_html: '<div>нет даты</div>',
          published: '2025-09-18T11:00:00+03:00',
        },
      ]),
    );
    writeFileSync(
      join(dir, 'credits.jsonl'),
      jsonl([
        { id: 'c1', lang: 'rus', split: 'test', line: 'Фото: МВД', credit: true },
        { id: 'c2', lang: 'rus', split: 'test', line: 'Автор: Иван Петров', credit: false },
        { id: 'c3', lang: 'rus', split: 'test', line: 'Задержаны двое.', credit: false },
        { id: 'c4', lang: 'rus', split: 'dev', line: 'Фото: МВД', credit: false },
      ]),
    );
    const report = evaluatePageText(dir);
    expect(report.rows.map((row) => [row.value, row.n])).toEqual([
      [0.5, 2],
      [0.5, 3],
      [1, 3],
    ]);
    const misses = report.detail.filter((line) => line.startsWith('- '));
    expect(misses).toEqual([
      '- d2 (test) date wrong: <div>18.09.2025 10:00</div>',
      '- d3 (dev) date wrong: <div>нет даты</div>',
      '- c2 (test) dropped: Автор: Иван Петров',
      '- c4 (dev) dropped: Фото: МВД',
    ]);
  });
});
