import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { decodeHtml } from '../crawlers/extract/decode-html.js';
import { extractArticle } from '../crawlers/extract/extract-article.js';
import { type CliContext, parseVerbArgs, readJsonLines, UsageError } from './cli-support.js';

const extractInputSchema = z.object({
  id: z.union([z.string(), z.number()]),
  url: z.string(),
  html_file: z.string(),
});

async function extractFile(path: string, url: string, timezone: string | undefined) {
  const raw = await readFile(path);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  const { html } = decodeHtml(bytes);
  return extractArticle({ html, url, ...(timezone ? { timezone } : {}) });
}

/** Offline: exactly the extractor the crawler uses, on pages saved to disk (plain or gzipped). */
export async function extractCommand(args: string[], ctx: CliContext): Promise<number> {
  const { values } = parseVerbArgs(args, {
    jsonl: { type: 'string' },
    url: { type: 'string' },
    'html-file': { type: 'string' },
    timezone: { type: 'string' },
  });
  if (values.url && values['html-file']) {
    const article = await extractFile(values['html-file'], values.url, values.timezone);
    ctx.out(
      JSON.stringify({
        id: values.url,
        title: article.title,
        published_at: article.publishedAt,
        body: article.body,
      }),
    );
    return article.body ? 0 : 1;
  }
  if (!values.jsonl) throw new UsageError('give --jsonl FILE, or --url URL with --html-file FILE');
  const baseDir = values.jsonl === '-' ? process.cwd() : dirname(resolve(values.jsonl));
  let failures = 0;
  for await (const line of readJsonLines(values.jsonl)) {
    const parsed = line.error ? undefined : extractInputSchema.safeParse(line.value);
    const id = (line.value as { id?: unknown } | undefined)?.id ?? null;
    const failed = (error: string) => {
      failures += 1;
      ctx.out(JSON.stringify({ id, title: null, published_at: null, body: null, error }));
    };
    if (!parsed?.success) {
      failed(line.error ?? `line ${line.lineNumber}: ${parsed?.error.issues[0]?.message ?? 'invalid'}`);
      continue;
    }
    try {
      // Relative paths are tried from the working directory first, then from the JSONL file's folder.
      const fromCwd = resolve(parsed.data.html_file);
      const path = existsSync(fromCwd) ? fromCwd : resolve(baseDir, parsed.data.html_file);
      const article = await extractFile(path, parsed.data.url, values.timezone);
      ctx.out(
        JSON.stringify({ id, title: article.title, published_at: article.publishedAt, body: article.body }),
      );
    } catch (error) {
      failed(`line ${line.lineNumber}: ${(error as Error).message}`);
    }
  }
  if (failures > 0) ctx.err(`${failures} page(s) could not be extracted`);
  return 0;
}
