import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/config/keywords.js';
import { decodeHtml } from '../../src/crawlers/extract/decode-html.js';
import { extractArticle } from '../../src/crawlers/extract/extract-article.js';
import { scoreRelevance } from '../../src/domain/relevance.js';

/**
 * Pages written by hand after the layouts of the region's news sites (test/fixtures/layouts/): the date printed
 * only as text, the time in a sibling element, "today"/"yesterday" stamps, photo credits, bylines and
 * signatures inside the text column, side columns with other stories' dates. Every expected value below was
 * typed from the page as a reader sees it, in the source's time zone; none comes from the extractor.
 */
const LAYOUTS = 'test/fixtures/layouts';
// Friday 19 September 2025, 07:30 UTC: the moment "today" and "yesterday" are read against.
const NOW = new Date('2025-09-19T07:30:00Z');

interface PageTruth {
  file: string;
  timezone: string;
  title: string;
  published: string;
  first: string;
  last: string;
  /** Credits, bylines and stamps that sit in the text column but are not the article's text. */
  absent: string[];
}

const PAGES: PageTruth[] = [
  {
    file: 'ru-aspnet-form.html',
    timezone: 'Europe/Moscow',
    title: 'В Подмосковье задержали поставщика синтетических наркотиков',
    published: '2016-08-15T13:43:00+03:00',
    first:
      'Полицейские задержали 27-летнего мужчину, который организовал в Балашихе сеть тайников с мефедроном.',
    last: 'Возбуждено уголовное дело по статье 228.1 УК РФ, задержанному избрана мера пресечения в виде заключения под стражу.',
    absent: ['Фото пресс-службы МВД', 'Фото: пресс-служба', 'Автор: Игорь Смирнов', '15 августа 2016'],
  },
  {
    file: 'ru-mvd-sibling-time.html',
    timezone: 'Europe/Moscow',
    title: 'В Ярославле полицейские изъяли более килограмма героина',
    published: '2025-09-19T10:41:00+03:00',
    first:
      'Сотрудники отдела по контролю за оборотом наркотиков УМВД России по Ярославской области задержали 35-летнего местного жителя.',
    last: 'В ходе обыска полицейские изъяли 1,2 килограмма героина, электронные весы и мобильный телефон с фотографиями мест закладок.',
    absent: ['Фото: пресс-служба', 'Видео: УМВД'],
  },
  {
    file: 'kk-relative-today.html',
    timezone: 'Asia/Almaty',
    title: 'Алматы облысында 5 келіден астам марихуана тәркіленді',
    published: '2025-09-19T14:25:00+05:00',
    first:
      'Алматы облысы полиция департаментінің қызметкерлері Еңбекшіқазақ ауданында есірткі сақтаған 42 жастағы ер адамды ұстады.',
    last: 'Дерек бойынша Қылмыстық кодекстің 296-бабы бойынша сотқа дейінгі тергеп-тексеру басталды.',
    absent: ['Сурет:', 'Айгерім Сапарова'],
  },
  {
    file: 'ky-sibling-time.html',
    timezone: 'Asia/Bishkek',
    title: 'Ош шаарында 3 килограммдан ашык гашиш кармалды',
    published: '2025-09-16T14:20:00+06:00',
    first:
      'Ички иштер министрлигинин Баңгизаттарга каршы күрөшүү кызматынын кызматкерлери Ош шаарында 29 жаштагы жаранды кармашты.',
    last: 'Факты боюнча кылмыш иши козголуп, шектүү убактылуу кармоочу жайга камалды.',
    absent: ['Сүрөт:', 'Көрүүлөр'],
  },
  {
    file: 'uz-latin-sentabr.html',
    timezone: 'Asia/Tashkent',
    title: 'Surxondaryoda 12 kilogramm giyohvand modda musodara qilindi',
    published: '2025-09-16T11:00:00+05:00',
    first:
      'Ichki ishlar organlari xodimlari Termiz tumanida o‘tkazilgan tezkor tadbir davomida 38 yoshli fuqaroni ushladi.',
    last: 'Mazkur holat yuzasidan Jinoyat kodeksining 273-moddasi bilan jinoyat ishi qo‘zg‘atildi.',
    absent: ['Surat:', 'Jasur Rahimov'],
  },
  {
    file: 'tg-yesterday.html',
    timezone: 'Asia/Dushanbe',
    title: 'Дар Душанбе беш аз 4 кило маводи мухаддир мусодира шуд',
    published: '2025-09-18T15:30:00+05:00',
    first:
      'Кормандони Агентии назорати маводи нашъаовар дар шаҳри Душанбе як сокини 33-солаи пойтахтро боздошт карданд.',
    last: 'Дар ин бора парвандаи ҷиноӣ оғоз шуда, тафтишот идома дорад.',
    absent: ['Акс:'],
  },
  {
    file: 'tk-sibling-time.html',
    timezone: 'Asia/Ashgabat',
    title: 'Lebap welaýatynda neşekeşlige garşy göreş boýunça maslahat geçirildi',
    published: '2025-09-15T09:30:00+05:00',
    first:
      'Lebap welaýatynyň Içeri işler müdirliginde neşekeşlige garşy göreşiň meselelerine bagyşlanan maslahat geçirildi.',
    last: 'Çärede ýaşlaryň arasynda sagdyn durmuş ýörelgesini wagyz etmegiň ähmiýeti bellenildi.',
    absent: ['Surat: TDH'],
  },
  {
    file: 'az-yesterday.html',
    timezone: 'Asia/Baku',
    title: 'Biləsuvarda 8 kiloqram narkotik vasitə aşkarlanıb',
    published: '2025-09-18T21:05:00+04:00',
    first:
      'Daxili İşlər Nazirliyinin Baş Narkotiklərlə Mübarizə İdarəsinin əməkdaşları Biləsuvar rayonunda əməliyyat keçiriblər.',
    last: 'Faktla bağlı cinayət işi başlanılıb, araşdırma davam etdirilir.',
    absent: ['Foto:', 'Müəllif'],
  },
  {
    file: 'en-byline-credit.html',
    timezone: 'Asia/Baku',
    title: 'Kazakhstan police seize 40 kg of hashish near Kyrgyz border',
    published: '2025-09-16T12:30:00+04:00',
    first:
      "Police in Kazakhstan's Zhambyl region have seized 40 kilograms of hashish from a truck near the border with Kyrgyzstan, the Interior Ministry said.",
    last: 'A pre-trial investigation has been launched under the article on drug trafficking.',
    absent: ['By Jane Doe', 'Photo: Reuters'],
  },
];

const bytesOf = (file: string) => readFileSync(join(LAYOUTS, file));
const extract = (html: string, page: PageTruth) =>
  extractArticle({ html, url: `https://news.example/${page.file}`, timezone: page.timezone, now: NOW });

describe('pages laid out like the region’s news sites', () => {
  it.each(PAGES)('$file', (page) => {
    const article = extract(decodeHtml(bytesOf(page.file)).html, page);
    expect(article.title).toBe(page.title);
    expect(article.publishedAt).toBe(new Date(page.published).toISOString());
    const lines = article.body?.split('\n') ?? [];
    expect(lines[0]).toBe(page.first);
    expect(lines[lines.length - 1]).toBe(page.last);
    for (const text of page.absent) expect(article.body).not.toContain(text);
  });
});

describe('a Russian page in KOI8-R with no charset anywhere', () => {
  const page = PAGES[0]!;
  const utf8 = bytesOf(page.file).toString('utf8');
  const undeclared = utf8.replace(/<meta http-equiv="Content-Type"[^>]*>/, '');
  const koi8 = iconv.encode(undeclared, 'koi8-r');
  const lexicon = loadLexicon();
  const relevant = (title: string | null, body: string | null) =>
    scoreRelevance({ title: title ?? '', text: body ?? '', lang: 'rus' }, lexicon).relevant;

  it('is read as KOI8-R, so its drug report keeps its words and stays relevant', () => {
    const decoded = decodeHtml(koi8);
    expect(decoded.encoding).toBe('koi8-r');
    const article = extract(decoded.html, page);
    expect(article.title).toBe(page.title);
    expect(article.publishedAt).toBe(new Date(page.published).toISOString());
    expect(relevant(article.title, article.body)).toBe(true);
  });

  it('would be filtered out if read as windows-1251, as it used to be', () => {
    const misread = extract(iconv.decode(koi8, 'windows-1251'), page);
    expect(misread.title).not.toBe(page.title);
    expect(relevant(misread.title, misread.body)).toBe(false);
  });
});
