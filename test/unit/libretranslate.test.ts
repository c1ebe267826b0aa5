import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadEnglishGlossary } from '../../src/config/english-glossary.js';
import { EnvError, loadConfig } from '../../src/config/env.js';
import { createTranslator } from '../../src/translation/create-translator.js';
import { batchTexts, LibreTranslateTranslator } from '../../src/translation/libretranslate.js';
import {
  TranslatorHttpError,
  TranslatorResponseError,
  TranslatorTimeoutError,
  TranslatorUnavailableError,
} from '../../src/translation/translator.js';

/**
 * A local stand-in of LibreTranslate's documented HTTP API (POST /translate, JSON {q, source, target, format,
 * api_key}; {translatedText} or {error}). Its "translation" is deterministic: a few Russian words replaced by
 * English ones, everything else (markers included) copied, so the test can tell what the adapter sent and did.
 */
type Mode =
  | 'translate'
  | 'drop-markers'
  | 'error-500'
  | 'unsupported'
  | 'hang'
  | 'bad-json'
  | 'wrong-count'
  | 'huge';

interface Received {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  body: Record<string, unknown>;
}

const WORDS: Readonly<Record<string, string>> = {
  Сотрудники: 'Officers',
  изъяли: 'seized',
  героин: 'heroin',
  в: 'in',
  Шымкенте: 'Shymkent',
};

function fakeTranslate(text: string): string {
  return text
    .split(' ')
    .map((word) => WORDS[word] ?? word)
    .join(' ');
}

let server: Server;
let base: string;
let mode: Mode = 'translate';
const received: Received[] = [];

function answer(response: ServerResponse, status: number, payload: string) {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(payload);
}

function handle(request: IncomingMessage, response: ServerResponse) {
  let raw = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => {
    raw += chunk;
  });
  request.on('end', () => {
    const body = JSON.parse(raw) as Record<string, unknown>;
    received.push({
      method: request.method,
      url: request.url,
      contentType: request.headers['content-type'],
      body,
    });
    const q = body.q as string[];
    if (mode === 'hang') return;
    if (mode === 'error-500')
      return answer(response, 500, JSON.stringify({ error: 'Cannot translate text: boom' }));
    if (mode === 'unsupported')
      return answer(response, 400, JSON.stringify({ error: 'ky is not supported' }));
    if (mode === 'bad-json') return answer(response, 200, '<html>proxy error</html>');
    if (mode === 'wrong-count') return answer(response, 200, JSON.stringify({ translatedText: q.slice(1) }));
    if (mode === 'huge')
      return answer(response, 200, JSON.stringify({ translatedText: q.map(() => 'x'.repeat(5000)) }));
    const translated = q.map((text) =>
      mode === 'drop-markers' ? fakeTranslate(text.replace(/⟦G\d+⟧/g, '')) : fakeTranslate(text),
    );
    answer(response, 200, JSON.stringify({ translatedText: translated }));
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((done) => server.close(() => done()));
});

beforeEach(() => {
  mode = 'translate';
  received.length = 0;
});

const glossary = loadEnglishGlossary();

describe('LibreTranslate adapter', () => {
  it('posts the documented request: q as an array, ISO 639-1 codes, text format and the API key', async () => {
    const translator = new LibreTranslateTranslator({ url: base, apiKey: 'secret-key' });
    const out = await translator.translate(['Сотрудники изъяли героин', 'в Шымкенте'], 'rus', 'eng');
    expect(out).toEqual(['Officers seized heroin', 'in Shymkent']);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ method: 'POST', url: '/translate', contentType: 'application/json' });
    expect(received[0]!.body).toEqual({
      q: ['Сотрудники изъяли героин', 'в Шымкенте'],
      source: 'ru',
      target: 'en',
      format: 'text',
      api_key: 'secret-key',
    });
  });

  it('maps every language code and leaves English alone without a request', async () => {
    const translator = new LibreTranslateTranslator({ url: `${base}/` });
    const codes: Array<[Parameters<typeof translator.translate>[1], string]> = [
      ['kaz', 'kk'],
      ['kir', 'ky'],
      ['uzb', 'uz'],
      ['tgk', 'tg'],
      ['tuk', 'tk'],
      ['aze', 'az'],
    ];
    for (const [lang] of codes) await translator.translate(['x'], lang, 'eng');
    expect(received.map((request) => request.body.source)).toEqual(codes.map(([, code]) => code));
    expect(received.every((request) => !('api_key' in request.body))).toBe(true);
    expect(await translator.translate(['Already English'], 'eng', 'eng')).toEqual(['Already English']);
    expect(received).toHaveLength(codes.length);
  });

  it('sends batches of at most maxBatch texts and skips empty texts', async () => {
    const translator = new LibreTranslateTranslator({ url: base, maxBatch: 2 });
    const out = await translator.translate(['a', '', 'b', 'c', 'd', 'e'], 'rus', 'eng');
    expect(out).toEqual(['a', '', 'b', 'c', 'd', 'e']);
    expect(received.map((request) => request.body.q)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('batches by characters too, a long text alone', () => {
    expect(batchTexts(['aaaa', 'bb', 'cccccccc', 'd'], 10, 6)).toEqual([[0, 1], [2], [3]]);
  });

  it('protects agency names with markers and restores them in English', async () => {
    const translator = new LibreTranslateTranslator({ url: base, glossary });
    const [out] = await translator.translate(['Сотрудники УНК изъяли героин в Шымкенте'], 'rus', 'eng');
    expect((received[0]!.body.q as string[])[0]).toBe('Сотрудники ⟦G1⟧ изъяли героин в Шымкенте');
    expect(out).toBe('Officers UNK seized heroin in Shymkent');
  });

  it('translates again with the English terms written in when the engine loses a marker', async () => {
    mode = 'drop-markers';
    const translator = new LibreTranslateTranslator({ url: base, glossary });
    const [out] = await translator.translate(['Сотрудники УНК изъяли героин'], 'rus', 'eng');
    expect(received).toHaveLength(2);
    expect((received[1]!.body.q as string[])[0]).toBe('Сотрудники UNK изъяли героин');
    expect(out).toBe('Officers UNK seized heroin');
  });

  it('reports the server error of a 500 and of a 400 with its status and message', async () => {
    const translator = new LibreTranslateTranslator({ url: base });
    mode = 'error-500';
    const failure = await translator.translate(['x'], 'rus', 'eng').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TranslatorHttpError);
    expect(failure).toMatchObject({ status: 500, serverMessage: 'Cannot translate text: boom' });
    mode = 'unsupported';
    await expect(translator.translate(['x'], 'kir', 'eng')).rejects.toMatchObject({
      status: 400,
      serverMessage: 'ky is not supported',
    });
  });

  it('gives up after the timeout', async () => {
    mode = 'hang';
    const translator = new LibreTranslateTranslator({ url: base, timeoutMs: 300 });
    const failure = await translator.translate(['x'], 'rus', 'eng').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TranslatorTimeoutError);
    expect(failure).toMatchObject({ timeoutMs: 300 });
  });

  it('rejects an answer that is not JSON, has the wrong count or is too large', async () => {
    const translator = new LibreTranslateTranslator({ url: base, maxResponseBytes: 4000 });
    mode = 'bad-json';
    await expect(translator.translate(['x'], 'rus', 'eng')).rejects.toBeInstanceOf(TranslatorResponseError);
    mode = 'wrong-count';
    await expect(translator.translate(['x', 'y'], 'rus', 'eng')).rejects.toThrow(
      /expected \{translatedText: \[2/,
    );
    mode = 'huge';
    await expect(translator.translate(['x'], 'rus', 'eng')).rejects.toThrow(/larger than 4000 bytes/);
  });

  it('says when the engine cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    const translator = new LibreTranslateTranslator({ url: `http://127.0.0.1:${port}` });
    await expect(translator.translate(['x'], 'rus', 'eng')).rejects.toBeInstanceOf(
      TranslatorUnavailableError,
    );
  });
});

describe('translator configuration', () => {
  it('is off by default', () => {
    const config = loadConfig({});
    expect(config.translator).toEqual({ engine: 'off' });
    expect(createTranslator(config.translator, glossary)).toBeUndefined();
  });

  it('builds the LibreTranslate adapter from the environment', () => {
    const config = loadConfig({
      HARVEST_TRANSLATOR: 'libretranslate',
      HARVEST_LIBRETRANSLATE_URL: 'http://libretranslate:5000',
      HARVEST_LIBRETRANSLATE_API_KEY: 'k',
    });
    expect(config.translator).toEqual({
      engine: 'libretranslate',
      url: 'http://libretranslate:5000',
      apiKey: 'k',
      timeoutMs: 30_000,
    });
    expect(createTranslator(config.translator, glossary)?.name).toBe('libretranslate');
  });

  it('reads an empty API key (as docker-compose passes an unset one) as none', () => {
    const config = loadConfig({
      HARVEST_TRANSLATOR: 'libretranslate',
      HARVEST_LIBRETRANSLATE_URL: 'http://libretranslate:5000',
      HARVEST_LIBRETRANSLATE_API_KEY: '',
    });
    expect(config.translator).toMatchObject({ engine: 'libretranslate', apiKey: undefined });
  });

  it('refuses libretranslate without a URL, and an unknown engine, naming the variable', () => {
    expect(() => loadConfig({ HARVEST_TRANSLATOR: 'libretranslate' })).toThrow(EnvError);
    expect(() => loadConfig({ HARVEST_TRANSLATOR: 'libretranslate' })).toThrow(/HARVEST_LIBRETRANSLATE_URL/);
    expect(() => loadConfig({ HARVEST_TRANSLATOR: 'deepl' })).toThrow(/HARVEST_TRANSLATOR/);
  });
});
