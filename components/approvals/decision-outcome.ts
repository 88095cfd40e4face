import type { ActionResult } from "@/lib/auth/action-result";
import type { SendState } from "@/lib/db/schema";
import type { DecisionResult } from "@/lib/sends/approval-decisions";

export type DecisionView = {
  tone: "success" | "warning" | "danger" | "info";
  title: string;
  text?: string;
  trackingCode?: string;
  /** Decided one way or the other: the buttons go away. */
  final: boolean;
};

const STATE_WORDS: Partial<Record<SendState, string>> = {
  queued: "approved by someone else and on its way",
  in_flight: "being sent",
  sent: "already sent",
  rejected: "already rejected",
  cancelled: "cancelled by the rep",
};

/** What an approve or reject click came to, in the approver's words. */
export function describeDecision(result: ActionResult<DecisionResult>): DecisionView {
  if (!result.ok) {
    return { tone: "danger", title: result.formError ?? "That did not work.", final: false };
  }
  const data = result.data;
  switch (data.status) {
    case "rejected":
      return { tone: "info", title: "Rejected. The rep is told why; nothing was sent.", final: true };
    case "cancelled":
      return { tone: "info", title: "Cancelled.", final: true };
    case "not_found":
      return { tone: "danger", title: "This send could not be found.", final: true };
    case "own_send":
      return { tone: "danger", title: data.message, final: true };
    case "not_pending":
      return {
        tone: "warning",
        title: `Nothing was changed: this gift is ${STATE_WORDS[data.state] ?? data.state.replace("_", " ")}.`,
        final: true,
      };
    case "not_connected":
    case "held":
      return { tone: "danger", title: "Still waiting: it was not sent.", text: data.message, final: false };
    case "approved": {
      const sent = data.result;
      if (sent.status === "sent") {
        return { tone: "success", title: "Approved and sent.", trackingCode: sent.trackingCode, final: true };
      }
      if (sent.status === "failed") {
        return {
          tone: "danger",
          title: "Approved, but Sendoso refused it.",
          text: sent.message,
          final: true,
        };
      }
      const message = "message" in sent ? sent.message : undefined;
      return {
        tone: "warning",
        title: "Approved; Sendoso's answer is not confirmed yet.",
        text: message,
        final: true,
      };
    }
  }
}
