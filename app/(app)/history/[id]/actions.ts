"use server";

import { revalidatePath } from "next/cache";
import { currentRequestId } from "@/lib/audit/request-id";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { markUnknownNotSent } from "@/lib/sends/resolve-unknown";
import { sendScopeFor } from "@/lib/sends/scope";
import { markNotSentSchema } from "@/lib/validation/history-resolve";

/** A manager of the send's team, or an admin, confirms an `unknown` send never reached Sendoso. */
export const markSendNotSent = defineAction(
  {
    schema: markNotSentSchema,
    permission: "resolve_unknown_sends",
    sameOriginOnly: true,
    failureMessage: "Gift Desk could not record this. Nothing was changed; try again.",
  },
  async (user, input) => {
    const result = await markUnknownNotSent(await getDb(), user, sendScopeFor(user), {
      ...input,
      requestId: await currentRequestId(),
    });
    if (result.status === "not_sent") {
      revalidatePath("/history");
      revalidatePath(`/history/${input.sendId}`);
    }
    return result;
  },
);
