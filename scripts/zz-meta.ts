import { readdirSync, readFileSync } from 'node:fs';
import { decodeHtml } from '../src/crawlers/extract/decode-html.js';
import { extractArticle } from '../src/crawlers/extract/extract-article.js';
const dir = process.argv[2]!;
let t = 0, d = 0, l = 0, n = 0; const times: Array<[number, string]> = []; const enc: Record<string, number> = {};
for (const f of readdirSync(dir)) {
  const { html, encoding } = decodeHtml(readFileSync(`${dir}/${f}`)); enc[encoding] = (enc[encoding] ?? 0) + 1;
  const s = performance.now();
  const a = extractArticle({ html, url: 'https://x.invalid/', now: new Date('2026-01-01') });
  times.push([performance.now() - s, f]);
  n++; if (a.title) t++; if (a.publishedAt) d++; if (a.htmlLang) l++;
  if (process.env.SHOW && n % 20 === 0) console.log(a.title, '|', a.publishedAt, '|', a.htmlLang);
}
times.sort((a, b) => b[0] - a[0]);
console.log({ n, t, d, l, enc, slowest: times.slice(0, 3) });
