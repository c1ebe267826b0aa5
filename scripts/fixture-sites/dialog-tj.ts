import {
  type Article,
  articleFile,
  dateHeadTags,
  escapeHtml,
  type FixtureFile,
  localParts,
  numericDate,
  paragraphsHtml,
  type SiteFiles,
} from './site-files.js';

/**
 * dialog.tj (Russian, plus a Tajik page). No public scraper knows this site: the WordPress-like markup is
 * invented. One older article is stored in windows-1251, as old Cyrillic CMS pages still are.
 */
const host = 'dialog.tj';
const origin = `https://${host}`;

const legacyEncodedPath = '/boleee-tonny-narkoticheskikh-veshchestv-sozhgli-v-dushanbe/';

const russian: Article[] = [
  {
    urlPath: '/tadzhikistan-i-kitaj-obsudili-ukreplenie-granitsy-i-bor-bu-s-narkotrafikom/',
    section: 'Безопасность',
    title: 'Таджикистан и Китай обсудили укрепление границы и борьбу с наркотрафиком',
    published: '2025-09-24T16:20:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      'Министр внутренних дел Таджикистана Рамазон Рахимзода и министр общественной безопасности КНР Ван Сяохун обсудили противодействие терроризму и незаконному обороту наркотиков, а также укрепление границ республики. Встреча прошла на полях Глобального форума по сотрудничеству в сфере общественной безопасности в Ляньюньгане.',
      '«Обсуждены вопросы сотрудничества в усилении борьбы с терроризмом, экстремизмом, сепаратизмом, незаконным оборотом наркотиков и оружия, укрепления обороноспособности таджикской границы», — говорится в сообщении пресс-службы МВД.',
      'Таджикистан имеет самую протяженную среди стран Центральной Азии границу с Афганистаном — 1344 км.',
    ],
  },
  {
    urlPath: '/v-dushanbe-ozhidaetsya-poholodanie/',
    section: 'Погода',
    title: 'В Душанбе ожидается похолодание до +14',
    published: '2025-09-20T09:30:00+05:00',
    dateMode: 'jsonld',
    paragraphs: [
      'Агентство по гидрометеорологии Таджикистана прогнозирует на выходные понижение температуры. В Душанбе ночью ожидается 12–14 градусов тепла, днем — 24–26.',
      'В горных районах Согдийской и Хатлонской областей пройдут дожди, на перевалах Анзоб и Шахристан возможен мокрый снег. Водителей просят быть осторожными.',
    ],
  },
  {
    urlPath: '/natsbank-tadzhikistana-sokhranil-stavku-refinansirovaniya/',
    section: 'Экономика',
    title: 'Нацбанк Таджикистана сохранил ставку рефинансирования на уровне 8%',
    published: '2025-09-05T11:00:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'Национальный банк Таджикистана оставил ставку рефинансирования без изменений — 8 процентов годовых. Решение принято на очередном заседании правления.',
      'По данным регулятора, годовая инфляция по итогам августа составила 3,5 процента и остается в пределах целевого ориентира 5±2 процента. Следующее заседание по ставке запланировано на декабрь.',
    ],
  },
  {
    urlPath: legacyEncodedPath,
    section: 'Происшествия',
    title: 'Более тонны наркотических веществ сожгли в Душанбе',
    published: '2025-09-02T13:40:00+05:00',
    dateMode: 'visible',
    fromSeed: true,
    paragraphs: [
      '34 кг 390 г героина, 214 кг 563 г опия, 605 кг 483 г марихуаны, 272 кг 504 г гашиша и другие виды наркотиков уничтожены путем сожжения 12 августа. Об уничтожении наркотических средств сообщает МВД Таджикистана.',
      'На мероприятии присутствовали представители правоохранительных органов, СМИ, прокуратуры, судов и других профильных организаций и ведомств.',
      'Отмечается, что в последние годы сотрудники милиции усилили борьбу с современными способами употребления наркотиков, изымая из незаконного оборота тысячи таблеток синтетических наркотиков, употребление которых представляет угрозу жизни и здоровью человека.',
      'В частности, сожжены 216 г амфетамина, 1 кг 971 г метамфетамина, 1 кг 946 г метадона и 1 кг 127 г алпразолама. Уничтоженные вещества являлись вещественными доказательствами, изъятыми у наркогруппировок, по делам, решения суда по которым вступили в законную силу.',
    ],
  },
];

const tajik: Article = {
  urlPath: '/tj/dar-dushanbe-ziyoda-az-yak-tonna-mavodi-mukhaddir-sozonida-shud/',
  section: 'Ҳодисаҳо',
  title: 'Дар Душанбе зиёда аз як тонна маводи мухаддир сӯзонида шуд',
  published: '2025-09-02T15:00:00+05:00',
  dateMode: 'meta',
  paragraphs: [
    'Вазорати корҳои дохилии Тоҷикистон хабар медиҳад, ки 12 август 34 кило 390 грамм героин, 214 кило 563 грамм афюн, 605 кило 483 грамм марихуана ва 272 кило 504 грамм чарс бо роҳи сӯзонидан нобуд карда шуданд.',
    'Дар чорабинӣ намояндагони мақомоти ҳифзи ҳуқуқ, воситаҳои ахбори омма, прокуратура ва судҳо иштирок доштанд.',
    'Маводи нобудшуда далелҳои шайъие буданд, ки аз гурӯҳҳои қочоқи маводи мухаддир мусодира шуда, ҳукми суд оид ба онҳо эътибори қонунӣ пайдо кардааст.',
  ],
};

function layout(
  lang: 'ru' | 'tg',
  charset: string,
  title: string,
  canonical: string,
  head: string,
  main: string,
): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="${charset}">
<title>${escapeHtml(title)} - Диалог</title>
<link rel="canonical" href="${canonical}">
<link rel="stylesheet" href="/wp-content/themes/dialog/style.css">
${head}
</head>
<body class="single">
<div id="page">
  <header id="masthead"><div class="site-branding"><a href="/" rel="home">Диалог</a> <span>информационное агентство</span></div>
    <nav id="site-navigation"><ul id="primary-menu">
      <li><a href="/news/">Новости</a></li><li><a href="/category/politika/">Политика</a></li><li><a href="/category/ekonomika/">Экономика</a></li>
      <li><a href="/category/obshchestvo/">Общество</a></li><li><a href="/tj/">На таджикском</a></li>
    </ul></nav></header>
  <div id="content" class="site-content">
${main}
    <aside id="secondary" class="widget-area"><section class="widget widget_recent_entries"><h2 class="widget-title">Свежие записи</h2><ul>
      ${russian.map((a) => `<li><a href="${a.urlPath}">${escapeHtml(a.title)}</a></li>`).join('\n      ')}
    </ul></section></aside>
  </div>
  <footer id="colophon"><div class="site-info">© 2025 Диалог. Перепечатка материалов разрешается только с активной ссылкой на источник.</div>
    <div class="counters"><a href="https://www.liveinternet.ru/click">LiveInternet</a></div></footer>
</div>
</body>
</html>
`;
}

function dateLine(article: Article): string {
  return `${numericDate(article.published)} ${localParts(article.published).time}`;
}

function articlePage(article: Article, lang: 'ru' | 'tg'): FixtureFile {
  const legacy = article.urlPath === legacyEncodedPath;
  const main = `    <main id="main" class="site-main"><article class="post type-post status-publish">
      <header class="entry-header"><h1 class="entry-title">${escapeHtml(article.title)}</h1>
        <div class="entry-meta"><span class="posted-on">${dateLine(article)}</span> <span class="cat-links">${escapeHtml(article.section)}</span></div></header>
      <div class="entry-content">
      ${paragraphsHtml(article.paragraphs)}
      </div>
      <footer class="entry-footer"><span class="share">Поделиться: <a href="https://vk.com/share.php?url=${origin}${article.urlPath}">ВКонтакте</a> <a href="https://t.me/share/url?url=${origin}${article.urlPath}">Telegram</a></span></footer>
    </article>
    <nav class="post-navigation"><div class="nav-previous"><a href="${russian[0]?.urlPath}" rel="prev">${escapeHtml(russian[0]?.title ?? '')}</a></div></nav></main>`;
  const content = layout(
    lang,
    legacy ? 'windows-1251' : 'utf-8',
    article.title,
    `${origin}${article.urlPath}`,
    dateHeadTags(article, origin, 'Диалог'),
    main,
  );
  return articleFile(
    article,
    host,
    content,
    { sourceId: 'dialog-tj', lang: lang === 'ru' ? 'rus' : 'tgk' },
    legacy ? { encoding: 'win1251' } : {},
  );
}

function listing(path: string, lang: 'ru' | 'tg', articles: Article[]): FixtureFile {
  const main = `    <main id="main" class="site-main"><h1 class="page-title">${lang === 'ru' ? 'Новости' : 'Хабарҳо'}</h1>
${articles
  .map(
    (a) => `      <article class="post">
        <h2 class="entry-title"><a href="${origin}${a.urlPath}" rel="bookmark">${escapeHtml(a.title)}</a></h2>
        <div class="entry-meta"><span class="posted-on">${dateLine(a)}</span></div>
        <div class="entry-summary"><p>${escapeHtml(a.paragraphs[0]?.slice(0, 140) ?? '')}…</p></div>
      </article>`,
  )
  .join('\n')}
    </main>`;
  return {
    path: `${path.slice(1)}index.html`,
    originalUrl: `${origin}${path}`,
    content: layout(lang, 'utf-8', lang === 'ru' ? 'Новости' : 'Хабарҳо', `${origin}${path}`, '', main),
  };
}

export function dialogTj(): SiteFiles {
  return {
    host,
    files: [
      listing('/news/', 'ru', russian),
      listing('/tj/', 'tg', [tajik]),
      ...russian.map((article) => articlePage(article, 'ru')),
      articlePage(tajik, 'tg'),
    ],
  };
}
