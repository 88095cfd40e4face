import { LIST_LAG_MS, MATCH_WINDOW } from "./reconcile-match";

/**
 * Why "mark not sent" is refused. Marking a send not sent tells its rep to send again and lifts the
 * recipient block, so it waits for proof: the send's matching window has closed and a reconcile that
 * read that whole window afterwards found nothing (`absent_checked_at`).
 */
export type NotSentRefusal =
  | { reason: "window_open"; until: Date }
  | { reason: "not_checked" }
  | { reason: "ambiguous" }
  | { reason: "not_reached" }
  | { reason: "check_failed" };

/** When every candidate for a send posted at `postedAt` would be in Sendoso's list. */
export const windowClosesAt = (postedAt: Date) =>
  new Date(postedAt.getTime() + MATCH_WINDOW.afterMs + LIST_LAG_MS);

export function notSentGate(
  send: { postedAt: Date; absentCheckedAt: Date | null },
  now: Date,
): NotSentRefusal | null {
  const closes = windowClosesAt(send.postedAt);
  if (now < closes) return { reason: "window_open", until: closes };
  // A check from before the window closed proves nothing: a candidate could still have appeared.
  if (!send.absentCheckedAt || send.absentCheckedAt < closes) return { reason: "not_checked" };
  return null;
}

const time = (at: Date) => at.toISOString().slice(11, 16);

/** The dialog's words for each refusal. */
export function notSentRefusalMessage(refusal: NotSentRefusal): string {
  switch (refusal.reason) {
    case "window_open":
      return `Too early: Sendoso may still list this gift. Gift Desk checks again after ${time(refusal.until)} UTC; try then.`;
    case "not_checked":
      return "Gift Desk has not yet read Sendoso's whole send list for this gift's time. Nothing was changed; try again in a few minutes.";
    case "ambiguous":
      return "Sendoso has sends that could be this gift. Check them in Sendoso: it may well have gone out. Nothing was changed.";
    case "not_reached":
      return "Sendoso's send list has not been read back to this gift's time yet; the regular sync gets there within the hour. Nothing was changed.";
    case "check_failed":
      return "Gift Desk could not check with Sendoso just now. Nothing was changed; try again in a few minutes.";
  }
}
