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
