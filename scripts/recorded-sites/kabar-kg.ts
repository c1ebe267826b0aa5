import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedItems,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
  rssFeed,
} from './page.js';

/** kabar.kg, Russian: the RSS feed and two articles. */
const origin = 'https://kabar.kg';

const articles: PageArticle[] = [
  {
    url: `${origin}/news/v-chuiskoi-oblasti-unichtozheno-15-gektarov-dikorastushchei-konopli/`,
    title: 'В Чуйской области уничтожено 15 гектаров дикорастущей конопли',
    published: '2025-09-23T14:00:00+06:00',
    paragraphs: [
      'В ходе оперативно-профилактического мероприятия «Мак» в Чуйской области выявлено и уничтожено 15 гектаров дикорастущей конопли.',
      'Сотрудники Службы по борьбе с незаконным оборотом наркотиков МВД изъяли более 200 килограммов растительного сырья.',
    ],
  },
  {
    url: `${origin}/news/v-bishkeke-startoval-mezhdunarodnyi-kinofestival/`,
    title: 'В Бишкеке стартовал международный кинофестиваль',
    published: '2025-09-19T19:00:00+06:00',
    paragraphs: [
      'В Бишкеке открылся международный кинофестиваль, в программу которого вошли 60 фильмов из 20 стран.',
      'Показы пройдут в кинотеатрах столицы в течение недели, вход на часть сеансов свободный.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Kabar',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="/">КАБАР</a><nav><a href="/kyr/">КЫР</a> <a href="/">РУС</a> <a href="/eng/">ENG</a></nav></header>
  <main class="main">
    <div class="news-page">
      <h1 class="news-title">${escapeHtml(article.title)}</h1>
      <div class="news-date">${dotted(article.published)} ${clock(article.published)}</div>
      <div class="news-content">
${paragraphs(article.paragraphs)}
      </div>
    </div>
  </main>
  <footer class="footer">© КНИА «Кабар»</footer>`,
  });
}

export function kabarKg(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  return {
    host: 'kabar.kg',
    files: [
      {
        path: 'rss/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'Кабар — новости Кыргызстана',
          link: `${origin}/`,
          self: feedUrl,
          language: 'ru',
          items: feedItems(articles),
        }),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
