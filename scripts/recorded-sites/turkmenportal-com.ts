import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  newsArticleJsonLd,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** turkmenportal.com, Russian: the RSS feed and two articles with JSON-LD dates. */
const origin = 'https://turkmenportal.com';

const articles: PageArticle[] = [
  {
    url: `${origin}/blog/98765/v-turkmenistane-proshla-akciya-zdorovoe-pokolenie-bez-narkotikov`,
    title: 'В Туркменистане прошла акция «Здоровое поколение без наркотиков»',
    published: '2025-09-26T11:00:00+05:00',
    paragraphs: [
      'В школах и колледжах Ашхабада прошла просветительская акция, посвященная профилактике наркомании среди молодежи.',
      'Медики и сотрудники Государственной службы по борьбе с наркотиками рассказали студентам о последствиях употребления психоактивных веществ.',
    ],
  },
  {
    url: `${origin}/blog/98701/v-ashhabade-otkrylsya-novyj-torgovyj-centr`,
    title: 'В Ашхабаде открылся новый торговый центр',
    published: '2025-09-22T18:15:00+05:00',
    paragraphs: [
      'В южной части Ашхабада открылся торгово-развлекательный центр с кинотеатром, фуд-кортом и детской площадкой.',
      'В центре разместились более ста магазинов отечественных и зарубежных брендов.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Turkmenportal',
    url: article.url,
    head: newsArticleJsonLd(article, 'Turkmenportal'),
    body: `  <header class="header"><a class="logo" href="/">Turkmenportal</a><nav><a href="/catalog">Каталог</a> <a href="/blog">Новости</a></nav></header>
  <main class="main">
    <div class="article_title"><h1>${escapeHtml(article.title)}</h1></div>
    <div class="article_date">${dotted(article.published)} ${clock(article.published)}</div>
    <div class="article_text">
${paragraphs(article.paragraphs)}
    </div>
    <div class="article_share">Поделиться</div>
  </main>
  <footer class="footer">© Turkmenportal 2011–2025</footer>`,
  });
}

export function turkmenportalCom(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  return {
    host: 'turkmenportal.com',
    files: [
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'Turkmenportal',
        link: `${origin}/`,
        language: 'ru',
        articles: articles,
      }),
      ...articleFiles(articles, articlePage),
    ],
  };
}
