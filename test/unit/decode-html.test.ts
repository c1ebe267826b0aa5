import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/crawlers/extract/decode-html.js';

const RUSSIAN = 'Сотрудники полиции изъяли крупную партию наркотических средств в Бишкеке';
const GERMAN = 'Größere Mengen wurden im Hafen von Bremen sichergestellt, teilte die Behörde mit';
const page = (head: string, text: string) => `<html><head>${head}</head><body><p>${text}</p></body></html>`;

describe('decodeHtml', () => {
  it('uses the charset of the HTTP header first', () => {
    const bytes = iconv.encode(page('', RUSSIAN), 'koi8-r');
    const result = decodeHtml(bytes, 'text/html; charset=KOI8-R');
    expect(result.encoding).toBe('koi8-r');
    expect(result.html).toContain(RUSSIAN);
  });

  it('reads <meta charset> when there is no header', () => {
    const bytes = iconv.encode(page('<meta charset="windows-1251">', RUSSIAN), 'windows-1251');
    expect(decodeHtml(bytes)).toMatchObject({ encoding: 'windows-1251' });
    expect(decodeHtml(bytes).html).toContain(RUSSIAN);
  });

  it('reads the charset inside <meta http-equiv content>', () => {
    const head = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">';
    const bytes = iconv.encode(page(head, GERMAN), 'latin1');
    const result = decodeHtml(bytes);
    expect(result.encoding).toBe('windows-1252');
    expect(result.html).toContain(GERMAN);
  });

  it('decodes undeclared UTF-8 as UTF-8', () => {
    const result = decodeHtml(Buffer.from(page('', RUSSIAN), 'utf8'));
    expect(result).toMatchObject({ encoding: 'utf-8' });
    expect(result.html).toContain(RUSSIAN);
  });

  it('sniffs undeclared windows-1251 Cyrillic', () => {
    const result = decodeHtml(iconv.encode(page('', RUSSIAN), 'windows-1251'));
    expect(result.encoding).toBe('windows-1251');
    expect(result.html).toContain(RUSSIAN);
  });

  it('falls back to windows-1252 for undeclared Western legacy bytes', () => {
    const result = decodeHtml(iconv.encode(page('', GERMAN), 'windows-1252'));
    expect(result.encoding).toBe('windows-1252');
    expect(result.html).toContain(GERMAN);
  });

  it('lets a byte-order mark win over a wrong header and strips it', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('', RUSSIAN), 'utf8')]);
    const result = decodeHtml(bytes, 'text/html; charset=windows-1251');
    expect(result.encoding).toBe('utf-8');
    expect(result.html.startsWith('<html>')).toBe(true);
  });

  it('ignores an unknown declared charset and sniffs instead', () => {
    const bytes = Buffer.from(page('<meta charset="no-such-charset">', RUSSIAN), 'utf8');
    expect(decodeHtml(bytes).encoding).toBe('utf-8');
  });

  it('gunzips a gzip body and fails clearly on a truncated one', () => {
    const gz = gzipSync(iconv.encode(page('<meta charset="windows-1251">', RUSSIAN), 'windows-1251'));
    expect(decodeHtml(gz).html).toContain(RUSSIAN);
    expect(() => decodeHtml(gz.subarray(0, gz.length - 12))).toThrow(/gzip/);
  });

  it('accepts a Uint8Array view into a larger buffer', () => {
    const whole = Buffer.from(`xxxx${page('', 'plain')}`, 'utf8');
    const view = new Uint8Array(whole.buffer, whole.byteOffset + 4, whole.length - 4);
    expect(decodeHtml(view).html).toBe(page('', 'plain'));
  });
});

// A news page written for this test in the way the region's Russian-language police news reads.
const NEWS_TITLE = 'В Чуйской области задержан наркокурьер с крупной партией гашиша';
const NEWS_PARAGRAPHS = [
  'Сотрудники Службы по борьбе с незаконным оборотом наркотиков МВД задержали 34-летнего жителя села Кара-Балта.',
  'При личном досмотре у него обнаружили и изъяли более двух килограммов гашиша, расфасованного в полиэтиленовые свёртки.',
  'По данному факту возбуждено уголовное дело, подозреваемый водворён в изолятор временного содержания. Ведётся следствие.',
];
const newsPage = (head = '') =>
  `<!DOCTYPE html><html lang="ru"><head>${head}<title>${NEWS_TITLE}</title></head><body>` +
  `<h1>${NEWS_TITLE}</h1>${NEWS_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</body></html>`;

describe('legacy Cyrillic encodings', () => {
  const encodings = ['windows-1251', 'koi8-r', 'iso-8859-5', 'cp866'] as const;

  it.each(encodings)('%s without any declared charset is recognised from the letters', (encoding) => {
    const result = decodeHtml(iconv.encode(newsPage(), encoding));
    expect(result.encoding).toBe(encoding);
    expect(result.html).toContain(NEWS_TITLE);
    for (const paragraph of NEWS_PARAGRAPHS) expect(result.html).toContain(paragraph);
  });

  it.each(encodings)('%s declared in the HTTP header or in <meta> is read as declared', (encoding) => {
    const bytes = iconv.encode(newsPage(), encoding);
    expect(decodeHtml(bytes, `text/html; charset=${encoding}`).html).toContain(NEWS_TITLE);
    const withMeta = iconv.encode(newsPage(`<meta charset="${encoding}">`), encoding);
    expect(decodeHtml(withMeta)).toMatchObject({ encoding });
  });

  it('knows the other names pages give these encodings', () => {
    const bytes = iconv.encode(newsPage('<meta charset="IBM866">'), 'cp866');
    expect(decodeHtml(bytes).html).toContain(NEWS_TITLE);
    expect(decodeHtml(iconv.encode(newsPage(), 'cp866'), 'text/html; charset=x-cp866').html).toContain(
      NEWS_TITLE,
    );
  });

  it('passes over a declared UTF-8 that the bytes are not, for the next declaration or the letters', () => {
    // A server that labels everything UTF-8, over a windows-1251 page with and without its own <meta>.
    const undeclared = iconv.encode(newsPage(), 'windows-1251');
    expect(decodeHtml(undeclared, 'text/html; charset=utf-8')).toMatchObject({ encoding: 'windows-1251' });
    const koi8 = iconv.encode(newsPage('<meta charset="utf-8">'), 'koi8-r');
    const result = decodeHtml(koi8);
    expect(result.encoding).toBe('koi8-r');
    expect(result.html).toContain(NEWS_TITLE);
    const declared = iconv.encode(newsPage('<meta charset="windows-1251">'), 'windows-1251');
    expect(decodeHtml(declared, 'text/html; charset=UTF-8').encoding).toBe('windows-1251');
  });

  it('keeps UTF-8 for a UTF-8 page with a few stray bytes in it', () => {
    const utf8 = Buffer.from(newsPage('<meta charset="utf-8">'), 'utf8');
    const stray = Buffer.concat([utf8.subarray(0, 200), Buffer.from([0xe9, 0xff]), utf8.subarray(200)]);
    const result = decodeHtml(stray, 'text/html; charset=utf-8');
    expect(result.encoding).toBe('utf-8');
    expect(result.html).toContain(NEWS_PARAGRAPHS[2]);
  });

  it('believes a declared legacy charset, as browsers do, even when it lies', () => {
    // windows-1251 bytes declared as KOI8-R come out scrambled: the declaration is the site's to fix.
    const bytes = iconv.encode(newsPage(), 'windows-1251');
    const result = decodeHtml(bytes, 'text/html; charset=koi8-r');
    expect(result.encoding).toBe('koi8-r');
    expect(result.html).not.toContain(NEWS_TITLE);
  });
});
