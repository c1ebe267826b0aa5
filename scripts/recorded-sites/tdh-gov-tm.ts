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

const HEADER = `  <header class="header"><a class="logo" href="/tk/">Türkmenistanyň Döwlet habarlar agentligi</a><nav><a href="/tk/articles/habarlar/">Habarlar</a> <a href="/ru/">RU</a> <a href="/en/">EN</a></nav></header>`;
const FOOTER = '  <footer class="footer">© TDH, 2025</footer>';

function section(): string {
  const items = articles.map(
    (article) =>
      `      <div class="news-item"><a class="news-item__title" href="${article.url}">${escapeHtml(article.title)}</a><span class="news-item__date">${dotted(article.published)}</span></div>`,
  );
  return htmlPage({
    lang: 'tk',
    title: 'Habarlar',
    site: 'TDH',
    url: `${origin}/tk/articles/habarlar/`,
    body: `${HEADER}
  <main class="main"><h1>Habarlar</h1>
    <div class="news-items">
${items.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'tk',
    title: article.title,
    site: 'TDH',
    url: article.url,
    body: `${HEADER}
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
        originalUrl: `${origin}/tk/articles/habarlar/`,
        content: section(),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
