/**
 * The pieces every export, download and upload share: the CSV cell writer (a cell a spreadsheet would
 * run as a formula is opened as text; quotes doubled), the download headers (the Chinese name per
 * RFC 5987, an ASCII fallback per RFC 6266), and upload-and-cleanup (content stored for a record that
 * failed is removed), and the Excel reader of every import (header, rows, per-row errors, all or nothing).
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DomainError } from '@skillcert/domain';
import { csvCell, csvRow } from '../src/documents/csv';
import { asciiFileName, attachment, rfc5987 } from '../src/http/download';
import { recordUploads } from '../src/use-cases/files/uploaded-file';
import type { FileStorage } from '../src/adapters/file-storage';
import { checkRows, readImportSheet, RowErrors } from '../src/use-cases/files/excel-rows';

describe('CSV cell writer', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+1+1', `'+1+1`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `"'\r=1+1"`],
  ])('opens %j as text, never as a formula', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it.each([
    ['湘潭钢铁技工学校', '湘潭钢铁技工学校'],
    ['a=b', 'a=b'],
    ['1-2', '1-2'],
    ['x\t@', 'x\t@'],
    ['', ''],
  ])('leaves %j as it is when it cannot start a formula', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });

  it('doubles quotes and quotes cells holding a comma, quote or line break', () => {
    expect(csvCell('说"明"')).toBe('"说""明"""');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('第一行\n第二行')).toBe('"第一行\n第二行"');
  });

  it('writes empty, number and object values, and quotes every cell when asked', () => {
    expect(csvRow([null, undefined, 12, { a: 1 }])).toBe(',,12,"{""a"":1}"');
    expect(csvRow(['名称', null, '=1'], { alwaysQuote: true })).toBe(`"名称","","'=1"`);
  });
});

describe('download headers', () => {
  it('sends the Chinese name in filename* (RFC 5987) and a readable ASCII fallback', () => {
    const header = attachment('已备案名录导入模板.xlsx', 'filings-template.xlsx');
    expect(header).toBe(
      `attachment; filename="filings-template.xlsx"; filename*=UTF-8''${encodeURIComponent('已备案名录导入模板.xlsx')}`,
    );
    const name = /filename\*=UTF-8''([^;]+)/.exec(header)![1]!;
    expect(decodeURIComponent(name)).toBe('已备案名录导入模板.xlsx');
  });

  it("escapes ' ( ) * in filename*, which RFC 5987 does not allow bare", () => {
    expect(rfc5987("说明(1)'*.pdf")).toBe(`${encodeURIComponent('说明')}%281%29%27%2A.pdf`);
    expect(decodeURIComponent(rfc5987("说明(1)'*.pdf"))).toBe("说明(1)'*.pdf");
  });

  it('derives the fallback from the name: ASCII kept, no quotes or line breaks, never empty', () => {
    expect(asciiFileName('决定书-HN2026-0001.pdf')).toBe('HN2026-0001.pdf');
    expect(asciiFileName('营业执照.pdf')).toBe('download.pdf');
    expect(asciiFileName('a"b\\c;d.pdf')).toBe('a_b_c_d.pdf');
    const uploaded = attachment('现场\r\n照片"1".png');
    expect(uploaded).not.toMatch(/[\r\n]/);
    expect(uploaded).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^"\s]+$/);
  });
});

describe('upload and cleanup', () => {
  const storageHolding = (keys: string[]) => {
    const held = new Set(keys);
    const storage = {
      remove: async (key: string) => {
        held.delete(key);
      },
    } as unknown as FileStorage;
    return { held, storage };
  };

  it('keeps the stored content when the record is written', async () => {
    const { held, storage } = storageHolding(['a', 'b']);
    await expect(recordUploads(storage, [{ key: 'a' }], async () => 'recorded')).resolves.toBe('recorded');
    expect([...held]).toEqual(['a', 'b']);
  });

  it('removes the stored content when recording fails, and the original error goes on', async () => {
    const { held, storage } = storageHolding(['a', 'b', 'c']);
    const refused = new Error('refused');
    await expect(
      recordUploads(storage, [{ key: 'a' }, { key: 'b' }], async () => {
        throw refused;
      }),
    ).rejects.toBe(refused);
    expect([...held]).toEqual(['c']);
  });

  it('reports the original error even when removing fails (the orphan sweep removes it later)', async () => {
    const storage = {
      remove: async () => {
        throw new Error('storage down');
      },
    } as unknown as FileStorage;
    await expect(
      recordUploads(storage, [{ key: 'a' }], async () => {
        throw new Error('conflict');
      }),
    ).rejects.toThrow('conflict');
  });
});

describe('Excel sheet → validated rows', () => {
  const HEADERS = ['单位名称', '列入日期（YYYY-MM-DD）'] as const;
  const sheet = { headers: HEADERS, dateColumns: [1], maxRows: 3 };
  async function xlsx(rows: unknown[][], headers: readonly string[] = HEADERS): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow([...headers]);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  };

  it('reads each data row as text with its spreadsheet row number, dates as YYYY-MM-DD, blank rows skipped', async () => {
    const rows = await readImportSheet(
      await xlsx([['  湖南示例公司 ', new Date(Date.UTC(2025, 2, 1))], [], ['长沙某厂', '2025年3月2日']]),
      sheet,
    );
    expect(rows).toEqual([
      { row: 2, cells: ['湖南示例公司', '2025-03-01'] },
      { row: 4, cells: ['长沙某厂', '2025-03-02'] },
    ]);
  });

  it('refuses a file that is not a workbook, has another header, is empty or too long — in Chinese', async () => {
    const notXlsx = await refusal(readImportSheet(Buffer.from('单位名称,列入日期\n'), sheet));
    expect(notXlsx).toMatchObject({ code: 'IMPORT_FILE_INVALID', kind: 'invalid' });
    const header = await refusal(readImportSheet(await xlsx([['x', '2025-01-01']], ['名称', '日期']), sheet));
    expect(header.code).toBe('IMPORT_HEADER_INVALID');
    expect(header.message).toContain('表头应依次为：单位名称、列入日期');
    expect((await refusal(readImportSheet(await xlsx([]), sheet))).code).toBe('IMPORT_EMPTY');
    const long = await refusal(readImportSheet(await xlsx([['a'], ['b'], ['c'], ['d']]), sheet));
    expect(long).toMatchObject({
      code: 'IMPORT_TOO_MANY_ROWS',
      message: '一次最多导入3行，当前为4行，请分批导入',
    });
  });

  it('keeps only wholly valid rows and refuses the file with every problem, in row order', () => {
    const errors = new RowErrors();
    const raw = [
      { row: 2, cells: ['', 'x'] },
      { row: 3, cells: ['长沙某厂', '2025-03-02'] },
      { row: 4, cells: ['湘潭某厂', ''] },
    ];
    const valid = checkRows(raw, errors, ({ cells: [name = '', date = ''] }, fail) => {
      if (!name) fail('IMPORT_NAME_REQUIRED', '请填写单位名称');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) fail('IMPORT_DATE_INVALID', `列入日期"${date}"应为 YYYY-MM-DD`);
      return { name, date };
    });
    expect(valid).toEqual([{ name: '长沙某厂', date: '2025-03-02' }]);
    errors.fail(3, 'IMPORT_CODE_UNKNOWN', '后来才发现的问题');
    let thrown: unknown;
    try {
      errors.throwIfAny();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({
      code: 'IMPORT_ROWS_INVALID',
      message: '导入文件有4处错误，未导入任何数据，请修改后重新上传',
    });
    expect((thrown as DomainError).details!.map((d) => d.message)).toEqual([
      '第2行：请填写单位名称',
      '第2行：列入日期"x"应为 YYYY-MM-DD',
      '第3行：后来才发现的问题',
      '第4行：列入日期""应为 YYYY-MM-DD',
    ]);
  });

  it('passes a file without problems', () => {
    expect(() => new RowErrors().throwIfAny()).not.toThrow();
  });
});
