import {
  clock,
  dotted,
  escapeHtml,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
  russianDate,
} from './page.js';

/**
 * мвд.рф and two regional sites (NN.мвд.рф) on the same CMS: a news list and article pages, dates only as
 * text (`26 сентября 2025 12:05`, Moscow time). The live sites need a browser (a cookie challenge).
 */

interface Site {
  host: string;
  name: string;
  articles: Array<PageArticle & { fromSeed?: boolean }>;
}

const sites: Site[] = [
  {
    host: 'xn--b1aew.xn--p1ai',
    name: 'МВД России',
    articles: [
      {
        url: 'https://xn--b1aew.xn--p1ai/news/item/70527871',
        title: 'Ирина Волк: В Московской области пресечена деятельность нарколаборатории',
        published: '2025-09-26T12:05:00+03:00',
        fromSeed: true,
        paragraphs: [
          'Официальный представитель МВД России Ирина Волк сообщила, что сотрудники ГУНК МВД России совместно с коллегами из ФСБ России пресекли деятельность нарколаборатории в Подмосковье.',
          'В ходе обыска изъято более 40 килограммов мефедрона, а также прекурсоры и лабораторное оборудование. Задержаны трое подозреваемых.',
          'Возбуждено уголовное дело по статье 228.1 УК РФ. Фигурантам избрана мера пресечения в виде заключения под стражу.',
        ],
      },
      {
        url: 'https://xn--b1aew.xn--p1ai/news/item/70527102',
        title: 'МВД России напоминает о порядке получения загранпаспорта через портал госуслуг',
        published: '2025-09-24T10:00:00+03:00',
        paragraphs: [
          'Заявление на оформление заграничного паспорта нового образца можно подать в электронном виде через Единый портал государственных услуг.',
          'Срок оформления по месту жительства составляет не более одного месяца со дня приема документов.',
        ],
      },
    ],
  },
  {
    host: '16.xn--b1aew.xn--p1ai',
    name: 'МВД по Республике Татарстан',
    articles: [
      {
        url: 'https://16.xn--b1aew.xn--p1ai/news/item/70509876',
        title: 'В Казани полицейские провели профилактическую беседу со студентами',
        published: '2025-09-23T15:10:00+03:00',
        paragraphs: [
          'Сотрудники Управления по контролю за оборотом наркотиков МВД по Республике Татарстан провели встречу со студентами казанских колледжей.',
          'Полицейские рассказали об уголовной ответственности за незаконный оборот наркотиков и о вербовке молодежи в качестве курьеров через интернет.',
        ],
      },
    ],
  },
  {
    host: '77.xn--b1aew.xn--p1ai',
    name: 'ГУ МВД России по г. Москве',
    articles: [
      {
        url: 'https://77.xn--b1aew.xn--p1ai/news/item/70511234',
        title: 'В столице задержан подозреваемый в сбыте N-метилэфедрона',
        published: '2025-09-25T18:30:00+03:00',
        paragraphs: [
          'Сотрудники полиции УВД по ЮАО ГУ МВД России по г. Москве задержали 27-летнего мужчину, подозреваемого в сбыте синтетических наркотиков.',
          'При личном досмотре у задержанного обнаружено и изъято 15 свертков с N-метилэфедроном. Возбуждено уголовное дело.',
        ],
      },
    ],
  },
];

const FOOTER = `  <div class="b-footer"><p>Все материалы сайта Министерства внутренних дел Российской Федерации могут быть воспроизведены в любых средствах массовой информации при условии указания источника.</p></div>`;

function header(site: Site): string {
  return `  <div class="b-header"><a class="logo" href="/">${escapeHtml(site.name)}</a>
    <ul class="b-topmenu"><li><a href="/news">Новости</a></li><li><a href="/request_main">Прием обращений</a></li><li><a href="/contacts">Контакты</a></li></ul></div>`;
}

function newsList(site: Site): string {
  const items = site.articles.map(
    (article) => `        <div class="sl-item">
          <div class="sl-item-date">${dotted(article.published).slice(0, 5)} в ${clock(article.published)}</div>
          <div class="sl-item-title"><a href="${new URL(article.url).pathname}">${escapeHtml(article.title)}</a></div>
        </div>`,
  );
  return htmlPage({
    lang: 'ru',
    title: 'Новости',
    site: site.name,
    url: `https://${site.host}/news`,
    body: `${header(site)}
  <div class="b-content">
    <h1>Новости</h1>
    <div class="section-list">
${items.join('\n')}
    </div>
  </div>
${FOOTER}`,
  });
}

function articlePage(site: Site, article: PageArticle): string {
  return htmlPage({
    lang: 'ru',
    title: article.title,
    site: site.name,
    url: article.url,
    body: `${header(site)}
  <div class="b-content">
    <div class="ln-content-holder">
      <div class="article-date-item">${russianDate(article.published)} ${clock(article.published)}</div>
      <h1>${escapeHtml(article.title)}</h1>
      <div class="article">
${paragraphs(article.paragraphs)}
      </div>
      <div class="article-share">Поделиться</div>
    </div>
    <div class="b-right"><p>График приема граждан руководством МВД России</p></div>
  </div>
${FOOTER}`,
  });
}

export function mvdRfSites(): RecordedSite[] {
  return sites.map((site) => ({
    host: site.host,
    files: [
      { path: 'news/index.html', originalUrl: `https://${site.host}/news`, content: newsList(site) },
      ...site.articles.map((article) => ({
        path: `${new URL(article.url).pathname.slice(1)}.html`,
        originalUrl: article.url,
        content: articlePage(site, article),
        ...(article.fromSeed ? { fromSeed: true } : {}),
      })),
    ],
  }));
}
