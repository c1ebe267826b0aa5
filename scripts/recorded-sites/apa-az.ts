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

/** apa.az, Azerbaijani: the RSS feed and two articles. */
const origin = 'https://apa.az';

const articles: PageArticle[] = [
  {
    url: `${origin}/hadise/bakida-4-kiloqram-heroin-askarlanib-912345`,
    title: 'Bakıda 4 kiloqram heroin aşkarlanıb',
    published: '2025-09-24T14:35:00+04:00',
    paragraphs: [
      'Bakının Xətai rayonunda polis əməkdaşları narkotik vasitələrin qanunsuz dövriyyəsinə qarşı əməliyyat keçiriblər.',
      'Əməliyyat zamanı şübhəli şəxsin avtomobilindən dörd kiloqram heroin aşkarlanaraq götürülüb. Faktla bağlı cinayət işi başlanılıb, araşdırma davam etdirilir.',
    ],
  },
  {
    url: `${origin}/iqtisadiyyat/azerbaycanda-pambiq-yigimi-davam-edir-912101`,
    title: 'Azərbaycanda pambıq yığımı davam edir',
    published: '2025-09-21T10:10:00+04:00',
    paragraphs: [
      'Ölkənin pambıqçılıq rayonlarında məhsul yığımı davam edir. İndiyədək tədarük məntəqələrinə yüz min tondan çox pambıq təhvil verilib.',
      'Kənd Təsərrüfatı Nazirliyi bildirib ki, bu il məhsuldarlıq ötən illə müqayisədə artıb.',
    ],
  },
];

/** The English edition's reports of the same days (apa.az/en), one of them the twin of the heroin seizure. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/en/incident/4-kg-of-heroin-found-in-baku-478213`,
    title: '4 kg of heroin found in Baku',
    published: '2025-09-24T16:10:00+04:00',
    paragraphs: [
      "Police officers have carried out an operation against illegal drug trafficking in Baku's Khatai district, APA reports.",
      "During the operation, 4 kilograms of heroin were found in the suspect's car and seized. A criminal case has been opened and an investigation is under way.",
    ],
  },
  {
    url: `${origin}/en/economy/cotton-harvest-continues-in-azerbaijan-478101`,
    title: 'Cotton harvest continues in Azerbaijan',
    published: '2025-09-21T12:30:00+04:00',
    paragraphs: [
      "The harvest continues in the country's cotton-growing districts. More than one hundred thousand tons of cotton have been delivered to procurement points so far.",
      'The Ministry of Agriculture said that yields are higher this year than last year.',
    ],
  },
];

/** One edition's markup: the Azerbaijani one at the root, the English one under /en. */
interface Edition {
  lang: string;
  nav: string;
  more: string;
}

const AZERBAIJANI: Edition = {
  lang: 'az',
  nav: '<a class="logo" href="/">APA</a><nav><a href="/siyaset">Siyasət</a> <a href="/iqtisadiyyat">İqtisadiyyat</a> <a href="/hadise">Hadisə</a></nav>',
  more: 'Digər xəbərlər',
};

const ENGLISH: Edition = {
  lang: 'en',
  nav: '<a class="logo" href="/en">APA</a><nav><a href="/en/domestic-news">Domestic news</a> <a href="/en/incident">Incident</a> <a href="/en/economy">Economy</a></nav>',
  more: 'Other news',
};

function articlePage(article: PageArticle, edition: Edition = AZERBAIJANI): string {
  return htmlPage({
    lang: edition.lang,
    title: article.title,
    site: 'APA',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header">${edition.nav}</header>
  <main class="main">
    <div class="news_main">
      <h1 class="title_news">${escapeHtml(article.title)}</h1>
      <div class="date"><time datetime="${article.published}">${dotted(article.published)} ${clock(article.published)}</time></div>
      <div class="news_content"><div class="texts">
${paragraphs(article.paragraphs)}
      </div></div>
      <div class="links_block">${edition.more}</div>
    </div>
  </main>
  <footer class="footer">© APA Holding</footer>`,
  });
}

export function apaAz(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  const englishFeedUrl = `${origin}/en/rss`;
  return {
    host: 'apa.az',
    files: [
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'APA — Xəbərlər',
        link: `${origin}/`,
        language: 'az',
        articles: articles,
      }),
      ...articleFiles(articles, (article) => articlePage(article)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      feedFile({
        path: 'en/rss/index.xml',
        url: englishFeedUrl,
        title: 'APA — News',
        link: `${origin}/en`,
        language: 'en',
        articles: englishArticles,
      }),
    ],
  };
}
