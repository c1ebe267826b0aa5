import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { looksEnglish } from '../../src/bulletin/checks.js';
import { parseRelease } from '../../src/bulletin/parse-release.js';
import { docxParagraphs, readZipEntries } from '../support/bulletin.js';
import { runCli, startCli } from '../support/cli.js';
import { freePort } from '../support/ports.js';

// Issue 13's "done when", as an analyst gets there: the demo harvested, every new draft approved in the review
// workspace (which gives each the best English it has), release #18 assembled and exported in the four formats.
const workDir = mkdtempSync(join(tmpdir(), 'harvest-english-release-'));
const dataDir = join(workDir, 'data');
const env = { HARVEST_DATA_DIR: dataDir };
const PASSWORD = 'a long analyst password';
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

interface Approved {
  id: number;
  story_id: number | null;
}

async function approveEveryNewDraft(origin: string): Promise<Approved[]> {
  const login = await fetch(`${origin}/api/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'aigul', password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${origin}/api/me`, { headers: { cookie } })).json()) as {
    csrf_token: string;
  };
  const headers = { cookie, 'x-csrf-token': me.csrf_token, 'content-type': 'application/json' };
  const approved: Approved[] = [];
  // Approving a story's report covers its other reports: the list is read again until nothing new is left.
  for (;;) {
    const page = (await (
      await fetch(`${origin}/api/items?status=new&page_size=500`, { headers })
    ).json()) as {
      items: Array<{ id: number; version: number }>;
    };
    if (page.items.length === 0) return approved;
    const [next] = page.items;
    const answer = await fetch(`${origin}/api/items/${next!.id}/approve`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ version: next!.version }),
    });
    expect(answer.status).toBe(200);
    approved.push((await answer.json()).item as Approved);
  }
}

function pdfPage(path: string, page: number): string {
  return execFileSync('/usr/bin/pdftotext', ['-layout', '-f', String(page), '-l', String(page), path, '-'], {
    encoding: 'utf8',
  });
}

describe('from the demo harvest to release #18 in English', () => {
  it('approves every new draft in the workspace and exports an all-English release, one item per story', async () => {
    const demo = await runCli(['demo', '--port', String(await freePort()), '--data-dir', dataDir], {});
    expect(demo.code, demo.stderr).toBe(0);
    const added = await runCli(
      ['users', 'add', '--name', 'aigul', '--role', 'analyst', '--password-stdin'],
      env,
      `${PASSWORD}\n`,
    );
    expect(added.code, added.stderr).toBe(0);

    const serve = startCli(['serve', '--port', '0'], env);
    let stderr = '';
    const origin = await new Promise<string>((resolve, reject) => {
      serve.stderr?.on('data', (chunk) => {
        stderr += chunk;
        const match = /review workspace on (http:\/\/\S+)/.exec(stderr);
        if (match) resolve(match[1]!);
      });
      serve.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
    });
    const exited = new Promise((resolve) => serve.on('exit', resolve));
    let approved: Approved[];
    try {
      approved = await approveEveryNewDraft(origin);
    } finally {
      serve.kill('SIGTERM');
      await exited;
    }
    expect(approved.length).toBeGreaterThan(5);

    const base = ['bulletin', '--period', '2025-09', '--number', '18'];
    const md = await runCli([...base, '--format', 'md', '--out', join(workDir, 'r18.md')], env);
    expect(md.code, md.stderr).toBe(0);
    // No item left in another language, no event printed twice; generated English is flagged for review. (Two
    // plain suggestions may share a title — "REPORT ON DRUG ADDICTION IN AZERBAIJAN" — and are flagged so.)
    expect(md.stderr).not.toMatch(/warning \[(no_english_title|no_english_body|same_story)\]/);
    expect(md.stderr).not.toMatch(/warning \[duplicate\].*same URL/);
    expect(md.stderr).toMatch(/warning \[unreviewed_english\]/);
    const release = parseRelease(readFileSync(join(workDir, 'r18.md'), 'utf8'));
    expect(release.items.length).toBeGreaterThan(5);
    for (const item of release.items) {
      expect(looksEnglish(item.title), item.title).toBe(true);
      expect(looksEnglish(item.body), item.body).toBe(true);
    }
    const stories = new Set(approved.map((item) => item.story_id ?? `alone-${item.id}`));
    expect(release.items.length).toBeLessThanOrEqual(stories.size);
    expect(release.mismatches).toEqual([]);
    expect(release.topics).toMatch(/^Published articles contain information about /);
    expect(looksEnglish(release.topics ?? '')).toBe(true);

    const html = await runCli([...base, '--format', 'html', '--out', join(workDir, 'r18.html')], env);
    expect(html.code, html.stderr).toBe(0);
    const page = readFileSync(join(workDir, 'r18.html'), 'utf8');
    for (const item of release.items) expect(page).toContain(item.title);

    const docx = await runCli([...base, '--format', 'docx', '--out', join(workDir, 'r18.docx')], env);
    expect(docx.code, docx.stderr).toBe(0);
    const xml = readZipEntries(readFileSync(join(workDir, 'r18.docx'))).get('word/document.xml');
    const paragraphs = docxParagraphs(xml?.toString('utf8') ?? '');
    for (const item of release.items) expect(paragraphs).toContain(item.title);

    const pdfPath = join(workDir, 'r18.pdf');
    const pdf = await runCli([...base, '--format', 'pdf', '--out', pdfPath], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    const contents = pdfPage(pdfPath, 3);
    const numbered = [
      ...contents.matchAll(/^\s*((?:REPUBLIC OF |KYRGYZ |RUSSIAN |TURKMENISTAN)[A-Z ]*?)\s{2,}(\d+)\s*$/gm),
    ];
    expect(numbered.length).toBeGreaterThan(0);
    for (const [, heading, number] of numbered) {
      const lines = pdfPage(pdfPath, Number(number))
        .split('\n')
        .map((line) => line.trim());
      expect(lines, `${heading} on page ${number}`).toContain(heading!.trim());
    }
  });
});
