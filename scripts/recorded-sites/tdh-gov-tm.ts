import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** tdh.gov.tm, Turkmen: the news section and two articles, dates as text only. */
const origin = 'https://tdh.gov.tm';

const articles: PageArticle[] = [
  {
    url: `${origin}/tk/post/41235/asgabatda-nese-serisdelerine-garsy-gores-boyunca-halkara-maslahat-gecirildi`,
    title: 'Aşgabatda neşe serişdelerine garşy göreş boýunça halkara maslahat geçirildi',
    published: '2025-09-24T18:00:00+05:00',
    paragraphs: [
      'Aşgabatda neşe serişdeleriniň bikanun dolanyşygyna garşy göreş boýunça halkara maslahat geçirildi.',
      'Maslahata Birleşen Milletler Guramasynyň Neşe serişdeleri we jenaýatçylyk boýunça müdirliginiň wekilleri hem-de goňşy ýurtlaryň hünärmenleri gatnaşdylar.',
      'Çäräniň dowamynda serhet gözegçiligini güýçlendirmek we tejribe alyşmak meseleleri ara alnyp maslahatlaşyldy.',
    ],
  },
  {
    url: `${origin}/tk/post/41210/welayatlarda-pagta-yygymy-ustunlikli-dowam-edyar`,
    title: 'Welaýatlarda pagta ýygymy üstünlikli dowam edýär',
    published: '2025-09-21T19:30:00+05:00',
    paragraphs: [
      'Ýurdumyzyň welaýatlarynda pagta ýygymy üstünlikli dowam edýär. Daýhan birleşikleri taýýarlaýyş nokatlaryna ýokary hilli hasyl tabşyrýarlar.',
      'Hasyl ýygnamak işlerine häzirki zamanyň tehnikalary giňden çekilýär.',
    ],
  },
];

/** One edition: Turkmen under /tk, English under /en (the agency's own English pages). */
interface Edition {
  lang: string;
  site: string;
  header: string;
  section: { title: string; url: string };
  articles: readonly PageArticle[];
}

const FOOTER = '  <footer class="footer">© TDH, 2025</footer>';

/** The English edition: the twin of the Ashgabat consultation and of the cotton harvest. */
const englishArticles: PageArticle[] = [
  {
    url: `${origin}/en/post/41238/international-consultation-combating-drug-trafficking-held-ashgabat`,
    title: 'International consultation on combating drug trafficking held in Ashgabat',
    published: '2025-09-24T20:15:00+05:00',
    paragraphs: [
      'An international consultation on combating illicit drug trafficking was held in Ashgabat.',
      'It was attended by representatives of the United Nations Office on Drugs and Crime and specialists from neighbouring countries.',
      'The participants discussed strengthening border control and the exchange of experience.',
    ],
  },
  {
    url: `${origin}/en/post/41214/cotton-harvest-continues-successfully-velayats`,
    title: 'Cotton harvest continues successfully in the velayats',
    published: '2025-09-21T21:00:00+05:00',
    paragraphs: [
      "The cotton harvest continues successfully in the country's velayats. Farmers' associations are delivering a high-quality crop to procurement points.",
      'Modern machinery is widely used in the harvest.',
    ],
  },
];

const TURKMEN: Edition = {
  lang: 'tk',
  site: 'TDH',
  header: `  <header class="header"><a class="logo" href="/tk/">Türkmenistanyň Döwlet habarlar agentligi</a><nav><a href="/tk/articles/habarlar/">Habarlar</a> <a href="/ru/">RU</a> <a href="/en/">EN</a></nav></header>`,
  section: { title: 'Habarlar', url: `${origin}/tk/articles/habarlar/` },
  articles,
};

const ENGLISH: Edition = {
  lang: 'en',
  site: 'State News Agency of Turkmenistan',
  header: `  <header class="header"><a class="logo" href="/en/">State News Agency of Turkmenistan</a><nav><a href="/en/articles/news/">News</a> <a href="/tk/">TK</a> <a href="/ru/">RU</a></nav></header>`,
  section: { title: 'News', url: `${origin}/en/articles/news/` },
  articles: englishArticles,
};

function section(edition: Edition): string {
  const items = edition.articles.map(
    (article) =>
      `      <div class="news-item"><a class="news-item__title" href="${article.url}">${escapeHtml(article.title)}</a><span class="news-item__date">${dotted(article.published)}</span></div>`,
  );
  return htmlPage({
    lang: edition.lang,
    title: edition.section.title,
    site: edition.site,
    url: edition.section.url,
    body: `${edition.header}
  <main class="main"><h1>${edition.section.title}</h1>
    <div class="news-items">
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
    site: edition.site,
    url: article.url,
    body: `${edition.header}
  <main class="main">
    <article class="article">
      <h1 class="article-title">${escapeHtml(article.title)}</h1>
      <div class="article-date">${dotted(article.published)} ${clock(article.published)}</div>
      <div class="article-content">
${paragraphs(article.paragraphs)}
      </div>
    </article>
  </main>
${FOOTER}`,
  });
}

export function tdhGovTm(): RecordedSite {
  return {
    host: 'tdh.gov.tm',
    files: [
      {
        path: 'tk/articles/habarlar/index.html',
        originalUrl: TURKMEN.section.url,
        content: section(TURKMEN),
      },
      ...articleFiles(articles, (article) => articlePage(article, TURKMEN)),
      ...articleFiles(englishArticles, (article) => articlePage(article, ENGLISH)),
      {
        path: 'en/articles/news/index.html',
        originalUrl: ENGLISH.section.url,
        content: section(ENGLISH),
      },
    ],
  };
}
