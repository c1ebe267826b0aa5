import { describe, expect, it } from 'vitest';
import { parseTelegramChannel } from '../../src/crawlers/discovery/parse-telegram.js';

function message(post: string, text: string, datetime = '2025-09-26T06:15:00+00:00'): string {
  return `<div class="tgme_widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="${post}">
    <div class="tgme_widget_message_text js-message_text" dir="auto">${text}</div>
    <div class="tgme_widget_message_footer"><span class="tgme_widget_message_meta">
      <a class="tgme_widget_message_date" href="https://t.me/${post}"><time datetime="${datetime}" class="time">06:15</time></a>
    </span></div></div></div>`;
}

const page = (messages: string[]) => `<html><body>
  <div class="tgme_channel_info_header_title"><span>Пресс-служба МВД</span></div>
  <section class="tgme_channel_history">
    <div class="tgme_widget_message_centered"><a href="/s/press_mvd?before=120" class="tme_messages_more js-messages_more" data-before="120"></a></div>
    ${messages.join('\n')}
  </section></body></html>`;

describe('parseTelegramChannel', () => {
  it('makes each post an article at https://t.me/<channel>/<id>, first line as title, lines kept', () => {
    const parsed = parseTelegramChannel(
      page([message('press_mvd/121', 'Изъято 5 кг гашиша<br/>Задержан житель <b>Бишкека</b>.<br><br>#МВД')]),
      'https://t.me/s/press_mvd',
    );
    expect(parsed.channelTitle).toBe('Пресс-служба МВД');
    expect(parsed.posts).toEqual([
      expect.objectContaining({
        url: 'https://t.me/press_mvd/121',
        title: 'Изъято 5 кг гашиша',
        body: 'Изъято 5 кг гашиша\nЗадержан житель Бишкека.\n#МВД',
        publishedAt: '2025-09-26T06:15:00+00:00',
      }),
    ]);
    expect(parsed.posts[0]?.html).toContain('data-post="press_mvd/121"');
  });

  it('links the page of older posts and resolves it against the channel page', () => {
    const parsed = parseTelegramChannel(page([]), 'https://t.me/s/press_mvd');
    expect(parsed.olderPage).toBe('https://t.me/s/press_mvd?before=120');
  });

  it('leaves out posts without text and posts with a malformed reference', () => {
    const photoOnly =
      '<div class="tgme_widget_message" data-post="press_mvd/119"><a class="photo"></a></div>';
    const parsed = parseTelegramChannel(
      page([photoOnly, message('press_mvd/../x', 'текст'), message('press_mvd/122', 'Текст поста')]),
      'https://t.me/s/press_mvd',
    );
    expect(parsed.posts.map((post) => post.url)).toEqual(['https://t.me/press_mvd/122']);
  });

  it('cuts a long first line at a word boundary for the title', () => {
    const words = 'В ходе рейда полицейские проверили гаражи и подвалы жилых домов района '.repeat(4).trim();
    const [post] = parseTelegramChannel(
      page([message('press_mvd/123', words)]),
      'https://t.me/s/press_mvd',
    ).posts;
    expect(post?.title.length).toBeLessThanOrEqual(161);
    expect(post?.title.endsWith('…')).toBe(true);
    expect(words.startsWith(post?.title.slice(0, -1) ?? '-')).toBe(true);
    expect(post?.body).toBe(words);
  });
});
