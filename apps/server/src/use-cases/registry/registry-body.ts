/**
 * One body of the 评价机构名录 on its stable page (/api/public/registry/{统一社会信用代码}): the body,
 * its filed scope and its status history. The public's most visited page, so it is one prepared query —
 * the items and events come back as JSON aggregates of the same row — instead of three built per call.
 * JSON numbers and strings need no driver-specific mapping (`pg` would return int8 columns as strings);
 * timestamps are formatted by the database as the ISO instants the API answers with.
 */
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { filingModeLabel, isSkillLevel, notFound, skillLevelLabel } from '@skillcert/domain';
import { FILING_STATUS_LABELS, type RegistryBodyDetail } from '@skillcert/contracts';
import type { Executor } from '../../db/client';
import { preparedPer } from '../../db/prepared';
import { divisions, registryBodies } from '../../db/schema';
import { presentBody, publicSourceLabel, REGISTRY_EVENT_LABELS } from './registry-search';

const label = (labels: Record<string, string>, key: string) => labels[key] ?? key;
const levelText = (l: string) => (isSkillLevel(l) ? skillLevelLabel(l) : l);

interface ItemJson {
  occupationCode: string;
  occupationName: string | null;
  jobName: string;
  mode: string;
  levels: string[];
  effectiveDate: string;
  status: string;
  source: string;
  documentNumber: string | null;
  listSequence: number | null;
}

interface EventJson {
  at: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  listSequence: number | null;
}

const city = alias(divisions, 'city');
const supervisingCity = alias(divisions, 'supervising_city');

const bodyPage = preparedPer((db) =>
  db
    .select({
      body: registryBodies,
      cityName: city.name,
      supervisingCityName: supervisingCity.name,
      items: sql<ItemJson[]>`coalesce((
        select json_agg(json_build_object(
            'occupationCode', f.occupation_code, 'occupationName', o.name, 'jobName', f.job_name,
            'mode', f.mode, 'levels', f.levels, 'effectiveDate', f.effective_date, 'status', f.status,
            'source', f.source, 'documentNumber', f.document_number, 'listSequence', l.sequence)
          order by f.occupation_code, f.job_name, f.mode)
        from filings f
        left join occupations o on o.code = f.occupation_code
        left join filing_lists l on l.id = f.filing_list_id
        where f.credit_code = ${registryBodies.creditCode}), '[]'::json)`,
      events: sql<EventJson[]>`coalesce((
        select json_agg(json_build_object(
            'at', to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'event', e.event,
            'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note,
            'listSequence', l.sequence)
          order by e.at desc, e.id desc)
        from registry_events e
        left join filing_lists l on l.id = e.filing_list_id
        where e.credit_code = ${registryBodies.creditCode}), '[]'::json)`,
    })
    .from(registryBodies)
    .leftJoin(city, eq(city.code, registryBodies.cityCode))
    .leftJoin(supervisingCity, eq(supervisingCity.code, registryBodies.supervisingCityCode))
    .where(eq(registryBodies.creditCode, sql.placeholder('code')))
    .prepare('registry_body_page'),
);

export async function registryBody(db: Executor, creditCodeText: string): Promise<RegistryBodyDetail> {
  const code = creditCodeText.normalize('NFKC').trim().toUpperCase();
  if (!/^[0-9A-Z]{18}$/.test(code))
    throw notFound('REGISTRY_BODY_NOT_FOUND', '名录中没有该统一社会信用代码的评价机构');
  const [row] = await bodyPage(db).execute({ code });
  if (!row) throw notFound('REGISTRY_BODY_NOT_FOUND', '名录中没有该统一社会信用代码的评价机构');
  return {
    ...presentBody(row),
    items: row.items.map((f) => ({
      occupationCode: f.occupationCode,
      occupationName: f.occupationName,
      jobName: f.jobName,
      mode: f.mode,
      modeLabel: filingModeLabel(f.mode),
      levels: f.levels,
      levelLabels: f.levels.map(levelText),
      effectiveDate: f.effectiveDate,
      status: f.status,
      statusLabel: label(FILING_STATUS_LABELS, f.status),
      filingListSequence: f.listSequence,
      // The import's own note may name internal files: the public sees only where the filing came from.
      sourceLabel: publicSourceLabel(f, f.listSequence),
    })),
    events: row.events.map((e) => ({
      at: e.at,
      event: e.event,
      eventLabel: label(REGISTRY_EVENT_LABELS, e.event),
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      toStatusLabel: label(FILING_STATUS_LABELS, e.toStatus),
      note: e.note,
      filingListSequence: e.listSequence,
    })),
  };
}
