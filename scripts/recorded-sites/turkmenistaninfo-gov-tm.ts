import {
  articleFiles,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** turkmenistaninfo.gov.tm: the news list and two articles (Russian, English) that show their date only. */
const origin = 'https://turkmenistaninfo.gov.tm';

const articles: Array<PageArticle & { fromSeed?: boolean; lang: string }> = [
  {
    url: `${origin}/news/14533`,
    title: 'В Ашхабаде обсудили сотрудничество в сфере противодействия наркотрафику',
    published: '2025-09-18T00:00:00+05:00',
    lang: 'ru',
    fromSeed: true,
    paragraphs: [
      'В Министерстве иностранных дел Туркменистана состоялась встреча с делегацией Центральноазиатского регионального информационного координационного центра.',
      'Стороны обсудили обмен информацией о каналах наркотрафика, подготовку кадров и проведение совместных операций.',
    ],
  },
  {
    url: `${origin}/news/14541`,
    title: 'Turkmenistan and UNODC discuss cooperation in countering drug trafficking',
    published: '2025-09-25T00:00:00+05:00',
    lang: 'en',
    paragraphs: [
      'A meeting was held at the State Service of Turkmenistan for Combating Drugs with a delegation of the United Nations Office on Drugs and Crime.',
      'The parties discussed training programmes for border guards and customs officers and the supply of equipment to detect narcotics at checkpoints.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="/">Turkmenistan.Info</a><nav><a href="/tk/news">TM</a> <a href="/news">RU</a> <a href="/en/news">EN</a></nav></header>`;
const FOOTER = '  <footer class="footer">© Turkmenistan.Info</footer>';

function newsList(): string {
  const items = articles.map(
    (article) =>
      `      <div class="news-item"><span class="news-date">${dotted(article.published)}</span> <a href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a></div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости',
    site: 'Turkmenistan.Info',
    url: `${origin}/news`,
    body: `${HEADER}
  <main class="main"><h1>Новости</h1>
    <div class="news-list">
${items.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: (typeof articles)[number]): string {
  return htmlPage({
    lang: article.lang,
    title: article.title,
    site: 'Turkmenistan.Info',
    url: article.url,
    body: `${HEADER}
  <main class="main">
    <div class="news-view">
      <h1 class="news-title">${escapeHtml(article.title)}</h1>
      <div class="news-date">${dotted(article.published)}</div>
      <div class="news-text">
${paragraphs(article.paragraphs)}
      </div>
    </div>
  </main>
${FOOTER}`,
  });
}

export function turkmenistaninfoGovTm(): RecordedSite {
  return {
    host: 'turkmenistaninfo.gov.tm',
    files: [
      { path: 'news/index.html', originalUrl: `${origin}/news`, content: newsList() },
      ...articleFiles(articles, articlePage),
    ],
  };
}
