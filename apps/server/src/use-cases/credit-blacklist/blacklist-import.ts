/**
 * 严重失信主体名单导入 (province centre): R1 "社会信用良好" (通知第二条第一款) refuses a unit listed for a
 * period covering the day of the check. Each import records its source (发布机关或网站) and the date
 * it was published. All or nothing: every row is checked first; one bad row refuses the whole file
 * (IMPORT_ROWS_INVALID, a detail per problem with its row number). A row whose credit code, authority and
 * listing date match a live entry updates it; otherwise it adds an entry.
 */
import { createHash } from 'node:crypto';
import ExcelJS from 'exceljs';
import { and, inArray, isNull, sql } from 'drizzle-orm';
import { invalid, isCalendarDate, todayInShanghai, validateCreditCode, type Actor } from '@skillcert/domain';
import { CREDIT_BLACKLIST_IMPORT_HEADERS, type CreditBlacklistImportResponse } from '@skillcert/contracts';
import type { AppDeps, RequestMeta } from '../../deps';
import { creditBlacklistEntries, creditBlacklistImports } from '../../db/schema';
import { appendAudit } from '../../audit/audit-writer';
import { chunk } from '../../reference/insert-chunks';
import { readImportSheet, RowErrors, type RawRow } from '../files/excel-rows';

export const CREDIT_BLACKLIST_IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const CREDIT_BLACKLIST_IMPORT_MAX_ROWS = 5000;

export async function buildCreditBlacklistTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('严重失信主体名单');
  const widths = [24, 32, 26, 14, 22, 40];
  sheet.columns = CREDIT_BLACKLIST_IMPORT_HEADERS.map((header, i) => ({ header, width: widths[i] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  // Text columns: an 18-character code or a date typed into a number cell would be altered by Excel.
  for (let c = 1; c <= CREDIT_BLACKLIST_IMPORT_HEADERS.length; c += 1) sheet.getColumn(c).numFmt = '@';
  sheet.addRow([
    '91430100MA4L0000X9',
    '湖南示例商贸有限公司',
    '湖南省市场监督管理局',
    '2025-03-01',
    '2028-02-29',
    '提交虚假材料取得公司登记，情节严重',
  ]);
  const notes = workbook.addWorksheet('填写说明');
  for (const line of [
    '1. 每行为一个单位的一条严重失信列入记录；第一个工作表的第1行为表头，请勿修改；示例行请删除后再导入。',
    '2. 统一社会信用代码：18位，请以文本格式填写。',
    '3. 列入机关：作出列入决定的机关全称，如 湖南省市场监督管理局。',
    '4. 列入日期、有效期至：YYYY-MM-DD（如 2025-03-01）；有效期至不填表示长期有效（直至移出）。',
    '5. 列入事由：列入严重失信主体名单的事由，不超过500字。',
    '6. 同一统一社会信用代码＋列入机关＋列入日期已导入过的，再次导入将更新为文件中的内容。',
    '7. 导入时须填写名单来源（发布机关或网站）和发布日期。',
    '8. 任一行有误时整个文件都不会导入，请按提示的行号修改后重新上传。',
  ])
    notes.addRow([line]);
  notes.getColumn(1).width = 120;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface ListingRow {
  creditCode: string;
  unitName: string;
  authority: string;
  listedOn: string;
  until: string | null;
  reason: string;
}

const keyOf = (r: { creditCode: string; authority: string; listedOn: string }) =>
  [r.creditCode, r.authority, r.listedOn].join('\u0000');

function validateRows(raw: RawRow[], today: string, errors: RowErrors): ListingRow[] {
  const { fail } = errors;
  const rows: ListingRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of raw) {
    const [creditText = '', unitName = '', authority = '', listedOn = '', until = '', reason = ''] = cells;
    const before = errors.count;

    const credit = validateCreditCode(creditText);
    if (!creditText) fail(row, 'IMPORT_CREDIT_CODE_REQUIRED', '请填写统一社会信用代码');
    else if (!credit.valid)
      fail(
        row,
        credit.errors[0]?.code ?? 'CREDIT_CODE_INVALID',
        credit.errors.map((e) => e.message).join('；'),
      );

    if (!unitName) fail(row, 'IMPORT_NAME_REQUIRED', '请填写单位名称');
    else if (unitName.length > 100) fail(row, 'IMPORT_NAME_TOO_LONG', '单位名称不能超过100个字');

    if (!authority) fail(row, 'IMPORT_AUTHORITY_REQUIRED', '请填写列入机关');
    else if (authority.length > 100) fail(row, 'IMPORT_AUTHORITY_TOO_LONG', '列入机关不能超过100个字');

    if (!listedOn) fail(row, 'IMPORT_LISTED_ON_REQUIRED', '请填写列入日期');
    else if (!isCalendarDate(listedOn))
      fail(row, 'IMPORT_DATE_INVALID', `列入日期"${listedOn}"不是真实的日期，应为 YYYY-MM-DD`);
    else if (listedOn > today) fail(row, 'IMPORT_DATE_IN_FUTURE', `列入日期${listedOn}晚于今天`);

    if (until && !isCalendarDate(until))
      fail(row, 'IMPORT_DATE_INVALID', `有效期至"${until}"不是真实的日期，应为 YYYY-MM-DD；长期有效的请不填`);
    else if (until && isCalendarDate(listedOn) && until < listedOn)
      fail(row, 'IMPORT_PERIOD_INVALID', `有效期至${until}早于列入日期${listedOn}`);

    if (!reason) fail(row, 'IMPORT_REASON_REQUIRED', '请填写列入事由');
    else if (reason.length > 500) fail(row, 'IMPORT_REASON_TOO_LONG', '列入事由不能超过500个字');

    if (errors.count > before) continue;
    const r = { creditCode: credit.normalized, unitName, authority, listedOn, until: until || null, reason };
    const first = seen.get(keyOf(r));
    if (first !== undefined) {
      fail(row, 'IMPORT_DUPLICATE_ROW', `与第${first}行重复（统一社会信用代码、列入机关、列入日期均相同）`);
      continue;
    }
    seen.set(keyOf(r), row);
    rows.push(r);
  }
  return rows;
}

function validateSource(
  fields: Record<string, string>,
  today: string,
): { source: string; sourceDate: string } {
  const source = (fields.source ?? '').trim();
  const sourceDate = (fields.sourceDate ?? '').trim();
  if (!source) throw invalid('IMPORT_SOURCE_REQUIRED', '请填写名单来源（发布机关或网站）');
  if (source.length > 200) throw invalid('IMPORT_SOURCE_TOO_LONG', '名单来源不能超过200个字');
  if (!sourceDate) throw invalid('IMPORT_SOURCE_DATE_REQUIRED', '请填写名单的发布日期');
  if (!isCalendarDate(sourceDate))
    throw invalid('IMPORT_SOURCE_DATE_INVALID', `发布日期"${sourceDate}"不是真实的日期，应为 YYYY-MM-DD`);
  if (sourceDate > today) throw invalid('IMPORT_SOURCE_DATE_IN_FUTURE', `发布日期${sourceDate}晚于今天`);
  return { source, sourceDate };
}

export async function importCreditBlacklist(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  actor: Actor,
  file: { buffer: Buffer; fileName: string; fields: Record<string, string> },
  meta: RequestMeta,
): Promise<CreditBlacklistImportResponse> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const { source, sourceDate } = validateSource(file.fields, today);
  const raw = await readImportSheet(file.buffer, {
    headers: CREDIT_BLACKLIST_IMPORT_HEADERS,
    dateColumns: [3, 4],
    maxRows: CREDIT_BLACKLIST_IMPORT_MAX_ROWS,
  });
  const errors = new RowErrors();
  const rows = validateRows(raw, today, errors);
  errors.throwIfAny();
  const sha256 = createHash('sha256').update(file.buffer).digest('hex');

  return deps.db.transaction(async (tx) => {
    // One import at a time: two files naming the same listing would otherwise both insert it.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('credit_blacklist_import'))`);
    const [imported] = await tx
      .insert(creditBlacklistImports)
      .values({
        source,
        sourceDate,
        fileName: file.fileName,
        sha256,
        rowCount: rows.length,
        importedBy: actor.userId,
        importedByName: actor.displayName,
        importedAt: now,
      })
      .returning({ id: creditBlacklistImports.id });
    const importId = imported!.id;

    const live = new Map<string, typeof creditBlacklistEntries.$inferSelect>();
    for (const part of chunk([...new Set(rows.map((r) => r.creditCode))])) {
      for (const e of await tx
        .select()
        .from(creditBlacklistEntries)
        .where(
          and(inArray(creditBlacklistEntries.creditCode, part), isNull(creditBlacklistEntries.removedAt)),
        ))
        live.set(keyOf(e), e);
    }
    let updated = 0;
    const inserts: (typeof creditBlacklistEntries.$inferInsert)[] = [];
    for (const r of rows) {
      const current = live.get(keyOf(r));
      if (!current) {
        inserts.push({ ...r, importId, createdAt: now });
        continue;
      }
      if (current.unitName === r.unitName && current.until === r.until && current.reason === r.reason)
        continue;
      updated += 1;
      await tx
        .update(creditBlacklistEntries)
        .set({ unitName: r.unitName, until: r.until, reason: r.reason, importId })
        .where(inArray(creditBlacklistEntries.id, [current.id]));
    }
    for (const part of chunk(inserts)) await tx.insert(creditBlacklistEntries).values(part);

    const result: CreditBlacklistImportResponse = {
      importId,
      rows: rows.length,
      inserted: inserts.length,
      updated,
      unchanged: rows.length - inserts.length - updated,
    };
    await appendAudit(
      tx,
      {
        actor,
        ip: meta.ip,
        action: 'credit_blacklist.imported',
        targetType: 'credit_blacklist_import',
        targetId: importId,
        reason: `导入严重失信主体名单${file.fileName}（来源：${source}，${sourceDate}）：新增${result.inserted}条，更新${updated}条，未变${result.unchanged}条`,
        after: { fileName: file.fileName, sha256, bytes: file.buffer.length, source, sourceDate, ...result },
      },
      now,
    );
    return result;
  });
}
