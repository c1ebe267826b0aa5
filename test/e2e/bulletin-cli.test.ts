import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRelease } from '../../src/bulletin/parse-release.js';
import { openPglite } from '../../src/db/database.js';
import { docxParagraphs, readZipEntries, seedReleasePath } from '../support/bulletin.js';
import { runCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';

const workDir = mkdtempSync(join(tmpdir(), 'harvest-bulletin-'));
const dataDir = join(workDir, 'data');
const env = { HARVEST_DATA_DIR: dataDir };
// A free port of its own, so this file can serve the demo pages beside other files.
let demoPort = '';
beforeAll(async () => {
  demoPort = String(await freePort());
});
const seedPath = seedReleasePath();
const seed = parseRelease(readFileSync(seedPath, 'utf8'));

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** Without whitespace and hyphens: lines wrap anywhere, and pdftotext drops a hyphen that ends a line. */
const compact = (text: string) => text.replace(/[\s-]+/g, '');

/** One page's text, laid out. */
function pageText(path: string, page: number): string {
  const args = ['-layout', '-f', String(page), '-l', String(page), path, '-'];
  return execFileSync('/usr/bin/pdftotext', args, { encoding: 'utf8' });
}

/** The PDF's text as pdftotext (poppler-utils) reads it. */
function pdfText(path: string): { compact: string; pages: number } {
  const text = execFileSync('/usr/bin/pdftotext', [path, '-'], { encoding: 'utf8' });
  return { compact: compact(text), pages: text.split('\f').filter((page) => page.trim()).length };
}

function expectInPdf(pdf: { compact: string }, text: string): void {
  // A boolean with a message: a failure must not print the whole document.
  expect(pdf.compact.includes(compact(text)), `PDF text should contain ${JSON.stringify(text)}`).toBe(true);
}

describe('harvest import-bulletin', () => {
  it('imports release #17 and prints it as JSON with ISO country codes', async () => {
    const result = await runCli(['import-bulletin', seedPath, '--json'], env);
    expect(result.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout) as {
      number: number;
      period: { from: string; to: string };
      items: { country: string; title: string; url: string; order: number }[];
      by_country: Record<string, number>;
    };
    expect(printed.number).toBe(17);
    expect(printed.period).toEqual({ from: '2025-09-01', to: '2025-09-30' });
    expect(printed.items).toHaveLength(33);
    expect(printed.by_country).toEqual({ AZ: 9, KZ: 11, KG: 1, RU: 8, TJ: 2, TM: 1, UZ: 1 });
    expect(result.stderr).toContain('host label xn--plai → xn--p1ai');
    expect(result.stderr).toContain('bulletin #17: 33 item(s) stored; 33 article(s) created');
  });

  it('exits with 1 and names the country when the items disagree with the count line', async () => {
    const broken = join(workDir, 'broken.txt');
    writeFileSync(
      broken,
      readFileSync(seedPath, 'utf8').replace(/TURKMENISTAN\n\n\n\n\*\*CADAP[\s\S]*?news\/14533>/, ''),
    );
    const result = await runCli(['import-bulletin', broken, '--dry-run'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('count mismatch for TM: 0 item(s) found, the release says 1');
    expect(result.stderr).toContain('count mismatch for total: 32 item(s) found, the release says 33');
  });

  it('re-exports #17 as PDF with the title page, count line, headings, titles and URLs', async () => {
    const out = join(workDir, 'release-17.pdf');
    const result = await runCli(['bulletin', '--number', '17', '--format', 'pdf', '--out', out], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning [no_english_title]');
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = pdfText(out);
    expect(pdf.pages).toBeGreaterThanOrEqual(10);
    expectInPdf(pdf, 'INFORMATION RELEASE ABOUT PAST EVENTS IN THE ANTI-DRUG SPHERE');
    expectInPdf(pdf, seed.countsLine ?? '(no count line)');
    expectInPdf(pdf, 'KYRGYZ REPUBLIC');
    for (const item of seed.items) {
      expectInPdf(pdf, item.title);
      expectInPdf(pdf, `<${item.url}>`);
    }
    expectInPdf(pdf, 'Page 3');
    // Like the printed release, the contents give each country's page: the page its heading is printed on.
    const contents = pageText(out, 3);
    for (const heading of ['REPUBLIC OF AZERBAIJAN', 'KYRGYZ REPUBLIC', 'REPUBLIC OF UZBEKISTAN']) {
      const listed = new RegExp(`${heading}\\s+(\\d+)`).exec(contents);
      expect(listed, `${heading} in the contents with a page number`).not.toBeNull();
      const page = Number(listed![1]);
      expect(
        pageText(out, page)
          .split('\n')
          .map((line) => line.trim()),
      ).toContain(heading);
      expect(
        pageText(out, page - 1)
          .split('\n')
          .map((line) => line.trim()),
      ).not.toContain(heading);
    }
  });

  it('re-exports #17 as HTML and in Russian headings', async () => {
    const out = join(workDir, 'release-17.html');
    const result = await runCli(['bulletin', '--number', '17', '--lang', 'ru', '--out', out], env);
    expect(result.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<html lang="ru">');
    expect(html).toContain('РЕСПУБЛИКА КАЗАХСТАН');
    expect(html).toContain('освещено 33 события');
    expect(html).toContain(
      'href="https://www.facebook.com/photo/?fbid=810677308139518&amp;set=pcb.810677458139503"',
    );
  });
});

describe('a new bulletin from the demo harvest', () => {
  let approved: { title: string; country: string; story_id: number | null }[] = [];
  /** A bulletin prints each story once. */
  const events = () => new Set(approved.map((item, index) => item.story_id ?? `alone-${index}`)).size;

  it('harvests the demo and approves the September drafts of four sources', async () => {
    const demo = await runCli(['demo', '--port', demoPort], env);
    expect(demo.code).toBe(0);
    const db = await openPglite(dataDir);
    try {
      const result = await db.query<{ title: string; country: string; story_id: number | null }>(
        `UPDATE articles SET status = 'approved'
         WHERE status = 'new' AND published_at IS NOT NULL
           AND source_id IN ('polisia-kz-ru', 'nmdk-gov-az', 'dialog-tj', 'caricc-org')
         RETURNING title, country, story_id`,
      );
      approved = result.rows;
    } finally {
      await db.close();
    }
    expect(approved.length).toBeGreaterThanOrEqual(5);
  });

  it('exports bulletin #18 in all four formats with the approved drafts grouped by country', async () => {
    const base = ['bulletin', '--number', '18', '--period', '2025-09'];
    const md = await runCli([...base, '--out', join(workDir, 'b18.md')], env);
    expect(md.stderr).not.toMatch(/Error:|at .*\.ts:\d+/);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain(`bulletin #18 (2025-09-01…2025-09-30): ${events()} item(s)`);
    // Harvested titles are still in Russian or Azerbaijani: the editor is told to give English ones.
    expect(md.stderr).toContain('warning [no_english_title]');
    expect(md.stderr).toContain('warning [empty_country]: Kyrgyzstan has no items');

    const reparsed = parseRelease(readFileSync(join(workDir, 'b18.md'), 'utf8'));
    expect(reparsed.number).toBe(18);
    expect(reparsed.items).toHaveLength(events());
    const approvedTitles = approved.map((item) => item.title.toLocaleUpperCase('en'));
    for (const item of reparsed.items) expect(approvedTitles).toContain(item.title);
    const countries = reparsed.items.map((item) => item.country);
    expect(countries).toEqual(
      [...countries].sort((a, b) => 'AZKZKGRUTJTMUZ'.indexOf(a) - 'AZKZKGRUTJTMUZ'.indexOf(b)),
    );
    expect(reparsed.mismatches).toEqual([]);
    expect(reparsed.items.every((item) => item.url?.startsWith(`http://127.0.0.1:${demoPort}/`))).toBe(true);

    const html = await runCli([...base, '--out', join(workDir, 'b18.html')], env);
    expect(html.code).toBe(0);
    expect(readFileSync(join(workDir, 'b18.html'), 'utf8')).toContain('<h2>REPUBLIC OF KAZAKHSTAN</h2>');

    const docx = await runCli([...base, '--format', 'docx', '--out', join(workDir, 'b18.docx')], env);
    expect(docx.code).toBe(0);
    const documentXml = readZipEntries(readFileSync(join(workDir, 'b18.docx'))).get('word/document.xml');
    const paragraphs = docxParagraphs(documentXml?.toString('utf8') ?? '');
    for (const item of reparsed.items) expect(paragraphs).toContain(`<${item.url}>`);
    expect(paragraphs).toContain(reparsed.countsLine);

    const pdfPath = join(workDir, 'b18.pdf');
    const pdf = await runCli([...base, '--format', 'pdf', '--out', pdfPath], env);
    expect(pdf.code).toBe(0);
    const text = pdfText(pdfPath);
    expectInPdf(text, `covered ${events()} events`);
    for (const item of reparsed.items) expectInPdf(text, item.title);
  });
});
