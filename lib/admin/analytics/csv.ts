/**
 * CSV in RFC 4180's shape: comma-separated, CRLF line ends, a field quoted when it holds a comma,
 * quote, CR or LF, with quotes doubled. Text cells that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or CR that some spreadsheets skip first) get a leading
 * apostrophe, so an admin-authored quest title like `=HYPERLINK(…)` opens as text. Numbers are
 * written as numbers and never prefixed.
 */
export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
