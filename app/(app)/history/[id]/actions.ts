"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { runSyncJob, type SendCheckOutcome, sendCheckOutcome } from "@/lib/jobs/runs";
import { cancelPendingSend } from "@/lib/sends/approval-decisions";
import { type NotSentRefusal, notSentRefusalMessage } from "@/lib/sends/not-sent-gate";
import { markUnknownNotSent, type ResolveResult } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { markNotSentSchema } from "@/lib/validation/history-resolve";
import { pendingSendSchema } from "@/lib/validation/spend";

/** What a check run just for this send says, as a reason to refuse (null: nothing found, go on). */
function refusalAfterCheck(outcome: SendCheckOutcome): NotSentRefusal | null {
  if (outcome === "not_found" || outcome === "found" || outcome === "changed") return null;
  if (outcome === "ambiguous") return { reason: "ambiguous" };
  if (outcome === "not_reached") return { reason: "not_reached" };
  return { reason: "check_failed" };
}

type MarkResult = Exclude<ResolveResult, { status: "refused" }> | { status: "refused"; message: string };

/**
 * A manager of the send's team, or an admin, confirms an `unknown` send never reached Sendoso. When no
 * complete check has been recorded for it since its window closed, this first runs one (reads only),
 * so the dialog either goes through or says why not.
 */
export const markSendNotSent = defineAction(
  {
    schema: markNotSentSchema,
    permission: "resolve_unknown_sends",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not record this. Nothing was changed; try again.",
  },
  async (user, input): Promise<MarkResult> => {
    const db = await getDb();
    // recordAudit stamps the current request's id itself.
    let result = await markUnknownNotSent(db, user, sendScopeFor(user), input);
    if (result.status === "refused" && result.refusal.reason === "not_checked") {
      const refusal = refusalAfterCheck(sendCheckOutcome(await runSyncJob({ onlySendIds: [input.sendId] })));
      result = refusal
        ? { status: "refused", refusal }
        : await markUnknownNotSent(db, user, sendScopeFor(user), input);
    }
    if (result.status === "refused")
      return { status: "refused", message: notSentRefusalMessage(result.refusal) };
    if (result.status === "not_sent") {
      revalidatePath("/history");
      revalidatePath(`/history/${input.sendId}`);
    }
    return result;
  },
);

/** The rep withdraws their own gift while it waits for approval; nothing was sent. */
export const cancelPendingSendAction = defineAction(
  {
    schema: pendingSendSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not cancel this. Nothing was changed; try again.",
  },
  async (user, { sendId }) => {
    const result = await cancelPendingSend(await getDb(), user, sendId);
    if (result.status === "cancelled") {
      revalidatePath("/history");
      revalidatePath(`/history/${sendId}`);
    }
    return result;
  },
);
