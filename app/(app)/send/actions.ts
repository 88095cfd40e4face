"use server";

import { revalidatePath } from "next/cache";
import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { getSendosoClient, listActiveTouches } from "@/lib/sendoso";
import { submitSend } from "@/lib/sends/send-service";
import { sendGiftSchema } from "@/lib/validation/send";

export const sendGift = defineAction(
  {
    schema: sendGiftSchema,
    permission: "send",
    sameOriginOnly: true,
    failureMessage:
      "Something went wrong before Gift Desk could confirm this gift. Check History before trying again; " +
      "pressing Send again on this form is safe and will not send twice.",
  },
  async (user, values) => {
    const config = getConfig();
    const db = await getDb();
    // The name is kept for history; an unlisted touch still goes to Sendoso, whose answer is recorded.
    const touches = await listActiveTouches().catch(() => []);
    const touchName = touches.find((t) => t.id === values.touchId)?.name ?? `Touch ${values.touchId}`;
    const result = await submitSend(
      {
        db,
        sendoso: getSendosoClient(),
        viaFrom: config.sendoso.viaFrom,
        repeatWindowDays: config.repeatRecipientWindowDays,
        settleWaitMs: config.sendoso.timeoutMs + 5_000,
      },
      { id: user.id, team: user.team },
      values,
      touchName,
    );
    revalidatePath("/history");
    return result;
  },
);
