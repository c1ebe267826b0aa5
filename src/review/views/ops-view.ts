import type { CountryCoverage, SourceHealth } from '../../db/coverage-repo.js';
import type { SeizureSum } from '../../db/seizure-sums-repo.js';
import { countryCodes } from '../../domain/types.js';
import { html, type SafeHtml } from '../html.js';
import { formatDate, formatDateTime } from './layout.js';
import { seizureChart, seizureTable } from './seizures-view.js';

export interface CoveragePeriod {
  month: string;
  from: string;
  to: string;
  previous: { month: string; from: string; to: string };
}

const addMonths = (year: number, month: number, delta: number) =>
  new Date(Date.UTC(year, month - 1 + delta, 1));
const monthOf = (date: Date) => date.toISOString().slice(0, 7);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** A bulletin covers one calendar month; `month` is YYYY-MM. */
export function coveragePeriod(month: string): CoveragePeriod {
  const [year, number] = month.split('-').map(Number) as [number, number];
  const start = addMonths(year, number, 0);
  const previous = addMonths(year, number, -1);
  return {
    month: monthOf(start),
    from: dayOf(start),
    to: dayOf(addMonths(year, number, 1)),
    previous: { month: monthOf(previous), from: dayOf(previous), to: dayOf(start) },
  };
}

const BAR = { height: 18, gap: 10, labelWidth: 40, width: 560, valueWidth: 150 };

/**
 * Horizontal bars per member state: approved and still-new items of the period stacked, the previous
 * bulletin's count as a tick mark. Countries with no item at all in the period are flagged in red.
 */
export function coverageChart(rows: readonly CountryCoverage[]): SafeHtml {
  const byCountry = new Map(rows.map((row) => [row.country, row]));
  const data = countryCodes.map(
    (country) => byCountry.get(country) ?? { country, approved: 0, fresh: 0, previous: 0 },
  );
  const max = Math.max(1, ...data.map((row) => Math.max(row.approved + row.fresh, row.previous)));
  const scale = (n: number) => (n / max) * (BAR.width - BAR.labelWidth - BAR.valueWidth);
  const rowHeight = BAR.height + BAR.gap;
  const height = data.length * rowHeight + 30;
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="coverage-chart" role="img"
  aria-label="Items per country" width="${BAR.width}" height="${height}" viewBox="0 0 ${BAR.width} ${height}">
${data.map((row, index) => {
  const y = index * rowHeight + 4;
  const x = BAR.labelWidth;
  const none = row.approved + row.fresh === 0;
  return html`<g class="${none ? 'missing' : ''}" data-country="${row.country}">
  <text x="0" y="${y + 13}" fill="${none ? '#b00020' : '#222'}" font-size="13" font-weight="${none ? 'bold' : 'normal'}">${row.country}</text>
  <rect x="${x}" y="${y}" width="${scale(row.approved)}" height="${BAR.height}" fill="#2e7d32"><title>${row.country}: ${row.approved} approved</title></rect>
  <rect x="${x + scale(row.approved)}" y="${y}" width="${scale(row.fresh)}" height="${BAR.height}" fill="#90caf9"><title>${row.country}: ${row.fresh} new</title></rect>
  <line x1="${x + scale(row.previous)}" x2="${x + scale(row.previous)}" y1="${y - 2}" y2="${y + BAR.height + 2}" stroke="#222" stroke-width="2"><title>previous bulletin: ${row.previous}</title></line>
  <text x="${x + scale(Math.max(row.approved + row.fresh, row.previous)) + 6}" y="${y + 13}" font-size="12" fill="#222">${none ? 'none!' : `${row.approved} + ${row.fresh}`} (prev. ${row.previous})</text>
</g>`;
})}
<g transform="translate(0 ${height - 12})" font-size="11" fill="#222">
  <rect x="${BAR.labelWidth}" y="-9" width="10" height="10" fill="#2e7d32"/><text x="${BAR.labelWidth + 14}" y="0">approved</text>
  <rect x="${BAR.labelWidth + 80}" y="-9" width="10" height="10" fill="#90caf9"/><text x="${BAR.labelWidth + 94}" y="0">new</text>
  <line x1="${BAR.labelWidth + 140}" x2="${BAR.labelWidth + 140}" y1="-10" y2="1" stroke="#222" stroke-width="2"/><text x="${BAR.labelWidth + 146}" y="0">previous bulletin</text>
</g>
</svg>`;
}

const daysSince = (date: Date | null, now: Date) =>
  date ? Math.floor((now.getTime() - date.getTime()) / 86_400_000) : null;

export function healthTable(
  sources: readonly SourceHealth[],
  now: Date,
  config: ReadonlyMap<string, { enabled: boolean; schedule: string | undefined }>,
  action?: (sourceId: string) => SafeHtml,
): SafeHtml {
  return html`<table class="sources" id="sources"><thead><tr><th>Source</th><th>Enabled</th><th>Schedule</th><th>Last run</th><th>Status</th><th>Error streak</th><th>Items</th><th>Days since last relevant</th>${action ? html`<th></th>` : ''}</tr></thead><tbody>
${sources.map((source) => {
  const declared = config.get(source.source_id);
  const days = daysSince(source.last_relevant_at, now);
  return html`<tr class="${source.error_streak > 0 ? 'failing' : ''}">
  <td>${source.source_id}</td>
  <td>${declared ? (declared.enabled ? 'yes' : 'no') : 'not in config'}</td>
  <td>${declared?.schedule ?? '—'}</td>
  <td>${formatDateTime(source.last_run_at)}</td>
  <td title="${source.last_error ?? ''}">${source.last_status ?? '—'}</td>
  <td class="num">${source.error_streak}</td>
  <td class="num">${source.items_found}</td>
  <td class="num">${days ?? '—'}${source.last_relevant_at ? html` <small>(${formatDate(source.last_relevant_at)})</small>` : ''}</td>
  ${action && declared ? html`<td>${action(source.source_id)}</td>` : action ? html`<td></td>` : ''}
</tr>`;
})}
</tbody></table>`;
}

export function coverageBody(options: {
  period: CoveragePeriod;
  rows: CountryCoverage[];
  seizures: SeizureSum[];
  health: SourceHealth[];
  config: ReadonlyMap<string, { enabled: boolean; schedule: string | undefined }>;
  now: Date;
}): SafeHtml {
  const { period } = options;
  const missing = countryCodes.filter(
    (code) => !options.rows.some((row) => row.country === code && row.approved + row.fresh > 0),
  );
  return html`<h1>Coverage of ${period.month}</h1>
<form method="get" action="/coverage" class="filters"><label>Month <input type="month" name="month" value="${period.month}"></label><button type="submit">Show</button></form>
${coverageChart(options.rows)}
${missing.length > 0 ? html`<p class="error" id="missing-countries">No item yet for: ${missing.join(', ')}</p>` : html`<p class="notice">Every member state has items.</p>`}
<h2>Seizures of the month</h2>
<p>Stated in the new, approved and published items of ${period.month}, each story counted once; period statistics are left out. <a href="/coverage/seizures.csv?month=${period.month}" id="seizures-csv">Download CSV</a></p>
${seizureChart(options.seizures)}
${seizureTable(options.seizures)}
<h2>Source health</h2>
${healthTable(options.health, options.now, options.config)}`;
}
