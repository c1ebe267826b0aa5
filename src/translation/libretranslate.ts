import { z } from 'zod';
import type { EnglishGlossary } from '../domain/english/glossary.js';
import { inlineEnglishTerms, protectTerms, restoreTerms } from '../domain/english/protect-terms.js';
import type { Language } from '../domain/types.js';
import {
  TranslationError,
  type Translator,
  TranslatorHttpError,
  TranslatorResponseError,
  TranslatorTimeoutError,
  TranslatorUnavailableError,
} from './translator.js';

/**
 * A self-hosted LibreTranslate (https://libretranslate.com/docs, the `libretranslate/libretranslate` image) behind
 * the `Translator` port. Its documented API: `POST /translate` with JSON `{q, source, target, format, api_key}`,
 * where `q` may be an array of texts; the answer is `{translatedText}` (an array for an array `q`), errors are
 * `{error}` with status 400 (bad request, unsupported language, over the server's char or batch limit), 403
 * (banned or wrong key), 429 (slow down) or 500.
 *
 * - Our ISO 639-3 codes map to its ISO 639-1 codes (rus → ru, kaz → kk, kir → ky, uzb → uz, tgk → tg, tuk → tk,
 *   aze → az); which of them a server can translate depends on the models it has installed.
 * - Texts go in batches (at most `maxBatch` texts and about `maxChars` characters per request), each request under
 *   `timeoutMs`, each answer read up to `maxResponseBytes`.
 * - The glossary: agency (and drug) names are replaced by markers before and restored in English after
 *   (`protect-terms.ts`); a text whose markers the engine lost is translated once more with the English terms
 *   written into the original.
 *
 * Not tried against a real LibreTranslate: no translation model can be downloaded on the machines this was built
 * on. The tests run against a local stand-in of the documented API.
 */

export const LIBRETRANSLATE_CODES: Readonly<Record<Language, string>> = {
  rus: 'ru',
  kaz: 'kk',
  kir: 'ky',
  uzb: 'uz',
  tgk: 'tg',
  tuk: 'tk',
  aze: 'az',
  eng: 'en',
};

export interface LibreTranslateOptions {
  /** The server's base URL, e.g. http://libretranslate:5000 */
  url: string;
  apiKey?: string | undefined;
  timeoutMs?: number;
  maxBatch?: number;
  maxChars?: number;
  maxResponseBytes?: number;
  glossary?: EnglishGlossary | undefined;
  fetch?: typeof fetch;
}

const ENGINE = 'libretranslate';

const answerSchema = z.object({ translatedText: z.array(z.string()) });
const errorSchema = z.object({ error: z.string() });

/** Splits texts into batches of at most `maxBatch` texts and about `maxChars` characters (a longer text alone). */
export function batchTexts(texts: readonly string[], maxBatch: number, maxChars: number): number[][] {
  const batches: number[][] = [];
  let current: number[] = [];
  let chars = 0;
  texts.forEach((text, index) => {
    if (current.length > 0 && (current.length >= maxBatch || chars + text.length > maxChars)) {
      batches.push(current);
      current = [];
      chars = 0;
    }
    current.push(index);
    chars += text.length;
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

async function readBounded(response: Response, limit: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TranslatorResponseError(ENGINE, `answer larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new TranslatorResponseError(ENGINE, 'the answer is not JSON', { cause: error });
  }
}

export class LibreTranslateTranslator implements Translator {
  readonly name = ENGINE;
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly maxBatch: number;
  private readonly maxChars: number;
  private readonly maxResponseBytes: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: LibreTranslateOptions) {
    this.endpoint = new URL('translate', options.url.endsWith('/') ? options.url : `${options.url}/`).href;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBatch = options.maxBatch ?? 16;
    this.maxChars = options.maxChars ?? 20_000;
    this.maxResponseBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
    this.fetch = options.fetch ?? fetch;
  }

  async translate(texts: string[], from: Language, _to: 'eng'): Promise<string[]> {
    if (from === 'eng') return [...texts];
    const glossary = this.options.glossary;
    const protectedTexts = texts.map((text) =>
      glossary ? protectTerms(text, from, glossary) : { text, terms: [] },
    );
    const translated = await this.translateAll(
      protectedTexts.map((item) => item.text),
      from,
    );
    const results = translated.map((text, i) => restoreTerms(text, protectedTexts[i]!));
    const lost = results.flatMap((result, i) => (result.lost > 0 ? [i] : []));
    if (lost.length > 0 && glossary) {
      const again = await this.translateAll(
        lost.map((i) => inlineEnglishTerms(texts[i]!, from, glossary)),
        from,
      );
      lost.forEach((i, k) => {
        results[i] = { text: again[k]!, lost: 0 };
      });
    }
    return results.map((result) => result.text);
  }

  /** Translates non-empty texts in batches; empty ones stay empty. */
  private async translateAll(texts: readonly string[], from: Language): Promise<string[]> {
    const out = texts.map(() => '');
    const pending = texts.flatMap((text, index) => (text.trim() === '' ? [] : [index]));
    const batches = batchTexts(
      pending.map((index) => texts[index]!),
      this.maxBatch,
      this.maxChars,
    );
    for (const batch of batches) {
      const indexes = batch.map((position) => pending[position]!);
      const answers = await this.request(
        indexes.map((index) => texts[index]!),
        LIBRETRANSLATE_CODES[from],
      );
      indexes.forEach((index, k) => {
        out[index] = answers[k]!;
      });
    }
    return out;
  }

  private async request(q: readonly string[], source: string): Promise<string[]> {
    const body = JSON.stringify({
      q,
      source,
      target: 'en',
      format: 'text',
      ...(this.options.apiKey ? { api_key: this.options.apiKey } : {}),
    });
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(this.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: controller.signal,
      });
      const text = await readBounded(response, this.maxResponseBytes);
      if (!response.ok) {
        const parsed = errorSchema.safeParse(safeJson(text));
        throw new TranslatorHttpError(
          ENGINE,
          response.status,
          parsed.success ? parsed.data.error : undefined,
        );
      }
      const answer = answerSchema.safeParse(parseJson(text));
      if (!answer.success || answer.data.translatedText.length !== q.length) {
        throw new TranslatorResponseError(ENGINE, `expected {translatedText: [${q.length} strings]}`);
      }
      return answer.data.translatedText;
    } catch (error) {
      if (error instanceof TranslationError) throw error;
      if (controller.signal.aborted) throw new TranslatorTimeoutError(ENGINE, this.timeoutMs);
      throw new TranslatorUnavailableError(ENGINE, error instanceof Error ? error.message : String(error), {
        cause: error,
      });
    } finally {
      clearTimeout(timer);
    }
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
