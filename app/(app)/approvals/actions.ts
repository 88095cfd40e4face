"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { getSendosoClientForRecorded } from "@/lib/sendoso";
import { approveSend, type DecisionResult, rejectSend } from "@/lib/sends/approval-decisions";
import { pendingSendSchema, rejectSendSchema } from "@/lib/validation/spend";

function refreshed(result: DecisionResult): DecisionResult {
  // The queue and the header's count change once a send is decided (or was decided by someone else).
  if (result.status !== "not_found") revalidatePath("/approvals");
  return result;
}

/**
 * Approves a pending send and sends it at once through the normal money path, on the Sendoso
 * connection the send was recorded on. `mayApprove` (in approveSend) decides per send; others' sends read as not found.
 */
export const approveSendAction = defineAction(
  {
    schema: pendingSendSchema,
    permission: "approve_sends",
    sameOriginOnly: true,
    // Each approval may spend money: a per-user allowance like sends have (issue 16).
    rateLimit: () => ({ name: "approve", limit: getConfig().limits.approvalsPerMinute, windowMs: 60_000 }),
    failureMessage:
      "Something went wrong before Gift Desk could confirm this gift. Check History before approving again.",
  },
  async (user, { sendId }) => {
    const config = getConfig();
    const result = await approveSend(
      {
        db: await getDb(),
        viaFrom: config.sendoso.viaFrom,
        repeatWindowDays: config.repeatRecipientWindowDays,
        settleWaitMs: config.sendoso.timeoutMs + 5_000,
        currency: config.currency,
        sendosoFor: getSendosoClientForRecorded,
      },
      user,
      sendId,
    );
    return refreshed(result);
  },
);

/** Rejects a pending send with the reason the rep will read; its reservation is released. */
export const rejectSendAction = defineAction(
  {
    schema: rejectSendSchema,
    permission: "approve_sends",
    sameOriginOnly: true,
    rateLimit: () => ({ name: "approve", limit: getConfig().limits.approvalsPerMinute, windowMs: 60_000 }),
    failureMessage: "Gift Desk could not record this. Nothing was changed; try again.",
  },
  async (user, input) => refreshed(await rejectSend(await getDb(), user, input)),
);
