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

/** mvd.gov.kg, Kyrgyz: the news cards and two articles, with `<time datetime>`. */
const origin = 'https://mvd.gov.kg';

const articles: PageArticle[] = [
  {
    url: `${origin}/ky/news/5123`,
    title: 'Бишкекте 2 килограммдан ашык гашиш кармалды',
    published: '2025-09-24T16:20:00+06:00',
    paragraphs: [
      'Ички иштер министрлигинин Баңгизаттардын мыйзамсыз жүгүртүүсүнө каршы күрөшүү кызматынын кызматкерлери Бишкек шаарында атайын иш-чара өткөрүштү.',
      'Иш-чаранын жүрүшүндө шектүү адамдын үйүнөн эки килограммдан ашык гашиш табылып алынды. Шектүү кармалып, кылмыш иши козголду.',
    ],
  },
  {
    url: `${origin}/ky/news/5119`,
    title: 'Жол коопсуздугу боюнча айлык башталды',
    published: '2025-09-20T11:00:00+06:00',
    paragraphs: [
      'Өлкө боюнча жол кыймылынын коопсуздугу айлыгы башталды. Патрулдук милиция айдоочулар жана жөө жүргүнчүлөр менен түшүндүрүү иштерин жүргүзөт.',
      'Айлыктын максаты — жол кырсыктарынын санын азайтуу жана балдардын коопсуздугун камсыз кылуу.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="/ky">Кыргыз Республикасынын Ички иштер министрлиги</a><nav><a href="/ky/news">Жаңылыктар</a> <a href="/ru/news">РУС</a></nav></header>`;
const FOOTER = '  <footer class="footer">© КР ИИМ, 2025. Ишеним телефону: 102</footer>';

function newsCards(): string {
  const cards = articles.map(
    (article) =>
      `      <div class="news-card"><a class="news-card__title" href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a><time class="news-card__date" datetime="${article.published}">${dotted(article.published)}</time></div>`,
  );
  return htmlPage({
    lang: 'ky',
    title: 'Жаңылыктар',
    site: 'КР ИИМ',
    url: `${origin}/ky/news`,
    body: `${HEADER}
  <main class="main"><h1>Жаңылыктар</h1>
    <div class="news-cards">
${cards.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ky',
    title: article.title,
    site: 'КР ИИМ',
    url: article.url,
    body: `${HEADER}
  <main class="main">
    <div class="news-detail">
      <h1 class="news-detail__title">${escapeHtml(article.title)}</h1>
      <time class="news-detail__date" datetime="${article.published}">${dotted(article.published)} ${clock(article.published)}</time>
      <div class="news-detail__body">
${paragraphs(article.paragraphs)}
      </div>
    </div>
  </main>
${FOOTER}`,
  });
}

export function mvdGovKg(): RecordedSite {
  return {
    host: 'mvd.gov.kg',
    files: [
      { path: 'ky/news/index.html', originalUrl: `${origin}/ky/news`, content: newsCards() },
      ...articleFiles(articles, articlePage),
    ],
  };
}
