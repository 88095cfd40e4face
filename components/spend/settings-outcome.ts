import type { ActionResult } from "@/lib/auth/action-result";

/** What a spend-settings action answers (app/(app)/admin/spend/actions.ts). */
export type SettingsOutcome =
  | { status: "saved" | "deleted" | "not_found" }
  | { status: "invalid"; fieldErrors: Record<string, string[]> };

export type SettingsAction<T> = (input: T) => Promise<ActionResult<SettingsOutcome>>;

/** One message for a refused or failed action, or null when it worked (field errors shown apart). */
export function outcomeError(result: ActionResult<SettingsOutcome>): string | null {
  if (!result.ok) return result.formError ?? "That did not work.";
  if (result.data.status === "not_found") return "This setting no longer exists. Reload the page.";
  if (result.data.status === "invalid") return "Check the highlighted fields.";
  return null;
}

/** Field errors from zod (action input) or from the domain, whichever the action reported. */
export function fieldErrorsOf(result: ActionResult<SettingsOutcome>): Record<string, string[] | undefined> {
  if (!result.ok) return result.fieldErrors ?? {};
  return result.data.status === "invalid" ? result.data.fieldErrors : {};
}
