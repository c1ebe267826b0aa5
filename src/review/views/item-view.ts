import type { AuditEntry } from '../../db/audit-repo.js';
import type { ItemEdit, ReviewItem, StoryPeer } from '../../db/items-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import {
  type EnglishSource,
  englishState,
  englishStateLabels,
  isSuggestion,
} from '../../domain/english/provenance.js';
import { countryCodes } from '../../domain/types.js';
import type { EnglishOption } from '../english.js';
import { highlightTerms } from '../highlight.js';
import { externalLink, html, jsonForHtml, type SafeHtml, safeHref } from '../html.js';
import { csrfField, formatDateTime } from './layout.js';

export interface ItemView {
  user: SessionUser;
  item: ReviewItem;
  audit: AuditEntry[];
  story: { storyId: number | null; peers: StoryPeer[] };
  /** English the analyst can take with one key, best first. */
  englishOptions: EnglishOption[];
  notice?: string | undefined;
  /** The analyst's unsaved edit when someone else saved first. */
  conflict?: ItemEdit | undefined;
}

/** `datetime-local` works in local time without a zone; the form states that its values are UTC. */
export function toDateTimeLocal(date: Date | string | null): string {
  if (!date) return '';
  return new Date(date).toISOString().slice(0, 19);
}

function facts(item: ReviewItem): SafeHtml {
  const status = item.status === 'filtered' ? `filtered: ${item.filter_reason ?? '?'}` : item.status;
  return html`<dl class="facts">
  <dt>Source</dt><dd>${item.source_id} · ${externalLink(item.url)}</dd>
  <dt>Status</dt><dd class="status status-${item.status}" id="item-status">${status}</dd>
  ${item.reject_reason ? html`<dt>Rejected because</dt><dd>${item.reject_reason}</dd>` : ''}
  ${item.duplicate_of ? html`<dt>Duplicate of</dt><dd><a href="/items/${item.duplicate_of}">#${item.duplicate_of}</a></dd>` : ''}
  <dt>Language</dt><dd>${item.lang ?? '—'}</dd>
  <dt>Country</dt><dd>${item.country ?? '—'}</dd>
  <dt>Published</dt><dd>${formatDateTime(item.published_at)}</dd>
  <dt>Score</dt><dd>${(item.score ?? 0).toFixed(2)}</dd>
  <dt>Matched</dt><dd>${item.matched.map((term) => html`<span class="term">${term.term} ×${term.count} (${term.field})</span> `)}</dd>
  ${item.reviewed_by ? html`<dt>Reviewed</dt><dd>${item.reviewed_by}, ${formatDateTime(item.reviewed_at)}</dd>` : ''}
  ${item.has_snapshot ? html`<dt>Snapshot</dt><dd><a href="/items/${item.id}/snapshot" target="_blank" rel="noopener">page as fetched</a></dd>` : ''}
  <dt>Version</dt><dd>${item.version}</dd>
</dl>`;
}

function actions(view: ItemView): SafeHtml {
  const { item, user } = view;
  const form = (action: string, label: string, extra: SafeHtml | string = '') =>
    html`<form method="post" action="/items/${item.id}/${action}" class="inline" id="${action}-form">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}">${extra}
  <button type="submit">${label}</button></form>`;
  return html`<div class="actions">
  ${['new', 'rejected'].includes(item.status) ? form('approve', 'Approve (a)') : ''}
  ${['new', 'approved'].includes(item.status) ? form('reject', 'Reject (r)', html`<input type="text" name="reason" id="reject-reason" placeholder="reason" aria-label="reason for rejecting">`) : ''}
  ${item.status === 'filtered' ? form('rescue', 'Rescue into the queue') : ''}
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
  <input type="hidden" name="version" value="${item.version}">
  <label>English title <span class="provenance" id="title-en-source">${provenance(item.title_en_source)}</span>
    <input type="text" name="title_en" id="edit-title-en" value="${values.titleEn ?? ''}" maxlength="1000"></label>
  <label>English body <span class="provenance" id="body-en-source">${provenance(item.body_en_source)}</span>
    <textarea name="body_en" id="edit-body-en" rows="12">${values.bodyEn ?? ''}</textarea></label>
  <label>Country <select name="country">
    <option value="">—</option>
    ${countryCodes.map((code) => html`<option value="${code}"${code === values.country ? html` selected` : ''}>${code}</option>`)}
  </select></label>
  <label>Published (UTC) <input type="datetime-local" step="1" name="published_at" value="${toDateTimeLocal(values.publishedAt)}"></label>
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
    ${csrfField(user)}<input type="hidden" name="version" value="${item.version}"><input type="hidden" name="choice" value="${option.choice}">
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
</section>`;
}

function conflictPanel(item: ReviewItem, yours: ItemEdit): SafeHtml {
  const rows: Array<[string, string | null, string | null]> = [
    ['English title', yours.titleEn, item.title_en],
    ['English body', yours.bodyEn, item.body_en],
    ['Country', yours.country, item.country],
    [
      'Published',
      yours.publishedAt && new Date(yours.publishedAt).toISOString(),
      item.published_at?.toISOString() ?? null,
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

function storyPanel(view: ItemView): SafeHtml {
  const { story, item, user } = view;
  const peers = story.peers.length
    ? html`<h2>Also reported by</h2>
<ul>${story.peers.map((peer) => html`<li><a href="/items/${peer.id}">${peer.title || '(no title)'}</a> — ${peer.source_id}, ${peer.lang ?? '—'}, ${formatDateTime(peer.published_at)}, ${peer.status} · ${externalLink(peer.url, 'source')}</li>`)}</ul>
<p><a href="/queue?story=${story.storyId}">all reports of this story in the queue</a></p>`
    : html`<h2>Story</h2><p>${story.storyId === null ? 'Not in a story.' : html`The only report of story #${story.storyId}.`}</p>`;
  return html`<section id="story">${peers}
<form method="post" action="/items/${item.id}/story" class="inline" id="story-form">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}">
  <label>Move to story # <input type="number" name="story" min="1" class="short" required></label>
  ${story.peers.length ? html`<label><input type="checkbox" name="whole_story"> with the other reports of its story (merge the stories)</label>` : ''}
  <button type="submit">Move</button>
</form>
${
  story.peers.length
    ? html`<form method="post" action="/items/${item.id}/story" class="inline">
  ${csrfField(user)}<input type="hidden" name="version" value="${item.version}"><input type="hidden" name="story" value="new">
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
  return html`<p><a href="/queue">← queue</a></p>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.conflict ? conflictPanel(item, view.conflict) : ''}
<article class="item" id="item">
${facts(item)}
${actions(view)}
<div class="side-by-side">
<section class="original" id="original"${item.lang ? html` data-lang="${item.lang}"` : ''}>
  <h2>Original${item.lang ? html` (${item.lang})` : ''}</h2>
  <h1 id="original-title">${highlightTerms(item.title || '(no title)', terms)}</h1>
  <div class="body" id="item-body">${highlightTerms(item.body ?? '', terms)}</div>
</section>
${englishPanel(view, view.conflict ?? current)}
</div>
</article>
${storyPanel(view)}
${auditTable(view.audit)}
<script type="application/json" id="item-data">${jsonForHtml({ id: item.id, url: safeHref(item.url), title: item.title, version: item.version })}</script>`;
}
