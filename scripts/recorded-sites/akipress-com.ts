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

/** akipress.com: AKIpress' English news, two reports of the Interior Ministry's drug service in Kyrgyzstan. */
const origin = 'https://akipress.com';

const articles: PageArticle[] = [
  {
    url: `${origin}/news:812367:15_hectares_of_wild_hemp_destroyed_in_Chui_region/`,
    title: '15 hectares of wild hemp destroyed in Chui region',
    published: '2025-09-23T16:45:00+06:00',
    paragraphs: [
      'BISHKEK (AKIpress) - Fifteen hectares of wild-growing hemp have been found and destroyed in Chui region as part of the Mak (Poppy) operation, the Interior Ministry said.',
      "Officers of the ministry's Service for Combating Illegal Drug Trafficking also seized more than 200 kg of plant material.",
    ],
  },
  {
    url: `${origin}/news:812290:Over_2_kg_of_hashish_seized_in_Bishkek/`,
    title: 'Over 2 kg of hashish seized in Bishkek',
    published: '2025-09-24T18:05:00+06:00',
    paragraphs: [
      'BISHKEK (AKIpress) - Officers of the Service for Combating Illegal Drug Trafficking of the Interior Ministry conducted a special operation in Bishkek.',
      "More than 2 kg of hashish was found in a suspect's house during the operation. The suspect was detained and a criminal case opened.",
    ],
  },
];

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'en',
    title: article.title,
    site: 'AKIpress',
    url: article.url,
    head: publishedMeta(article.published),
    body: `  <div id="top"><a class="logo" href="/">AKIpress News Agency</a>
    <div class="menu"><a href="/allnews/">All news</a> <a href="/kyrgyzstan/">Kyrgyzstan</a> <a href="/central-asia/">Central Asia</a></div></div>
  <div id="content">
    <div class="news_in">
      <h1>${escapeHtml(article.title)}</h1>
      <div class="time">${clock(article.published)}, ${dotted(article.published)}</div>
      <div class="text">
${paragraphs(article.paragraphs)}
      </div>
      <div class="socials">Share: <a href="https://www.facebook.com/sharer.php?u=${article.url}">Facebook</a></div>
    </div>
    <div class="popular">Most read</div>
  </div>
  <div id="footer">© 2025 AKIpress. Reproduction requires a hyperlink to AKIpress.</div>`,
  });
}

export function akipressCom(): RecordedSite {
  const feedUrl = `${origin}/rss/news_en.rss`;
  return {
    host: 'akipress.com',
    note: ENGLISH_EDITION_NOTE,
    files: [
      ...articleFiles(articles, articlePage),
      feedFile({
        path: 'rss/news_en.rss/index.xml',
        url: feedUrl,
        title: 'AKIpress News Agency',
        link: `${origin}/`,
        language: 'en',
        articles: articles,
      }),
    ],
  };
}
