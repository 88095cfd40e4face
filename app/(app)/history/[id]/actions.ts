"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { cancelPendingSend } from "@/lib/sends/approval-decisions";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { markNotSentSchema } from "@/lib/validation/history-resolve";
import { pendingSendSchema } from "@/lib/validation/spend";

/** A manager of the send's team, or an admin, confirms an `unknown` send never reached Sendoso. */
export const markSendNotSent = defineAction(
  {
    schema: markNotSentSchema,
    permission: "resolve_unknown_sends",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not record this. Nothing was changed; try again.",
  },
  async (user, input) => {
    // recordAudit stamps the current request's id itself.
    const result = await markUnknownNotSent(await getDb(), user, sendScopeFor(user), input);
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
