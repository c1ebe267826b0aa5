import { describe, expect, it } from 'vitest';
import { hasRole, LoginLimiter } from '../../src/review/auth.js';
import { findTermSpans, highlightTerms } from '../../src/review/highlight.js';
import { escapeHtml, externalLink, html, jsonForHtml, safeHref } from '../../src/review/html.js';
import { checkUrl, FetchRefusedError, isForbiddenAddress } from '../../src/review/safe-fetch.js';

describe('html', () => {
  it('escapes every interpolation unless it is already safe', () => {
    const payload = `"><script>alert('x')</script>`;
    expect(html`<p title="${payload}">${payload}</p>`.value).toBe(
      '<p title="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>',
    );
    expect(html`<ul>${['<a>', html`<li>ok</li>`]}</ul>`.value).toBe('<ul>&lt;a&gt;<li>ok</li></ul>');
    expect(escapeHtml('`&')).toBe('&#96;&amp;');
  });

  it('makes only http and https URLs clickable', () => {
    expect(safeHref('https://example.kz/a?b=1')).toBe('https://example.kz/a?b=1');
    for (const url of [
      'javascript:alert(1)',
      ' JavaScript:alert(1)',
      'data:text/html,<b>',
      'vbscript:x',
      '//evil',
      'not a url',
    ]) {
      expect(safeHref(url), url).toBeNull();
    }
    expect(externalLink('javascript:alert(1)').value).toBe('javascript:alert(1)');
    expect(externalLink('https://a.kz/"x').value).toContain('href="https://a.kz/%22x"');
  });

  it('embeds JSON that cannot close its script element', () => {
    const text = jsonForHtml({ title: '</script><script>alert(1)</script><!--', amp: '&' }).value;
    expect(text).not.toMatch(/[<>&]/);
    expect(JSON.parse(text)).toEqual({ title: '</script><script>alert(1)</script><!--', amp: '&' });
  });
});

describe('highlightTerms', () => {
  it('wraps whole words, stems and phrases, case-insensitively', () => {
    const text = 'Изъяли ГЕРОИН. Возбуждено уголовное дело о наркотиках, героиня не пострадала.';
    expect(highlightTerms(text, ['героин', 'наркотик*', 'уголовн* дел*']).value).toBe(
      'Изъяли <mark>ГЕРОИН</mark>. Возбуждено <mark>уголовное дело</mark> о <mark>наркотиках</mark>, героиня не пострадала.',
    );
  });

  it('escapes the text around and inside matches', () => {
    expect(highlightTerms('<b>heroin</b> & <i>', ['heroin']).value).toBe(
      '&lt;b&gt;<mark>heroin</mark>&lt;/b&gt; &amp; &lt;i&gt;',
    );
    // A term that looks like markup or an entity is matched as text, never produces markup.
    expect(highlightTerms('a &amp; b <mark>', ['amp', 'mark']).value).toBe(
      'a &amp;<mark>amp</mark>; b &lt;<mark>mark</mark>&gt;',
    );
  });

  it('ignores empty and star-only terms', () => {
    expect(findTermSpans('anything', ['', '*', ' '])).toEqual([]);
  });
});

describe('safe fetch policy', () => {
  it('forbids loopback, private, link-local, metadata and mapped addresses', () => {
    for (const address of [
      '127.0.0.1',
      '10.1.2.3',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '100.100.100.200',
      '0.0.0.0',
      '::1',
      '::',
      'fe80::1',
      'fd00:ec2::254',
      '::ffff:127.0.0.1',
      '::ffff:a9fe:a9fe',
      '224.0.0.1',
    ]) {
      expect(isForbiddenAddress(address), address).toBe(true);
    }
    for (const address of ['8.8.8.8', '95.59.1.1', '2a00:1450:4001::1'])
      expect(isForbiddenAddress(address), address).toBe(false);
  });

  it('checks scheme, credentials and literal addresses before any request', () => {
    const none = new Set<string>();
    expect(() => checkUrl('ftp://example.kz/', none)).toThrow(FetchRefusedError);
    expect(() => checkUrl('http://user:pw@example.kz/', none)).toThrow(/credentials/);
    expect(() => checkUrl('http://[::ffff:7f00:1]/', none)).toThrow(/forbidden/);
    expect(() => checkUrl('http://2130706433/', none)).toThrow(/forbidden/);
    expect(checkUrl('http://127.0.0.1:8080/x', new Set(['127.0.0.1'])).port).toBe('8080');
  });
});

describe('login limiter and roles', () => {
  it('blocks an address and name after too many failures until the window passes', () => {
    let now = 0;
    const limiter = new LoginLimiter({ maxFailures: 2, windowMs: 60_000 }, () => now);
    limiter.recordFailure('1.1.1.1', 'Ana');
    limiter.recordFailure('1.1.1.1', 'ana ');
    expect(limiter.retryAfterSecs('1.1.1.1', 'ANA')).toBe(60);
    expect(limiter.retryAfterSecs('1.1.1.2', 'ana')).toBe(0);
    now = 60_001;
    expect(limiter.retryAfterSecs('1.1.1.1', 'ana')).toBe(0);
  });

  it('ranks roles', () => {
    const user = (role: 'analyst' | 'operator' | 'admin') => ({ id: 1, name: 'x', role, csrfToken: '' });
    expect(hasRole(user('operator'), 'analyst')).toBe(true);
    expect(hasRole(user('operator'), 'admin')).toBe(false);
    expect(hasRole(user('admin'), 'operator')).toBe(true);
  });
});
