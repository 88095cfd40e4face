import type { SlotGrant } from "./slots";

/**
 * One granted slot, as its holder sees it.
 *
 * The grant holds the slot for lease + request timeout + window + margin: long enough to cover a
 * request sent at the very end of its lease that takes its whole timeout. When the answer comes back,
 * upstream has certainly seen the request by then, so the hold is cut to "window + margin after the
 * answer" (measured from `requestedAt`, local time taken before asking the database, which is no later
 * than the grant). No assumption about network delay is needed for answered requests, and the slot is
 * reused about one window after each answer. Unanswered requests keep the full hold.
 */
export type LeaseEnd = "answered" | "unanswered" | "not_sent";

export interface Lease {
  /** Call right before sending. False when the lease has run out: do not send on it (it is released). */
  begin(): boolean;
  /**
   * Call once the attempt is over. "answered": a response came back, so upstream saw the request no
   * later than now; "unanswered": it may still arrive, so the full hold is kept; "not_sent": it provably
   * never left, so the slot is released.
   */
  end(how: LeaseEnd): void;
  /** Hand back a lease that was never used. */
  release(): void;
}

/** Moves the grant's `free_at` earlier by `ms` (later when negative); errors are reported, not thrown. */
export type GiveBack = (grant: SlotGrant, ms: number) => void;

/** Smaller adjustments are not worth a database write. */
const MIN_ADJUST_MS = 5;

export function createLease(args: {
  grant: SlotGrant;
  requestedAt: number;
  /** How long after `requestedAt` the holder may still begin sending. */
  leaseMs: number;
  /** The hold the database granted (from the grant). */
  holdMs: number;
  /** How long after the answer the slot stays taken (window + margin). */
  cooldownMs: number;
  giveBack: GiveBack;
  /** Called once a lease that was used has ended (the limiter refills its spare then). */
  onUsed?: () => void;
  now?: () => number;
}): Lease & { remainingMs(): number } {
  const now = args.now ?? (() => performance.now());
  const deadline = args.requestedAt + args.leaseMs;
  let state: "held" | "sending" | "done" = "held";
  const finish = (ms: number) => {
    state = "done";
    if (Math.abs(ms) >= MIN_ADJUST_MS) args.giveBack(args.grant, ms);
  };
  return {
    remainingMs: () => deadline - now(),
    begin() {
      if (state !== "held") return false;
      if (now() > deadline) {
        finish(args.holdMs);
        return false;
      }
      state = "sending";
      return true;
    },
    end(how) {
      if (state !== "sending") return;
      if (how === "not_sent") finish(args.holdMs);
      else if (how === "unanswered") finish(0);
      // The slot may be reused one cooldown after now (negative only if the answer outlived the hold).
      else finish(args.holdMs - args.cooldownMs - Math.ceil(now() - args.requestedAt));
      args.onUsed?.();
    },
    release() {
      if (state === "held") finish(args.holdMs);
    },
  };
}
