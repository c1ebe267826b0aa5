import { extractArticle } from '../src/crawlers/extract/extract-article.js';
const p = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ';
for (const n of [2500, 5000, 10000, 20000]) {
  const html = `<html><body>${`<div class="c"><p>${p}</p><a href="#">x</a></div>`.repeat(n)}</body></html>`;
  const s = performance.now();
  extractArticle({ html, url: 'https://x.invalid/' });
  console.log(n, Math.round(performance.now() - s));
}
