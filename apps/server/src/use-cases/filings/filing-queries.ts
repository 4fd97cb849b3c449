/**
 * 已备案名录 reads: the scoped, paginated list (city staff see their city's filings) and the R7 counts
 * of bodies already filed for social evaluation of occupations, in the city and in the province.
 */
import { and, asc, count, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  CITY_ROLES,
  invalid,
  isSkillLevel,
  notFound,
  shortageKey,
  skillLevelLabel,
  type Actor,
} from '@skillcert/domain';
import {
  FILING_MODE_LABELS,
  FILING_SOURCE_LABELS,
  FILING_STATUS_LABELS,
  type FilingItem,
  type FilingListQuery,
} from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { divisions, filings, occupations, storedFiles } from '../../db/schema';
import { scoped } from '../../db/scope';
import { chunk } from '../../reference/insert-chunks';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;

export async function listFilings(
  db: Executor,
  actor: Actor,
  query: FilingListQuery,
): Promise<{ items: FilingItem[]; total: number; page: number; pageSize: number }> {
  const filters: (SQL | undefined)[] = [];
  const q = query.q?.normalize('NFKC').trim();
  if (q) {
    filters.push(
      or(
        sql`position(${q} in ${filings.organizationName}) > 0`,
        sql`starts_with(${filings.creditCode}, ${q.toUpperCase()})`,
        sql`starts_with(${filings.occupationCode}, ${q})`,
        sql`position(${q} in ${occupations.name}) > 0`,
        sql`position(${q} in ${filings.jobName}) > 0`,
      ),
    );
  }
  if (query.occupationCode) filters.push(eq(filings.occupationCode, query.occupationCode));
  if (query.cityCode) filters.push(eq(filings.cityCode, query.cityCode));
  if (query.mode) filters.push(eq(filings.mode, query.mode));
  if (query.status) filters.push(eq(filings.status, query.status));
  if (query.kind === 'self_evaluation') filters.push(ne(filings.mode, 'social'));
  const where = scoped(actor, { cityCode: filings.cityCode }, ...filters);

  const [total] = await db
    .select({ n: count() })
    .from(filings)
    .leftJoin(occupations, eq(occupations.code, filings.occupationCode))
    .where(where);
  const rows = await db
    .select({
      filing: filings,
      occupationName: occupations.name,
      cityName: divisions.name,
      evidenceName: storedFiles.originalName,
    })
    .from(filings)
    .leftJoin(occupations, eq(occupations.code, filings.occupationCode))
    .leftJoin(divisions, eq(divisions.code, filings.cityCode))
    .leftJoin(storedFiles, eq(storedFiles.id, filings.evidenceFileId))
    .where(where)
    .orderBy(
      asc(filings.cityCode),
      asc(filings.organizationName),
      asc(filings.occupationCode),
      asc(filings.jobName),
      asc(filings.mode),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  return {
    items: rows.map(({ filing: f, occupationName, cityName, evidenceName }) => ({
      id: f.id,
      organizationId: f.organizationId,
      organizationName: f.organizationName,
      creditCode: f.creditCode,
      cityCode: f.cityCode,
      cityName,
      occupationCode: f.occupationCode,
      occupationName,
      jobName: f.jobName,
      mode: f.mode,
      modeLabel: label(FILING_MODE_LABELS, f.mode),
      levels: f.levels,
      levelLabels: f.levels.map((l) => (isSkillLevel(l) ? skillLevelLabel(l) : l)),
      effectiveDate: f.effectiveDate,
      supervisingCityCode: f.supervisingCityCode,
      selfEvaluationCarriedOut: f.selfEvaluationCarriedOut,
      status: f.status,
      statusLabel: label(FILING_STATUS_LABELS, f.status),
      source: f.source,
      sourceLabel: label(FILING_SOURCE_LABELS, f.source),
      sourceNote: f.sourceNote,
      documentNumber: f.documentNumber,
      sequenceCode: f.sequenceCode,
      evidenceFile: f.evidenceFileId && evidenceName ? { id: f.evidenceFileId, name: evidenceName } : null,
      statusReason: f.statusReason,
      version: f.version,
      createdAt: new Date(f.createdAt).toISOString(),
    })),
    total: Number(total?.n ?? 0),
    page: query.page,
    pageSize: query.pageSize,
  };
}

export interface FiledBodyCounts {
  /** Distinct bodies (credit codes) filed (已备案) for 社会评价 of the occupation (工种) in the city. */
  city: number;
  /** The same across the province. */
  province: number;
}

/** One occupation, with its 工种 ('' = the whole occupation). */
export interface ShortageSubject {
  occupationCode: string;
  jobName: string;
}

/**
 * R7 (通知 §三(二)): how many bodies serve the evaluation market of each subject, in `cityCode` and in
 * the province, keyed by the domain's `shortageKey`. Only 社会评价 filings of status 已备案 count (a
 * self-evaluation serves the body's own employees or students), and `excludeCreditCode` (the applicant)
 * never counts. For a named 工种, filings of that 工种 and of the whole occupation count; for the whole
 * occupation, filings of any of its 工种. A body counts once per subject. One query per 500 codes (not
 * one per subject); every requested subject is in the answer (0 when none). Aggregates only, no rows:
 * the application pre-check shows them to the applicant, so this is deliberately not narrowed by the
 * caller's data scope.
 */
export async function countFiledBodies(
  db: Executor,
  subjects: readonly ShortageSubject[],
  cityCode: string,
  excludeCreditCode?: string,
): Promise<Record<string, FiledBodyCounts>> {
  const result: Record<string, FiledBodyCounts> = {};
  for (const s of subjects) result[shortageKey(s.occupationCode, s.jobName)] = { city: 0, province: 0 };
  const codes = [...new Set(subjects.map((s) => s.occupationCode))];
  const bodies: { occupationCode: string; jobName: string; creditCode: string; cityCode: string }[] = [];
  for (const part of chunk(codes)) {
    bodies.push(
      ...(await db
        .selectDistinct({
          occupationCode: filings.occupationCode,
          jobName: filings.jobName,
          creditCode: filings.creditCode,
          cityCode: filings.cityCode,
        })
        .from(filings)
        .where(
          and(
            inArray(filings.occupationCode, part),
            eq(filings.status, 'filed'),
            eq(filings.mode, 'social'),
            excludeCreditCode ? ne(filings.creditCode, excludeCreditCode) : undefined,
          ),
        )),
    );
  }
  for (const s of subjects) {
    const job = s.jobName.trim();
    const serving = bodies.filter(
      (b) => b.occupationCode === s.occupationCode && (!job || b.jobName === '' || b.jobName === job),
    );
    result[shortageKey(s.occupationCode, s.jobName)] = {
      city: new Set(serving.filter((b) => b.cityCode === cityCode).map((b) => b.creditCode)).size,
      province: new Set(serving.map((b) => b.creditCode)).size,
    };
  }
  return result;
}

/**
 * The counts endpoint: city staff get their own city (another city is not theirs to ask about: 404);
 * province staff and administrators name the city.
 */
export async function filingCountsFor(
  db: Executor,
  actor: Actor,
  query: { occupationCode: string; jobName?: string | undefined; cityCode?: string | undefined },
): Promise<{ occupationCode: string; jobName: string; cityCode: string } & FiledBodyCounts> {
  let cityCode = query.cityCode;
  if (CITY_ROLES.includes(actor.role)) {
    if (!actor.cityCode || (cityCode && cityCode !== actor.cityCode)) throw notFound();
    cityCode = actor.cityCode;
  }
  if (!cityCode) throw invalid('CITY_CODE_REQUIRED', '请指定市州代码（cityCode）');
  const subject = { occupationCode: query.occupationCode, jobName: query.jobName?.trim() ?? '' };
  const counts = await countFiledBodies(db, [subject], cityCode);
  return { ...subject, cityCode, ...counts[shortageKey(subject.occupationCode, subject.jobName)]! };
}
