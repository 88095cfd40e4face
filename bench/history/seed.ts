import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";

export const REPS = 200;
export const TEAMS = 20;

/** 200 reps in 20 teams (10 each), one manager per team, and an admin. */
export async function seedUsers(db: Db) {
  await db.execute(sql`
    insert into users (issuer, subject, email, name, role, team)
    select 'bench', 'rep-' || n, 'rep' || n || '@giftdesk.test', 'Rep ' || n, 'rep', 't' || (n % ${TEAMS})
    from generate_series(0, ${REPS - 1}::int) n
    union all
    select 'bench', 'manager-' || n, 'manager' || n || '@giftdesk.test', 'Manager ' || n, 'manager', 't' || n
    from generate_series(0, ${TEAMS - 1}::int) n
    union all
    select 'bench', 'admin', 'admin@giftdesk.test', 'Admin', 'admin', null`);
}

const FIRST = ["Ava", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas"];

/**
 * Sends number `from`..`to` in one INSERT … SELECT. Row g is sent by rep g % 200, one every 63 s back
 * from a fixed instant (1M rows span ~2 years), with 20,000 distinct recipient surnames (md5-derived,
 * ~50 rows each at 1M), 30 touches, and a status mix: 30% delivered, 15% shipped, 15% waiting,
 * 10% in fulfilment, 5% on hold, 5% closed, the rest pending; 0.2% unknown, 1% failed.
 */
export async function seedSends(db: Db, from: number, to: number) {
  const first = sql.raw(`array[${FIRST.map((f) => `'${f}'`).join(",")}]`);
  await db.execute(sql`
    with reps as (
      select id, team, (row_number() over (order by subject) - 1)::int as n from users where role = 'rep'
    )
    insert into sends (sender_id, team, idempotency_key, fingerprint, send_type, touch_id, touch_name,
      recipient_name, recipient_email, recipient_company, custom_message, request_body, state,
      tracking_code, sendoso_status, status_bucket, cost, currency, created_at, updated_at)
    select r.id, r.team, gen_random_uuid(), 'f',
      (array['address_collection', 'known_address', 'egift'])[1 + g % 3],
      1001 + g % 30, 'Touch ' || (1001 + g % 30),
      (${first})[1 + g % 10] || ' ' || initcap(substr(md5((g % 20000)::text), 1, 7)),
      'r' || g || '@' || 'company' || (g % 5000) || '.example',
      'Company ' || (g % 5000),
      'Thanks for your time!',
      jsonb_build_object('send', jsonb_build_object('touch_id', 1001 + g % 30, 'email', 'r' || g || '@example.com')),
      case when g % 500 = 0 then 'unknown' when g % 100 = 1 then 'failed' else 'sent' end,
      md5(g::text || 'tc'),
      b.status, b.bucket,
      ((g % 100) + 0.5)::numeric(12, 2), 'USD',
      timestamptz '2026-11-01 00:00:00+00' - g * interval '63 seconds',
      now()
    from generate_series(${from}::int, ${to}::int) g
    join reps r on r.n = g % ${REPS}
    cross join lateral (
      select case
        when g % 20 < 6 then 'Delivered' when g % 20 < 9 then 'Shipped' when g % 20 < 12 then 'Opened'
        when g % 20 < 14 then 'Processing' when g % 20 = 14 then 'Paused' when g % 20 = 15 then 'Expired'
        else null end as status
    ) s
    cross join lateral (
      select s.status, case s.status
        when 'Delivered' then 'delivered' when 'Shipped' then 'shipped' when 'Opened' then 'waiting_on_recipient'
        when 'Processing' then 'in_fulfilment' when 'Paused' then 'on_hold' when 'Expired' then 'closed_without_gift'
        else null end as bucket
    ) b`);
}

/** The surname of recipient group `k`, as seeded: a search term matching ~N/20,000 rows. */
export async function surnameOf(db: Db, k: number): Promise<string> {
  const result = (await db.execute(sql`select initcap(substr(md5(${String(k)}), 1, 7)) as s`)) as unknown as {
    rows: { s: string }[];
  };
  return result.rows[0]?.s ?? "";
}
