import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { decodeHtml } from '../src/crawlers/extract/decode-html.js';
import { extractBodyWithReadability } from '../src/crawlers/extract/extract-body.js';
import { parseDocument } from '../src/crawlers/extract/parse-dom.js';

const [dir, out] = process.argv.slice(2);
const files = readdirSync(dir!).filter((f) => f.endsWith('.html.gz'));
const lines: string[] = [];
const t0 = Date.now();
for (const f of files) {
  const { html } = decodeHtml(readFileSync(`${dir}/${f}`));
  const document = parseDocument(html);
  let body: string | null = null;
  try {
    body = extractBodyWithReadability(document);
  } catch (e) {
    console.error(f, e);
  }
  lines.push(JSON.stringify({ id: f.replace(/\.html\.gz$/, ''), body }));
}
writeFileSync(out!, lines.join('\n') + '\n');
console.error('ms', Date.now() - t0);
