import type { createLease } from "./lease";

type HeldLease = ReturnType<typeof createLease>;

/**
 * The one spare lease a limiter keeps ready, so the next call needs no database round trip. A spare
 * with too little time left is not worth handing out, and one nobody takes is released just before
 * its lease runs out, giving the slot back to everyone.
 */
export function createSpare(minRemainingMs: number) {
  let held: { lease: HeldLease; timer: NodeJS.Timeout } | null = null;

  function take(): HeldLease | null {
    if (!held) return null;
    const { lease, timer } = held;
    held = null;
    clearTimeout(timer);
    if (lease.remainingMs() >= minRemainingMs) return lease;
    lease.release();
    return null;
  }

  function keep(lease: HeldLease): void {
    take()?.release();
    const timer = setTimeout(() => take()?.release(), Math.max(0, lease.remainingMs() - minRemainingMs));
    timer.unref();
    held = { lease, timer };
  }

  return { take, keep, has: () => held !== null };
}

/** A sleep that can be cut short (when this process hands a slot back). */
export function createNap() {
  let wake: (() => void) | null = null;
  return {
    nap(ms: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      }).finally(() => {
        wake = null;
      });
    },
    wake: () => wake?.(),
  };
}
