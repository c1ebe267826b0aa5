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

/** uza.uz, Uzbek (Latin): the RSS feed and two articles. */
const origin = 'https://uza.uz';

const articles: PageArticle[] = [
  {
    url: `${origin}/uz/posts/toshkent-viloyatida-3-kilogramm-giyohvand-modda-musodara-qilindi_712345`,
    title: 'Toshkent viloyatida 3 kilogramm giyohvand modda musodara qilindi',
    published: '2025-09-24T12:00:00+05:00',
    paragraphs: [
      'Toshkent viloyatida ichki ishlar xodimlari tomonidan o‘tkazilgan tezkor tadbir davomida 3 kilogramm giyohvand modda olib yurgan shaxs ushlandi.',
      'Unga nisbatan Jinoyat kodeksining tegishli moddasi bilan jinoyat ishi qo‘zg‘atildi, tergov harakatlari davom etmoqda.',
    ],
  },
  {
    url: `${origin}/uz/posts/samarqandda-xalqaro-turizm-forumi-bolib-otdi_712201`,
    title: 'Samarqandda xalqaro turizm forumi bo‘lib o‘tdi',
    published: '2025-09-20T17:10:00+05:00',
    paragraphs: [
      'Samarqandda xalqaro turizm forumi bo‘lib o‘tdi. Forumda o‘ttizdan ortiq davlatdan kelgan mehmonlar ishtirok etdi.',
      'Tadbirda ziyorat turizmini rivojlantirish va yangi aviareyslarni ochish masalalari muhokama qilindi.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'uz',
    title: article.title,
    site: 'UzA',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="/uz">UzA</a><nav><a href="/uz">O‘zb</a> <a href="/oz">Ўзб</a> <a href="/ru">Рус</a> <a href="/en">Eng</a></nav></header>
  <main class="main">
    <div class="news-top-head"><h1 class="news-top-head__title">${escapeHtml(article.title)}</h1>
      <div class="news-top-head__date">${clock(article.published)} / ${dotted(article.published)}</div></div>
    <div class="content-block">
${paragraphs(article.paragraphs)}
    </div>
    <div class="news-tags">Teglar: O‘zbekiston</div>
  </main>
  <footer class="footer">© O‘zbekiston milliy axborot agentligi</footer>`,
  });
}

export function uzaUz(): RecordedSite {
  const feedUrl = `${origin}/uz/rss/`;
  return {
    host: 'uza.uz',
    files: [
      {
        path: 'uz/rss/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'UzA — O‘zbekiston milliy axborot agentligi',
          link: `${origin}/uz`,
          self: feedUrl,
          language: 'uz',
          items: feedItems(articles),
        }),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
