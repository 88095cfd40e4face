import type { Db } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import { consume } from "@/lib/rate-limit";
import type { PriorSend } from "@/lib/sends/recipient-history";
import { sendScopeFor } from "@/lib/sends/scope";

type Viewer = Pick<User, "id" | "role" | "team">;

function inScope(viewer: Viewer, prior: PriorSend): boolean {
  const scope = sendScopeFor(viewer);
  if (scope.kind === "all") return true;
  if (prior.senderId === viewer.id) return true;
  return scope.kind === "team" && prior.team === scope.team;
}

/**
 * What the caller may learn about earlier gifts to a recipient (issue 16 item 5). The check itself is
 * org-wide on purpose (two reps must not gift one prospect in a month), but who sent what is only told
 * within the caller's history scope; beyond it, only that someone in the organisation sent a gift that
 * day. The scope fields never leave the server.
 */
export function disclosePriorSends(viewer: Viewer, priorSends: PriorSend[]): PriorSend[] {
  const told: PriorSend[] = [];
  const days = new Set<string>();
  for (const p of priorSends) {
    if (inScope(viewer, p)) {
      told.push({ senderName: p.senderName, touchName: p.touchName, createdAt: p.createdAt, state: p.state });
      continue;
    }
    // One line per day: how many gifts others sent is not the caller's to count either.
    const day = p.createdAt.slice(0, 10);
    if (days.has(day)) continue;
    days.add(day);
    told.push({ senderName: null, touchName: null, createdAt: day, state: null, outsideScope: true });
  }
  return told;
}

type Checked = { status: "needs_confirmation" | "blocked"; priorSends: PriorSend[]; message?: string };

/**
 * A send attempt that ends in the repeat-recipient question sends nothing but tells the rep something,
 * so it has its own, lower per-user limit than sends: past it the answer withholds the earlier gifts.
 */
export async function answerRecipientCheck<T extends Checked>(
  db: Db,
  viewer: Viewer,
  result: T,
  limitPerMinute: number,
): Promise<T | { status: "blocked"; message: string; priorSends: PriorSend[] }> {
  const verdict = await consume(db, {
    key: `recipient-check:${viewer.id}`,
    limit: limitPerMinute,
    windowMs: 60_000,
  });
  if (!verdict.ok) {
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    return {
      status: "blocked",
      message: `You have checked many recipients in a short time. Nothing was sent; try again in ${seconds} s.`,
      priorSends: [],
    };
  }
  return { ...result, priorSends: disclosePriorSends(viewer, result.priorSends) };
}
