import {
  clock,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
  russianDate,
} from './page.js';

/** news.day.az: the society section (times only) and two articles; one event from the seed bulletin. */
const origin = 'https://news.day.az';

const articles: Array<PageArticle & { fromSeed?: boolean }> = [
  {
    url: `${origin}/society/1781203.html`,
    title: 'В Азербайджане изучат распространенность наркомании среди разных возрастных групп',
    published: '2025-09-12T16:20:00+04:00',
    fromSeed: true,
    paragraphs: [
      'В Азербайджане будут проведены социологические исследования о распространенности наркомании среди различных возрастных групп.',
      'Это предусмотрено Государственной программой по борьбе с незаконным оборотом наркотиков и наркоманией на 2025–2030 годы, утвержденной распоряжением Президента.',
      'По итогам исследований будут подготовлены предложения по совершенствованию профилактической работы.',
    ],
  },
  {
    url: `${origin}/society/1781590.html`,
    title: 'В Баку продолжается реконструкция Приморского бульвара',
    published: '2025-09-15T10:45:00+04:00',
    paragraphs: [
      'На Приморском национальном парке в Баку продолжаются работы по реконструкции прогулочной зоны протяженностью три километра.',
      'Завершить работы планируется до конца года, сообщили в управлении бульвара.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="https://news.day.az/">Day.Az</a>
    <nav class="menu"><a href="/politics/">Политика</a> <a href="/economy/">Экономика</a> <a href="/society/">Общество</a> <a href="/sport/">Спорт</a></nav></header>`;
const FOOTER = '  <footer class="footer">© 2002–2025 Day.Az. Все права защищены.</footer>';

function section(): string {
  const newestFirst = [...articles].sort((a, b) => b.published.localeCompare(a.published));
  const items = newestFirst.map(
    (article) => `      <div class="news-item">
        <span class="news-item__time">${clock(article.published)}</span>
        <a class="news-item__title" href="${article.url}">${escapeHtml(article.title)}</a>
      </div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Общество',
    site: 'Day.Az',
    url: `${origin}/society/`,
    body: `${HEADER}
  <main class="section">
    <h1 class="section__title">Общество</h1>
    <div class="section-news">
${items.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Day.Az',
    url: article.url,
    head: publishedMeta(article.published),
    body: `${HEADER}
  <main class="article">
    <div class="article-title"><h1>${escapeHtml(article.title)}</h1></div>
    <div class="article-date">${russianDate(article.published)}, ${clock(article.published)}</div>
    <div class="article-body">
${paragraphs(article.paragraphs)}
    </div>
    <div class="article-tags"><a href="/tags/obshchestvo/">Общество</a></div>
  </main>
${FOOTER}`,
  });
}

export function dayAz(): RecordedSite {
  return {
    host: 'news.day.az',
    files: [
      { path: 'society/index.html', originalUrl: `${origin}/society/`, content: section() },
      ...articles.map((article) => ({
        path: new URL(article.url).pathname.slice(1),
        originalUrl: article.url,
        content: articlePage(article),
        ...(article.fromSeed ? { fromSeed: true } : {}),
      })),
    ],
  };
}
