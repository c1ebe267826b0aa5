import {
  type Article,
  articleFile,
  dateHeadTags,
  englishMonths,
  escapeHtml,
  type FixtureFile,
  localParts,
  paragraphsHtml,
  russianMonthsGenitive,
  type SiteFiles,
} from './site-files.js';

/** caricc.org: Joomla with K2 (item URLs `/index.php/novosti/item/<id>-<slug>`), discovered through a news sitemap. */
const host = 'caricc.org';
const origin = 'https://www.caricc.org';

const articles: Article[] = [
  {
    urlPath:
      '/index.php/novosti/item/2556-o-provedenii-subregionalnogo-seminara-na-temu-analiz-riskov-i-metody-obyska-v-sfere-narkoprestupnosti',
    section: 'Новости',
    title:
      'О проведении субрегионального семинара на тему «Анализ рисков и методы обыска в сфере наркопреступности»',
    published: '2025-09-26T15:00:00+05:00',
    dateMode: 'jsonld',
    fromSeed: true,
    paragraphs: [
      'С 23 по 25 сентября в Ташкенте прошел субрегиональный семинар «Анализ рисков и методы обыска в сфере наркопреступности», организованный Региональным бюро по наращиванию потенциала ВТамО для Европейского региона (ROCB Europe) при участии ЦАРИКЦ и поддержке Государственного таможенного комитета Республики Узбекистан.',
      'Семинар направлен на укрепление потенциала сотрудников правоохранительных органов стран Центральной Азии в применении современных методов анализа рисков и проведения эффективных досмотров. В нем приняли участие сотрудники таможенных органов Узбекистана, Казахстана, Кыргызстана и Туркменистана.',
      'Сотрудник ЦАРИКЦ выступил с докладом о новых вызовах и угрозах, связанных с наркотрафиком через даркнет, социальные сети и зашифрованные каналы, а также представил программные средства для сбора, обработки и анализа оперативных данных.',
    ],
  },
  {
    urlPath:
      '/index.php/en/news/item/2557-tashkent-hosts-subregional-seminar-on-risk-analysis-and-search-techniques',
    section: 'News',
    title: 'Tashkent hosts subregional seminar on risk analysis and search techniques in drug cases',
    published: '2025-09-26T15:30:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      'Customs officers from Kazakhstan, Kyrgyzstan, Turkmenistan and Uzbekistan spent three days in Tashkent, from 23 to 25 September, practising risk analysis and search methods used against drug smuggling. The seminar was run by ROCB Europe together with CARICC and hosted with the help of the State Customs Committee of Uzbekistan.',
      'Trainers walked participants through the profiling of consignments and travellers and through searches of vehicles and concealment places. A CARICC analyst spoke about drug sales moving to darknet markets, social networks and encrypted messengers, and showed software for collecting and analysing operational data.',
    ],
  },
  {
    urlPath: '/index.php/novosti/item/2555-programma-cadap-7-turkmenskie-spetsialisty-izuchayut-opyt-ispanii',
    section: 'Новости',
    title: 'Программа CADAP 7: туркменские специалисты изучают опыт Испании',
    published: '2025-09-23T10:00:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'В рамках финансируемой Европейским союзом программы CADAP 7 с 22 по 26 сентября 2025 года туркменская делегация находится с ознакомительным визитом в Испании. Поездка направлена на укрепление регионального сотрудничества в Центральной Азии в сфере противодействия наркотикам.',
      'Вместе с коллегами из Казахстана, Кыргызстана, Таджикистана и Узбекистана специалисты знакомятся с испанским опытом внедрения научно обоснованных стратегий снижения спроса на наркотики: профилактики, лечения и реабилитации.',
      'В Мадриде делегаты провели встречи в Министерстве здравоохранения Испании, в Астурии посетили центр лечения зависимостей ACDA и программу Proyecto Hombre.',
    ],
  },
  {
    urlPath: '/index.php/novosti/item/2554-sotrudniki-tsarikts-prinyali-uchastie-v-turnire-po-volejbolu',
    section: 'Новости',
    title: 'Сотрудники ЦАРИКЦ приняли участие в турнире по волейболу',
    published: '2025-09-19T18:00:00+05:00',
    dateMode: 'visible',
    paragraphs: [
      'Команда Центра приняла участие в товарищеском турнире по волейболу среди международных организаций, аккредитованных в Алматы. Игры прошли в спортивном комплексе «Балуан Шолак».',
      'В упорной борьбе наша команда заняла третье место, уступив в полуфинале сборной представительства ООН. Лучшим подающим турнира признан сотрудник информационно-аналитического отдела.',
    ],
  },
  {
    urlPath:
      '/index.php/novosti/item/2530-26-iyunya-mezhdunarodnyj-den-bor-by-so-zloupotrebleniem-narkoticheskimi-sredstvami',
    section: 'Новости',
    title:
      '26 июня — Международный день борьбы со злоупотреблением наркотическими средствами и их незаконным оборотом',
    published: '2025-06-26T11:00:00+05:00',
    dateMode: 'meta',
    paragraphs: [
      'Ежегодно 26 июня мировое сообщество отмечает Международный день борьбы со злоупотреблением наркотическими средствами и их незаконным оборотом, учрежденный Генеральной Ассамблеей ООН в 1987 году.',
      'В этот день ЦАРИКЦ совместно с компетентными органами государств-участников проводит информационные мероприятия, направленные на профилактику наркомании среди молодежи и укрепление международного сотрудничества в борьбе с наркопреступностью.',
    ],
  },
];

function visibleDate(article: Article, english: boolean): string {
  const { year, month, day, time } = localParts(article.published);
  return english
    ? `${day} ${englishMonths[month - 1]} ${year} ${time}`
    : `${day} ${russianMonthsGenitive[month - 1]} ${year} ${time}`;
}

function sitemap(): FixtureFile {
  const entries = articles.map(
    (article) => `  <url>
    <loc>${origin}${article.urlPath}</loc>
    <lastmod>${article.published}</lastmod>
    <news:news>
      <news:publication><news:name>CARICC</news:name><news:language>${article.urlPath.includes('/en/') ? 'en' : 'ru'}</news:language></news:publication>
      <news:publication_date>${article.published}</news:publication_date>
      <news:title>${escapeHtml(article.title)}</news:title>
    </news:news>
  </url>`,
  );
  return {
    path: 'sitemap.xml',
    originalUrl: `${origin}/sitemap.xml`,
    content: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries.join('\n')}
</urlset>
`,
  };
}

function articlePage(article: Article): FixtureFile {
  const english = article.urlPath.includes('/en/');
  const content = `<!DOCTYPE html>
<html lang="${english ? 'en-gb' : 'ru-ru'}" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="generator" content="Joomla! - Open Source Content Management">
  <title>${escapeHtml(article.title)} - ${english ? 'CARICC' : 'ЦАРИКЦ'}</title>
  <link href="${origin}${article.urlPath}" rel="canonical">
  <link href="/templates/caricc/css/template.css" rel="stylesheet">
  ${dateHeadTags(article, origin, 'CARICC')}
</head>
<body class="site com_k2 view-item">
  <div class="header"><a class="brand" href="/"><img src="/images/logo.png" alt="CARICC"></a>
    <div class="header-title">${english ? 'Central Asian Regional Information and Coordination Centre' : 'Центральноазиатский региональный информационный координационный центр'}</div>
    <div class="lang-switch"><a href="/index.php/ru/">RU</a> <a href="/index.php/en/">EN</a></div></div>
  <nav class="navigation"><ul class="nav menu">
    <li><a href="/">${english ? 'Home' : 'Главная'}</a></li><li><a href="/index.php/o-tsentre">${english ? 'About' : 'О Центре'}</a></li>
    <li class="active"><a href="/index.php/novosti">${english ? 'News' : 'Новости'}</a></li><li><a href="/index.php/kontakty">${english ? 'Contacts' : 'Контакты'}</a></li></ul></nav>
  <div class="container"><main id="content">
    <div id="k2Container" class="itemView">
      <span class="itemDateCreated">${visibleDate(article, english)}</span>
      <h2 class="itemTitle">${escapeHtml(article.title)}</h2>
      <div class="itemBody">
        <div class="itemFullText">
        ${paragraphsHtml(article.paragraphs)}
        </div>
      </div>
      <div class="itemSocialSharing"><a href="https://www.facebook.com/sharer/sharer.php?u=${origin}${article.urlPath}">Facebook</a></div>
      <div class="itemNavigation"><span>${english ? 'More in this category:' : 'Еще в этой категории:'}</span>
        ${articles
          .filter((other) => other !== article)
          .slice(0, 2)
          .map((other) => `<a class="itemNext" href="${other.urlPath}">${escapeHtml(other.title)}</a>`)
          .join('\n        ')}
      </div>
    </div>
  </main></div>
  <footer class="footer"><p>${english ? 'Republic of Kazakhstan, 050008, Almaty, Abay Avenue, 52' : 'Республика Казахстан, 050008, г. Алматы, пр. Абая, 52'}</p>
    <p>tel.: +7 727 259 99 90, registry@caricc.org · © 2025 CARICC</p></footer>
</body>
</html>
`;
  return articleFile(article, 'www.caricc.org', content, {
    sourceId: 'caricc-org',
    lang: english ? 'eng' : 'rus',
  });
}

export function cariccOrg(): SiteFiles {
  return { host, files: [sitemap(), ...articles.map(articlePage)] };
}
