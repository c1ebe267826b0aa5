import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/** media.az: the RSS feed and two articles whose date is only in the info list; one from the seed bulletin. */
const origin = 'https://media.az';

const articles: Array<PageArticle & { fromSeed?: boolean }> = [
  {
    url: `${origin}/society/mvd-azerbajdzhana-usilivaet-borbu-s-narkotikami-utverzhdn-plan-na-2025-god`,
    title: 'МВД Азербайджана усиливает борьбу с наркотиками: утвержден план на 2025 год',
    published: '2025-09-16T12:10:00+04:00',
    fromSeed: true,
    paragraphs: [
      'Министерство внутренних дел Азербайджана утвердило план мероприятий по борьбе с незаконным оборотом наркотиков на 2025 год.',
      'Документ предусматривает усиление контроля на границе с Ираном, работу с интернет-ресурсами, пропагандирующими наркотики, и профилактику среди школьников.',
    ],
  },
  {
    url: `${origin}/economy/v-azerbajdzhane-vyros-eksport-fruktov`,
    title: 'В Азербайджане вырос экспорт фруктов',
    published: '2025-09-18T09:00:00+04:00',
    paragraphs: [
      'За восемь месяцев текущего года Азербайджан экспортировал свежих фруктов на 620 миллионов долларов, что на 12 процентов больше, чем годом ранее.',
      'Основными покупателями остаются Россия, Казахстан и страны Евросоюза.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: 'Media.az',
    url: article.url,
    body: `  <header class="header"><a class="logo" href="/">MEDIA.AZ</a><nav><a href="/society">Общество</a> <a href="/economy">Экономика</a></nav></header>
  <main class="news-inner">
    <h1 class="news-inner__title">${escapeHtml(article.title)}</h1>
    <ul class="news-inner__info"><li>${dotted(article.published)} ${clock(article.published)}</li><li>Просмотров: 2341</li></ul>
    <div class="news-inner__image"><img src="/uploads/2025/09/cover.jpg" alt=""></div>
    <div class="news-inner__desc">
${paragraphs(article.paragraphs)}
      <div class="related-news"><a href="/society">Похожие новости</a></div>
      <div class="seo__tags">Теги: Азербайджан</div>
    </div>
  </main>
  <footer class="footer">© Media.az</footer>`,
  });
}

export function mediaAz(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  return {
    host: 'media.az',
    files: [
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'Media.az — новости',
        link: `${origin}/`,
        language: 'ru',
        articles: articles,
      }),
      ...articleFiles(articles, articlePage),
    ],
  };
}
