import type { BulkSettings } from "@/lib/db/schema";
import { hasPlusAddressing, type SendGiftValues, sendGiftSchema } from "@/lib/validation/send";
import type { BulkField } from "./fields";
import { formatCount } from "./limits";
import { columnOf, rowInput } from "./row-values";

/** What Gift Desk already knows about a recipient (lib/bulk/recipient-flags.ts). */
export type RecipientFlags = { recentSends: number; unknownSend: boolean };

export type RowReview = {
  rowNumber: number;
  cells: Record<string, string>;
  /** Reasons by column; `row` for a problem with no single cell (e.g. the touch). */
  errors: Partial<Record<BulkField | "row", string>>;
  warnings: string[];
  /** A send to this recipient is still `unknown`: the single-send path would refuse it too. */
  blocked: boolean;
  values: SendGiftValues | null;
};

export type ReviewSummary = {
  total: number;
  valid: number;
  invalid: number;
  blocked: number;
  warned: number;
};

// Validation needs a well-formed key; the real one is derived at start (row-key.ts).
const PLACEHOLDER_KEY = "00000000-0000-4000-8000-000000000000";

/** Lower-cased email → row numbers that list it, for "duplicate in this file". */
function rowsByEmail(rows: { rowNumber: number; cells: Record<string, string> }[]): Map<string, number[]> {
  const seen = new Map<string, number[]>();
  for (const row of rows) {
    const email = row.cells.email?.trim().toLowerCase();
    if (!email) continue;
    seen.set(email, [...(seen.get(email) ?? []), row.rowNumber]);
  }
  return seen;
}

/**
 * Judges every row with the single-send schema, then adds the warnings a batch needs: the same
 * recipient twice in the file, a `+` address, a recent gift to them, and an `unknown` send (blocks).
 */
export function reviewRows(
  rows: { rowNumber: number; cells: Record<string, string> }[],
  settings: BulkSettings,
  flags: Map<string, RecipientFlags>,
  windowDays: number,
): RowReview[] {
  const byEmail = rowsByEmail(rows);
  return rows.map((row) => {
    const errors: RowReview["errors"] = {};
    const warnings: string[] = [];
    const parsed = sendGiftSchema.safeParse(rowInput(row.cells, settings, PLACEHOLDER_KEY));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = columnOf(String(issue.path[0] ?? ""), row.cells) ?? "row";
        errors[column] ??= issue.message;
      }
    }
    const email = parsed.success ? parsed.data.recipientEmail : row.cells.email?.trim().toLowerCase();
    const twins = email ? (byEmail.get(email) ?? []).filter((n) => n !== row.rowNumber) : [];
    if (twins.length > 0) {
      warnings.push(
        `Same recipient as row ${twins.slice(0, 3).map(formatCount).join(", ")}${twins.length > 3 ? "…" : ""}`,
      );
    }
    if (email && hasPlusAddressing(email)) warnings.push("A + address: Sendoso may hold it as suspicious");
    const flag = email ? flags.get(email) : undefined;
    if (flag && flag.recentSends > 0) {
      warnings.push(
        `Gifted ${flag.recentSends === 1 ? "once" : `${flag.recentSends} times`} in the last ${windowDays} days`,
      );
    }
    const blocked = flag?.unknownSend === true;
    return {
      rowNumber: row.rowNumber,
      cells: row.cells,
      errors,
      warnings,
      blocked,
      values: parsed.success ? parsed.data : null,
    };
  });
}

export function summarise(reviews: RowReview[]): ReviewSummary {
  let valid = 0;
  let blocked = 0;
  let warned = 0;
  for (const r of reviews) {
    if (r.values && !r.blocked) valid++;
    if (r.blocked) blocked++;
    if (r.warnings.length > 0) warned++;
  }
  return { total: reviews.length, valid, invalid: reviews.length - valid, blocked, warned };
}
