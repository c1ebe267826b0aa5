import { describe, expect, it } from 'vitest';
import { canonicalHost, canonicalizeUrl, InvalidUrlError } from '../../src/domain/canonical-url.js';

describe('canonicalizeUrl', () => {
  it('treats http and https, www and bare host, upper and lower case as one article', () => {
    const canonical = 'https://nmdk.gov.az/page/post/3428';
    expect(canonicalizeUrl('https://www.nmdk.gov.az/page/post/3428/')).toBe(canonical);
    expect(canonicalizeUrl('HTTP://NMDK.GOV.AZ/page/post/3428')).toBe(canonical);
    expect(canonicalizeUrl('http://WWW.nmdk.gov.az./page/post/3428/#comments')).toBe(canonical);
  });

  it('writes Cyrillic hosts in punycode, so мвд.рф and xn--b1aew.xn--p1ai match', () => {
    expect(canonicalizeUrl('https://мвд.рф/news/item/69931124')).toBe(
      canonicalizeUrl('https://xn--b1aew.xn--p1ai/news/item/69931124/'),
    );
    expect(canonicalizeUrl('http://МВД.РФ/')).toBe('https://xn--b1aew.xn--p1ai/');
  });

  it('keeps the root slash and drops other trailing slashes', () => {
    expect(canonicalizeUrl('https://dialog.tj')).toBe('https://dialog.tj/');
    expect(canonicalizeUrl('https://dialog.tj/news/')).toBe('https://dialog.tj/news');
  });

  it('drops default ports and keeps others', () => {
    expect(canonicalizeUrl('https://polisia.kz:443/ru/')).toBe('https://polisia.kz/ru');
    expect(canonicalizeUrl('http://polisia.kz:80/ru/')).toBe('https://polisia.kz/ru');
    expect(canonicalizeUrl('http://polisia.kz:8080/ru/')).toBe('https://polisia.kz:8080/ru');
  });

  it('drops tracking parameters and sorts the others by name', () => {
    expect(
      canonicalizeUrl(
        'https://report.az/news/?utm_source=tg&utm_Medium=social&id=7&fbclid=x&lang=ru&yclid=1&ysclid=2&from=main&ref=home&gclid=3&_openstat=4&mc_cid=5&mc_eid=6&igshid=7',
      ),
    ).toBe('https://report.az/news?id=7&lang=ru');
    expect(canonicalizeUrl('https://report.az/a?b=2&a=1&b=1')).toBe('https://report.az/a?a=1&b=2&b=1');
    expect(canonicalizeUrl('https://report.az/a?utm_source=x')).toBe('https://report.az/a');
  });

  it('decodes unreserved escapes and upper-cases the hex of the others', () => {
    expect(canonicalizeUrl('https://kun.uz/%7euser/%41b%2fc?q=%d0%b0%2D')).toBe(
      'https://kun.uz/~user/Ab%2Fc?q=%D0%B0-',
    );
    expect(canonicalizeUrl('https://kun.uz/новости/')).toBe(
      'https://kun.uz/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8',
    );
  });

  it('collapses double slashes and resolves dot segments', () => {
    expect(canonicalizeUrl('https://24.kg//ru/./a/../b//c/')).toBe('https://24.kg/ru/b/c');
    expect(canonicalizeUrl('https://24.kg/a/%2e%2e/b')).toBe('https://24.kg/b');
  });

  it('drops user info', () => {
    expect(canonicalizeUrl('https://user:secret@24.kg/x')).toBe('https://24.kg/x');
  });

  it('resolves relative links against a base', () => {
    expect(
      canonicalizeUrl('../item/2?utm_campaign=x', 'https://www.caricc.org/index.php/novosti/item/1'),
    ).toBe('https://caricc.org/index.php/novosti/item/2');
    expect(canonicalizeUrl('//turkmenistaninfo.gov.tm/news/14533', 'http://example.com/')).toBe(
      'https://turkmenistaninfo.gov.tm/news/14533',
    );
  });

  it('throws InvalidUrlError for non-http(s) and unparsable input', () => {
    for (const bad of [
      'mailto:registry@caricc.org',
      'ftp://caricc.org/a',
      'javascript:void(0)',
      'not a url',
      '',
    ]) {
      expect(() => canonicalizeUrl(bad)).toThrow(InvalidUrlError);
    }
    expect(() => canonicalizeUrl('/news/1')).toThrow(/Invalid article URL/);
  });

  it('is idempotent', () => {
    for (const url of ['https://мвд.рф/news/item/1/?b=1&a=%7e', 'http://www.day.az/a//b/?x=%d0%b0#top']) {
      const once = canonicalizeUrl(url);
      expect(canonicalizeUrl(once)).toBe(once);
    }
  });
});

describe('canonicalHost', () => {
  it('returns the ASCII host without www', () => {
    expect(canonicalHost('https://WWW.МВД.РФ/news')).toBe('xn--b1aew.xn--p1ai');
    expect(canonicalHost('http://www.nmdk.gov.az/page/post/3428/')).toBe('nmdk.gov.az');
  });

  it('throws for a non-http URL', () => {
    expect(() => canonicalHost('tg://resolve?domain=x')).toThrow(InvalidUrlError);
  });
});
