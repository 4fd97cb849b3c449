/**
 * The one reader of every Excel import (.xlsx made from one of the system's templates): the header row
 * is checked against the template's, every non-empty data row is returned as text cells with its row
 * number, an empty or too long file is refused, and each import reports its problems as "第N行：…" through
 * `RowErrors` — all of them at once, and nothing imported while any remains (all or nothing).
 */
import ExcelJS from 'exceljs';
import { invalid, type ErrorDetail } from '@skillcert/domain';

/** Comparison form of Chinese text: full-width folded, spaces removed, Chinese parentheses made ASCII. */
export const fold = (s: string) =>
  s.normalize('NFKC').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');

/** Header comparison: the words before any parenthesised hint. */
export const headerKey = (s: string) => fold(s).split('(')[0] ?? '';

export const cellText = (cell: ExcelJS.Cell): string =>
  String(cell.text ?? '')
    .normalize('NFKC')
    .trim();

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A date cell, a date serial number or text such as 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日. */
export function cellDate(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10); // ExcelJS dates are UTC midnight
  if (typeof value === 'number' && value > 1 && value < 2_958_466) {
    return new Date(Date.UTC(1899, 11, 30) + Math.round(value) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = cellText(cell);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text);
  return m ? `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}` : text;
}

export interface RawRow {
  row: number;
  cells: string[];
}

/**
 * The first sheet's data rows, each cell as text (0-based `dateColumns` read as YYYY-MM-DD when they hold
 * a date). Refuses a file that is not .xlsx or whose header differs from the template's.
 */
export async function readSheetRows(
  buffer: Buffer,
  headers: readonly string[],
  dateColumns: readonly number[] = [],
): Promise<RawRow[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw invalid('IMPORT_FILE_INVALID', '无法读取该文件：请上传用导入模板填写的 .xlsx 文件');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid('IMPORT_FILE_INVALID', '文件中没有工作表');
  const columns = headers.length;
  const header = Array.from({ length: columns }, (_, i) =>
    headerKey(cellText(sheet.getRow(1).getCell(i + 1))),
  );
  if (!header.every((h, i) => h === headerKey(headers[i]!))) {
    throw invalid('IMPORT_HEADER_INVALID', `表头应依次为：${headers.join('、')}；请下载导入模板填写`);
  }
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Array.from({ length: columns }, (_, i) =>
      dateColumns.includes(i) ? cellDate(row.getCell(i + 1)) : cellText(row.getCell(i + 1)),
    );
    if (cells.some((v) => v !== '')) rows.push({ row: rowNumber, cells });
  });
  return rows;
}

export interface ImportSheet {
  /** The template's header row (text in parentheses is a hint, not compared). */
  headers: readonly string[];
  /** 0-based columns read as YYYY-MM-DD when they hold a date. */
  dateColumns?: readonly number[];
  /** More data rows than this → refused, to be imported in parts. */
  maxRows: number;
}

/** The data rows of an import file: refused when unreadable, of another header, empty or too long. */
export async function readImportSheet(buffer: Buffer, sheet: ImportSheet): Promise<RawRow[]> {
  const rows = await readSheetRows(buffer, sheet.headers, sheet.dateColumns);
  if (rows.length === 0) throw invalid('IMPORT_EMPTY', '文件中没有数据行（第2行起填写）');
  if (rows.length > sheet.maxRows) {
    throw invalid(
      'IMPORT_TOO_MANY_ROWS',
      `一次最多导入${sheet.maxRows}行，当前为${rows.length}行，请分批导入`,
    );
  }
  return rows;
}

/** Reports one problem of a row: a stable code and a Chinese message (the row number is added). */
export type RowFail = (row: number, code: string, message: string) => void;

/** The problems found in an import's rows; any of them refuses the whole file. */
export class RowErrors {
  readonly details: ErrorDetail[] = [];

  readonly fail: RowFail = (row, code, message) => {
    this.details.push({ code, message: `第${row}行：${message}`, field: `row${row}` });
  };

  get count(): number {
    return this.details.length;
  }

  /** 400 IMPORT_ROWS_INVALID with every problem in row order (a row's own in the order found). */
  throwIfAny(): void {
    if (this.details.length === 0) return;
    const rowOf = (d: ErrorDetail) => Number(d.field?.slice(3));
    const details = this.details.map((d, i) => ({ d, i }));
    details.sort((a, b) => rowOf(a.d) - rowOf(b.d) || a.i - b.i);
    throw invalid(
      'IMPORT_ROWS_INVALID',
      `导入文件有${this.details.length}处错误，未导入任何数据，请修改后重新上传`,
      details.map((x) => x.d),
    );
  }
}

/**
 * Checks each row with `check`, which reports the row's problems through `fail` and returns its value;
 * a row with any problem gives no value, so only wholly valid rows come back.
 */
export function checkRows<T>(
  raw: readonly RawRow[],
  errors: RowErrors,
  check: (row: RawRow, fail: (code: string, message: string) => void) => T | undefined,
): T[] {
  const values: T[] = [];
  for (const row of raw) {
    const before = errors.count;
    const value = check(row, (code, message) => errors.fail(row.row, code, message));
    if (value !== undefined && errors.count === before) values.push(value);
  }
  return values;
}
