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

/** cbctv.az: the news list (Russian and Azerbaijani items) and two articles; one from the seed bulletin. */
const origin = 'https://cbctv.az';

const articles: Array<PageArticle & { fromSeed?: boolean; lang: string }> = [
  {
    url: `${origin}/news/124649/budet-issledovana-rasprostranennost-narkomanii-v-raznyx-voznrastnyx-gruppax`,
    title: 'Будет исследована распространенность наркомании в разных возрастных группах',
    published: '2025-09-12T18:40:00+04:00',
    lang: 'ru',
    fromSeed: true,
    paragraphs: [
      'В Азербайджане проведут исследование распространенности наркомании среди разных возрастных групп населения.',
      'Исследование предусмотрено Государственной программой на 2025–2030 годы. Его итоги лягут в основу новых профилактических мер.',
    ],
  },
  {
    url: `${origin}/news/124702/bakida-beynelxalq-neft-ve-qaz-sergisi-kecirilir`,
    title: 'Bakıda beynəlxalq neft və qaz sərgisi keçirilir',
    published: '2025-09-17T11:00:00+04:00',
    lang: 'az',
    paragraphs: [
      'Bakı Ekspo Mərkəzində beynəlxalq neft və qaz sərgisi öz işinə başlayıb. Sərgidə otuzdan çox ölkədən iki yüzdən artıq şirkət iştirak edir.',
      'Tədbir üç gün davam edəcək və enerji keçidi mövzusunda panel müzakirələri ilə yekunlaşacaq.',
    ],
  },
];

const HEADER = `  <header class="header"><a class="logo" href="/">CBC</a><nav><a href="/news">Новости</a> <a href="/info/pages/tv-live">Прямой эфир</a></nav></header>`;
const FOOTER = '  <footer class="footer">© CBC TV Azerbaijan</footer>';

function newsList(): string {
  const blocks = articles.map(
    (article) =>
      `      <div class="news-block"><a class="news-block__link" href="${new URL(article.url).pathname}"><span class="news-block__title">${escapeHtml(article.title)}</span></a><span class="news-block__date">${dotted(article.published)}</span></div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости',
    site: 'CBC TV Azerbaijan',
    url: `${origin}/news`,
    body: `${HEADER}
  <main class="main"><h1>Новости</h1>
    <div class="news-blocks">
${blocks.join('\n')}
    </div>
  </main>
${FOOTER}`,
  });
}

function articlePage(article: (typeof articles)[number]): string {
  return htmlPage({
    lang: article.lang,
    title: article.title,
    site: 'CBC TV Azerbaijan',
    url: article.url,
    head: publishedMeta(article.published),
    body: `${HEADER}
  <main class="main">
    <article class="article">
      <h1 class="article__title">${escapeHtml(article.title)}</h1>
      <div class="article__date">${dotted(article.published)} ${clock(article.published)}</div>
      <div class="article__text">
${paragraphs(article.paragraphs)}
      </div>
    </article>
  </main>
${FOOTER}`,
  });
}

export function cbctvAz(): RecordedSite {
  return {
    host: 'cbctv.az',
    files: [
      { path: 'news/index.html', originalUrl: `${origin}/news`, content: newsList() },
      ...articleFiles(articles, articlePage),
    ],
  };
}
