import {
  clock,
  dotted,
  escapeHtml,
  htmlPage,
  newsArticleJsonLd,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** biang.ru: a news list and two articles (JSON-LD dates, Moscow time); one event from the seed bulletin. */
const origin = 'https://biang.ru';

const articles: Array<PageArticle & { fromSeed?: boolean }> = [
  {
    url: `${origin}/ru/news/tadzhikistan-i-kitaj-obsudili-ukreplenie-graniczyi-respubliki-i-borbu-s-narkotrafikom.html`,
    title: 'Таджикистан и Китай обсудили укрепление границы республики и борьбу с наркотрафиком',
    published: '2025-09-19T14:00:00+03:00',
    fromSeed: true,
    paragraphs: [
      'В Душанбе состоялась встреча руководства Агентства по контролю за наркотиками при Президенте Таджикистана с делегацией Министерства общественной безопасности Китая.',
      'Стороны обсудили укрепление таджикско-афганской границы, обмен оперативной информацией и совместные меры по противодействию наркотрафику.',
      'Китайская сторона передала таджикским коллегам партию технических средств для досмотра грузов.',
    ],
  },
  {
    url: `${origin}/ru/news/v-bishkeke-proshel-forum-molodyih-predprinimateley.html`,
    title: 'В Бишкеке прошел форум молодых предпринимателей Центральной Азии',
    published: '2025-09-17T11:30:00+03:00',
    paragraphs: [
      'В столице Кыргызстана прошел форум молодых предпринимателей стран Центральной Азии, в котором приняли участие более 300 человек.',
      'Участники обсудили доступ стартапов к финансированию и развитие цифровой торговли в регионе.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="/ru/">БИАНГ</a><nav><a href="/ru/news">Новости</a> <a href="/ru/analytics">Аналитика</a></nav></header>`;
const FOOTER = '  <footer class="footer">© Бианг, 2025</footer>';

function newsList(): string {
  const items = articles.map(
    (article) => `        <div class="news-item">
          <div class="news-item__date">${dotted(article.published)}</div>
          <div class="news-item__title"><a href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a></div>
        </div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости',
    site: 'Бианг',
    url: `${origin}/ru/news`,
    body: `${HEADER}
  <main class="main">
    <h1>Новости</h1>
    <div class="news-list">
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
    site: 'Бианг',
    url: article.url,
    head: newsArticleJsonLd(article, 'Бианг'),
    body: `${HEADER}
  <main class="main">
    <div class="news-detail">
      <h1 class="news-detail__title">${escapeHtml(article.title)}</h1>
      <div class="news-detail__date">${dotted(article.published)} ${clock(article.published)}</div>
      <div class="news-detail__text">
${paragraphs(article.paragraphs)}
      </div>
      <div class="news-detail__source">Источник: Бианг</div>
    </div>
  </main>
${FOOTER}`,
  });
}

export function biangRu(): RecordedSite {
  return {
    host: 'biang.ru',
    files: [
      { path: 'ru/news/index.html', originalUrl: `${origin}/ru/news`, content: newsList() },
      ...articles.map((article) => ({
        path: new URL(article.url).pathname.slice(1),
        originalUrl: article.url,
        content: articlePage(article),
        ...(article.fromSeed ? { fromSeed: true } : {}),
      })),
    ],
  };
}
