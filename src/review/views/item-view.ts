import type { AuditEntry, ItemEdit, ReviewItem, StoryPeer } from '../../db/review-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import { countryCodes } from '../../domain/types.js';
import { highlightTerms } from '../highlight.js';
import { externalLink, html, jsonForHtml, type SafeHtml, safeHref } from '../html.js';
import { csrfField, formatDateTime } from './layout.js';
import { seizureFactsBlock } from './seizures-view.js';

export interface ItemView {
  user: SessionUser;
  item: ReviewItem;
  audit: AuditEntry[];
  story: { storyId: number | null; peers: StoryPeer[] };
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

function editForm(view: ItemView, values: ItemEdit): SafeHtml {
  const { item, user } = view;
  return html`<form method="post" action="/items/${item.id}/edit" class="edit" id="edit-form">
  ${csrfField(user)}
  <input type="hidden" name="version" value="${item.version}">
  <label>Title <input type="text" name="title" id="edit-title" value="${values.title ?? ''}"></label>
  <label>Country <select name="country">
    <option value="">—</option>
    ${countryCodes.map((code) => html`<option value="${code}"${code === values.country ? html` selected` : ''}>${code}</option>`)}
  </select></label>
  <label>Published (UTC) <input type="datetime-local" step="1" name="published_at" value="${toDateTimeLocal(values.publishedAt)}"></label>
  <label>Body <textarea name="body" rows="12">${values.body ?? ''}</textarea></label>
  <label>English summary <textarea name="english_summary" rows="4">${values.englishSummary ?? ''}</textarea></label>
  <button type="submit">Save (version ${item.version})</button>
</form>`;
}

function conflictPanel(item: ReviewItem, yours: ItemEdit): SafeHtml {
  const rows: Array<[string, string | null, string | null]> = [
    ['Title', yours.title, item.title],
    ['Country', yours.country, item.country],
    [
      'Published',
      yours.publishedAt && new Date(yours.publishedAt).toISOString(),
      item.published_at?.toISOString() ?? null,
    ],
    ['Body', yours.body, item.body],
    ['English summary', yours.englishSummary, item.english_summary],
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
    title: item.title,
    body: item.body,
    country: item.country,
    publishedAt: item.published_at?.toISOString() ?? null,
    englishSummary: item.english_summary,
  };
  return html`<p><a href="/queue">← queue</a></p>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${view.conflict ? conflictPanel(item, view.conflict) : ''}
<article class="item" id="item">
<h1>${highlightTerms(item.title || '(no title)', terms)}</h1>
${facts(item)}
${actions(view)}
<div class="body" id="item-body">${highlightTerms(item.body ?? '', terms)}</div>
${item.english_summary ? html`<h2>English summary</h2><p class="summary">${item.english_summary}</p>` : ''}
${seizureFactsBlock(item.facts)}
</article>
${storyPanel(view)}
<section><h2>Edit (e)</h2>${editForm(view, view.conflict ?? current)}</section>
${auditTable(view.audit)}
<script type="application/json" id="item-data">${jsonForHtml({ id: item.id, url: safeHref(item.url), title: item.title, version: item.version })}</script>`;
}
