import {
  articleFiles,
  dotted,
  escapeHtml,
  feedItems,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
  rssFeed,
} from './page.js';

/** khovar.tj, Tajik: the WordPress feed and two articles whose time is only in `<time datetime>`. */
const origin = 'https://khovar.tj';

const articles: PageArticle[] = [
  {
    url: `${origin}/2025/09/dar-shahritus-12-kilogramm-mavodi-mukhaddir-musodira-shud/`,
    title: 'Дар Шаҳритус 12 килограмм маводи мухаддир мусодира шуд',
    published: '2025-09-23T10:00:00+05:00',
    paragraphs: [
      'Кормандони Агентии назорати маводи мухаддири назди Президенти Ҷумҳурии Тоҷикистон дар ноҳияи Шаҳритус як гурӯҳи қочоқбаронро боздошт карданд.',
      'Ҳангоми амалиёт беш аз 12 килограмм маводи мухаддир, аз ҷумла ҳашиш ва афюн, мусодира гардид.',
      'Нисбати гумонбарон парвандаи ҷиноятӣ оғоз шуда, тафтишот идома дорад.',
    ],
  },
  {
    url: `${origin}/2025/09/dar-dushanbe-namoishgohi-mahsuloti-vatani-kushoda-shud/`,
    title: 'Дар Душанбе намоишгоҳи маҳсулоти ватанӣ кушода шуд',
    published: '2025-09-19T15:30:00+05:00',
    paragraphs: [
      'Дар маркази намоишии «Тоҷикистон» намоишгоҳи маҳсулоти ватанӣ ба кор шурӯъ кард, ки дар он зиёда аз 150 корхонаи саноатӣ ширкат доранд.',
      'Намоишгоҳ то охири ҳафта идома ёфта, барои ҳамаи сокинони пойтахт ройгон мебошад.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'tg',
    title: article.title,
    site: 'Ховар',
    url: article.url,
    body: `  <header id="masthead" class="site-header"><a class="custom-logo-link" href="https://khovar.tj/">Ховар</a>
    <nav class="main-navigation"><a href="/category/siyosat/">Сиёсат</a> <a href="/category/iqtisod/">Иқтисод</a> <a href="/category/jamiyat/">Ҷамъият</a></nav></header>
  <main id="main" class="site-main">
    <article class="post type-post">
      <header class="entry-header"><h1 class="entry-title">${escapeHtml(article.title)}</h1>
        <div class="entry-meta"><time class="entry-date published" datetime="${article.published}">${dotted(article.published)}</time></div></header>
      <div class="entry-content">
${paragraphs(article.paragraphs)}
        <div class="sharedaddy">Мубодила кунед</div>
      </div>
    </article>
  </main>
  <footer class="site-footer">© АМИТ «Ховар», 2025</footer>`,
  });
}

export function khovarTj(): RecordedSite {
  const feedUrl = `${origin}/feed/`;
  return {
    host: 'khovar.tj',
    files: [
      {
        path: 'feed/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'Ховар — Агентии миллии иттилоотии Тоҷикистон',
          link: `${origin}/`,
          self: feedUrl,
          language: 'tg',
          items: feedItems(articles),
        }),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
