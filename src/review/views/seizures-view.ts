import type { SeizureSum } from '../../db/seizure-sums-repo.js';
import { type Seizure, type SeizureFacts, seizureFactsSchema } from '../../domain/seizure-facts.js';
import { countryCodes } from '../../domain/types.js';
import { html, type SafeHtml } from '../html.js';

/** `1.2 t`, `3.5 kg`, `240 g`, `0.005 g`: the unit an analyst would write. */
export function formatGrams(grams: number): string {
  const trim = (value: number) => String(Number(value.toFixed(3)));
  if (grams >= 1_000_000) return `${trim(grams / 1_000_000)} t`;
  if (grams >= 1000) return `${trim(grams / 1000)} kg`;
  return `${trim(grams)} g`;
}

export function formatSeizure(seizure: Seizure): string {
  const amounts = [
    seizure.grams !== undefined ? formatGrams(seizure.grams) : undefined,
    seizure.count !== undefined ? `${seizure.count} ${seizure.unit ?? 'pieces'}` : undefined,
  ].filter((part) => part !== undefined);
  return amounts.length > 0
    ? `${seizure.substance}: ${amounts.join(', ')}`
    : `${seizure.substance} (no amount stated)`;
}

/** The stored facts, read back; anything that does not fit the shape is shown as nothing rather than trusted. */
export function readStoredFacts(value: unknown): SeizureFacts | undefined {
  const parsed = seizureFactsSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** The item page's "Seizure facts" block: every string escaped by `html`. */
export function seizureFactsBlock(stored: unknown): SafeHtml {
  const facts = readStoredFacts(stored);
  if (!facts)
    return html`<section id="seizure-facts"><h2>Seizure facts</h2><p class="empty">None stated.</p></section>`;
  const rows: Array<[string, string | undefined]> = [
    ['Detained', facts.detained === undefined ? undefined : String(facts.detained)],
    ['Place', facts.place],
    ['Operation', facts.operation],
    ['Article', facts.article],
  ];
  return html`<section id="seizure-facts"><h2>Seizure facts</h2>
${facts.seizures.length > 0 ? html`<ul class="seizures">${facts.seizures.map((seizure) => html`<li>${formatSeizure(seizure)}</li>`)}</ul>` : html`<p class="empty">No seizure stated.</p>`}
${facts.statistics?.length ? html`<p>Period statistics (not summed): ${facts.statistics.map(formatSeizure).join('; ')}</p>` : ''}
<dl class="facts">${rows.filter(([, value]) => value !== undefined).map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>
</section>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Coverage: sums per country and substance

/** One line of the table: a substance weighed (unit null) or counted in a unit. */
interface SumLine {
  substance: string;
  unit: string | null;
  byCountry: Map<string, SeizureSum>;
}

function sumLines(sums: readonly SeizureSum[]): SumLine[] {
  const lines = new Map<string, SumLine>();
  for (const sum of sums) {
    const key = `${sum.substance}\u0000${sum.unit ?? ''}`;
    const line = lines.get(key) ?? { substance: sum.substance, unit: sum.unit, byCountry: new Map() };
    line.byCountry.set(sum.country, sum);
    lines.set(key, line);
  }
  return [...lines.values()];
}

/** The columns: the member states in house order, then any other country that has seizures. */
function countriesOf(sums: readonly SeizureSum[]): string[] {
  const others = [...new Set(sums.map((sum) => sum.country))].filter(
    (country) => !(countryCodes as readonly string[]).includes(country),
  );
  return [...countryCodes, ...others.sort()];
}

function cell(sum: SeizureSum | undefined): string {
  if (!sum) return '';
  const parts = [
    sum.grams !== null ? formatGrams(sum.grams) : undefined,
    sum.count !== null ? `${sum.count} ${sum.unit ?? ''}`.trim() : undefined,
  ].filter((part) => part !== undefined);
  return parts.join(', ');
}

export function seizureTable(sums: readonly SeizureSum[]): SafeHtml {
  if (sums.length === 0)
    return html`<p class="empty" id="seizure-table">No seizure stated in the items of this month.</p>`;
  const countries = countriesOf(sums);
  return html`<table class="seizure-sums" id="seizure-table"><thead><tr><th>Substance</th>${countries.map((country) => html`<th>${country}</th>`)}</tr></thead><tbody>
${sumLines(sums).map(
  (line) =>
    html`<tr><th>${line.substance}${line.unit ? html` <small>(${line.unit})</small>` : ''}</th>${countries.map((country) => html`<td class="num">${cell(line.byCountry.get(country))}</td>`)}</tr>`,
)}
</tbody></table>`;
}

/** Eight colours told apart in print and by most colour-blind readers (Okabe–Ito, then grey). */
const PALETTE = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#999999'];
const CHART = { label: 190, width: 720, bar: 16, gap: 10 };

/**
 * One bar per substance (weighed, or counted per unit), full width, split by country in proportion to each
 * country's share, with the total written after it: amounts differ by orders of magnitude between substances,
 * so each bar is scaled to itself.
 */
export function seizureChart(sums: readonly SeizureSum[]): SafeHtml {
  const lines = sumLines(sums);
  if (lines.length === 0) return html``;
  const countries = countriesOf(sums);
  const colour = (country: string) => PALETTE[countries.indexOf(country) % PALETTE.length]!;
  const rowHeight = CHART.bar + CHART.gap;
  const height = lines.length * rowHeight + 34;
  const barWidth = CHART.width - CHART.label - 110;
  const amountOf = (sum: SeizureSum, line: SumLine) => (line.unit ? (sum.count ?? 0) : (sum.grams ?? 0));
  return html`<svg xmlns="http://www.w3.org/2000/svg" class="chart" id="seizure-chart" role="img"
  aria-label="Seizures per substance and country" width="${CHART.width}" height="${height}" viewBox="0 0 ${CHART.width} ${height}">
${lines.map((line, index) => {
  const y = index * rowHeight + 4;
  const parts = countries.flatMap((country) => {
    const sum = line.byCountry.get(country);
    return sum && amountOf(sum, line) > 0 ? [{ country, sum, amount: amountOf(sum, line) }] : [];
  });
  const total = parts.reduce((sum, part) => sum + part.amount, 0);
  let x = CHART.label;
  return html`<g data-substance="${line.substance}">
  <text x="0" y="${y + 12}" font-size="12" fill="#222">${line.substance}${line.unit ? ` (${line.unit})` : ''}</text>
  ${parts.map((part) => {
    const width = total > 0 ? (part.amount / total) * barWidth : 0;
    const rect = html`<rect x="${x}" y="${y}" width="${width}" height="${CHART.bar}" fill="${colour(part.country)}" data-country="${part.country}"><title>${part.country}: ${cell(part.sum)}</title></rect>`;
    x += width;
    return rect;
  })}
  <text x="${CHART.label + barWidth + 6}" y="${y + 12}" font-size="12" fill="#222">${line.unit ? `${total} ${line.unit}` : formatGrams(total)}</text>
</g>`;
})}
<g transform="translate(${CHART.label} ${height - 12})" font-size="11" fill="#222">
${countries
  .filter((country) => lines.some((line) => line.byCountry.has(country)))
  .map(
    (country, index) =>
      html`<rect x="${index * 60}" y="-9" width="10" height="10" fill="${colour(country)}"/><text x="${index * 60 + 14}" y="0">${country}</text>`,
  )}
</g>
</svg>`;
}

/** A CSV field: quoted, quotes doubled, and a leading formula character defused for spreadsheets. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The month's sums as CSV: one line per country, substance and unit. */
export function seizureCsv(month: string, sums: readonly SeizureSum[]): string {
  const header = ['month', 'country', 'substance', 'unit', 'grams', 'count', 'items'];
  const lines = sums.map((sum) =>
    [month, sum.country, sum.substance, sum.unit, sum.grams, sum.count, sum.items].map(csvField).join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
