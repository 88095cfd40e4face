/**
 * What happens to a sender whose sign-in carries no team group (issue 16): a new hire not yet in a
 * group, a contractor, a renamed group, Entra's groups overage. Without a team no manager sees their
 * sends and no team budget or approval rule applies, so Gift Desk fails closed.
 */
export const TEAMLESS_SENDS = ["refuse", "approve"] as const;
export type TeamlessSends = (typeof TEAMLESS_SENDS)[number];

const groupExample = (prefix = "team-") => `a group named "${prefix}<team>", e.g. "${prefix}sales"`;

/** TEAMLESS_SENDS=refuse: nothing is recorded; the rep learns what IT must configure. */
export function teamlessRefusal(prefix?: string): string {
  return (
    "Gift Desk cannot send gifts for you yet: your sign-in carries no team. Ask IT to add you to " +
    `${groupExample(prefix)}, in the company identity provider, then sign out and in again. Nothing was sent.`
  );
}

/** TEAMLESS_SENDS=approve (the default): the send waits for an admin. */
export function teamlessReview(prefix?: string): string {
  return (
    "Your sign-in carries no team, so an admin approves each of your gifts before it goes out. " +
    `To send without that, ask IT to add you to ${groupExample(prefix)}.`
  );
}
