/**
 * 职业技能标准 spreadsheet import (admin): the template, and an all-or-nothing import. Every row is checked
 * first; one bad row refuses the whole file (IMPORT_ROWS_INVALID, a detail per problem with its row
 * number), so a half-imported file never exists. Rows match existing standards by occupation code + name.
 */
import ExcelJS from 'exceljs';
import { eq, inArray } from 'drizzle-orm';
import { todayInShanghai, type Actor } from '@skillcert/domain';
import { STANDARDS_IMPORT_HEADERS } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import { occupations, skillStandards } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { chunk } from '../../reference/insert-chunks';
import { parseFilableLevels } from './standards';
import { readImportSheet, RowErrors } from '../files/excel-rows';

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 2000;

const CODE_PATTERN = /^X?\d-\d{2}-\d{2}-\d{2}$/;

export async function buildStandardsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('职业技能标准');
  sheet.columns = [
    { header: STANDARDS_IMPORT_HEADERS[0], width: 14 },
    { header: STANDARDS_IMPORT_HEADERS[1], width: 36 },
    { header: STANDARDS_IMPORT_HEADERS[2], width: 8 },
    { header: STANDARDS_IMPORT_HEADERS[3], width: 24 },
    { header: STANDARDS_IMPORT_HEADERS[4], width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow(['6-18-02-04', '焊工', 2018, '人社厅发〔2018〕145号', '五级、四级、三级、二级、一级']);
  sheet.getColumn(1).numFmt = '@';
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    '1. 每行一个国家职业技能标准；第一个工作表的第1行为表头，请勿修改。',
    '2. 职业编码：《职业分类大典（2022年版）》的职业（细类）编码，如 6-18-02-04；已有标准按“职业编码＋标准名称”匹配并更新。',
    '3. 年份：标准颁布年份（4位数字）；文件号如 人社厅发〔2018〕145号，可不填。',
    '4. 等级：该标准覆盖的等级，用顿号分隔，只限五级、四级、三级、二级、一级（也可写 初级工 等）；不填则保持“待核对”。',
    '5. 任一行有误时整个文件都不会导入，请按提示的行号修改后重新上传。',
  ])
    notes.addRow([line]);
  notes.getColumn(1).width = 110;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface ImportRow {
  row: number;
  occupationCode: string;
  name: string;
  year: number;
  issuedBy: string | null;
  /** null = the cell was empty: keep what is recorded. */
  levels: string[] | null;
}

export interface ImportResult {
  imported: number;
  updated: number;
}

export async function importStandards(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  file: { buffer: Buffer; fileName: string },
  meta: RequestMeta,
): Promise<ImportResult> {
  const raw = await readImportSheet(file.buffer, {
    headers: STANDARDS_IMPORT_HEADERS,
    maxRows: IMPORT_MAX_ROWS,
  });
  const now = deps.clock.now();
  const maxYear = Number(todayInShanghai(now).slice(0, 4)) + 1;
  const errors = new RowErrors();
  const { fail } = errors;

  const rows: ImportRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of raw) {
    const [code = '', name = '', yearText = '', issuedBy = '', levelsText = ''] = cells;
    let ok = true;
    if (!code) {
      fail(row, 'IMPORT_CODE_REQUIRED', '请填写职业编码');
      ok = false;
    } else if (!CODE_PATTERN.test(code)) {
      fail(row, 'IMPORT_CODE_INVALID', `职业编码"${code}"格式不正确，应如 6-18-02-04`);
      ok = false;
    }
    if (!name) {
      fail(row, 'IMPORT_NAME_REQUIRED', '请填写标准名称');
      ok = false;
    } else if (name.length > 100) {
      fail(row, 'IMPORT_NAME_TOO_LONG', '标准名称不能超过100个字');
      ok = false;
    }
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText) || year < 1990 || year > maxYear) {
      fail(row, 'IMPORT_YEAR_INVALID', `年份"${yearText}"应为1990至${maxYear}之间的4位数字`);
      ok = false;
    }
    if (issuedBy.length > 60) {
      fail(row, 'IMPORT_ISSUED_BY_TOO_LONG', '文件号不能超过60个字');
      ok = false;
    }
    let levels: string[] | null = null;
    if (levelsText) {
      const parsed = parseFilableLevels(levelsText.split(/[、,，;；\s]+/).filter(Boolean));
      for (const e of parsed.errors) fail(row, e.code, e.message);
      if (parsed.errors.length > 0) ok = false;
      levels = parsed.labels;
    }
    const key = `${code}\u0000${name}`;
    const first = seen.get(key);
    if (first !== undefined && code && name) {
      fail(row, 'IMPORT_DUPLICATE_ROW', `与第${first}行重复（职业编码与标准名称相同）`);
      ok = false;
    } else {
      seen.set(key, row);
    }
    if (ok) rows.push({ row, occupationCode: code, name, year, issuedBy: issuedBy || null, levels });
  }

  return deps.db.transaction(async (tx) => {
    const codes = [...new Set(rows.map((r) => r.occupationCode))];
    const existing = new Map<string, typeof skillStandards.$inferSelect>();
    const catalogue = new Map<string, { name: string; level: string }>();
    for (const part of chunk(codes)) {
      for (const s of await tx
        .select()
        .from(skillStandards)
        .where(inArray(skillStandards.occupationCode, part)))
        existing.set(`${s.occupationCode}\u0000${s.name}`, s);
      for (const o of await tx
        .select({ code: occupations.code, name: occupations.name, level: occupations.level })
        .from(occupations)
        .where(inArray(occupations.code, part)))
        catalogue.set(o.code, o);
    }
    for (const r of rows) {
      if (existing.has(`${r.occupationCode}\u0000${r.name}`)) continue;
      if (catalogue.get(r.occupationCode)?.level !== 'occupation') {
        fail(
          r.row,
          'IMPORT_CODE_UNKNOWN',
          `职业编码"${r.occupationCode}"不是《职业分类大典》中的职业（细类），也没有同编码同名称的已有标准`,
        );
      }
    }
    errors.throwIfAny();

    const source = `管理员导入：${file.fileName}（${todayInShanghai(now)}）`;
    const inserts: (typeof skillStandards.$inferInsert)[] = [];
    const before: unknown[] = [];
    const after: unknown[] = [];
    let updated = 0;
    for (const r of rows) {
      const current = existing.get(`${r.occupationCode}\u0000${r.name}`);
      if (!current) {
        const occupation = catalogue.get(r.occupationCode)!;
        inserts.push({
          occupationCode: r.occupationCode,
          name: r.name,
          year: r.year,
          issuedBy: r.issuedBy,
          codeEdition: '2022',
          catalogueCheck: occupation.name === r.name ? 'code-and-name-match' : 'code-match-name-differs',
          mappedOccupationCode: r.occupationCode,
          mappingStatus: 'admin',
          levels: r.levels ?? [],
          levelsStatus: r.levels ? 'recorded' : 'pending',
          levelsSource: r.levels ? source : null,
          source,
        });
        after.push({
          occupationCode: r.occupationCode,
          name: r.name,
          year: r.year,
          issuedBy: r.issuedBy,
          levels: r.levels,
        });
        continue;
      }
      const next = {
        year: r.year,
        issuedBy: r.issuedBy ?? current.issuedBy,
        levels: r.levels ?? current.levels,
        levelsStatus: r.levels ? 'recorded' : current.levelsStatus,
      };
      const changed =
        next.year !== current.year ||
        next.issuedBy !== current.issuedBy ||
        next.levelsStatus !== current.levelsStatus ||
        next.levels.join('、') !== current.levels.join('、');
      if (!changed) continue;
      await tx
        .update(skillStandards)
        .set({
          ...next,
          levelsSource: r.levels ? source : current.levelsSource,
          version: current.version + 1,
        })
        .where(eq(skillStandards.id, current.id));
      updated += 1;
      const pick = (s: {
        year: number;
        issuedBy: string | null;
        levels: string[];
        levelsStatus: string;
      }) => ({
        year: s.year,
        issuedBy: s.issuedBy,
        levels: s.levels,
        levelsStatus: s.levelsStatus,
      });
      before.push({
        id: current.id,
        occupationCode: current.occupationCode,
        name: current.name,
        ...pick(current),
      });
      after.push({
        id: current.id,
        occupationCode: current.occupationCode,
        name: current.name,
        ...pick(next),
      });
    }
    for (const part of chunk(inserts)) await tx.insert(skillStandards).values(part);
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'dictionary.standards_imported',
        targetType: 'skill_standard',
        reason: `导入${file.fileName}：新增${inserts.length}条，更新${updated}条`,
        before: { standards: before },
        after: { fileName: file.fileName, imported: inserts.length, updated, standards: after },
      },
      now,
    );
    return { imported: inserts.length, updated };
  });
}
