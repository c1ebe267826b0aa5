import { ENGLISH_EDITION_NOTE } from './english-editions.js';
import {
  articleFiles,
  clock,
  dotted,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  publishedMeta,
  type RecordedSite,
} from './page.js';

/** en.trend.az: Trend's English edition, the twin of the Russian report of the month's seizures. */
const origin = 'https://en.trend.az';

const articles: PageArticle[] = [
  {
    url: `${origin}/azerbaijan/society/4102367.html`,
    title: 'Azerbaijan seizes over 300 kg of drugs in August',
    published: '2025-09-20T17:05:00+04:00',
    paragraphs: [
      "BAKU, Azerbaijan, September 20. Over 300 kilograms of narcotic drugs were removed from illegal circulation by Azerbaijan's internal affairs bodies in August, Trend reports with reference to the Ministry of Internal Affairs.",
      'In total, 412 drug-related crimes were detected and 380 people were brought to justice. Heroin, marijuana and methamphetamine were among the drugs seized.',
    ],
  },
  {
    url: `${origin}/azerbaijan/society/4102120.html`,
    title: 'New school for 960 pupils opens in Ganja',
    published: '2025-09-15T14:10:00+04:00',
    paragraphs: [
      'BAKU, Azerbaijan, September 15. A new school for 960 pupils has opened in Ganja under the education modernisation programme.',
      'The building has laboratories, a sports hall and a library with digital resources.',
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'en',
    title: article.title,
    site: 'Trend',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="logo" href="${origin}/">Trend</a><nav><a href="/business/">Business</a> <a href="/azerbaijan/society/">Society</a> <a href="/azerbaijan/politics/">Politics</a></nav></header>
  <main class="main">
    <div class="article-header"><h1>${escapeHtml(article.title)}</h1><span class="date-time">${clock(article.published)} (${dotted(article.published)})</span></div>
    <div class="article-content article-paddings">
${paragraphs(article.paragraphs)}
    </div>
    <div class="related-news">Read more</div>
  </main>
  <footer class="footer">© 2025 Trend News Agency</footer>`,
  });
}

export function enTrendAz(): RecordedSite {
  const feedUrl = `${origin}/feeds/index.rss`;
  return {
    host: 'en.trend.az',
    note: ENGLISH_EDITION_NOTE,
    files: [
      ...articleFiles(articles, articlePage),
      feedFile({
        path: 'feeds/index.rss/index.xml',
        url: feedUrl,
        title: 'Trend News Agency',
        link: `${origin}/`,
        language: 'en',
        articles: articles,
      }),
    ],
  };
}
