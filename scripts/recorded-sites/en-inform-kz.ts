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

/** en.inform.kz: Kazinform's English edition, one seizure report and one report off the subject. */
const origin = 'https://en.inform.kz';

interface KazinformArticle extends PageArticle {
  category: string;
  views: string;
}

const articles: KazinformArticle[] = [
  {
    url: `${origin}/news/large-batch-of-hashish-seized-in-karaganda-region-7c1e4a/`,
    title: 'Large batch of hashish seized in Karaganda region',
    published: '2025-09-25T11:40:00+05:00',
    category: 'Incidents',
    views: '618',
    paragraphs: [
      'ASTANA. KAZINFORM – Police in Karaganda region have cut off a channel that supplied hashish from a neighbouring country, the regional police department said.',
      'A search of a garage turned up 12 kilograms of the drug, packed for sale. A 34-year-old man has been detained.',
      'Police are checking whether he was involved in other episodes.',
    ],
  },
  {
    url: `${origin}/news/kazakhstan-uzbekistan-to-bring-trade-to-10-billion-3b8d02/`,
    title: 'Kazakhstan, Uzbekistan to bring trade to $10 billion',
    published: '2025-09-23T15:20:00+05:00',
    category: 'Economy',
    views: '1 047',
    paragraphs: [
      'ASTANA. KAZINFORM – The governments of Kazakhstan and Uzbekistan have agreed to bring mutual trade to 10 billion US dollars.',
      'The sides discussed the development of cross-border trade and the construction of the Central Asia international centre for industrial cooperation.',
    ],
  },
];

function articlePage(article: KazinformArticle): string {
  return htmlPage({
    lang: 'en',
    title: article.title,
    site: 'Kazinform',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <header class="header"><a class="header__logo" href="/">Kazinform</a>
    <nav class="header__nav"><a href="/politics/">Politics</a> <a href="/economy/">Economy</a> <a href="/society/">Society</a> <a href="/incidents/">Incidents</a></nav></header>
  <main class="page">
    <article class="article">
      <div class="article__category">${escapeHtml(article.category)}</div>
      <h1 class="article__title">${escapeHtml(article.title)}</h1>
      <div class="article__info"><time class="article__date" datetime="${article.published}">${clock(article.published)}, ${dotted(article.published)}</time> <span class="article__views">${article.views}</span></div>
      <div class="article__body-text">
${paragraphs(article.paragraphs)}
      </div>
      <div class="article__share">Share: <a href="https://t.me/share/url?url=${article.url}">Telegram</a></div>
    </article>
  </main>
  <footer class="footer"><p>© Kazinform International News Agency, 1997–2025</p></footer>`,
  });
}

export function enInformKz(): RecordedSite {
  const feedUrl = `${origin}/rss/`;
  return {
    host: 'en.inform.kz',
    note: ENGLISH_EDITION_NOTE,
    files: [
      ...articleFiles(articles, articlePage),
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'Kazinform — news',
        link: `${origin}/`,
        language: 'en',
        articles: articles,
      }),
    ],
  };
}
