/**
 * CSV for spreadsheets (RFC 4180, CRLF line ends, a BOM so that Excel reads UTF-8). Cells that a spreadsheet
 * would run as a formula (starting with = + - @, a tab or a carriage return) get a leading apostrophe:
 * harvested titles are untrusted text.
 */
export const CSV_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replaceAll('"', '""')}"`;
}

export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
