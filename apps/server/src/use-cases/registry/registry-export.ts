/**
 * 名录导出 (public): the filtered registry as .xlsx, CSV or JSON, streamed in keyset batches — never the
 * whole result in memory. Bodies are read 500 at a time in the search order (sequence code, then the
 * bodies without one by credit code), their filings in force for each batch; the spreadsheet is written
 * with exceljs's streaming writer. The size is checked first: more than REGISTRY_EXPORT_MAX bodies is
 * refused with a message asking for narrower criteria (400), before anything is sent.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, arrayContains, asc, eq, gt, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  filingModeLabel,
  invalid,
  isSkillLevel,
  skillLevelLabel,
  supervisingUnitName,
} from '@skillcert/domain';
import { FILING_STATUS_LABELS, type RegistryExportQuery } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, filingLists, filings, occupations, registryBodies } from '../../db/schema';
import { countRegistry, publicSourceLabel, registryConditions } from './registry-search';
import { csvRow } from '../../documents/csv';

export const REGISTRY_EXPORT_MAX = 10_000;
const BATCH = 500;

export type RegistryExportFormat = 'xlsx' | 'csv' | 'json';

export const REGISTRY_EXPORT_HEADERS = [
  '评价机构序列码',
  '单位名称',
  '统一社会信用代码',
  '所在市州',
  '主管单位',
  '机构状态',
  '职业编码',
  '职业名称',
  '工种',
  '等级',
  '评价方式',
  '生效日期',
  '备案批次',
] as const;

interface ExportBody {
  sequenceCode: string | null;
  name: string;
  creditCode: string;
  cityName: string;
  supervisingCityName: string;
  supervisingUnit: string;
  status: string;
  statusLabel: string;
  items: {
    occupationCode: string;
    occupationName: string;
    jobName: string;
    levels: string[];
    levelLabels: string[];
    mode: string;
    modeLabel: string;
    effectiveDate: string;
    filingList: string;
  }[];
}

const city = alias(divisions, 'city');
const supervisingCity = alias(divisions, 'supervising_city');
const levelText = (l: string) => (isSkillLevel(l) ? skillLevelLabel(l) : l);

/** Refuses an export beyond the cap (400) — called before the response starts. */
export async function assertExportSize(
  db: Executor,
  query: RegistryExportQuery,
  max = REGISTRY_EXPORT_MAX,
): Promise<number> {
  const n = await countRegistry(db, and(...registryConditions(query)), max);
  if (n > max) {
    throw invalid(
      'REGISTRY_EXPORT_TOO_LARGE',
      `符合条件的评价机构超过${max}家，请增加查询条件（如市州、职业、评价方式）后分批导出`,
    );
  }
  return n;
}

/** The matching bodies in search order, one batch at a time (keyset, no OFFSET). */
async function* bodyBatches(db: Executor, query: RegistryExportQuery): AsyncGenerator<ExportBody[]> {
  const base = registryConditions(query);
  const itemFilters: SQL[] = [eq(filings.status, 'filed')];
  if (query.occupationCode) itemFilters.push(eq(filings.occupationCode, query.occupationCode));
  if (query.level) itemFilters.push(arrayContains(filings.levels, [query.level]));
  if (query.mode) itemFilters.push(eq(filings.mode, query.mode));

  const read = (where: SQL | undefined, order: 'sequence' | 'credit') =>
    db
      .select({ body: registryBodies, cityName: city.name, supervisingCityName: supervisingCity.name })
      .from(registryBodies)
      .leftJoin(city, eq(city.code, registryBodies.cityCode))
      .leftJoin(supervisingCity, eq(supervisingCity.code, registryBodies.supervisingCityCode))
      .where(where)
      .orderBy(order === 'sequence' ? asc(registryBodies.sequenceCode) : asc(registryBodies.creditCode))
      .limit(BATCH);

  async function withItems(rows: Awaited<ReturnType<typeof read>>): Promise<ExportBody[]> {
    const codes = rows.map((r) => r.body.creditCode);
    const items =
      codes.length === 0
        ? []
        : await db
            .select({ filing: filings, occupationName: occupations.name, listSequence: filingLists.sequence })
            .from(filings)
            .leftJoin(occupations, eq(occupations.code, filings.occupationCode))
            .leftJoin(filingLists, eq(filingLists.id, filings.filingListId))
            .where(and(inArray(filings.creditCode, codes), ...itemFilters))
            .orderBy(
              asc(filings.creditCode),
              asc(filings.occupationCode),
              asc(filings.jobName),
              asc(filings.mode),
            );
    return rows.map(({ body: b, cityName, supervisingCityName }) => ({
      sequenceCode: b.sequenceCode,
      name: b.name,
      creditCode: b.creditCode,
      cityName: cityName ?? (b.cityCode === '430000' ? '省直' : b.cityCode),
      supervisingCityName: supervisingCityName ?? (b.supervisingCityCode === '430000' ? '省直' : ''),
      // The column 主管单位 names the bureau, in the registry page's words.
      supervisingUnit: b.supervisingCityCode
        ? supervisingUnitName(b.supervisingCityCode, supervisingCityName)
        : '',
      status: b.status,
      statusLabel: FILING_STATUS_LABELS[b.status as keyof typeof FILING_STATUS_LABELS] ?? b.status,
      items: items
        .filter((i) => i.filing.creditCode === b.creditCode)
        .map(({ filing: f, occupationName, listSequence }) => ({
          occupationCode: f.occupationCode,
          occupationName: occupationName ?? '',
          jobName: f.jobName,
          levels: f.levels,
          levelLabels: f.levels.map(levelText),
          mode: f.mode,
          modeLabel: filingModeLabel(f.mode),
          effectiveDate: f.effectiveDate,
          filingList: publicSourceLabel(f, listSequence ?? null),
        })),
    }));
  }

  // Bodies with a sequence code, in code order …
  let after: string | null = null;
  for (;;) {
    const rows = await read(
      and(
        ...base,
        isNotNull(registryBodies.sequenceCode),
        after ? gt(registryBodies.sequenceCode, after) : undefined,
      ),
      'sequence',
    );
    if (rows.length === 0) break;
    yield await withItems(rows);
    after = rows.at(-1)!.body.sequenceCode;
    if (rows.length < BATCH) break;
  }
  // … then those known only from imported filings, by credit code.
  let afterCode: string | null = null;
  for (;;) {
    const rows = await read(
      and(
        ...base,
        isNull(registryBodies.sequenceCode),
        afterCode ? gt(registryBodies.creditCode, afterCode) : undefined,
      ),
      'credit',
    );
    if (rows.length === 0) break;
    yield await withItems(rows);
    afterCode = rows.at(-1)!.body.creditCode;
    if (rows.length < BATCH) break;
  }
}

const rowsOf = (b: ExportBody): (string | null)[][] =>
  (b.items.length > 0 ? b.items : [null]).map((i) => [
    b.sequenceCode ?? '',
    b.name,
    b.creditCode,
    b.cityName,
    b.supervisingUnit,
    b.statusLabel,
    i?.occupationCode ?? '',
    i?.occupationName ?? '',
    i?.jobName ?? '',
    i?.levelLabels.join('、') ?? '',
    i?.modeLabel ?? '',
    i?.effectiveDate ?? '',
    i?.filingList ?? '',
  ]);

// Every cell quoted: the export's shape is fixed whatever a body's name holds.
const csvLine = (cells: readonly (string | null)[]) => `${csvRow(cells, { alwaysQuote: true })}\r\n`;

async function* csvChunks(db: Executor, query: RegistryExportQuery): AsyncGenerator<string> {
  yield `\uFEFF${csvLine(REGISTRY_EXPORT_HEADERS)}`;
  for await (const batch of bodyBatches(db, query)) {
    yield batch.flatMap(rowsOf).map(csvLine).join('');
  }
}

async function* jsonChunks(
  db: Executor,
  query: RegistryExportQuery,
  generatedAt: Date,
): AsyncGenerator<string> {
  yield `{"generatedAt":${JSON.stringify(generatedAt.toISOString())},"query":${JSON.stringify(query)},"items":[`;
  let first = true;
  for await (const batch of bodyBatches(db, query)) {
    const parts = batch.map((b) =>
      JSON.stringify({
        sequenceCode: b.sequenceCode,
        name: b.name,
        creditCode: b.creditCode,
        cityName: b.cityName,
        supervisingCityName: b.supervisingCityName || null,
        supervisingUnit: b.supervisingUnit || null,
        status: b.status,
        statusLabel: b.statusLabel,
        items: b.items,
      }),
    );
    if (parts.length === 0) continue;
    yield (first ? '' : ',') + parts.join(',');
    first = false;
  }
  yield ']}';
}

function xlsxStream(db: Executor, query: RegistryExportQuery, generatedAt: Date): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = '湖南省职业技能等级认定监管系统';
  workbook.created = generatedAt;
  const run = async () => {
    const sheet = workbook.addWorksheet('评价机构名录', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = REGISTRY_EXPORT_HEADERS.map((header, i) => ({
      header,
      width: [14, 36, 22, 10, 12, 10, 12, 24, 16, 30, 14, 12, 10][i] ?? 14,
      // Codes are text: Excel must not drop leading zeros of the sequence code.
      style: i === 0 || i === 2 ? { numFmt: '@' } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.getRow(1).commit();
    for await (const batch of bodyBatches(db, query)) {
      for (const row of batch.flatMap(rowsOf)) sheet.addRow(row).commit();
      // Let the socket take what was written before producing more.
      if (out.writableNeedDrain) await new Promise((resolve) => out.once('drain', resolve));
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

export function registryExportStream(
  db: Executor,
  query: RegistryExportQuery,
  format: RegistryExportFormat,
  generatedAt: Date,
): Readable {
  if (format === 'xlsx') return xlsxStream(db, query, generatedAt);
  return Readable.from(format === 'csv' ? csvChunks(db, query) : jsonChunks(db, query, generatedAt));
}

export const REGISTRY_EXPORT_TYPES: Record<RegistryExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
