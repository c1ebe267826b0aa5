import type { QueueCounts, QueueItem } from '../../db/queue-repo.js';
import { reviewStatuses } from '../../db/queue-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import { countryCodes } from '../../domain/types.js';
import { type QueueQuery, queryString } from '../filters.js';
import { html, type SafeHtml, safeHref } from '../html.js';
import { csrfField, formatDate } from './layout.js';

export interface QueueView {
  user: SessionUser;
  query: QueueQuery;
  items: QueueItem[];
  total: number;
  pageSize: number;
  counts: QueueCounts;
  options: { sources: string[]; languages: string[] };
  notice?: string | undefined;
}

function select(
  name: string,
  label: string,
  values: readonly string[],
  current: string | undefined,
): SafeHtml {
  return html`<label>${label}
  <select name="${name}">
    <option value="">any</option>
    ${values.map((value) => html`<option value="${value}"${value === current ? html` selected` : ''}>${value}</option>`)}
  </select></label>`;
}

function filterForm(view: QueueView): SafeHtml {
  const q = view.query;
  return html`<form method="get" action="/queue" class="filters" id="filters">
  ${select('status', 'Status', reviewStatuses, q.status)}
  ${select('country', 'Country', countryCodes, q.country)}
  ${select('lang', 'Language', view.options.languages, q.lang)}
  ${select('source', 'Source', view.options.sources, q.source)}
  <label>From <input type="date" name="from" value="${q.from ?? ''}"></label>
  <label>To <input type="date" name="to" value="${q.to ?? ''}"></label>
  <label>Score ≥ <input type="number" step="any" name="min_score" value="${q.min_score ?? ''}" class="short"></label>
  <label>Score ≤ <input type="number" step="any" name="max_score" value="${q.max_score ?? ''}" class="short"></label>
  <label>Text <input type="search" name="q" value="${q.q ?? ''}" placeholder="words in title or body"></label>
  ${q.story ? html`<label>Story <input type="number" name="story" value="${q.story}" class="short"></label>` : ''}
  <label>Sort <select name="sort">
    <option value="date">newest first</option>
    <option value="score"${q.sort === 'score' ? html` selected` : ''}>highest score</option>
  </select></label>
  <button type="submit">Filter</button> <a href="/queue">reset</a>
</form>`;
}

function facets(view: QueueView): SafeHtml {
  const facet = (key: 'status' | 'country', counts: Record<string, number>) =>
    Object.entries(counts)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([value, n]) =>
          html`<a class="facet${view.query[key] === value ? ' on' : ''}" href="/queue${queryString(view.query, { [key]: value, page: undefined })}">${value} <b>${n}</b></a>`,
      );
  return html`<div class="facets" id="counts">
  <div><span class="label">Status</span> ${facet('status', view.counts.byStatus)}</div>
  <div><span class="label">Country</span> ${facet('country', view.counts.byCountry)}</div>
</div>`;
}

function row(item: QueueItem): SafeHtml {
  const fate = item.status === 'filtered' ? `filtered: ${item.filter_reason ?? '?'}` : item.status;
  return html`<tr data-id="${item.id}" data-url="${safeHref(item.url) ?? ''}" data-version="${item.version}">
  <td><input type="checkbox" name="ids" value="${item.id}" form="bulk" aria-label="select #${item.id}"></td>
  <td>${formatDate(item.published_at)}</td>
  <td>${item.country ?? '—'}</td>
  <td>${item.lang ?? '—'}</td>
  <td class="status status-${item.status}">${fate}</td>
  <td class="num">${(item.score ?? 0).toFixed(1)}</td>
  <td class="title"><a href="/items/${item.id}">${item.title || '(no title)'}</a><br><small>${item.source_id}</small></td>
</tr>`;
}

function pagination(view: QueueView): SafeHtml {
  const page = view.query.page ?? 1;
  const last = Math.max(1, Math.ceil(view.total / view.pageSize));
  return html`<p class="pages">${view.total} item(s) · page ${page} of ${last}
  ${page > 1 ? html`<a rel="prev" href="/queue${queryString(view.query, { page: page - 1 })}">← previous</a>` : ''}
  ${page < last ? html`<a rel="next" href="/queue${queryString(view.query, { page: page + 1 })}">next →</a>` : ''}</p>`;
}

export function queueBody(view: QueueView): SafeHtml {
  return html`<h1>Draft queue</h1>
${view.notice ? html`<p class="notice" role="status">${view.notice}</p>` : ''}
${filterForm(view)}
${facets(view)}
<form method="post" action="/queue/bulk" id="bulk" class="bulk">
  ${csrfField(view.user)}
  <input type="hidden" name="back" value="${queryString(view.query, {})}">
  <button type="submit" name="action" value="approve">Approve selected</button>
  <button type="submit" name="action" value="reject">Reject selected</button>
  <input type="text" name="reason" placeholder="reason for rejecting" aria-label="reason for rejecting">
  <span class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>e</kbd> edit · <kbd>o</kbd> open source · <kbd>Enter</kbd> open item · <kbd>n</kbd>/<kbd>p</kbd> next/previous page</span>
</form>
<table class="queue" id="queue">
<thead><tr><th></th><th>Date</th><th>CC</th><th>Lang</th><th>Status</th><th>Score</th><th>Title</th></tr></thead>
<tbody>
${view.items.map(row)}
</tbody>
</table>
${view.items.length === 0 ? html`<p class="empty">Nothing matches these filters.</p>` : ''}
${pagination(view)}`;
}
