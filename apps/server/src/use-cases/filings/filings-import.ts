/**
 * 已备案名录导入 (province center): the filed bodies of earlier rounds and the self-evaluation filings
 * already granted, from Excel with their source — R2, R7 and R8 check against them (docs/domain.md §5).
 * All or nothing: every row is checked first; one bad row refuses the whole file (IMPORT_ROWS_INVALID,
 * a detail per problem with its row number). Rows upsert on credit code + occupation + 工种 + mode;
 * filings created by a confirmation in this system are never overwritten by an import. The registry
 * (评价机构名录) is kept in step in the same transaction.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { eq, inArray, sql } from 'drizzle-orm';
import {
  isCalendarDate,
  isFilable,
  parseSkillLevel,
  skillLevelLabel,
  sortSkillLevels,
  startOfShanghaiDay,
  todayInShanghai,
  validateCreditCode,
  type Actor,
  type SkillLevel,
} from '@skillcert/domain';
import {
  FILING_MODE_LABELS,
  FILING_MODES,
  FILINGS_IMPORT_HEADERS,
  type FilingModeCode,
  type FilingsImportResponse,
} from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import type { Executor } from '../../db/client';
import { divisions, filings, occupations, organizations } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { chunk } from '../../reference/insert-chunks';
import { lockRegistryBodies, refreshRegistryBodies } from '../registry/registry-sync';
import { fold, readImportSheet, RowErrors, type RawRow } from '../files/excel-rows';

export const FILINGS_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const FILINGS_IMPORT_MAX_ROWS = 5000;

const CODE_PATTERN = /^X?\d-\d{2}-\d{2}-\d{2}$/;

export async function buildFilingsTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('已备案名录');
  const widths = [32, 22, 14, 14, 16, 22, 30, 14, 14, 36];
  sheet.columns = FILINGS_IMPORT_HEADERS.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle' };
  // Text columns: an 18-digit credit code or a date typed into a number cell would be altered by Excel.
  for (const c of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) sheet.getColumn(c).numFmt = '@';
  sheet.addRow([
    '湖南示例智能装备有限公司',
    '91430100MA4L0000X9',
    '430100',
    '6-18-02-04',
    '',
    '企业自主评价',
    '五级、四级、三级',
    '2023-06-30',
    '是',
    '湘人社函〔2023〕示例号 第一批企业自主评价备案名单',
  ]);
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    '1. 每行为一个已备案的职业（工种）＋评价方式；第一个工作表的第1行为表头，请勿修改；示例行请删除后再导入。',
    '2. 统一社会信用代码：18位，须为湖南省登记（第3至8位为43开头的行政区划代码）；请以文本格式填写。',
    '3. 所在市州代码：14个市州之一，如 430100（长沙市）、430200（株洲市）；也可填写市州名称。',
    '4. 职业编码：《职业分类大典（2022年版）》的职业（细类）编码，如 6-18-02-04；工种可不填（表示整个职业）。',
    '5. 评价方式：企业自主评价、院校自主评价或社会评价。',
    '6. 等级：用顿号分隔，只限五级、四级、三级、二级、一级（也可写 初级工、中级工、高级工、技师、高级技师）。',
    '7. 备案日期：YYYY-MM-DD（如 2023-06-30），不得晚于导入当天。',
    '8. 已开展自主评价：自主评价备案是否已实际开展评价（是/否，不填为否）；社会评价行请填“否”或不填。',
    '9. 来源说明：备案文件的文号或名单名称；不填时记为导入文件名。',
    '10. 同一单位＋职业编码＋工种＋评价方式已导入过的，再次导入将更新为文件中的内容。',
    '11. 任一行有误时整个文件都不会导入，请按提示的行号修改后重新上传。',
  ])
    notes.addRow([line]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface FilingRow {
  row: number;
  organizationName: string;
  creditCode: string;
  cityCode: string;
  occupationCode: string;
  jobName: string;
  mode: FilingModeCode;
  levels: SkillLevel[];
  effectiveDate: string;
  selfEvaluationCarriedOut: boolean;
  sourceNote: string | null;
}

const MODE_BY_TEXT = new Map<string, FilingModeCode>();
for (const mode of FILING_MODES) {
  MODE_BY_TEXT.set(mode, mode);
  MODE_BY_TEXT.set(fold(FILING_MODE_LABELS[mode]), mode);
}

const keyOf = (r: { creditCode: string; occupationCode: string; jobName: string; mode: string }) =>
  [r.creditCode, r.occupationCode, r.jobName, r.mode].join('\u0000');

/** Checks every row against the rules and the dictionaries; returns the rows or every problem found. */
async function validateRows(
  db: Executor,
  raw: RawRow[],
  today: string,
  errors: RowErrors,
): Promise<FilingRow[]> {
  const { fail } = errors;

  const cities = await db
    .select({ code: divisions.code, name: divisions.name })
    .from(divisions)
    .where(eq(divisions.level, 'city'));
  const cityByText = new Map<string, string>();
  for (const c of cities) {
    cityByText.set(c.code, c.code);
    cityByText.set(fold(c.name), c.code);
  }
  const codes = [...new Set(raw.map((r) => r.cells[3] ?? '').filter((c) => CODE_PATTERN.test(c)))];
  const catalogue = new Map<string, string>();
  for (const part of chunk(codes)) {
    for (const o of await db
      .select({ code: occupations.code, level: occupations.level })
      .from(occupations)
      .where(inArray(occupations.code, part)))
      catalogue.set(o.code, o.level);
  }

  const rows: FilingRow[] = [];
  const seen = new Map<string, number>();
  const bodies = new Map<string, { row: number; name: string; cityCode: string }>();
  for (const { row, cells } of raw) {
    const [
      name = '',
      creditText = '',
      cityText = '',
      code = '',
      jobName = '',
      modeText = '',
      levelsText = '',
    ] = cells;
    const [dateText = '', carriedText = '', sourceNote = ''] = cells.slice(7);
    const before = errors.count;

    if (!name) fail(row, 'IMPORT_NAME_REQUIRED', '请填写单位名称');
    else if (name.length > 100) fail(row, 'IMPORT_NAME_TOO_LONG', '单位名称不能超过100个字');

    const credit = validateCreditCode(creditText);
    if (!credit.valid) {
      fail(
        row,
        credit.errors[0]?.code ?? 'CREDIT_CODE_INVALID',
        credit.errors.map((e) => e.message).join('；'),
      );
    } else if (!credit.inHunan) {
      fail(
        row,
        'IMPORT_CREDIT_CODE_NOT_HUNAN',
        `统一社会信用代码"${credit.normalized}"不是湖南省登记的代码（第3至8位应以43开头）`,
      );
    }

    const cityCode = cityByText.get(fold(cityText)) ?? cityByText.get(fold(cityText).replace(/市$|州$/, ''));
    if (!cityText) fail(row, 'IMPORT_CITY_REQUIRED', '请填写所在市州代码');
    else if (!cityCode)
      fail(row, 'IMPORT_CITY_UNKNOWN', `所在市州"${cityText}"不是湖南省14个市州之一（如 430100）`);

    if (!code) fail(row, 'IMPORT_CODE_REQUIRED', '请填写职业编码');
    else if (!CODE_PATTERN.test(code))
      fail(row, 'IMPORT_CODE_INVALID', `职业编码"${code}"格式不正确，应如 6-18-02-04`);
    else if (catalogue.get(code) !== 'occupation')
      fail(row, 'IMPORT_CODE_UNKNOWN', `职业编码"${code}"不是《职业分类大典》中的职业（细类）`);

    if (jobName.length > 50) fail(row, 'IMPORT_JOB_TOO_LONG', '工种名称不能超过50个字');

    const mode = MODE_BY_TEXT.get(fold(modeText));
    if (!modeText) fail(row, 'IMPORT_MODE_REQUIRED', '请填写评价方式');
    else if (!mode)
      fail(row, 'IMPORT_MODE_UNKNOWN', `评价方式"${modeText}"应为企业自主评价、院校自主评价或社会评价`);

    const levels: SkillLevel[] = [];
    const levelTexts = levelsText.split(/[、,，;；\s]+/).filter(Boolean);
    if (levelTexts.length === 0) fail(row, 'IMPORT_LEVELS_REQUIRED', '请填写等级，如 五级、四级');
    for (const text of levelTexts) {
      const level = parseSkillLevel(text);
      if (!level)
        fail(row, 'SKILL_LEVEL_UNKNOWN', `无法识别的等级"${text}"，应为五级至一级（或初级工至高级技师）`);
      else if (!isFilable(level))
        fail(
          row,
          'SKILL_LEVEL_NOT_FILABLE',
          `"${skillLevelLabel(level)}"不属于可备案的等级（只限五级至一级）`,
        );
      else levels.push(level);
    }

    if (!dateText) fail(row, 'IMPORT_DATE_REQUIRED', '请填写备案日期');
    else if (!isCalendarDate(dateText))
      fail(row, 'IMPORT_DATE_INVALID', `备案日期"${dateText}"不是真实的日期，应为 YYYY-MM-DD`);
    else if (dateText > today) fail(row, 'IMPORT_DATE_IN_FUTURE', `备案日期${dateText}晚于今天`);
    else if (dateText < '2000-01-01') fail(row, 'IMPORT_DATE_INVALID', `备案日期${dateText}过早，请核对`);

    let carried = false;
    if (carriedText === '是') carried = true;
    else if (carriedText !== '' && carriedText !== '否')
      fail(row, 'IMPORT_CARRIED_OUT_INVALID', `已开展自主评价应填"是"或"否"，当前为"${carriedText}"`);
    if (carried && mode === 'social')
      fail(row, 'IMPORT_CARRIED_OUT_NOT_SELF', '“已开展自主评价”只适用于企业自主评价或院校自主评价');

    if (sourceNote.length > 200) fail(row, 'IMPORT_SOURCE_TOO_LONG', '来源说明不能超过200个字');

    if (credit.valid && code && mode) {
      const key = keyOf({ creditCode: credit.normalized, occupationCode: code, jobName, mode });
      const first = seen.get(key);
      if (first !== undefined)
        fail(
          row,
          'IMPORT_DUPLICATE_ROW',
          `与第${first}行重复（统一社会信用代码、职业编码、工种、评价方式均相同）`,
        );
      else seen.set(key, row);
    }
    if (credit.valid && name && cityCode) {
      const body = bodies.get(credit.normalized);
      if (!body) bodies.set(credit.normalized, { row, name, cityCode });
      else if (body.name !== name || body.cityCode !== cityCode)
        fail(
          row,
          'IMPORT_BODY_INCONSISTENT',
          `同一统一社会信用代码在第${body.row}行的单位名称或所在市州与本行不一致`,
        );
    }

    if (errors.count === before) {
      rows.push({
        row,
        organizationName: name,
        creditCode: credit.normalized,
        cityCode: cityCode!,
        occupationCode: code,
        jobName,
        mode: mode!,
        levels: sortSkillLevels(levels),
        effectiveDate: dateText,
        selfEvaluationCarriedOut: carried,
        sourceNote: sourceNote || null,
      });
    }
  }
  return rows;
}

export async function importFilings(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  file: { buffer: Buffer; fileName: string },
  meta: RequestMeta,
): Promise<FilingsImportResponse> {
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');
  const raw = await readImportSheet(file.buffer, {
    headers: FILINGS_IMPORT_HEADERS,
    dateColumns: [7],
    maxRows: FILINGS_IMPORT_MAX_ROWS,
  });
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const errors = new RowErrors();
  const rows = await validateRows(deps.db, raw, today, errors);
  errors.throwIfAny();
  const defaultNote = `导入文件：${file.fileName}（${today}）`;

  return deps.db.transaction(async (tx) => {
    const creditCodes = [...new Set(rows.map((r) => r.creditCode))];
    const orgIds = new Map<string, string>();
    const existing = new Map<string, typeof filings.$inferSelect>();
    for (const part of chunk(creditCodes)) {
      for (const o of await tx
        .select({ id: organizations.id, creditCode: organizations.creditCode })
        .from(organizations)
        .where(inArray(organizations.creditCode, part)))
        orgIds.set(o.creditCode, o.id);
      for (const f of await tx.select().from(filings).where(inArray(filings.creditCode, part)))
        existing.set(keyOf(f), f);
    }

    const writes: (typeof filings.$inferInsert)[] = [];
    let inserted = 0;
    let updated = 0;
    for (const r of rows) {
      const next = {
        organizationId: orgIds.get(r.creditCode) ?? null,
        organizationName: r.organizationName,
        creditCode: r.creditCode,
        cityCode: r.cityCode,
        occupationCode: r.occupationCode,
        jobName: r.jobName,
        mode: r.mode,
        levels: r.levels,
        effectiveDate: r.effectiveDate,
        selfEvaluationCarriedOut: r.selfEvaluationCarriedOut,
        source: 'import',
        sourceNote: r.sourceNote ?? defaultNote,
      };
      const current = existing.get(keyOf(r));
      if (!current) {
        inserted += 1;
        writes.push(next);
        continue;
      }
      // A filing confirmed in this system is authoritative; an import never overwrites it.
      if (current.source !== 'import') continue;
      const same =
        current.organizationId === next.organizationId &&
        current.organizationName === next.organizationName &&
        current.cityCode === next.cityCode &&
        current.levels.join(',') === next.levels.join(',') &&
        current.effectiveDate === next.effectiveDate &&
        current.selfEvaluationCarriedOut === next.selfEvaluationCarriedOut &&
        (r.sourceNote === null || current.sourceNote === next.sourceNote);
      if (same) continue;
      updated += 1;
      // Re-importing the same file must not only rewrite the note: keep the stored note when none is given.
      writes.push(r.sourceNote === null ? { ...next, sourceNote: current.sourceNote } : next);
    }

    // Registry rows first, as filing confirmation locks them (same order: no deadlock between the two).
    const touched = [...new Set(writes.map((w) => w.creditCode))];
    await lockRegistryBodies(tx, touched);
    for (const part of chunk(writes)) {
      await tx
        .insert(filings)
        .values(part)
        .onConflictDoUpdate({
          target: [filings.creditCode, filings.occupationCode, filings.jobName, filings.mode],
          set: {
            organizationId: sql`excluded.organization_id`,
            organizationName: sql`excluded.organization_name`,
            cityCode: sql`excluded.city_code`,
            levels: sql`excluded.levels`,
            effectiveDate: sql`excluded.effective_date`,
            selfEvaluationCarriedOut: sql`excluded.self_evaluation_carried_out`,
            sourceNote: sql`excluded.source_note`,
          },
          setWhere: eq(filings.source, 'import'),
        });
    }

    // 评价机构名录 in step: bodies of the rows written get their search columns recomputed; a body seen
    // for the first time enters the registry without a sequence code (allocated on its first confirmation).
    const facts = new Map(
      rows.map((r) => [r.creditCode, { name: r.organizationName, cityCode: r.cityCode }]),
    );
    await refreshRegistryBodies(tx, touched, {
      now,
      facts,
      eventOf: (change) =>
        !change.before
          ? {
              event: 'filed',
              note: `历史备案（导入已备案名录）：${change.after.itemCount}个职业（工种）`,
              at: startOfShanghaiDay(change.after.firstFiledOn),
            }
          : change.after.itemCount !== change.itemsBefore
            ? {
                event: 'scope_added',
                note: `导入历史备案：备案职业（工种）由${change.itemsBefore}项变为${change.after.itemCount}项`,
                at: now,
              }
            : null,
    });

    const result: FilingsImportResponse = {
      rows: rows.length,
      inserted,
      updated,
      unchanged: rows.length - inserted - updated,
      linkedOrganizations: rows.filter((r) => orgIds.has(r.creditCode)).length,
    };
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'filing.imported',
        targetType: 'filing',
        reason: `导入已备案名录${file.fileName}：新增${inserted}条，更新${updated}条，未变${result.unchanged}条`,
        after: { fileName: file.fileName, sha256, bytes: file.buffer.length, ...result },
      },
      now,
    );
    return result;
  });
}
