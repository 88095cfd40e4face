import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { type SendState, sends, type User, users } from "@/lib/db/schema";
import { getConfig } from "@/lib/env";
import { disclosePriorSends } from "@/lib/security/recipient-disclosure";
import type { RecipientCapMeter } from "@/lib/spend/recipient-cap-rules";
import { hasRecipientCaps, readRecipientCaps, recipientCapMeters } from "@/lib/spend/recipient-caps";
import { priorSendsTo } from "./recipient-history";
import { scopeCondition, sendScopeFor } from "./scope";

export const GLANCE_SENDS = 10;

/** One earlier gift to the recipient, within the caller's history scope. */
export type GlanceSend = { createdAt: string; touchName: string; senderName: string; state: SendState };

/** What is left of one yearly cap; what was used is `cap - left`, never who used it. */
export type GlanceAllowance = Pick<RecipientCapMeter, "scope" | "subject" | "year" | "cap" | "left">;

/** The send form's "recipient at a glance" (issue 17 item 5). */
export type RecipientGlance = {
  sends: GlanceSend[];
  /**
   * Days (`YYYY-MM-DD`) someone outside the caller's scope gifted this person within the repeat window:
   * exactly what the repeat-recipient question would tell (lib/security/recipient-disclosure.ts).
   */
  othersOn: string[];
  allowance: GlanceAllowance[];
  /** The org currency the caps are in. */
  currency: string;
};

type Viewer = Pick<User, "id" | "role" | "team">;

/**
 * The recipient's earlier gifts the caller may see in History (rep: own; manager: team; admin: all),
 * newest first; the days others gifted them, as the repeat check discloses; and this year's allowance
 * left under each per-recipient cap. Nothing here is locked: it is advice, the send re-checks.
 */
export async function recipientGlance(
  db: Db,
  viewer: Viewer,
  email: string,
  now = new Date(),
  options: { repeatWindowDays?: number; timeZone?: string; currency?: string } = {},
): Promise<RecipientGlance> {
  const config = getConfig();
  const [own, prior, caps] = await Promise.all([
    db
      .select({
        createdAt: sends.createdAt,
        touchName: sends.touchName,
        senderName: users.name,
        state: sends.state,
      })
      .from(sends)
      .innerJoin(users, eq(users.id, sends.senderId))
      .where(and(eq(sends.recipientEmail, email), scopeCondition(sendScopeFor(viewer))))
      .orderBy(desc(sends.createdAt), desc(sends.id))
      .limit(GLANCE_SENDS),
    priorSendsTo(db, email, options.repeatWindowDays ?? config.repeatRecipientWindowDays, now),
    readRecipientCaps(db),
  ]);
  const meters = hasRecipientCaps(caps)
    ? await recipientCapMeters(db, caps, email, now, options.timeZone ?? config.timeZone)
    : [];
  return {
    sends: own.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
    othersOn: disclosePriorSends(viewer, prior)
      .filter((p) => p.outsideScope)
      .map((p) => p.createdAt),
    allowance: meters.map(({ scope, subject, year, cap, left }) => ({ scope, subject, year, cap, left })),
    currency: options.currency ?? config.currency,
  };
}
