/**
 * The one CSV cell writer of every export (audit trail, registry). A cell a spreadsheet program would
 * read as a formula — starting with = + - @, or with a tab or carriage return that it strips before
 * looking (OWASP "CSV injection") — gets a leading apostrophe, so it is shown as text and never run.
 * Quotes inside a cell are doubled (RFC 4180).
 */

/** A leading character that makes a spreadsheet program evaluate the cell. */
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvCellOptions {
  /** Quote every cell (a fixed-shape export); otherwise only cells that need it. */
  alwaysQuote?: boolean;
}

/** Text of a value: null/undefined empty, strings as they are, anything else as JSON. */
const textOf = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export function csvCell(value: unknown, options: CsvCellOptions = {}): string {
  const text = textOf(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  const quote = options.alwaysQuote || /[",\n\r]/.test(safe);
  return quote ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One CSV record (without its line ending). */
export const csvRow = (values: readonly unknown[], options: CsvCellOptions = {}): string =>
  values.map((v) => csvCell(v, options)).join(',');
