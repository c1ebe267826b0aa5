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

/** One edition: Russian at the root, English under /eng/. */
interface Edition {
  lang: string;
  logo: string;
  footer: string;
}

const RUSSIAN: Edition = { lang: 'ru', logo: '<a class="logo" href="/">КАБАР</a>', footer: '© КНИА «Кабар»' };
const ENGLISH: Edition = {
  lang: 'en',
  logo: '<a class="logo" href="/eng/">KABAR</a>',
  footer: '© Kabar National News Agency',
};

function articlePage(article: PageArticle, edition: Edition = RUSSIAN): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: 'Kabar',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header">${edition.logo}<nav><a href="/kyr/">КЫР</a> <a href="/">РУС</a> <a href="/eng/">ENG</a></nav></header>
  <main class="main">
    <div class="news-page">
      <h1 class="news-title">${escapeHtml(article.title)}</h1>
      <div class="news-date">${dotted(article.published)} ${clock(article.published)}</div>
      <div class="news-content">
${paragraphs(article.paragraphs)}
      </div>
    </div>
  </main>
  <footer class="footer">${edition.footer}</footer>`,
  });
}

/** The English edition: the twin of the Chui hemp report and of the film festival. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/eng/news/15-hectares-of-wild-growing-hemp-destroyed-in-chui-region/`,
    title: '15 hectares of wild-growing hemp destroyed in Chui region',
    published: '2025-09-23T17:20:00+06:00',
    paragraphs: [
      'BISHKEK, Sept. 23 /Kabar/. As part of the Mak operational and preventive measure, 15 hectares of wild-growing hemp have been found and destroyed in Chui region.',
      'Officers of the Service for Combating Illegal Drug Trafficking of the Interior Ministry seized more than 200 kilograms of plant raw materials.',
    ],
  },
  {
    url: `${origin}/eng/news/international-film-festival-kicks-off-in-bishkek/`,
    title: 'International film festival kicks off in Bishkek',
    published: '2025-09-19T20:10:00+06:00',
    paragraphs: [
      'BISHKEK, Sept. 19 /Kabar/. An international film festival featuring 60 films from 20 countries has opened in Bishkek.',
      'Screenings will be held in cinemas of the capital during the week; admission to some of them is free.',
    ],
  },
];

export function kabarKg(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  const englishFeedUrl = `${origin}/eng/rss/`;
  return {
    host: 'kabar.kg',
    files: [
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'Кабар — новости Кыргызстана',
        link: `${origin}/`,
        language: 'ru',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      feedFile({
        path: 'eng/rss/index.xml',
        url: englishFeedUrl,
        title: 'Kabar — news of Kyrgyzstan',
        link: `${origin}/eng/`,
        language: 'en',
        articles: englishArticles,
      }),
    ],
  };
}
