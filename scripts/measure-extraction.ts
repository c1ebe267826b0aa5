/**
 * Runs the generic article extractor over a benchmark folder of *.html.gz pages and writes JSONL
 * predictions ({id, body}) for the shared scorers:
 *   node --import tsx scripts/measure-extraction.ts /work/shared/eval/article-extraction-benchmark/html aeb.jsonl
 *   node /work/shared/tools/score-extraction.mjs aeb.jsonl
 *   node --import tsx scripts/measure-extraction.ts /work/shared/eval/trafilatura-eval/pages traf.jsonl
 *   node /work/shared/tools/score-snippets.mjs traf.jsonl
 * Pages are decoded with decodeHtml without an HTTP header, as the crawler would when none is sent.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeHtml } from '../src/crawlers/extract/decode-html.js';
import { extractArticle } from '../src/crawlers/extract/extract-article.js';

const PAGE_SUFFIX = '.html.gz';

function measure(pagesDir: string, outputPath: string): void {
  const files = readdirSync(pagesDir).filter((name) => name.endsWith(PAGE_SUFFIX));
  const lines: string[] = [];
  let failures = 0;
  const started = performance.now();
  for (const file of files) {
    const id = file.slice(0, -PAGE_SUFFIX.length);
    const { html } = decodeHtml(readFileSync(join(pagesDir, file)));
    const article = extractArticle({ html, url: `https://benchmark.invalid/${id}` });
    if (article.errors.length > 0) failures++;
    lines.push(JSON.stringify({ id, body: article.body }));
  }
  writeFileSync(outputPath, `${lines.join('\n')}\n`);
  const seconds = (performance.now() - started) / 1000;
  process.stderr.write(
    `${files.length} pages in ${seconds.toFixed(1)} s, ${failures} with errors → ${outputPath}\n`,
  );
}

const [pagesDir, outputPath] = process.argv.slice(2);
if (!pagesDir || !outputPath) {
  process.stderr.write('usage: measure-extraction.ts PAGES_DIR OUTPUT.jsonl\n');
  process.exit(2);
}
measure(pagesDir, outputPath);
