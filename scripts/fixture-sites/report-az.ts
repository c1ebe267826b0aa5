import { englishEdition } from './report-az-en.js';
import {
  type Article,
  articleFile,
  dateHeadTags,
  escapeHtml,
  type FixtureFile,
  localParts,
  paragraphsHtml,
  russianMonthsGenitive,
  type SiteFiles,
} from './site-files.js';

/**
 * report.az: per edition an RSS feed + article pages with the markup public scrapers select (docs/SITES.md).
 * The Russian edition is here, the English one in ./report-az-en.ts.
 */
const host = 'report.az';
const origin = `https://${host}`;

/** What differs between the editions of report.az; the markup is the same. */
export interface ReportEdition {
  /** `ru`, `en`: the first segment of every path. */
  prefix: string;
  articles: Article[];
  feedTitle: string;
  feedDescription: string;
  /** The month names of the visible date (`11 сентября, 2025`, `1 September, 2025`). */
  months: readonly string[];
  menu: string;
  tag: string;
  subscribe: string;
  similarHeading: string;
  latestHeading: string;
  footer: string;
}

const russianArticles: Article[] = [
  {
    urlPath: '/ru/energetika/cena-nefti-azeri-light-snizilas',
    section: 'Энергетика',
    title: 'Цена нефти Azeri Light снизилась',
    published: '2025-09-24T10:30:00+04:00',
    dateMode: 'jsonld',
    paragraphs: [
      'Стоимость азербайджанской нефти марки Azeri Light на мировых рынках снизилась на 0,62 доллара и составила 69,85 доллара за баррель.',
      'Баррель нефти марки Azeri Light FOB Ceyhan подешевел до 68,40 доллара. Цена барреля нефти марки Brent на бирже ICE составила 67,63 доллара.',
      'Напомним, что в государственном бюджете Азербайджана на 2025 год цена нефти заложена на уровне 70 долларов за баррель.',
    ],
  },
  {
    urlPath: '/ru/pogoda/v-baku-ozhidayutsya-dozhd-i-silnyj-veter',
    section: 'Погода',
    title: 'В Баку ожидаются дождь и сильный северный ветер',
    published: '2025-09-22T18:00:00+04:00',
    dateMode: 'meta',
    paragraphs: [
      '23 сентября в Баку и на Абшеронском полуострове ожидается переменная облачность, вечером местами кратковременный дождь. Подует северо-западный ветер, временами усиливающийся до 20 м/с.',
      'Температура воздуха ночью составит 17–19, днем 23–26 градусов тепла. Атмосферное давление повысится с 760 до 765 мм ртутного столба.',
      'В Национальной службе гидрометеорологии предупредили, что порывистый ветер может создать неудобства для жителей и водителей.',
    ],
  },
  {
    urlPath: '/ru/futbol/sabah-i-neftchi-sygrali-vnichyu-v-bakinskom-derbi',
    section: 'Футбол',
    title: '«Сабах» и «Нефтчи» сыграли вничью в бакинском дерби',
    published: '2025-09-21T21:05:00+04:00',
    dateMode: 'visible',
    paragraphs: [
      'В матче шестого тура Премьер-лиги Азербайджана «Сабах» на своем поле сыграл вничью с «Нефтчи» — 1:1.',
      'Хозяева открыли счет на 23-й минуте, однако во втором тайме гости сравняли счет после стандартного положения. После шести туров «Сабах» набрал 11 очков, у «Нефтчи» — 9.',
    ],
  },
  {
    urlPath:
      '/ru/obshchestvo/v-azerbajdzhane-izuchat-rasprostranennost-narkomanii-v-raznyh-vozrastnyh-gruppah',
    section: 'Общество',
    title: 'В Азербайджане изучат распространенность наркомании в разных возрастных группах',
    published: '2025-09-12T15:10:00+04:00',
    dateMode: 'visible',
    paragraphs: [
      'В Азербайджане будут проведены социологические исследования для оценки распространенности наркомании среди различных возрастных групп, по их итогам подготовят соответствующие предложения.',
      'Это предусмотрено Государственной программой по борьбе с незаконным оборотом наркотических средств, психотропных веществ и их прекурсоров и наркоманией на 2025–2030 годы.',
      'Основным исполнителем определена Постоянная рабочая группа Государственной комиссии по борьбе с наркоманией. В работе также примут участие Министерство молодежи и спорта, Министерство науки и образования и Центр социальных исследований.',
    ],
  },
  {
    urlPath: '/ru/zdravookhranenie/v-azerbajdzhane-otkroyut-novoe-meduchrezhdenie-dlya-borby-s-narkomaniej',
    section: 'Здравоохранение',
    title: 'В Азербайджане откроют новое медучреждение для борьбы с наркоманией',
    published: '2025-09-11T12:20:00+04:00',
    dateMode: 'jsonld',
    fromSeed: true,
    paragraphs: [
      'В 2025–2026 годах в Азербайджане начнет работу новое медицинское учреждение, которое будет осуществлять принудительные меры медицинского характера в отношении лиц, страдающих наркоманией.',
      'Как сообщает Report, это отражено в Государственной программе по борьбе с незаконным оборотом наркотических средств, психотропных веществ и их прекурсоров и наркоманией на 2025–2030 годы.',
      'В программе отмечается, что до 2031 года планируется создать реабилитационные центры для повышения качества наркологической помощи. Основным исполнителем определено Министерство здравоохранения.',
    ],
  },
  {
    urlPath:
      '/ru/vnutrennyaya-politika/v-azerbajdzhane-prinyata-shestiletnyaya-programma-protivodejstviya-narkougroze',
    section: 'Внутренняя политика',
    title: 'В Азербайджане принята шестилетняя программа противодействия наркоугрозе',
    published: '2025-09-10T17:45:00+04:00',
    dateMode: 'meta',
    fromSeed: true,
    paragraphs: [
      'В Азербайджане утверждена Государственная программа по борьбе с незаконным оборотом наркотических средств, психотропных веществ и их прекурсоров и наркоманией на 2025–2030 годы.',
      'Как сообщает Report, соответствующее распоряжение подписал Президент Ильхам Алиев.',
      'Согласно документу, Кабинет министров будет координировать и контролировать выполнение предусмотренных программой мероприятий, а также решать другие вопросы, вытекающие из распоряжения.',
      'Государственная комиссия по борьбе с наркоманией и незаконным оборотом наркотических средств будет осуществлять мониторинг и оценку выполнения мер и ежегодно представлять Президенту отчет о ходе реализации программы.',
    ],
  },
];

const russianEdition: ReportEdition = {
  prefix: 'ru',
  articles: russianArticles,
  feedTitle: 'Report.az — Новости Азербайджана',
  feedDescription: 'Последние новости Азербайджана и мира',
  months: russianMonthsGenitive,
  menu: '<a href="/ru/vnutrennyaya-politika/">Политика</a> <a href="/ru/ekonomika/">Экономика</a> <a href="/ru/obshchestvo/">Общество</a> <a href="/ru/sport/">Спорт</a> <a href="/ru/proisshestviya/">Происшествия</a> <a href="/ru/mir/">В мире</a>',
  tag: '<a href="/ru/tags/azerbajdzhan/">#Азербайджан</a>',
  subscribe: 'Подписывайтесь на наш Telegram-канал <a href="https://t.me/reportaz_ru">@reportaz_ru</a>',
  similarHeading: 'Другие новости',
  latestHeading: 'Лента новостей',
  footer: `<p>© 2014–2025 Report Information Agency. Все права защищены.</p>
    <p>При использовании материалов гиперссылка на Report.az обязательна.</p>`,
};

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RFC 822 date as RSS wants it, keeping the site's own +0400 offset. */
function rfc822(iso: string): string {
  const { year, month, day, time } = localParts(iso);
  const weekday = weekdays[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `${weekday}, ${String(day).padStart(2, '0')} ${months[month - 1]} ${year} ${time}:00 +0400`;
}

function feed({ prefix, articles, feedTitle, feedDescription }: ReportEdition): FixtureFile {
  const items = articles.map(
    (article) => `    <item>
      <title>${escapeHtml(article.title)}</title>
      <link>${origin}${article.urlPath}</link>
      <guid isPermaLink="false">report-${prefix === 'ru' ? '' : `${prefix}-`}${article.urlPath.split('/').pop()}</guid>
      <description>${escapeHtml(article.paragraphs[0] ?? '')}</description>
      <category>${escapeHtml(article.section)}</category>
      <pubDate>${rfc822(article.published)}</pubDate>
      <enclosure url="https://static.report.az/photo/${article.urlPath.split('/').pop()}.jpg" type="image/jpeg" length="0"/>
    </item>`,
  );
  return {
    path: `${prefix}/rss/index.xml`,
    originalUrl: `${origin}/${prefix}/rss/`,
    content: `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${feedTitle}</title>
    <link>${origin}/${prefix}/</link>
    <atom:link href="${origin}/${prefix}/rss/" rel="self" type="application/rss+xml"/>
    <description>${feedDescription}</description>
    <language>${prefix}</language>
    <lastBuildDate>${rfc822(articles[0]?.published ?? '')}</lastBuildDate>
${items.join('\n')}
  </channel>
</rss>
`,
  };
}

function articlePage(edition: ReportEdition, article: Article): FixtureFile {
  const { prefix, articles } = edition;
  const { year, month, day, time } = localParts(article.published);
  const others = articles.filter((other) => other !== article);
  const content = `<!DOCTYPE html>
<html lang="${prefix}">
<head>
  <meta charset="utf-8">
  <title>${escapeHtml(article.title)} | Report.az</title>
  <meta name="description" content="${escapeHtml(article.paragraphs[0] ?? '')}">
  <meta property="og:title" content="${escapeHtml(article.title)}">
  <meta property="og:url" content="${origin}${article.urlPath}">
  <link rel="canonical" href="${origin}${article.urlPath}">
  <link rel="alternate" type="application/rss+xml" href="${origin}/${prefix}/rss/">
  ${dateHeadTags(article, origin, 'Report.az')}
</head>
<body>
  <div class="header-top"><a href="/">AZ</a> <a href="/ru/">RU</a> <a href="/en/">EN</a> <span class="currency">USD 1.7000 · EUR 1.9950</span></div>
  <header class="header"><a class="logo" href="/${prefix}/"><img src="/assets/images/logo.svg" alt="Report"></a>
    <nav class="menu">${edition.menu}</nav>
  </header>
  <main class="main">
    <div class="container"><div class="row">
      <div class="col-lg-8">
        <div class="news-detail">
          <a class="news-detail__category" href="/${prefix}/${article.urlPath.split('/')[2]}/">${escapeHtml(article.section)}</a>
          <h1 class="section-title">${escapeHtml(article.title)}</h1>
          <ul class="news__date"><li>${day} ${edition.months[month - 1]}, ${year}</li><li>${time}</li></ul>
          <div class="news-detail__image"><img src="https://static.report.az/photo/${article.urlPath.split('/').pop()}.jpg" alt=""></div>
          <div class="news-detail__desc">
          ${paragraphsHtml(article.paragraphs)}
          </div>
          <div class="news-detail__tags">${edition.tag}</div>
          <div class="subscribe-banner">${edition.subscribe}</div>
        </div>
        <div class="similar-news"><h3>${edition.similarHeading}</h3>
          ${others
            .slice(0, 4)
            .map(
              (o) =>
                `<a class="news__item" href="${o.urlPath}"><span class="news__title">${escapeHtml(o.title)}</span></a>`,
            )
            .join('\n          ')}
        </div>
      </div>
      <aside class="col-lg-4"><div class="latest-news"><h3>${edition.latestHeading}</h3>
        ${articles.map((o) => `<div class="latest-news__item"><time>${localParts(o.published).time}</time> <a href="${o.urlPath}">${escapeHtml(o.title)}</a></div>`).join('\n        ')}
      </div></aside>
    </div></div>
  </main>
  <footer class="footer">${edition.footer}</footer>
</body>
</html>
`;
  return articleFile(article, host, content, { sourceId: 'report-az-ru', lang: 'rus' });
}

function editionFiles(edition: ReportEdition): FixtureFile[] {
  return [feed(edition), ...edition.articles.map((article) => articlePage(edition, article))];
}

export function reportAz(): SiteFiles {
  return { host, files: [...editionFiles(russianEdition), ...editionFiles(englishEdition)] };
}
