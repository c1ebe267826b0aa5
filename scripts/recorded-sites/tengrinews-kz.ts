import {
  clock,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  pathOf,
  publishedMeta,
  type RecordedSite,
  russianDate,
} from './page.js';

/**
 * tengrinews.kz: the news listing and two articles of the current design, and one article of the design before
 * June 2025 (recorded in May), which the source's first parser version reads.
 */
const origin = 'https://tengrinews.kz';

const current: PageArticle[] = [
  {
    url: `${origin}/kazakhstan_news/v-almatinskoy-oblasti-likvidirovali-narkolaboratoriyu-571234/`,
    title: 'В Алматинской области ликвидировали нарколабораторию',
    published: '2025-09-24T11:40:00+05:00',
    paragraphs: [
      'Сотрудники полиции Алматинской области ликвидировали подпольную нарколабораторию в частном доме в Илийском районе.',
      'Изъято более 8 килограммов мефедрона и оборудование для его производства. Задержаны двое жителей Алматы, ранее не судимые.',
      'По факту начато досудебное расследование по статье 297 Уголовного кодекса. Подозреваемые помещены в изолятор временного содержания.',
    ],
  },
  {
    url: `${origin}/kazakhstan_news/v-astane-otkryili-novyiy-most-cherez-esil-571102/`,
    title: 'В Астане открыли новый мост через Есиль',
    published: '2025-09-22T16:05:00+05:00',
    paragraphs: [
      'В столице открыли движение по новому автомобильному мосту через реку Есиль, который соединил левобережье с районом Сарыарка.',
      'Длина моста составляет 420 метров, на нем по три полосы движения в каждую сторону, велодорожки и тротуары.',
    ],
  },
];

const oldDesign: PageArticle & { recordedAt: string } = {
  url: `${origin}/kazakhstan_news/v-shymkente-zaderjali-kurera-sintetiki-566001/`,
  title: 'В Шымкенте задержали курьера синтетики',
  published: '2025-05-12T14:20:00+05:00',
  recordedAt: '2025-05-14T09:00:00+05:00',
  paragraphs: [
    'Полицейские Шымкента задержали 19-летнего курьера, который делал закладки синтетических наркотиков в спальных районах города.',
    'При нем обнаружили 40 свертков с порошком и телефон с координатами тайников. Молодой человек признался, что нашел работу через мессенджер.',
  ],
};

const header = `  <header class="tn-header"><a class="tn-logo" href="/">Tengrinews</a>
    <nav class="tn-menu"><a href="/kazakhstan_news/">Казахстан</a> <a href="/world_news/">Мир</a> <a href="/sport/">Спорт</a></nav></header>`;

const shown = (iso: string) => `${russianDate(iso)}, ${clock(iso)}`;
const rootRelative = (url: string) => new URL(url).pathname;

function listing(): string {
  const items = current.map(
    (article) => `      <div class="tn-article-item">
        <a class="tn-link" href="${rootRelative(article.url)}"><span class="tn-article-title">${escapeHtml(article.title)}</span></a>
        <time class="tn-text-grey">${shown(article.published)}</time>
      </div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости Казахстана и мира',
    site: 'Tengrinews.kz',
    url: `${origin}/news/`,
    body: `${header}
  <main class="tn-main">
    <h1 class="tn-section-title">Все новости</h1>
    <div class="tn-main-news-list">
${items.join('\n')}
    </div>
    <div class="tn-pagination"><span class="current">1</span> <a href="/news/page/2/">2</a></div>
  </main>
  <footer class="tn-footer">© 2025 Tengrinews.kz. Все права защищены.</footer>`,
  });
}

function currentPage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Tengrinews.kz',
    url: article.url,
    head: publishedMeta(article.published),
    body: `${header}
  <main class="tn-main">
    <article class="tn-content">
      <h1 class="tn-content-title">${escapeHtml(article.title)}</h1>
      <ul class="tn-data-list"><li><time>${shown(article.published)}</time></li><li><span class="tn-hidden">Фото: Tengrinews.kz</span></li></ul>
      <div class="tn-news-text">
${paragraphs(article.paragraphs)}
        <div class="tn-read-also">Читайте также: <a href="/kazakhstan_news/">Новости Казахстана</a></div>
      </div>
      <div class="tn-ad">Реклама</div>
    </article>
  </main>
  <footer class="tn-footer">© 2025 Tengrinews.kz. Все права защищены. При полном или частичном использовании материалов ссылка обязательна.</footer>`,
  });
}

/** The design before June 2025: no machine-readable date, `12 мая 2025 | 14:20`. */
function oldDesignPage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Tengrinews.kz',
    url: article.url,
    body: `  <div class="header-top"><a href="/">Tengrinews.kz</a></div>
  <div class="content">
    <h1 class="head-single">${escapeHtml(article.title)}</h1>
    <div class="date-time">${russianDate(article.published)} | ${clock(article.published)}</div>
    <div class="text sharespace content_main_text">
${paragraphs(article.paragraphs)}
    </div>
    <div class="other-news"><a href="/kazakhstan_news/">Другие новости</a></div>
  </div>`,
  });
}

export function tengrinewsKz(): RecordedSite {
  return {
    host: 'tengrinews.kz',
    files: [
      { path: 'news/index.html', originalUrl: `${origin}/news/`, content: listing() },
      ...current.map((article) => ({
        path: pathOf(article.url),
        originalUrl: article.url,
        content: currentPage(article),
      })),
      {
        path: pathOf(oldDesign.url),
        originalUrl: oldDesign.url,
        content: oldDesignPage(oldDesign),
        recordedAt: oldDesign.recordedAt,
      },
    ],
  };
}
