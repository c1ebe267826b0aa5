import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedItems,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
  rssFeed,
} from './page.js';

/** kun.uz, Russian: the RSS feed and two articles whose date stands above the headline. */
const origin = 'https://kun.uz';

const articles: PageArticle[] = [
  {
    url: `${origin}/ru/news/2025/09/23/v-samarkande-zaderzhali-gruppu-narkokurerov`,
    title: 'В Самарканде задержали группу наркокурьеров',
    published: '2025-09-23T19:25:00+05:00',
    paragraphs: [
      'Сотрудники органов внутренних дел Самаркандской области задержали группу из трех человек, которые распространяли наркотики через тайники.',
      'У подозреваемых изъято около 800 граммов синтетических наркотиков. Возбуждено уголовное дело.',
    ],
  },
  {
    url: `${origin}/ru/news/2025/09/21/v-tashkente-otkroyut-novye-stantsii-metro`,
    title: 'В Ташкенте откроют новые станции метро',
    published: '2025-09-21T08:50:00+05:00',
    paragraphs: [
      'До конца года в Ташкенте планируется открыть четыре новые станции на кольцевой линии метрополитена.',
      'Строительство ведется с 2023 года, общая протяженность новых участков превысит семь километров.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Kun.uz',
    url: article.url,
    body: `  <header class="header"><a class="logo" href="/ru">Kun.uz</a><nav><a href="/ru/news/list">Новости</a> <a href="/uz">O‘zb</a></nav></header>
  <main class="main">
    <div class="single-header">
      <div class="single-header__date">${clock(article.published)} / ${dotted(article.published)}</div>
      <h1 class="single-header__title">${escapeHtml(article.title)}</h1>
    </div>
    <div class="single-content">
${paragraphs(article.paragraphs)}
      <div class="advertisement">Реклама</div>
    </div>
    <div class="social-share">Поделиться</div>
  </main>
  <footer class="footer">© Kun.uz</footer>`,
  });
}

export function kunUz(): RecordedSite {
  const feedUrl = `${origin}/ru/news/rss/`;
  return {
    host: 'kun.uz',
    files: [
      {
        path: 'ru/news/rss/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'Kun.uz — новости',
          link: `${origin}/ru`,
          self: feedUrl,
          language: 'ru',
          items: feedItems(articles),
        }),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
