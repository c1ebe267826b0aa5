import { chromium } from 'playwright-core';
import type { Bulletin } from './assemble.js';
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

/** Chromium's print of the HTML release, A4, with page numbers in the footer. */
export async function renderPdf(bulletin: Bulletin, executablePath = CHROMIUM_PATH): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    // Nothing in the release is loaded from elsewhere: any request would be a harvested page's doing.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.setContent(renderHtml(bulletin), { waitUntil: 'load' });
    const label = escapeHtml(HOUSE_TEXTS[bulletin.lang].page);
    return await page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size:9pt;width:100%;text-align:center;">${label} <span class="pageNumber"></span></div>`,
      margin: { top: '20mm', bottom: '22mm', left: '18mm', right: '18mm' },
    });
  } finally {
    await browser.close();
  }
}
