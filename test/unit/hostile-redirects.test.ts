import { describe, expect, it } from 'vitest';
import { findClientRedirect } from '../../src/crawlers/extract/client-redirect.js';

const PAGE = 'https://mvd.ru/news/item/1';

describe('findClientRedirect', () => {
  it('follows a meta refresh, in either attribute order, relative or absolute', () => {
    expect(findClientRedirect('<meta http-equiv="refresh" content="0; url=/new">', PAGE)).toBe(
      'https://mvd.ru/new',
    );
    expect(
      findClientRedirect("<meta content='1;URL=https://мвд.рф/news/item/1' http-equiv='Refresh'>", PAGE),
    ).toBe('https://xn--b1aew.xn--p1ai/news/item/1');
    expect(
      findClientRedirect('<meta http-equiv="refresh" content="0;url=//cdn.example/a?x=1&amp;y=2">', PAGE),
    ).toBe('https://cdn.example/a?x=1&y=2');
  });

  it('follows a script redirect on a stub page', () => {
    const stub =
      '<html><script>window.location.href = "https://мвд.рф/news/item/1";</script><body>Redirecting…</body></html>';
    expect(findClientRedirect(stub, PAGE)).toBe('https://xn--b1aew.xn--p1ai/news/item/1');
    expect(findClientRedirect("<script>location.replace('/m/1')</script>", PAGE)).toBe('https://mvd.ru/m/1');
  });

  it('leaves full pages, slow refreshes, self-references and other schemes alone', () => {
    const article = `<script>if (mobile) location.href = "/m/1";</script><p>${'Текст статьи. '.repeat(60)}</p>`;
    expect(findClientRedirect(article, PAGE)).toBeNull();
    expect(findClientRedirect('<meta http-equiv="refresh" content="300">', PAGE)).toBeNull();
    expect(findClientRedirect('<meta http-equiv="refresh" content="600; url=/other">', PAGE)).toBeNull();
    expect(findClientRedirect('<meta http-equiv="refresh" content="0; url=/news/item/1">', PAGE)).toBeNull();
    expect(findClientRedirect('<script>location.href = "javascript:void(0)"</script>', PAGE)).toBeNull();
  });
});
