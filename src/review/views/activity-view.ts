import type { ActivityEntry } from '../../db/activity-repo.js';
import { html, type SafeHtml } from '../html.js';
import { formatDateTime } from './layout.js';

export interface ActivityQuery {
  person?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page?: number | undefined;
}

/** `?person=…&from=…` of these filters with some values replaced; empty values are left out. */
export function activityQueryString(query: ActivityQuery, changes: Partial<ActivityQuery> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

const MAX_DETAIL_CHARS = 300;

function compactJson(value: Record<string, unknown> | null): string {
  if (!value) return '';
  const text = JSON.stringify(value);
  return text.length > MAX_DETAIL_CHARS ? `${text.slice(0, MAX_DETAIL_CHARS)}…` : text;
}

function itemCell(entry: ActivityEntry): SafeHtml {
  if (entry.article_id === null) return html`<span class="empty">—</span>`;
  return html`<a href="/items/${entry.article_id}">#${entry.article_id}</a> ${entry.item_title ?? ''}`;
}

function detailsCell(entry: ActivityEntry): SafeHtml {
  const before = compactJson(entry.before);
  const after = compactJson(entry.after);
  if (before && after) return html`<code>${before}</code> → <code>${after}</code>`;
  return html`<code>${before || after}</code>`;
}

function options(values: readonly string[], selected: string | undefined, any: string): SafeHtml {
  return html`<option value="">${any}</option>${values.map(
    (value) => html`<option value="${value}"${value === selected ? html` selected` : ''}>${value}</option>`,
  )}`;
}

/** First and last day of the month of `day` and of the month before, as YYYY-MM-DD. */
function monthsAround(today: Date): Array<{ label: string; from: string; to: string }> {
  const month = (offset: number) => {
    const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + offset, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
  };
  return [
    { label: 'this month', ...month(0) },
    { label: 'last month', ...month(-1) },
  ];
}

/** The global activity page: who did what to which item, filtered, paginated, with its CSV export. */
export function activityBody(view: {
  query: ActivityQuery;
  entries: ActivityEntry[];
  total: number;
  pageSize: number;
  people: readonly string[];
  actions: readonly string[];
  accountActionsShown: boolean;
  today: Date;
}): SafeHtml {
  const { query } = view;
  const page = query.page ?? 1;
  const last = Math.max(1, Math.ceil(view.total / view.pageSize));
  const first = view.total === 0 ? 0 : (page - 1) * view.pageSize + 1;
  const end = Math.min(view.total, page * view.pageSize);
  const filters = { ...query, page: undefined };
  return html`<h1>Activity</h1>
<p>Who did what, newest first (times in UTC).${view.accountActionsShown ? '' : ' Logins and account changes are shown to admins only.'}</p>
<form method="get" action="/activity" id="activity-filters" class="filters">
  <label>Person <select name="person">${options(view.people, query.person, 'anyone')}</select></label>
  <label>Action <select name="action">${options(view.actions, query.action, 'any')}</select></label>
  <label>From <input type="date" name="from" value="${query.from ?? ''}"></label>
  <label>To <input type="date" name="to" value="${query.to ?? ''}"></label>
  <button type="submit">Filter</button>
  <a href="/activity">Clear</a>
</form>
<p class="periods">${monthsAround(view.today).map(
    (period) =>
      html`<a class="facet" href="/activity${activityQueryString(filters, { from: period.from, to: period.to })}">${period.label}</a>`,
  )}</p>
<p id="activity-total">${view.total === 0 ? 'No entries.' : `Entries ${first}–${end} of ${view.total}.`}
  <a href="/activity.csv${activityQueryString(filters)}" download>Download CSV</a></p>
<table id="activity-log"><thead><tr><th>When</th><th>Who</th><th>What</th><th>Item</th><th>Details</th></tr></thead><tbody>
${view.entries.map(
  (entry) =>
    html`<tr data-id="${entry.id}"><td>${formatDateTime(entry.created_at)}</td><td class="who">${entry.user_name}</td><td class="action">${entry.action}</td><td class="item">${itemCell(entry)}</td><td class="details">${detailsCell(entry)}</td></tr>`,
)}
</tbody></table>
<p class="pager">Page ${page} of ${last}
  ${page > 1 ? html`<a rel="prev" href="/activity${activityQueryString(query, { page: page - 1 })}">← newer</a>` : ''}
  ${page < last ? html`<a rel="next" href="/activity${activityQueryString(query, { page: page + 1 })}">older →</a>` : ''}</p>`;
}
