import type { Db } from "@/lib/db/client";
import { approvalPolicies, budgets } from "@/lib/db/schema";
import type { SendDeps } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";
import { sandboxClient, sendDeps } from "./send-deps";
import type { TestSimulator } from "./simulator";

let counter = 0;

/** A valid address-collection form for a recipient no other test uses. */
export const spendForm = (overrides: Record<string, unknown> = {}) =>
  sendGiftSchema.parse({
    sendType: "address_collection",
    idempotencyKey: crypto.randomUUID(),
    touchId: 1001,
    recipientName: "Budget Test",
    recipientEmail: `spend.${Date.now()}.${counter++}@example.com`,
    customMessage: "Thanks!",
    ...overrides,
  });

/** The send path on the simulator, patient enough for a burst of concurrent sends. */
export const spendDeps = (db: Db, sim: TestSimulator): SendDeps =>
  // A send's deadline (twice this) includes its wait for the record transaction: 100 at once on PGlite
  // run one after another.
  sendDeps(db, sandboxClient(sim, { timeoutMs: 15_000 }));

export async function setTeamBudget(
  db: Db,
  team: string,
  amount: number,
  options: { overBudgetNeedsApproval?: boolean } = {},
): Promise<void> {
  await db.insert(budgets).values({
    team,
    amount: amount.toFixed(2),
    overBudgetNeedsApproval: options.overBudgetNeedsApproval ?? false,
  });
}

export async function setThreshold(
  db: Db,
  team: string,
  threshold: number,
  extra: { fallbackApproverId?: string; remindAfterHours?: number } = {},
): Promise<void> {
  await db.insert(approvalPolicies).values({ team, threshold: threshold.toFixed(2), ...extra });
}
