/** Builders for the filing workflow tests: rounds, drafts with scope items, materials. */
import type { AppInstance } from '../../src/http/app-types';
import { loginAs, type Session } from './http';
import { multipart, samplePdf } from './multipart';
import ExcelJS from 'exceljs';
import { addDays, todayInShanghai } from '@skillcert/domain';
import { FILINGS_IMPORT_HEADERS } from '@skillcert/contracts';
import { testNow } from './test-db';

/** An open round whose window runs from 5 days before the test clock's start to 60 days after it. */
export async function openRound(
  app: AppInstance,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; policy: { materialSlots: { key: string; kinds: string[] }[] } }> {
  const province = await loginAs(app, 'sjzx');
  const today = todayInShanghai(testNow());
  const created = await province.post('/api/rounds', {
    title: `${today.slice(0, 4)}年第二批紧缺职业评价机构征集`,
    noticeText: '根据湘人社通知，现征集紧缺职业（工种）职业技能等级认定评价机构。',
    windowStart: addDays(today, -5),
    windowEnd: addDays(today, 60),
    ...overrides,
  });
  if (created.statusCode !== 201) throw new Error(`create round: ${created.body}`);
  const opened = await province.post(`/api/rounds/${created.json().id}/open`, {
    version: created.json().version,
  });
  if (opened.statusCode !== 200) throw new Error(`open round: ${opened.body}`);
  return opened.json();
}

export async function newDraft(applicant: Session, roundId: string): Promise<string> {
  const res = await applicant.post('/api/applications', { roundId });
  if (res.statusCode !== 201) throw new Error(`create application: ${res.body}`);
  return res.json().id;
}

export async function detail(s: Session, id: string) {
  return (await s.get(`/api/applications/${id}`)).json();
}

export async function saveFacts(s: Session, id: string, facts: Record<string, unknown>) {
  const d = await detail(s, id);
  return s.put(`/api/applications/${id}/facts`, { facts, version: d.version });
}

export async function saveItems(s: Session, id: string, items: Record<string, unknown>[]) {
  const d = await detail(s, id);
  return s.put(`/api/applications/${id}/scope-items`, { items, version: d.version });
}

export function upload(
  s: Session,
  id: string,
  slotKey: string,
  content = samplePdf(),
  filename = '材料.pdf',
) {
  return s.request({
    method: 'POST',
    url: `/api/applications/${id}/materials/${slotKey}`,
    ...multipart({}, [{ field: 'file', filename, content }]),
  });
}

export async function uploadAllRequired(s: Session, id: string) {
  const d = await detail(s, id);
  for (const slot of d.materialSlots as { key: string; required: boolean }[]) {
    if (!slot.required) continue;
    const res = await upload(s, id, slot.key);
    if (res.statusCode !== 201) throw new Error(`upload ${slot.key}: ${res.body}`);
  }
}

export async function submit(s: Session, id: string, acknowledgedWarnings: string[] = []) {
  const d = await detail(s, id);
  return s.post(`/api/applications/${id}/submit`, {
    version: d.version,
    signerName: '刘芳',
    commitmentAccepted: true,
    acknowledgedWarnings,
  });
}

/**
 * R2 (通知第一条第一、二款) admits a school or enterprise only when the province has filed it for
 * self-evaluation and it has carried it out: the province centre imports such an earlier filing (五级,
 * effective about two years before the test clock's start) through the real import.
 */
export async function grantSelfEvaluationFiling(
  app: AppInstance,
  org: { name: string; creditCode: string; cityCode: string; kind: 'school' | 'enterprise' },
  occupationCode = '6-18-02-04',
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('已备案名录');
  sheet.addRow([...FILINGS_IMPORT_HEADERS]);
  sheet.addRow([
    org.name,
    org.creditCode,
    org.cityCode,
    occupationCode,
    '',
    org.kind === 'school' ? '院校自主评价' : '企业自主评价',
    '五级',
    addDays(todayInShanghai(testNow()), -730),
    '是',
    '省人社厅自主评价备案（测试导入）',
  ]);
  const province = await loginAs(app, 'sjzx');
  const res = await province.request({
    method: 'POST',
    url: '/api/filings/import',
    ...multipart({}, [
      {
        field: 'file',
        filename: '自主评价备案.xlsx',
        content: Buffer.from(await workbook.xlsx.writeBuffer()),
      },
    ]),
  });
  if (res.statusCode !== 200) throw new Error(`self-evaluation filing: ${res.statusCode} ${res.body}`);
}

/** A school item that passes every rule: 焊工 (category 6, standard levels recorded) by school self-evaluation. */
export const welderSchoolItem = (chainId: number) => ({
  occupationCode: '6-18-02-04',
  jobName: '',
  mode: 'school_self',
  levels: ['level5', 'level4', 'level3'],
  chainIds: [chainId],
  businessLink: '学院开设焊接技术与自动化专业，在校生800人',
});
