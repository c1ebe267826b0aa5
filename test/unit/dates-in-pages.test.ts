import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';

const NOW = new Date('2025-09-19T07:30:00Z');
const BODY =
  '<p>Сотрудники полиции изъяли крупную партию наркотических средств во время проверки на трассе.</p>' +
  '<p>По данным ведомства, задержанный ранее привлекался к ответственности, возбуждено уголовное дело.</p>';

function page(parts: { beforeTitle?: string; afterTitle?: string; aside?: string; footer?: string }): string {
  return `<!DOCTYPE html><html><head><title>Партия наркотиков изъята</title></head><body>
<header><nav><a href="/">Главная</a></nav></header>
<div class="lenta-column">${parts.aside ?? ''}</div>
<main><article>${parts.beforeTitle ?? ''}<h1>Партия наркотиков изъята</h1>${parts.afterTitle ?? ''}${BODY}</article></main>
<footer>${parts.footer ?? ''}</footer></body></html>`;
}

const publishedAt = (html: string, timezone: string) =>
  extractArticle({ html, url: 'https://news.example/a', timezone, now: NOW }).publishedAt;

describe('the date shown next to the title, when metadata states none', () => {
  it.each([
    ['Europe/Moscow', '<div class="meta">18 сентября 2025, 10:15</div>', '2025-09-18T07:15:00.000Z'],
    ['Asia/Almaty', '<span>2025 жылғы 18 қыркүйек, 09:40</span>', '2025-09-18T04:40:00.000Z'],
    ['Asia/Bishkek', '<p class="date">18-сентябрь 2025, 14:20</p>', '2025-09-18T08:20:00.000Z'],
    ['Asia/Tashkent', '<div>18-sentyabr 2025, 11:00</div>', '2025-09-18T06:00:00.000Z'],
    ['Asia/Tashkent', '<div>18 сентябрь 2025, 11:00</div>', '2025-09-18T06:00:00.000Z'],
    ['Asia/Dushanbe', '<div>18 сентябри 2025 | 16:45</div>', '2025-09-18T11:45:00.000Z'],
    ['Asia/Ashgabat', '<div>18.09.2025</div>', '2025-09-17T19:00:00.000Z'],
    ['Asia/Ashgabat', '<div>18-nji sentýabr 2025</div>', '2025-09-17T19:00:00.000Z'],
    ['Asia/Baku', '<div>18 sentyabr 2025 <span>12:30</span></div>', '2025-09-18T08:30:00.000Z'],
    ['Asia/Baku', '<div>Dünən, 12:30</div>', '2025-09-18T08:30:00.000Z'],
    ['Asia/Bishkek', '<div>September 18, 2025 3:05 PM</div>', '2025-09-18T09:05:00.000Z'],
    ['Europe/Moscow', '<div>Сегодня, 08:00</div>', '2025-09-19T05:00:00.000Z'],
  ])('%s: %s', (zone, stamp, expected) => {
    expect(publishedAt(page({ afterTitle: stamp }), zone)).toBe(expected);
  });

  it('reads a stamp written above the title too, and a <time datetime> next to it', () => {
    expect(publishedAt(page({ beforeTitle: '<span>17.09.2025 18:00</span>' }), 'Asia/Almaty')).toBe(
      '2025-09-17T13:00:00.000Z',
    );
    const time = '<time datetime="2025-09-17T18:00:00+05:00">вчера</time>';
    expect(publishedAt(page({ afterTitle: time }), 'Asia/Almaty')).toBe('2025-09-17T13:00:00.000Z');
  });

  it('ignores dates in side columns, other stories, "updated" stamps and the copyright line', () => {
    const aside =
      '<ul><li><a href="/b">Другая новость <span>19.09.2025, 06:00</span></a></li></ul>' +
      '<div class="sidebar"><time datetime="2025-09-19T09:00:00+03:00">09:00</time> Ещё новость</div>';
    const afterTitle =
      '<div class="meta">Опубликовано: 15.09.2025, 10:00</div><div class="meta">Обновлено: 18.09.2025, 12:00</div>';
    const footer =
      '<p>© 2003–2025, 19.09.2025 Все права защищены</p><div class="latest">19.09.2025 07:00</div>';
    expect(publishedAt(page({ aside, afterTitle, footer }), 'Europe/Moscow')).toBe(
      '2025-09-15T07:00:00.000Z',
    );
  });

  it('prefers the stamp by the title over a date mentioned later in the text', () => {
    const afterTitle =
      '<div>16.09.2025</div><p>Операция началась 2 сентября 2025 года и длилась две недели.</p>';
    expect(publishedAt(page({ afterTitle }), 'Europe/Moscow')).toBe('2025-09-15T21:00:00.000Z');
  });

  it('finds no date rather than a wrong one: future stamps and sentence openings', () => {
    expect(publishedAt(page({ afterTitle: '<div>25.09.2025</div>' }), 'Europe/Moscow')).toBeNull();
    expect(
      publishedAt(page({ afterTitle: '<p>Сегодня в Москве прошёл рейд.</p>' }), 'Europe/Moscow'),
    ).toBeNull();
  });

  it('keeps metadata first: JSON-LD beats the visible stamp', () => {
    const html = page({ afterTitle: '<div>16.09.2025</div>' }).replace(
      '</head>',
      '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-09-16T09:00:00+03:00"}</script></head>',
    );
    expect(publishedAt(html, 'Europe/Moscow')).toBe('2025-09-16T06:00:00.000Z');
  });
});

describe('a date whose time is printed in an element of its own', () => {
  it.each([
    [
      'Asia/Baku',
      '<ul class="news__date"><li>18 сентября, 2025</li><li>21:05</li></ul>',
      '2025-09-18T17:05:00.000Z',
    ],
    [
      'Europe/Moscow',
      '<div><span class="date">18.09.2025</span><span class="time">10:41</span></div>',
      '2025-09-18T07:41:00.000Z',
    ],
    ['Asia/Bishkek', '<p><span>14:20</span> <span>18-сентябрь, 2025</span></p>', '2025-09-18T08:20:00.000Z'],
    [
      'Asia/Almaty',
      '<div class="meta"><span>Бүгін</span><span>09:05</span></div>',
      '2025-09-19T04:05:00.000Z',
    ],
    ['Asia/Baku', '<div><span>Dünən</span><span>21:05</span></div>', '2025-09-18T17:05:00.000Z'],
    [
      'Asia/Ashgabat',
      '<div><div><span>18-nji sentýabr 2025</span></div><div><span>09:30</span></div></div>',
      '2025-09-18T04:30:00.000Z',
    ],
  ])('%s: %s', (zone, stamp, expected) => {
    expect(publishedAt(page({ afterTitle: stamp }), zone)).toBe(expected);
  });

  it('takes no time from an "updated" stamp beside the date, nor from a different day', () => {
    const updated = '<div><span>Опубликовано 16.09.2025</span> <span>Обновлено в 18:20</span></div>';
    expect(publishedAt(page({ afterTitle: updated }), 'Europe/Moscow')).toBe('2025-09-15T21:00:00.000Z');
    const twoDays = '<div><span>16.09.2025</span> <span>17.09.2025, 12:00</span></div>';
    expect(publishedAt(page({ afterTitle: twoDays }), 'Europe/Moscow')).toBe('2025-09-15T21:00:00.000Z');
  });

  it('reads a page wrapped whole in an ASP.NET <form>, but not a search form beside the title', () => {
    const html = page({ afterTitle: '<p class="date">18 сентября 2025, 13:43</p>' })
      .replace('<body>', '<body><form id="aspnetForm" method="post">')
      .replace('</body>', '</form></body>');
    expect(publishedAt(html, 'Europe/Moscow')).toBe('2025-09-18T10:43:00.000Z');
    const search = '<form class="search"><span>19.09.2025 09:00</span><input name="q"></form>';
    const stamp = '<div>17.09.2025 12:00</div>';
    expect(publishedAt(page({ beforeTitle: search, afterTitle: stamp }), 'Europe/Moscow')).toBe(
      '2025-09-17T09:00:00.000Z',
    );
  });

  it('gives metadata that states only the day the time printed by the title on that day', () => {
    const dayOnly = '<meta property="article:published_time" content="2025-09-17"></head>';
    const shown = page({ afterTitle: '<div class="meta">17 сентября 2025 <span>16:45</span></div>' });
    expect(publishedAt(shown.replace('</head>', dayOnly), 'Asia/Dushanbe')).toBe('2025-09-17T11:45:00.000Z');
    const otherDay = page({ afterTitle: '<div class="meta">18 сентября 2025, 16:45</div>' });
    expect(publishedAt(otherDay.replace('</head>', dayOnly), 'Asia/Dushanbe')).toBe(
      '2025-09-16T19:00:00.000Z',
    );
  });

  it('reads microdata printed as text: <span itemprop="datePublished">', () => {
    const html = page({ beforeTitle: '<span itemprop="datePublished">17 сентября 2025, 08:15</span>' });
    expect(publishedAt(html, 'Asia/Tashkent')).toBe('2025-09-17T03:15:00.000Z');
  });

  it("joins the time in a site's date selector the same way", () => {
    const html = page({ afterTitle: '<ul class="news__date"><li>18 сентября, 2025</li><li>21:05</li></ul>' });
    const selected = (date: string) =>
      extractArticle({
        html,
        url: 'https://news.example/a',
        selectors: { date },
        timezone: 'Asia/Baku',
        now: NOW,
      }).publishedAt;
    expect(selected('ul.news__date')).toBe('2025-09-18T17:05:00.000Z');
    expect(selected('ul.news__date li:first-child')).toBe('2025-09-18T17:05:00.000Z');
  });
});
