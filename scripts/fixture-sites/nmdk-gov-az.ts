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

/** nmdk.gov.az: the State Commission on Combating Drug Addiction (Azerbaijani). Only post URLs are known. */
const host = 'nmdk.gov.az';
const origin = 'https://www.nmdk.gov.az';

const articles: Article[] = [
  {
    urlPath: '/page/post/3436/',
    section: 'Xəbərlər',
    title: 'Bilik Günü münasibətilə təbrik',
    published: '2025-09-15T09:00:00+04:00',
    dateMode: 'visible',
    paragraphs: [
      'Hörmətli müəllimlər və şagirdlər! Sizi 15 sentyabr – Bilik Günü və yeni dərs ilinin başlanması münasibətilə səmimiyyətlə təbrik edirik.',
      'Yeni tədris ilinin hər birinizə uğurlar, yeni nailiyyətlər və maraqlı kəşflər gətirməsini arzulayırıq. Məktəblərdə keçiriləcək açıq dərslər, idman yarışları və incəsənət dərnəkləri barədə məlumat təhsil müəssisələrinin saytlarında dərc olunacaq.',
    ],
  },
  {
    urlPath: '/page/post/3433/',
    section: 'Xəbərlər',
    title: 'İctimai yerlərdə maarifləndirmə tədbirlərinin əhatə dairəsi genişlənir',
    published: '2025-09-09T10:15:00+04:00',
    dateMode: 'jsonld',
    fromSeed: true,
    paragraphs: [
      'Maarifləndirmə tədbirlərinin əhatə dairəsinin genişləndirilməsi məqsədilə Dövlət Komissiyasının Daimi İşçi Qrupu ilə aidiyyəti qurumlar arasında əməkdaşlıq çərçivəsində sentyabrın 5-dən metro stansiyalarındakı monitorlarda sosial çarx nümayiş etdirilir.',
      'Gənclər arasında narkotik vasitələrin və psixotrop maddələrin istifadəsinin zərərli nəticələri barədə maarifləndirmə məqsədilə hazırlanan sosial çarxda Dövlət Komissiyasının “802 Qaynar xətti”nin fəaliyyəti barədə ətraflı məlumat yer alır.',
      'Qeyd edək ki, sosial çarx uzunmüddətli yayım üçün nəzərdə tutulub.',
    ],
  },
  {
    urlPath: '/page/post/3432/',
    section: 'Xəbərlər',
    title: '“Mobil Gənclik Xidməti” layihəsi çərçivəsində Göygöldə təlimlər təşkil olunub',
    published: '2025-09-08T12:00:00+04:00',
    dateMode: 'meta',
    fromSeed: true,
    paragraphs: [
      'Konstitusiya və Suverenlik İlinə həsr olunmuş “Mobil Gənclik Xidməti” layihəsi çərçivəsində silsilə təlimlər təşkil olunub. Tədbirlərdə məktəblilər fəal iştirak ediblər.',
      'Təlimlərdə iştirakçılara “Gənclər siyasəti və dövlətçilik”, “Zərərli vərdişlərə yox deyək”, “Peşə seçimi və karyera”, “Sağlam və təhlükəsiz həyat” mövzularında ətraflı məlumat verilib.',
      'Gənclər arasında narkomaniya probleminə dair maarifləndirmənin artırılması məqsədilə iştirakçılara narkotiklərin istifadəsinin risk amilləri, psixoaktiv maddələrin xüsusiyyətləri və onların sağlamlığa zərərli təsiri barədə danışılıb.',
      'Sonda Dövlət Komissiyasının Daimi İşçi Qrupunun üzvləri tərəfindən iştirakçılara maarifləndirici çap materialları təqdim olunub.',
    ],
  },
  {
    urlPath: '/page/post/3428/',
    section: 'Xəbərlər',
    title: 'Abşeron rayonunda təlim keçirilib',
    published: '2025-09-01T14:30:00+04:00',
    dateMode: 'visible',
    fromSeed: true,
    paragraphs: [
      'Narkomaniya ilə mübarizə tədbirlərinin gücləndirilməsi məqsədilə avqustun 29-da Abşeron rayonundakı Heydər Əliyev Mərkəzində “Narkomaniyaya qarşı mübarizəyə dair metodik tövsiyələr” mövzusunda təlim keçirilib. Tədbir Dövlət Komissiyasının Daimi İşçi Qrupu ilə Abşeron Rayon İcra Hakimiyyətinin birgə təşkilatçılığı ilə baş tutub.',
      'Təlimdə rayon icra hakimiyyəti başçısının müavini, rayon komissiyasının üzvü, Daimi İşçi Qrupun məsul əməkdaşı və rayonun ümumtəhsil məktəblərinin psixoloqları iştirak ediblər.',
      'Təlimin əsas məqsədi iştirakçıları psixoaktiv maddələrin istifadəsinin risk amilləri, asılılığın inkişaf mərhələləri və yeniyetmələrdə asılılığın sosial-psixoloji səbəbləri barədə məlumatlandırmaq olub.',
      'Təlim çərçivəsində iştirakçılara “Narkotik vasitələrdən və psixotrop maddələrdən sui-istifadə edən şəxslərin müəyyən edilməsinə dair metodik tövsiyələr” kitabçası təqdim olunub.',
    ],
  },
];

const azerbaijaniMonths = [
  'Yanvar',
  'Fevral',
  'Mart',
  'Aprel',
  'May',
  'İyun',
  'İyul',
  'Avqust',
  'Sentyabr',
  'Oktyabr',
  'Noyabr',
  'Dekabr',
];

function visibleDate(iso: string): string {
  const { year, month, day, time } = localParts(iso);
  return `${String(day).padStart(2, '0')} ${azerbaijaniMonths[month - 1]} ${year} | ${time}`;
}

function layout(title: string, canonical: string, head: string, main: string): string {
  return `<!doctype html>
<html lang="az">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)} | Narkomaniyaya qarşı mübarizə üzrə Dövlət Komissiyası</title>
  <link rel="canonical" href="${canonical}">
  <link href="/assets/css/bootstrap.min.css" rel="stylesheet">
  ${head}
</head>
<body>
  <header>
    <div class="top-line container"><span>Qaynar xətt: 802</span> <a href="mailto:info@nmdk.gov.az">info@nmdk.gov.az</a>
      <div class="lang"><a class="active" href="/">AZ</a> <a href="/ru/">RU</a> <a href="/en/">EN</a></div></div>
    <nav class="navbar navbar-expand-lg"><div class="container">
      <a class="navbar-brand" href="/"><img src="/assets/img/gerb.png" alt="Gerb"> Dövlət Komissiyası</a>
      <ul class="navbar-nav">
        <li class="nav-item"><a class="nav-link" href="/">Əsas səhifə</a></li>
        <li class="nav-item"><a class="nav-link" href="/page/about/">Komissiya haqqında</a></li>
        <li class="nav-item"><a class="nav-link" href="/page/documents/">Sənədlər</a></li>
        <li class="nav-item"><a class="nav-link" href="/page/posts/">Xəbərlər</a></li>
        <li class="nav-item"><a class="nav-link" href="/page/contact/">Əlaqə</a></li>
      </ul>
    </div></nav>
  </header>
  <div class="container page-content">
${main}
  </div>
  <footer class="footer"><div class="container">
    <div class="row"><div class="col-md-6"><p>Narkomaniyaya və narkotik vasitələrin qanunsuz dövriyyəsinə qarşı mübarizə üzrə Dövlət Komissiyası</p>
      <p>Bakı şəhəri. Qaynar xətt: 802. E-poçt: info@nmdk.gov.az</p></div>
    <div class="col-md-6"><ul class="footer-links"><li><a href="https://president.az">Prezident</a></li><li><a href="https://mia.gov.az">Daxili İşlər Nazirliyi</a></li></ul></div></div>
    <p class="copyright">© 2025 Bütün hüquqlar qorunur. Materiallardan istifadə edərkən istinad mütləqdir.</p>
  </div></footer>
</body>
</html>
`;
}

function card(article: Article): string {
  return `      <div class="col-md-6 col-lg-4"><div class="news-card">
        <a class="news-card__image" href="${article.urlPath}"><img src="/uploads/posts/${article.urlPath.split('/')[3]}.jpg" alt=""></a>
        <div class="news-card__body">
          <span class="news-card__date">${numericDate(article.published)}</span>
          <a class="news-card__title" href="${article.urlPath}">${escapeHtml(article.title)}</a>
        </div>
      </div></div>`;
}

function homePage(): FixtureFile {
  const main = `    <section class="hero"><h2>“802 Qaynar xətti” – narkotiklərlə bağlı məlumatları bizə bildirin</h2></section>
    <h1 class="section-title">Son xəbərlər</h1>
    <div class="row news-list">
${articles.map(card).join('\n')}
    </div>
    <div class="text-center"><a class="btn btn-more" href="/page/posts/">Bütün xəbərlər</a></div>`;
  return {
    path: 'index.html',
    content: layout('Əsas səhifə', `${origin}/`, '', main),
    originalUrl: `${origin}/`,
  };
}

function articlePage(article: Article): FixtureFile {
  const others = articles.filter((other) => other !== article).slice(0, 3);
  const main = `    <div class="row">
      <div class="col-lg-8">
        <div class="post-detail">
          <h1 class="post-detail__title">${escapeHtml(article.title)}</h1>
          <div class="post-detail__date"><i class="icon-calendar"></i> ${visibleDate(article.published)}</div>
          <div class="post-detail__image"><img src="/uploads/posts/${article.urlPath.split('/')[3]}.jpg" alt=""></div>
          <div class="post-detail__text">
          ${paragraphsHtml(article.paragraphs)}
          </div>
          <div class="post-detail__share">Paylaş: <a href="https://www.facebook.com/sharer/sharer.php?u=${origin}${article.urlPath}">Facebook</a> <a href="https://twitter.com/intent/tweet?url=${origin}${article.urlPath}">X</a></div>
        </div>
      </div>
      <div class="col-lg-4">
        <div class="sidebar-news"><h4>Digər xəbərlər</h4>
          ${others.map((o) => `<div class="sidebar-news__item"><a href="${o.urlPath}">${escapeHtml(o.title)}</a><span>${numericDate(o.published)}</span></div>`).join('\n          ')}
        </div>
        <div class="hotline-banner"><p>Narkotiklərlə bağlı hər hansı məlumatı 802 nömrəsinə zəng edərək bildirə bilərsiniz. Zənglər anonimdir.</p></div>
      </div>
    </div>`;
  return articleFile(
    article,
    'www.nmdk.gov.az',
    layout(article.title, `${origin}${article.urlPath}`, dateHeadTags(article, origin, 'nmdk.gov.az'), main),
    { sourceId: 'nmdk-gov-az', lang: 'aze' },
  );
}

export function nmdkGovAz(): SiteFiles {
  return { host, files: [homePage(), ...articles.map(articlePage)] };
}
