import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const workDir = mkdtempSync(join(tmpdir(), 'harvest-cli-'));
const dataDir = join(workDir, 'data');
const env = { HARVEST_DATA_DIR: dataDir };

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const jsonLines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

describe('harvest (no verb)', () => {
  it('prints the usage of every verb and exits 2', async () => {
    const result = await runCli([]);
    expect(result.code).toBe(2);
    for (const verb of [
      'run',
      'worker',
      'demo',
      'migrate',
      'sources check',
      'analyze',
      'extract',
      'ingest',
      'drafts list',
    ]) {
      expect(result.stdout).toContain(`harvest ${verb}`);
    }
  });

  it('rejects an unknown flag with the verb usage', async () => {
    const result = await runCli(['run', '--bogus'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: harvest run/);
  });
});

describe('harvest sources check', () => {
  it('accepts the shipped files', async () => {
    for (const file of ['config/sources.yaml', 'config/sources.demo.yaml']) {
      const result = await runCli(['sources', 'check', file]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
  });

  it('names file, line, column and field of every error, and harvest run refuses the file', async () => {
    const bad = join(workDir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'sources:',
        '  - id: broken',
        '    name: Broken',
        '    country: XX',
        '    languages: [rus]',
        '    timezone: Asia/Almaty',
        '    discovery:',
        '      strategy: feed',
        '      urls: ["https://example.kz/"]',
      ].join('\n'),
    );
    const check = await runCli(['sources', 'check', bad]);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(new RegExp(`${bad}:4:\\d+ sources\\[0\\]\\.country`));
    expect(check.stderr).toMatch(new RegExp(`${bad}:8:\\d+ sources\\[0\\]\\.discovery\\.strategy`));

    const run = await runCli(['run', '--sources', bad], env);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/sources\[0\]\.country/);
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('harvest worker', () => {
  it('explains that it needs REDIS_URL', async () => {
    const result = await runCli(['worker'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/needs REDIS_URL/);
  });
});

describe('harvest analyze', () => {
  it('answers one line per input line with language, relevance and country', async () => {
    const input = [
      {
        id: 'ru',
        title: 'В Бишкеке изъяли 5 кг гашиша',
        text: 'Сотрудники СБНОН МВД Кыргызстана задержали наркокурьера и изъяли пять килограммов гашиша.',
      },
      {
        id: 'en',
        text: 'The football club won the national cup in Baku after a penalty shoot-out on Sunday evening.',
      },
      { id: 'bad' },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const result = await runCli(['analyze', '-'], {}, `${input}\n`);
    const [ru, en, bad] = jsonLines(result.stdout);
    expect(ru).toMatchObject({ id: 'ru', lang: 'rus', relevant: true, country: 'KG' });
    expect(ru.matched.length).toBeGreaterThan(0);
    expect(en).toMatchObject({ id: 'en', lang: 'eng', relevant: false });
    expect(bad).toMatchObject({ id: 'bad', error: expect.stringMatching(/line 3/) });
    expect(result.code).toBe(1);
  });
});

describe('harvest extract', () => {
  it('extracts gzipped pages and keeps one output line per input line, in order, when a page fails', async () => {
    const page = `<html><head><title>Полиция изъяла героин | Site</title>
      <meta property="article:published_time" content="2025-09-12T10:00:00+05:00"></head>
      <body><nav>Главная Новости</nav><article><h1>Полиция изъяла героин</h1>
      <p>Сотрудники полиции Алматы изъяли два килограмма героина у жителя города.</p>
      <p>Возбуждено уголовное дело, ведётся следствие.</p></article><footer>© МВД</footer></body></html>`;
    writeFileSync(join(workDir, 'page.html.gz'), gzipSync(page));
    const list = join(workDir, 'pages.jsonl');
    writeFileSync(
      list,
      [
        { id: 'a', url: 'https://polisia.kz/ru/a/', html_file: join(workDir, 'page.html.gz') },
        { id: 'missing', url: 'https://polisia.kz/ru/b/', html_file: join(workDir, 'nope.html') },
        { id: 'c', url: 'https://polisia.kz/ru/c/', html_file: 'page.html.gz' },
      ]
        .map((line) => JSON.stringify(line))
        .join('\n'),
    );
    const result = await runCli(['extract', '--jsonl', list]);
    const lines = jsonLines(result.stdout);
    expect(lines.map((line) => line.id)).toEqual(['a', 'missing', 'c']);
    expect(lines[0].title).toBe('Полиция изъяла героин');
    expect(lines[0].published_at).toBe('2025-09-12T05:00:00.000Z');
    expect(lines[0].body).toMatch(/два килограмма героина[\s\S]*уголовное дело/);
    expect(lines[0].body).not.toMatch(/Главная|© МВД/);
    expect(lines[1]).toMatchObject({ body: null, error: expect.stringMatching(/line 2/) });
    expect(lines[2].title).toBe('Полиция изъяла героин');
  });
});

describe('harvest ingest and drafts list', () => {
  it('pushes ready articles through the stages and lists them with their fate', async () => {
    const now = new Date().toISOString();
    const input = [
      {
        url: 'https://kun.uz/news/2025/09/20/ozbekistonda-geroin',
        title: 'Toshkentda 3 kilogramm geroin musodara qilindi',
        text: 'Ichki ishlar vazirligi xodimlari Toshkent shahrida giyohvand moddalar savdosi bilan shugʻullangan shaxsni qoʻlga olishdi va 3 kilogramm geroin musodara qilindi.',
        published_at: now,
        source: 'kun-uz',
      },
      {
        url: 'https://kun.uz/news/2025/09/20/futbol',
        title: 'Oʻzbekiston terma jamoasi gʻalaba qozondi',
        text: 'Oʻzbekiston futbol terma jamoasi Toshkentda boʻlib oʻtgan oʻrtoqlik uchrashuvida raqibini 2:0 hisobida magʻlub etdi.',
        published_at: now,
      },
    ]
      .map((line) => JSON.stringify(line))
      .join('\n');
    const ingest = await runCli(['ingest', '-'], env, input);
    expect(ingest.code).toBe(0);
    expect(ingest.stderr).toMatch(/2 new article\(s\) stored/);
    const again = await runCli(['ingest', '-'], env, input);
    expect(again.stderr).toMatch(/0 new article\(s\) stored/);

    const listed = jsonLines((await runCli(['drafts', 'list', '--json'], env)).stdout);
    expect(listed).toHaveLength(2);
    const drug = listed.find((row) => row.url.endsWith('geroin'));
    expect(drug).toMatchObject({ status: 'new', lang: 'uzb', country: 'UZ', source_id: 'kun-uz' });
    for (const key of [
      'id',
      'canonical_url',
      'url',
      'source_id',
      'country',
      'lang',
      'title',
      'published_at',
      'status',
      'score',
      'matched',
    ]) {
      expect(drug).toHaveProperty(key);
    }
    expect(listed.find((row) => row.url.endsWith('futbol'))).toMatchObject({
      status: 'filtered',
      filter_reason: 'not_relevant',
    });

    // Search by word: a drug name in another script, an apostrophe typed another way, a Turkic suffix.
    const found = async (text: string) =>
      jsonLines((await runCli(['drafts', 'list', '--text', text, '--json'], env)).stdout).map((row) =>
        row.url.replace(/^.*\//, ''),
      );
    expect(await found('героин')).toEqual(['ozbekistonda-geroin']);
    expect(await found("qo'lga")).toEqual(['ozbekistonda-geroin']);
    expect(await found('futbol')).toEqual(['futbol']);
    expect(await found('terma -futbol')).toEqual([]);
    const empty = await runCli(['drafts', 'list', '--text', '!!!'], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--text needs at least one word/);
  });
});

describe('harvest run without network', () => {
  it('records each unreachable source as failed, exits with 1 and points to the offline demo', async () => {
    const sources = join(workDir, 'unreachable.yaml');
    writeFileSync(
      sources,
      [
        'sources:',
        '  - id: nowhere',
        '    name: Unreachable',
        '    country: TJ',
        '    languages: [rus]',
        '    timezone: Asia/Dushanbe',
        '    limits: { timeoutSecs: 2 }',
        '    discovery:',
        '      strategy: rss',
        '      urls: ["http://127.0.0.1:9/rss"]',
      ].join('\n'),
    );
    const result = await runCli(['run', '--sources', sources], env);
    // Cron must be able to tell: any failed source makes the exit code 1, and the summary names it.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/nowhere: FAILED — unreachable/);
    expect(result.stdout).toMatch(/1 source\(s\) failed:\n {2}nowhere: /);
    // The offline pointer stays the last thing printed.
    expect(result.stderr.trimEnd().split('\n').at(-1)).toMatch(/npm run demo/);
  });
});
