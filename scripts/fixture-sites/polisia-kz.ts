import {
  type Article,
  articleFile,
  dateHeadTags,
  escapeHtml,
  type FixtureFile,
  localParts,
  numericDate,
  paragraphsHtml,
  russianMonthsGenitive,
  type SiteFiles,
} from './site-files.js';

/** polisia.kz: WordPress multisite of the MIA RK; listing markup after public scrapers' selectors (docs/SITES.md). */
const host = 'polisia.kz';
const origin = `https://${host}`;

const ru = (slug: string) => `/ru/${slug}/`;

const russianPage1: Article[] = [
  {
    urlPath: ru('mvd-i-deputy-vyrabotali-rekomendatsii-po-bor-be-s-narkotikami'),
    section: 'Новости',
    title: 'МВД и депутаты выработали рекомендации по борьбе с наркотиками',
    lead: 'МВД РК и «Жасыл Желкен» обсудили совершенствование законодательства в сфере противодействия наркопреступности.',
    published: '2025-09-04T11:20:00+05:00',
    dateMode: 'meta',
    fromSeed: true,
    paragraphs: [
      'В Министерстве внутренних дел Республики Казахстан состоялся круглый стол на тему «Проблемные вопросы внесения изменений в уголовное законодательство в части борьбы с наркопреступностью». Мероприятие организовано МВД РК совместно с общественным объединением «Жасыл Желкен».',
      'В обсуждении приняли участие представители МВД, депутаты Мажилиса Парламента и представители гражданского общества. Основное внимание участники уделили укреплению правоприменительной практики и балансу между защитой общества и принципами гуманизации уголовной ответственности, особенно в делах с участием несовершеннолетних.',
      'Обсуждались соразмерность наказаний, устранение пробелов в регулировании и единообразие судебно-следственной практики.',
      'По итогам встречи выработаны конкретные рекомендации, направленные на развитие уголовно-правовых механизмов и подготовку предложений по изменению действующего законодательства. Участники отметили, что эти инициативы облегчат борьбу с незаконным оборотом наркотиков и укрепят доверие к правоохранительным органам.',
    ],
  },
  {
    urlPath: ru('eksperiment-v-atyrau-chto-sdelayut-gorozhane-najdya-svertok'),
    section: 'Регионы',
    title: 'Эксперимент в Атырау: что сделают горожане, найдя «сверток»?',
    lead: 'В Атырау провели социальный эксперимент по выявлению «закладок».',
    published: '2025-09-12T16:05:00+05:00',
    dateMode: 'jsonld',
    fromSeed: true,
    paragraphs: [
      'Сотрудники Управления по противодействию наркопреступности совместно с пресс-службой ДП Атырауской области провели социальный эксперимент в Молодежном парке — одном из самых посещаемых мест города.',
      'Полицейские подготовили муляж, имитирующий сверток с наркотиком, и поместили его в прозрачный зип-пакет. «Находку» оставили в местах, типичных для так называемых «закладок». Внутри была пищевая сода — безопасность горожан была полностью обеспечена.',
      'Эксперимент показал, что многие прохожие, в том числе подростки, заметили подозрительный предмет и сообщили о нем в полицию.',
      'По данным полиции, с начала года в Атырауской области задержан 21 наркокурьер, 13 из них — жители областного центра.',
    ],
  },
  {
    urlPath: ru('itogi-operativno-profilakticheskogo-meropriyatiya-darmek-ozvuchili-v-mvd-2'),
    section: 'Новости',
    title: 'Итоги оперативно-профилактического мероприятия «Дәрмек» озвучили в МВД',
    published: '2025-09-29T10:40:00+05:00',
    dateMode: 'visible',
    fromSeed: true,
    paragraphs: [
      'С 22 по 26 сентября по всей стране проведено оперативно-профилактическое мероприятие «Дәрмек», направленное на контроль легального оборота наркотических средств, психотропных веществ, прекурсоров, ядовитых и сильнодействующих веществ.',
      'В отношении медицинских работников возбуждено 11 уголовных дел по статье 303 Уголовного кодекса, выявлено 278 административных правонарушений. Изъято около 7 тысяч препаратов, содержащих наркотические средства, и 80 тонн ядовитых веществ, относящихся к товарам двойного назначения.',
      'В Восточно-Казахстанской области одно из ТОО уличено в продаже сильнодействующих препаратов без рецепта: изъято более 35 тысяч таблеток прегабалина. В Карагандинской области при досмотре транспорта, следовавшего из Астаны, изъяты 82 упаковки тропикамида, прегабалина и медазепама.',
      '— Работа в этом направлении будет продолжена, — отметил начальник управления Комитета по борьбе с наркопреступностью МВД Бахытжан Амирханов.',
    ],
  },
  {
    urlPath: ru('politsejskie-zavoevali-shest-medalej-chempionata-mvd-po-dzyudo'),
    section: 'Спорт',
    title: 'Полицейские завоевали шесть медалей чемпионата МВД по дзюдо',
    published: '2025-09-20T18:30:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      'В Талдыкоргане завершился чемпионат органов внутренних дел по дзюдо. За награды боролись более 120 спортсменов из всех регионов страны.',
      'Команда Департамента полиции Алматы заняла первое общекомандное место, завоевав две золотые, одну серебряную и три бронзовые медали. Второе место у сборной Астаны, третье — у Карагандинской области.',
      'Победители чемпионата войдут в состав сборной МВД и выступят на международном турнире среди полицейских команд в ноябре.',
    ],
  },
  {
    urlPath: ru('specproekt/antinarko-kviz'),
    section: 'Спецпроект',
    title: 'Спецпроект: антинаркотический квиз для студентов',
    published: '2025-09-15T12:00:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'Проверьте, что вы знаете об ответственности за незаконный оборот наркотиков: десять вопросов от сотрудников Комитета по борьбе с наркопреступностью.',
      'Страница спецпроекта закрыта для поисковых роботов.',
    ],
  },
  {
    urlPath: ru('politsiya-preduprezhdaet-voditelej-o-snegopade-na-perevalah'),
    section: 'Дорожная безопасность',
    title: 'Полиция предупреждает водителей о снегопаде на перевалах',
    published: '2025-09-25T09:10:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'По данным синоптиков, 26–27 сентября в горных районах Алматинской области ожидаются снег, гололед и туман, температура ночью опустится до минус 3 градусов.',
      'Полиция просит водителей, направляющихся на перевалы, заранее сменить резину на зимнюю, соблюдать скоростной режим и дистанцию. При ухудшении погоды движение на отдельных участках может быть временно ограничено.',
      'Актуальную информацию о состоянии дорог можно получить по номеру 1403.',
    ],
  },
];

const russianPage2: Article[] = [
  {
    urlPath: ru('molodezh-protiv-narkotikov-stolitsa-daet-otpor-narkougroze'),
    section: 'Новости',
    title: 'Молодежь против наркотиков: столица дает отпор наркоугрозе',
    lead: 'В Астане проводятся масштабные профилактические мероприятия по противодействию наркопреступности.',
    published: '2025-09-02T15:00:00+05:00',
    dateMode: 'meta',
    fromSeed: true,
    paragraphs: [
      'В столице продолжается месячник по противодействию наркопреступности, который полиция проводит при координации прокуратуры города. Главная цель — не допустить вовлечения молодежи в незаконный оборот наркотиков.',
      'В учебных заведениях Астаны при поддержке акимата проходят встречи со школьниками и студентами. Полицейские, представители прокуратуры, психологи и наркологи рассказывают о вреде наркотиков, современных способах вовлечения молодежи в наркосети и уголовной ответственности.',
      'С начала месячника профилактические мероприятия проведены более чем в 100 школах и охватили почти 4 тысячи учащихся.',
      'Молодежный ресурсный центр «Астана жастары» вместе с полицией и волонтерами организует рейды по выявлению и закрашиванию граффити с контактами наркодилеров.',
    ],
  },
  {
    urlPath: ru('v-mezhdunarodnyj-den-bor-by-s-narkomaniej-politsejskie-proveli-aktsiyu-v-almaty'),
    section: 'Регионы',
    title: 'В Международный день борьбы с наркоманией полицейские провели акцию в Алматы',
    published: '2025-06-26T12:00:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      '26 июня, в Международный день борьбы с наркоманией и незаконным оборотом наркотиков, сотрудники полиции Алматы провели акцию «Жизнь без наркотиков» на Арбате.',
      'Горожанам раздавали буклеты о вреде синтетических наркотиков и рассказывали, как распознать вербовку в наркобизнес через мессенджеры. Молодые люди могли пройти тест на знание законодательства и получить консультацию нарколога.',
    ],
  },
  {
    urlPath: ru('bolee-90-protsentov-gosuslug-mvd-okazyvayutsya-onlajn'),
    section: 'Госуслуги',
    title: 'Более 90 процентов госуслуг МВД оказываются онлайн',
    published: '2025-09-01T10:00:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'С начала года органы внутренних дел оказали населению свыше 2,3 миллиона государственных услуг, более 90 процентов из них — в электронном формате через портал eGov и мобильное приложение.',
      'Наиболее востребованы услуги по регистрации транспортных средств, выдаче водительских удостоверений и справок о наличии либо отсутствии судимости. Средний срок оказания услуги сократился до одного рабочего дня.',
    ],
  },
];

const kazakh: Article[] = [
  {
    urlPath: '/kz/iim-darmek-is-sharasynyn-qorytyndysyn-shygardy/',
    section: 'Жаңалықтар',
    title: 'ІІМ «Дәрмек» жедел-профилактикалық іс-шарасының қорытындысын шығарды',
    published: '2025-09-29T11:00:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      '22-26 қыркүйек аралығында ел аумағында есірткі құралдарының, психотроптық заттардың және прекурсорлардың заңды айналымын бақылауға бағытталған «Дәрмек» жедел-профилактикалық іс-шарасы өткізілді.',
      'Медицина қызметкерлеріне қатысты Қылмыстық кодекстің 303-бабы бойынша 11 қылмыстық іс қозғалып, 278 әкімшілік құқық бұзушылық анықталды. Құрамында есірткісі бар 7 мыңға жуық дәрі-дәрмек пен қосарлы мақсаттағы 80 тонна улы зат тәркіленді.',
      'Республика бойынша 519 медициналық мекеме тексерілді. Шығыс Қазақстан облысында дәрігердің рецептісіз күшті әсер ететін дәрілерді сатқан серіктестік анықталып, прегабалиннің 35 мыңнан астам таблеткасы алынды.',
      'ІІМ есірткі құралдарының заңды айналымы саласындағы заңнаманы бұзғаны үшін әкімшілік және қылмыстық жауапкершілік көзделгенін еске салады.',
    ],
  },
  {
    urlPath: '/kz/polisejler-almaty-marafonyna-qatysty/',
    section: 'Спорт',
    title: 'Полицейлер Алматы марафонына қатысты',
    published: '2025-09-21T17:00:00+05:00',
    dateMode: 'jsonld',
    paragraphs: [
      'Жексенбі күні өткен Алматы марафонына Алматы қаласы Полиция департаментінің 80-нен астам қызметкері қатысты.',
      'Полицейлер 10 және 21 шақырымдық қашықтықтарға жүгіріп, салауатты өмір салтын насихаттады. Жарыс кезінде жол полициясы қызметкерлері қала көшелеріндегі қозғалыс қауіпсіздігін қамтамасыз етті.',
      'Марафонға барлығы 20 мыңға жуық адам қатысты.',
    ],
  },
];

type Locale = 'ru' | 'kz';

const kazakhMonthsGenitive = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];

function visibleDate(iso: string, locale: Locale): string {
  const { year, month, day, time } = localParts(iso);
  return locale === 'ru'
    ? `${day} ${russianMonthsGenitive[month - 1]} ${year}, ${time}`
    : `${year} жылғы ${day} ${kazakhMonthsGenitive[month - 1]}, ${time}`;
}

const labels = {
  ru: {
    home: 'Главная',
    news: 'Новости',
    read: 'Читайте также',
    popular: 'Популярное',
    share: 'Поделиться',
    next: 'Следующая »',
  },
  kz: {
    home: 'Басты бет',
    news: 'Жаңалықтар',
    read: 'Тағы оқыңыз',
    popular: 'Көп оқылған',
    share: 'Бөлісу',
    next: 'Келесі »',
  },
};

function layout(
  locale: Locale,
  page: { title: string; canonical: string; head: string; bodyClass: string },
  main: string,
  sidebar: Article[],
): string {
  const { title, canonical, head, bodyClass } = page;
  const l = labels[locale];
  return `<!DOCTYPE html>
<html lang="${locale === 'ru' ? 'ru-RU' : 'kk-KZ'}">
  <head>
    <meta charset="UTF-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(title)} — Полиция Казахстана</title>
    <link rel="canonical" href="${canonical}">
    <link rel="alternate" hreflang="ru" href="${origin}/ru/">
    <link rel="alternate" hreflang="kk" href="${origin}/kz/">
    <link rel="stylesheet" href="/${locale}/wp-content/themes/publisher/style.min.css">
    <meta property="og:site_name" content="Полиция Казахстана">
    <meta property="og:title" content="${escapeHtml(title)}">
    ${head}
  </head>
  <body class="${bodyClass}${locale === 'kz' ? ' lang-kk' : ''}">
    <div class="topbar"><span>102 — ${locale === 'ru' ? 'экстренный вызов полиции' : 'полицияны шақыру'}</span>
      <a href="${origin}/ru/">РУС</a> <a href="${origin}/kz/">ҚАЗ</a></div>
    <header class="site-header">
      <a class="site-logo" href="${origin}/${locale}/"><img src="/ru/wp-content/uploads/sites/2/logo.png" alt="МВД РК"></a>
      <nav class="main-menu"><ul>
        <li><a href="${origin}/${locale}/">${l.home}</a></li>
        <li><a href="${origin}/${locale}/category/novosti/">${l.news}</a></li>
        <li><a href="${origin}/${locale}/category/regiony/">${locale === 'ru' ? 'Регионы' : 'Өңірлер'}</a></li>
        <li><a href="${origin}/${locale}/category/video/">Видео</a></li>
        <li><a href="https://www.gov.kz/memleket/entities/qriim?lang=ru">${locale === 'ru' ? 'Госуслуги' : 'Мемлекеттік қызметтер'}</a></li>
      </ul></nav>
      <form class="search-form" action="/${locale}/" method="get"><input type="search" name="s"></form>
    </header>
    <div class="container">
      <main class="content-column">
${main}
      </main>
      <aside class="sidebar-column">
        <div class="widget widget-popular"><h3 class="widget-title">${l.popular}</h3><ul>
          ${sidebar.map((a) => `<li><a href="${origin}${a.urlPath}">${escapeHtml(a.title)}</a></li>`).join('\n          ')}
        </ul></div>
        <div class="widget widget-text"><p>${locale === 'ru' ? 'Телефон доверия МВД: 8 (7172) 71-21-21' : 'ІІМ сенім телефоны: 8 (7172) 71-21-21'}</p></div>
      </aside>
    </div>
    <footer class="site-footer">
      <p>© 2025 ${locale === 'ru' ? 'Министерство внутренних дел Республики Казахстан' : 'Қазақстан Республикасы Ішкі істер министрлігі'}</p>
      <p>${locale === 'ru' ? 'При использовании материалов ссылка на polisia.kz обязательна.' : 'Материалдарды пайдаланғанда polisia.kz сайтына сілтеме міндетті.'}</p>
      <ul class="footer-social"><li><a href="https://t.me/s/POLICE_of_KZ">Telegram</a></li><li><a href="https://www.instagram.com/police.kz/">Instagram</a></li></ul>
    </footer>
    <script src="/${locale}/wp-content/themes/publisher/js/theme.min.js"></script>
  </body>
</html>
`;
}

function listingItem(article: Article, locale: Locale): string {
  return `        <article class="listing-item listing-item-blog">
          <div class="item-inner">
            <a class="img-holder" href="${origin}${article.urlPath}"><img src="/ru/wp-content/uploads/sites/2/2025/09/thumb.jpg" alt=""></a>
            <h2 class="title"><a href="${origin}${article.urlPath}" class="post-url post-title">${escapeHtml(article.title)}</a></h2>
            <div class="post-meta"><time class="post-published updated" datetime="${article.published}">${numericDate(article.published)}</time>
              <a class="post-cat" href="${origin}/${locale}/category/novosti/">${escapeHtml(article.section)}</a></div>
            ${article.lead ? `<div class="post-summary">${escapeHtml(article.lead)}</div>` : ''}
          </div>
        </article>`;
}

function listingPage(
  locale: Locale,
  path: string,
  articles: Article[],
  nextPath: string | undefined,
  sidebar: Article[],
): FixtureFile {
  const nav = nextPath
    ? `        <div class="pagination bs-numbered-pagination"><span class="page-numbers current">1</span>
          <a class="page-numbers" href="${origin}${nextPath}">2</a>
          <a class="next page-numbers" href="${origin}${nextPath}">${labels[locale].next}</a></div>`
    : '';
  const main = `        <h1 class="section-heading">${labels[locale].news}</h1>
        <div class="listing listing-blog">
${articles.map((article) => listingItem(article, locale)).join('\n')}
        </div>
${nav}`;
  return {
    path: `${path.slice(1)}index.html`,
    content: layout(
      locale,
      { title: labels[locale].news, canonical: `${origin}${path}`, head: '', bodyClass: 'home blog' },
      main,
      sidebar,
    ),
    originalUrl: `${origin}${path}`,
  };
}

function articlePage(article: Article, locale: Locale, related: Article[], sidebar: Article[]): FixtureFile {
  const l = labels[locale];
  const machineDate =
    article.dateMode === 'visible'
      ? `<span class="post-date">${visibleDate(article.published, locale)}</span>`
      : `<time class="post-published updated" datetime="${article.published}">${visibleDate(article.published, locale)}</time>`;
  const main = `        <div class="breadcrumbs"><a href="${origin}/${locale}/">${l.home}</a> / <a href="${origin}/${locale}/category/novosti/">${escapeHtml(article.section)}</a></div>
        <article class="post single-post-content">
          <div class="post-header">
            <h1 class="single-post-title"><span class="post-title">${escapeHtml(article.title)}</span></h1>
            <div class="post-meta-wrap">${machineDate} <span class="views">👁 ${article.title.length * 17}</span></div>
          </div>
          <div class="single-featured"><img src="/ru/wp-content/uploads/sites/2/2025/09/photo.jpg" alt="${escapeHtml(article.title)}"></div>
          <div class="entry-content clearfix single-post-content">
          ${article.lead ? `<p><strong>${escapeHtml(article.lead)}</strong></p>\n          ` : ''}${paragraphsHtml(article.paragraphs)}
          </div>
          <div class="post-share"><span>${l.share}:</span> <a href="https://t.me/share/url?url=${origin}${article.urlPath}">Telegram</a> <a href="https://api.whatsapp.com/send?text=${origin}${article.urlPath}">WhatsApp</a> <a href="https://www.facebook.com/sharer.php?u=${origin}${article.urlPath}">Facebook</a></div>
          <div class="post-tags"><a href="${origin}/${locale}/tag/mvd/" rel="tag">МВД</a></div>
        </article>
        <section class="related-posts"><h3>${l.read}</h3><ul>
          ${related.map((r) => `<li><a href="${origin}${r.urlPath}">${escapeHtml(r.title)}</a> <span>${numericDate(r.published)}</span></li>`).join('\n          ')}
        </ul></section>`;
  return articleFile(
    article,
    host,
    layout(
      locale,
      {
        title: article.title,
        canonical: `${origin}${article.urlPath}`,
        head: dateHeadTags(article, origin, 'Полиция Казахстана'),
        bodyClass: 'post-template-default single single-post',
      },
      main,
      sidebar,
    ),
    {
      sourceId: locale === 'ru' ? 'polisia-kz-ru' : 'polisia-kz-kz',
      lang: locale === 'ru' ? 'rus' : 'kaz',
      // The lead is printed in bold as the body's first paragraph.
      body: article.lead ? [article.lead, ...article.paragraphs] : article.paragraphs,
    },
  );
}

const robotsTxt = `# polisia.kz (reconstructed): WordPress defaults plus the special projects section
User-agent: *
Disallow: /ru/wp-admin/
Disallow: /kz/wp-admin/
Disallow: /ru/specproekt/
Disallow: /*?s=
Allow: /ru/wp-admin/admin-ajax.php
`;

export function polisiaKz(): SiteFiles {
  const russian = [...russianPage1, ...russianPage2];
  const sidebar = russian.slice(0, 3);
  const others = (list: Article[], article: Article) => list.filter((other) => other !== article).slice(0, 3);
  return {
    host,
    files: [
      { path: 'robots.txt', content: robotsTxt, originalUrl: `${origin}/robots.txt` },
      listingPage('ru', '/ru/', russianPage1, '/ru/page/2/', sidebar),
      listingPage('ru', '/ru/page/2/', russianPage2, undefined, sidebar),
      listingPage('kz', '/kz/', kazakh, undefined, kazakh),
      ...russian.map((article) => articlePage(article, 'ru', others(russian, article), sidebar)),
      ...kazakh.map((article) => articlePage(article, 'kz', others(kazakh, article), kazakh)),
    ],
  };
}
