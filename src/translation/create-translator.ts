import type { TranslatorConfig } from '../config/env.js';
import type { EnglishGlossary } from '../domain/english/glossary.js';
import { LibreTranslateTranslator } from './libretranslate.js';
import type { Translator } from './translator.js';

/**
 * The configured engine, chosen once at start (`loadConfig().translator`): `off` (the default) gives no
 * translator, and the English comes from English reports, suggestions and the analyst; `libretranslate` gives
 * the adapter for a self-hosted LibreTranslate, which applies the glossary.
 */

export function createTranslator(
  config: TranslatorConfig,
  glossary: EnglishGlossary | undefined,
  fetchImpl?: typeof fetch,
): Translator | undefined {
  switch (config.engine) {
    case 'off':
      return undefined;
    case 'libretranslate':
      return new LibreTranslateTranslator({
        url: config.url,
        apiKey: config.apiKey,
        timeoutMs: config.timeoutMs,
        glossary,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
  }
}
