import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
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

/** One edition: Russian under /ru (read through its feed), English under /en (read through its news list). */
interface Edition {
  lang: string;
  header: string;
  advertisement: string;
  share: string;
  /** The English pages carry article:published_time; the Russian ones only the visible date. */
  publishedMeta: boolean;
}

const RUSSIAN: Edition = {
  lang: 'ru',
  header:
    '<header class="header"><a class="logo" href="/ru">Kun.uz</a><nav><a href="/ru/news/list">Новости</a> <a href="/uz">O‘zb</a></nav></header>',
  advertisement: 'Реклама',
  share: 'Поделиться',
  publishedMeta: false,
};

const ENGLISH: Edition = {
  lang: 'en',
  header:
    '<header class="header"><a class="logo" href="/en">Kun.uz</a><nav><a href="/en/news/list">News</a> <a href="/uz">O‘zb</a> <a href="/ru">Рус</a></nav></header>',
  advertisement: 'Advertisement',
  share: 'Share',
  publishedMeta: true,
};

function articlePage(article: PageArticle, edition: Edition = RUSSIAN): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: 'Kun.uz',
    url: article.url,
    ...(edition.publishedMeta ? { head: publishedMeta(article.published) } : {}),
    body: `  ${edition.header}
  <main class="main">
    <div class="single-header">
      <div class="single-header__date">${clock(article.published)} / ${dotted(article.published)}</div>
      <h1 class="single-header__title">${escapeHtml(article.title)}</h1>
    </div>
    <div class="single-content">
${paragraphs(article.paragraphs)}
      <div class="advertisement">${edition.advertisement}</div>
    </div>
    <div class="social-share">${edition.share}</div>
  </main>
  <footer class="footer">© Kun.uz</footer>`,
  });
}

/** The English edition: the twin of the Samarkand couriers and of the metro stations. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/en/news/2025/09/24/group-of-drug-couriers-detained-in-samarkand`,
    title: 'Group of drug couriers detained in Samarkand',
    published: '2025-09-24T10:05:00+05:00',
    paragraphs: [
      'Internal affairs officers in Samarkand region have detained a group of three people who were distributing drugs through hidden stashes.',
      'About 800 grams of synthetic drugs were seized from the suspects. A criminal case has been opened.',
    ],
  },
  {
    url: `${origin}/en/news/2025/09/21/four-new-metro-stations-to-open-in-tashkent`,
    title: 'Four new metro stations to open in Tashkent',
    published: '2025-09-21T10:30:00+05:00',
    paragraphs: [
      'Four new stations on the ring line of the Tashkent metro are planned to open by the end of the year.',
      'Construction has been under way since 2023; the new sections will be more than seven kilometres long in total.',
    ],
  },
];

/** The English news list: newest first, each with its time and date. */
function englishList(): string {
  const items = englishArticles.map(
    (article) =>
      `      <div class="news"><a class="news__title" href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a><div class="news-meta"><span>${clock(article.published)} / ${dotted(article.published)}</span></div></div>`,
  );
  return htmlPage({
    lang: 'en',
    title: 'Latest news',
    site: 'Kun.uz',
    url: `${origin}/en/news/list`,
    body: `  ${ENGLISH.header}
  <main class="main">
    <div id="news-list">
${items.join('\n')}
    </div>
  </main>
  <footer class="footer">© Kun.uz</footer>`,
  });
}

export function kunUz(): RecordedSite {
  const feedUrl = `${origin}/ru/news/rss/`;
  return {
    host: 'kun.uz',
    files: [
      feedFile({
        path: 'ru/news/rss/index.xml',
        url: feedUrl,
        title: 'Kun.uz — новости',
        link: `${origin}/ru`,
        language: 'ru',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      { path: 'en/news/list.html', originalUrl: `${origin}/en/news/list`, content: englishList() },
    ],
  };
}
