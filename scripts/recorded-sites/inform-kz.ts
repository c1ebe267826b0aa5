import {
  clock,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  pathOf,
  publishedMeta,
  type RecordedSite,
} from './page.js';

/** inform.kz (Kazinform), Russian: the RSS feed and two articles. */
const origin = 'https://www.inform.kz';

const articles: PageArticle[] = [
  {
    url: `${origin}/ru/v-karagandinskoy-oblasti-izyali-krupnuyu-partiyu-gashisha-a4567890`,
    title: 'В Карагандинской области изъяли крупную партию гашиша',
    published: '2025-09-25T09:30:00+05:00',
    paragraphs: [
      'В Карагандинской области пресечен канал поставки гашиша из соседней страны, сообщили в департаменте полиции региона.',
      'В ходе обыска в гараже обнаружено 12 килограммов наркотика, расфасованного для сбыта. Задержан 34-летний мужчина.',
      'Решается вопрос о проверке его причастности к другим эпизодам.',
    ],
  },
  {
    url: `${origin}/ru/kazahstan-i-uzbekistan-uvelichat-tovarooborot-a4567712`,
    title: 'Казахстан и Узбекистан увеличат товарооборот',
    published: '2025-09-23T13:15:00+05:00',
    paragraphs: [
      'Правительства Казахстана и Узбекистана договорились довести взаимный товарооборот до 10 миллиардов долларов.',
      'Стороны обсудили развитие приграничной торговли и строительство центра промышленной кооперации «Центральная Азия».',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Kazinform',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="header__logo" href="/ru/">Казинформ</a>
    <nav class="header__nav"><a href="/ru/politika/">Политика</a> <a href="/ru/ekonomika/">Экономика</a> <a href="/ru/proisshestviya/">Происшествия</a></nav></header>
  <main class="page">
    <article class="article">
      <div class="article__category">Происшествия</div>
      <h1 class="article__title">${escapeHtml(article.title)}</h1>
      <div class="article__info"><time class="article__date" datetime="${article.published}">${clock(article.published)}, ${dotted(article.published)}</time> <span class="article__views">1 204</span></div>
      <div class="article__body-text">
${paragraphs(article.paragraphs)}
      </div>
      <div class="article__share">Поделиться: <a href="https://t.me/share/url?url=${article.url}">Telegram</a></div>
    </article>
  </main>
  <footer class="footer"><p>© МИА «Казинформ», 1997–2025</p></footer>`,
  });
}

export function informKz(): RecordedSite {
  const feedUrl = `${origin}/rss/rus/`;
  return {
    host: 'inform.kz',
    files: [
      feedFile({
        path: 'rss/rus/index.xml',
        url: feedUrl,
        title: 'Казинформ — новости',
        link: `${origin}/ru/`,
        language: 'ru',
        articles,
      }),
      ...articles.map((article) => ({
        path: pathOf(article.url),
        originalUrl: article.url,
        content: articlePage(article),
      })),
    ],
  };
}
