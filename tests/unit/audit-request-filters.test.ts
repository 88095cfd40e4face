import { describe, expect, it } from "vitest";
import { decodeAuditCursor, encodeAuditCursor } from "@/lib/audit/cursor";
import { auditFiltersOnly, auditQueryString, parseAuditParams } from "@/lib/audit/filters";
import { requestIdFor } from "@/lib/audit/request-id";

describe("request id", () => {
  const withId = (value?: string) => new Headers(value === undefined ? {} : { "x-request-id": value });

  it("keeps a well-formed id only from the configured proxy header", () => {
    expect(requestIdFor(withId("lb-7f3a9c2e:01"), "x-request-id")).toBe("lb-7f3a9c2e:01");
  });

  it("never keeps a client's own x-request-id when no proxy header is configured (issue 16)", () => {
    const id = requestIdFor(withId("client-chosen-id-0001"));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const trusted = new Headers({ "x-lb-id": "lb-7f3a9c2e:01", "x-request-id": "client-chosen-id-0001" });
    expect(requestIdFor(trusted, "x-lb-id")).toBe("lb-7f3a9c2e:01");
  });

  it.each([
    ["missing", undefined],
    ["too short", "abc"],
    ["with markup (log and CSV injection)", "abcdefgh<script>"],
    ["with spaces and quotes", '"; drop table --'],
    ["too long", "a".repeat(129)],
  ])("replaces one that is %s with a new UUID", (_label, value) => {
    const id = requestIdFor(withId(value), "x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(id).not.toBe(value);
  });
});

describe("audit filters in the URL", () => {
  it("parses the known filters and drops bad values one by one", () => {
    const params = parseAuditParams({
      actor: "  rep@ ",
      action: "user.hacked",
      targetType: "send",
      from: "2026-13-40",
      to: "2026-11-02",
      tz: "Mars Olympus",
      size: "7",
    });
    expect(params).toEqual({ actor: "rep@", targetType: "send", to: "2026-11-02", size: 50 });
    expect(auditFiltersOnly(params)).toEqual({ actor: "rep@", targetType: "send", to: "2026-11-02" });
  });

  it("writes a stable query string without unset keys or the default size", () => {
    expect(auditQueryString({ action: "export.sends", size: 50, actor: undefined })).toBe(
      "?action=export.sends",
    );
    expect(auditQueryString({ size: 25, after: "abc" })).toBe("?size=25&after=abc");
    expect(auditQueryString({})).toBe("");
  });

  it("round-trips a page cursor and treats anything else as the first page", () => {
    const cursor = { at: new Date("2026-11-01T12:00:00.123Z"), id: 42 };
    expect(decodeAuditCursor(encodeAuditCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "nonsense", Buffer.from("2026-11-01|x").toString("base64url")]) {
      expect(decodeAuditCursor(bad)).toBeUndefined();
    }
  });
});
