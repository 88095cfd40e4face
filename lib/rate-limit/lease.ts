import type { SlotGrant } from "./slots";

/**
 * One granted slot, as its holder sees it. The grant holds the slot for window + margin + lease; the
 * lease is how long the holder has to send. Because the grant is made after `requestedAt` (local time,
 * taken before asking the database), "sent before requestedAt + lease" implies "sent before the grant's
 * hold ran out", with no need for app and database clocks to agree.
 */
export type LeaseEnd = "answered" | "unanswered" | "not_sent";

export interface Lease {
  /** Call right before sending. False when the lease has run out: do not send on it (it is released). */
  begin(): boolean;
  /**
   * Call once the attempt is over. "answered": a response came back, so the request reached upstream no
   * later than now and the rest of the lease is handed back; "unanswered": it may still arrive, so the
   * full hold is kept; "not_sent": it provably never left, so the slot is released.
   */
  end(how: LeaseEnd): void;
  /** Hand back a lease that was never used. */
  release(): void;
}

/** Hands unused time back to the database; errors are reported, never thrown at the caller. */
export type GiveBack = (grant: SlotGrant, ms: number) => void;

/** Below this, handing time back is not worth a database write. */
const MIN_GIVE_BACK_MS = 5;

export function createLease(args: {
  grant: SlotGrant;
  requestedAt: number;
  leaseMs: number;
  holdMs: number;
  giveBack: GiveBack;
  now?: () => number;
}): Lease & { remainingMs(): number } {
  const now = args.now ?? (() => performance.now());
  const deadline = args.requestedAt + args.leaseMs;
  let state: "held" | "sending" | "done" = "held";
  const finish = (ms: number) => {
    state = "done";
    if (ms >= MIN_GIVE_BACK_MS) args.giveBack(args.grant, ms);
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
      if (how === "not_sent") return finish(args.holdMs);
      if (how === "unanswered") return finish(0);
      // Upstream saw the request before it answered: the slot may be reused one window after now.
      const elapsed = now() - args.requestedAt;
      finish(args.leaseMs - Math.ceil(elapsed));
    },
    release() {
      if (state === "held") finish(args.holdMs);
    },
  };
}
