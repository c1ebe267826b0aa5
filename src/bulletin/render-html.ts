import type { Bulletin, BulletinEntry } from './assemble.js';
import { frontMatter, printedTitle, sectionAnchor } from './front-matter.js';
import { countryHeading } from './house-format.js';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every harvested string goes through this: titles, bodies and URLs come from other people's pages. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

const lines = (texts: readonly string[]) => texts.map(escapeHtml).join('<br>');

/** Only http(s) links become clickable: a `javascript:` URL in a harvested page stays inert text. */
function urlHtml(url: string): string {
  const text = `&lt;${escapeHtml(url)}&gt;`;
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}">${text}</a>` : text;
}

function entryHtml(entry: BulletinEntry, bulletin: Bulletin): string {
  const paragraphs = entry.body
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((paragraph) => `<p>${lines(paragraph.split('\n'))}</p>`);
  return [
    '<article class="item">',
    `<h3>${escapeHtml(printedTitle(entry.title, bulletin.lang))}</h3>`,
    ...paragraphs,
    entry.url ? `<p class="source">${urlHtml(entry.url)}</p>` : '',
    '</article>',
  ].join('\n');
}

function countsLineHtml(bulletin: Bulletin): string {
  const parts = bulletin.countsLineParts;
  return parts
    ? `${escapeHtml(parts.lead)} (<em>${escapeHtml(parts.perCountry)}</em>).`
    : escapeHtml(bulletin.countsLine);
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm 22mm; }
body { font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 12pt; line-height: 1.35; color: #000; max-width: 48em; margin: 0 auto; }
.title-page, .editorial { text-align: center; break-after: page; page-break-after: always; }
.title-page .acronym { font-size: 28pt; letter-spacing: 0.3em; font-weight: bold; color: #1f3a68; }
.title-page .centre { font-weight: bold; margin: 2em 0; }
.title-page h1 { font-size: 26pt; margin-top: 3em; color: #1f3a68; }
.title-page .subtitle { font-size: 16pt; font-weight: bold; }
.title-page .number { font-size: 20pt; font-weight: bold; margin: 1.5em 0; }
.editorial { text-align: left; }
.contents { break-after: page; page-break-after: always; }
.contents ul { list-style: none; padding: 0; }
.contents li { font-style: italic; margin: 0.4em 0; display: flex; align-items: baseline; }
.contents li a { color: #000; text-decoration: none; }
.contents li .leader { flex: 1; border-bottom: 1px dotted #000; margin: 0 0.4em; }
.contents li .page { font-style: normal; }
@media print { section.country { break-before: page; page-break-before: always; } }
.counts { text-indent: 2em; text-align: justify; }
.topics { text-indent: 2em; text-align: justify; }
h2 { text-align: center; font-size: 14pt; margin-top: 2em; }
h3 { text-align: center; font-size: 12pt; margin-top: 1.5em; }
.item p { text-align: justify; text-indent: 2em; margin: 0.4em 0; }
.item p.source { text-indent: 0; word-break: break-all; }
.other-note { font-style: italic; }
.closing { margin-top: 3em; border-top: 1px solid #000; padding-top: 1em; }
a { color: #1f3a68; }
`;

function contentsEntry(
  entry: { anchor: string; heading: string },
  pageNumbers: Readonly<Record<string, string>> | undefined,
): string {
  const link = `<a href="#${entry.anchor}">${escapeHtml(entry.heading)}</a>`;
  const page = pageNumbers?.[entry.anchor];
  return page === undefined
    ? `<li>${link}</li>`
    : `<li>${link}<span class="leader"></span><span class="page">${escapeHtml(page)}</span></li>`;
}

export interface HtmlOptions {
  /** The page each country starts on, by section anchor (the PDF's contents, like the printed release's). */
  pageNumbers?: Readonly<Record<string, string>>;
  /** Only the first sections (the PDF counts the pages that come before each country). */
  sectionLimit?: number;
}

/**
 * A standalone HTML page of the release; its print (Chromium) is the PDF. On paper every country starts on a new
 * page, so the contents can name each one's page.
 */
export function renderHtml(bulletin: Bulletin, options: HtmlOptions = {}): string {
  const front = frontMatter(bulletin);
  const sections = bulletin.sections
    .slice(0, options.sectionLimit)
    .map((section) =>
      [
        `<section class="country" id="${sectionAnchor(section.country)}">`,
        `<h2>${escapeHtml(countryHeading(section.country, bulletin.lang))}</h2>`,
        ...section.items.map((entry) => entryHtml(entry, bulletin)),
        '</section>',
      ].join('\n'),
    );
  const other =
    bulletin.other.length === 0 || options.sectionLimit !== undefined
      ? ''
      : [
          '<section class="country other" id="country-other">',
          `<h2>${escapeHtml(front.otherHeading)}</h2>`,
          `<p class="other-note">${escapeHtml(front.otherNote)}</p>`,
          ...bulletin.other.map((entry) => entryHtml(entry, bulletin)),
          '</section>',
        ].join('\n');
  const closing = `<footer class="closing">
<p>${lines(front.centreNameMixed)}</p>
<p>${lines(front.address)}</p>
</footer>`;
  const topics = bulletin.topics
    .split(/\n{2,}/)
    .filter(Boolean)
    .map((paragraph) => `<p class="topics">${escapeHtml(paragraph)}</p>`);
  return `<!doctype html>
<html lang="${bulletin.lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(`${front.releaseTitle} ${front.numberLabel} ${front.periodShort}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<section class="title-page">
<p class="acronym">${lines(front.acronym)}</p>
<p class="centre">${escapeHtml(front.centreName)}</p>
<h1>${escapeHtml(front.releaseTitle)}</h1>
<p class="subtitle">${lines(front.releaseSubtitle)}</p>
<p class="period">${escapeHtml(front.periodShort)}</p>
<p class="number">${escapeHtml(front.numberLabel)}</p>
<p class="place">${escapeHtml(front.placeAndYear)}</p>
</section>
<section class="editorial">
<p><strong>${escapeHtml(front.releaseHeader)}</strong></p>
<p>${lines(front.centreNameMixed)}</p>
<p><strong>${escapeHtml(front.editorialAddress)}</strong></p>
<p>${lines(front.address)}</p>
<p>${escapeHtml(front.publishedTitle)}</p>
<p>${escapeHtml(front.circulation)}</p>
</section>
<nav class="contents">
<h2>${escapeHtml(front.contentsTitle)}</h2>
<ul>
${front.contents.map((entry) => contentsEntry(entry, options.pageNumbers)).join('\n')}
</ul>
<p class="counts">${countsLineHtml(bulletin)}</p>
${topics.join('\n')}
</nav>
${sections.join('\n')}
${other}
${options.sectionLimit === undefined ? closing : ''}
</body>
</html>
`;
}
