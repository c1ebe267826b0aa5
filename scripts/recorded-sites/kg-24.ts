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

/** 24.kg, Russian: the front page's news feed (times only) and two articles. */
const origin = 'https://24.kg';

const articles: PageArticle[] = [
  {
    url: `${origin}/proisshestvija/345678_v_bishkeke_zaderjali_sbyitchika_gashisha/`,
    title: 'В Бишкеке задержали сбытчика гашиша',
    published: '2025-09-25T13:40:00+06:00',
    paragraphs: [
      'Сотрудники СБНОН МВД задержали в Бишкеке 29-летнего мужчину, подозреваемого в сбыте наркотиков.',
      'При обыске в его квартире обнаружено более килограмма гашиша и электронные весы. Возбуждено уголовное дело.',
    ],
  },
  {
    url: `${origin}/obschestvo/345601_v_oshe_otkryili_novyiy_park/`,
    title: 'В Оше открыли новый парк',
    published: '2025-09-21T10:05:00+06:00',
    paragraphs: [
      'В южной столице Кыргызстана открыли новый парк площадью пять гектаров с аллеями, фонтаном и детскими площадками.',
      'Парк построен за счет средств городского бюджета.',
    ],
  },
];

const NAV = `<nav><a href="/vlast/">Власть</a> <a href="/obschestvo/">Общество</a> <a href="/proisshestvija/">Происшествия</a>`;
const FOOTER = '  <footer class="footer">© 24.kg, 2025</footer>';

function frontPage(): string {
  const items = articles.map(
    (article) =>
      `      <div class="one"><div class="time">${clock(article.published)}</div><div class="title"><a href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a></div></div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости Кыргызстана',
    site: '24.kg',
    url: `${origin}/`,
    body: `  <header class="header"><a class="logo" href="/">24.kg</a>${NAV} <a href="/kyrgyzcha/">Кыргызча</a></nav></header>
  <main class="main">
    <div id="newslist">
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
    site: '24.kg',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="/">24.kg</a>${NAV}</nav></header>
  <main class="main">
    <h1 class="newsTitle">${escapeHtml(article.title)}</h1>
    <div class="newsDate">${clock(article.published)}, ${dotted(article.published)}</div>
    <div class="cont">
${paragraphs(article.paragraphs)}
    </div>
    <div class="tags"><a href="/tags/MVD/">МВД</a></div>
  </main>
${FOOTER}`,
  });
}

export function kg24(): RecordedSite {
  return {
    host: '24.kg',
    files: [
      { path: 'index.html', originalUrl: `${origin}/`, content: frontPage() },
      ...articleFiles(articles, articlePage),
    ],
  };
}
