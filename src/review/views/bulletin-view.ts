import type { Bulletin, BulletinEntry } from '../../bulletin/assemble.js';
import type { BulletinWarning } from '../../bulletin/checks.js';
import { bulletinFormats } from '../../bulletin/export.js';
import { countryHeading } from '../../bulletin/house-format.js';
import type { BulletinSummary } from '../../db/bulletins-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import {
  countEnglishStates,
  type EnglishState,
  englishStateLabels,
  englishStates,
} from '../../domain/english/provenance.js';
import { countryCodes } from '../../domain/types.js';
import { externalLink, html, type SafeHtml } from '../html.js';
import { csrfField } from './layout.js';

const countColumns = [...countryCodes, 'other'] as const;
/** The longest opening paragraph the workspace accepts. */
export const MAX_OPENING_TEXT = 10_000;

function assembleForm(user: SessionUser): SafeHtml {
  return html`<form method="post" action="/bulletins" class="assemble">${csrfField(user)}
  <label>Month <input name="month" required pattern="\\d{4}-\\d{2}" placeholder="YYYY-MM"></label>
  <label>Number <input name="number" type="number" min="1" placeholder="next"></label>
  <button type="submit">Assemble</button>
</form>`;
}

export function bulletinsBody(options: {
  user: SessionUser;
  bulletins: readonly BulletinSummary[];
  error?: string | undefined;
}): SafeHtml {
  return html`<h1>Bulletins</h1>
${options.error ? html`<p class="error" role="alert">${options.error}</p>` : ''}
${assembleForm(options.user)}
<table class="bulletins" id="bulletins"><thead><tr><th>Number</th><th>Period</th><th>Origin</th>${countColumns.map((code) => html`<th>${code}</th>`)}</tr></thead><tbody>
${options.bulletins.map(
  (bulletin) => html`<tr>
  <td><a href="/bulletins/${bulletin.number}">#${bulletin.number}</a></td>
  <td>${bulletin.period_from} … ${bulletin.period_to}</td>
  <td>${bulletin.origin}</td>
  ${countColumns.map((code) => html`<td class="num">${bulletin.counts[code] ?? 0}</td>`)}
</tr>`,
)}
</tbody></table>`;
}

function moveButton(
  user: SessionUser,
  number: number,
  entry: BulletinEntry,
  direction: 'up' | 'down',
  enabled: boolean,
): SafeHtml {
  return html`<form method="post" action="/bulletins/${number}/items/${entry.id}/move" class="inline">${csrfField(user)}<input type="hidden" name="direction" value="${direction}"><button type="submit"${enabled ? '' : html` disabled`}>${direction === 'up' ? '↑ Up' : '↓ Down'}</button></form>`;
}

function itemList(user: SessionUser, number: number, entries: readonly BulletinEntry[]): SafeHtml {
  return html`<ol class="bulletin-items">
${entries.map(
  (entry, index) => html`<li id="item-${entry.id}" data-item="${entry.id}">
  <strong class="title">${entry.title || '(no title)'}</strong> <span class="date">${entry.publishedOn ?? 'no date'}${entry.publishedOn && entry.publishedZone ? html` <small class="zone">(${entry.publishedZone})</small>` : ''}</span>
  ${englishBadge(entry.englishState)}
  ${entry.url ? html`<br>${externalLink(entry.url)}` : ''}
  <br><a href="/bulletins/${number}/items/${entry.id}" class="edit-item">edit the printed item</a>${entry.articleId ? html` · <a href="/items/${entry.articleId}">review item</a>` : ''}
  <div class="actions">${moveButton(user, number, entry, 'up', index > 0)}${moveButton(user, number, entry, 'down', index < entries.length - 1)}</div>
</li>`,
)}
</ol>`;
}

function englishBadge(state: EnglishState | undefined): SafeHtml | string {
  if (!state) return '';
  return html`<span class="english-state state-${state}" data-english="${state}">${englishStateLabels[state]}</span>`;
}

/** The month at a glance: where each item's English comes from, and how many still need some. */
function englishGlance(bulletin: Bulletin): SafeHtml {
  const entries = [...bulletin.sections.flatMap((section) => section.items), ...bulletin.other];
  const { counts, needWork } = countEnglishStates(
    entries.flatMap((entry) => (entry.englishState ? [entry.englishState] : [])),
  );
  return html`<section id="english-glance"><h2>English</h2>
<p id="english-need">${needWork === 0 ? 'Every item has reviewed English.' : html`<strong>${needWork}</strong> of ${entries.length} item(s) still need English (missing or not reviewed).`}</p>
<ul class="glance">${englishStates.map((state) => html`<li data-english="${state}">${englishStateLabels[state]}: <strong>${counts[state]}</strong></li>`)}</ul>
</section>`;
}

function warningList(warnings: readonly BulletinWarning[]): SafeHtml {
  if (warnings.length === 0) return html`<p class="notice">No editorial warnings.</p>`;
  return html`<ul class="warnings" id="warnings">
${warnings.map(
  (warning) =>
    html`<li data-code="${warning.code}">${warning.message}${warning.itemId ? html` (<a href="#item-${warning.itemId}">item</a>)` : ''}</li>`,
)}
</ul>`;
}

/**
 * One opening paragraph with its form. The field holds only the analyst's own wording, so that saving one
 * paragraph never freezes the other's generated text (the counts line follows the items until rewritten).
 */
function openingParagraph(
  user: SessionUser,
  number: number,
  paragraph: { name: 'counts_line' | 'topics'; label: string; printed: string; edited: string | null },
): SafeHtml {
  return html`<form method="post" action="/bulletins/${number}/texts" class="opening-text" data-paragraph="${paragraph.name}">${csrfField(user)}
  <input type="hidden" name="paragraph" value="${paragraph.name}">
  <label>${paragraph.label} ${paragraph.edited === null ? html`<em>(generated)</em>` : html`<em>(your wording)</em>`}
    <textarea name="text" rows="3" class="wide" maxlength="${MAX_OPENING_TEXT}" placeholder="${paragraph.printed}">${paragraph.edited ?? ''}</textarea></label>
  <button type="submit">Save</button>
</form>`;
}

/** One bulletin as it would print: sections in house order, the analyst's order within each, the checklist. */
export function bulletinBody(options: {
  user: SessionUser;
  bulletin: Bulletin;
  warnings: readonly BulletinWarning[];
  editedTexts: { countsLine: string | null; topics: string | null };
}): SafeHtml {
  const { user, bulletin, editedTexts } = options;
  return html`<h1>Bulletin #${bulletin.number}</h1>
<p>${bulletin.period.from} … ${bulletin.period.to} · ${bulletin.total} items · <a href="/bulletins">all bulletins</a></p>
<p class="downloads">Download: ${bulletinFormats.map(
    (format) => html`<a href="/bulletins/${bulletin.number}/export.${format}" download>${format}</a> `,
  )}</p>
<h2>Editorial checks</h2>
${warningList(options.warnings)}
${englishGlance(bulletin)}
<section id="opening"><h2>Opening paragraphs</h2>
<p>Empty fields print the generated text, shown greyed; what you write replaces it in every export.</p>
${openingParagraph(user, bulletin.number, { name: 'counts_line', label: 'Counts line', printed: bulletin.countsLine, edited: editedTexts.countsLine })}
${openingParagraph(user, bulletin.number, { name: 'topics', label: 'Topics', printed: bulletin.topics, edited: editedTexts.topics })}
</section>
${bulletin.sections.map(
  (section) => html`<section class="country" data-country="${section.country}">
<h2>${countryHeading(section.country, bulletin.lang)}</h2>
${itemList(user, bulletin.number, section.items)}
</section>`,
)}
${
  bulletin.other.length > 0
    ? html`<section class="country" data-country="other"><h2>Outside the member states</h2>${itemList(user, bulletin.number, bulletin.other)}</section>`
    : ''
}`;
}

export interface BulletinItemReport {
  id: number;
  source_id: string;
  url: string;
  lang: string | null;
  title: string | null;
  title_en: string | null;
  official: boolean;
}

/**
 * One printed item: its English title and body, URL and country as the release prints them, the report of its
 * story it prints from, and the warnings that concern it (they clear once fixed).
 */
export function bulletinItemBody(options: {
  user: SessionUser;
  number: number;
  entry: BulletinEntry;
  original: { title: string | null; body: string | null; lang: string | null } | undefined;
  reports: readonly BulletinItemReport[];
  warnings: readonly BulletinWarning[];
}): SafeHtml {
  const { user, number, entry, original, reports, warnings } = options;
  return html`<p><a href="/bulletins/${number}#item-${entry.id}">← bulletin #${number}</a></p>
<h1>Printed item ${englishBadge(entry.englishState)}</h1>
${warnings.length > 0 ? html`<ul class="warnings" id="item-warnings">${warnings.map((warning) => html`<li data-code="${warning.code}">${warning.message}</li>`)}</ul>` : html`<p class="notice" id="item-warnings-none">No warning for this item.</p>`}
<div class="side-by-side">
<section class="original"><h2>Original${original?.lang ? html` (${original.lang})` : ''}</h2>
  <h3>${original?.title ?? '—'}</h3><div class="body">${original?.body ?? ''}</div></section>
<section class="english" lang="en"><h2>As printed</h2>
<form method="post" action="/bulletins/${number}/items/${entry.id}" class="edit" id="bulletin-item-form">${csrfField(user)}
  <label>English title <input type="text" name="title" id="printed-title" value="${entry.titleIsEnglish ? entry.title : ''}" maxlength="1000" placeholder="${entry.title}"></label>
  <label>English body <textarea name="body" id="printed-body" rows="14">${entry.bodyIsEnglish === false ? '' : entry.body}</textarea></label>
  <label>Source URL <input type="url" name="url" value="${entry.url ?? ''}" maxlength="4000"></label>
  <label>Country <select name="country">${[...countryCodes, 'other'].map((code) => html`<option value="${code}"${code === entry.country ? html` selected` : ''}>${code}</option>`)}</select></label>
  <button type="submit">Save</button>
</form>
${
  reports.length > 1
    ? html`<form method="post" action="/bulletins/${number}/items/${entry.id}/report" class="edit" id="report-form">${csrfField(user)}
  <label>Print from this report of the story <select name="article" id="report-picker">${reports.map((report) => html`<option value="${report.id}"${report.id === entry.articleId ? html` selected` : ''}>${report.source_id}${report.official ? ' (official)' : ''} · ${report.lang ?? '—'} · ${report.title_en ?? report.title ?? '(no title)'}</option>`)}</select></label>
  <button type="submit">Use this report</button>
</form>`
    : ''
}
</section></div>`;
}
