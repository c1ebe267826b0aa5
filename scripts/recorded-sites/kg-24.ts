import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
} from './page.js';

/** 24.kg, Russian: the front page's news feed (times only) and two articles. */
const origin = 'https://24.kg';

const articles: PageArticle[] = [
  {
    url: `${origin}/proisshestvija/345678_v_bishkeke_zaderjali_sbyitchika_gashisha/`,
    title: 'В Бишкеке задержали сбытчика гашиша',
    published: '2025-09-25T13:40:00+06:00',
    paragraphs: [
      'Сотрудники СБНОН МВД задержали в Бишкеке 29-летнего мужчину, подозреваемого в сбыте наркотиков.',
      'При обыске в его квартире обнаружено более килограмма гашиша и электронные весы. Возбуждено уголовное дело.',
    ],
  },
  {
    url: `${origin}/obschestvo/345601_v_oshe_otkryili_novyiy_park/`,
    title: 'В Оше открыли новый парк',
    published: '2025-09-21T10:05:00+06:00',
    paragraphs: [
      'В южной столице Кыргызстана открыли новый парк площадью пять гектаров с аллеями, фонтаном и детскими площадками.',
      'Парк построен за счет средств городского бюджета.',
    ],
  },
];

/** One edition: Russian at the root, English under /english/. */
interface Edition {
  lang: string;
  home: string;
  /** The navigation of an article page, and of the front page (the Russian one adds the Kyrgyz edition). */
  nav: string;
  frontNav: string;
  tag: string;
  front: { title: string; url: string };
  articles: readonly PageArticle[];
}

const RUSSIAN_NAV = `<nav><a href="/vlast/">Власть</a> <a href="/obschestvo/">Общество</a> <a href="/proisshestvija/">Происшествия</a>`;
const ENGLISH_NAV = `<nav><a href="/english/vlast/">Power</a> <a href="/english/society/">Society</a> <a href="/english/incidents/">Incidents</a> <a href="/">Русский</a>`;
const FOOTER = '  <footer class="footer">© 24.kg, 2025</footer>';

/** The English edition: the twin of the Bishkek hashish dealer and of the park in Osh. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/english/345690_Hashish_dealer_detained_in_Bishkek/`,
    title: 'Hashish dealer detained in Bishkek',
    published: '2025-09-25T15:55:00+06:00',
    paragraphs: [
      'Officers of the Service for Combating Illegal Drug Trafficking of the Ministry of Internal Affairs detained a 29-year-old man suspected of selling drugs in Bishkek, the press service of the ministry reported.',
      'More than a kilogram of hashish and electronic scales were found during a search of his apartment. A criminal case has been opened.',
    ],
  },
  {
    url: `${origin}/english/345612_New_park_opens_in_Osh/`,
    title: 'New park opens in Osh',
    published: '2025-09-21T12:20:00+06:00',
    paragraphs: [
      'A new five-hectare park with alleys, a fountain and playgrounds has opened in the southern capital of Kyrgyzstan.',
      'The park was built with funds from the city budget.',
    ],
  },
];

const RUSSIAN: Edition = {
  lang: 'ru',
  home: '/',
  nav: RUSSIAN_NAV,
  frontNav: `${RUSSIAN_NAV} <a href="/kyrgyzcha/">Кыргызча</a>`,
  tag: '<a href="/tags/MVD/">МВД</a>',
  front: { title: 'Новости Кыргызстана', url: `${origin}/` },
  articles,
};

const ENGLISH: Edition = {
  lang: 'en',
  home: '/english/',
  nav: ENGLISH_NAV,
  frontNav: ENGLISH_NAV,
  tag: '<a href="/english/tags/Ministry_of_Internal_Affairs/">Ministry of Internal Affairs</a>',
  front: { title: 'News of Kyrgyzstan', url: `${origin}/english/` },
  articles: englishArticles,
};

function frontPage(edition: Edition): string {
  const items = edition.articles.map(
    (article) =>
      `      <div class="one"><div class="time">${clock(article.published)}</div><div class="title"><a href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a></div></div>`,
  );
  return htmlPage({
    lang: edition.lang,
    title: edition.front.title,
    site: '24.kg',
    url: edition.front.url,
    body: `  <header class="header"><a class="logo" href="${edition.home}">24.kg</a>${edition.frontNav}</nav></header>
  <main class="main">
    <div id="newslist">
${items.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle, edition: Edition): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: '24.kg',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="${edition.home}">24.kg</a>${edition.nav}</nav></header>
  <main class="main">
    <h1 class="newsTitle">${escapeHtml(article.title)}</h1>
    <div class="newsDate">${clock(article.published)}, ${dotted(article.published)}</div>
    <div class="cont">
${paragraphs(article.paragraphs)}
    </div>
    <div class="tags">${edition.tag}</div>
  </main>
${FOOTER}`,
  });
}

export function kg24(): RecordedSite {
  return {
    host: '24.kg',
    files: [
      { path: 'index.html', originalUrl: RUSSIAN.front.url, content: frontPage(RUSSIAN) },
      ...articleFiles(articles, (article) => articlePage(article, RUSSIAN)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      { path: 'english/index.html', originalUrl: ENGLISH.front.url, content: frontPage(ENGLISH) },
    ],
  };
}
