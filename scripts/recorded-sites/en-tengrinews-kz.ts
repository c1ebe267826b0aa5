import { englishMonths, localParts } from '../fixture-sites/site-files.js';
import { ENGLISH_EDITION_NOTE } from './english-editions.js';
import {
  articleFiles,
  escapeHtml,
  feedFile,
  htmlPage,
  type PageArticle,
  paragraphs,
  type RecordedSite,
} from './page.js';

/**
 * en.tengrinews.kz: Tengrinews' English edition. Its article pages carry no machine-readable date, only
 * `24 September 2025, 15:10` in the byline list; the feed has the exact time.
 */
const origin = 'https://en.tengrinews.kz';

const articles: PageArticle[] = [
  {
    url: `${origin}/crime/underground-drug-lab-shut-down-in-almaty-region-271234/`,
    title: 'Underground drug lab shut down in Almaty region',
    published: '2025-09-24T15:10:00+05:00',
    paragraphs: [
      'Police in Almaty region have dismantled an underground drug laboratory set up in a private house in Ili district.',
      'More than 8 kilograms of mephedrone and equipment for producing it were seized. Two Almaty residents with no previous convictions were detained.',
      'A pre-trial investigation has been opened under Article 297 of the Criminal Code. The suspects have been placed in a temporary detention facility.',
    ],
  },
  {
    url: `${origin}/kazakhstan_news/new-bridge-across-yesil-opens-in-astana-271102/`,
    title: 'New bridge across Yesil opens in Astana',
    published: '2025-09-22T17:30:00+05:00',
    paragraphs: [
      'Traffic has opened on a new road bridge across the Yesil river in the capital, linking the left bank with Saryarka district.',
      'The bridge is 420 metres long, with three lanes in each direction, cycle paths and pavements.',
    ],
  },
];

/** `24 September 2025, 15:10` */
function bylineDate(iso: string): string {
  const { year, month, day, time } = localParts(iso);
  return `${day} ${englishMonths[month - 1]} ${year}, ${time}`;
}

function articlePage(article: PageArticle): string {
  return htmlPage({
    lang: 'en',
    title: article.title,
    site: 'Tengrinews',
    url: article.url,
    body: `  <header class="tn-header"><a class="tn-logo" href="/">Tengrinews</a>
    <nav class="tn-menu"><a href="/kazakhstan_news/">Kazakhstan</a> <a href="/crime/">Crime</a> <a href="/world_news/">World</a></nav></header>
  <main class="tn-main">
    <article class="tn-content">
      <h1 class="tn-content-title">${escapeHtml(article.title)}</h1>
      <ul class="tn-data-list"><li><time>${bylineDate(article.published)}</time></li><li><span class="tn-hidden">Photo: Tengrinews.kz</span></li></ul>
      <div class="tn-news-text">
${paragraphs(article.paragraphs)}
        <div class="tn-read-also">Read also: <a href="/kazakhstan_news/">Kazakhstan news</a></div>
      </div>
      <div class="tn-ad">Advertisement</div>
    </article>
  </main>
  <footer class="tn-footer">© 2025 Tengrinews.kz. All rights reserved. Full or partial use of materials requires a link.</footer>`,
  });
}

export function enTengrinewsKz(): RecordedSite {
  const feedUrl = `${origin}/rss`;
  return {
    host: 'en.tengrinews.kz',
    note: ENGLISH_EDITION_NOTE,
    files: [
      ...articleFiles(articles, articlePage),
      feedFile({
        path: 'rss/index.xml',
        url: feedUrl,
        title: 'Tengrinews.kz — English',
        link: `${origin}/`,
        language: 'en',
        articles: articles,
      }),
    ],
  };
}
