import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/headers";
import { isSameOriginRequest } from "@/lib/security/same-origin";

describe("isSameOriginRequest", () => {
  const request = (h: Record<string, string>) => new Headers(h);
  it.each([
    [{ origin: "http://localhost:3000", host: "localhost:3000" }, true],
    [{ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "same-origin" }, true],
    [{ origin: "https://gifts.acme.com", host: "10.0.0.5:3000", "x-forwarded-host": "gifts.acme.com" }, true],
    [{ host: "localhost:3000" }, false],
    [{ origin: "https://evil.example", host: "localhost:3000" }, false],
    [{ origin: "http://localhost:3000", host: "localhost:3000", "sec-fetch-site": "cross-site" }, false],
    [{ origin: "null", host: "localhost:3000" }, false],
  ])("%j → %s", (headers, expected) => {
    expect(isSameOriginRequest(request(headers))).toBe(expected);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows scripts only with the nonce, and no framing", () => {
    const csp = contentSecurityPolicy("abc123", {
      development: false,
      identityProviderOrigin: "https://idp.acme.com",
    });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("form-action 'self' https://idp.acme.com");
  });
});
