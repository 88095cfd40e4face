import { formatMoney } from "./money";

/** One per-recipient yearly cap as it stands for one recipient (email) or their domain. */
export type RecipientCapMeter = {
  scope: "email" | "domain";
  /** The email or the domain the cap is counted on. */
  subject: string;
  /** The org's calendar year (ORG_TIME_ZONE). */
  year: number;
  cap: number;
  spent: number;
  reserved: number;
  left: number;
};

/** The domain a cap counts on: what follows the `@`, lower-cased like the stored emails. */
export function recipientDomain(email: string): string {
  return (email.split("@")[1] ?? "").trim().toLowerCase();
}

/**
 * The first cap this gift would pass. A gift with no estimate passes a cap that has nothing left, since
 * whatever it costs is more than nothing; otherwise it fits while it is at most what is left.
 */
export function capOverrun(
  meters: RecipientCapMeter[],
  amount: number | null,
): RecipientCapMeter | undefined {
  return meters.find((m) => (amount === null ? m.left <= 0 : amount > m.left + 1e-9));
}

/** The numbers the rep (and the approver) read when a gift does not fit a cap. */
export function capMessage(
  meter: RecipientCapMeter,
  amount: number | null,
  currency: string,
  action: "refuse" | "approve",
): string {
  const money = (v: number) => formatMoney(v, currency);
  const whom = meter.scope === "email" ? meter.subject : `everyone at ${meter.subject}`;
  const used = meter.spent + meter.reserved;
  const gift =
    amount === null
      ? `this gift has no cost estimate and ${money(Math.max(0, meter.left))} is left`
      : `this ${money(amount)} gift would bring ${meter.year}'s gifts to ${money(used + amount)}`;
  const numbers = `${gift} (cap ${money(meter.cap)}, ${money(used)} already sent or reserved)`;
  const outcome = action === "refuse" ? "Nothing was sent." : "It waits for a manager's approval.";
  return `Over the ${meter.year} gift cap for ${whom}: ${numbers}. ${outcome}`;
}
