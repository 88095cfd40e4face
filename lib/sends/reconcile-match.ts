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
  /** Sendoso's answer to our POST, when it came: joined exactly to a list item that carries one. */
  trackingCode: string | null;
  recipientEmail: string;
  touchId: number;
  /** The Sendoso user the send went out as; null when unknown (then it cannot be matched by content). */
  sendosoUserId: number | null;
  /** When our one POST went out (`in_flight_at`). */
  postedAt: Date;
  /** False for sends that only compete for candidates (in flight, failed, final) and are never written. */
  wanted: boolean;
};

export type MatchItem = Pick<
  SendosoSendItem,
  "send_gid" | "created_at" | "touch" | "recipient" | "sender" | "sent_via" | "tracking_code"
>;

export type MatchOutcome<I extends MatchItem> =
  | { kind: "matched"; send: OurSend; item: I; by: "gid" | "tracking_code" | "content" }
  | { kind: "ambiguous"; send: OurSend; candidateGids: string[]; reason: "several_items" | "shared_item" }
  /** Its whole window was read after it closed, and nothing there could be it. */
  | { kind: "not_found"; send: OurSend }
  /** Its window is still open: a second candidate may yet appear. Decided on a later run. */
  | { kind: "too_early"; send: OurSend; decidableAt: Date }
  /** This run did not read all of its window (or its gid's page): a later run will. */
  | { kind: "not_reached"; send: OurSend };

/** A `created_at` stretch (ms, bounds excluded) the walk read whole (reconcile-walk.ts). */
export type Covered = { from: number; to: number };

export type MatchOptions = {
  now: Date;
  window?: MatchWindow;
  /** Only windows inside one of these are decided by content; empty after an out-of-order page. */
  covered: readonly Covered[];
  /** Lower-cased `sent_via` values of API sends: anything else (web app, CRM trigger) is never adopted. */
  apiSentVia: ReadonlySet<string>;
  /** Gids and tracking codes already stored on one of our sends: such items are never another's. */
  takenGids: ReadonlySet<string>;
  takenCodes: ReadonlySet<string>;
};

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
export const sentViaOf = (item: Pick<MatchItem, "sent_via">) => item.sent_via?.trim().toLowerCase() ?? "";

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

/** Items by recipient email, so matching thousands of sends against thousands of items stays linear. */
function byEmail<I extends MatchItem>(items: I[]): Map<string, I[]> {
  const map = new Map<string, I[]>();
  for (const item of items) {
    const email = item.recipient?.email;
    if (!email) continue;
    const key = normaliseEmail(email);
    map.set(key, [...(map.get(key) ?? []), item]);
  }
  return map;
}

/**
 * The content candidates of every gid-less send: items not tied to another of our sends, from an API
 * origin, that fit by content. `rejectedVia` counts the `sent_via` of items that fit but are not API.
 */
export function contentCandidates<I extends MatchItem>(ours: OurSend[], items: I[], options: MatchOptions) {
  const window = options.window ?? MATCH_WINDOW;
  const free = items.filter(
    (item) =>
      !options.takenGids.has(item.send_gid) &&
      !(item.tracking_code && options.takenCodes.has(item.tracking_code)),
  );
  const index = byEmail(free);
  const rejectedVia = new Map<string, number>();
  const candidatesOf = new Map<string, I[]>();
  for (const send of ours) {
    if (send.sendGid !== null) continue;
    // Two different tracking codes are two different sends, however alike.
    const fitting = (index.get(normaliseEmail(send.recipientEmail)) ?? []).filter(
      (i) =>
        fits(send, i, window) &&
        !(i.tracking_code && send.trackingCode && i.tracking_code !== send.trackingCode),
    );
    const api = fitting.filter((item) => options.apiSentVia.has(sentViaOf(item)));
    for (const item of fitting) {
      if (!api.includes(item)) rejectedVia.set(sentViaOf(item), (rejectedVia.get(sentViaOf(item)) ?? 0) + 1);
    }
    candidatesOf.set(send.id, api);
  }
  return { candidatesOf, rejectedVia };
}

const coveredWhole = (covered: readonly Covered[], w: { from: number; to: number }) =>
  covered.some((c) => c.from < w.from && w.to < c.to);

/**
 * One outcome per wanted send. Exact joins first (a gid we hold, a tracking code Sendoso's item
 * carries); otherwise content, where every send of ours that could own an item competes for it, whatever
 * its state, and only a window read whole after it closed is decided.
 */
export function matchSends<I extends MatchItem>(
  ours: OurSend[],
  items: I[],
  options: MatchOptions,
): MatchOutcome<I>[] {
  const window = options.window ?? MATCH_WINDOW;
  const byGid = new Map(items.map((item) => [item.send_gid, item]));
  const byCode = new Map(items.flatMap((item) => (item.tracking_code ? [[item.tracking_code, item]] : [])));
  const { candidatesOf } = contentCandidates(ours, items, options);
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
        return item ? { kind: "matched", send, item, by: "gid" } : { kind: "not_reached", send };
      }
      const coded = send.trackingCode ? byCode.get(send.trackingCode) : undefined;
      if (coded && !options.takenGids.has(coded.send_gid)) {
        return { kind: "matched", send, item: coded, by: "tracking_code" };
      }
      const span = windowOf(send.postedAt, window);
      const decidableAt = span.to + LIST_LAG_MS;
      if (options.now.getTime() < decidableAt) {
        return { kind: "too_early", send, decidableAt: new Date(decidableAt) };
      }
      // "Exactly one candidate" needs the whole window read, in order.
      if (!coveredWhole(options.covered, span)) return { kind: "not_reached", send };
      const candidates = candidatesOf.get(send.id) ?? [];
      const gids = candidates.map((c) => c.send_gid);
      const [only] = candidates;
      if (!only) return { kind: "not_found", send };
      if (candidates.length > 1)
        return { kind: "ambiguous", send, candidateGids: gids, reason: "several_items" };
      if ((claimants.get(only.send_gid) ?? 0) > 1) {
        return { kind: "ambiguous", send, candidateGids: gids, reason: "shared_item" };
      }
      return { kind: "matched", send, item: only, by: "content" };
    });
}
