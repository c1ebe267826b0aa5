import { extractArticle } from '../src/crawlers/extract/extract-article.js';
const p = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. ';
const cases: Record<string, string> = {
  nested: `<html><body>${'<div>'.repeat(20000)}<p>${p}</p>${'</div>'.repeat(20000)}</body></html>`,
  unclosed: `<html><body>${'<div><span><b>'.repeat(5000)}${p}</body></html>`,
  manyParas: `<html><body>${`<div class="c"><p>${p}</p><a href="#">x</a></div>`.repeat(20000)}</body></html>`,
  hugeText: `<html><body><p>${p.repeat(50000)}</p></body></html>`,
  attrs: `<html><body>${'<p class="a b c" id="x">word '.repeat(30000)}</body></html>`,
};
for (const [name, html] of Object.entries(cases)) {
  const s = performance.now();
  try {
    const a = extractArticle({ html, url: 'https://x.invalid/' });
    console.log(name, html.length, Math.round(performance.now() - s), 'ms', a.body?.length, a.errors);
  } catch (e) { console.log(name, 'THREW', String(e).slice(0, 200), Math.round(performance.now() - s)); }
}
