import * as cheerio from 'cheerio';
import type { AnyNode } from 'domhandler';
import { resolveHttpUrl } from './discovered-link.js';

/** One post of a public channel preview: the preview page is its only page, so it carries the whole text. */
export interface TelegramPost {
  /** `https://t.me/<channel>/<id>`, the post's permanent address. */
  url: string;
  title: string;
  body: string;
  /** ISO 8601 as Telegram writes it (with offset), or null when the post has no time. */
  publishedAt: string | null;
  /** The post's own markup, stored as its page. */
  html: string;
}

export interface ParsedTelegramChannel {
  channelTitle: string | undefined;
  posts: TelegramPost[];
  /** The preview of the older posts (`?before=<id>`), if the page links one. */
  olderPage: string | undefined;
}

/** Long enough for a headline, short enough to read as one in the review list. */
const MAX_TITLE_CHARS = 160;

/**
 * Reads `https://t.me/s/<channel>`: each `.tgme_widget_message[data-post]` is a post. Posts without text
 * (photos, polls) are left out: there is nothing to analyse.
 */
export function parseTelegramChannel(html: string, pageUrl: string): ParsedTelegramChannel {
  const $ = cheerio.load(html);
  const posts: TelegramPost[] = [];
  $('.tgme_widget_message[data-post]').each((_, element) => {
    const post = readPost($, $(element));
    if (post) posts.push(post);
  });
  const channelTitle = $('.tgme_channel_info_header_title').first().text().trim() || undefined;
  const olderPage = resolveHttpUrl($('a.tme_messages_more[data-before]').attr('href'), pageUrl);
  return { channelTitle, posts, olderPage };
}

function readPost($: cheerio.CheerioAPI, message: cheerio.Cheerio<AnyNode>): TelegramPost | undefined {
  const reference = message.attr('data-post')?.trim() ?? '';
  if (!/^[A-Za-z0-9_]+\/\d+$/.test(reference)) return undefined;
  const textElement = message.find('.tgme_widget_message_text').first().clone();
  textElement.find('br').replaceWith('\n');
  const body = textElement
    .text()
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  if (!body) return undefined;
  const datetime = message.find('.tgme_widget_message_date time[datetime]').first().attr('datetime');
  return {
    url: `https://t.me/${reference}`,
    title: titleOf(body),
    body,
    publishedAt: datetime?.trim() || null,
    html: $.html(message),
  };
}

/** A post has no headline: its first line stands in, cut at a word boundary when it runs long. */
function titleOf(body: string): string {
  const firstLine = body.split('\n')[0] ?? '';
  if (firstLine.length <= MAX_TITLE_CHARS) return firstLine;
  const cut = firstLine.slice(0, MAX_TITLE_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_TITLE_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
