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
