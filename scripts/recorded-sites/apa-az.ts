import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedItems,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
  rssFeed,
} from './page.js';

/** apa.az, Azerbaijani: the RSS feed and two articles. */
const origin = 'https://apa.az';

const articles: PageArticle[] = [
  {
    url: `${origin}/hadise/bakida-4-kiloqram-heroin-askarlanib-912345`,
    title: 'Bakıda 4 kiloqram heroin aşkarlanıb',
    published: '2025-09-24T14:35:00+04:00',
    paragraphs: [
      'Bakının Xətai rayonunda polis əməkdaşları narkotik vasitələrin qanunsuz dövriyyəsinə qarşı əməliyyat keçiriblər.',
      'Əməliyyat zamanı şübhəli şəxsin avtomobilindən dörd kiloqram heroin aşkarlanaraq götürülüb. Faktla bağlı cinayət işi başlanılıb, araşdırma davam etdirilir.',
    ],
  },
  {
    url: `${origin}/iqtisadiyyat/azerbaycanda-pambiq-yigimi-davam-edir-912101`,
    title: 'Azərbaycanda pambıq yığımı davam edir',
    published: '2025-09-21T10:10:00+04:00',
    paragraphs: [
      'Ölkənin pambıqçılıq rayonlarında məhsul yığımı davam edir. İndiyədək tədarük məntəqələrinə yüz min tondan çox pambıq təhvil verilib.',
      'Kənd Təsərrüfatı Nazirliyi bildirib ki, bu il məhsuldarlıq ötən illə müqayisədə artıb.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'az',
    title: article.title,
    site: 'APA',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="/">APA</a><nav><a href="/siyaset">Siyasət</a> <a href="/iqtisadiyyat">İqtisadiyyat</a> <a href="/hadise">Hadisə</a></nav></header>
  <main class="main">
    <div class="news_main">
      <h1 class="title_news">${escapeHtml(article.title)}</h1>
      <div class="date"><time datetime="${article.published}">${dotted(article.published)} ${clock(article.published)}</time></div>
      <div class="news_content"><div class="texts">
${paragraphs(article.paragraphs)}
      </div></div>
      <div class="links_block">Digər xəbərlər</div>
    </div>
  </main>
  <footer class="footer">© APA Holding</footer>`,
  });
}

export function apaAz(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  return {
    host: 'apa.az',
    files: [
      {
        path: 'rss/index.xml',
        originalUrl: feedUrl,
        content: rssFeed({
          title: 'APA — Xəbərlər',
          link: `${origin}/`,
          self: feedUrl,
          language: 'az',
          items: feedItems(articles),
        }),
      },
      ...articleFiles(articles, articlePage),
    ],
  };
}
