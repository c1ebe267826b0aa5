import { englishMonths, localParts } from '../fixture-sites/site-files.js';
import {
  articleFiles,
  clock,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
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

/** One edition's markup: Russian under /ru, English under /en. */
interface Edition {
  lang: string;
  nav: string;
  date: (iso: string) => string;
  tag: string;
  footer: string;
}

const RUSSIAN: Edition = {
  lang: 'ru',
  nav: '<a class="logo" href="/ru">ASIA-PLUS</a><nav><a href="/ru/news/tajikistan">Таджикистан</a> <a href="/ru/news/centralasia">Центральная Азия</a></nav>',
  date: russianDate,
  tag: '<a href="/ru/tags/granica">граница</a>',
  footer: '© «Азия-Плюс», 2025',
};

const ENGLISH: Edition = {
  lang: 'en',
  nav: '<a class="logo" href="/en">ASIA-PLUS</a><nav><a href="/en/news/tajikistan">Tajikistan</a> <a href="/en/news/centralasia">Central Asia</a> <a href="/ru">Русский</a></nav>',
  date: englishDate,
  tag: '<a href="/en/tags/border">border</a>',
  footer: '© Asia-Plus, 2025',
};

/** `22 September 2025` */
function englishDate(iso: string): string {
  const { year, month, day } = localParts(iso);
  return `${day} ${englishMonths[month - 1]} ${year}`;
}

function articlePage(article: PageArticle, edition: Edition = RUSSIAN): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: 'Asia-Plus',
    url: article.url,
    body: `  <header class="header">${edition.nav}</header>
  <main class="main-container">
    <article class="node node--type-article">
      <h1 class="article-title">${escapeHtml(article.title)}</h1>
      <div class="article-date"><time datetime="${article.published}">${edition.date(article.published)} ${clock(article.published)}</time></div>
      <div class="article-body"><div class="field field--name-body">
${paragraphs(article.paragraphs)}
      </div></div>
      <div class="article-tags">${edition.tag}</div>
    </article>
  </main>
  <footer class="footer">${edition.footer}</footer>`,
  });
}

/** The English edition: the twin of the border seizure and of the electricity report. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/en/news/tajikistan/security/20250922/two-drug-couriers-detained-on-tajik-afghan-border`,
    title: 'Two drug couriers detained on Tajik-Afghan border',
    published: '2025-09-22T19:35:00+05:00',
    paragraphs: [
      'DUSHANBE, September 22, 2025, Asia-Plus -- Tajik border guards have detained two men in Khatlon province who attempted to move a consignment of drugs across the border.',
      "Some 30 kilograms of hashish were seized from the detainees, Tajikistan's border guard service says. The case has been handed over to the Drug Control Agency.",
    ],
  },
  {
    url: `${origin}/en/news/tajikistan/economic/20250920/tajikistan-increases-electricity-output`,
    title: 'Tajikistan increases electricity output',
    published: '2025-09-20T11:00:00+05:00',
    paragraphs: [
      'DUSHANBE, September 20, 2025, Asia-Plus -- More than 15 billion kilowatt-hours of electricity were generated in Tajikistan in January–August, 6 percent more than a year earlier.',
      'The growth is attributed to the commissioning of a new unit at the Roghun hydropower plant.',
    ],
  },
];

export function asiaplusTj(): RecordedSite {
  const feedUrl = `${origin}/ru/rss/`;
  const englishFeedUrl = `${origin}/en/rss.xml`;
  return {
    host: 'asiaplustj.info',
    files: [
      feedFile({
        path: 'ru/rss/index.xml',
        url: feedUrl,
        title: 'Asia-Plus — новости Таджикистана',
        link: `${origin}/ru`,
        language: 'ru',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      feedFile({
        path: 'en/rss.xml',
        url: englishFeedUrl,
        title: 'Asia-Plus — English',
        link: `${origin}/en`,
        language: 'en',
        articles: englishArticles,
      }),
    ],
  };
}
