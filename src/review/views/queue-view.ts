import type { QueueCounts } from '../../db/queue-repo.js';
import { reviewStatuses } from '../../db/queue-repo.js';
import type { QueueRow, StoryReportLine } from '../../db/queue-stories-repo.js';
import type { SessionUser } from '../../db/users-repo.js';
import type { BulkPlan, ReviewAction } from '../../domain/review-states.js';
import { countryCodes } from '../../domain/types.js';
import { DEFAULT_QUEUE_STATUS, type QueueQuery, queryString, queueContextParam } from '../filters.js';
import { html, type SafeHtml, safeHref } from '../html.js';
import { csrfField, formatLocalDateTime, localDateCell } from './layout.js';

export interface QueueView {
  user: SessionUser;
  query: QueueQuery;
  rows: QueueRow[];
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
  any: { value: string; label: string } = { value: '', label: 'any' },
): SafeHtml {
  return html`<label>${label}
  <select name="${name}">
    <option value="${any.value}">${any.label}</option>
    ${values.map((value) => html`<option value="${value}"${value === current ? html` selected` : ''}>${value}</option>`)}
  </select></label>`;
}

function filterForm(view: QueueView): SafeHtml {
  const q = view.query;
  // The queue opens on the drafts waiting for a decision; "any" must be asked for.
  const status = q.status === 'any' ? '' : (q.status ?? DEFAULT_QUEUE_STATUS);
  return html`<form method="get" action="/queue" class="filters" id="filters">
  ${select('status', 'Status', reviewStatuses, status, { value: 'any', label: 'any' })}
  ${select('country', 'Country', countryCodes, q.country)}
  ${select('lang', 'Language', view.options.languages, q.lang)}
  ${select('source', 'Source', view.options.sources, q.source)}
  <label>From <input type="date" name="from" value="${q.from ?? ''}"></label>
  <label>To <input type="date" name="to" value="${q.to ?? ''}"></label>
  <label>Score ≥ <input type="number" step="any" name="min_score" value="${q.min_score ?? ''}" class="short"></label>
  <label>Score ≤ <input type="number" step="any" name="max_score" value="${q.max_score ?? ''}" class="short"></label>
  <label>Text <input type="search" name="q" value="${q.q ?? ''}" placeholder="words in title or body" title="Any word form and spelling (наркомания, qo'lga, sheher); drug names in every language (heroin = героин, ҳероин, geroin); OR, -word, &quot;phrase&quot;"></label>
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
      .map(([value, n]) => {
        const on = (view.query[key] ?? (key === 'status' ? DEFAULT_QUEUE_STATUS : undefined)) === value;
        return html`<a class="facet${on ? ' on' : ''}" href="/queue${queryString(view.query, { [key]: value, page: undefined })}">${value} <b>${n}</b></a>`;
      });
  return html`<div class="facets" id="counts">
  <div><span class="label" title="reports, one per article">Status</span> ${facet('status', view.counts.byStatus)}</div>
  <div><span class="label">Country</span> ${facet('country', view.counts.byCountry)}</div>
</div>`;
}

const fateOf = (report: { status: string; filter_reason?: string | null }) =>
  report.status === 'filtered' ? `filtered: ${report.filter_reason ?? '?'}` : report.status;

const distinct = (values: ReadonlyArray<string | null>) =>
  [...new Set(values.filter((value): value is string => value !== null))].sort();

/** `3 reports · kaz, rus, eng · KZ · 1 approved, 2 covered` */
function storySummary(row: QueueRow): string {
  const tally = new Map<string, number>();
  for (const report of row.reports) tally.set(report.status, (tally.get(report.status) ?? 0) + 1);
  return [
    `Story #${row.story_id}: ${row.reports.length} reports`,
    distinct(row.reports.map((report) => report.lang)).join(', ') || '—',
    distinct(row.reports.map((report) => report.country)).join(', ') || '—',
    [...tally].map(([status, n]) => `${n} ${status}`).join(', '),
  ].join(' · ');
}

function reportLine(report: StoryReportLine, row: QueueRow, context: string): SafeHtml {
  return html`<li data-report="${report.id}"${report.id === row.id ? html` class="primary"` : ''}>
  <a href="/items/${report.id}?${context}">${report.title || '(no title)'}</a>
  <small>${report.source_id} · ${report.lang ?? '—'} · ${report.country ?? '—'} · ${formatLocalDateTime(report.published_at, report.timezone)} ·
  <span class="report-status status-${report.status}">${report.status}</span>${report.covered_by ? html` by <a href="/items/${report.covered_by}?${context}">#${report.covered_by}</a>` : ''}${report.id === row.id ? ' · primary' : ''}</small>
</li>`;
}

function row(item: QueueRow, view: QueueView): SafeHtml {
  const context = queueContextParam(view.query);
  const many = item.reports.length > 1;
  return html`<tr data-id="${item.id}" data-url="${safeHref(item.url) ?? ''}" data-version="${item.version}" data-story="${item.story_id ?? ''}" data-reports="${item.reports.length}">
  <td><input type="checkbox" name="ids" value="${item.id}" form="bulk" aria-label="select #${item.id}"></td>
  <td class="date">${localDateCell(item.published_at, item.timezone)}</td>
  <td>${item.country ?? '—'}</td>
  <td>${item.lang ?? '—'}</td>
  <td class="status status-${item.status}">${fateOf(item)}</td>
  <td class="num">${(item.score ?? 0).toFixed(1)}</td>
  <td class="title"><a href="/items/${item.id}?${context}">${item.title || '(no title)'}</a><br><small>${item.source_id}</small>
  ${
    many
      ? html`<details class="story-reports"${view.query.story ? html` open` : ''}><summary>${storySummary(item)}</summary>
  <ul>${item.reports.map((report) => reportLine(report, item, context))}</ul></details>`
      : ''
  }</td>
</tr>`;
}

function pagination(view: QueueView): SafeHtml {
  const page = view.query.page ?? 1;
  const last = Math.max(1, Math.ceil(view.total / view.pageSize));
  return html`<p class="pages">${view.total} row(s): stories, and reports in no story · page ${page} of ${last}
  ${page > 1 ? html`<a rel="prev" href="/queue${queryString(view.query, { page: page - 1 })}">← previous</a>` : ''}
  ${page < last ? html`<a rel="next" href="/queue${queryString(view.query, { page: page + 1 })}">next →</a>` : ''}</p>`;
}

export function queueBody(view: QueueView): SafeHtml {
  return html`<h1>Draft queue</h1>
${view.notice ? html`<p class="notice" role="status" id="queue-notice">${view.notice}</p>` : ''}
${filterForm(view)}
${facets(view)}
<form method="post" action="/queue/bulk" id="bulk" class="bulk">
  ${csrfField(view.user)}
  <input type="hidden" name="back" value="${queryString(view.query, {})}">
  <button type="submit" name="action" value="approve">Approve selected</button>
  <button type="submit" name="action" value="reject">Reject selected</button>
  <input type="text" name="reason" placeholder="reason for rejecting" aria-label="reason for rejecting">
  <span class="keys">One row per story: a decision covers its other reports. Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>x</kbd> select · <kbd>a</kbd> approve · <kbd>r</kbd> reject · <kbd>s</kbd> show the story's reports · <kbd>e</kbd> edit · <kbd>o</kbd> open source · <kbd>Enter</kbd> open item · <kbd>n</kbd>/<kbd>p</kbd> next/previous page</span>
</form>
<table class="queue" id="queue">
<thead><tr><th></th><th>Published (source's time)</th><th>CC</th><th>Lang</th><th>Status</th><th>Score</th><th>Title and story</th></tr></thead>
<tbody>
${view.rows.map((item) => row(item, view))}
</tbody>
</table>
${view.rows.length === 0 ? html`<p class="empty">Nothing matches these filters.</p>` : ''}
${pagination(view)}`;
}

const verbs: Readonly<Record<ReviewAction, { verb: string; done: string }>> = {
  approve: { verb: 'Approve', done: 'approved' },
  reject: { verb: 'Reject', done: 'rejected' },
  rescue: { verb: 'Rescue', done: 'rescued' },
};

function refusedText(action: ReviewAction, refused: BulkPlan['refused']): string {
  const byStatus = new Map<string, number>();
  for (const entry of refused) byStatus.set(entry.status, (byStatus.get(entry.status) ?? 0) + 1);
  const list = [...byStatus].map(([status, n]) => `${n} ${status}`).join(', ');
  return `${refused.length} of the selected cannot be ${verbs[action].done} (${list})`;
}

/** The confirmation step of a bulk action: it names how many reports change, or says that nothing would. */
export function bulkConfirmBody(options: {
  user: SessionUser;
  action: ReviewAction;
  ids: readonly number[];
  reason: string | undefined;
  back: string;
  plan: BulkPlan & { missing: number[] };
}): SafeHtml {
  const { action, plan } = options;
  const { verb, done } = verbs[action];
  const cancel = html`<a href="/queue${options.back}" id="bulk-cancel">Back to the queue</a>`;
  if (options.ids.length === 0) {
    return html`<h1>${verb} selected</h1><p class="error" role="alert" id="bulk-nothing">Nothing was selected: tick rows (or press <kbd>x</kbd>) first. Nothing was changed.</p><p>${cancel}</p>`;
  }
  if (plan.changed.length === 0 && plan.covered.length === 0) {
    const why = plan.refused.length
      ? `${refusedText(action, plan.refused)}.`
      : 'The selected items no longer exist.';
    return html`<h1>${verb} selected</h1><p class="error" role="alert" id="bulk-nothing">Nothing to do: none of the ${options.ids.length} selected item(s) can be ${done}. ${why} Nothing was changed.</p><p>${cancel}</p>`;
  }
  return html`<h1>${verb} ${plan.changed.length} item(s)?</h1>
<form method="post" action="/queue/bulk" id="bulk-confirm">
  ${csrfField(options.user)}
  ${options.ids.map((id) => html`<input type="hidden" name="ids" value="${id}">`)}
  <input type="hidden" name="action" value="${action}">
  <input type="hidden" name="back" value="${options.back}">
  <input type="hidden" name="confirm" value="yes">
  ${options.reason ? html`<input type="hidden" name="reason" value="${options.reason}">` : ''}
  <ul id="bulk-summary">
    <li><strong>${plan.changed.length}</strong> item(s) will be ${done}${action === 'reject' && options.reason ? html` (reason: ${options.reason})` : ''}.</li>
    ${plan.covered.length ? html`<li><strong>${plan.covered.length}</strong> other report(s) of their stories will be covered by that decision.</li>` : ''}
    ${plan.refused.length ? html`<li>${refusedText(action, plan.refused)}: left as they are.</li>` : ''}
    ${plan.missing.length ? html`<li>${plan.missing.length} selected item(s) no longer exist.</li>` : ''}
  </ul>
  <button type="submit" id="bulk-confirm-button">${verb} ${plan.changed.length} item(s)</button> ${cancel}
</form>`;
}

/** What a confirmed bulk action did, on the queue it returns to. */
export function bulkResultNotice(result: {
  action: ReviewAction;
  done: number;
  covered: number;
  skipped: number;
}): string {
  const { done } = verbs[result.action];
  if (result.done === 0 && result.covered === 0) {
    return `Nothing was changed: none of the selected items could be ${done}${result.skipped ? ` (${result.skipped} skipped: changed meanwhile or not ${result.action === 'approve' ? 'approvable' : 'rejectable'})` : ''}.`;
  }
  const parts = [`${result.done} item(s) ${done}`];
  if (result.covered) parts.push(`${result.covered} other report(s) of their stories covered`);
  if (result.skipped) parts.push(`${result.skipped} skipped`);
  return `${parts.join(', ')}.`;
}
