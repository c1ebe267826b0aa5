import { readdirSync, readFileSync } from 'node:fs';
import { decodeHtml } from '../src/crawlers/extract/decode-html.js';
import { extractArticle } from '../src/crawlers/extract/extract-article.js';
const dir = process.argv[2]!;
for (const f of readdirSync(dir)) {
  const { html } = decodeHtml(readFileSync(`${dir}/${f}`));
  const a = extractArticle({ html, url: 'https://x.invalid/', now: new Date('2026-01-01') });
  if (a.publishedAt) continue;
  const hits = [...html.matchAll(/<meta[^>]*(?:date|time|publish)[^>]*>|<time[^>]*>|"datePublished"\s*:\s*"[^"]*"/gi)].map((m) => m[0].slice(0, 140));
  console.log(f.slice(0, 8), hits.slice(0, 4));
}
