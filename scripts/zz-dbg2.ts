import { readFileSync } from 'node:fs';
import { decodeHtml } from '../src/crawlers/extract/decode-html.js';
import { parseDocument } from '../src/crawlers/extract/parse-dom.js';

for (const id of process.argv.slice(2)) {
  const { html } = decodeHtml(readFileSync(`/work/shared/eval/trafilatura-eval/pages/${id}.html.gz`));
  const document = parseDocument(html);
  console.log(
    id,
    document.body?.textContent?.length,
    document.documentElement?.outerHTML.length,
    document.querySelectorAll('p').length,
    html.slice(0, 300).replace(/\s+/g, ' '),
  );
}
