import { describe, expect, it } from "vitest";
import { isAuthorizedCronRequest } from "@/lib/security/cron-auth";

describe("isAuthorizedCronRequest", () => {
  const secret = "a-long-cron-secret-value";
  it.each([
    [`Bearer ${secret}`, secret, true],
    [`Bearer ${secret}x`, secret, false],
    ["Bearer wrong", secret, false],
    [secret, secret, false],
    [null, secret, false],
    [`Bearer ${secret}`, undefined, false],
  ])("%s → %s", (header, configured, ok) => {
    expect(isAuthorizedCronRequest(header, configured)).toBe(ok);
  });
});
