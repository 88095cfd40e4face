import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { SendState } from "@/lib/db/schema";
import { STATE_LABEL } from "./labels";

const STATE_TONE: Record<SendState, BadgeTone> = {
  pending_approval: "info",
  queued: "neutral",
  in_flight: "info",
  sent: "success",
  failed: "danger",
  unknown: "warning",
  not_sent: "neutral",
  rejected: "danger",
  cancelled: "neutral",
};

export function SendStateBadge({ state }: { state: SendState }) {
  return <Badge tone={STATE_TONE[state]}>{STATE_LABEL[state]}</Badge>;
}
