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

/** One edition: Uzbek (Latin) under /uz, English under /en. */
interface Edition {
  lang: string;
  home: string;
  tags: string;
  footer: string;
}

const UZBEK: Edition = {
  lang: 'uz',
  home: '/uz',
  tags: 'Teglar: O‘zbekiston',
  footer: '© O‘zbekiston milliy axborot agentligi',
};
const ENGLISH: Edition = {
  lang: 'en',
  home: '/en',
  tags: 'Tags: Uzbekistan',
  footer: '© National News Agency of Uzbekistan',
};

function articlePage(article: PageArticle, edition: Edition = UZBEK): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: 'UzA',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="${edition.home}">UzA</a><nav><a href="/uz">O‘zb</a> <a href="/oz">Ўзб</a> <a href="/ru">Рус</a> <a href="/en">Eng</a></nav></header>
  <main class="main">
    <div class="news-top-head"><h1 class="news-top-head__title">${escapeHtml(article.title)}</h1>
      <div class="news-top-head__date">${clock(article.published)} / ${dotted(article.published)}</div></div>
    <div class="content-block">
${paragraphs(article.paragraphs)}
    </div>
    <div class="news-tags">${edition.tags}</div>
  </main>
  <footer class="footer">${edition.footer}</footer>`,
  });
}

/** The English edition: the twin of the Tashkent region seizure and of the Samarkand forum. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/en/posts/3-kilograms-of-narcotics-seized-in-tashkent-region_712360`,
    title: '3 kilograms of narcotics seized in Tashkent region',
    published: '2025-09-24T15:45:00+05:00',
    paragraphs: [
      'A person carrying 3 kilograms of narcotic substances was detained during an operation conducted by internal affairs officers in Tashkent region.',
      'A criminal case has been initiated against him under the relevant article of the Criminal Code, and investigative actions are under way.',
    ],
  },
  {
    url: `${origin}/en/posts/international-tourism-forum-held-in-samarkand_712210`,
    title: 'International tourism forum held in Samarkand',
    published: '2025-09-20T19:00:00+05:00',
    paragraphs: [
      'An international tourism forum was held in Samarkand, attended by guests from more than thirty countries.',
      'The participants discussed the development of pilgrimage tourism and the opening of new flights.',
    ],
  },
];

export function uzaUz(): RecordedSite {
  const feedUrl = `${origin}/uz/rss/`;
  const englishFeedUrl = `${origin}/en/rss/`;
  return {
    host: 'uza.uz',
    files: [
      feedFile({
        path: 'uz/rss/index.xml',
        url: feedUrl,
        title: 'UzA — O‘zbekiston milliy axborot agentligi',
        link: `${origin}/uz`,
        language: 'uz',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      feedFile({
        path: 'en/rss/index.xml',
        url: englishFeedUrl,
        title: 'UzA — National News Agency of Uzbekistan',
        link: `${origin}/en`,
        language: 'en',
        articles: englishArticles,
      }),
    ],
  };
}
