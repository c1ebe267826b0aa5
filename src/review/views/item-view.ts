import type { AuditEntry } from '../../db/audit-repo.js';
import type { ItemEdit, ReviewItem, StoryPeer } from '../../db/items-repo.js';
import type { StoryChoice } from '../../db/queue-stories-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import {
  type EnglishSource,
  englishState,
  englishStateLabels,
  isSuggestion,
} from '../../domain/english/provenance.js';
import { localTime, usableZone } from '../../domain/local-time.js';
import { planReview, type ReviewAction } from '../../domain/review-states.js';
import { countryCodes } from '../../domain/types.js';
import type { EnglishOption } from '../english.js';
import { type QueueQuery, queryString } from '../filters.js';
import { type GlossarySpan, highlightOriginal } from '../highlight.js';
import { externalLink, html, jsonForHtml, type SafeHtml, safeHref } from '../html.js';
import { csrfField, formatDateTime, formatLocalDateTime } from './layout.js';
import { seizureFactsBlock } from './seizures-view.js';

export interface ItemView {
  user: SessionUser;
  item: ReviewItem;
  audit: AuditEntry[];
  story: { storyId: number | null; peers: StoryPeer[] };
  /** English the analyst can take with one key, best first. */
  englishOptions: EnglishOption[];
  /** The glossary's terms in the original, with their English. */
  glossary?: { title: GlossarySpan[]; body: GlossarySpan[] } | undefined;
  /** The translation engine's name, when the deployment has one. */
  translator?: string | undefined;
  notice?: string | undefined;
  /** The analyst's unsaved edit when someone else saved first. */
  conflict?: ItemEdit | undefined;
  /** The queue the page was opened from: decisions go on to its next row. */
  context?: QueueQuery | undefined;
  /** The story picker: stories found by the words asked for, or published about the same time. */
  storyChoices: StoryChoice[];
  storyQuery?: string | undefined;
}

/** `datetime-local` has no zone: the form shows the source's wall clock and names the zone it is read in. */
export function toDateTimeLocal(date: Date | string | null, zone: string | null): string {
  if (!date) return '';
  const local = localTime(new Date(date), zone);
  return `${local.date}T${local.time}`;
}

/** `Asia/Baku, UTC+04:00 now`: the zone the form's date is read in. */
function zoneLabel(item: ReviewItem): string {
  const zone = usableZone(item.timezone);
  return zone === 'UTC' ? 'UTC' : `${zone}, UTC${localTime(item.published_at ?? new Date(), zone).offset}`;
}

/** A hidden field that keeps the page's queue through a form. */
function contextField(view: ItemView): SafeHtml | string {
  return view.context
    ? html`<input type="hidden" name="queue" value="${queryString(view.context, {}).slice(1)}">`
    : '';
}

/** Where the source came from: harvested, added by URL, or pasted by an analyst. */
function origin(item: ReviewItem): SafeHtml | string {
  if (item.pasted)
    return html` · <span class="manual" id="item-manual">manual: pasted by ${item.added_by ?? '?'}</span>`;
  return item.added_by ? html` · <span class="manual">added by URL by ${item.added_by}</span>` : '';
}

function facts(item: ReviewItem): SafeHtml {
  const status = item.status === 'filtered' ? `filtered: ${item.filter_reason ?? '?'}` : item.status;
  return html`<dl class="facts">
  <dt>Source</dt><dd>${item.source_id} · ${externalLink(item.url)}${origin(item)}</dd>
  <dt>Status</dt><dd class="status status-${item.status}" id="item-status">${status}</dd>
  ${item.covered_by ? html`<dt>Covered by</dt><dd id="covered-by"><a href="/items/${item.covered_by}">#${item.covered_by}</a>: the decision on that report of its story</dd>` : ''}
  ${item.reject_reason ? html`<dt>Rejected because</dt><dd>${item.reject_reason}</dd>` : ''}
  ${item.duplicate_of ? html`<dt>Duplicate of</dt><dd><a href="/items/${item.duplicate_of}">#${item.duplicate_of}</a></dd>` : ''}
  <dt>Language</dt><dd>${item.lang ?? '—'}</dd>
  <dt>Country</dt><dd>${item.country ?? '—'}</dd>
  <dt>Published</dt><dd id="item-published">${formatLocalDateTime(item.published_at, item.timezone)}</dd>
  <dt>Score</dt><dd>${(item.score ?? 0).toFixed(2)}</dd>
  <dt>Matched</dt><dd>${item.matched.map((term) => html`<span class="term">${term.term} ×${term.count} (${term.field})</span> `)}</dd>
  ${item.reviewed_by ? html`<dt>Reviewed</dt><dd>${item.reviewed_by}, ${formatDateTime(item.reviewed_at)}</dd>` : ''}
  ${item.has_snapshot ? html`<dt>Snapshot</dt><dd><a href="/items/${item.id}/snapshot" target="_blank" rel="noopener">page as fetched</a></dd>` : ''}
  <dt>Version</dt><dd>${item.version}</dd>
</dl>`;
}

function actions(view: ItemView): SafeHtml {
  const { item, user } = view;
  const form = (action: ReviewAction, label: string, extra: SafeHtml | string = '') =>
    html`<form method="post" action="/items/${item.id}/${action}" class="inline" id="${action}-form">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}">${contextField(view)}${extra}
  <button type="submit">${label}</button></form>`;
  const then = view.context ? ', then the next' : '';
  const peers = view.story.peers.some((peer) => peer.status === 'new') ? ' the story' : '';
  const applies = (action: ReviewAction) => planReview(action, item, view.story.peers).kind === 'ok';
  return html`<div class="actions">
  ${applies('approve') ? form('approve', `Approve${peers} (a)${then}`) : ''}
  ${applies('reject') ? form('reject', `Reject${peers} (r)${then}`, html`<input type="text" name="reason" id="reject-reason" placeholder="reason" aria-label="reason for rejecting">`) : ''}
  ${applies('rescue') ? form('rescue', 'Rescue into the queue') : ''}
  ${safeHref(item.url) ? html`<a href="${safeHref(item.url)}" target="_blank" rel="noopener noreferrer nofollow" id="open-source">Open source (o)</a>` : ''}
</div>`;
}

const SOURCE_LABELS: Readonly<Record<string, string>> = {
  'english-report': 'from an English report',
  template: 'suggested from the item',
  analyst: 'written by an analyst',
};

function provenance(source: EnglishSource | null): string {
  if (!source) return 'none yet';
  return SOURCE_LABELS[source] ?? `translated by ${source.slice('machine:'.length)}`;
}

/** The English fields beside the original: what the release will print. */
function editForm(view: ItemView, values: ItemEdit): SafeHtml {
  const { item, user } = view;
  return html`<form method="post" action="/items/${item.id}/edit" class="edit" id="edit-form">
  ${csrfField(user)}
  <input type="hidden" name="version" value="${item.version}">${contextField(view)}
  <label>English title <span class="provenance" id="title-en-source">${provenance(item.title_en_source)}</span>
    <input type="text" name="title_en" id="edit-title-en" value="${values.titleEn ?? ''}" maxlength="1000"></label>
  <label>English body <span class="provenance" id="body-en-source">${provenance(item.body_en_source)}</span>
    <textarea name="body_en" id="edit-body-en" rows="12">${values.bodyEn ?? ''}</textarea></label>
  <label>Country <select name="country">
    <option value="">—</option>
    ${countryCodes.map((code) => html`<option value="${code}"${code === values.country ? html` selected` : ''}>${code}</option>`)}
  </select></label>
  <label>Published (${zoneLabel(item)}) <input type="datetime-local" step="1" name="published_at" id="edit-published" value="${toDateTimeLocal(values.publishedAt, item.timezone)}"></label>
  <button type="submit">Save (version ${item.version})</button>
</form>`;
}

const OPTION_LABELS: Readonly<Record<EnglishOption['choice'], string>> = {
  own: 'This report is in English',
  report: 'English report of the same story',
  template: 'Suggested from the item (event, place, agency, amounts)',
};

/** English the analyst can take instead of translating; the first is accepted with `s`. */
function englishSuggestions(view: ItemView): SafeHtml {
  const { item, user, englishOptions } = view;
  if (englishOptions.length === 0) {
    return html`<p class="empty" id="no-suggestion">No English report and no suggestion for this item: write its English above.</p>`;
  }
  return html`<div class="suggestions" id="suggestions">${englishOptions.map(
    (option, index) => html`<div class="suggestion" data-choice="${option.choice}">
  <p class="provenance">${OPTION_LABELS[option.choice]}${option.candidate.url ? html` · ${externalLink(option.candidate.url, option.sourceId ?? 'source')}` : ''}</p>
  <p class="suggested-title">${option.candidate.title}</p>
  <p class="suggested-body">${option.candidate.body}</p>
  <form method="post" action="/items/${item.id}/english/accept" class="inline"${index === 0 ? html` id="accept-form"` : ''}>
    ${csrfField(user)}<input type="hidden" name="version" value="${item.version}"><input type="hidden" name="choice" value="${option.choice}">${contextField(view)}
    <button type="submit">Use this English${index === 0 ? ' (s)' : ''}</button>
  </form>
</div>`,
  )}</div>`;
}

function englishPanel(view: ItemView, values: ItemEdit): SafeHtml {
  const { item } = view;
  const state = englishState({
    title: item.title_en,
    titleSource: item.title_en_source,
    body: item.body_en,
    bodySource: item.body_en_source,
    reviewed: item.english_reviewed_by !== null,
  });
  const unreviewed =
    !item.english_reviewed_by && (isSuggestion(item.title_en_source) || isSuggestion(item.body_en_source));
  return html`<section class="english" id="english" lang="en">
  <h2>English (e) <span class="english-state state-${state}" id="english-state">${englishStateLabels[state]}</span></h2>
  ${unreviewed ? html`<p class="notice">Generated English: read it, correct it or save it as it is to mark it reviewed.</p>` : ''}
  ${item.english_url ? html`<p class="provenance">Taken from ${externalLink(item.english_url)}</p>` : ''}
  ${editForm(view, values)}
  <h3>Suggestions</h3>
  ${englishSuggestions(view)}
  ${
    view.translator && item.lang !== 'eng'
      ? html`<form method="post" action="/items/${item.id}/english/translate" class="inline" id="translate-form">
    ${csrfField(view.user)}<input type="hidden" name="version" value="${item.version}">
    <button type="submit">Translate with ${view.translator} (replaces the English above; review it before it goes out)</button>
  </form>`
      : ''
  }
</section>`;
}

function conflictPanel(item: ReviewItem, yours: ItemEdit): SafeHtml {
  const rows: Array<[string, string | null, string | null]> = [
    ['English title', yours.titleEn, item.title_en],
    ['English body', yours.bodyEn, item.body_en],
    ['Country', yours.country, item.country],
    [
      'Published',
      yours.publishedAt && formatLocalDateTime(new Date(yours.publishedAt), item.timezone),
      item.published_at ? formatLocalDateTime(item.published_at, item.timezone) : null,
    ],
  ];
  return html`<section class="conflict" id="conflict" role="alert">
  <h2>Not saved: someone else changed this item</h2>
  <p>It is now at version ${item.version}${item.reviewed_by ? html`, last reviewed by ${item.reviewed_by}` : ''}.
  Compare both versions below. The form holds <em>your</em> text; saving it now replaces the saved version.</p>
  <table class="compare"><thead><tr><th>Field</th><th>Your version</th><th>Saved version</th></tr></thead><tbody>
  ${rows.map(([label, mine, saved]) => html`<tr class="${mine === saved ? '' : 'differs'}"><th>${label}</th><td>${mine ?? '—'}</td><td>${saved ?? '—'}</td></tr>`)}
  </tbody></table>
</section>`;
}

function peerLine(peer: StoryPeer): SafeHtml {
  return html`<li data-report="${peer.id}"><a href="/items/${peer.id}">${peer.title || '(no title)'}</a> — ${peer.source_id}, ${peer.lang ?? '—'}, ${peer.country ?? '—'}, ${formatLocalDateTime(peer.published_at, peer.timezone)}, <span class="report-status status-${peer.status}">${peer.status}</span>${peer.covered_by ? html` by <a href="/items/${peer.covered_by}">#${peer.covered_by}</a>` : ''} · ${externalLink(peer.url, 'source')}</li>`;
}

function storyChoice(choice: StoryChoice, index: number): SafeHtml {
  const title =
    choice.title_en && choice.title_en !== choice.title
      ? html`${choice.title} <em>(${choice.title_en})</em>`
      : (choice.title ?? '(no title)');
  return html`<li><label class="choice"><input type="radio" name="story" value="${choice.story_id}" required${index === 0 ? html` id="story-choice-first"` : ''}>
  <strong>${title}</strong> <small>story #${choice.story_id} · ${choice.size} report(s) · ${choice.source_id}, ${choice.lang ?? '—'}, ${choice.country ?? '—'} · ${formatLocalDateTime(choice.published_at, choice.timezone)}</small></label></li>`;
}

/** Move to another story by picking it (found by words of its title, or among those of the same days). */
function storyPicker(view: ItemView): SafeHtml {
  const { item, user, story, storyChoices } = view;
  const legend = view.storyQuery
    ? html`Stories with “${view.storyQuery}” in a title`
    : html`Stories published about the same time${item.country ? html` (${item.country} first)` : ''}`;
  return html`<h3>Move to another story</h3>
<form method="get" action="/items/${item.id}" id="story-search" class="inline">${view.context ? html`<input type="hidden" name="queue" value="${queryString(view.context, {}).slice(1)}">` : ''}
  <label>Find a story by words of its title <input type="search" name="story_q" id="story-q" value="${view.storyQuery ?? ''}" maxlength="200" placeholder="e.g. Шымкент героин"></label>
  <button type="submit">Search</button>
</form>
<form method="post" action="/items/${item.id}/story" id="story-form">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}">${contextField(view)}
  <fieldset><legend>${legend}</legend>
  ${storyChoices.length ? html`<ul class="story-choices" id="story-choices">${storyChoices.map(storyChoice)}</ul>` : html`<p class="empty" id="no-story-choice">No other story found${view.storyQuery ? ' with these words' : ''}.</p>`}
  </fieldset>
  ${story.peers.length ? html`<label><input type="checkbox" name="whole_story"> with the other reports of its story (merge the stories)</label>` : ''}
  ${storyChoices.length ? html`<button type="submit" id="story-move">Move to the chosen story</button>` : ''}
</form>`;
}

function storyPanel(view: ItemView): SafeHtml {
  const { story, item, user } = view;
  const peers = story.peers.length
    ? html`<h2>Also reported by</h2>
<ul id="story-peers">${story.peers.map(peerLine)}</ul>
<p><a href="/queue?status=any&amp;story=${story.storyId}">this story in the queue</a></p>`
    : html`<h2>Story</h2><p>${story.storyId === null ? 'Not in a story.' : html`The only report of story #${story.storyId}.`}</p>`;
  return html`<section id="story">${peers}
${storyPicker(view)}
${
  story.peers.length
    ? html`<form method="post" action="/items/${item.id}/story" class="inline" id="split-form">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}"><input type="hidden" name="story" value="new">${contextField(view)}
  <button type="submit">Split into its own story</button>
</form>`
    : ''
}
</section>`;
}

function auditTable(audit: AuditEntry[]): SafeHtml {
  const show = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value, null, 1) : '—');
  return html`<section><h2>History</h2>
<table class="audit" id="audit"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Before</th><th>After</th></tr></thead><tbody>
${audit.map((entry) => html`<tr><td>${formatDateTime(entry.created_at)}</td><td>${entry.user_name}</td><td>${entry.action}</td><td><pre>${show(entry.before)}</pre></td><td><pre>${show(entry.after)}</pre></td></tr>`)}
</tbody></table>
${audit.length === 0 ? html`<p class="empty">No action yet.</p>` : ''}</section>`;
}

export function itemBody(view: ItemView): SafeHtml {
  const { item } = view;
  const terms = item.matched.map((term) => term.term);
  const current: ItemEdit = {
    titleEn: item.title_en,
    bodyEn: item.body_en,
    country: item.country,
    publishedAt: item.published_at?.toISOString() ?? null,
  };
  return html`<p><a href="/queue${view.context ? queryString(view.context, {}) : ''}" id="back-to-queue">← queue</a></p>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.conflict ? conflictPanel(item, view.conflict) : ''}
<article class="item" id="item">
${facts(item)}
${actions(view)}
<div class="side-by-side">
<section class="original" id="original"${item.lang ? html` data-lang="${item.lang}"` : ''}>
  <h2>Original${item.lang ? html` (${item.lang})` : ''}</h2>
  <h1 id="original-title">${highlightOriginal(item.title || '(no title)', terms, view.glossary?.title ?? [])}</h1>
  <div class="body" id="item-body">${highlightOriginal(item.body ?? '', terms, view.glossary?.body ?? [])}</div>
  ${view.glossary && view.glossary.title.length + view.glossary.body.length > 0 ? html`<p class="provenance">Underlined: glossary terms — point at one for its English.</p>` : ''}
</section>
${englishPanel(view, view.conflict ?? current)}
</div>
${seizureFactsBlock(item.facts)}
</article>
${storyPanel(view)}
${auditTable(view.audit)}
<script type="application/json" id="item-data">${jsonForHtml({ id: item.id, url: safeHref(item.url), title: item.title, version: item.version })}</script>`;
}
