import {
  articleFiles,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** iiv.uz, Uzbek (Cyrillic): the news cards and two articles that print their date, the time in `datetime`. */
const origin = 'https://iiv.uz';

const articles: PageArticle[] = [
  {
    url: `${origin}/news/7812`,
    title: 'Тошкент шаҳрида 5 килограмм гиёҳванд модда муомаладан чиқарилди',
    published: '2025-09-25T15:00:00+05:00',
    paragraphs: [
      'Тошкент шаҳрида ички ишлар органлари ходимлари томонидан ўтказилган тезкор тадбир натижасида 5 килограмм гиёҳванд модда ноқонуний муомаладан чиқарилди.',
      'Гумонланувчига нисбатан Жиноят кодексининг тегишли моддаси билан жиноят иши қўзғатилиб, тергов ҳаракатлари олиб борилмоқда.',
    ],
  },
  {
    url: `${origin}/news/7805`,
    title: 'Йўл ҳаракати хавфсизлиги ойлиги бошланди',
    published: '2025-09-20T10:30:00+05:00',
    paragraphs: [
      'Республика бўйлаб йўл ҳаракати хавфсизлиги ойлиги бошланди. Ойлик давомида ҳайдовчилар ва пиёдалар ўртасида тушунтириш ишлари олиб борилади.',
      'Тадбирдан мақсад йўл-транспорт ҳодисаларини камайтириш ва болалар хавфсизлигини таъминлашдир.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="/">Ўзбекистон Республикаси Ички ишлар вазирлиги</a><nav><a href="/news">Янгиликлар</a> <a href="/ru/news">РУС</a></nav></header>`;
const FOOTER = '  <footer class="footer">© ИИВ, 2025. Ишонч телефони: 1102</footer>';

function newsCards(): string {
  const cards = articles.map(
    (article) =>
      `      <div class="news-card"><a class="news-card__link" href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a><span class="news-card__date">${dotted(article.published)}</span></div>`,
  );
  return htmlPage({
    lang: 'uz-Cyrl',
    title: 'Янгиликлар',
    site: 'ИИВ',
    url: `${origin}/news`,
    body: `${HEADER}
  <main class="main"><h1>Янгиликлар</h1>
    <div class="news-cards">
${cards.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'uz-Cyrl',
    title: article.title,
    site: 'ИИВ',
    url: article.url,
    body: `${HEADER}
  <main class="main">
    <div class="news-view">
      <h1 class="news-view__title">${escapeHtml(article.title)}</h1>
      <time class="news-view__date" datetime="${article.published}">${dotted(article.published)}</time>
      <div class="news-view__text">
${paragraphs(article.paragraphs)}
      </div>
    </div>
  </main>
${FOOTER}`,
  });
}

export function iivUz(): RecordedSite {
  return {
    host: 'iiv.uz',
    files: [
      { path: 'news/index.html', originalUrl: `${origin}/news`, content: newsCards() },
      ...articleFiles(articles, articlePage),
    ],
  };
}
