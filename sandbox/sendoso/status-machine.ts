/**
 * Sendoso's asynchronous send lifecycle (contract §5.2), driven by the simulator clock.
 * A timeline holds the statuses already reached and the ones scheduled; `refresh` moves
 * scheduled ones whose time has come into the history.
 */
export interface StatusUpdate {
  status: string;
  atMs: number;
}

export interface Timeline {
  /** Happy-path order for this kind of send. */
  flow: readonly string[];
  updates: StatusUpdate[];
  pending: StatusUpdate[];
  stepMs: number;
  /** Schedule the rest of the flow automatically after each step. */
  auto: boolean;
  /** Last status automatic progress may reach (Sendoso's sandbox stops at "Processing"). */
  stopAt: string | null;
}

export const CONFIRMING_ADDRESS = "Confirming Address";
export const CONFIRMATION_CANCELLED = "Address Confirmation - Cancelled";
export const EGIFT_FLOW = ["Sent", "Opened", "Clicked", "Redeemed"] as const;
export const FULFILMENT_FLOW = ["Order Received", "Processing", "Shipped", "Delivered"] as const;
const DAY_MS = 86_400_000;

export interface TimelineInput {
  kind: "egift" | "physical" | "address_confirmation" | "failed";
  startMs: number;
  stepMs: number;
  auto: boolean;
  stopAtProcessing: boolean;
  expireAfterDays?: number;
  resumeWithUnconfirmedAddress?: boolean;
}

export function createTimeline(input: TimelineInput): Timeline {
  const egift = input.kind === "egift";
  const timeline: Timeline = {
    flow: egift ? EGIFT_FLOW : FULFILMENT_FLOW,
    updates: [{ status: "Initiated", atMs: input.startMs }],
    pending: [],
    stepMs: input.stepMs,
    auto: input.auto,
    stopAt: input.stopAtProcessing && !egift ? "Processing" : null,
  };
  if (input.kind === "failed") {
    timeline.updates.push({ status: "Failed", atMs: input.startMs });
  } else if (input.kind === "address_confirmation") {
    timeline.updates.push({ status: CONFIRMING_ADDRESS, atMs: input.startMs });
    const expiresAt = input.startMs + (input.expireAfterDays ?? 2) * DAY_MS;
    timeline.pending = input.resumeWithUnconfirmedAddress
      ? flowFrom(timeline, "Order Received", expiresAt)
      : [{ status: CONFIRMATION_CANCELLED, atMs: expiresAt }];
  } else {
    timeline.pending = flowFrom(timeline, egift ? "Sent" : "Order Received", input.startMs);
  }
  refresh(timeline, input.startMs);
  return timeline;
}

/** Scheduled statuses from `status` onwards, the first at `fromMs`, then one step apart. */
function flowFrom(timeline: Timeline, status: string, fromMs: number): StatusUpdate[] {
  const start = timeline.flow.indexOf(status);
  if (start < 0) return [{ status, atMs: fromMs }];
  const stopIndex = timeline.stopAt ? timeline.flow.indexOf(timeline.stopAt) : timeline.flow.length - 1;
  const end = timeline.auto ? Math.max(stopIndex, start) : start;
  return timeline.flow
    .slice(start, end + 1)
    .map((s, i) => ({ status: s, atMs: fromMs + i * timeline.stepMs }));
}

export function refresh(timeline: Timeline, nowMs: number): void {
  while (timeline.pending[0] && timeline.pending[0].atMs <= nowMs) {
    const next = timeline.pending.shift();
    if (next) timeline.updates.push(next);
  }
}

export function currentStatus(timeline: Timeline): string {
  return timeline.updates.at(-1)?.status ?? "Initiated";
}

export type TransitionResult = { ok: true; status: string } | { ok: false; message: string };

/** The recipient filled in the address form: fulfilment starts now. */
export function confirmAddress(timeline: Timeline, nowMs: number): TransitionResult {
  refresh(timeline, nowMs);
  const status = currentStatus(timeline);
  if (status !== CONFIRMING_ADDRESS) {
    return { ok: false, message: `Send is not awaiting address confirmation (status: ${status})` };
  }
  timeline.pending = flowFrom(timeline, "Order Received", nowMs);
  refresh(timeline, nowMs);
  return { ok: true, status: currentStatus(timeline) };
}

/** Moves to the next happy-path status now (e.g. an eGift is opened, clicked, redeemed). */
export function advance(timeline: Timeline, nowMs: number): TransitionResult {
  refresh(timeline, nowMs);
  const status = currentStatus(timeline);
  if (status === CONFIRMING_ADDRESS) return confirmAddress(timeline, nowMs);
  const index = timeline.flow.indexOf(status);
  const next = index >= 0 ? timeline.flow[index + 1] : undefined;
  if (!next) return { ok: false, message: `No next status after ${status}` };
  timeline.pending = flowFrom(timeline, next, nowMs);
  refresh(timeline, nowMs);
  return { ok: true, status: currentStatus(timeline) };
}

/** Forces any status (e.g. "Failed", "Cancelled"); automatic progress stops. */
export function forceStatus(timeline: Timeline, status: string, nowMs: number): TransitionResult {
  refresh(timeline, nowMs);
  timeline.pending = [];
  timeline.updates.push({ status, atMs: nowMs });
  return { ok: true, status };
}
