import type { Language } from '../domain/types.js';

/**
 * The translation port: one engine, chosen once from configuration (`createTranslator`, HARVEST_TRANSLATOR=off by
 * default). An English title or body it produces carries the provenance `machine:<name>`.
 *
 *   translator.translate(texts, from, 'eng') → the texts in English, in the same order
 *
 * Failures are typed (below), never strings to match: a caller can tell a server that refuses (HTTP status), a
 * timeout, an unreachable engine and an answer that is not what the API promises.
 */
export interface Translator {
  name: string;
  translate(texts: string[], from: Language, to: 'eng'): Promise<string[]>;
}

export class TranslationError extends Error {
  constructor(
    readonly engine: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${engine}: ${message}`, options);
    this.name = new.target.name;
  }
}

/** The engine answered with an error status (400 bad request or unsupported language, 403 key, 429, 500). */
export class TranslatorHttpError extends TranslationError {
  constructor(
    engine: string,
    readonly status: number,
    readonly serverMessage: string | undefined,
  ) {
    super(engine, `HTTP ${status}${serverMessage ? `: ${serverMessage}` : ''}`);
  }
}

/** No complete answer within the configured time. */
export class TranslatorTimeoutError extends TranslationError {
  constructor(
    engine: string,
    readonly timeoutMs: number,
  ) {
    super(engine, `no answer within ${timeoutMs} ms`);
  }
}

/** The engine could not be reached (connection refused, DNS). */
export class TranslatorUnavailableError extends TranslationError {}

/** The answer is not what the API documents: not JSON, the wrong shape or count, or larger than allowed. */
export class TranslatorResponseError extends TranslationError {}
