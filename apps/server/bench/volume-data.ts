/**
 * Bulk volume for the HTTP bench, one INSERT … SELECT over generate_series each (not the ORM):
 * applications spread over the 14 cities, statuses and due dates (one organization each, as one
 * organization has one open application per round), and staff accounts.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../src/db/client';

const CITIES = sql.raw(
  "array['430100','430200','430300','430400','430500','430600','430700','430800','430900','431000','431100','431200','431300','433100']",
);

export async function loadApplications(db: Db, total: number): Promise<void> {
  await db.execute(sql`
    insert into organizations (name, credit_code, kind, registration_type, city_code, county_code, contact_name, contact_phone_enc, contact_phone_mac, status)
    select '压测单位' || g, 'BENCH' || lpad(g::text, 13, '0'), 'enterprise', 'enterprise',
           (${CITIES})[1 + (g % 14)], (${CITIES})[1 + (g % 14)], '联系人', 'x', 'x', 'active'
    from generate_series(1, ${total}) g`);
  await db.execute(sql`
    insert into applications (round_id, organization_id, city_code, status, number, stage_due_date, submitted_at, facts)
    select r.id, o.id, o.city_code,
           (array['submitted','verified','recommended','province_review','returned','withdrawn'])[1 + (o.n % 6)],
           'BENCH-' || o.n,
           date '2026-11-01' + (o.n % 60)::int,
           now() - (o.n % 90) * interval '1 day',
           '{}'::jsonb
    from (select id, city_code, row_number() over (order by id) as n from organizations where credit_code like 'BENCH%') o
    cross join lateral (select id from collection_rounds order by created_at limit 1) r`);
  await db.execute(sql`analyze organizations`);
  await db.execute(sql`analyze applications`);
}

export async function loadUsers(db: Db, total: number): Promise<void> {
  await db.execute(sql`
    insert into users (username, display_name, password_hash, role, city_code)
    select 'bench_' || g, '压测用户' || g, 'x', 'city_center', (${CITIES})[1 + (g % 14)]
    from generate_series(1, ${total}) g`);
  await db.execute(sql`analyze users`);
}
