import { describe, expect, it } from "vitest";
import { backoffMs, retryAfterMs } from "@/lib/sendoso/retry";

describe("retry timing", () => {
  it("waits the default when a 429 has no Retry-After (Sendoso documents none)", () => {
    expect(retryAfterMs(new Headers())).toBe(1_000);
    expect(retryAfterMs(new Headers({ "retry-after": "" }))).toBe(1_000);
    expect(retryAfterMs(new Headers({ "retry-after": "Wed, 21 Oct 2026 07:28:00 GMT" }))).toBe(1_000);
  });

  it("honours Retry-After seconds up to a cap", () => {
    expect(retryAfterMs(new Headers({ "retry-after": "2" }))).toBe(2_000);
    expect(retryAfterMs(new Headers({ "retry-after": "0" }))).toBe(0);
    expect(retryAfterMs(new Headers({ "retry-after": "120" }))).toBe(5_000);
  });

  it("backs off with full jitter under a cap", () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ms = backoffMs(attempt);
      expect(ms).toBeGreaterThanOrEqual(0);
      expect(ms).toBeLessThanOrEqual(Math.min(2_000, 200 * 2 ** attempt));
    }
  });
});
