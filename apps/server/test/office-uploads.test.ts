/**
 * Office materials: a ZIP is accepted as XLSX or DOCX only when its `[Content_Types].xml` declares a
 * workbook or a word-processing document; a plain ZIP archive is refused whatever its name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, type TestContext } from './support/test-app';
import { loginAs, type Session } from './support/http';
import { detail, newDraft, openRound, upload } from './support/filing-fixtures';
import { docxLikeZip, storedZip } from './support/stored-zip';
import { multipart } from './support/multipart';

let ctx: TestContext;
let school: Session;
let id: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const roundId = (await openRound(ctx.app)).id;
  school = await loginAs(ctx.app, 'xx_admin');
  id = await newDraft(school, roundId);
});
afterAll(async () => ctx.close());

async function realXlsx(): Promise<Buffer<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('专家名单').addRow(['姓名', '职称']);
  return Buffer.from(await wb.xlsx.writeBuffer()) as Buffer<ArrayBuffer>;
}

const currentMime = async (slotKey: string) =>
  (await detail(school, id)).materials.find(
    (m: { slotKey: string; current: boolean }) => m.slotKey === slotKey && m.current,
  )?.mimeType;

describe('Office uploads are told apart by their content types', () => {
  it('accepts a real XLSX made by a spreadsheet library, recorded as a workbook', async () => {
    const res = await upload(school, id, 'expert_team', await realXlsx(), '专家名单.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(await currentMime('expert_team')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('accepts a DOCX where the slot allows Word documents, recorded as one', async () => {
    const res = await upload(school, id, 'legal_entity_proof', docxLikeZip(), '法人证明.docx');
    expect(res.statusCode, res.body).toBe(201);
    expect(await currentMime('legal_entity_proof')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
  });

  it("refuses a plain ZIP named .xlsx, naming the slot's own accepted types, and stores nothing", async () => {
    const before = (await detail(school, id)).materials.length;
    const res = await upload(
      school,
      id,
      'practical_venue',
      storedZip({ '说明.txt': '场地设备清单' }),
      '设备.xlsx',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(res.json().message).toContain('Excel 表格（XLSX）');
    expect(res.json().message).toContain('Word 文档（DOCX）');
    expect((await detail(school, id)).materials.length).toBe(before);
  });

  it('lists XLSX and DOCX, never a bare ZIP, among what a slot accepts', async () => {
    const slot = (await detail(school, id)).materialSlots.find(
      (s: { key: string }) => s.key === 'expert_team',
    );
    expect(slot.accept).toEqual(expect.arrayContaining(['xlsx', 'docx']));
    expect(slot.accept).not.toContain('zip');
  });
});

describe('A material form sent without its file', () => {
  it('is bad input (400 FILE_REQUIRED, in Chinese), not a missing resource, and records nothing', async () => {
    const before = (await detail(school, id)).materials.length;
    const res = await school.request({
      method: 'POST',
      url: `/api/applications/${id}/materials/expert_team`,
      ...multipart({ note: '忘了附文件' }),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json()).toMatchObject({ code: 'FILE_REQUIRED', message: '请选择要上传的文件' });
    expect((await detail(school, id)).materials).toHaveLength(before);
  });
});
