import { type Browser, chromium } from 'playwright-core';
import type { Bulletin } from './assemble.js';
import { frontMatter } from './front-matter.js';
import { HOUSE_TEXTS } from './house-format.js';
import { escapeHtml, renderHtml } from './render-html.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';
// A print job needs no network, GPU, sandboxed renderers for untrusted sites, or background updates.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages of a PDF as Chromium writes it: the page tree's `/Count` (its objects are not compressed). */
export function countPdfPages(pdf: Buffer): number {
  const text = pdf.toString('latin1');
  const counts = [
    ...text.matchAll(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)[^>]*?\/Type\s*\/Pages\b/g),
  ].map((match) => Number(match[1] ?? match[2]));
  if (counts.length > 0) return Math.max(...counts);
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

type PrintPage = Awaited<ReturnType<Awaited<ReturnType<Browser['newContext']>>['newPage']>>;

async function print(page: PrintPage, html: string, lang: Bulletin['lang']): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' });
  const label = escapeHtml(HOUSE_TEXTS[lang].page);
  return page.pdf({
    format: 'A4',
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;">${label} <span class="pageNumber"></span></div>`,
    margin: { top: '20mm', bottom: '22mm', left: '18mm', right: '18mm' },
  });
}

/**
 * The page each country starts on. Every country starts on a new page, so country k starts after the pages of
 * the release cut before it: printed once per country, with placeholders as wide as the numbers will be.
 */
async function sectionPages(page: PrintPage, bulletin: Bulletin): Promise<Record<string, string>> {
  const anchors = frontMatter(bulletin).contents.map((entry) => entry.anchor);
  const placeholders = Object.fromEntries(anchors.map((anchor) => [anchor, '000']));
  const numbers: Record<string, string> = {};
  for (const [index, anchor] of anchors.entries()) {
    const before = await print(
      page,
      renderHtml(bulletin, { pageNumbers: placeholders, sectionLimit: index }),
      bulletin.lang,
    );
    numbers[anchor] = String(countPdfPages(before) + 1);
  }
  return numbers;
}

/** Chromium's print of the HTML release, A4, with page numbers in the footer and in the contents. */
export async function renderPdf(bulletin: Bulletin, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    // Nothing in the release is loaded from elsewhere: any request would be a harvested page's doing.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    const pageNumbers = await sectionPages(page, bulletin);
    return await print(page, renderHtml(bulletin, { pageNumbers }), bulletin.lang);
  } finally {
    await browser.close();
  }
}
