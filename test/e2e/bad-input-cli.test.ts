import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

// Bad input found by the last audit: each gets one line naming its line or field, never a stack trace, and
// the rest of the input is still processed.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-bad-input-'));
const env = { HARVEST_DATA_DIR: join(workDir, 'data') };

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const STACK_FRAME = /^\s+at /m;
const lines = (text: string) => text.split('\n').filter(Boolean);

describe('harvest ingest', () => {
  it('refuses a javascript: URL, a NUL and a date it cannot read by line number, and stores the other lines', async () => {
    const body =
      'Сотрудники полиции Шымкента задержали наркокурьера и изъяли у него два килограмма героина. Возбуждено уголовное дело по статье о незаконном обороте наркотиков.';
    const input = [
      JSON.stringify({
        url: 'https://polisia.kz/ru/news/shymkent-geroin',
        title: 'В Шымкенте изъяли два килограмма героина',
        text: body,
        published_at: '2025-09-15',
        source: 'polisia-kz-ru',
      }),
      JSON.stringify({ url: 'javascript:alert(1)//polisia.kz/ru/news/1', title: 'x', text: body }),
      JSON.stringify({
        url: 'https://report.az/ru/proisshestviya/baku-geroin',
        title: 'В Баку изъяли героин',
        text: body.replace('Шымкента', 'Баку'),
        published_at: '2025-09-16T09:30',
        source: 'report-az-ru',
      }),
      '{"url": "https://polisia.kz/ru/news/broken", ',
      JSON.stringify({ url: 'https://polisia.kz/ru/news/nul', title: 'героин\u0000', text: body }),
      JSON.stringify({
        url: 'https://polisia.kz/ru/news/date',
        title: 't',
        text: body,
        published_at: '15.09.2025',
      }),
      JSON.stringify({
        url: 'https://polisia.kz/ru/news/no-date',
        title: 'В Таразе изъяли героин',
        text: body,
      }),
    ].join('\n');
    const ingest = await runCli(['ingest', '-'], env, input);
    expect(ingest.stderr).not.toMatch(STACK_FRAME);
    expect(ingest.code).toBe(1);
    const refusals = lines(ingest.stderr).filter((line) => line.startsWith('line '));
    expect(refusals).toHaveLength(4);
    expect(refusals[0]).toMatch(/^line 2: url: scheme javascript: is not http\(s\)/);
    expect(refusals[1]).toMatch(/^line 4: invalid JSON/);
    expect(refusals[2]).toBe('line 5: title: contains a NUL character');
    expect(refusals[3]).toMatch(/^line 6: published_at: expected an ISO 8601 date \(2025-09-15\)/);
    expect(ingest.stderr).toContain('3 new article(s) stored, 4 line(s) rejected');

    const listed = lines((await runCli(['drafts', 'list', '--json', '--limit', '50'], env)).stdout).map(
      (line) => JSON.parse(line),
    );
    const byUrl = new Map(listed.map((row) => [row.url, row]));
    expect([...byUrl.keys()].sort()).toEqual([
      'https://polisia.kz/ru/news/no-date',
      'https://polisia.kz/ru/news/shymkent-geroin',
      'https://report.az/ru/proisshestviya/baku-geroin',
    ]);
    // Every stored line went through the stages; none is left pending.
    for (const row of listed) expect(row.status).not.toBe('pending');
    // A day is midnight in the source's zone (Almaty UTC+5), a time without offset is read there (Baku UTC+4).
    expect(new Date(byUrl.get('https://polisia.kz/ru/news/shymkent-geroin').published_at).toISOString()).toBe(
      '2025-09-14T19:00:00.000Z',
    );
    expect(
      new Date(byUrl.get('https://report.az/ru/proisshestviya/baku-geroin').published_at).toISOString(),
    ).toBe('2025-09-16T05:30:00.000Z');
  });
});

describe('harvest sources check', () => {
  it('refuses a YAML alias bomb in one line naming where, without a stack trace', async () => {
    const bomb = join(workDir, 'bomb.yaml');
    writeFileSync(
      bomb,
      [
        'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
        'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
        'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
        'sources: [*e]',
        '',
      ].join('\n'),
    );
    for (const args of [
      ['sources', 'check', bomb],
      ['run', '--sources', bomb],
    ]) {
      const result = await runCli(args, env);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.code).toBe(1);
      // `sources check` adds the count of errors.
      expect(lines(result.stderr)[0]).toBe(
        `${bomb}:2:8 aliases expand too often (more than 100 times): write the values out instead of nesting *aliases`,
      );
      expect(lines(result.stderr).length).toBeLessThanOrEqual(2);
    }
  });

  it('names an alias without its anchor', async () => {
    const file = join(workDir, 'unknown-alias.yaml');
    writeFileSync(file, 'sources:\n  - *tengri\n');
    const result = await runCli(['sources', 'check', file], env);
    expect(result.code).toBe(1);
    expect(lines(result.stderr)[0]).toBe(
      `${file}:2:5 unknown alias *tengri (its anchor &tengri must come before it)`,
    );
  });
});

describe('harvest import-bulletin', () => {
  it('says that random bytes, a PDF or other text are not a release, and exits 1', async () => {
    const random = join(workDir, 'random.bin');
    // Fixed bytes, so that the test reads the same file every time: every value, scrambled.
    writeFileSync(random, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 167 + 13) % 256)));
    const pdf = join(workDir, 'release.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n');
    const prose = join(workDir, 'notes.txt');
    writeFileSync(prose, 'Meeting notes, 3 October.\nAgenda: budget, travel.\n');
    const cases: Array<[string, string]> = [
      [random, 'not an information release: binary data, not UTF-8 text'],
      [pdf, 'this is a PDF, not its text: extract the text first'],
      [prose, 'not an information release: no member-state section with items found'],
    ];
    for (const [file, message] of cases) {
      for (const extra of [['--dry-run'], ['--json', '--dry-run'], []]) {
        const result = await runCli(['import-bulletin', file, ...extra], env);
        expect(result.code, `${file} ${extra}`).toBe(1);
        expect(result.stdout).toBe('');
        expect(lines(result.stderr)).toHaveLength(1);
        expect(result.stderr).toContain(`harvest import-bulletin: ${file}: ${message}`);
      }
    }
  });
});
