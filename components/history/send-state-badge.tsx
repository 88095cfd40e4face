import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SendState } from "@/lib/db/schema";

const STATE_LOOK: Record<SendState, { tone: BadgeTone; label: string }> = {
  queued: { tone: "neutral", label: "Queued" },
  in_flight: { tone: "info", label: "Sending" },
  sent: { tone: "success", label: "Sent" },
  failed: { tone: "danger", label: "Failed" },
  unknown: { tone: "warning", label: "Checking — do not resend" },
  not_sent: { tone: "neutral", label: "Not sent" },
};

export function SendStateBadge({ state }: { state: SendState }) {
  const look = STATE_LOOK[state];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}
