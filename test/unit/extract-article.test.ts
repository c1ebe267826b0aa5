import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';
import { htmlToText } from '../../src/crawlers/extract/html-to-text.js';
import { parseDocument } from '../../src/crawlers/extract/parse-dom.js';

const NOW = new Date('2025-05-20T12:00:00Z');
const URL = 'https://news.example.kg/2025/05/seizure';

const PARAGRAPHS = [
  'Border guards in the Osh region stopped a truck carrying twelve kilograms of hashish hidden in a fuel tank.',
  'According to the press service, the driver, a 41-year-old resident of Jalal-Abad, has been detained.',
  'A criminal case has been opened under the article on illegal trafficking of narcotic drugs.',
  'Investigators are now checking whether the seizure is linked to an earlier case in the Batken region.',
];

function newsPage({ head = '', extraBody = '' } = {}): string {
  return `<!DOCTYPE html><html lang="ru"><head><title>Hashish found in fuel tank | Example News</title>${head}</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/crime">Crime</a></nav></header>
  <div class="layout">
    <article class="story">
      <h1 class="headline">Hashish found in fuel tank</h1>
      <div class="meta">Published <span class="stamp">19.05.2025, 16:45</span></div>
      <div class="story-body">
        ${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
        <ul><li>First point about the case</li><li>Second point about the case</li></ul>
      </div>
      <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Telegram</a></div>
    </article>
    <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story</a></li><li><a href="/b">Yet another story</a></li></ul></aside>
  </div>
  ${extraBody}
  <footer>© 2025 Example News. All rights reserved.</footer>
</body></html>`;
}

describe('htmlToText', () => {
  const text = (html: string) => htmlToText(parseDocument(html).body as never);

  it('puts blocks on separate lines and never glues words across them', () => {
    const html =
      '<div><p>One</p><p>two</p>three<br>four<ul><li>five</li><li>six</li></ul><h2>seven</h2></div>';
    expect(text(html)).toBe('One\ntwo\nthree\nfour\nfive\nsix\nseven');
    expect(text('<table><tr><td>cell</td><td>next</td></tr></table>')).toBe('cell\nnext');
  });

  it('keeps inline elements inside words and normalises whitespace', () => {
    expect(text('<p>Nar<b>co</b>tics   <i>were</i>\n\n seized&nbsp;today</p>')).toBe(
      'Narcotics were seized today',
    );
  });

  it('drops scripts, styles and form controls', () => {
    expect(
      text('<p>kept<script>var x = 1;</script><style>p{}</style><select><option>no</option></select></p>'),
    ).toBe('kept');
  });
});

describe('extractArticle, generic path', () => {
  it('extracts title, body, date and language from an ordinary news page', () => {
    const head = '<meta property="article:published_time" content="2025-05-19T16:45:00+06:00">';
    const result = extractArticle({ html: newsPage({ head }), url: URL, now: NOW });
    expect(result.title).toBe('Hashish found in fuel tank');
    expect(result.publishedAt).toBe('2025-05-19T10:45:00.000Z');
    expect(result.htmlLang).toBe('ru');
    expect(result.body?.split('\n')).toEqual(expect.arrayContaining(PARAGRAPHS));
    expect(result.body).not.toContain('Telegram');
    expect(result.body).not.toContain('Most read');
    expect(result.body).not.toContain('All rights reserved');
    expect(result.missing).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  it('prefers JSON-LD headline and datePublished, found inside @graph', () => {
    const jsonLd = {
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Example' },
        { '@type': 'NewsArticle', headline: 'From JSON-LD', datePublished: '2025-05-18T08:00:00Z' },
      ],
    };
    const head = `<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`;
    const result = extractArticle({
      html: newsPage({ head }).replace('<h1 class="headline">Hashish found in fuel tank</h1>', ''),
      url: URL,
      now: NOW,
    });
    expect(result.title).toBe('From JSON-LD');
    expect(result.publishedAt).toBe('2025-05-18T08:00:00.000Z');
  });

  it('reads offset-less dates in the given time zone and rejects future dates', () => {
    const head = '<meta name="pubdate" content="2025-05-19 16:45">';
    const almaty = extractArticle({ html: newsPage({ head }), url: URL, timezone: 'Asia/Almaty', now: NOW });
    expect(almaty.publishedAt).toBe('2025-05-19T11:45:00.000Z');
    const utc = extractArticle({ html: newsPage({ head }), url: URL, now: NOW });
    expect(utc.publishedAt).toBe('2025-05-19T16:45:00.000Z');
    const future = '<meta name="pubdate" content="2025-06-30T10:00:00Z">';
    const rejected = extractArticle({ html: newsPage({ head: future }), url: URL, now: NOW });
    // The future metadata date is dropped; the stamp shown under the headline stands in.
    expect(rejected.publishedAt).toBe('2025-05-19T16:45:00.000Z');
  });

  it('falls back to <time datetime> and og:locale', () => {
    const html = newsPage({ head: '<meta property="og:locale" content="ky_KG">' })
      .replace('lang="ru"', '')
      .replace(
        '<span class="stamp">19.05.2025, 16:45</span>',
        '<time datetime="2025-05-19T16:45:00+06:00">19 May</time>',
      );
    const result = extractArticle({ html, url: URL, now: NOW });
    expect(result.htmlLang).toBe('ky_KG');
    expect(result.publishedAt).toBe('2025-05-19T10:45:00.000Z');
  });

  it('survives broken, unclosed markup without a shell', () => {
    const html = `<style>.x{}</style><title>Broken page - Site</title><div><p>${PARAGRAPHS[0]}<p>${PARAGRAPHS[1]}<div><p>${PARAGRAPHS[2]}`;
    const result = extractArticle({ html, url: URL, now: NOW });
    expect(result.title).toBe('Broken page');
    expect(result.body).toContain(PARAGRAPHS[0]);
    expect(result.body).toContain(PARAGRAPHS[2]);
    expect(result.body).not.toMatch(/detained\.A criminal/);
  });

  it('gives pathologically deep markup plain block text instead of recursing into it', () => {
    const html = `<html><body>${'<div><span>'.repeat(1500)}<p>${PARAGRAPHS[0]}</p><p>${PARAGRAPHS[1]}</p></body></html>`;
    const result = extractArticle({ html, url: URL, now: NOW });
    expect(result.body).toBe(`${PARAGRAPHS[0]}\n${PARAGRAPHS[1]}`);
    expect(result.errors).toEqual([]);
  });

  it('reports every field missing on a page with no article', () => {
    const result = extractArticle({
      html: '<html><head></head><body><nav><a href="/">Home</a></nav></body></html>',
      url: URL,
    });
    expect(result).toMatchObject({ title: null, body: null, publishedAt: null, htmlLang: null });
    expect(result.missing).toEqual(['title', 'body', 'publishedAt']);
  });

  it('strips a site-name suffix only when it looks like one', () => {
    const title = (t: string, head = '') =>
      extractArticle({ html: `<html><head><title>${t}</title>${head}</head><body></body></html>`, url: URL })
        .title;
    expect(title('Police seize heroin in Dushanbe — Asia-Plus')).toBe('Police seize heroin in Dushanbe');
    const kabar = '<meta property="og:site_name" content="Kabar">';
    expect(title('Drug lab closed | News | Kabar', kabar)).toBe('Drug lab closed | News');
    expect(title('Kabar: Drug lab closed down in Osh', kabar)).toBe('Drug lab closed down in Osh');
    expect(title('Kabar | Drug lab closed down in Osh', kabar)).toBe('Drug lab closed down in Osh');
    expect(title('Drugs seized: 5 kg')).toBe('Drugs seized: 5 kg');
    expect(title('Interview: the long fight against synthetic drugs in the region')).toBe(
      'Interview: the long fight against synthetic drugs in the region',
    );
  });
});

describe('extractArticle with selectors', () => {
  const selectors = { title: 'h1.headline', body: '.story-body', date: '.stamp', remove: ['ul'] };

  it('extracts each field with its selector and applies remove selectors', () => {
    const result = extractArticle({
      html: newsPage(),
      url: URL,
      selectors,
      timezone: 'Asia/Bishkek',
      now: NOW,
    });
    expect(result.title).toBe('Hashish found in fuel tank');
    expect(result.body).toBe(PARAGRAPHS.join('\n'));
    expect(result.publishedAt).toBe('2025-05-19T10:45:00.000Z');
    expect(result.errors).toEqual([]);
  });

  it('falls back to the generic path for a selector that finds nothing, and says so', () => {
    const result = extractArticle({
      html: newsPage(),
      url: URL,
      selectors: { ...selectors, title: '.no-such-title' },
      now: NOW,
    });
    expect(result.title).toBe('Hashish found in fuel tank');
    expect(result.body).toBe(PARAGRAPHS.join('\n'));
    expect(result.errors).toEqual([
      expect.stringMatching(/^title: selector "\.no-such-title" found nothing/),
    ]);
  });

  it('survives an invalid selector for one field without losing the others', () => {
    const result = extractArticle({
      html: newsPage(),
      url: URL,
      selectors: { ...selectors, date: 'div[[' },
      now: NOW,
    });
    expect(result.title).toBe('Hashish found in fuel tank');
    expect(result.body).toBe(PARAGRAPHS.join('\n'));
    expect(result.publishedAt).toBe('2025-05-19T16:45:00.000Z'); // the generic reader's, near the title
    expect(result.errors).toEqual([expect.stringMatching(/^publishedAt: selector "div\[\[" failed/)]);
  });

  it('reports an unknown time zone and reads dates as UTC', () => {
    const result = extractArticle({
      html: newsPage(),
      url: URL,
      selectors,
      timezone: 'Asia/Nowhere',
      now: NOW,
    });
    expect(result.publishedAt).toBe('2025-05-19T16:45:00.000Z');
    expect(result.errors).toEqual([expect.stringMatching(/^timezone: unknown IANA zone/)]);
  });
});
