"use server";

import { defineAction } from "@/lib/auth/action";
import { getDb } from "@/lib/db";
import { getConfig } from "@/lib/env";
import { templateUseRefusal } from "@/lib/messages/template-use";
import { answerRecipientCheck } from "@/lib/security/recipient-disclosure";
import {
  getSendosoClientFor,
  listActiveTouches,
  SendosoNeedsReconnectError,
  SendosoNotConnectedError,
} from "@/lib/sendoso";
import { submitSend } from "@/lib/sends/send-service";
import { estimateSendCost } from "@/lib/spend/estimate";
import { adminEstimateFor } from "@/lib/spend/estimates-store";
import { countSend, withSpan } from "@/lib/telemetry/metrics";
import { sendGiftSchema } from "@/lib/validation/send";

export const sendGift = defineAction(
  {
    schema: sendGiftSchema,
    permission: "send",
    sameOriginOnly: true,
    // No `rateLimit` here: the per-user send limit is counted inside the record transaction
    // (submitSend's sendLimit), so it costs no commit of its own.
    failureMessage:
      "Something went wrong before Gift Desk could confirm this gift. Check History before trying again; " +
      "pressing Send again on this form is safe and will not send twice.",
  },
  async (user, values) => {
    const config = getConfig();
    const db = await getDb();
    // Three independent reads at once (one round trip of waiting, not three): the saved message, the
    // rep's Sendoso connection and the admin's estimate for this touch.
    const [templateRefusal, connected, adminEstimate] = await Promise.all([
      templateUseRefusal(db, user, values),
      getSendosoClientFor(user.id).then(
        (sendoso) => ({ sendoso, error: null }),
        (error: unknown) => ({ sendoso: null, error }),
      ),
      adminEstimateFor(db, values.touchId),
    ]);
    // A locked team message goes out as written, whatever the request says; nothing is recorded if not.
    if (templateRefusal) return { status: "blocked" as const, message: templateRefusal, priorSends: [] };
    const { sendoso, error } = connected;
    if (!sendoso) {
      // Nothing is recorded or sent: the rep connects (or reconnects) first.
      if (error instanceof SendosoNotConnectedError || error instanceof SendosoNeedsReconnectError) {
        return { status: "not_connected" as const, message: error.message };
      }
      throw error;
    }
    // The name is kept for history; an unlisted touch still goes to Sendoso, whose answer is recorded
    // (unpriced, so under a budget it waits for an approver). The list is usually cached (refreshed in
    // the background).
    const touches = await listActiveTouches(user.id, sendoso).catch(() => []);
    const touch = touches.find((t) => t.id === values.touchId);
    const pricing = {
      name: touch?.name ?? `Touch ${values.touchId}`,
      estimate: estimateSendCost(touch, adminEstimate),
    };
    const result = await withSpan("send.submit", () =>
      submitSend(
        {
          db,
          sendoso: sendoso.client,
          viaFrom: config.sendoso.viaFrom,
          repeatWindowDays: config.repeatRecipientWindowDays,
          settleWaitMs: config.sendoso.timeoutMs + 5_000,
          currency: config.currency,
          teamlessSends: config.teamlessSends,
          teamGroupPrefix: config.auth.teamGroupPrefix,
          sendLimit: { limit: config.limits.sendsPerMinute, windowMs: 60_000 },
        },
        {
          id: user.id,
          email: user.email,
          team: user.team,
          connection: { id: sendoso.connection.id, shared: sendoso.connection.shared },
        },
        values,
        pricing,
      ),
    );
    countSend(result.status);
    // No revalidatePath: History renders per request, and revalidating would re-render /send into
    // every action response (about 45 ms per send, bench/send-path).
    if (result.status === "needs_confirmation" || result.status === "blocked") {
      return answerRecipientCheck(db, user, result, config.limits.recipientChecksPerMinute);
    }
    return result;
  },
);
