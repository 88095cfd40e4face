"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { runSyncJob, sendCheckOutcome } from "@/lib/jobs/runs";
import { requestSendCheck } from "@/lib/sends/check-now";
import { sendScopeFor } from "@/lib/sends/scope";
import { checkSendSchema } from "@/lib/validation/send-check";

/**
 * "Check with Sendoso now" on an `unknown` send, for its sender or whoever may resolve it: flags the send
 * and runs the reconciler for it at once, instead of waiting for the next scheduled run. Only reads
 * Sendoso; never sends anything.
 */
export const checkSendWithSendoso = defineAction(
  {
    schema: checkSendSchema,
    // Every role may ask about its own sends; requestSendCheck narrows it to the sender or a resolver.
    permission: "view_own_sends",
    sameOriginOnly: true,
    // Each check reads Sendoso's send list: a few per minute is plenty.
    rateLimit: () => ({ name: "check-send", limit: 6, windowMs: 60_000 }),
    failureMessage:
      "Gift Desk could not reach Sendoso just now. Nothing was changed; it keeps checking on its own.",
  },
  async (user, { sendId }) => {
    const db = await getDb();
    const request = await requestSendCheck(db, user, sendScopeFor(user), sendId);
    if (request.status !== "requested") return request;
    const outcome = sendCheckOutcome(await runSyncJob({ onlySendIds: [sendId] }));
    if (outcome === "found" || outcome === "changed") {
      revalidatePath("/history");
      revalidatePath(`/history/${sendId}`);
    }
    return { status: "checked" as const, outcome };
  },
);
