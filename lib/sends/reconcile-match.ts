import type { SendosoSendItem } from "@/lib/sendoso/schemas-sends";

/**
 * Pairs our sends with items of Sendoso's send list. The list carries no tracking code and Sendoso has
 * no client reference (sendoso-api.md §2.6, §5.1), so a send without a `send_gid` is recognised by what
 * we sent: recipient email, touch, the Sendoso user it went out as, and when. Anything short of exactly
 * one candidate, fitting exactly one of our sends, is left alone: a wrong match would mark a gift that
 * never went out as sent, and hide a real one. "Exactly one" only means something once every candidate
 * could have appeared, so a send is matched by content only after its window has closed.
 */

/** Sendoso's `created_at` against our `in_flight_at`: a little before (clock skew), more after (latency). */
export const MATCH_WINDOW = { beforeMs: 2 * 60_000, afterMs: 10 * 60_000 } as const;
export type MatchWindow = { beforeMs: number; afterMs: number };

/** How late a new send may show up in Sendoso's list (undocumented; sendoso-api.md T10 measures it). */
export const LIST_LAG_MS = 60_000;

export type OurSend = {
  id: string;
  /** Already known (earlier sync, webhook): matched by gid alone. */
  sendGid: string | null;
  recipientEmail: string;
  touchId: number;
  /** The Sendoso user the send went out as; null when unknown (then it cannot be matched by content). */
  sendosoUserId: number | null;
  /** When our one POST went out (`in_flight_at`). */
  postedAt: Date;
  /** False for sends that only compete for candidates (e.g. still in flight) and are never written. */
  wanted: boolean;
};

export type MatchItem = Pick<SendosoSendItem, "send_gid" | "created_at" | "touch" | "recipient" | "sender">;

export type MatchOutcome<I extends MatchItem> =
  | { kind: "matched"; send: OurSend; item: I }
  | { kind: "ambiguous"; send: OurSend; candidateGids: string[]; reason: "several_items" | "shared_item" }
  | { kind: "not_found"; send: OurSend }
  /** Its window is still open: a second candidate may yet appear. Decided on a later run. */
  | { kind: "too_early"; send: OurSend; decidableAt: Date }
  /** The list was not read back to the start of its window: a second candidate may be unseen. */
  | { kind: "not_reached"; send: OurSend };

const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function windowOf(postedAt: Date, window: MatchWindow = MATCH_WINDOW): { from: number; to: number } {
  return { from: postedAt.getTime() - window.beforeMs, to: postedAt.getTime() + window.afterMs };
}

/** Whether a list item could be the upstream record of `send`, judged by content alone. */
export function fits(send: OurSend, item: MatchItem, window: MatchWindow = MATCH_WINDOW): boolean {
  if (send.sendosoUserId === null || item.sender?.id !== send.sendosoUserId) return false;
  if (item.touch?.id !== send.touchId) return false;
  const email = item.recipient?.email;
  if (!email || normaliseEmail(email) !== normaliseEmail(send.recipientEmail)) return false;
  const created = Date.parse(item.created_at);
  const { from, to } = windowOf(send.postedAt, window);
  return Number.isFinite(created) && created >= from && created <= to;
}

/**
 * One outcome per wanted send. `takenGids` are gids already stored on one of our sends: such an item
 * belongs to that send and is never a candidate for another.
 */
export function matchSends<I extends MatchItem>(
  ours: OurSend[],
  items: I[],
  takenGids: ReadonlySet<string>,
  /** `coveredFrom`: with a partial read of the list, the oldest `created_at` it reached (ms). */
  options: { now: Date; window?: MatchWindow; coveredFrom?: number },
): MatchOutcome<I>[] {
  const window = options.window ?? MATCH_WINDOW;
  const byGid = new Map(items.map((item) => [item.send_gid, item]));
  const open = ours.filter((s) => s.sendGid === null);
  const free = items.filter((item) => !takenGids.has(item.send_gid));
  const candidatesOf = new Map(open.map((s) => [s.id, free.filter((item) => fits(s, item, window))]));
  // How many of our gid-less sends each item could belong to.
  const claimants = new Map<string, number>();
  for (const candidates of candidatesOf.values()) {
    for (const item of candidates) claimants.set(item.send_gid, (claimants.get(item.send_gid) ?? 0) + 1);
  }

  return ours
    .filter((s) => s.wanted)
    .map((send): MatchOutcome<I> => {
      if (send.sendGid !== null) {
        const item = byGid.get(send.sendGid);
        return item ? { kind: "matched", send, item } : { kind: "not_found", send };
      }
      const decidableAt = windowOf(send.postedAt, window).to + LIST_LAG_MS;
      if (options.now.getTime() < decidableAt) {
        return { kind: "too_early", send, decidableAt: new Date(decidableAt) };
      }
      // "Exactly one candidate" needs the whole window read; a partial walk may have stopped inside it.
      if (options.coveredFrom !== undefined && windowOf(send.postedAt, window).from < options.coveredFrom) {
        return { kind: "not_reached", send };
      }
      const candidates = candidatesOf.get(send.id) ?? [];
      const gids = candidates.map((c) => c.send_gid);
      const [only] = candidates;
      if (!only) return { kind: "not_found", send };
      if (candidates.length > 1)
        return { kind: "ambiguous", send, candidateGids: gids, reason: "several_items" };
      if ((claimants.get(only.send_gid) ?? 0) > 1) {
        return { kind: "ambiguous", send, candidateGids: gids, reason: "shared_item" };
      }
      return { kind: "matched", send, item: only };
    });
}
