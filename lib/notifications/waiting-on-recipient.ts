import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { notify } from "./notify";
import type { EmailSettings } from "./outbox";

const DAY_MS = 86_400_000;

type WaitingRow = { id: string; sender_id: string; touch_name: string; recipient: string; since_ms: number };
type WaitingSend = {
  id: string;
  senderId: string;
  touchName: string;
  recipient: string;
  since: Date;
};

/**
 * Sent gifts in Sendoso's "waiting on recipient" bucket whose last status change (the newest Sendoso
 * status update, else when we settled the send) is older than the cutoff, and whose sender has not been
 * told yet. The `not exists` uses the notifications' (user, dedupe key) index.
 */
async function waitingSends(db: Db, cutoff: Date, limit: number): Promise<WaitingSend[]> {
  const result = (await db.execute(sql`
    select s.id, s.sender_id, s.touch_name, coalesce(s.recipient_name, s.recipient_email) as recipient,
           (extract(epoch from coalesce(u.latest, s.settled_at)) * 1000)::float8 as since_ms
    from sends s
    left join lateral (
      select max(occurred_at) as latest from sendoso_status_updates where send_id = s.id
    ) u on true
    where s.state = 'sent' and s.status_bucket = 'waiting_on_recipient'
      and coalesce(u.latest, s.settled_at) < ${cutoff.toISOString()}::timestamptz
      and not exists (
        select 1 from notifications n where n.user_id = s.sender_id and n.dedupe_key = 'waiting:' || s.id
      )
    order by since_ms
    limit ${limit}`)) as unknown as { rows: WaitingRow[] };
  return result.rows.map((r) => ({
    id: r.id,
    senderId: r.sender_id,
    touchName: r.touch_name,
    recipient: r.recipient,
    since: new Date(Number(r.since_ms)),
  }));
}

/**
 * Tells each sender, once per send (dedupe key `waiting:<sendId>`), that a gift has waited on its
 * recipient for more than `days` days. Returns how many senders were told.
 */
export async function notifyWaitingOnRecipient(
  db: Db,
  options: { days: number; email: EmailSettings; now?: Date; limit?: number },
): Promise<number> {
  const now = options.now ?? new Date();
  const waiting = await waitingSends(
    db,
    new Date(now.getTime() - options.days * DAY_MS),
    options.limit ?? 200,
  );
  for (const send of waiting) {
    const days = Math.floor((now.getTime() - send.since.getTime()) / DAY_MS);
    await db.transaction((tx) =>
      notify(
        tx,
        {
          userIds: [send.senderId],
          category: "waiting_on_recipient",
          title: `Waiting on ${send.recipient} for ${days} days`,
          body: `Your gift "${send.touchName}" to ${send.recipient} has been waiting on the recipient for ${days} days. A personal nudge often helps: the history entry has the tracking link to share.`,
          link: `/history/${send.id}`,
          dedupeKey: `waiting:${send.id}`,
        },
        { email: options.email },
      ),
    );
  }
  return waiting.length;
}
