import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db/client";
import type { User } from "@/lib/db/schema";
import type { SendosoClient } from "@/lib/sendoso/client";
import { listPendingApprovals } from "@/lib/sends/approval-queue";
import { toApprovalItems } from "@/lib/sends/approval-queue-view";
import { submitSend } from "@/lib/sends/send-service";
import { saveApprovalPolicy } from "@/lib/spend/settings";
import { sendGiftSchema } from "@/lib/validation/send";
import { backends } from "../support/databases";
import { sendDeps } from "../support/send-deps";
import { priced } from "../support/touch-pricing";
import { makeUser } from "../support/users";

// A send held for approval never reaches Sendoso: only the token and slot are taken up front (before
// the record transaction decides), and any call is a test failure.
const noSendoso = new Proxy({} as SendosoClient, {
  get(_target, prop) {
    if (prop === "prepareSend")
      return async () => ({
        ok: true,
        prepared: { token: "t", lease: undefined, signal: new AbortController().signal, endsAt: Infinity },
      });
    throw new Error("Sendoso must not be called for a held send");
  },
});

describe.each(backends)("the approvals page's view of the queue on $name", (backend) => {
  let database: DatabaseHandle;
  let rep: User;
  let manager: User;

  beforeAll(async () => {
    database = await backend.open();
    rep = await makeUser(database.db, "rep", "rep", "a", "Riley Rep");
    manager = await makeUser(database.db, "manager", "manager", "a", "Morgan Manager");
    await saveApprovalPolicy(
      database.db,
      { id: manager.id, email: manager.email },
      { team: "a", threshold: 100, fallbackApproverId: null, remindAfterHours: 24 },
    );
  });
  afterAll(async () => {
    await database?.close();
  });

  it("shows the held send with its options, its estimate and why it waits", async () => {
    const values = sendGiftSchema.parse({
      sendType: "address_collection",
      idempotencyKey: crypto.randomUUID(),
      touchId: 1003,
      recipientName: "Pat Partner",
      recipientEmail: `pat.${Date.now()}@example.com`,
      recipientCompany: "Acme",
      customMessage: "Thanks!",
      expireAfterDays: 5,
    });
    const deps = sendDeps(database.db, noSendoso, { settleWaitMs: 1 });
    const held = await submitSend(deps, rep, values, priced("Patagonia fleece", 129.5, true));
    expect(held.status).toBe("pending_approval");

    const items = await toApprovalItems(database.db, await listPendingApprovals(database.db, manager));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      senderName: "Riley Rep",
      recipientCompany: "Acme",
      touchName: "Patagonia fleece",
      estimatedCost: 129.5,
      costIsGuess: true,
      overBudget: false,
      reason: "Gifts over $100.00 need a manager's approval before they go out.",
    });
    expect(items[0]?.options).toEqual(
      expect.arrayContaining([
        ["Address confirmed by", "email"],
        ["Recipient has (days)", "5"],
        ["Ships if not confirmed", "No"],
      ]),
    );
    // Who, to whom and what are shown apart, never among the options.
    expect(items[0]?.options.map(([label]) => label)).not.toContain("email");
    // The rep does not see their own send in a queue.
    expect(await listPendingApprovals(database.db, rep)).toEqual([]);
  });
});
