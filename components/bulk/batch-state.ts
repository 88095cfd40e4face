import type { BadgeTone } from "@/components/ui/badge";
import type { BulkBatchState } from "@/lib/db/schema";

/** How a batch state reads, with a tone for its badge (the text always says it; colour only helps). */
export const BATCH_STATE: Record<BulkBatchState, { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft: in review", tone: "neutral" },
  pending_approval: { label: "Waiting for approval", tone: "warning" },
  running: { label: "Sending", tone: "info" },
  paused: { label: "Paused", tone: "warning" },
  completed: { label: "Finished", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  rejected: { label: "Rejected", tone: "danger" },
};
