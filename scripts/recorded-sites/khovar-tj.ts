import {
  articleFiles,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
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

/** One edition's markup: the Tajik one at the root, the English one under /eng/. */
interface Edition {
  lang: string;
  site: string;
  home: string;
  nav: string;
  share: string;
  footer: string;
  /** The English pages carry article:published_time; the Tajik ones only the entry's datetime. */
  publishedMeta: boolean;
}

const TAJIK: Edition = {
  lang: 'tg',
  site: 'Ховар',
  home: 'https://khovar.tj/',
  nav: '<a href="/category/siyosat/">Сиёсат</a> <a href="/category/iqtisod/">Иқтисод</a> <a href="/category/jamiyat/">Ҷамъият</a>',
  share: 'Мубодила кунед',
  footer: '© АМИТ «Ховар», 2025',
  publishedMeta: false,
};

const ENGLISH: Edition = {
  lang: 'en',
  site: 'Khovar',
  home: 'https://khovar.tj/eng/',
  nav: '<a href="/eng/category/politics/">Politics</a> <a href="/eng/category/economy/">Economy</a> <a href="/eng/category/society/">Society</a>',
  share: 'Share this',
  footer: '© NIAT Khovar, 2025',
  publishedMeta: true,
};

function articlePage(article: PageArticle, edition: Edition = TAJIK): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: edition.site,
    url: article.url,
    ...(edition.publishedMeta ? { head: publishedMeta(article.published) } : {}),
    body: `  <header id="masthead" class="site-header"><a class="custom-logo-link" href="${edition.home}">${edition.site}</a>
    <nav class="main-navigation">${edition.nav}</nav></header>
  <main id="main" class="site-main">
    <article class="post type-post">
      <header class="entry-header"><h1 class="entry-title">${escapeHtml(article.title)}</h1>
        <div class="entry-meta"><time class="entry-date published" datetime="${article.published}">${dotted(article.published)}</time></div></header>
      <div class="entry-content">
${paragraphs(article.paragraphs)}
        <div class="sharedaddy">${edition.share}</div>
      </div>
    </article>
  </main>
  <footer class="site-footer">${edition.footer}</footer>`,
  });
}

/** The English edition (khovar.tj/eng): the twin of the Shahritus seizure and of the exhibition. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/eng/2025/09/over-12-kilograms-of-drugs-seized-in-shahritus/`,
    title: 'Over 12 kilograms of drugs seized in Shahritus',
    published: '2025-09-23T14:30:00+05:00',
    paragraphs: [
      'DUSHANBE, 23.09.2025 /NIAT Khovar/. Officers of the Drug Control Agency under the President of the Republic of Tajikistan have detained a group of smugglers in Shahritus district.',
      'More than 12 kilograms of narcotic drugs, including hashish and opium, were seized during the operation.',
      'Criminal proceedings have been instituted against the suspects, and the investigation continues.',
    ],
  },
  {
    url: `${origin}/eng/2025/09/exhibition-of-domestic-products-opens-in-dushanbe/`,
    title: 'Exhibition of domestic products opens in Dushanbe',
    published: '2025-09-19T17:00:00+05:00',
    paragraphs: [
      'DUSHANBE, 19.09.2025 /NIAT Khovar/. An exhibition of domestic products has opened at the Tojikiston exhibition centre, with more than 150 industrial enterprises taking part.',
      'The exhibition will run until the end of the week and is free for all residents of the capital.',
    ],
  },
];

export function khovarTj(): RecordedSite {
  const feedUrl = `${origin}/feed/`;
  const englishFeedUrl = `${origin}/eng/feed/`;
  return {
    host: 'khovar.tj',
    files: [
      feedFile({
        path: 'feed/index.xml',
        url: feedUrl,
        title: 'Ховар — Агентии миллии иттилоотии Тоҷикистон',
        link: `${origin}/`,
        language: 'tg',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      feedFile({
        path: 'eng/feed/index.xml',
        url: englishFeedUrl,
        title: 'Khovar — English',
        link: `${origin}/eng/`,
        language: 'en',
        articles: englishArticles,
      }),
    ],
  };
}
