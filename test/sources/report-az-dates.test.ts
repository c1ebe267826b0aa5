import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../src/crawlers/extract/decode-html.js';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';
import { DEFAULT_FIXTURES_ROOT } from '../../src/crawlers/fixture-server.js';
import { readSavedPage } from '../../src/crawlers/read-saved-page.js';
import { sourceRegistry } from '../../src/sources/index.js';
import { toSourceConfig } from '../../src/sources/source-definition.js';

/**
 * The recorded report.az pages print the day and the time in two list items:
 * `<ul class="news__date"><li>21 сентября, 2025</li><li>21:05</li></ul>`. The golden file used to freeze 00:00
 * for the two pages that carry no metadata. What follows was read off each page by eye (the <h1> and the two
 * <li>s under it), not taken from the parser: the time is Baku's (+04:00), as the source declares.
 */
const PAGES = [
  {
    file: 'report.az/ru/futbol/sabah-i-neftchi-sygrali-vnichyu-v-bakinskom-derbi.html',
    title: '«Сабах» и «Нефтчи» сыграли вничью в бакинском дерби',
    published: '2025-09-21T21:05:00+04:00',
    metadata: 'none',
  },
  {
    file: 'report.az/ru/obshchestvo/v-azerbajdzhane-izuchat-rasprostranennost-narkomanii-v-raznyh-vozrastnyh-gruppah.html',
    title: 'В Азербайджане изучат распространенность наркомании в разных возрастных группах',
    published: '2025-09-12T15:10:00+04:00',
    metadata: 'none',
  },
  {
    file: 'report.az/ru/pogoda/v-baku-ozhidayutsya-dozhd-i-silnyj-veter.html',
    title: 'В Баку ожидаются дождь и сильный северный ветер',
    published: '2025-09-22T18:00:00+04:00',
    metadata: 'article:published_time',
  },
  {
    file: 'report.az/ru/energetika/cena-nefti-azeri-light-snizilas.html',
    title: 'Цена нефти Azeri Light снизилась',
    published: '2025-09-24T10:30:00+04:00',
    metadata: 'JSON-LD',
  },
  {
    file: 'report.az/ru/vnutrennyaya-politika/v-azerbajdzhane-prinyata-shestiletnyaya-programma-protivodejstviya-narkougroze.html',
    title: 'В Азербайджане принята шестилетняя программа противодействия наркоугрозе',
    published: '2025-09-10T17:45:00+04:00',
    metadata: 'article:published_time',
  },
  {
    file: 'report.az/ru/zdravookhranenie/v-azerbajdzhane-otkroyut-novoe-meduchrezhdenie-dlya-borby-s-narkomaniej.html',
    title: 'В Азербайджане откроют новое медучреждение для борьбы с наркоманией',
    published: '2025-09-11T12:20:00+04:00',
    metadata: 'JSON-LD',
  },
] as const;

const RECORDED_AT = new Date('2025-09-30T18:00:00+05:00');
const definition = sourceRegistry.find((candidate) => candidate.id === 'report-az-ru');
if (!definition) throw new Error('report-az-ru is not declared');
const source = toSourceConfig(definition);

const htmlOf = (file: string) => decodeHtml(readFileSync(join(DEFAULT_FIXTURES_ROOT, file))).html;
const urlOf = (file: string) => `https://${file.replace(/\.html$/, '')}`;
const instant = (local: string) => new Date(local).toISOString();

describe('report.az: the date and the time printed in separate list items', () => {
  it.each(PAGES)('$file (metadata: $metadata)', async ({ file, title, published }) => {
    // As a crawl reads it: the page gate, then the article handler with the source's parser and time zone.
    const { candidate } = await readSavedPage(source, {
      bytes: readFileSync(join(DEFAULT_FIXTURES_ROOT, file)),
      url: urlOf(file),
      contentType: 'text/html; charset=utf-8',
      pageDate: RECORDED_AT,
    });
    expect(candidate?.title).toBe(title);
    expect(candidate?.publishedAt).toBe(instant(published));
    // The source's own date selector reads the stamp: the generic reader was not needed.
    expect(candidate?.extraction.missing).not.toContain('publishedAt');
  });

  it.each(PAGES.filter((page) => page.metadata === 'none'))(
    '$file without selectors: the generic reader finds the same stamp',
    ({ file, title, published }) => {
      const article = extractArticle({
        html: htmlOf(file),
        url: urlOf(file),
        timezone: 'Asia/Baku',
        now: RECORDED_AT,
      });
      expect(article.title).toBe(title);
      expect(article.publishedAt).toBe(instant(published));
    },
  );
});
