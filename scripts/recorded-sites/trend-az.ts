import { localParts, russianMonthsGenitive } from '../fixture-sites/site-files.js';
import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
} from './page.js';

/** trend.az, Russian: the society section and two articles that open with the agency's dateline. */
const origin = 'https://www.trend.az';

const articles: PageArticle[] = [
  {
    url: `${origin}/azerbaijan/society/4102345.html`,
    title: 'В Азербайджане в августе изъято более 300 килограммов наркотиков',
    published: '2025-09-20T15:25:00+04:00',
    paragraphs: [
      'В августе сотрудники органов внутренних дел Азербайджана изъяли из незаконного оборота более 300 килограммов наркотических средств, сообщили в МВД.',
      'Выявлено 412 преступлений, связанных с наркотиками, к ответственности привлечены 380 человек. Среди изъятого — героин, марихуана и метамфетамин.',
    ],
  },
  {
    url: `${origin}/azerbaijan/society/4102101.html`,
    title: 'В Гяндже открылась новая школа на 960 мест',
    published: '2025-09-15T12:00:00+04:00',
    paragraphs: [
      'В Гяндже в рамках программы модернизации образования открылась новая школа на 960 ученических мест.',
      'В здании оборудованы лаборатории, спортивный зал и библиотека с цифровыми ресурсами.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="https://www.trend.az/">Trend</a><nav><a href="/business/">Бизнес</a> <a href="/azerbaijan/society/">Общество</a></nav></header>`;
const FOOTER = '  <footer class="footer">© 2025 Trend News Agency</footer>';

/** `20 сентября 15:25`: the list leaves the year out. */
function listDate(iso: string): string {
  const { month, day, time } = localParts(iso);
  return `${day} ${russianMonthsGenitive[month - 1]} ${time}`;
}

function section(): string {
  const items = articles.map(
    (article) =>
      `        <li><a href="${article.url}"><h4>${escapeHtml(article.title)}</h4><span class="date">${listDate(article.published)}</span></a></li>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Общество',
    site: 'Trend',
    url: `${origin}/azerbaijan/society/`,
    body: `${HEADER}
  <main class="main">
    <ul class="news-list with-images">
${items.join('\n')}
    </ul>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Trend',
    url: article.url,
    head: publishedMeta(article.published),
    body: `${HEADER}
  <main class="main">
    <div class="article-header"><h1>${escapeHtml(article.title)}</h1><span class="date-time">${clock(article.published)} (${dotted(article.published)})</span></div>
    <div class="article-content article-paddings">
      <p class="lead">БАКУ, Азербайджан, Trend</p>
${paragraphs(article.paragraphs)}
    </div>
    <div class="related-news">Читайте также</div>
  </main>
${FOOTER}`,
  });
}

export function trendAz(): RecordedSite {
  return {
    host: 'trend.az',
    files: [
      {
        path: 'azerbaijan/society/index.html',
        originalUrl: `${origin}/azerbaijan/society/`,
        content: section(),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
