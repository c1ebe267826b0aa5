import {
  articleFiles,
  clock,
  escapeHtml,
  feedItems,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
  rssFeed,
  russianDate,
} from './page.js';

/** asiaplustj.info, Russian: the RSS feed and two articles. */
const origin = 'https://asiaplustj.info';

const articles: PageArticle[] = [
  {
    url: `${origin}/ru/news/tajikistan/security/20250922/na-granitse-s-afganistanom-zaderzhali-narkokurerov`,
    title: 'На границе с Афганистаном задержали наркокурьеров',
    published: '2025-09-22T17:45:00+05:00',
    paragraphs: [
      'Пограничники Таджикистана задержали на участке границы в Хатлонской области двух граждан, пытавшихся переправить партию наркотиков.',
      'У задержанных изъято около 30 килограммов гашиша. Дело передано в Агентство по контролю за наркотиками.',
    ],
  },
  {
    url: `${origin}/ru/news/tajikistan/economic/20250920/tadzhikistan-narastil-proizvodstvo-elektroenergii`,
    title: 'Таджикистан нарастил производство электроэнергии',
    published: '2025-09-20T09:20:00+05:00',
    paragraphs: [
      'За январь–август в Таджикистане произведено более 15 миллиардов киловатт-часов электроэнергии, что на 6 процентов больше прошлогоднего.',
      'Рост связан с вводом в строй нового агрегата Рогунской ГЭС.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Asia-Plus',
    url: article.url,
    body: `  <header class="header"><a class="logo" href="/ru">ASIA-PLUS</a><nav><a href="/ru/news/tajikistan">Таджикистан</a> <a href="/ru/news/centralasia">Центральная Азия</a></nav></header>
  <main class="main-container">
    <article class="node node--type-article">
      <h1 class="article-title">${escapeHtml(article.title)}</h1>
      <div class="article-date"><time datetime="${article.published}">${russianDate(article.published)} ${clock(article.published)}</time></div>
      <div class="article-body"><div class="field field--name-body">
${paragraphs(article.paragraphs)}
      </div></div>
      <div class="article-tags"><a href="/ru/tags/granica">граница</a></div>
    </article>
  </main>
  <footer class="footer">© «Азия-Плюс», 2025</footer>`,
  });
}

export function asiaplusTj(): RecordedSite {
  const feedUrl = `${origin}/ru/rss/`;
  return {
    host: 'asiaplustj.info',
    files: [
      {
        path: 'ru/rss/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'Asia-Plus — новости Таджикистана',
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
